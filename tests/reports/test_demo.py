"""The reports demo: history for seeds 001/002 and a live cycle relative to ``today``."""

import datetime
import io
from collections import Counter

import pytest
from django.core.management import call_command

from directory.models import User
from plans import demo as plans_demo
from plans.models import PlanStatus
from reports import demo, selectors
from reports.models import Notification, NotificationAsk, Obligation, ObligationStatus, ReminderLog, ReportedValue

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

TODAY = datetime.date(2026, 11, 25)


@pytest.fixture
def loaded(db):
    from directory import demo as directory_demo

    out = io.StringIO()
    call_command("load_units", stdout=out)
    directory_demo.load(stdout=out, today=TODAY)
    plans_demo.load(stdout=out, today=TODAY)
    demo.load(stdout=out, today=TODAY)
    return out


def test_demo_history_live_cycle_and_idempotence(loaded):
    """History with every kind of outcome; a live cycle for the demo users; a re-run changes nothing."""
    for code in ("001", "002"):
        statuses = Counter(Obligation.objects.filter(period__requirement__plan=plans_demo.seed_plan(code))
                           .values_list("status", flat=True))
        assert statuses[ObligationStatus.APPROVED] > 10 if code == "001" else statuses[ObligationStatus.APPROVED] > 5
        assert statuses[ObligationStatus.RETURNED] == 1 and statuses[ObligationStatus.NOT_STARTED] >= 1
        late = [o for o in Obligation.objects.filter(period__requirement__plan=plans_demo.seed_plan(code),
                                                     submitted_at__isnull=False).select_related("period") if o.is_late]
        assert late, "some submissions are late"

    plan = plans_demo.seed_plan("current")
    assert plan == demo.current_plan() and plan.status == PlanStatus.ISSUED
    assert plan.reference == "45/KH-UBND"
    xa, sonha, quangngai = (User.objects.get(username=u) for u in ("xa_ngochoi", "sonha", "quangngai"))
    due_xa = selectors.agency_due(xa.agency_id, TODAY)
    assert due_xa.late and due_xa.late[0].period.requirement.plan == plan  # overdue
    assert any((o.period.due_date - TODAY).days <= 7 for o in due_xa.upcoming)  # due within 7 days
    assert [o.period.requirement.plan for o in selectors.agency_due(sonha.agency_id, TODAY).returned] == [plan]
    inbox = list(selectors.review_inbox(quangngai))
    assert len(inbox) == 2 and all(o.period.requirement.plan == plan for o in inbox)
    # Seeded notifications carry the times of their steps (not all the load's "now"), and a
    # "please review" is open only for reports still waiting for review.
    notes = list(Notification.objects.values_list("obligation_id", "title", "created"))
    steps = {(ob, title) for ob, title, _ in notes}
    assert len({created for _, _, created in notes}) >= 0.9 * len(steps) > 20
    open_reviews = Notification.objects.filter(asks=NotificationAsk.REVIEW, resolved_at__isnull=True)
    assert open_reviews.exists()
    assert set(open_reviews.values_list("obligation__status", flat=True)) == {ObligationStatus.SUBMITTED}
    # The live plan names only bodies alive on its date; the demo accounts' former agencies
    # keep their 2024 records, which their successors read.
    live = Obligation.objects.filter(period__requirement__plan=plan).select_related("agency__unit", "period__requirement__receiver")
    assert live and all(o.agency.valid_to is None and o.agency.unit.valid_to is None for o in live)
    assert all(o.period.requirement.receiver.valid_to is None for o in live)
    old_2024 = Obligation.objects.filter(period__requirement__plan=plans_demo.seed_plan("002"))
    assert old_2024.exists()
    assert set(old_2024.values_list("pk", flat=True)) <= set(selectors.obligations_visible_to(sonha).values_list("pk", flat=True))
    from plans.selectors import plans_visible_to

    assert plans_demo.seed_plan("002") in plans_visible_to(sonha) and plan in plans_visible_to(sonha)
    assert plans_demo.seed_plan("001") in plans_visible_to(User.objects.get(username="ngochoi"))
    assert plans_demo.seed_plan("001") not in plans_visible_to(sonha)
    # Sở Tài chính receives the communes' thematic report: two waiting, one approved.
    sotaichinh = User.objects.get(username="sotaichinh")
    thematic = [o for o in selectors.review_inbox(sotaichinh) if o.period.requirement.frequency == "once"]
    assert len(thematic) == 2 and all(o.agency.unit.level == "commune" for o in thematic)
    assert Obligation.objects.filter(period__requirement__receiver=sotaichinh.agency, status=ObligationStatus.APPROVED,
                                     period__requirement__frequency="once").count() == 1

    # Values are plausible: no negative numbers, shares stay percentages.
    for v in ReportedValue.objects.filter(obligation__period__requirement__plan=plan, value__isnull=False).select_related("target"):
        assert v.value >= 0 and (v.target.unit != "%" or v.value <= 100)

    counts = (Obligation.objects.count(), ReportedValue.objects.count(), ReminderLog.objects.count())
    out = io.StringIO()
    demo.load(stdout=out, today=TODAY)
    assert "already loaded" in out.getvalue()
    assert (Obligation.objects.count(), ReportedValue.objects.count(), ReminderLog.objects.count()) == counts

    # The daily jobs find something to do on the demo: the overdue report is escalated once.
    call_command("run_reporting_jobs", "--date", TODAY.isoformat(), stdout=io.StringIO())
    assert ReminderLog.objects.filter(kind="overdue", obligation=due_xa.late[0]).count() == 1
    call_command("run_reporting_jobs", "--date", TODAY.isoformat(), stdout=io.StringIO())
    assert ReminderLog.objects.filter(kind="overdue", obligation=due_xa.late[0]).count() == 1

    # The dashboards on this demo (issue 15; tests/cooperatives/test_demo.py checks the registry
    # demo, which loads no reports): the report figures of the demo leader and planner equal an
    # independent computation over the raw rows, and every figure of the leader's pages the list
    # it links to.
    from django.test import Client

    from dashboards.selectors import Window
    from tests.dashboards.test_crosscheck_registry import (
        RawWorld,
        assert_figures_equal_their_lists,
        assert_registry_and_drill_down,
    )

    raw = RawWorld()
    for username in ("lanhdao", "quangngai", "ngochoi"):
        for window in (Window(2024), Window(2025), Window(2026), Window(2026, 3)):
            assert_registry_and_drill_down(raw, User.objects.get(username=username).agency.unit, window, TODAY)
    assert assert_figures_equal_their_lists(Client(), User.objects.get(username="lanhdao")) > 3


def test_every_users_notifications_have_distinct_real_times(loaded):
    """Issue 18: "all seeded notifications have the same time". Each demo user's notification
    centre lists every notification at its own time, none at the moment the demo was loaded."""
    from django.db.models import Count, Max

    per_user = Notification.objects.values("user__username").annotate(
        n=Count("id"), times=Count("created", distinct=True), latest=Max("created")
    )
    assert per_user
    for row in per_user:
        assert row["times"] == row["n"], row
        assert row["latest"].date() <= TODAY, row


def test_leader_home_in_force_list_matches_its_figure(loaded, monkeypatch):
    """Issue 18: the leader's home listed finished plans and a one-day event under "Kế hoạch
    đang thực hiện trên địa bàn" while its figure said 1. On the demo, as `lanhdao` sees it
    on the demo's day, the figure and the list count the same plans, and the People's
    Committee, which issued the live plan, is not told it was given nothing."""
    from django.test import RequestFactory
    from django.utils import timezone, translation

    from dashboards import panels as dashboard_panels
    from plans import panels as plan_panels

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)
    request = RequestFactory().get("/")
    request.user = User.objects.get(username="lanhdao")
    with translation.override("en"):
        figure = dashboard_panels.home_panels(request)[0]["context"]["plans"]["active"]
        lists = {str(p["context"]["title"]): p["context"] for p in plan_panels.home_panels(request)}
    in_force = lists["Plans in force in your area"]["plans"]
    assert figure == len(in_force) >= 1
    own = lists["Plans of your agency (issued or assigned)"]["plans"]
    assert plans_demo.seed_plan("current") in own
