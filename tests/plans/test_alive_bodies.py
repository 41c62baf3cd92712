"""Plans name only bodies alive on their dates (issue 14): after 30/06/2025 no abolished district
office; before 01/07/2025 none of the bodies the reform created. Checked at the boundary."""

import datetime

import pytest
from django.utils import translation

from plans.forms import PlanIssueForm, plan_form_bundle
from tests.directory.factories import AgencyFactory, CommuneFactory, ProvinceFactory
from tests.plans.factories import PlanFactory
from tests.plans.helpers import plan_post

pytestmark = pytest.mark.django_db

ENDED = datetime.date(2025, 6, 30)
BEGUN = datetime.date(2025, 7, 1)


@pytest.fixture
def old_office(agency_a, province):
    """Phòng TC-KH huyện Sơn Hà, abolished with its district; UBND xã Sơn Hà took it over."""
    commune = CommuneFactory(name="Sơn Hà", code="21289", parent=province, valid_from=BEGUN)
    successor = AgencyFactory(name="Ủy ban nhân dân xã Sơn Hà", unit=commune, valid_from=BEGUN)
    agency_a.valid_to = ENDED
    agency_a.successor = successor
    agency_a.save()
    return agency_a


def _req(reporter, receiver):
    return {"name": "Báo cáo quý", "reporters": [str(reporter.pk)], "receiver": str(receiver.pk), "frequency": "quarterly",
            "due_rule": "day_of_last_month", "due_day": "25", "cutoff_rule": "decree09", "reminder_offsets": "7,3,1",
            "active": "on"}


def _bundle(user, issuer, start, end, rows=None):
    header = {"issuer": issuer.pk, "symbol": "KH-UBND", "title": "Kế hoạch", "kind": "annual",
              "period_start": start, "period_end": end}
    return plan_form_bundle(user=user, data=plan_post(header, rows))


@pytest.mark.parametrize(("start", "ok"), [("30/06/2025", True), ("01/07/2025", False)])
def test_issuer_must_be_alive_on_the_plan_date(old_office, start, ok):
    """The successor's planner enters the abolished office's plans (issue 12: only issuers whose
    plans the planner writes are offered), but only for dates the office still existed."""
    from tests.directory.factories import UserFactory

    successor_planner = UserFactory(username="ubnd_xa_sonha", agency=old_office.successor, is_planner=True)
    with translation.override("vi"):
        bundle = _bundle(successor_planner, old_office, start, "31/12/2026")
        assert bundle.is_valid() is ok
        if not ok:
            message = bundle.form.errors["issuer"][0]
            assert "Phòng Tài chính - Kế hoạch huyện Sơn Hà đã giải thể từ 01/07/2025" in message
            assert "Ủy ban nhân dân xã Sơn Hà" in message  # the successor is named


@pytest.mark.parametrize(("start", "end", "ok"), [
    ("01/01/2025", "31/12/2025", True),   # alive during the first half of the plan
    ("01/07/2025", "31/12/2026", False),  # a live plan: the office no longer exists
])
def test_reporters_must_be_alive_during_the_plan(planner, old_office, start, end, ok):
    with translation.override("vi"):
        bundle = _bundle(planner, planner.agency, start, end, {"reporting_requirements": [_req(old_office, planner.agency)]})
        assert bundle.is_valid() is ok
        if not ok:
            errors = bundle.formsets["reporting_requirements"].forms[0].errors["reporters"]
            assert "đã giải thể từ 01/07/2025" in errors[0]


def test_tasks_and_responsibilities_refuse_ended_agencies(planner, old_office):
    rows = {
        "tasks": [{"group": "III", "number": "1", "text": "Tham mưu", "lead_agency": str(old_office.pk),
                   "timeframe_kind": "ongoing"}],
        "responsibilities": [{"agency": str(old_office.pk), "text": "Theo dõi"}],
    }
    with translation.override("vi"):
        bundle = _bundle(planner, planner.agency, "01/01/2026", "31/12/2026", rows)
        assert not bundle.is_valid()
        assert "đã giải thể từ 01/07/2025" in bundle.formsets["tasks"].forms[0].errors["lead_agency"][0]
        assert "đã giải thể từ 01/07/2025" in bundle.formsets["responsibilities"].forms[0].errors["agency"][0]


def test_a_new_body_is_refused_before_it_began(planner, old_office):
    """Before 01/07/2025 the successor did not exist yet: a 2024 plan cannot name it."""
    successor = old_office.successor
    with translation.override("vi"):
        bundle = _bundle(planner, planner.agency, "01/01/2024", "31/12/2024", {"reporting_requirements": [_req(successor, planner.agency)]})
        assert not bundle.is_valid()
        errors = bundle.formsets["reporting_requirements"].forms[0].errors["reporters"]
        assert "chỉ hoạt động từ 01/07/2025" in errors[0]


def test_an_old_plan_may_hand_its_second_half_of_2025_to_the_successor(planner, old_office):
    with translation.override("vi"):
        bundle = _bundle(planner, planner.agency, "01/01/2023", "31/12/2025",
                         {"reporting_requirements": [_req(old_office.successor, planner.agency)]})
        assert bundle.is_valid(), [fs.errors for fs in bundle.formsets.values()]


def test_the_offered_agencies_follow_the_plan_window(planner, old_office):
    """The live plan's selects do not offer the abolished office; a 2024 plan's do."""
    live = PlanFactory(issuer=planner.agency, period_start=datetime.date(2026, 1, 1), period_end=datetime.date(2026, 12, 31))
    old = PlanFactory(issuer=planner.agency, period_start=datetime.date(2024, 1, 1), period_end=datetime.date(2024, 12, 31))
    assert old_office not in plan_form_bundle(user=planner, plan=live).choices.agencies
    assert old_office.successor in plan_form_bundle(user=planner, plan=live).choices.agencies
    assert old_office in plan_form_bundle(user=planner, plan=old).choices.agencies
    assert old_office.successor not in plan_form_bundle(user=planner, plan=old).choices.agencies


@pytest.mark.parametrize(("day", "ok"), [("30/06/2025", True), ("01/07/2025", False)])
def test_an_abolished_issuer_issues_nothing_after_it_ended(old_office, day, ok):
    plan = PlanFactory(issuer=old_office, period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2025, 12, 31))
    with translation.override("vi"):
        form = PlanIssueForm(data={"number": "5", "issue_date": day}, plan=plan)
        assert form.is_valid() is ok
        if not ok:
            assert "đã giải thể từ 01/07/2025" in form.errors["issue_date"][0]


def test_selectors_at_the_boundary(old_office):
    from directory.selectors import agencies_alive_on, units_alive_on

    assert old_office in agencies_alive_on(ENDED)
    assert old_office not in agencies_alive_on(BEGUN)
    assert old_office.successor not in agencies_alive_on(ENDED)
    assert old_office.successor in agencies_alive_on(BEGUN)
    assert old_office.successor.unit in units_alive_on(BEGUN)
    assert old_office.successor.unit not in units_alive_on(ENDED)
    ProvinceFactory()  # unrelated rows do not disturb the filter
