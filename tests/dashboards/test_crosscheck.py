"""Independent cross-check of the dashboard figures (issue 15).

Every figure below is computed a second way: plain Python over the raw rows, written here
without calling the selectors' queries or the reports.compliance Q objects, on data sets
Hypothesis generates — empty areas, another province's data, ranges, missing baselines,
every aggregation rule, consolidated reports, returned and reopened (draft again after a
submission) reports, submissions around midnight in the portal's time zone — and the two
answers must agree. The only shared code is ``plans.progress.evaluate``: it *is* the
definition of a status (its own tests are in tests/plans/test_progress.py).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from dashboards import selectors as s
from dashboards.services import target_values_refresh
from plans import progress
from reports.models import Obligation, ObligationKind, ReportedValue, ReportingPeriod
from tests.directory.factories import AgencyFactory, CommuneFactory, DistrictFactory, ProvinceFactory
from tests.plans.factories import IssuedPlanFactory, PlanTargetFactory, ReportingRequirementFactory

STATUSES = ["not_started", "draft", "submitted", "returned", "approved"]
QUARTERS = [  # (start, end, due)
    (datetime.date(2025, 1, 1), datetime.date(2025, 3, 31), datetime.date(2025, 3, 25)),
    (datetime.date(2025, 4, 1), datetime.date(2025, 6, 30), datetime.date(2025, 6, 25)),
    (datetime.date(2025, 7, 1), datetime.date(2025, 9, 30), datetime.date(2025, 9, 25)),
    (datetime.date(2025, 10, 1), datetime.date(2025, 12, 31), datetime.date(2025, 12, 25)),
]
AGENCIES = ["province", "district_a", "district_b", "commune_a", "other"]

target_st = st.fixed_dictionaries(
    {
        "comparator": st.sampled_from([">=", ">", "=", "~", "<=", "<", "range"]),
        "value": st.integers(0, 60),
        "width": st.integers(0, 30),
        "baseline": st.one_of(st.none(), st.integers(0, 60)),
        "aggregation": st.sampled_from(["sum", "avg", "wavg", "min", "max", "any"]),
        "direction": st.sampled_from(["higher", "lower"]),
        "milestone_year": st.sampled_from([2024, 2025]),
    }
)
report_st = st.fixed_dictionaries(
    {
        "quarter": st.integers(0, 3),
        "agency": st.sampled_from(AGENCIES),
        "kind": st.sampled_from([ObligationKind.SUBMISSION, ObligationKind.SUBMISSION, ObligationKind.CONSOLIDATION]),
        "status": st.sampled_from(STATUSES),
        # Days from the deadline and the UTC hour: 17:00 UTC and later is the next day in Hà Nội.
        "submitted": st.one_of(st.none(), st.tuples(st.integers(-5, 5), st.integers(0, 23))),
        "values": st.lists(
            st.one_of(st.none(), st.tuples(st.integers(0, 50), st.one_of(st.none(), st.integers(0, 5)))),
            min_size=3,
            max_size=3,
        ),
    }
)
world_st = st.fixed_dictionaries(
    {
        "targets": st.lists(target_st, min_size=0, max_size=3),
        "reports": st.lists(report_st, max_size=14),
        "today": st.dates(datetime.date(2025, 1, 1), datetime.date(2026, 2, 1)),
        "quarter": st.sampled_from([None, 1, 2, 3, 4]),
        "area": st.sampled_from(["province", "district_a", "district_b", "empty"]),
    }
)


class CrossCheck(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.province = ProvinceFactory(name="Quảng Ngãi", code="51")
        cls.district_a = DistrictFactory(name="Sơn Hà", parent=cls.province)
        cls.district_b = DistrictFactory(name="Ba Tơ", parent=cls.province)
        cls.commune_a = CommuneFactory(name="Sơn Hạ", parent=cls.district_a)
        cls.empty = DistrictFactory(name="Minh Long", parent=cls.province)
        other = ProvinceFactory(name="Lai Châu", code="12")
        cls.units = {"province": cls.province, "district_a": cls.district_a, "district_b": cls.district_b,
                     "empty": cls.empty}
        cls.agencies = {
            "province": AgencyFactory(unit=cls.province),
            "district_a": AgencyFactory(unit=cls.district_a),
            "district_b": AgencyFactory(unit=cls.district_b),
            "commune_a": AgencyFactory(unit=cls.commune_a),
            "other": AgencyFactory(unit=other),
        }
        cls.plan = IssuedPlanFactory(
            issuer=cls.agencies["province"], period_start=datetime.date(2024, 1, 1), period_end=datetime.date(2025, 12, 31)
        )
        req = ReportingRequirementFactory(plan=cls.plan, receiver=cls.agencies["province"], reporters=[])
        cls.periods = [
            ReportingPeriod.objects.create(
                requirement=req, label=f"Quý {q + 1}/2025", start=a, end=b, cutoff_start=a, cutoff_end=b, due_date=due
            )
            for q, (a, b, due) in enumerate(QUARTERS)
        ]

    # ------------------------------------------------------------------ building a world
    def build(self, data):
        targets = []
        for i, t in enumerate(data["targets"]):
            is_range = t["comparator"] == "range"
            targets.append(
                PlanTargetFactory(
                    plan=self.plan,
                    code=f"T{i}",
                    comparator=t["comparator"],
                    value=Decimal(t["value"]),
                    value_max=Decimal(t["value"] + t["width"]) if is_range else None,
                    baseline=None if t["baseline"] is None else Decimal(t["baseline"]),
                    aggregation=t["aggregation"],
                    direction=t["direction"],
                    milestone_year=t["milestone_year"],
                )
            )
        seen = set()
        for r in data["reports"]:
            period = self.periods[r["quarter"]]
            agency = self.agencies[r["agency"]]
            if (period.pk, agency.pk, r["kind"]) in seen:
                continue
            seen.add((period.pk, agency.pk, r["kind"]))
            submitted_at = None
            if r["submitted"] is not None:
                days, hour = r["submitted"]
                day = period.due_date + datetime.timedelta(days=days)
                submitted_at = datetime.datetime(day.year, day.month, day.day, hour, 30, tzinfo=datetime.UTC)
            ob = Obligation.objects.create(
                period=period, agency=agency, kind=r["kind"], status="draft", submitted_at=submitted_at
            )
            for target, pair in zip(targets, r["values"], strict=False):
                if pair is not None:
                    value, weight = pair
                    ReportedValue.objects.create(
                        obligation=ob, target=target, value=Decimal(value),
                        weight=None if weight is None else Decimal(weight),
                    )
            Obligation.objects.filter(pk=ob.pk).update(status=r["status"])
            target_values_refresh(period_id=period.pk, kind=r["kind"])  # as the transitions do
        return targets

    # ------------------------------------------------------------------ the independent computation
    def in_area(self, unit_path: str, area_key: str) -> bool:
        return unit_path.startswith(self.units[area_key].path)

    def expected_compliance(self, area_key, window, today):
        tz = ZoneInfo(settings.TIME_ZONE)
        per_agency: dict[int, dict] = defaultdict(lambda: defaultdict(int))
        totals: dict[str, int] = defaultdict(int)
        rows = Obligation.objects.values_list("agency_id", "agency__unit__path", "status", "submitted_at", "period__due_date")
        for agency_id, path, status, submitted_at, due in rows:
            if not self.in_area(path, area_key) or not (window.start <= due <= window.end):
                continue
            if status == "returned":
                state = "returned"
            elif status in ("submitted", "approved"):
                late = submitted_at is not None and submitted_at.astimezone(tz).date() > due
                state = "late" if late else "on_time"
            else:
                state = "missing" if due < today else "pending"
            for bucket in (totals, per_agency[agency_id]):
                bucket[state] += 1
                bucket["total"] += 1
        return totals, per_agency

    def expected_latest(self, targets, window):
        rule = {t.pk: t.aggregation for t in targets}
        groups: dict[tuple, list] = defaultdict(list)
        for row in ReportedValue.objects.filter(target__in=targets).values(
            "target_id", "value", "weight", "obligation__status", "obligation__kind",
            "obligation__period_id", "obligation__period__end",
        ):
            if row["obligation__status"] != "approved" or row["value"] is None:
                continue
            if row["obligation__period__end"] > window.end:
                continue
            key = (row["target_id"], row["obligation__kind"] == "consolidation",
                   row["obligation__period__end"], row["obligation__period_id"])
            groups[key].append((row["value"], row["weight"]))
        latest = {}
        for key in sorted(groups):  # for each target: submissions first, then consolidations; oldest first
            target_id, consolidated, _end, _pid = key
            pairs = groups[key]
            values = [v for v, _w in pairs]
            if consolidated:
                value = sum(values) / len(values)
            else:
                how = rule[target_id]
                if how == "sum":
                    value = sum(values)
                elif how == "avg":
                    value = sum(values) / len(values)
                elif how == "min":
                    value = min(values)
                elif how == "max":
                    value = max(values)
                elif how == "any":
                    value = Decimal(1) if any(v > 0 for v in values) else Decimal(0)
                else:  # weighted average; reports without a weight weigh nothing
                    total_w = sum((w for _v, w in pairs if w is not None), Decimal(0))
                    value = (sum((v * w for v, w in pairs if w is not None), Decimal(0)) / total_w
                             if total_w else sum(values) / len(values))
            latest[target_id] = value  # later keys win: the latest consolidated period, else the latest period
        return latest

    # ------------------------------------------------------------------ the properties
    @hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(world_st)
    def test_figures_match_an_independent_computation(self, data):
        targets = self.build(data)
        window = s.Window(2025, data["quarter"])
        today = data["today"]
        area = s.Area.of(self.units[data["area"]])

        # Reporting compliance: the totals, the matrix rows and the drill-down list.
        totals, per_agency = self.expected_compliance(data["area"], window, today)
        counts = s.compliance_counts(area, window, today)
        for state in ("total", "on_time", "late", "missing", "returned", "pending"):
            assert counts[state] == totals.get(state, 0), (state, counts, dict(totals))
        assert counts["due"] == totals.get("total", 0) - totals.get("pending", 0)
        matrix = s.compliance_matrix(area, window, today)
        assert {r.agency_id for r in matrix["rows"]} == set(per_agency)
        for row in matrix["rows"]:
            for state, n in row.totals.items():
                assert n == per_agency[row.agency_id].get(state, 0), (row.agency_name, state)
        for state in ("missing", "late"):
            listed = s.obligations_by_state(area, window, today, state).count()
            assert listed == totals.get(state, 0)

        # Targets: the value each stands at, and the status counts.
        latest = s.latest_values(targets, upto=window.end)
        expected = self.expected_latest(targets, window)
        assert set(latest) == set(expected)
        for target_id, point in latest.items():
            assert abs(point.value - expected[target_id]) < Decimal("0.000001"), (target_id, point.value, expected)

        in_area = area.contains(self.plan.issuer.unit)
        as_of = window.as_of(today)
        status_counts = dict.fromkeys(progress.STATUS_ORDER, 0)
        for t in targets:
            if in_area and t.milestone_year >= window.year:
                t.plan = self.plan
                status_counts[progress.evaluate_target(t, expected.get(t.pk), as_of).status] += 1
        got = s.target_status_counts(area, window, today)
        assert {k: got[k] for k in progress.STATUS_ORDER} == status_counts
        assert got["total"] == sum(status_counts.values())
