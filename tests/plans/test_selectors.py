"""Selectors: who sees which plan, who may edit, the targets table with providers, panels."""

import datetime
from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.utils import timezone, translation

from plans import panels, providers
from plans.models import Responsibility
from plans.providers import TargetValue
from plans.selectors import plan_can_edit, plan_get_for_detail, plan_target_rows, plans_visible_to
from tests.directory.factories import AgencyFactory, DistrictFactory, ProvinceFactory, UserFactory
from tests.plans.factories import (
    IssuedPlanFactory,
    PlanFactory,
    PlanTargetFactory,
    PlanTaskFactory,
    ReportingRequirementFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("how", ["lead", "coordinating", "responsibility", "reporter", "receiver"])
def test_assigned_agency_sees_the_plan(reporter_a, agency_a, agency_b, how):
    """An agency outside the issuer's area sees a plan that assigns it something."""
    plan = PlanFactory(issuer=agency_b)
    assert plan not in plans_visible_to(reporter_a)
    if how == "lead":
        PlanTaskFactory(plan=plan, lead_agency=agency_a)
    elif how == "coordinating":
        PlanTaskFactory(plan=plan).coordinating_agencies.add(agency_a)
    elif how == "responsibility":
        Responsibility.objects.create(plan=plan, agency=agency_a, text="Theo dõi")
    elif how == "reporter":
        ReportingRequirementFactory(plan=plan, receiver=agency_b, reporters=[agency_a])
    else:
        ReportingRequirementFactory(plan=plan, receiver=agency_a, reporters=[agency_b])
    assert list(plans_visible_to(reporter_a)) == [plan]
    assert not plan_can_edit(reporter_a, plan)


def test_area_includes_units_below_and_predecessors(db):
    """A leader of a merged province sees plans filed under the old provinces' units."""
    new = ProvinceFactory(name="Quảng Ngãi (mới)")
    old = ProvinceFactory(name="Kon Tum (cũ)")
    old.successors.add(new)
    district = DistrictFactory(parent=old)
    leader = UserFactory(agency=AgencyFactory(unit=new), is_leader=True)
    plan = PlanFactory(issuer=AgencyFactory(unit=district))
    other = PlanFactory(issuer=AgencyFactory(unit=ProvinceFactory()))
    visible = set(plans_visible_to(leader))
    assert plan in visible and other not in visible


def test_anonymous_inactive_and_agencyless_see_nothing(db, agency_a):
    """Nobody without an active account and an agency sees plans (admins excepted)."""
    PlanFactory(issuer=agency_a)
    from django.contrib.auth.models import AnonymousUser

    assert not plans_visible_to(AnonymousUser()).exists()
    assert not plans_visible_to(UserFactory(agency=None, is_planner=True)).exists()
    assert not plans_visible_to(UserFactory(agency=agency_a, is_active=False, is_planner=True)).exists()
    assert plans_visible_to(UserFactory(agency=None, is_superuser=True)).exists()


def test_plan_can_edit(planner, planner_a, leader, agency_a, agency_b, province_agency):
    """The issuing agency's planners edit; a provincial planner of another agency (Liên minh
    HTX) whose area contains the issuer does not, nor do leaders or planners elsewhere (issue 12)."""
    plan = PlanFactory(issuer=agency_a)
    assert plan_can_edit(planner_a, plan)
    assert not plan_can_edit(planner, plan)
    assert not plan_can_edit(leader, plan)
    assert not plan_can_edit(planner_a, PlanFactory(issuer=agency_b))
    assert plan_can_edit(planner, PlanFactory(issuer=province_agency))


def test_plan_can_edit_governing_body_and_predecessors(province, agency_a):
    """A department drafts for the People's Committee it belongs to (Agency.parent), and a
    successor writes the plans of the body it took over; not the other way round."""
    ubnd = AgencyFactory(name="Ủy ban nhân dân tỉnh", unit=province)
    so = AgencyFactory(name="Sở Tài chính", short_name="STC", kind="so", unit=province, parent=ubnd)
    old = AgencyFactory(name="Sở Kế hoạch và Đầu tư", short_name="SKHĐT", kind="so", unit=province,
                        valid_to=datetime.date(2025, 6, 30), successor=so)
    so_planner = UserFactory(username="so_planner", agency=so, is_planner=True)
    ubnd_planner = UserFactory(username="ubnd_planner", agency=ubnd, is_planner=True)
    assert plan_can_edit(so_planner, PlanFactory(issuer=ubnd))
    assert plan_can_edit(so_planner, PlanFactory(issuer=old))
    assert not plan_can_edit(ubnd_planner, PlanFactory(issuer=so))
    assert not plan_can_edit(so_planner, PlanFactory(issuer=agency_a))
    assert not plan_can_edit(UserFactory(username="so_inactive", agency=so, is_planner=True, is_active=False),
                             PlanFactory(issuer=so))


def test_target_rows_without_providers(planner, agency_a):
    """Without providers: no value columns, targets grouped by milestone year, no data."""
    saved = dict(providers._PROVIDERS)
    providers._PROVIDERS.clear()
    try:
        plan = PlanFactory(issuer=agency_a)
        PlanTargetFactory(plan=plan, milestone_year=2025, order=1)
        PlanTargetFactory(plan=plan, milestone_year=2024)
        table = plan_target_rows(plan_get_for_detail(plan.pk, planner), datetime.date(2024, 6, 30))
        assert table.providers == []
        assert [year for year, _rows in table.groups] == [2024, 2025]
        assert all(row.progress.status == "no_data" for row in table.rows)
    finally:
        providers._PROVIDERS.update(saved)


def test_target_rows_prefer_reported_values(planner, agency_a):
    """Progress uses the reported value when there is one, else the registry's."""
    plan = PlanFactory(issuer=agency_a)
    t1 = PlanTargetFactory(plan=plan, value=Decimal(17), baseline=Decimal(15))
    t2 = PlanTargetFactory(plan=plan, value=Decimal(17), baseline=Decimal(15))
    saved = dict(providers._PROVIDERS)
    providers._PROVIDERS.clear()
    providers.register_target_value_provider("registry", "Sổ theo dõi", lambda p, ts: {t.pk: TargetValue(Decimal(16)) for t in ts})
    providers.register_target_value_provider("reported", "Báo cáo", lambda p, ts: {t1.pk: TargetValue(Decimal(17), "Quý II/2024")})
    try:
        table = plan_target_rows(plan_get_for_detail(plan.pk, planner), datetime.date(2024, 6, 30))
        rows = {row.target.pk: row for row in table.rows}
        assert [key for key, _label in table.providers] == ["registry", "reported"]
        assert (rows[t1.pk].actual, rows[t1.pk].actual_source, rows[t1.pk].progress.status) == (17, "reported", "achieved")
        assert (rows[t2.pk].actual, rows[t2.pk].actual_source) == (16, "registry")
        assert rows[t2.pk].cells[1] is None
    finally:
        providers._PROVIDERS.clear()
        providers._PROVIDERS.update(saved)


def test_panels_by_role(planner, reporter_a, leader, agency_a):
    """Planners get drafts and recent changes; reporters their assignments; leaders also plans in force."""
    draft = PlanFactory(issuer=planner.agency)
    today = timezone.localdate()
    assigned = IssuedPlanFactory(issuer=planner.agency, period_start=today.replace(month=1, day=1), period_end=today.replace(month=12, day=31))
    PlanTaskFactory(plan=assigned, lead_agency=agency_a)

    def panel_plans(user):
        request = RequestFactory().get("/")
        request.user = user
        with translation.override("en"):
            return {str(p["context"]["title"]): p["context"]["plans"] for p in panels.home_panels(request)}

    planner_panels = panel_plans(planner)
    assert draft in planner_panels["Drafts of your agency"] and assigned not in planner_panels["Drafts of your agency"]
    assert set(planner_panels["Recently changed plans"]) == {draft, assigned}
    assert panel_plans(reporter_a) == {"Plans your agency is assigned in": [assigned]}
    assert panel_plans(leader)["Plans in force in your area"] == [assigned]


def test_leader_home_in_force_and_own_plans(leader, reporter_a, agency_a):
    """The leader's "in force" list holds only plans being implemented today (no finished plan,
    no past one-day event), and a People's Committee that issued a plan is not told it was
    given nothing (issue 18)."""
    today = timezone.localdate()
    year = datetime.timedelta(days=365)
    current = IssuedPlanFactory(issuer=leader.agency, period_start=today - year, period_end=today + year)
    finished = IssuedPlanFactory(issuer=leader.agency, period_start=today - 3 * year, period_end=today - year)
    event = IssuedPlanFactory(issuer=leader.agency, period_start=today - datetime.timedelta(days=40),
                              period_end=today - datetime.timedelta(days=40))
    in_force_draft = PlanFactory(issuer=leader.agency, in_force=True, period_start=today - year, period_end=today + year)
    PlanFactory(issuer=leader.agency, period_start=today, period_end=today + year)  # a plain draft

    request = RequestFactory().get("/")
    request.user = leader
    with translation.override("en"):
        got = {str(p["context"]["title"]): (p["context"]["plans"], str(p["context"]["empty"])) for p in panels.home_panels(request)}
    assert set(got["Plans in force in your area"][0]) == {current, in_force_draft}
    own = got["Plans of your agency (issued or assigned)"][0]
    assert {current, finished, event, in_force_draft} == set(own)
    assert "Plans your agency is assigned in" not in got
    # A reporter keeps the list of what their agency is assigned.
    request.user = reporter_a
    with translation.override("en"):
        titles = [str(p["context"]["title"]) for p in panels.home_panels(request)]
    assert titles == ["Plans your agency is assigned in"]


def test_titles_cut_at_a_word_boundary():
    """Long plan and task titles end in "…" after a whole word (issue 18)."""
    from core.text import shorten

    text = "Hỗ trợ thành lập mới hợp tác xã nông nghiệp ứng dụng công nghệ cao gắn với chuỗi giá trị sản phẩm chủ lực"
    short = shorten(text, 40)
    assert short.endswith("…") and len(short) <= 40
    assert text.startswith(short[:-1]) and text[len(short) - 1] == " "
    assert shorten("ngắn", 40) == "ngắn"
    task = PlanTaskFactory.build(number="", title="", text=text)
    assert str(task).endswith("…") and text.startswith(str(task)[:-1]) and text[len(str(task)) - 1] == " "
