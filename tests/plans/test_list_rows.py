"""The plan list's rows written in Python (``plans.lists.plan_rows_html``, issue 17) are the markup
the template loop wrote: compared, as parsed HTML, with the former loop kept in
``reference/plan_list_rows.html``, in Vietnamese and English, over every branch — every column
shown and each one hidden, the four statuses, a draft in force, a draft without number or
symbol (no issue date), one year or several, every kind, a long title cut, text that must be
escaped, and no rows at all."""

import datetime
from pathlib import Path

import pytest
from django.template import engines
from django.test.html import parse_html
from django.urls import reverse
from django.utils import translation

from core.listtools import set_choice_labels
from plans.lists import PLAN_LIST, plan_rows_html
from plans.models import PlanKind, PlanStatus
from tests.directory.factories import AgencyFactory, DistrictFactory
from tests.plans.factories import IssuedPlanFactory, PlanFactory

pytestmark = pytest.mark.django_db

REFERENCE = Path(__file__).parent / "reference" / "plan_list_rows.html"
COLUMNS = [c.key for c in PLAN_LIST.columns]


def reference_rows(plans, show) -> str:
    context = {"plans": plans, "list_tools": {"show": show, "visible_count": sum(show.values())}}
    return engines["django"].from_string(REFERENCE.read_text(encoding="utf-8")).render(context)


def new_rows(plans, show) -> str:
    return f"<table><tbody>{plan_rows_html(plans, show, sum(show.values()))}</tbody></table>"


@pytest.fixture
def page(admin_user, client_for):
    """The administrator's plan list (every plan), as fetched."""
    issuer = AgencyFactory(name="UBND <tỉnh> & \"Quảng Ngãi\"", unit=DistrictFactory(name="Huyện <Sơn Hà>"))
    kinds = list(PlanKind.values)
    for i, status in enumerate([PlanStatus.ISSUED, PlanStatus.CLOSED, PlanStatus.SUPERSEDED] * 3):
        IssuedPlanFactory(
            issuer=issuer, status=status, kind=kinds[i % len(kinds)], title=f"Kế hoạch <{i}> & \"HTX\"",
            period_start=datetime.date(2021 + i, 1, 1), period_end=datetime.date(2021 + i + i % 2, 12, 31),
            issue_date=datetime.date(2020 + i, 1 + i, 2 + i),
        )
    PlanFactory(issuer=issuer, in_force=True, title="Dự thảo đang thực hiện " + "rất dài " * 30)
    PlanFactory(issuer=issuer, in_force=False, symbol="", kind=PlanKind.OTHER)
    PlanFactory(kind=PlanKind.EVENT)
    with translation.override("vi"):
        response = client_for(admin_user).get(reverse("plans:plan_list"), {"per_page": 100})
    assert response.status_code == 200
    return response


def _shows():
    every = {key: True for key in COLUMNS}
    yield every
    for key in COLUMNS:
        if key != "title":
            yield every | {key: False}
    yield {key: key == "title" for key in COLUMNS}


def test_the_page_writes_the_former_loops_rows(page):
    plans = list(page.context["plans"])
    assert len(plans) == 12
    html = page.content.decode()
    body = html[html.index("<tbody>"):html.index("</tbody>") + len("</tbody>")]
    with translation.override("vi"):
        expected = reference_rows(plans, page.context["list_tools"]["show"])
    assert parse_html(f"<table>{body}</table>") == parse_html(expected)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_rows_are_the_template_loops_markup(page, language):
    plans = list(page.context["plans"])
    with translation.override(language):
        set_choice_labels(plans, kind=PlanKind.choices, status=PlanStatus.choices)
        for show in _shows():
            assert parse_html(new_rows(plans, show)) == parse_html(reference_rows(plans, show)), show


def test_the_branches_are_covered(page):
    plans = list(page.context["plans"])
    with translation.override("vi"):
        set_choice_labels(plans, kind=PlanKind.choices, status=PlanStatus.choices)
        html = new_rows(plans, {key: True for key in COLUMNS})
    assert "Kế hoạch &lt;3&gt; &amp; &quot;HTX&quot;" in html and "UBND &lt;tỉnh&gt;" in html  # escaped, as before
    assert "huyện &lt;Sơn Hà&gt;" in html and 'badge text-bg-info" title=' in html and "text-bg-dark" in html
    assert "2022–2023" in html and '<td class="text-nowrap">2021</td>' in html
    assert '<td class="text-nowrap">—</td>' in html and "…" in html


@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_rows(language):
    show = {key: key != "kind" for key in COLUMNS}
    with translation.override(language):
        assert parse_html(new_rows([], show)) == parse_html(reference_rows([], show))
