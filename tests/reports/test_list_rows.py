"""The report list's rows written in Python (``reports.lists.obligation_rows_html``, issue 17) are
the markup the template loop wrote: compared, as parsed HTML, with the former loop kept in
``reference/obligation_list_rows.html``, in Vietnamese and English, over every branch — every
column shown and each one hidden, the five statuses, a consolidation, overdue or not (and no
"today"), an agency with one or many former agencies, a draft plan without a number, a long
title cut, text that must be escaped, and no rows at all."""

import datetime
from pathlib import Path

import pytest
from django.template import engines
from django.test.html import parse_html
from django.urls import reverse
from django.utils import translation

from core.listtools import set_choice_labels
from directory.selectors import formerly_prefetch
from reports import services
from reports.lists import REPORT_LIST, obligation_rows_html
from reports.models import Obligation, ObligationKind, ObligationStatus
from reports.selectors import OBLIGATION_RELATED
from tests.directory.factories import AgencyFactory
from tests.plans.factories import PlanFactory, ReportingRequirementFactory
from tests.reports.factories import ObligationFactory, ReportingPeriodFactory, build_cycle

pytestmark = pytest.mark.django_db

REFERENCE = Path(__file__).parent / "reference" / "obligation_list_rows.html"
TODAY = datetime.date(2025, 5, 10)
COLUMNS = [c.key for c in REPORT_LIST.columns]


def reference_rows(obligations, show, today) -> str:
    context = {"object_list": obligations, "list_tools": {"show": show, "visible_count": sum(show.values())}, "today": today}
    return engines["django"].from_string(REFERENCE.read_text(encoding="utf-8")).render(context)


def new_rows(obligations, show, today) -> str:
    return f"<table><tbody>{obligation_rows_html(obligations, show, today, sum(show.values()))}</tbody></table>"


@pytest.fixture
def obligations(province_agency, agency_a, agency_b):
    """The cycle's reports with every status, plus a draft plan's report by an agency with four
    former agencies and names that must be escaped; fetched as the list fetches them."""
    cycle = build_cycle(receiver=province_agency, reporters=[agency_a, agency_b])
    services.obligations_generate(plan=cycle["plan"])
    AgencyFactory(name="Phòng Nông nghiệp <cũ> & PTNT", successor=agency_a)
    for n in range(4):
        AgencyFactory(name=f"UBND xã \"{n}\"", successor=agency_b)
    draft = PlanFactory(issuer=agency_b, number=None, title="Kế hoạch " + "rất dài " * 20 + "<b>hết</b>")
    req = ReportingRequirementFactory(plan=draft, receiver=agency_b, reporters=[agency_b])
    period = ReportingPeriodFactory(requirement=req, label="Đợt <1> & \"2\"", due_date=datetime.date(2025, 5, 9))
    ObligationFactory(period=period, agency=AgencyFactory(name="Hội <Nông dân>"), status=ObligationStatus.DRAFT)
    statuses = list(ObligationStatus.values)
    for i, ob in enumerate(Obligation.objects.order_by("period__due_date", "pk")):
        Obligation.objects.filter(pk=ob.pk).update(status=statuses[i % len(statuses)])
    rows = list(
        Obligation.objects.select_related(*OBLIGATION_RELATED)
        .prefetch_related(formerly_prefetch("agency"))
        .order_by("period__due_date", "agency__name", "pk")
    )
    with translation.override("vi"):
        set_choice_labels(rows, status=ObligationStatus.choices)
    return rows


def _shows():
    every = {key: True for key in COLUMNS}
    yield every
    for key in COLUMNS[1:]:
        yield every | {key: False}
    yield {key: key == "period" for key in COLUMNS}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_rows_are_the_template_loops_markup(obligations, language):
    assert len(obligations) > 20
    assert {ob.status for ob in obligations} == set(ObligationStatus.values)
    assert any(ob.kind == ObligationKind.CONSOLIDATION for ob in obligations)
    with translation.override(language):
        set_choice_labels(obligations, status=ObligationStatus.choices)
        for show in _shows():
            for today in (TODAY, None):
                assert parse_html(new_rows(obligations, show, today)) == parse_html(reference_rows(obligations, show, today)), show


def test_the_branches_are_covered(obligations):
    with translation.override("vi"):
        html = new_rows(obligations, {key: True for key in COLUMNS}, TODAY)
    assert "Đợt &lt;1&gt; &amp; &quot;2&quot;" in html and "Hội &lt;Nông dân&gt;" in html  # escaped, as before
    assert "(trước đây: Phòng Nông nghiệp &lt;cũ&gt; &amp; PTNT)" in html and "và 1 cơ quan khác" in html
    assert "Quá hạn" in html and "bi-lock-fill" in html and "text-bg-info" in html
    assert "Kế hoạch rất dài" in html and "hết" not in html  # the draft's title alone, cut at 80
    assert f'href="{reverse("reports:obligation_detail", args=[obligations[0].pk])}"' in html


@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_rows(language):
    show = {key: key != "receiver" for key in COLUMNS}
    with translation.override(language):
        assert parse_html(new_rows([], show, TODAY)) == parse_html(reference_rows([], show, TODAY))


def test_list_page_writes_the_rows(obligations, admin_user, client_for):
    """The page itself: one row per report of the page, the former loop's markup."""
    response = client_for(admin_user).get(reverse("reports:obligation_list"), {"per_page": 100})
    assert response.status_code == 200
    page = list(response.context["object_list"])
    html = response.content.decode()
    body = html[html.index("<tbody>"):html.index("</tbody>") + len("</tbody>")]
    show = response.context["list_tools"]["show"]
    assert parse_html(f"<table>{body}</table>") == parse_html(reference_rows(page, show, response.context["today"]))
    assert body.count("<tr>") == len(page) == len(obligations)


def test_list_loads_only_what_its_rows_read(obligations, admin_user, client_for):
    """The page's rows come without the report's texts and JSON, the issuer, the agency's unit or
    the two users (issue 17: ~450 model instances a page of 50), and reading them as the rows and
    the export do costs no further query."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reports.lists import REPORT_LIST
    from reports.views import ObligationListView

    with CaptureQueriesContext(connection) as ctx:
        response = client_for(admin_user).get(reverse("reports:obligation_list"), {"per_page": 100})
    assert response.status_code == 200
    report_queries = [q["sql"] for q in ctx.captured_queries if 'FROM "reports_obligation"' in q["sql"]]
    assert report_queries
    for sql in report_queries:
        assert '"reports_obligation"."results"' not in sql and '"reports_obligation"."return_fields"' not in sql
        assert "directory_user" not in sql and '"plans_plan"."search_text"' not in sql
    view = ObligationListView()
    view.request = response.wsgi_request
    rows = list(view.get_queryset()[:100])
    with CaptureQueriesContext(connection) as ctx:
        for ob in rows:
            [column.value(ob) for column in REPORT_LIST.columns]
            ob.get_status_display()
    assert ctx.captured_queries == []
