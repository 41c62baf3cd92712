"""The four confirmation pages of a report (submit, approve, return, reopen; issue 15) on a 390 px
phone (issue 18): nothing wider than the screen, the summary of what will happen on screen, and
the "Confirm" and "Cancel" buttons reachable (inside the screen, not covered by anything).

The plan carries the longest seed title and the agencies their real long names, as on the
demo portal. Screenshots land in the test's tmp_path (``shots/confirm_<step>.png``).
"""

import pytest
from django.urls import reverse

from plans.demo import TITLES
from reports import services
from reports.models import Obligation, ObligationStatus
from tests.reports.factories import build_cycle, full_data

PHONE = 390

# Where each thing sits against the screen, and whether a person's tap at its centre reaches it.
LAYOUT = """() => {
  const screen = document.documentElement.clientWidth;
  const box = sel => {
    const el = document.querySelector(sel);
    if (!el) return null;
    el.scrollIntoView({block: "center", behavior: "instant"});  // Bootstrap scrolls smoothly otherwise
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {left: Math.floor(r.left), right: Math.ceil(r.right), width: Math.round(r.width),
            visible: el.offsetParent !== null && r.width > 0 && r.height > 0,
            reachable: hit !== null && (hit === el || el.contains(hit)),
            disabled: !!el.disabled};
  };
  return {
    screen, page: document.documentElement.scrollWidth,
    summary: box("#confirm-summary"), effects: box("#confirm-effects"),
    effect_items: Array.from(document.querySelectorAll("#confirm-effects li")).filter(li => li.offsetParent !== null).length,
    confirm: box("button[name=confirmed]"), cancel: box("#confirm-summary ~ form a.btn"),
    reason: box("main form textarea[name=reason]"),
    widest: Math.max(0, ...Array.from(document.querySelectorAll("main *")).map(e => Math.ceil(e.getBoundingClientRect().right))),
  };
}"""


@pytest.fixture
def reports_in_every_state(transactional_db, province_agency, agency_a, agency_b, reporter_a, planner):
    """Quý I a draft (to submit), Quý II submitted (to approve or return), Quý III approved (to reopen)."""
    data = build_cycle(receiver=province_agency, reporters=[agency_a, agency_b])
    plan = data["plan"]
    plan.title = TITLES["004"]  # the longest seed title
    plan.save(update_fields=["title"])
    services.obligations_generate(plan=plan)
    obs = {
        label: Obligation.objects.get(period__requirement=data["req"], period__label=label, agency=agency_a)
        for label in ("Quý I/2024", "Quý II/2024", "Quý III/2024")
    }
    for ob in obs.values():
        services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=None, data=full_data(data))
    for label in ("Quý II/2024", "Quý III/2024"):
        services.obligation_submit(obligation=obs[label], acting_user=reporter_a)
    services.obligation_approve(obligation=obs["Quý III/2024"], acting_user=planner)
    for ob in obs.values():
        ob.refresh_from_db()
    assert [ob.status for ob in obs.values()] == [ObligationStatus.DRAFT, ObligationStatus.SUBMITTED, ObligationStatus.APPROVED]
    return {"submit": obs["Quý I/2024"], "approve": obs["Quý II/2024"], "return": obs["Quý II/2024"],
            "reopen": obs["Quý III/2024"]}


def test_confirmation_pages_fit_a_390px_phone(reports_in_every_state, session_for, reporter_a, planner):
    sessions = {"reporter": session_for(reporter_a, width=PHONE), "reviewer": session_for(planner, width=PHONE)}
    steps = [("submit", "reporter"), ("approve", "reviewer"), ("return", "reviewer"), ("reopen", "reviewer")]
    problems = {}
    for step, who in steps:
        s = sessions[who]
        ob = reports_in_every_state[step]
        page = s.go(reverse(f"reports:obligation_{step}", args=[ob.pk]))
        assert page.locator("#confirm-summary").count() == 1, (step, s.messages())
        s.shot(f"confirm_{step}")
        got = page.evaluate(LAYOUT)
        assert got["screen"] == PHONE, got
        found = []
        if got["page"] > got["screen"] or got["widest"] > got["screen"]:
            found.append(f"wider than the screen: page {got['page']}, widest element {got['widest']} px")
        if got["effect_items"] < 1 or not got["effects"]["visible"]:
            found.append("no visible summary of what will happen")
        for name in ("summary", "effects", "confirm", "cancel") + (("reason",) if step in ("return", "reopen") else ()):
            b = got[name]
            if b is None or not b["visible"]:
                found.append(f"{name} missing or hidden")
            elif b["left"] < 0 or b["right"] > got["screen"]:
                found.append(f"{name} off-screen: {b}")
            elif name in ("confirm", "cancel", "reason") and not b["reachable"]:
                found.append(f"{name} covered by another element: {b}")
        if got["confirm"] and got["confirm"]["disabled"]:
            found.append("the Confirm button is disabled")
        if found:
            problems[step] = found
    print("screenshots in", sessions["reviewer"].shots)
    assert not problems, problems
    # The buttons really work at this size: the reporter's tap on "Confirm" submits the report.
    s = sessions["reporter"]
    ob = reports_in_every_state["submit"]
    page = s.go(reverse("reports:obligation_submit", args=[ob.pk]))
    page.locator("button[name=confirmed]").click()
    page.wait_for_url(f"{s.base}{ob.get_absolute_url()}")
    ob.refresh_from_db()
    assert ob.status == ObligationStatus.SUBMITTED
