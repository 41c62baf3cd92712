"""The drill-down table's rows written in Python (``dashboards.views.drilldown_rows_html``,
issue 17) are the markup the template loop wrote: compared, as parsed HTML, with the former loop
kept in ``reference/drilldown_rows.html``, in Vietnamese and English, over every branch — each
compliance state (all reports of the year), late and missing days (one and several), submitted or
not (a submission late in the evening, whose day is Vietnam's), text that must be escaped, and no
rows at all; and on the page itself."""

import datetime
from pathlib import Path

import pytest
from django.template import engines
from django.test.html import parse_html
from django.urls import reverse
from django.utils import timezone, translation

from dashboards import selectors as s
from dashboards.views import drilldown_rows_html
from reports.models import Obligation

from .conftest import TODAY

pytestmark = pytest.mark.django_db

REFERENCE = Path(__file__).parent / "reference" / "drilldown_rows.html"


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)


def reference_rows(page, states) -> str:
    return engines["django"].from_string(REFERENCE.read_text(encoding="utf-8")).render({"page_obj": page, "states": states})


def new_rows(page, states) -> str:
    return f"<table><tbody>{drilldown_rows_html(page, states)}</tbody></table>"


def _page(client, user, query):
    response = client.get(f"{reverse('dashboards:obligations')}?{query}")
    assert response.status_code == 200
    return response


@pytest.fixture
def escaped(world):
    """A report whose period label and agency name must be escaped, one day late, submitted at
    23:30 in Vietnam (16:30 UTC: the UTC day is the day before)."""
    ob = world["obligations"]["q1b"]
    ob.period.label = 'Quý <I>/2025 & "bổ sung"'
    ob.period.save(update_fields=["label"])
    ob.agency.name = "Phòng <Tài chính> & Kế hoạch"
    ob.agency.save(update_fields=["name"])
    due = ob.period.due_date
    Obligation.objects.filter(pk=ob.pk).update(
        submitted_at=datetime.datetime(due.year, due.month, due.day + 1, 16, 30, tzinfo=datetime.UTC)
    )
    return world


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("state", ["", *s.COMPLIANCE_STATES])
def test_rows_are_the_template_loops_markup(client_for, escaped, leader, language, state):
    with translation.override(language):
        response = _page(client_for(leader), leader, f"year=2025&state={state}")
        page, states = response.context["page_obj"], response.context["states"]
        assert parse_html(new_rows(page, states)) == parse_html(reference_rows(page, states))
        html = response.content.decode()
        body = html[html.index("<tbody>"):html.index("</tbody>") + len("</tbody>")]
        assert parse_html(f"<table>{body}</table>") == parse_html(reference_rows(page, states))


def test_the_branches_are_covered(client_for, escaped, leader):
    with translation.override("vi"):
        response = _page(client_for(leader), leader, "year=2025")
        page, states = response.context["page_obj"], response.context["states"]
        html = new_rows(page, states)
    assert {ob.state for ob in page} >= {s.MISSING, s.LATE, s.ON_TIME}
    assert "Quý &lt;I&gt;/2025 &amp; &quot;bổ sung&quot;" in html and "Phòng &lt;Tài chính&gt; &amp; Kế hoạch" in html
    assert "quá hạn 6 ngày" in html and "quá hạn 1 ngày" in html and "<td class=\"text-nowrap\">—</td>" in html
    late = next(ob for ob in page if ob.pk == escaped["obligations"]["q1b"].pk)
    due = late.period.due_date
    assert f"{due.day + 1:02d}/{due.month:02d}/{due.year}" in html  # Vietnam's day, not UTC's


@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_rows(language):
    states = list(s.COMPLIANCE_LABELS.items())
    with translation.override(language):
        assert parse_html(new_rows([], states)) == parse_html(reference_rows([], states))


def test_rows_load_only_what_they_read(client_for, escaped, leader):
    """The page loads the reports without their texts and JSON and the plans without their other
    columns, and writing the rows costs no further query (issue 17)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = _page(client_for(leader), leader, "year=2025")
    report_queries = [q["sql"] for q in ctx.captured_queries if 'FROM "reports_obligation"' in q["sql"]]
    assert report_queries
    for sql in report_queries:
        assert '"reports_obligation"."results"' not in sql and '"plans_plan"."search_text"' not in sql
    page, states = response.context["page_obj"], response.context["states"]
    with CaptureQueriesContext(connection) as ctx:
        drilldown_rows_html(page, states)
    assert ctx.captured_queries == []
