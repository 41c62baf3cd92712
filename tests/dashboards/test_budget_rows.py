"""The budget table's rows written in Python (``dashboards.views.budget_rows_html``, issue 17) are
the markup of the former template loop (kept in ``reference/budget_rows.html``), compared as
parsed HTML in Vietnamese and English: plans with and without spending, a plan of another
agency, texts to escape in the reference, title and issuer, an amount missing (the dash), the
dashboard's query in each link, and no plan at all; and the page shows them."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.template import engines
from django.test.html import parse_html
from django.urls import reverse
from django.utils import translation

from dashboards import selectors as s
from dashboards.views import budget_rows_html
from tests.directory.factories import AgencyFactory
from tests.plans.factories import BudgetLineFactory, IssuedPlanFactory

REFERENCE = Path(__file__).parent / "reference" / "budget_rows.html"
QUERY = "unit=7&year=2025&quarter=2"


def reference_rows(plans, query) -> str:
    for p in plans:
        p.progress_url = f"{reverse('dashboards:plan_progress', args=[p.pk])}?{query}"
    return engines["django"].from_string(REFERENCE.read_text(encoding="utf-8")).render({"page_obj": plans})


@pytest.fixture
def plans(world, district_a):
    agency = AgencyFactory(unit=district_a, name='Phòng "Kinh tế" <A> & B')
    odd = IssuedPlanFactory(
        issuer=agency, symbol="KH-<UBND>", title='Kế hoạch "hỗ trợ" <b>HTX</b> & THT ' + "rất dài " * 20,
        period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2025, 12, 31),
    )
    BudgetLineFactory(plan=odd, year=2025, amount=Decimal("1234567.891"))
    rows = s.budget_by_plan(s.Area.of(world["plan"].issuer.unit), s.Window(2025), line_counts=True)
    assert len(rows) >= 2 and any(p.spent for p in rows) and any(not p.spent for p in rows)
    return rows


@pytest.mark.parametrize("language", ["vi", "en"])
def test_rows_are_the_template_loops_markup(plans, language):
    plans[-1].allocated = None  # a missing amount: the dash
    with translation.override(language):
        assert parse_html(str(budget_rows_html(plans, QUERY))) == parse_html(reference_rows(plans, QUERY))
        assert parse_html(str(budget_rows_html([], QUERY))) == parse_html(reference_rows([], QUERY))
    html = str(budget_rows_html(plans, QUERY))
    assert "KH-&lt;UBND&gt;" in html and "&quot;Kinh tế&quot; &lt;A&gt; &amp; B" in html and "—" in html
    assert "?unit=7&amp;year=2025&amp;quarter=2" in html


def test_the_page_shows_the_rows(client_for, world, leader):
    response = client_for(leader).get(reverse("dashboards:budget") + "?year=2025")
    page = response.context["page_obj"]
    body = response.content.decode()
    assert str(budget_rows_html(page.object_list, "year=2025")) in body
    assert reverse("dashboards:plan_progress", args=[world["plan"].pk]) + "?year=2025" in body
