"""Demo step of the dashboards: no data of their own — check and show what leaders will see.

``load_demo`` runs this last. It computes the demo leader's key figures (UBND tỉnh Quảng Ngãi,
user ``lanhdao``) through the same selectors as the page, so a broken aggregate shows up at
install time, and prints where to look. It writes nothing, so it is idempotent.
"""

from . import selectors as s

DEMO_LEADER = "lanhdao"


def load(*, stdout, today) -> None:
    from directory.models import User

    from .views import home_numbers

    user = User.objects.select_related("agency__unit").filter(username=DEMO_LEADER).first()
    if user is None or user.agency is None:
        stdout.write(f"dashboards: demo leader {DEMO_LEADER!r} not found, nothing to check")
        return
    area = s.Area.of(user.agency.unit)
    numbers = home_numbers(area, s.Window(today.year), today)
    reports = numbers["reports"]
    stdout.write(
        f"dashboards: {user.username} ({area.unit}) sees {numbers['plans']['active']} active plans, "
        f"{numbers['targets']['total']} targets ({numbers['targets']['behind']} behind), "
        f"{reports['due']} reports due in {today.year} ({reports['missing']} missing, {reports['late']} late) "
        "— /dashboards/"
    )
