"""PlanFilterSet: issuer, unit (with the units below), year, kind, status, accent-insensitive text, ordering.

Runs on SQLite and, with DATABASE_URL pointing at PostgreSQL, on PostgreSQL: the text search
uses the folded ``search_text`` that the services maintain, so it behaves the same on both.
"""

import datetime

import pytest
from django.test import RequestFactory

from plans import services
from plans.filtersets import PlanFilterSet
from plans.models import Plan
from plans.selectors import plans_visible_to
from tests.directory.factories import AgencyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans(planner, province_agency, agency_a, agency_b, commune_a):
    commune_agency = AgencyFactory(name="Ủy ban nhân dân xã Sơn Hạ", unit=commune_a)

    def make(issuer, title, start, end, kind="annual", number=None):
        return services.plan_create(
            acting_user=None,  # the system seeds plans of several issuers (issue 12: a person writes only their own)
            data={"issuer": issuer, "title": title, "kind": kind, "symbol": "KH-UBND", "number": number,
                  "period_start": datetime.date(start, 1, 1), "period_end": datetime.date(end, 12, 31)},
        )

    return {
        "province": make(province_agency, "Kế hoạch phát triển kinh tế tập thể, hợp tác xã năm 2024", 2024, 2024, number=567),
        "district_a": make(agency_a, "Kế hoạch hỗ trợ Hội quán giai đoạn 2021 - 2025", 2021, 2025, kind="phase"),
        "district_b": make(agency_b, "Củng cố hợp tác xã nông nghiệp", 2023, 2025, kind="phase"),
        "commune_a": make(commune_agency, "Kế hoạch xây dựng nông thôn mới", 2026, 2027),
    }


def _qs(params, user=None):
    request = RequestFactory().get("/plans/", params)
    request.user = user
    base = plans_visible_to(user) if user else Plan.objects.all()
    fs = PlanFilterSet(params, queryset=base, request=request)
    assert fs.is_valid(), fs.errors
    return fs.qs


def _titles(qs):
    return {p.title for p in qs}


def test_search_is_accent_insensitive(plans, admin_user):
    """"hop tac xa" finds "hợp tác xã"; "HỢP TÁC XÃ" too; word order does not matter."""
    expected = {plans["province"].title, plans["district_b"].title}
    assert _titles(_qs({"q": "hop tac xa"}, admin_user)) == expected
    assert _titles(_qs({"q": "HỢP TÁC XÃ"}, admin_user)) == expected
    assert _titles(_qs({"q": "xa hop"}, admin_user)) == expected
    assert _titles(_qs({"q": "hoi quan"}, admin_user)) == {plans["district_a"].title}


def test_search_by_number_and_issuer(plans, admin_user):
    """The number/symbol and the issuer's name are searchable."""
    assert _titles(_qs({"q": "567/KH"}, admin_user)) == {plans["province"].title}
    assert _titles(_qs({"q": "ba to"}, admin_user)) == {plans["district_b"].title}


def test_unit_includes_units_below(plans, admin_user, district_a, province):
    """Filtering by a district includes its communes; by the province, everything in it."""
    assert _titles(_qs({"unit": district_a.pk}, admin_user)) == {plans["district_a"].title, plans["commune_a"].title}
    assert len(_qs({"unit": province.pk}, admin_user)) == 4


def test_issuer_year_kind_status(plans, admin_user, agency_b):
    """Issuer, a year inside the period, kind and status filter as expected."""
    assert _titles(_qs({"issuer": agency_b.pk}, admin_user)) == {plans["district_b"].title}
    assert _titles(_qs({"year": 2022}, admin_user)) == {plans["district_a"].title}
    assert _titles(_qs({"year": 2024}, admin_user)) == {plans["province"].title, plans["district_a"].title, plans["district_b"].title}
    assert len(_qs({"kind": "phase"}, admin_user)) == 2
    assert len(_qs({"status": "issued"}, admin_user)) == 0
    assert len(_qs({"status": "draft"}, admin_user)) == 4


def test_ordering(plans, admin_user):
    """Sortable by period and title, both directions."""
    assert [p.period_start.year for p in _qs({"ordering": "period_start"}, admin_user)] == [2021, 2023, 2024, 2026]
    assert [p.period_start.year for p in _qs({"ordering": "-period_start"}, admin_user)] == [2026, 2024, 2023, 2021]
    titles = [p.title for p in _qs({"ordering": "title"}, admin_user)]
    assert titles == sorted(titles)


def test_choices_are_scoped(plans, reporter_a, agency_b, district_b):
    """A district user's filter offers only their own issuers and units, and filtering cannot widen the scope."""
    fs = PlanFilterSet({}, queryset=plans_visible_to(reporter_a), request=type("R", (), {"user": reporter_a})())
    assert agency_b not in fs.filters["issuer"].queryset
    assert district_b not in fs.filters["unit"].queryset
    assert plans["district_b"].title not in _titles(_qs({"q": "hop tac xa"}, reporter_a))
