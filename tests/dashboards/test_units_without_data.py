"""The drill-down's "units with no data" uses the figures beside it (issue 15).

A unit has data when it has organisations in the registry or reports due in the window —
counting those filed under a unit merged into it (its predecessor), as the unit's own
dashboard does — or active plans. A unit that had ended before the window is not listed:
its rows count for its successor.
"""

import datetime

import pytest

from dashboards import selectors as s
from directory.models import UnitSuccession
from reports.models import Obligation, ObligationKind, ReportingPeriod
from tests.cooperatives.factories import OrganisationFactory
from tests.directory.factories import AgencyFactory, CommuneFactory, DistrictFactory, ProvinceFactory
from tests.plans.factories import IssuedPlanFactory, ReportingRequirementFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2025, 3, 1)


def test_a_district_with_reports_and_organisations_filed_under_its_merged_predecessor_has_data():
    province = ProvinceFactory(name="Quảng Ngãi", code="51")
    # Minh Long absorbed Sơn Thượng in 2020: its communes, organisations and agencies are still
    # filed under the old district's path.
    old = DistrictFactory(name="Sơn Thượng", parent=province, valid_to=datetime.date(2020, 1, 31))
    merged = DistrictFactory(name="Minh Long", parent=province)
    UnitSuccession.objects.create(from_administrativeunit=old, to_administrativeunit=merged, is_default=True)
    empty = DistrictFactory(name="Ba Tơ", parent=province)
    commune = CommuneFactory(name="Long Sơn", parent=old)
    OrganisationFactory(commune=commune)
    OrganisationFactory(commune=commune)
    agency = AgencyFactory(unit=commune)
    plan = IssuedPlanFactory(issuer=AgencyFactory(unit=province))
    req = ReportingRequirementFactory(plan=plan, receiver=plan.issuer, reporters=[])
    period = ReportingPeriod.objects.create(
        requirement=req,
        label="Quý 4/2024",
        start=datetime.date(2024, 10, 1),
        end=datetime.date(2024, 12, 31),
        cutoff_start=datetime.date(2024, 10, 1),
        cutoff_end=datetime.date(2024, 12, 31),
        due_date=datetime.date(2024, 12, 25),
    )
    Obligation.objects.create(period=period, agency=agency, kind=ObligationKind.SUBMISSION, status="draft")

    area = s.Area.of(province)
    window = s.Window(2024)
    children = {c.pk: c for c in s.child_units(area, window, TODAY)}
    # The district's own dashboard counts the rows of its predecessor: the drill-down agrees.
    assert s.Area.of(merged).contains(commune)
    assert children[merged.pk].org_count == 2
    assert children[merged.pk].reports_due == 1 and children[merged.pk].missing_reports == 1
    assert children[merged.pk].has_data
    assert not children[empty.pk].has_data
    assert old.pk not in children  # ended before 2024: not a unit of the time
    (group,) = s.group_child_units(list(children.values()))
    assert [u.name for u in group["without_data"]] == ["Ba Tơ"]
    assert "Minh Long" in [u.name for u in group["with_data"]]
