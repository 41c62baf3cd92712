"""Each indicator on a small hand-made registry with answers worked out by hand.

District A (two communes) holds: H1 agricultural HTX (rated tốt), H2 trade HTX founded
05/2024 (trung bình), H3 agricultural HTX dissolved 30/06/2024 (not rated), H4 suspended
agricultural HTX (khá, a loss), a Hội quán HQ, H5 agricultural HTX grown from HQ with the
Farmers' Union's support (no 2024 figures) and a THT founded 01/2024. District B holds one
more HTX that must never count for district A.
"""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from cooperatives import indicators
from cooperatives.models import Indicator
from plans.providers import target_values
from tests.cooperatives.factories import OrganisationFactory, YearlyRecordFactory, sector
from tests.directory.factories import AgencyFactory, CommuneFactory, ProvinceFactory
from tests.plans.factories import PlanFactory, PlanTargetFactory

pytestmark = pytest.mark.django_db

M = Decimal("1000000")


def rec(org, **kw):
    base = dict(
        year=2024,
        members=None,
        workers=None,
        managers=None,
        managers_degree=None,
        managers_trained=None,
        revenue=None,
        profit=None,
        avg_income=None,
        rating="none",
    )
    base.update(kw)
    return YearlyRecordFactory(organisation=org, **base)


@pytest.fixture
def registry(district_a, commune_a, commune_b):
    agri, trade = sector("nong-nghiep"), sector("thuong-mai-dich-vu")
    commune_a2 = CommuneFactory(name="Sơn Thành", code="21302", parent=district_a)
    hnd = AgencyFactory(name="Hội Nông dân tỉnh", kind="hnd", unit=district_a.parent)
    h1 = OrganisationFactory(name="HTX 1", commune=commune_a, sectors=[agri], founded=datetime.date(2015, 1, 1))
    rec(
        h1,
        rating="tot",
        revenue=1000 * M,
        profit=200 * M,
        avg_income=40 * M,
        workers=10,
        managers=4,
        managers_degree=1,
        managers_trained=3,
        value_chain=True,
        high_tech=True,
        growing_area_codes=3,
        credit_access=True,
    )
    h2 = OrganisationFactory(name="HTX 2", commune=commune_a, sectors=[trade], founded=datetime.date(2024, 5, 1))
    rec(
        h2,
        rating="tb",
        revenue=500 * M,
        profit=100 * M,
        avg_income=50 * M,
        workers=6,
        managers=3,
        managers_degree=2,
        managers_trained=1,
    )
    h3 = OrganisationFactory(
        name="HTX 3",
        commune=commune_a2,
        sectors=[agri],
        founded=datetime.date(2010, 1, 1),
        status="dissolved",
        dissolved=datetime.date(2024, 6, 30),
    )
    rec(h3, workers=4)
    h4 = OrganisationFactory(
        name="HTX 4", commune=commune_a2, sectors=[agri], founded=datetime.date(2018, 1, 1), status="suspended"
    )
    rec(h4, rating="kha", revenue=300 * M, profit=-30 * M, workers=5, managers=1, managers_degree=0, managers_trained=1)
    hq = OrganisationFactory(name="Hội quán 1", kind="hoiquan", commune=commune_a, founded=datetime.date(2019, 1, 1))
    rec(hq, tourism=True, growing_area_codes=5)
    OrganisationFactory(
        name="HTX 5",
        commune=commune_a,
        sectors=[agri],
        founded=datetime.date(2023, 2, 1),
        founded_from=hq,
        supporting_agency=hnd,
    )
    OrganisationFactory(name="THT 1", kind="tht", commune=commune_a, founded=datetime.date(2024, 1, 15))
    hb = OrganisationFactory(name="HTX B", commune=commune_b, sectors=[agri], founded=datetime.date(2012, 1, 1))
    rec(hb, rating="tot", revenue=9000 * M, workers=50, growing_area_codes=40)
    return district_a


EXPECTED_2024 = {
    "htx_active": Decimal("3"),
    "htx_agri_active": Decimal("2"),
    "lhhtx_active": Decimal("0"),
    "tht_active": Decimal("1"),
    "hoiquan_active": Decimal("1"),
    "chihoi_active": Decimal("0"),
    "kttt_active": Decimal("5"),
    "htx_suspended": Decimal("1"),
    "htx_dissolved": Decimal("1"),
    "htx_new": Decimal("1"),
    "htx_agri_new": Decimal("0"),
    "tht_new": Decimal("1"),
    "htx_rated_good_share": Decimal("66.7"),
    "kttt_rated_good_share": Decimal("66.7"),
    "htx_avg_revenue": Decimal("600.00"),
    "htx_avg_profit": Decimal("90.00"),
    "htx_avg_income": Decimal("45.00"),
    "htx_workers": Decimal("25"),
    "htx_members": Decimal("0"),
    "htx_managers_degree_share": Decimal("37.5"),
    "htx_managers_trained_share": Decimal("62.5"),
    "htx_high_tech": Decimal("1"),
    "htx_value_chain_share": Decimal("25.0"),
    "kttt_value_chain_share": Decimal("20.0"),
    "htx_credit_access_share": Decimal("25.0"),
    "growing_area_codes": Decimal("8"),
    "ocop_products": Decimal("0"),
    "hoiquan_tourism": Decimal("1"),
    "htx_from_hoiquan": Decimal("1"),
    "htx_supported_hnd": Decimal("1"),
    "tht_supported_hnd": Decimal("0"),
    "communes_with_agri_htx": Decimal("1"),
    "communes_with_agri_htx_share": Decimal("50.0"),
    "agri_htx_min_per_commune": Decimal("0"),
}


@pytest.mark.parametrize("code", sorted(EXPECTED_2024))
def test_indicator_known_answer(registry, code):
    """Each catalogue indicator gives the hand-computed value for district A in 2024."""
    assert indicators.compute(code, unit=registry, year=2024) == EXPECTED_2024[code]


def test_catalogue_is_fully_tested():
    """Every indicator of the data migration has a known-answer test above."""
    assert set(Indicator.objects.values_list("code", flat=True)) == set(EXPECTED_2024)


def test_compute_many_is_one_query_per_base_table(registry, django_assert_max_num_queries):
    """All indicators at once: the indicator rows, the area lineage and three aggregates."""
    with django_assert_max_num_queries(7):
        values = indicators.compute_many(sorted(EXPECTED_2024), unit=registry, year=2024)
    assert values == EXPECTED_2024


def test_earlier_year_counts_later_dissolution_as_active(registry):
    """In 2023 the HTX dissolved in 2024 was still active; the one founded in 2024 did not exist."""
    assert indicators.compute("htx_active", unit=registry, year=2023) == Decimal("3")
    assert indicators.compute("htx_new", unit=registry, year=2023) == Decimal("1")


def test_averages_without_records_are_none(registry):
    """No figures for the year: averages and shares are None, counts are 0."""
    assert indicators.compute("htx_avg_revenue", unit=registry, year=2020) is None
    assert indicators.compute("htx_rated_good_share", unit=registry, year=2020) is None
    assert indicators.compute("htx_high_tech", unit=registry, year=2020) == 0


def test_province_includes_both_districts(registry, province):
    """The province's area adds district B's HTX."""
    assert indicators.compute("htx_active", unit=province, year=2024) == Decimal("4")
    assert indicators.compute("growing_area_codes", unit=province, year=2024) == Decimal("48")


def test_new_unit_includes_its_predecessors(registry, province):
    """A merged province counts the organisations filed under its predecessor."""
    merged = ProvinceFactory(name="Tỉnh mới", code="99")
    province.successors.add(merged)
    assert indicators.compute("htx_active", unit=merged, year=2024) == Decimal("4")


def test_min_per_commune(registry, district_a):
    """Commune A has two agricultural HTX, commune A2 none: the minimum is 0; with one in A2 it is 1."""
    from cooperatives.models import Organisation

    a2 = Organisation.objects.get(name="HTX 4").commune
    OrganisationFactory(name="HTX 6", commune=a2, sectors=[sector("nong-nghiep")])
    assert indicators.compute("agri_htx_min_per_commune", unit=district_a, year=2024) == Decimal("1")


def test_unknown_code_is_none(registry):
    assert indicators.compute("no_such_indicator", unit=registry, year=2024) is None


class TestProvider:
    def test_values_for_linked_targets(self, registry, agency_a):
        """The registry provider computes linked targets over the issuer's area; unlinked ones are absent."""
        plan = PlanFactory(
            issuer=agency_a, period_start=datetime.date(2024, 1, 1), period_end=datetime.date(2025, 12, 31)
        )
        linked = PlanTargetFactory(plan=plan, indicator=Indicator.objects.get(code="htx_active"), milestone_year=2024)
        share = PlanTargetFactory(
            plan=plan, indicator=Indicator.objects.get(code="htx_rated_good_share"), milestone_year=2024
        )
        other = PlanTargetFactory(plan=plan, milestone_year=2024)
        with translation.override("vi"):
            values = target_values(plan, [linked, share, other])["registry"]
        assert values[linked.pk].value == Decimal("3")
        assert values[linked.pk].label == "năm 2024"
        assert values[share.pk].value == Decimal("66.7")
        assert other.pk not in values

    def test_future_milestone_uses_latest_year_with_records(self, registry, agency_a):
        """A milestone after today falls back to the latest year with figures."""
        plan = PlanFactory(
            issuer=agency_a, period_start=datetime.date(2024, 1, 1), period_end=datetime.date(2030, 12, 31)
        )
        target = PlanTargetFactory(plan=plan, indicator=Indicator.objects.get(code="htx_active"), milestone_year=2030)
        with translation.override("vi"):
            values = indicators.target_values(plan, [target], today=datetime.date(2026, 11, 25))
        assert values[target.pk].label == "năm 2024"
        assert values[target.pk].value == Decimal("3")

    def test_constant_queries(self, registry, agency_a, django_assert_max_num_queries):
        """Ten linked targets cost no more queries than two."""
        plan = PlanFactory(
            issuer=agency_a, period_start=datetime.date(2024, 1, 1), period_end=datetime.date(2025, 12, 31)
        )
        codes = sorted(EXPECTED_2024)[:10]
        targets = [
            PlanTargetFactory(plan=plan, indicator=Indicator.objects.get(code=c), milestone_year=2024) for c in codes
        ]
        from plans.models import PlanTarget

        loaded = list(PlanTarget.objects.filter(plan=plan).select_related("indicator", "plan__issuer__unit"))
        with django_assert_max_num_queries(6):
            values = indicators.target_values(plan, loaded)
        assert len(values) == len(targets)
