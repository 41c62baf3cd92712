"""The progress table's rows written in Python (``dashboards.views.progress_rows_html``, issue 17)
are the markup the template loop wrote: compared, as parsed HTML (whitespace between tags
aside), with the former loop kept in ``reference/progress_table_loop.html``, in Vietnamese and
English, over every branch — code or none, lower-is-better, no value, registry value / not
linked / linked without value, expected and percent missing, a formula, a sparkline, a single
period, and text that must be escaped."""

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest
from django.template import engines
from django.template.loader import render_to_string
from django.test.html import parse_html
from django.utils import translation

from dashboards.views import plan_progress, progress_rows_html
from tests.plans.factories import PlanTargetFactory

from .conftest import TODAY

REFERENCE = Path(__file__).parent / "reference" / "progress_table_loop.html"


def reference_table(data) -> str:
    return engines["django"].from_string(REFERENCE.read_text(encoding="utf-8")).render(data)


def new_table(data) -> str:
    return render_to_string("dashboards/partials/progress_table.html", {**data, "rows_html": progress_rows_html(data["rows"])})


@pytest.fixture
def data(world):
    plan = world["plan"]
    PlanTargetFactory(plan=plan, code="", description='Số HTX "mới" <b>&</b> liên hiệp', unit="HTX <i>",
                      value=Decimal("1234.5"), milestone_year=2025)
    PlanTargetFactory(plan=plan, code="R", description="Khoảng", comparator="range", value=Decimal(1),
                      value_max=Decimal(5), milestone_year=2026)
    data = plan_progress(plan, TODAY)
    rows = data["rows"]
    # The registry's three cases and a single past period (no sparkline, its label shown).
    rows[0] |= {"registry": Decimal("12.25"), "registry_label": "năm 2024 <x>"}
    rows[1]["target"].indicator_id = 1
    rows[2] |= {"history": [("Quý I/2025 & II", Decimal(3))], "sparkline": ""}
    rows[3]["progress"] = dataclasses.replace(rows[3]["progress"], expected=None, percent_of_plan=None, formula="")
    rows[4]["progress"] = dataclasses.replace(
        rows[4]["progress"], expected=Decimal("3.14159"), percent_of_plan=Decimal("250.05"), formula='(a − b) / "c"'
    )
    return data


@pytest.mark.parametrize("language", ["vi", "en"])
def test_rows_are_the_template_loops_markup(data, language):
    assert len(data["rows"]) == 5
    with translation.override(language):
        assert parse_html(new_table(data)) == parse_html(reference_table(data))


def test_the_branches_are_covered(data):
    with translation.override("vi"):
        html = new_table(data)
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in html and "&quot;mới&quot;" in html  # escaped, as before
    assert "<svg" in html and "progress-bar-striped" in html and "mốc năm 2025" in html


def test_no_targets(world):
    data = plan_progress(world["other_plan"], TODAY)
    with translation.override("vi"):
        assert parse_html(new_table(data)) == parse_html(reference_table(data))


def _every_status(rows):
    """The fixture's rows once per status (label and colour as ``plan_progress`` sets them), so
    every label, badge colour and striped bar is written."""
    from dashboards.views import STATUS_CLASSES, STATUS_LABELS

    out = []
    for status in STATUS_LABELS:
        for r in rows:
            prog = dataclasses.replace(r["progress"], status=status)
            out.append(r | {"progress": prog, "label": STATUS_LABELS[status], "css": STATUS_CLASSES[status]})
    return out


@pytest.mark.parametrize("language", ["vi", "en"])
def test_rows_are_the_former_writers_string_for_string(data, language):
    """The f-string writer gives the former ``format_html`` writer's text exactly (kept in
    ``reference/progress_rows_before.py``): every branch above, every status, escaping, no rows."""
    from .reference.progress_rows_before import progress_rows_html_before

    rows = _every_status(data["rows"])
    # Texts to escape in every cell a value reaches; a negative value; a period label alone.
    rows[0]["target"].code = 'A&<"1">'
    rows[0]["target"].unit = "<đồng>"
    rows[1] |= {"actual": Decimal("-1234.5"), "period_label": 'Quý "I" <2025>'}
    rows[2]["progress"] = dataclasses.replace(rows[2]["progress"], percent_of_plan=Decimal("-3"), formula="a < b & c")
    with translation.override(language):
        assert str(progress_rows_html(rows)) == str(progress_rows_html_before(rows))
        assert str(progress_rows_html([])) == str(progress_rows_html_before([])) == ""
