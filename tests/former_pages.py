"""Comparing a list page written in Python (``core.listhtml``, issue 17) with the page its former
template wrote (kept in ``tests/<app>/reference/*_before.html``): one helper for the plan, report
and registry lists' tests, so that the three compare the same way."""

import re
from pathlib import Path

from django.template import engines
from django.test.html import parse_html
from django.urls import reverse
from django.utils import translation

# the CSRF tokens carry a random mask per render: set aside before comparing
TOKEN = re.compile(r'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+')


def former_and_new(client, url_name: str, reference: Path, query: str, language: str) -> tuple[str, str]:
    """The page at ``url_name`` + ``query`` in ``language``, and what the former template
    ``reference`` renders from the same response's context, both with their CSRF tokens set aside."""
    with translation.override(language):
        response = client.get(reverse(url_name) + query, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200
        former = engines["django"].from_string(reference.read_text(encoding="utf-8")).render(
            response.context_data, response.wsgi_request
        )
    new = response.content.decode()
    return TOKEN.sub(r"\1…", new), TOKEN.sub(r"\1…", former)


def assert_pages_and_hidden_columns(
    user, *, compare, list_key: str, optional: list[str], hidden_sets: list[list[str]], sort_query: str,
    saved_query: str, make_more_rows, page_queries: list[str],
):
    """The page equals its former template for each set of hidden columns (and every optional
    column hidden), unsorted and sorted by ``sort_query``; then, with two saved filters (one with a
    name to escape) and ``make_more_rows()`` making three pages, on the first, a middle and the
    last page (``page_queries``), whose pagers must show « only after the first and » only before
    the last. ``compare(query)`` returns (new, former)."""
    from core.models import ListPreference, SavedFilter

    for hidden in [*hidden_sets, optional]:
        ListPreference.objects.update_or_create(
            user=user, list_key=list_key, defaults={"hidden_columns": hidden, "page_size": 25}
        )
        for query in ["", sort_query]:
            new, former = compare(query)
            assert parse_html(new) == parse_html(former), (hidden, query)
    ListPreference.objects.filter(user=user).delete()
    SavedFilter.objects.create(user=user, list_key=list_key, name="Quá hạn <năm> & \"nay\"", query=saved_query)
    SavedFilter.objects.create(user=user, list_key=list_key, name="Tất cả", query="")
    make_more_rows()
    pagers = set()
    for query in page_queries:
        new, former = compare(query)
        assert parse_html(new) == parse_html(former), query
        pagers.add(("«" in new, "»" in new))
    assert pagers == {(False, True), (True, True), (True, False)}
