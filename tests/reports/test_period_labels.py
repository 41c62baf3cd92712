"""The report list's period filter for administrators (issue 17): on PostgreSQL the labels are
read label by label through the (label, start) index instead of grouping every report's
period. Same labels in the same order as the grouped query: only labels of periods that have a
report, each placed by the latest such period (a newer period without reports does not count),
ties by label."""

import datetime

import pytest
from django.db import connection
from django.db.models import Max
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reports.models import Obligation, ReportingPeriod
from reports.selectors import obligation_filter_periods
from tests.plans.factories import IssuedPlanFactory, ReportingRequirementFactory
from tests.reports.factories import ObligationFactory, ReportingPeriodFactory

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the index walk is PostgreSQL's")


def _grouped_labels():
    """The former query: every period with a report, grouped by label, latest start first."""
    rows = (
        ReportingPeriod.objects.filter(pk__in=Obligation.objects.values("period_id"))
        .values("label")
        .annotate(latest=Max("start"))
        .order_by("-latest", "label")
    )
    return [row["label"] for row in rows]


@pytest.fixture
def periods(cycle, agency_a, agency_b):
    """Beside the cycle's quarters: a label whose newest period has no report, a label with no
    report at all, two labels sharing their latest start (ties by label, Vietnamese letters),
    and labels spread over several requirements."""
    plan = IssuedPlanFactory(issuer=agency_b)

    def period(label, start, report=True):
        requirement = ReportingRequirementFactory(plan=plan, receiver=agency_b, reporters=[agency_b])
        p = ReportingPeriodFactory(requirement=requirement, label=label, start=start, end=start,
                                   cutoff_start=start, cutoff_end=start, due_date=start)
        if report:
            ObligationFactory(period=p, agency=agency_b)
        return p

    period("Đợt bổ sung", datetime.date(2031, 1, 1), report=False)  # newest period: no report
    period("Đợt bổ sung", datetime.date(2019, 6, 1))  # so the label sits last but one
    period("Chưa giao", datetime.date(2032, 1, 1), report=False)  # never offered
    period("Tháng 5/2026", datetime.date(2026, 5, 1))
    period("Đợt 1/2026", datetime.date(2026, 5, 1))  # same latest start: ordered by label
    period("Ánh xạ 2026", datetime.date(2026, 5, 1))
    period("Năm 2018", datetime.date(2018, 1, 1))
    period("Năm 2018", datetime.date(2018, 1, 1), report=False)
    period("Năm 2020", datetime.date(2017, 1, 1))
    period("Năm 2020", datetime.date(2020, 1, 1))
    return cycle


@postgres_only
def test_admin_labels_are_the_grouped_ones(periods, admin_user):
    labels = obligation_filter_periods(admin_user)
    assert labels == _grouped_labels()
    assert "Chưa giao" not in labels
    assert labels.index("Năm 2020") < labels.index("Đợt bổ sung") < labels.index("Năm 2018")


@postgres_only
def test_admin_labels_walk_the_index_in_one_query(periods, admin_user):
    """One query, and not the grouped one (which hashes every report's period)."""
    with CaptureQueriesContext(connection) as ctx:
        obligation_filter_periods(admin_user)
    assert len(ctx.captured_queries) == 1
    sql = ctx.captured_queries[0]["sql"]
    assert "WITH RECURSIVE" in sql and "GROUP BY" not in sql
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, ReportingPeriod._meta.db_table)
    assert indexes["period_label_start_idx"]["columns"] == ["label", "start"]


def test_admin_without_reports_gets_no_labels(admin_user):
    ReportingPeriodFactory(label="Quý I/2024")
    assert obligation_filter_periods(admin_user) == []


def _labels_of_visible_reports(user):
    """The former grouped query over the user's visible reports (their ids listed)."""
    visible = ReportingPeriod.objects.filter(
        pk__in=Obligation.objects.filter(pk__in=[o.pk for o in _visible(user)]).values("period_id")
    )
    return [r["label"] for r in visible.values("label").annotate(latest=Max("start")).order_by("-latest", "label")]


def test_scoped_users_labels_are_those_of_their_reports(periods, planner, reporter_a):
    """Users who see part of the reports: their labels are those of their reports."""
    for user in (planner, reporter_a):
        assert obligation_filter_periods(user) == _labels_of_visible_reports(user)
    assert "Đợt bổ sung" not in obligation_filter_periods(reporter_a)


def test_scoped_labels_by_rule_equal_the_grouped_query(db):
    """Every kind of scoped user across the 2025 reform (successor agencies reading their
    predecessors' reports, merged units, a report sent to or about a plan of the user's agency
    from outside its area, no agency), with periods that have no report on plans each rule
    reaches (received, issued, of the area): the labels equal the grouped query's, in its
    order. On PostgreSQL one statement per user, without the scope's id UNION (issue 17)."""
    from tests import reform_world

    world = reform_world.build()
    ag = world["agencies"]

    def period(requirement, label, start):
        return ReportingPeriodFactory(requirement=requirement, label=label, start=start, end=start,
                                      cutoff_start=start, cutoff_end=start, due_date=start)

    # Periods without reports: on a plan the province issued and received, on one sent to N1
    # from Lai Châu, on one issued by N1's predecessor; and a report of a later period on each.
    for plan, label, agency in ((world["plans"][1], "Quý II/2025", ag["n1"]), (world["plans"][2], "Quý III/2025", ag["n2"]),
                                (world["plans"][3], "Quý II/2023", ag["qc"])):
        requirement = plan.reporting_requirements.get()
        period(requirement, f"{label} (chưa giao)", datetime.date(2026, 6, 1))
        later = period(requirement, label, datetime.date(2026, 1, 1))
        ObligationFactory(period=later, agency=agency)
    ObligationFactory(period=period(world["plans"][4].reporting_requirements.get(), "Quý II/2025",
                                    datetime.date(2027, 1, 1)), agency=ag["qc"])  # Lai Châu only: a later start for a label others see too
    for name, user in world["users"].items():
        expected = _labels_of_visible_reports(user)
        with CaptureQueriesContext(connection) as ctx:
            labels = obligation_filter_periods(user)
        assert labels == expected, name
        assert not any("chưa giao" in label for label in labels), name
        if connection.vendor == "postgresql" and user.agency_id and not user.is_superuser:
            statements = [q["sql"] for q in ctx.captured_queries if "reports_reportingperiod" in q["sql"]]
            assert len(statements) == 1, name
            assert "GROUP BY" in statements[0] and "ANY(ARRAY((SELECT" not in statements[0], name  # no id UNION
            # The area's agencies by index, not by joining every agency to its unit (issue 17).
            assert "JOIN \"directory_agency\"" not in statements[0], name
            assert 'g."unit_id" = ANY(ARRAY(SELECT u."id"' in statements[0], name
    seen = {name: obligation_filter_periods(u) for name, u in world["users"].items()}
    assert seen["no_agency"] == [] and seen["leader_lc"][0] == "Quý II/2025"  # its own 2027 period
    assert "Quý II/2023" in seen["planner"] and "Quý II/2023" not in seen["leader"]  # issued by N1's predecessor


def _visible(user):
    from reports.selectors import obligations_visible_to

    return list(obligations_visible_to(user))


def test_admin_list_offers_the_labels(periods, admin_user, client_for):
    """The administrator's report list offers exactly these labels, in this order."""
    response = client_for(admin_user).get(reverse("reports:obligation_list"))
    assert response.status_code == 200
    choices = [label for label, _ in response.context["filter"].filters["period"].extra["choices"]]
    assert choices == _grouped_labels()
