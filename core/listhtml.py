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
from django.utils.safestring import mark_safe
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


def sortable_head_html(request, query: QueryReplacer, show: dict, sorted_columns, *, always: str, plain_columns=()):
    """A list's header row cells: a sortable ``<th>`` (``sort_header_html``) for each of
    ``sorted_columns`` — ``(key, ordering field, label)`` — that ``show`` keeps (``always`` is
    the key of the one that cannot be hidden), then a plain ``<th scope="col"{css}>`` for each of
    ``plain_columns`` — ``(key, css attributes, label)`` — that ``show`` keeps. The plan, registry
    and report lists' headers (their pages are compared with their former templates)."""
    current = current_ordering(request)
    cells = [
        sort_header_html(query, current, field, label)
        for key, field, label in sorted_columns
        if key == always or show.get(key)
    ]
    cells.extend(f'<th scope="col"{css}>{esc(label)}</th>' for key, css, label in plain_columns if show.get(key))
    return mark_safe("".join(cells))


def pagination_html(query: QueryReplacer, page_obj) -> str:
    """``{% include "includes/_pagination.html" %}`` for ``page_obj`` (None: a list not paginated).
    Its numbers are localised ("Trang 2/1.234", "12.345 kết quả"; "12,345 results" in English)
    wherever it is written: the include localises them itself (``{% localize on %}``), also
    inside the dashboards' ``{% localize off %}``, where it printed "12345 kết quả" before."""
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


def _csrf_input(csrf_token) -> str:
    """``{% csrf_token %}`` with the template context's token (one lazy token a render)."""
    if not csrf_token or csrf_token == "NOTPROVIDED":
        return ""
    return f'<input type="hidden" name="csrfmiddlewaretoken" value="{esc(csrf_token)}">'


def list_tools_html(lt: dict, csrf_token) -> str:
    """``{% include "includes/_list_tools.html" %}`` (and its ``_page_size_select.html``) for
    the ``list_tools`` context of ``core.listtools.ListToolsMixin``; ``csrf_token`` is the
    template context's ``csrf_token``."""
    from .listtools import url_around_pk

    csrf = _csrf_input(csrf_token)
    key, next_url = esc(lt["key"]), esc(lt["next"])
    columns_shown = esc(gettext("Columns shown"))
    out = [
        f'\n\n<div class="d-flex flex-wrap gap-2 mb-2 d-print-none" data-list-tools="{key}">\n'
        '  <div class="dropdown">\n'
        '    <button class="btn btn-sm btn-outline-secondary dropdown-toggle" type="button" data-bs-toggle="dropdown" '
        'data-bs-auto-close="outside" aria-expanded="false" data-list-columns-toggle>\n'
        f'      <i class="bi bi-layout-three-columns" aria-hidden="true"></i> {columns_shown}\n'
        "    </button>\n"
        f'    <form method="post" action="{esc(lt["preferences_url"])}" class="dropdown-menu p-3 list-tools-menu" data-list-columns>\n'
        f"      {csrf}\n"
        f'      <input type="hidden" name="next" value="{next_url}">\n'
        '      <fieldset class="mb-2">\n'
        f'        <legend class="fs-6 fw-semibold">{columns_shown}</legend>\n        '
    ]
    always = esc(gettext("always shown"))
    for col in lt["columns"]:
        col_key, label, box_id = esc(col["key"]), esc(col["label"]), f'lt-{key}-{esc(col["key"])}'
        out.append('\n          <div class="form-check">\n            ')
        if col["required"]:
            out.append(
                f'\n              <input class="form-check-input" type="checkbox" id="{box_id}" checked disabled>\n'
                f'              <input type="hidden" name="columns" value="{col_key}">\n'
                f'              <label class="form-check-label" for="{box_id}">{label} <span class="small text-muted">({always})</span></label>\n            '
            )
        else:
            checked = " checked" if col["visible"] else ""
            out.append(
                f'\n              <input class="form-check-input" type="checkbox" name="columns" value="{col_key}" id="{box_id}"{checked}>\n'
                f'              <label class="form-check-label" for="{box_id}">{label}</label>\n            '
            )
        out.append("\n          </div>\n        ")
    options = "".join(
        f'<option value="{_value(n)}"{" selected" if n == lt["page_size"] else ""}>{_value(n)}</option>' for n in lt["page_sizes"]
    )
    out.append(
        "\n      </fieldset>\n      "
        f'\n<label class="form-label fw-semibold" for="lt-{key}-page-size">{esc(gettext("Rows per page"))}</label>\n'
        f'<select class="form-select form-select-sm mb-3" name="page_size" id="lt-{key}-page-size">\n'
        f"  {options}\n</select>\n\n"
        f'      <button type="submit" class="btn btn-sm btn-primary w-100">{esc(gettext("Save display settings"))}</button>\n'
        "    </form>\n"
        "  </div>\n"
        '  <div class="dropdown">\n'
        '    <button class="btn btn-sm btn-outline-secondary dropdown-toggle" type="button" data-bs-toggle="dropdown" '
        'data-bs-auto-close="outside" aria-expanded="false" data-saved-filters-toggle>\n'
        f'      <i class="bi bi-bookmark" aria-hidden="true"></i> {esc(gettext("Saved filters"))}'
    )
    saved_filters = lt["saved_filters"]
    if saved_filters:
        out.append(f' <span class="badge text-bg-secondary">{_value(len(saved_filters))}</span>')
    out.append('\n    </button>\n    <div class="dropdown-menu p-3 list-tools-menu" data-saved-filters>\n      ')
    if saved_filters:
        apply_head, apply_tail = url_around_pk("lists:filter_apply")
        delete_head, delete_tail = url_around_pk("lists:filter_delete")
        delete_title = esc(gettext("Delete"))
        out.append('\n        <ul class="list-unstyled mb-2">\n          ')
        for saved in saved_filters:
            name = esc(saved.name)
            aria = gettext("Delete the saved filter “%(name)s”") % {"name": name}
            out.append(
                f'\n            <li class="d-flex align-items-center gap-2 mb-1" data-saved-filter="{name}">\n'
                f'              <a class="flex-grow-1 text-break" href="{apply_head}{saved.pk}{apply_tail}">{name}</a>\n'
                f'              <form method="post" action="{delete_head}{saved.pk}{delete_tail}" class="m-0">\n'
                f'                {csrf}<input type="hidden" name="next" value="{next_url}">\n'
                f'                <button type="submit" class="btn btn-sm btn-link text-danger p-0" aria-label="{aria}" '
                f'title="{delete_title}"><i class="bi bi-trash" aria-hidden="true"></i></button>\n'
                "              </form>\n"
                "            </li>\n          "
            )
        out.append('\n        </ul>\n        <hr class="my-2">\n      ')
    else:
        out.append(f'\n        <p class="small text-muted">{esc(gettext("No saved filter yet."))}</p>\n      ')
    at_most = gettext("Filters and sorting are saved, not the page; at most %(max)s per list.") % {"max": _value(lt["max_saved"])}
    out.append(
        f'\n      <form method="post" action="{esc(lt["save_url"])}" data-save-filter>\n'
        f"        {csrf}\n"
        f'        <input type="hidden" name="query" value="{esc(lt["query"])}">\n'
        f'        <input type="hidden" name="next" value="{next_url}">\n'
        f'        <label class="form-label small" for="lt-{key}-filter-name">{esc(gettext("Name of the current filters"))}</label>\n'
        f'        <input class="form-control form-control-sm mb-2" type="text" name="name" id="lt-{key}-filter-name" maxlength="80" '
        f'required placeholder="{esc(gettext("e.g. Overdue this year"))}">\n'
        f'        <button type="submit" class="btn btn-sm btn-primary w-100"><i class="bi bi-bookmark-plus" aria-hidden="true"></i> '
        f'{esc(gettext("Save filter"))}</button>\n'
        f'        <p class="small text-muted mt-2 mb-0">{at_most}</p>\n'
        "      </form>\n"
        "    </div>\n"
        "  </div>\n"
        f'  <a class="btn btn-sm btn-outline-success" href="{esc(lt["export_url"])}" data-list-export>'
        f'<i class="bi bi-file-earmark-excel" aria-hidden="true"></i> {esc(gettext("Export to Excel"))}</a>\n'
        "</div>\n\n"
    )
    return "".join(out)
