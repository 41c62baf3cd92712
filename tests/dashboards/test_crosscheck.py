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

from cooperatives.models import Organisation, YearlyRecord
from dashboards import selectors as s
from dashboards.services import target_values_refresh
from plans import progress
from plans.models import BudgetLine
from reports.models import BudgetSpending, Obligation, ObligationKind, ReportedValue, ReportingPeriod
from tests.cooperatives.factories import OrganisationFactory
from tests.directory.factories import AgencyFactory, CommuneFactory, DistrictFactory, ProvinceFactory
from tests.plans.factories import IssuedPlanFactory, PlanFactory, PlanTargetFactory, ReportingRequirementFactory

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


# ---------------------------------------------------------------------- budget and ratings
plan_st = st.fixed_dictionaries(
    {
        "agency": st.sampled_from(AGENCIES),
        "status": st.sampled_from(["draft", "issued", "issued", "closed"]),
        "start": st.integers(2023, 2026),
        "years": st.integers(1, 3),
        # Lines: (year offset from the plan's start or None for a multi-year line, amount or None)
        "lines": st.lists(
            st.tuples(st.one_of(st.none(), st.integers(0, 2)), st.one_of(st.none(), st.integers(0, 10**9))),
            max_size=3,
        ),
    }
)
spending_st = st.fixed_dictionaries(
    {
        "plan": st.integers(0, 2),
        "line": st.integers(0, 2),
        "quarter": st.integers(0, 3),
        "agency": st.sampled_from(AGENCIES),
        "kind": st.sampled_from([ObligationKind.SUBMISSION, ObligationKind.CONSOLIDATION]),
        "status": st.sampled_from(STATUSES),
        "amount": st.one_of(st.none(), st.integers(0, 10**8)),
    }
)
record_st = st.tuples(
    st.sampled_from(["province", "district_a", "district_b", "commune_a", "other"]),
    st.sampled_from(["htx", "htx", "tht"]),
    st.sampled_from([2024, 2025]),
    st.sampled_from(["tot", "kha", "tb", "yeu", "none"]),
)
money_st = st.fixed_dictionaries(
    {
        "plans": st.lists(plan_st, max_size=3),
        "spending": st.lists(spending_st, max_size=6),
        "records": st.lists(record_st, max_size=10),
        "year": st.sampled_from([2024, 2025, 2026]),
        "quarter": st.sampled_from([None, 1, 2, 3, 4]),
        "area": st.sampled_from(["province", "district_a", "district_b", "empty"]),
    }
)


class CrossCheckBudgetAndRatings(TestCase):
    """Budget allocated / spent and the rating distribution, re-computed over the raw rows."""

    @classmethod
    def setUpTestData(cls):
        CrossCheck.setUpTestData.__func__(cls)
        cls.communes = {
            "province": CommuneFactory(name="Nghĩa Hành", parent=cls.province),
            "district_a": cls.commune_a,
            "district_b": CommuneFactory(name="Ba Điền", parent=cls.district_b),
            "commune_a": cls.commune_a,
            "other": CommuneFactory(name="Tam Đường", parent=cls.agencies["other"].unit),
        }

    def build(self, data):
        lines_by_plan = []
        for p in data["plans"]:
            factory_class = PlanFactory if p["status"] == "draft" else IssuedPlanFactory
            plan = factory_class(
                issuer=self.agencies[p["agency"]],
                status=p["status"],
                period_start=datetime.date(p["start"], 1, 1),
                period_end=datetime.date(p["start"] + p["years"] - 1, 12, 31),
            )
            lines_by_plan.append(
                [
                    BudgetLine.objects.create(
                        plan=plan,
                        order=i,
                        amount=None if amount is None else Decimal(amount),
                        year=None if offset is None else p["start"] + offset,
                    )
                    for i, (offset, amount) in enumerate(p["lines"])
                ]
            )
        seen, statuses = set(), {}
        for sp in data["spending"]:
            if sp["plan"] >= len(lines_by_plan) or sp["line"] >= len(lines_by_plan[sp["plan"]]):
                continue
            line = lines_by_plan[sp["plan"]][sp["line"]]
            period = self.periods[sp["quarter"]]
            ob, _ = Obligation.objects.get_or_create(
                period=period, agency=self.agencies[sp["agency"]], kind=sp["kind"], defaults={"status": "draft"}
            )
            if (ob.pk, line.pk) in seen:
                continue
            seen.add((ob.pk, line.pk))
            BudgetSpending.objects.create(
                obligation=ob, budget_line=line, amount=None if sp["amount"] is None else Decimal(sp["amount"])
            )
            statuses[ob.pk] = sp["status"]
        # The reports' statuses once every spending is written: an approved report is locked, and
        # a second spending drawn for the same report after its status was set failed in setup
        # (hypothesis found it: seed 92808021359927553528010302137382953101).
        for pk, status in statuses.items():
            Obligation.objects.filter(pk=pk).update(status=status)
        for i, (where, kind, year, rating) in enumerate(data["records"]):
            org = OrganisationFactory(commune=self.communes[where], kind=kind, name=f"Tổ chức {i}")
            YearlyRecord.objects.create(organisation=org, year=year, rating=rating)
        assert Organisation.objects.count() == len(data["records"])

    def in_area(self, path, area_key):
        return path.startswith(self.units[area_key].path)

    @hsettings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(money_st)
    def test_budget_and_ratings_match_an_independent_computation(self, data):
        self.build(data)
        window = s.Window(data["year"], data["quarter"])
        area = s.Area.of(self.units[data["area"]])

        # Allocated: lines of issued plans of the area overlapping the window, for its year;
        # a line without a year spread evenly over the plan's calendar years.
        allocated, lines, active_line_ids = Decimal(0), 0, set()
        for line in BudgetLine.objects.select_related("plan__issuer__unit"):
            plan = line.plan
            if plan.status != "issued" or not self.in_area(plan.issuer.unit.path, data["area"]):
                continue
            if plan.period_start > window.end or plan.period_end < window.start:
                continue
            if line.year is not None and line.year != window.year:
                continue
            lines += 1
            active_line_ids.add(line.pk)
            if line.amount is None:
                continue
            n_years = plan.period_end.year - plan.period_start.year + 1
            allocated += line.amount if line.year is not None else line.amount / n_years
        # Spent: approved submissions' amounts for those lines, the period ending in the window.
        spent = Decimal(0)
        for sp in BudgetSpending.objects.select_related("obligation__period"):
            ob = sp.obligation
            if sp.budget_line_id not in active_line_ids or sp.amount is None:
                continue
            if ob.status != "approved" or ob.kind != ObligationKind.SUBMISSION:
                continue
            if window.start <= ob.period.end <= window.end:
                spent += sp.amount
        got = s.budget_figures(area, window)
        assert got["lines"] == lines
        assert abs(got["allocated"] - allocated) <= 1, (got, allocated)
        assert got["spent"] == spent, (got, spent)
        if got["allocated"]:
            assert got["percent"] == (spent / got["allocated"] * 100).quantize(Decimal("0.1"))
        else:
            assert got["percent"] is None

        # Ratings of the window's year: cooperatives of the area with a record that year;
        # percentages of the rated ones; tốt + khá share.
        counts: dict[str, int] = defaultdict(int)
        for rec in YearlyRecord.objects.select_related("organisation__commune"):
            org = rec.organisation
            if rec.year == data["year"] and org.kind == "htx" and self.in_area(org.commune.path, data["area"]):
                counts[rec.rating] += 1
        rated = sum(n for r, n in counts.items() if r != "none")
        dist = s.rating_distribution(area, data["year"])
        assert [r["rating"] for r in dist] == ["tot", "kha", "tb", "yeu", "none"]
        for row in dist:
            assert row["count"] == counts.get(row["rating"], 0), (row, dict(counts))
            if row["rating"] == "none" or not rated:
                assert row["percent"] is None
            else:
                assert abs(row["percent"] - Decimal(100 * counts[row["rating"]]) / rated) <= Decimal("0.05")
        share = s.good_fair_share(dist)
        if rated:
            expected = Decimal(100 * (counts["tot"] + counts["kha"])) / rated
            assert abs(share - expected) <= Decimal("0.05"), (share, expected)
        else:
            assert share is None
