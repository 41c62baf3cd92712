"""Issue 17: the dashboards' header (year and quarter pickers, tabs, exports) written in Python
gives the text of the template part it replaced, string for string, in Vietnamese and English."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from django.template import engines
from django.test import RequestFactory
from django.urls import reverse, set_script_prefix
from django.utils import translation

from dashboards.header import TABS, filters_and_tabs_html
from dashboards.selectors import Window

REFERENCE = Path(__file__).parent / "reference" / "layout_header_before.html"
QUARTERS = [(1, "I"), (2, "II"), (3, "III"), (4, "IV")]
YEARS = [
    [],
    [(2026, False)],
    [(2026, True), (2025, True), (2024, False), (2019, True)],
    [(y, y % 3 != 0) for y in range(2026, 1999, -1)],
]
QUERIES = ["", "year=2026", "unit=12&year=2025&quarter=3", "year=2026&q=<a href='x'>\"&amp;"]


def former(years, window, quarters, filter_query, path):
    template = engines["django"].from_string(REFERENCE.read_text())
    request = RequestFactory().get(path)
    context = {"years": years, "window": window, "quarters": quarters, "filter_query": filter_query, "request": request}
    return template.render(context, request).removesuffix("\n")


def paths():
    return [reverse(name) for name, _label in TABS] + [reverse("dashboards:obligations"), "/", "/dashboards/x/"]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_header_equals_the_former_template(language):
    windows = [Window(2026), Window(2025, 3), Window(2024, 1), SimpleNamespace(year=2030, quarter=4)]
    cases = 0
    with translation.override(language):
        for years in YEARS:
            for window in windows:
                for query in QUERIES:
                    for path in paths():
                        assert filters_and_tabs_html(years, window, QUARTERS, query, path) == former(
                            years, window, QUARTERS, query, path
                        ), (years, window, query, path)
                        cases += 1
    assert cases == len(YEARS) * len(windows) * len(QUERIES) * len(paths())


def test_header_marks_the_current_tab_and_translates():
    with translation.override("vi"):
        html = filters_and_tabs_html([(2026, False)], Window(2026), QUARTERS, "year=2026", reverse("dashboards:compliance"))
    assert html.count(" active") == 1
    assert f'class="nav-link active" href="{reverse("dashboards:compliance")}?year=2026"' in html
    assert '<label class="form-label small mb-0" for="f-year">Năm</label>' in html
    assert '<option value="1">Quý I</option>' in html and "2026 (không có số liệu)</option>" in html


def test_header_follows_the_script_prefix():
    """Paths are kept per script prefix: a portal served under a prefix links under it."""
    try:
        set_script_prefix("/coop/")
        html = filters_and_tabs_html([], Window(2026), QUARTERS, "", "/coop/dashboards/")
        assert html == former([], Window(2026), QUARTERS, "", "/coop/dashboards/")
        assert 'href="/coop/dashboards/?"' in html
    finally:
        set_script_prefix("/")
    assert 'href="/dashboards/?"' in filters_and_tabs_html([], Window(2026), QUARTERS, "", "/")


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["home", "compliance", "budget", "registry", "targets", "obligations"])
def test_pages_show_the_header(client_for, leader, name):
    response = client_for(leader).get(reverse(f"dashboards:{name}") + "?year=2025")
    assert response.status_code == 200
    html = response.content.decode()
    context = response.context
    expected = filters_and_tabs_html(
        context["years"], context["window"], context["quarters"], context["filter_query"], response.wsgi_request.path
    )
    assert expected in html
    assert former(context["years"], context["window"], context["quarters"], context["filter_query"],
                  response.wsgi_request.path) in html


@pytest.mark.django_db
def test_home_cards_link_with_the_window_and_unit(client_for, world, leader, district_a):
    """The home page's key-figure cards link to their lists with the page's year, quarter and unit
    (``home_figures``' URLs). The former layout's ``{% url … as targets_url %}`` (and
    ``compliance_url``, ``budget_url``) for its tabs overwrote the view's variables of the same
    names before the cards were written: they linked to the lists without any filter."""
    response = client_for(leader).get(f"{reverse('dashboards:home')}?unit={district_a.pk}&year=2025&quarter=3")
    html = response.content.decode()
    query = f"unit={district_a.pk}&amp;year=2025&amp;quarter=3"
    for name in ("targets", "compliance", "budget"):
        card = f'<a class="stretched-link text-reset text-decoration-none" href="{reverse(f"dashboards:{name}")}?{query}">'
        assert card in html, name
