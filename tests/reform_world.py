"""A small country across the 01/07/2025 reform, for the issue 17 equivalence tests.

Each rewritten query (registry coverage, report scoping, latest year of figures) is compared
with its former definition and with a plain Python computation on this data, for a leader,
a planner, a reporter, an administrator and a user without an agency.

- Old province Kon Tum (ended 30/06/2025) with district Đăk Hà (ended) and three old communes:
  ``c_merged`` (merged into N1), ``c_split`` (split between N1, default, and N2) and
  ``c_plain`` (merged into N3). Both old provinces and the old district passed to the new
  province Quảng Ngãi, whose current communes N1–N4 sit directly under it; an old district
  of Quảng Ngãi itself (Sơn Hà) had commune ``c_own`` merged into N3.
- Lai Châu (untouched by the reform) with a current commune QC, and an old commune ``c_cross``
  of Lai Châu whose successor is N2 (a link across provinces).
- Agencies: the new province's (successor of the old province's), N1's (successor of the old
  district's), N2's, Lai Châu's and QC's.
- Registry: active agricultural HTX under c_merged, c_split, N4, QC and c_cross; a suspended
  one under c_plain; a non-agricultural HTX and an agricultural THT under N3.
- Reports: four plans, before and after the reform, whose issuers, receivers and reporters
  mix the old and new agencies and the two provinces, with records in 2023–2025.
"""

from __future__ import annotations

import datetime

from cooperatives.models import Organisation, YearlyRecord
from tests.directory.factories import AgencyFactory, CommuneFactory, DistrictFactory, ProvinceFactory, UserFactory
from tests.plans.factories import IssuedPlanFactory, PlanFactory, PlanTaskFactory, ReportingRequirementFactory
from tests.reports.factories import ObligationFactory, ReportingPeriodFactory

ENDED = datetime.date(2025, 6, 30)
REFORM = datetime.date(2025, 7, 1)


def build() -> dict:
    w: dict = {}
    kontum = ProvinceFactory(name="Kon Tum", code="62", valid_to=ENDED)
    qn_old = ProvinceFactory(name="Quảng Ngãi (cũ)", code="51", valid_to=ENDED)
    dakha = DistrictFactory(name="Đăk Hà", code="612", parent=kontum, valid_to=ENDED)
    sonha = DistrictFactory(name="Sơn Hà", code="529", parent=qn_old, valid_to=ENDED)
    qn = ProvinceFactory(name="Quảng Ngãi", code="51", valid_from=REFORM)
    for old in (kontum, qn_old, dakha, sonha):
        old.successors.add(qn)
    n1, n2, n3, n4 = (CommuneFactory(name=f"Xã mới {i}", parent=qn, valid_from=REFORM) for i in range(1, 5))
    c_merged = CommuneFactory(name="Đăk Mar", parent=dakha, valid_to=ENDED)
    c_split = CommuneFactory(name="Hà Mòn", parent=dakha, valid_to=ENDED)
    c_plain = CommuneFactory(name="Ngọc Wang", parent=dakha, valid_to=ENDED)
    c_own = CommuneFactory(name="Sơn Hạ", parent=sonha, valid_to=ENDED)
    c_merged.successors.add(n1)
    c_split.successors.add(n1)
    c_split.successors.add(n2, through_defaults={"is_default": False})
    c_plain.successors.add(n3)
    c_own.successors.add(n3)
    laichau = ProvinceFactory(name="Lai Châu", code="12")
    qc = CommuneFactory(name="Tam Đường", parent__parent=laichau)
    c_cross = CommuneFactory(name="Xã cũ Lai Châu", parent__parent=laichau, valid_to=ENDED)
    c_cross.successors.add(n2)
    w["units"] = dict(
        kontum=kontum, qn_old=qn_old, dakha=dakha, sonha=sonha, qn=qn, n1=n1, n2=n2, n3=n3, n4=n4,
        c_merged=c_merged, c_split=c_split, c_plain=c_plain, c_own=c_own, laichau=laichau, qc=qc, c_cross=c_cross,
    )  # fmt: skip

    ag_qn = AgencyFactory(name="UBND tỉnh Quảng Ngãi", unit=qn)
    ag_kontum = AgencyFactory(name="UBND tỉnh Kon Tum", unit=kontum, valid_to=ENDED, successor=ag_qn)
    ag_n1 = AgencyFactory(name="UBND xã mới 1", unit=n1)
    ag_dakha = AgencyFactory(name="Phòng TC-KH huyện Đăk Hà", unit=dakha, valid_to=ENDED, successor=ag_n1)
    ag_n2 = AgencyFactory(name="UBND xã mới 2", unit=n2)
    ag_laichau = AgencyFactory(name="UBND tỉnh Lai Châu", unit=laichau)
    ag_qc = AgencyFactory(name="UBND xã Tam Đường", unit=qc)
    w["agencies"] = dict(qn=ag_qn, kontum=ag_kontum, n1=ag_n1, dakha=ag_dakha, n2=ag_n2, laichau=ag_laichau, qc=ag_qc)

    w["users"] = dict(
        leader=UserFactory(username="rw_leader", agency=ag_qn, is_leader=True),
        planner=UserFactory(username="rw_planner", agency=ag_n1, is_planner=True),
        reporter=UserFactory(username="rw_reporter", agency=ag_n2, is_reporter=True),
        reporter_lc=UserFactory(username="rw_reporter_lc", agency=ag_qc, is_reporter=True),
        leader_lc=UserFactory(username="rw_leader_lc", agency=ag_laichau, is_leader=True),
        admin=UserFactory(username="rw_admin", agency=None, is_superuser=True, is_staff=True),
        no_agency=UserFactory(username="rw_nobody", agency=None, is_reporter=True),
    )

    def org(name, commune, kind="htx", agri=True, status="active", years=()):
        o = Organisation.objects.create(kind=kind, name=name, commune=commune, is_agricultural=agri, status=status)
        for y in years:
            YearlyRecord.objects.create(organisation=o, year=y)
        return o

    w["orgs"] = [
        org("HTX Đăk Mar", c_merged, years=(2023, 2024)),
        org("HTX Hà Mòn", c_split, years=(2022,)),
        org("HTX Ngọc Wang", c_plain, status="suspended"),
        org("HTX Dịch vụ N3", n3, agri=False, years=(2025,)),
        org("THT Rau N3", n3, kind="tht"),
        org("HTX N4", n4),
        org("HTX Sơn Hạ", c_own, agri=False, years=(2021,)),
        org("HTX Tam Đường", qc, years=(2026,)),
        org("HTX Lai Châu cũ", c_cross, years=(2020,)),
    ]

    def cycle(issuer, receiver, reporters, year):
        plan = IssuedPlanFactory(
            issuer=issuer, period_start=datetime.date(year, 1, 1), period_end=datetime.date(year, 12, 31)
        )
        req = ReportingRequirementFactory(plan=plan, receiver=receiver, reporters=list(reporters))
        period = ReportingPeriodFactory(
            requirement=req,
            label=f"Quý I/{year}",
            start=datetime.date(year, 1, 1),
            end=datetime.date(year, 3, 31),
            cutoff_start=datetime.date(year, 1, 1),
            cutoff_end=datetime.date(year, 3, 31),
            due_date=datetime.date(year, 3, 25),
        )
        for agency in reporters:
            ObligationFactory(period=period, agency=agency)
        return plan

    w["plans"] = [
        cycle(ag_kontum, ag_kontum, [ag_dakha], 2024),  # before the reform, all predecessors
        cycle(ag_qn, ag_qn, [ag_n1, ag_n2, ag_qc], 2025),  # a Lai Châu commune reports to Quảng Ngãi
        cycle(ag_laichau, ag_n1, [ag_qc, ag_n2], 2025),  # sent to N1 by another province
        cycle(ag_dakha, ag_laichau, [ag_qc], 2023),  # issued by N1's predecessor
        cycle(ag_laichau, ag_laichau, [ag_qc], 2025),  # Lai Châu only
    ]
    return w


def build_with_assignments() -> dict:
    """``build()`` with every branch of plan visibility exercised for some user: Lai Châu's own
    plan gives N2 a task to lead and N1's predecessor district a task to coordinate; QC has a
    responsibility in a plan of Lai Châu, and N1 receives the reports of another (a report
    sent and a plan issued in the area come with ``build``'s cycles)."""
    from plans.models import Responsibility

    w = build()
    ag = w["agencies"]
    lai_chau_only = w["plans"][4]
    PlanTaskFactory(plan=lai_chau_only, lead_agency=ag["n2"])
    PlanTaskFactory(plan=lai_chau_only, lead_agency=ag["laichau"]).coordinating_agencies.add(ag["dakha"])
    Responsibility.objects.create(plan=PlanFactory(issuer=ag["laichau"]), agency=ag["qc"], text="Phối hợp")
    ReportingRequirementFactory(plan=PlanFactory(issuer=ag["laichau"]), receiver=ag["n1"], reporters=[])
    return w


def fresh(user):
    """The user as a new request reads it: no memo of an earlier request (the plans it may
    read, its area)."""
    for key in ("_plans_visible_qs", "_coopplan_area"):
        user.__dict__.pop(key, None)
    return user
