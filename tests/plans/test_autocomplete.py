"""Autocomplete for agencies, units, issuers and plans (issue 17).

The endpoints serve exactly the querysets of the fields they fill (in scope: listed; out of
scope: never, whatever is typed); the forms still refuse an out-of-scope id; the pages render
only the chosen options, so the plan edit page of the largest seed plan stays small.
"""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from plans.filtersets import PlanFilterSet
from plans.models import Plan, Responsibility
from plans.selectors import plans_visible_to
from tests.directory.factories import AgencyFactory, DistrictFactory, ProvinceFactory, UserFactory
from tests.plans.factories import PlanFactory, PlanTaskFactory
from tests.plans.helpers import plan_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def elsewhere(db):
    """An agency of another province: never offered to the Quảng Ngãi cast."""
    province = ProvinceFactory(name="Kon Tum", code="62")
    district = DistrictFactory(name="Ngọc Hồi", code="610", parent=province)
    return AgencyFactory(name="Phòng Kinh tế huyện Ngọc Hồi", short_name="PKT", kind="phong", unit=district)


def _values(client, name, q=""):
    response = client.get(reverse(name), {"q": q})
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    return {int(r["value"]): r for r in response.json()["results"]}


class TestEndpointScoping:
    def test_assignable_agencies_are_the_planners_province(self, client_for, planner_a, agency_a, agency_b, province_agency, elsewhere):
        """A district planner can assign any agency of the province, never one of another province."""
        found = _values(client_for(planner_a), "plans:autocomplete_agencies")
        assert {agency_a.pk, agency_b.pk, province_agency.pk} <= set(found)
        assert elsewhere.pk not in found
        assert found[agency_a.pk]["sub"] == "huyện Sơn Hà"

    def test_typed_words_never_widen_the_scope(self, client_for, planner_a, elsewhere):
        """Typing the other province's agency name finds nothing."""
        assert _values(client_for(planner_a), "plans:autocomplete_agencies", "ngoc hoi") == {}
        assert _values(client_for(planner_a), "plans:autocomplete_issuers", "Ngọc Hồi") == {}

    def test_search_is_accent_insensitive(self, client_for, planner_a, agency_a, agency_b):
        found = _values(client_for(planner_a), "plans:autocomplete_agencies", "son ha")
        assert set(found) == {agency_a.pk}

    def test_plan_issuers_are_the_planners_area(self, client_for, planner_a, agency_a, agency_b):
        """The header's issuer: the district planner's own area only (issuers_for)."""
        found = _values(client_for(planner_a), "plans:autocomplete_issuers")
        assert agency_a.pk in found and agency_b.pk not in found

    def test_admin_sees_every_agency(self, client_for, admin_user, agency_a, elsewhere):
        found = _values(client_for(admin_user), "plans:autocomplete_agencies")
        assert {agency_a.pk, elsewhere.pk} <= set(found)

    def test_filter_issuers_follow_the_visible_plans(self, client_for, reporter_a, agency_a, agency_b):
        """The list filter offers the issuers of the plans the user reads, not the other district's."""
        PlanFactory(issuer=agency_a, title="Kế hoạch Sơn Hà")
        PlanFactory(issuer=agency_b, title="Kế hoạch Ba Tơ")
        found = _values(client_for(reporter_a), "plans:autocomplete_filter_issuers")
        assert set(found) == {agency_a.pk}

    def test_plans_follow_plans_visible_to(self, client_for, reporter_a, agency_a, agency_b):
        mine = PlanFactory(issuer=agency_a, title="Kế hoạch Sơn Hà")
        other = PlanFactory(issuer=agency_b, title="Kế hoạch Ba Tơ")
        found = _values(client_for(reporter_a), "plans:autocomplete_plans")
        assert mine.pk in found and other.pk not in found
        assert found[mine.pk]["sub"] == agency_a.name

    def test_units_are_the_users_provinces_and_districts(self, client_for, reporter_a, district_a, district_b, commune_a, elsewhere):
        found = _values(client_for(reporter_a), "directory:autocomplete_units")
        assert district_a.pk in found
        assert district_b.pk not in found and commune_a.pk not in found and elsewhere.unit_id not in found

    def test_results_are_bounded(self, client_for, admin_user, district_a):
        for i in range(25):
            AgencyFactory(name=f"Ủy ban nhân dân xã {i}", unit=district_a)
        response = client_for(admin_user).get(reverse("plans:autocomplete_agencies"), {"q": "uy ban"})
        data = response.json()
        assert len(data["results"]) == 20 and data["more"] is True

    @pytest.mark.parametrize("name", ["plans:autocomplete_agencies", "plans:autocomplete_issuers"])
    def test_planner_endpoints_refuse_other_roles(self, client_for, client, reporter_a, name):
        assert client_for(reporter_a).get(reverse(name)).status_code == 403
        assert client.get(reverse(name)).status_code == 302  # anonymous: to the login page

    def test_user_without_agency_gets_nothing(self, client_for, agency_a):
        loose = UserFactory(username="loose", agency=None, is_planner=True)
        assert _values(client_for(loose), "plans:autocomplete_agencies") == {}
        assert _values(client_for(loose), "directory:autocomplete_units") == {}


class TestFormsStillRefuse:
    HEADER = {"symbol": "KH-UBND", "title": "Kế hoạch năm 2024", "kind": "annual",
              "period_start": "01/01/2024", "period_end": "31/12/2024"}

    def test_row_agency_outside_the_province_is_refused(self, client_for, planner_a, agency_a, elsewhere):
        rows = {"tasks": [{"number": "1", "title": "Tuyên truyền", "lead_agency": str(elsewhere.pk), "timeframe_kind": "ongoing"}],
                "responsibilities": [{"agency": str(elsewhere.pk), "text": "Phối hợp"}]}
        response = client_for(planner_a).post(reverse("plans:plan_create"), plan_post({"issuer": agency_a.pk, **self.HEADER}, rows))
        assert response.status_code == 200 and Plan.objects.count() == 0
        assert b"is-invalid" in response.content

    def test_multi_agency_outside_the_province_is_refused(self, client_for, planner_a, agency_a, elsewhere):
        rows = {"reporting_requirements": [{"reporters": [str(agency_a.pk), str(elsewhere.pk)], "receiver": str(agency_a.pk),
                                            "frequency": "annual", "due_rule": "fixed_date", "due_date": "05/12/2024",
                                            "cutoff_rule": "due", "reminder_offsets": "7", "active": "on"}]}
        response = client_for(planner_a).post(reverse("plans:plan_create"), plan_post({"issuer": agency_a.pk, **self.HEADER}, rows))
        assert response.status_code == 200 and Plan.objects.count() == 0

    def test_linked_plan_outside_scope_is_refused(self, client_for, planner_a, agency_a, agency_b):
        hidden = PlanFactory(issuer=agency_b, title="Kế hoạch Ba Tơ")
        rows = {"legal_bases": [{"verb": "Căn cứ", "kind": "plan", "number": "1/KH", "title": "x", "linked_plan": str(hidden.pk)}]}
        response = client_for(planner_a).post(reverse("plans:plan_create"), plan_post({"issuer": agency_a.pk, **self.HEADER}, rows))
        assert response.status_code == 200 and Plan.objects.count() == 1

    def test_filter_refuses_an_issuer_outside_scope(self, reporter_a, agency_a, agency_b):
        PlanFactory(issuer=agency_b)
        request = type("R", (), {"user": reporter_a})()
        fs = PlanFilterSet({"issuer": str(agency_b.pk)}, queryset=plans_visible_to(reporter_a), request=request)
        assert not fs.is_valid() and "issuer" in fs.errors


def _select(body: str, name: str) -> str:
    match = re.search(rf'<select name="{re.escape(name)}".*?</select>', body, re.S)
    assert match, name
    return match.group(0)


class TestRendering:
    def test_rows_render_only_the_chosen_agencies(self, client_for, planner_a, agency_a, agency_b, province_agency, elsewhere):
        """Each agency select holds its chosen option(s) and the empty one, whatever the province holds."""
        for i in range(30):
            AgencyFactory(name=f"Ủy ban nhân dân xã {i}", unit=agency_a.unit)
        plan = PlanFactory(issuer=agency_a)
        task = PlanTaskFactory(plan=plan, number="1", lead_agency=agency_b)
        task.coordinating_agencies.add(agency_a, province_agency)
        Responsibility.objects.create(plan=plan, agency=agency_b, text="Phối hợp")
        body = client_for(planner_a).get(reverse("plans:plan_update", args=[plan.pk])).content.decode()
        lead = _select(body, "tasks-0-lead_agency")
        assert lead.count("<option") == 2 and f'value="{agency_b.pk}" selected' in lead
        # The saved plan's dates go with the endpoint; the header's fields are sent as edited.
        assert 'data-autocomplete="/plans/autocomplete/agencies/?period_start=2024-01-01&amp;period_end=2025-12-31"' in lead
        assert 'data-autocomplete-fields="issue_date period_start period_end"' in lead
        coordinating = _select(body, "tasks-0-coordinating_agencies")
        assert coordinating.count("<option") == 2 and "Liên minh Hợp tác xã" in coordinating
        assert _select(body, "responsibilities-0-agency").count("<option") == 2
        assert _select(body, "tasks-__prefix__-lead_agency").count("<option") == 1
        assert body.count("Ủy ban nhân dân xã") == 0

    def test_list_filter_renders_no_long_lists(self, client_for, admin_user, province):
        """Sixty issuers and districts: the filter's selects still hold one option each."""
        for i in range(60):
            district = DistrictFactory(name=f"Huyện {i}", parent=province)
            PlanFactory(issuer=AgencyFactory(name=f"UBND huyện {i}", unit=district))
        body = client_for(admin_user).get(reverse("plans:plan_list")).content.decode()
        assert _select(body, "issuer").count("<option") == 1
        assert _select(body, "unit").count("<option") == 1
        assert body.count("<option") < 40

    def test_list_filter_keeps_the_chosen_issuer(self, client_for, reporter_a, agency_a):
        PlanFactory(issuer=agency_a)
        body = client_for(reporter_a).get(reverse("plans:plan_list"), {"issuer": agency_a.pk}).content.decode()
        issuer = _select(body, "issuer")
        assert f'value="{agency_a.pk}" selected' in issuer and agency_a.name in issuer


@pytest.fixture
def seed_004(db):
    """The demo's directory and seed plans; seed 004 is the largest."""
    from directory import demo as directory_demo
    from plans import demo

    out = io.StringIO()
    call_command("load_units", stdout=out)
    directory_demo.load(stdout=out, today=datetime.date(2026, 11, 25))
    demo.load(stdout=out, today=datetime.date(2026, 11, 25))
    return demo.seed_plan("004")


def _agency_options(body: str) -> int:
    selects = re.findall(r'<select name="[^"]*-(?:lead_agency|coordinating_agencies|agency|reporters|receiver)".*?</select>', body, re.S)
    return sum(s.count("<option") for s in selects)


def test_seed_004_edit_page_lists_no_agencies(seed_004, client_for, django_assert_max_num_queries):
    """The edit page of the largest seed plan holds only the chosen agencies (it listed every agency
    of the province in every row: 400–720 KiB), in a bounded number of queries."""
    planner = UserFactory(username="laichau_planner", agency=seed_004.issuer, is_planner=True)
    client = client_for(planner)
    url = reverse("plans:plan_update", args=[seed_004.pk])
    client.get(url)  # warm the session and content types
    with django_assert_max_num_queries(40):
        response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    rows = seed_004.tasks.count() + seed_004.responsibilities.count() + seed_004.reporting_requirements.count()
    assert rows > 10
    chosen = (
        seed_004.tasks.exclude(lead_agency=None).count()
        + sum(t.coordinating_agencies.count() for t in seed_004.tasks.all())
        + seed_004.responsibilities.exclude(agency=None).count()
        + sum(1 + r.reporters.count() for r in seed_004.reporting_requirements.all())
    )
    empty_options = seed_004.tasks.count() + seed_004.responsibilities.count() + seed_004.reporting_requirements.count() + 3
    assert _agency_options(body) <= chosen + empty_options
    assert len(response.content) < 360 * 1024, len(response.content)  # 626 KiB before issue 17


def test_seed_004_edit_page_under_150_kib(seed_004, client_for):
    """Issue 17's goal: the edit page of the largest seed plan under 150 KiB (~334 KiB when the
    rows still carried their labels, attributes and option lists; each row now writes only its
    own values and plans/formset.js lays it out from the formset's template)."""
    planner = UserFactory(username="laichau_planner", agency=seed_004.issuer, is_planner=True)
    response = client_for(planner).get(reverse("plans:plan_update", args=[seed_004.pk]))
    assert len(response.content) < 150 * 1024, len(response.content)


class TestAliveOnThePlansDate:
    """The selects offer only agencies alive when the plan concerns (its date/window sent by the
    page; today when it has none), exactly those the form's clean() accepts (issue 14)."""

    @pytest.fixture
    def reform(self, agency_a, district_a):
        """agency_a was abolished on 30/06/2025; its successor exists from 01/07/2025."""
        successor = AgencyFactory(
            name="Ủy ban nhân dân xã Sơn Hà", unit=district_a, valid_from=datetime.date(2025, 7, 1)
        )
        agency_a.valid_to = datetime.date(2025, 6, 30)
        agency_a.successor = successor
        agency_a.save()
        return agency_a, successor

    @staticmethod
    def _get(client, name, **params):
        response = client.get(reverse(name), {"q": "", **params})
        assert response.status_code == 200
        return {int(r["value"]) for r in response.json()["results"]}

    def test_row_agencies_follow_the_plans_window(self, client_for, planner_a, reform):
        from directory.validators import agency_life_error

        old, new = reform
        client = client_for(planner_a)
        name = "plans:autocomplete_agencies"
        cases = [
            ({"issue_date": "15/01/2026", "period_start": "01/01/2026", "period_end": "31/12/2027"}, True),
            ({"period_start": "2026-01-01", "period_end": "2027-12-31"}, True),
            ({"period_start": "01/01/2024", "period_end": "31/12/2025"}, False),  # both halves of 2025
            ({"period_start": "01/01/2023", "period_end": "31/12/2024"}, None),  # before the reform
        ]
        for params, after in cases:
            found = self._get(client, name, **params)
            if after is None:
                assert old.pk in found and new.pk not in found, params
            else:
                assert new.pk in found, params
                assert (old.pk in found) is (not after), params
        # Consistent with the form's rule (directory.validators) on the same window.
        start, end = datetime.date(2026, 1, 15), datetime.date(2027, 12, 31)
        offered = self._get(client, name, issue_date="15/01/2026", period_start="01/01/2026", period_end="31/12/2027")
        from directory.models import Agency

        for agency in Agency.objects.all():
            if agency.pk in offered:
                assert agency_life_error(agency, start, end) is None, agency
        assert agency_life_error(old, start, end) is not None and old.pk not in offered

    def test_no_or_bad_dates_mean_today(self, client_for, planner_a, reform):
        """A new plan without dates (and typed nonsense) offers the bodies alive today."""
        old, new = reform
        client = client_for(planner_a)
        for params in ({}, {"issue_date": "abc", "period_start": "32/13/2026", "period_end": "x" * 500}):
            found = self._get(client, "plans:autocomplete_agencies", **params)
            assert new.pk in found and old.pk not in found, params

    def test_issuer_alive_on_the_plans_date(self, client_for, reform):
        """The header's issuer: alive on the issue date (else the period start), as PlanForm.clean.
        The successor's planner writes both its own and its predecessor's plans (issue 12)."""
        old, new = reform
        client = client_for(UserFactory(username="xa_sonha_planner", agency=new, is_planner=True))
        found = self._get(client, "plans:autocomplete_issuers", issue_date="01/05/2024", period_start="01/01/2024")
        assert old.pk in found and new.pk not in found
        found = self._get(client, "plans:autocomplete_issuers", period_start="01/01/2026", period_end="31/12/2026")
        assert new.pk in found and old.pk not in found

    def test_issuer_select_carries_the_saved_dates(self, client_for, planner_a, reform):
        old, _new = reform
        plan = PlanFactory(issuer=old, issue_date=datetime.date(2024, 2, 1))
        body = client_for(planner_a).get(reverse("plans:plan_update", args=[plan.pk])).content.decode()
        issuer = _select(body, "issuer")
        assert "issue_date=2024-02-01" in issuer and 'data-autocomplete-fields="issue_date period_start period_end"' in issuer
