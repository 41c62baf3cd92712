"""The dashboards' shared header after each page's own filters — the year and quarter pickers,
the "Show" button and the tabs — written in Python (issue 17).

It is on every dashboard page: as template text it cost ~0.9 ms of CPU a request (two loops,
fifteen ``{% translate %}``, eight ``{% url %}`` and their comparisons with the path), more than
some pages' own statements. ``filters_and_tabs_html`` writes the same text, string for string,
as the template part it replaces (kept in tests/dashboards/reference/layout_header_before.html
and compared in vi and en by tests/dashboards/test_header.py). Inside the layout's
``{% localize off %}``: years and quarters print as plain numbers.
"""

from __future__ import annotations

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.listtools import esc

# (URL name, tab label); the tabs' order on the page.
TABS = (
    ("dashboards:home", gettext_noop("Overview")),
    ("dashboards:targets", gettext_noop("Targets")),
    ("dashboards:compliance", gettext_noop("Reporting compliance")),
    ("dashboards:registry", gettext_noop("Registry")),
    ("dashboards:budget", gettext_noop("Budget")),
    ("dashboards:map", gettext_noop("Map")),
)
_URLS: dict[tuple, dict[str, str]] = {}


def _urls() -> dict[str, str]:
    """The tabs' and exports' paths, reversed once per script prefix and URLconf."""
    key = (get_script_prefix(), get_urlconf())
    urls = _URLS.get(key)
    if urls is None:
        names = [name for name, _label in TABS] + ["dashboards:export_pdf", "dashboards:export_xlsx"]
        urls = _URLS[key] = {name: reverse(name) for name in names}
    return urls


def filters_and_tabs_html(years, window, quarters, filter_query: str, path: str) -> str:
    """The header's text from the year picker to the end of the tabs (see the module)."""
    year, quarter = window.year, window.quarter
    query = esc(filter_query)
    no_data = _("no data")
    options = "".join(
        f'<option value="{esc(y)}"{" selected" if y == year else ""}>{esc(y)}'
        f'{"" if has_data else f" ({no_data})"}</option>'
        for y, has_data in years
    )
    quarter_label = _("Quarter %(roman)s")
    quarter_options = "".join(
        f'<option value="{esc(q)}"{" selected" if q == quarter else ""}>{quarter_label % {"roman": esc(roman)}}</option>'
        for q, roman in quarters
    )
    urls = _urls()
    tabs = "".join(
        f'  <li class="nav-item"><a class="nav-link{" active" if path == urls[name] else ""}" href="{urls[name]}?{query}">'
        f"{_(label)}</a></li>\n"
        for name, label in TABS
    )
    return (
        '    <div>\n'
        f'      <label class="form-label small mb-0" for="f-year">{_("Year")}</label>\n'
        '      <select class="form-select form-select-sm" id="f-year" name="year">\n'
        f"        {options}\n"
        "      </select>\n"
        "    </div>\n"
        "    <div>\n"
        f'      <label class="form-label small mb-0" for="f-quarter">{_("Quarter")}</label>\n'
        '      <select class="form-select form-select-sm" id="f-quarter" name="quarter">\n'
        f'        <option value="">{_("Whole year")}</option>\n'
        f"        {quarter_options}\n"
        "      </select>\n"
        "    </div>\n"
        f'    <button type="submit" class="btn btn-sm btn-coop">{_("Show")}</button>\n'
        "  </form>\n"
        "</div>\n"
        '<ul class="nav nav-tabs mb-3 d-print-none">\n'
        "  \n"
        f"{tabs}"
        '  <li class="nav-item ms-auto d-flex gap-1 align-items-center">\n'
        f'    <a class="btn btn-sm btn-outline-secondary" href="{urls["dashboards:export_pdf"]}?{query}">'
        f'<i class="bi bi-filetype-pdf" aria-hidden="true"></i> {_("PDF for a meeting")}</a>\n'
        f'    <a class="btn btn-sm btn-outline-secondary" href="{urls["dashboards:export_xlsx"]}?{query}">'
        f'<i class="bi bi-file-earmark-excel" aria-hidden="true"></i> {_("Excel")}</a>\n'
        '    <button type="button" class="btn btn-sm btn-outline-secondary" data-print>'
        f'<i class="bi bi-printer" aria-hidden="true"></i> {_("Print")}</button>\n'
        "  </li>\n"
        "</ul>"
    )
