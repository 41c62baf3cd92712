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


def test_scoped_users_keep_the_grouped_query(periods, planner, reporter_a):
    """Users who see part of the reports: their labels are those of their reports."""
    for user in (planner, reporter_a):
        visible = ReportingPeriod.objects.filter(
            pk__in=Obligation.objects.filter(pk__in=[o.pk for o in _visible(user)]).values("period_id")
        )
        expected = [r["label"] for r in visible.values("label").annotate(latest=Max("start")).order_by("-latest", "label")]
        assert obligation_filter_periods(user) == expected
    assert "Đợt bổ sung" not in obligation_filter_periods(reporter_a)


def _visible(user):
    from reports.selectors import obligations_visible_to

    return list(obligations_visible_to(user))


def test_admin_list_offers_the_labels(periods, admin_user, client_for):
    """The administrator's report list offers exactly these labels, in this order."""
    response = client_for(admin_user).get(reverse("reports:obligation_list"))
    assert response.status_code == 200
    choices = [label for label, _ in response.context["filter"].filters["period"].extra["choices"]]
    assert choices == _grouped_labels()
