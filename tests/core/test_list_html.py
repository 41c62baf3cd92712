"""The list pages' sortable headers and pager written in Python (``core.listhtml``, issue 17)
are the text of the includes they replace, string for string: ``includes/_sort_th.html`` for
every sort state of a column (none, this column ascending, descending, another column) and
``includes/_pagination.html`` for one page, the first, a middle and the last of several, and
thousands of results (localised), each under query strings with repeated, empty, encoded and
non-ASCII values, in Vietnamese and English; and ``QueryReplacer`` is ``{% query_replace %}``."""

import pytest
from django.core.paginator import Paginator
from django.template.loader import get_template
from django.test import RequestFactory
from django.utils import translation

from core.listhtml import QueryReplacer, current_ordering, pagination_html, sort_header_html
from core.templatetags.coopplan import query_replace

QUERIES = [
    "",
    "ordering=title",
    "ordering=-title",
    "ordering=-number&page=3",
    "q=h%E1%BB%A3p+t%C3%A1c+x%C3%A3&status=issued&ordering=issuer&page=2&per_page=50",
    "page=2&q=&kind=&kind=event&ordering=&year=2025",
    "q=a%26b%3Dc%3C%3E%22&ordering=title&ordering=-period_start",
    "status=draft&status=issued&unit=12&issuer=7",
]
LABELS = ["Tiêu đề", "Title", "Cơ quan <ban> & \"hành\""]


def request_for(query):
    return RequestFactory().get(f"/plans/?{query}" if query else "/plans/")


@pytest.mark.parametrize("query", QUERIES)
def test_query_replacer_is_query_replace(query):
    request = request_for(query)
    replacer = QueryReplacer(request.GET)
    context = {"request": request}
    for replace in [
        {"page": None}, {"page": 1}, {"page": 7}, {"ordering": "title", "page": None}, {"ordering": "-title", "page": None},
        {"ordering": ""}, {"q": "xã"}, {"new": "thêm", "page": None}, {}, {"per_page": 100, "page": 2},
    ]:
        assert replacer(**replace) == query_replace(context, **replace), replace
    assert request.GET.urlencode() == request_for(query).GET.urlencode()  # the request's own is untouched


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("query", QUERIES)
def test_sort_headers_are_the_includes_text(query, language):
    template = get_template("includes/_sort_th.html")
    request = request_for(query)
    replacer = QueryReplacer(request.GET)
    with translation.override(language):
        for field in ("title", "number", "period_start", "issuer"):
            for label in LABELS:
                former = template.render({"field": field, "label": label}, request)
                assert sort_header_html(replacer, current_ordering(request), field, label) == former, (field, label)


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("query", QUERIES)
def test_pager_is_the_includes_text(query, language):
    template = get_template("includes/_pagination.html")
    request = request_for(query)
    replacer = QueryReplacer(request.GET)
    cases = [(list(range(3)), 25, 1), (list(range(60)), 25, 1), (list(range(60)), 25, 2), (list(range(60)), 25, 3),
             (list(range(12_345)), 25, 1), (list(range(12_345)), 100, 57), (list(range(12_345)), 50, 247), ([], 25, 1),
             (list(range(26)), 25, 2)]
    seen = set()
    with translation.override(language):
        for rows, per_page, number in cases:
            page_obj = Paginator(rows, per_page).page(number)
            former = template.render({"page_obj": page_obj}, request)
            new = pagination_html(replacer, page_obj)
            assert new == former, (len(rows), per_page, number)
            seen.add(("«" in new, "»" in new, bool(new.strip())))
    assert seen == {(False, False, False), (False, True, True), (True, True, True), (True, False, True)}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_pager_is_localised_under_localize_off_too(language):
    """The dashboards write their pages inside ``{% localize off %}`` (years as 2026): the include
    still localises its numbers ("12.345 kết quả", "12,345 results"), as ``pagination_html`` does.
    Both printed "12345" there before (``pagination_html(localize=False)``)."""
    from django.template import engines

    template = engines["django"].from_string('{% load l10n %}{% localize off %}{% include "includes/_pagination.html" %}{% endlocalize %}')
    request = request_for("year=2026&status=behind&page=3")
    replacer = QueryReplacer(request.GET)
    with translation.override(language):
        for rows, per_page, number in [(list(range(12_345)), 50, 1), (list(range(12_345)), 10, 1_001), (list(range(3)), 50, 1),
                                       (list(range(1_001)), 50, 21), (list(range(60)), 50, 2)]:
            page_obj = Paginator(rows, per_page).page(number)
            assert pagination_html(replacer, page_obj) == template.render({"page_obj": page_obj}, request)
        html = pagination_html(replacer, Paginator(list(range(12_345)), 10).page(1_001))
    separator = "." if language == "vi" else ","
    assert f"12{separator}345" in html and "12345" not in html
    pages = "Trang 1.001/1.235" if language == "vi" else "Page 1,001 of 1,235"
    assert f'<span class="page-link">{pages}</span>' in html


def test_the_pager_localises_its_numbers():
    request = request_for("")
    with translation.override("vi"):
        html = pagination_html(QueryReplacer(request.GET), Paginator(list(range(12_345)), 25).page(2))
    assert "12.345 kết quả" in html and "Trang 2/494" in html


def list_tools_context(saved, hidden=(), page_size=25, key="plans", query="q=x%C3%A3&status=issued"):
    from core.listtools import MAX_SAVED_FILTERS, PAGE_SIZES, get_spec

    spec = get_spec(key)
    return {
        "key": key, "page_size": page_size, "page_sizes": PAGE_SIZES, "next": f"/plans/?{query}&page=2",
        "preferences_url": f"/lists/{key}/preferences/",
        "columns": [{"key": c.key, "label": c.label, "required": c.required, "visible": c.key not in hidden} for c in spec.columns],
        "show": {}, "visible_count": 0, "saved_filters": saved, "max_saved": MAX_SAVED_FILTERS, "query": query,
        "export_url": f"/lists/{key}/export/?{query}", "save_url": f"/lists/{key}/filters/save/",
    }


@pytest.mark.parametrize("language", ["vi", "en"])
def test_list_tools_bar_is_the_includes_text(language):
    from core.listhtml import list_tools_html
    from core.models import SavedFilter

    template = get_template("includes/_list_tools.html")
    request = request_for("")
    saved = [SavedFilter(pk=7, name="Quá hạn <năm> & \"nay\"", list_key="plans", query="status=x"),
             SavedFilter(pk=12345, name="Đã ban hành", list_key="plans", query="")]
    cases = [
        ([], (), 25, "plans", ""), (saved, (), 50, "plans", "q=x%C3%A3&status=issued"), (saved[:1], ("number", "status"), 100, "plans", "a=<b>"),
        ([], ("kind",), 25, "reports", "x=1"), (saved, (), 30, "registry", ""),
    ]
    with translation.override(language):
        for filters, hidden, page_size, key, query in cases:
            lt = list_tools_context(filters, hidden, page_size, key, query)
            for token in ("tok<en>&1", "", "NOTPROVIDED"):
                former = template.render({"list_tools": lt, "csrf_token": token}, request)
                assert list_tools_html(lt, token) == former, (key, len(filters), hidden, page_size, token)


def test_the_tag_without_list_tools_renders_the_include():
    from django.template import engines

    request = request_for("")
    tag = engines["django"].from_string("{% load coopplan %}{% list_tools_bar %}").render({"csrf_token": "t"}, request)
    assert tag == get_template("includes/_list_tools.html").render({"csrf_token": "t"}, request)
    lt = list_tools_context([])
    tag = engines["django"].from_string("{% load coopplan %}{% list_tools_bar %}").render({"list_tools": lt, "csrf_token": "t"}, request)
    assert tag == get_template("includes/_list_tools.html").render({"list_tools": lt, "csrf_token": "t"}, request)
