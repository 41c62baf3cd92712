"""The dashboard as a PDF for a meeting (official header block) and its tables as Excel.

Both exports are built from one ``snapshot`` of the dashboard (the same selectors as the
pages, a constant number of queries). The PDF goes through ``documents.pdf.html_to_pdf``,
whose URL fetcher serves only the portal's static files (Tinos is embedded from
static/fonts/tinos), so user text in agency or plan names can never make WeasyPrint read
a file or call the network. The Excel workbook goes through the portal's one Excel writer
(core.workbook): the same official header block, print setup and Vietnamese number formats as
the documents' workbooks, and names from users are always text, never formulas.
"""

from __future__ import annotations

from datetime import date

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.generic import View
from openpyxl import Workbook

from core import workbook as workbook_writer
from core.formatting import format_doc_date
from plans import progress
from plans.models import PlanTarget

from . import selectors as s
from .views import STATUS_LABELS, DashboardMixin, map_data, registry_data

MATRIX_ROWS_IN_EXPORT = 200


def snapshot(view: DashboardMixin) -> dict:
    """Everything the exports show, for the view's area and window."""
    area, window, today = view.get_area(), view.window, view.today
    target_rows = s.target_status_rows(area, window, today)  # shared with the drill-down
    statuses = {pk: prog for pk, _path, prog in target_rows}
    targets = (
        PlanTarget.objects.filter(pk__in=list(statuses))
        .select_related("plan")
        .order_by("plan_id", "milestone_year", "order", "pk")
    )
    children = list(
        s.child_units(area, window, today, target_rows=[(pk, path, p.status, p.actual) for pk, path, p in target_rows])
    )
    counts = dict.fromkeys(progress.STATUS_ORDER, 0)
    for prog in statuses.values():
        counts[prog.status] += 1
    return {
        "area_name": str(area.unit) if area.unit else _("Whole country"),
        "window": window,
        "today": today,
        "plans": s.plan_figures(area, window),
        "target_counts": [
            (STATUS_LABELS[k], counts[k])
            for k in (progress.ACHIEVED, progress.ON_TRACK, progress.AT_RISK, progress.BEHIND, progress.NO_DATA)
        ],
        "targets_total": len(statuses),
        "targets": [(t, statuses[t.pk], STATUS_LABELS[statuses[t.pk].status]) for t in targets],
        "reports": s.compliance_counts(area, window, today),
        "report_labels": s.COMPLIANCE_LABELS,
        "matrix": s.compliance_matrix(area, window, today, limit=MATRIX_ROWS_IN_EXPORT),
        # Totals from the rows on PostgreSQL, as on the budget page (issue 17).
        "budget": s.budget_page_figures(area, window, budget_plans := s.budget_by_plan(area, window, line_counts=True)),
        "budget_plans": budget_plans,
        "children": children,
        "child_groups": s.group_child_units(children),
        **registry_data(area, window, today),
    }


def official_header(agency, day: date) -> dict:
    """The Decree 30 header of the user's agency (the PDF and the workbook)."""
    from documents.render import agency_header_lines, parent_header_line, place_of

    if agency is not None:
        header = {
            "parent_line": parent_header_line(agency),
            "header_lines": agency_header_lines(agency),
            "place": place_of(agency),
        }
    else:
        header = {"parent_line": "", "header_lines": ["CỔNG THÔNG TIN KẾ HOẠCH KINH TẾ TẬP THỂ"], "place": ""}
    header["date_line"] = (
        f"{header['place']}, {format_doc_date(day)}" if header["place"] else format_doc_date(day).capitalize()
    )
    return header


def _filename(view, ext: str) -> str:
    window = view.window
    suffix = f"{window.year}" + (f"-q{window.quarter}" if window.quarter else "")
    return f"dashboard-{suffix}.{ext}"


class DashboardPdfView(DashboardMixin, View):
    """The dashboard on A4 with the Decree 30 header of the user's agency, for a meeting."""

    def get(self, request, *args, **kwargs):
        from documents.pdf import html_to_pdf

        data = snapshot(self)
        # The two commune maps, each on at most a page's height (17 cm wide, 22 cm tall).
        data["maps"] = []
        for layer in s.MAP_LAYERS:
            drawn = self.cached(f"map-{layer}", lambda layer=layer: map_data(self.get_area(), self.window, self.today, layer))
            drawn["width_cm"] = round(min(17.0, 22.0 * drawn["aspect"]), 1)
            data["maps"].append(drawn)
        header = official_header(request.user.agency, self.today)
        html = render_to_string(
            "dashboards/pdf.html", {**data, "header": header, "user": request.user}, request=request
        )
        result = html_to_pdf(html)
        response = HttpResponse(result.pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{_filename(self, "pdf")}"'
        return response


class DashboardXlsxView(DashboardMixin, View):
    """The dashboard's tables, one sheet each, with a title block and frozen header rows."""

    def get(self, request, *args, **kwargs):
        data = snapshot(self)
        content = build_workbook(data, header=official_header(request.user.agency, self.today))
        response = HttpResponse(content, content_type=workbook_writer.XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{_filename(self, "xlsx")}"'
        return response


# The drill-down counts in the order of the page's table (what needs attention first).
UNIT_COLUMNS = (
    "missing_reports",
    "late_reports",
    "reports_due",
    "targets_behind",
    "targets_at_risk",
    "active_plans",
    "org_count",
    "agri_htx",
)
INT_FORMAT = "int"
DEC_FORMAT = "dec"
PCT_FORMAT = "pct"


def _sheet(wb, title: str, data: dict, headers: list[str], rows, widths=None, formats=None):
    """One table under the official header block, with the print setup of the documents."""
    ws = wb.create_sheet(title=str(title)[:31])
    header = data["header"]
    start = workbook_writer.header_block(
        ws,
        columns=len(headers),
        parent_line=header["parent_line"],
        header_lines=header["header_lines"],
        date_line=header["date_line"],
        title=str(title).upper(),
        subtitle=f"{data['area_name']} — {data['window'].label}",
        unit_note=_("Exported on %(day)s") % {"day": data["today"].strftime("%d/%m/%Y")},
    )
    kinds = [(formats or {}).get(i, "auto") for i in range(len(headers))]
    widths = list(widths or []) + [14] * (len(headers) - len(widths or []))
    workbook_writer.table(ws, start, [str(h) for h in headers], widths, rows, kinds)
    ws.freeze_panes = f"A{start + 1}"
    return ws


def build_workbook(data: dict, header: dict | None = None) -> bytes:
    data = {**data, "header": header or official_header(None, data["today"])}
    wb = Workbook()
    wb.remove(wb.active)
    reports = data["reports"]
    summary = [
        (_("Active plans"), data["plans"]["active"]),
        (_("Plans in draft"), data["plans"]["draft"]),
        (_("Targets"), data["targets_total"]),
        *[(label, n) for label, n in data["target_counts"]],
        (_("Reports due"), reports["due"]),
        *[(data["report_labels"][k], reports[k]) for k in s.COMPLIANCE_STATES],
        (_("Budget allocated (VND)"), data["budget"]["allocated"]),
        (_("Budget spent (VND)"), data["budget"]["spent"]),
    ]
    _sheet(wb, _("Summary"), data, [_("Figure"), _("Value")], summary, widths=[45, 20], formats={1: INT_FORMAT})
    _sheet(
        wb,
        _("Targets"),
        data,
        [
            _("Plan"),
            _("Target"),
            _("Unit"),
            _("Milestone"),
            _("Plan value"),
            _("Value"),
            _("Upper value"),
            _("Latest value"),
            _("Percent of plan"),
            _("Status"),
        ],
        (
            (
                t.plan.reference,
                t.description,
                t.unit,
                t.milestone_year,
                progress.target_plan_text(t),
                t.value,
                t.value_max,
                p.actual,
                p.percent_of_plan,
                label,
            )
            for t, p, label in data["targets"]
        ),
        widths=[16, 60, 14, 10, 16, 14, 14, 14, 10, 14],
        formats={5: DEC_FORMAT, 6: DEC_FORMAT, 7: DEC_FORMAT, 8: PCT_FORMAT},
    )
    matrix = data["matrix"]
    _sheet(
        wb,
        _("Reporting compliance"),
        data,
        [
            _("Agency"),
            _("Administrative unit"),
            *[c["label"] for c in matrix["columns"]],
            *[str(s.COMPLIANCE_LABELS[k]) for k in s.COMPLIANCE_STATES],
        ],
        (
            (
                r.agency_name,
                r.unit_name,
                *[
                    "{on_time}/{late}/{missing}/{returned}".format(**r.cells[c["key"]]) if c["key"] in r.cells else ""
                    for c in matrix["columns"]
                ],
                r.totals["on_time"],
                r.totals["late"],
                r.totals["missing"],
                r.totals["returned"],
                r.totals["pending"],
            )
            for r in matrix["rows"]
        ),
        widths=[45, 25] + [14] * len(matrix["columns"]) + [10] * 5,
    )
    _sheet(
        wb,
        _("Units"),
        data,
        [
            _("Administrative unit"),
            _("Valid until"),
            _("Missing reports"),
            _("Late reports"),
            _("Reports due"),
            _("Targets behind"),
            _("Targets at risk"),
            _("Active plans"),
            _("Organisations"),
            _("Agricultural HTX"),
        ],
        (
            (
                str(u),
                u.valid_to.strftime("%d/%m/%Y") if u.valid_to else "",
                *(getattr(u, name) for name in UNIT_COLUMNS),
            )
            for u in data["children"]
        ),
        widths=[40, 12, 12, 12, 12, 12, 12, 12, 12, 12],
    )
    registry_rows = [
        *[
            (_("Organisations"), str(k["label"]), k["active"], k["suspended"], k["planned"], k["dissolved"], k["total"])
            for k in data["kinds"]
        ],
    ]
    _sheet(
        wb,
        _("Registry"),
        data,
        [_("Table"), _("Kind"), _("Active"), _("Suspended"), _("Being founded"), _("Dissolved"), _("Total")],
        registry_rows,
        widths=[20, 35, 12, 12, 12, 12, 12],
    )
    _sheet(
        wb,
        _("Ratings"),
        data,
        # The ratings are of ``rating_year`` (not always the window's): the column says which.
        [_("Rating, %(year)s") % {"year": data["rating_year"]}, _("Organisations"), "%"],
        (
            *((str(r["label"]), r["count"], r["percent"]) for r in data["ratings"]),
            (
                _("Good or fair, of the %(rated)s rated HTX") % {"rated": data["rated"]},
                data["good"],
                data["good_share"],
            ),
        ),
        widths=[30, 14, 10],
        formats={2: PCT_FORMAT},
    )
    _sheet(
        wb,
        _("Trends"),
        data,
        [
            _("Year"),
            _("Founded"),
            _("Dissolved"),
            _("Records"),
            _("Total revenue"),
            _("Average revenue"),
            _("Average member income"),
        ],
        (
            (
                f["year"],
                f["founded"],
                f["dissolved"],
                m["records"],
                m["revenue_total"],
                m["revenue_avg"],
                m["income_avg"],
            )
            for f, m in zip(data["flows"], data["finance"], strict=True)
        ),
        widths=[8, 10, 10, 10, 20, 20, 20],
        formats={4: INT_FORMAT, 5: INT_FORMAT, 6: INT_FORMAT},
    )
    cov = data["coverage"]
    _sheet(
        wb,
        _("Commune coverage"),
        data,
        [_("Current communes"), _("With an active agricultural HTX"), "%"],
        [(cov["total"], cov["covered"], cov["percent"])],
        widths=[20, 30, 10],
        formats={2: PCT_FORMAT},
    )
    _sheet(
        wb,
        _("Budget"),
        data,
        [_("Plan"), _("Title"), _("Allocated (VND)"), _("Spent (VND)")],
        ((p.reference, p.title, p.allocated, p.spent) for p in data["budget_plans"]),
        widths=[16, 70, 18, 18],
        formats={2: INT_FORMAT, 3: INT_FORMAT},
    )
    return workbook_writer.save(wb, title=_("Dashboard"), subject=data["area_name"])
