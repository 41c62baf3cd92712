"""The list pages' shared pieces written in Python (issue 17): the sortable column headers of
``includes/_sort_th.html`` and the pager of ``includes/_pagination.html``.

A list page included ``_sort_th.html`` once per column (five to seven includes a page, each a
``{% with %}``, two ``{% query_replace %}`` copying the query string and the ``add`` filter)
and ``_pagination.html`` (four more copies of the query string): ~0.3 ms of CPU per header on
the national plan list, more than its 25 rows. The functions below write the same text, string
for string, and copy the query string once per page; ``tests/core/test_list_html.py`` renders
the includes and compares (vi and en, every sort state, every pager branch, query strings with
repeated, empty and non-ASCII values). The includes stay for the pages that still use them.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.template.base import render_value_in_context
from django.template.context import Context
from django.utils.translation import gettext, ngettext

from .listtools import esc

_CONTEXT = Context()  # autoescape on, localisation on: as ``{{ n }}`` in a template


class QueryReplacer:
    """``{% query_replace … %}`` for one request, without copying its ``QueryDict`` per link:
    the current query string with some parameters replaced (a value of ``None`` or "" drops
    the parameter), in the ``QueryDict``'s order (a new parameter last), encoded as
    ``QueryDict.urlencode`` encodes it."""

    def __init__(self, query):
        self.encoding = query.encoding
        self.lists = [(key, list(values)) for key, values in query.lists()]

    def __call__(self, **replace) -> str:
        enc = self.encoding
        out = []
        seen = set()
        for key, values in self.lists:
            if key in replace:
                seen.add(key)
                value = replace[key]
                if value in (None, ""):
                    continue
                values = [value]
            out.extend(urlencode({key.encode(enc): str(v).encode(enc)}) for v in values)
        for key, value in replace.items():
            if key not in seen and value not in (None, ""):
                out.append(urlencode({key.encode(enc): str(value).encode(enc)}))
        return "&".join(out)


def sort_header_html(query: QueryReplacer, current: str, field: str, label) -> str:
    """``{% include "includes/_sort_th.html" with field=… label=… %}``; ``current`` is the
    request's ``ordering`` parameter ("" without one)."""
    descending = "-" + field
    if current == field:
        aria, href, icon = ' aria-sort="ascending"', query(ordering=descending, page=None), (
            ' <i class="bi bi-caret-up-fill" aria-hidden="true"></i>'
        )
    elif current == descending:
        aria, href, icon = ' aria-sort="descending"', query(ordering=field, page=None), (
            ' <i class="bi bi-caret-down-fill" aria-hidden="true"></i>'
        )
    else:
        aria, href, icon = "", query(ordering=field, page=None), ""
    return (
        f'\n\n<th scope="col"{aria}>\n  <a class="text-reset text-decoration-none" href="?{esc(href)}">\n'
        f"    {esc(label)}{icon}\n  </a>\n</th>\n\n"
    )


def current_ordering(request) -> str:
    """``request.GET.ordering`` as a template reads it: the last value, "" without one."""
    return request.GET.get("ordering", "")


def pagination_html(query: QueryReplacer, page_obj) -> str:
    """``{% include "includes/_pagination.html" %}`` for ``page_obj`` (None: a list not paginated)."""
    if page_obj is None:
        return "\n"
    paginator = page_obj.paginator
    num_pages = paginator.num_pages
    if not num_pages > 1:
        return "\n"
    out = [f'\n<nav aria-label="{esc(gettext("Pages"))}" class="d-print-none">\n  <ul class="pagination pagination-sm flex-wrap">\n    ']
    if page_obj.has_previous():
        out.append(
            f'\n      <li class="page-item"><a class="page-link" href="?{esc(query(page=1))}">«</a></li>\n'
            f'      <li class="page-item"><a class="page-link" href="?{esc(query(page=page_obj.previous_page_number()))}">'
            f'{esc(gettext("Previous"))}</a></li>\n    '
        )
    numbers = {"n": _value(page_obj.number), "total": _value(num_pages)}
    out.append(f'\n    <li class="page-item disabled"><span class="page-link">{gettext("Page %(n)s of %(total)s") % numbers}</span></li>\n    ')
    if page_obj.has_next():
        out.append(
            f'\n      <li class="page-item"><a class="page-link" href="?{esc(query(page=page_obj.next_page_number()))}">'
            f'{esc(gettext("Next"))}</a></li>\n'
            f'      <li class="page-item"><a class="page-link" href="?{esc(query(page=num_pages))}">»</a></li>\n    '
        )
    count = paginator.count
    results = ngettext("%(counter)s result", "%(counter)s results", count) % {"counter": _value(count)}
    out.append(f'\n  </ul>\n</nav>\n<p class="small text-muted">{results}</p>\n\n')
    return "".join(out)


def _value(value) -> str:
    """``{{ value }}`` inside ``{% blocktranslate %}``: localised (thousands grouped), escaped."""
    return render_value_in_context(value, _CONTEXT)
