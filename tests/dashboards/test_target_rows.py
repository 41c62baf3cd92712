"""The targets list's rows written in Python (``dashboards.views.target_rows_html``, issue 17) are
the text of the former template loop (kept in ``reference/target_rows.html``), string for string,
in Vietnamese and English: every status, a latest value and none, a percentage and none, a
formula and none, thousands and decimals (the loop ran under the dashboards' ``{% localize off %}``:
a year prints 2026), a range, texts to escape in every cell a value reaches (target, unit, the
plan's symbol, the issuer), the dashboard's query in each link, and no row at all; and the page
shows them."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.template import engines
from django.urls import reverse
from django.utils import timezone, translation

from dashboards import selectors as s
from dashboards.views import STATUS_CLASSES, STATUS_LABELS, TARGET_ROW_FIELDS, target_rows_html
from plans import progress
from plans.models import PlanTarget
from tests.directory.factories import AgencyFactory
from tests.plans.factories import IssuedPlanFactory, PlanTargetFactory

REFERENCE = Path(__file__).parent / "reference" / "target_rows.html"
QUERY = "unit=7&year=2025&quarter=2"


def reference_rows(rows, query) -> str:
    """The former loop over the view's former rows (each with its URL, label and class)."""
    former = [
        {
            **row,
            "label": STATUS_LABELS[row["progress"].status],
            "css": STATUS_CLASSES[row["progress"].status],
            "progress_url": f"{reverse('dashboards:plan_progress', args=[row['target'].plan_id])}?{query}",
        }
        for row in rows
    ]
    return engines["django"].from_string(REFERENCE.read_text(encoding="utf-8").rstrip("\n")).render({"rows": former})


@pytest.fixture
def rows(world, district_a):
    agency = AgencyFactory(unit=district_a, name='Phòng "Kinh tế" <A> & B')
    odd_plan = IssuedPlanFactory(
        issuer=agency, symbol="KH-<UBND>&", period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2026, 12, 31)
    )
    odd = PlanTargetFactory(
        plan=odd_plan, code="X1", description='Số HTX "kiểu mới" <b>tốt</b> & khá', unit="<HTX>&",
        comparator="range", value=Decimal("1234.5"), value_max=Decimal("20000"), milestone_year=2026,
    )
    t1, t2, t3 = world["targets"]
    progresses = [
        progress.Progress(actual=Decimal("12345.678"), expected=Decimal(10), percent_of_plan=Decimal("104.25"),
                          status=progress.ACHIEVED, formula='12.345,68 ÷ 1.234,5 × 100 <"&">'),
        progress.Progress(actual=None, expected=None, percent_of_plan=None, status=progress.NO_DATA, formula=""),
        progress.Progress(actual=Decimal(0), expected=Decimal(5), percent_of_plan=Decimal(0), status=progress.BEHIND,
                          formula="0 ÷ 5"),
        progress.Progress(actual=Decimal("-3.5"), expected=Decimal(4), percent_of_plan=Decimal("-87.549"),
                          status=progress.AT_RISK, formula=""),
        progress.Progress(actual=Decimal(17), expected=Decimal(16), percent_of_plan=None, status=progress.ON_TRACK,
                          formula="17 ≥ 16"),
    ]
    targets = [odd, t1, t2, t3, odd]
    return [{"target": t, "progress": p} for t, p in zip(targets, progresses, strict=True)]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_rows_are_the_template_loops_text(rows, language):
    with translation.override(language):
        assert str(target_rows_html(rows, QUERY)) == reference_rows(rows, QUERY)
        assert str(target_rows_html([], QUERY)) == reference_rows([], QUERY)
        assert str(target_rows_html(rows, "")) == reference_rows(rows, "")
    html = str(target_rows_html(rows, QUERY))
    assert "KH-&lt;UBND&gt;&amp;" in html and "&quot;Kinh tế&quot; &lt;A&gt; &amp; B" in html
    assert "&lt;b&gt;tốt&lt;/b&gt;" in html and "&lt;HTX&gt;&amp;" in html and 'title="12.345,68 ÷ 1.234,5 × 100 &lt;&quot;&amp;&quot;&gt;"' in html
    assert "?unit=7&amp;year=2025&amp;quarter=2" in html and "(2026)" in html and "12.345,68" in html
    assert {p.status for p in (r["progress"] for r in rows)} == set(STATUS_LABELS)  # every status shown


def test_the_page_shows_the_rows(client_for, world, leader, django_assert_num_queries):
    response = client_for(leader).get(reverse("dashboards:targets") + "?year=2025")
    rows = response.context["rows"]
    assert rows
    as_of = s.Window(2025).as_of(timezone.localdate())
    # The targets read afresh as the view reads them (``TARGET_ROW_FIELDS``): evaluating and
    # writing the rows reads no deferred field (each would be one query a row).
    fresh = PlanTarget.objects.filter(pk__in=[r["target"].pk for r in rows]).select_related("plan", "plan__issuer")
    by_id = {t.pk: t for t in fresh.only(*TARGET_ROW_FIELDS)}
    with django_assert_num_queries(0):
        again = []
        for row in rows:
            target = by_id[row["target"].pk]
            again.append({"target": target, "progress": progress.evaluate_target(target, row["progress"].actual, as_of)})
        written = str(target_rows_html(again, "year=2025"))
    assert [r["progress"] for r in again] == [r["progress"] for r in rows]
    assert written in response.content.decode()
    body = response.content.decode()
    assert str(target_rows_html(rows, "year=2025")) in body
    assert reference_rows(rows, "year=2025") in body
    assert reverse("dashboards:plan_progress", args=[world["plan"].pk]) + "?year=2025" in body


def test_the_page_without_rows(client_for, world, leader):
    """A year without an active plan: the loop's empty row, nothing else in the table's body."""
    response = client_for(leader).get(reverse("dashboards:targets") + "?year=2031")
    assert response.status_code == 200 and response.context["rows"] == []
    body = response.content.decode()
    assert "<tbody>\n  " + reference_rows([], "") + "\n  </tbody>" in body


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_pager_is_the_include_with_its_count_localised(client_for, world, leader, language):
    """The pager written in Python (``core.listhtml.pagination_html``) is the include's text on
    the first, a middle and the last page, and its count is localised although the dashboards
    write their pages inside ``{% localize off %}``: "1.023 kết quả" in Vietnamese, "1,023
    results" in English (it printed "1023" before)."""
    plan = IssuedPlanFactory(issuer=world["plan"].issuer, period_start=datetime.date(2025, 1, 1),
                             period_end=datetime.date(2025, 12, 31))
    template = PlanTargetFactory(plan=plan, code="P0", milestone_year=2025)
    PlanTarget.objects.bulk_create([  # over a thousand: the count is written "1.023" / "1,023"
        PlanTarget(plan=plan, code=f"P{n}", order=n, description=template.description, unit=template.unit,
                   comparator=template.comparator, value=template.value, baseline=template.baseline,
                   baseline_year=template.baseline_year, milestone_year=2025)
        for n in range(1, 1020)
    ])
    include = engines["django"].from_string('{% include "includes/_pagination.html" %}')
    client = client_for(leader)
    client.cookies["django_language"] = language  # the portal's language chooser (the leader's header alone is not read)
    seen = set()
    last = client.get(reverse("dashboards:targets"), {"year": 2025}).context["page_obj"].paginator.num_pages
    for page in ("1", "2", str(last)):
        with translation.override(language):
            response = client.get(reverse("dashboards:targets"), {"year": 2025, "page": page}, HTTP_ACCEPT_LANGUAGE=language)
            former = include.render({"page_obj": response.context["page_obj"]}, response.wsgi_request)
        assert response.status_code == 200 and former.strip()
        body = response.content.decode()
        assert f'<html lang="{language}">' in body
        assert former in body, page
        seen.add(("«" in former, "»" in former))
        count = response.context["page_obj"].paginator.count
        assert count > 1000
        counted = f"{count // 1000}{'.' if language == 'vi' else ','}{count % 1000:03d}"
        expected = f"{counted} kết quả" if language == "vi" else f"{counted} results"
        assert f'<p class="small text-muted">{expected}</p>' in body, page
    assert seen == {(False, True), (True, True), (True, False)}
