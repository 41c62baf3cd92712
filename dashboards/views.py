"""Leaders' dashboards: thin views over ``dashboards.selectors``.

Every view is for leaders and planners (admins see the whole country) and works on an
*area* (the user's unit, or a unit inside it chosen by drill-down: ``?unit=<pk>``; outside
the user's area → 404) and a *window* (``?year=&quarter=``). Links between pages keep
these three parameters.
"""

import functools
import logging
from datetime import date
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.template import Context
from django.template.base import render_value_in_context
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from core.audit import audit
from core.compiled import CompiledQuery
from core.formatting import EMPTY_CELL, format_date, format_number, format_numbers
from core.listhtml import QueryReplacer, pagination_html
from core.listtools import PageSizeMixin, esc, url_around_pk
from core.listtools import esc as _e
from core.permissions import RoleRequiredMixin
from directory.models import Agency, Role
from plans import progress
from plans.models import Plan, PlanTarget

from . import selectors as s
from .cache import DashboardCache
from .charts import sparkline_points

logger = logging.getLogger(__name__)

# The largest id a database column stores (PostgreSQL's bigint, SQLite's INTEGER).
MAX_ID = 2**63 - 1

STATUS_LABELS = {
    progress.ACHIEVED: gettext_lazy("Achieved"),
    progress.ON_TRACK: gettext_lazy("On track"),
    progress.AT_RISK: gettext_lazy("At risk"),
    progress.BEHIND: gettext_lazy("Behind"),
    progress.NO_DATA: gettext_lazy("No data"),
}
STATUS_CLASSES = {
    progress.ACHIEVED: "success",
    progress.ON_TRACK: "primary",
    progress.AT_RISK: "warning",
    progress.BEHIND: "danger",
    progress.NO_DATA: "secondary",
}


def url_or_empty(name, *args, query: dict | None = None) -> str:
    """A URL of another app with a query string, or "" while that page does not exist."""
    try:
        url = reverse(name, args=args)
    except NoReverseMatch:
        return ""
    query = {k: v for k, v in (query or {}).items() if v not in (None, "")}
    return f"{url}?{urlencode(query)}" if query else url


class DashboardMixin(RoleRequiredMixin):
    """Resolves the area and window once per request and builds the shared context."""

    required_roles = (Role.LEADER, Role.PLANNER)
    title = ""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.today = timezone.localdate()
        return super().dispatch(request, *args, **kwargs)

    @functools.cached_property
    def years_with_data(self) -> list[int]:
        """The area's years with data (cached like the figures; the picker and the default)."""
        if not hasattr(self, "_cache"):
            self._cache = DashboardCache()
        area = self.get_area()
        return self._cache.get_or_compute(
            "years", (area.pk, area.paths, self.today), lambda: s.years_with_data(area, self.today)
        )

    @functools.cached_property
    def window(self) -> s.Window:
        """``?year=&quarter=``; without a year, the latest year with data for the area (issue 15)."""
        if self.request.GET.get("year"):
            return s.parse_window(self.request.GET, self.today)
        return s.parse_window(self.request.GET, self.today, s.default_year(self.years_with_data, self.today))

    def cached(self, name: str, compute):
        """``compute()`` through the dashboard cache, keyed by area, window and day."""
        if not hasattr(self, "_cache"):
            self._cache = DashboardCache()
        area = self.get_area()
        return self._cache.get_or_compute(
            name, (area.pk, area.paths, self.window.year, self.window.quarter, self.today, get_language()), compute
        )

    def get_area(self) -> s.Area:
        if not hasattr(self, "_area"):
            self._area = s.resolve_area(self.request.user, self.request.GET.get("unit"))
        return self._area

    def filter_params(self, **overrides) -> dict:
        area = self.get_area()
        params = {
            "unit": area.pk if area.unit is not None and area.unit != s.user_home_unit(self.request.user) else None
        }
        params |= {"year": self.window.year, "quarter": self.window.quarter}
        params |= overrides
        return {k: v for k, v in params.items() if v not in (None, "")}

    def filter_query(self, **overrides) -> str:
        return urlencode(self.filter_params(**overrides))

    def breadcrumbs(self) -> list:
        area = self.get_area()
        crumbs = [(_("Dashboard"), f"{reverse('dashboards:home')}?{self.filter_query(unit=None)}")]
        home = s.user_home_unit(self.request.user)
        for unit in s.breadcrumb_units(self.request.user, area):
            if home is not None and unit.pk == home.pk:
                continue
            crumbs.append((str(unit), f"{reverse('dashboards:home')}?{self.filter_query(unit=unit.pk)}"))
        if self.title:
            crumbs.append((self.title, ""))
        return crumbs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        area = self.get_area()
        years = s.year_choices(self.years_with_data, self.today, self.window.year)
        context.update(
            area=area,
            area_name=str(area.unit) if area.unit else _("Whole country"),
            window=self.window,
            today=self.today,
            years=years,
            quarters=[(1, "I"), (2, "II"), (3, "III"), (4, "IV")],
            filter_query=self.filter_query(),
            unit_param=self.filter_params().get("unit", ""),
            breadcrumbs=self.breadcrumbs(),
            page_title=self.title,
        )
        return context


class HomeView(DashboardMixin, TemplateView):
    """The leader's page: key figures of the area for the window, each linking to its list."""

    template_name = "dashboards/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        area, window, today = self.get_area(), self.window, self.today
        # Both the status counts and the drill-down need every target's status (the costly
        # part at national scale): read them at most once, and not at all when both are cached.
        target_rows = functools.cache(lambda: s.target_state_rows(area, window, today))
        context.update(home_figures(self, area, window, today, target_rows=target_rows))
        context["children"] = self.cached(
            "children", lambda: s.child_units(area, window, today, target_rows=target_rows())
        )
        for child in context["children"]:
            child.link = f"{reverse('dashboards:home')}?{self.filter_query(unit=child.pk)}"
        context["child_groups"] = s.group_child_units(context["children"])
        return context


def home_numbers(area: s.Area, window: s.Window, today: date, target_rows=None) -> dict:
    """The four key figures of an area and window (what the cache stores); ``target_rows``:
    a callable returning ``selectors.target_state_rows`` when the caller shares them."""
    return {
        "plans": s.plan_figures(area, window),
        "targets": s.target_status_counts(area, window, today, rows=target_rows() if target_rows else None),
        "reports": s.compliance_counts(area, window, today),
        "budget": s.budget_figures(area, window),
    }


def home_figures(view: DashboardMixin, area: s.Area, window: s.Window, today: date, target_rows=None) -> dict:
    """Key figures with the URL of the list behind each (shared by the page and exports)."""
    numbers = view.cached("home", lambda: home_numbers(area, window, today, target_rows))
    plans, targets, reports, budget = numbers["plans"], numbers["targets"], numbers["reports"], numbers["budget"]
    unit_pk = area.pk
    plan_query = {"unit": unit_pk, "year": window.year}
    target_cards = [
        {
            "key": st,
            "label": STATUS_LABELS[st],
            "count": targets[st],
            "css": STATUS_CLASSES[st],
            "url": f"{reverse('dashboards:targets')}?{view.filter_query(status=st)}",
        }
        for st in (progress.ACHIEVED, progress.ON_TRACK, progress.AT_RISK, progress.BEHIND, progress.NO_DATA)
    ]
    report_cards = [
        {
            "key": st,
            "label": s.COMPLIANCE_LABELS[st],
            "count": reports[st],
            "url": f"{reverse('dashboards:obligations')}?{view.filter_query(state=st)}",
        }
        for st in s.COMPLIANCE_STATES
    ]
    return {
        "plans": plans,
        "plans_url": url_or_empty("plans:plan_list", query={**plan_query, "status": "issued"}),
        "drafts_url": url_or_empty("plans:plan_list", query={**plan_query, "status": "draft"}),
        "targets": targets,
        "target_cards": target_cards,
        "targets_url": f"{reverse('dashboards:targets')}?{view.filter_query()}",
        "reports": reports,
        "report_cards": report_cards,
        "budget": budget,
        "budget_url": f"{reverse('dashboards:budget')}?{view.filter_query()}",
        "compliance_url": f"{reverse('dashboards:compliance')}?{view.filter_query()}",
        "registry_url": f"{reverse('dashboards:registry')}?{view.filter_query()}",
    }


class TargetListView(DashboardMixin, TemplateView):
    """The targets behind a status figure: every target of the area's active plans."""

    template_name = "dashboards/target_list.html"
    title = gettext_lazy("Targets")
    paginate_by = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        wanted = self.request.GET.get("status")
        wanted = wanted if wanted in STATUS_LABELS else ""
        asked = self.request.GET.get("page")
        try:  # the cache key: pages read alike share it
            asked_key = int(asked)
        except (TypeError, ValueError):
            asked_key = 1
        # The page's own entry (its targets' statuses and values, the count, the page shown): a
        # warm request loads these 50, not the area's every target (the whole country's 17,624
        # statuses were ~50 ms to unpickle and sort on each request; issue 17).
        shown = self.cached(f"targets-rows-{wanted}-{asked_key}", lambda: self.page_of_statuses(wanted, asked))
        page = Paginator(range(shown["count"]), self.paginate_by).get_page(shown["number"])
        targets = (
            PlanTarget.objects.filter(pk__in=[pk for pk, _st, _a in shown["rows"]])
            .select_related("plan", "plan__issuer")
            .only(*TARGET_ROW_FIELDS)
        )
        by_id = {t.pk: t for t in targets}
        as_of = self.window.as_of(self.today)
        rows = []
        for pk, _status, actual in shown["rows"]:
            # Only the rows shown are evaluated in full (percentage and formula): the area's
            # other targets needed their status alone (``selectors.target_state_rows``).
            prog = progress.evaluate_target(by_id[pk], actual, as_of)
            rows.append({"target": by_id[pk], "progress": prog})
        context.update(
            rows=rows,
            rows_html=target_rows_html(rows, self.filter_query()),
            # The pager in Python (core.listhtml): its numbers localised, as the include writes them.
            pagination_html=mark_safe(pagination_html(QueryReplacer(self.request.GET), page)),
            page_obj=page,
            status=wanted,
            status_labels=list(STATUS_LABELS.items()),
        )
        return context

    def page_of_statuses(self, wanted: str, asked) -> dict:
        """One page of the area's targets with status ``wanted`` (every status for ""), by status
        then id: ``{"count", "number" (the page shown), "rows": [(target id, status, actual)]}``."""
        statuses = self.cached(
            "target-states", lambda: s.target_statuses(self.get_area(), self.window, self.today)
        )
        if wanted:
            statuses = {pk: sa for pk, sa in statuses.items() if sa[0] == wanted}
        order = {st: i for i, st in enumerate(progress.STATUS_ORDER)}
        ids = sorted(statuses, key=lambda pk: (order[statuses[pk][0]], pk))
        page = Paginator(ids, self.paginate_by).get_page(asked)
        return {
            "count": len(ids),
            "number": page.number,
            "rows": [(pk, *statuses[pk]) for pk in page.object_list],
        }


# What the targets list reads of its 50 targets (``progress.evaluate_target`` and
# ``target_rows_html``): the ORM made three full instances a row, ~1 ms of CPU (issue 17).
# tests/dashboards/test_target_rows.py checks that writing the rows reads no deferred field.
TARGET_ROW_FIELDS = (
    "description", "unit", "milestone_year", "comparator", "value", "value_max", "baseline", "direction",
    "plan__number", "plan__symbol", "plan__period_start", "plan__issuer__name",
)


def target_rows_html(rows: list[dict], query: str):
    """The targets table's rows (``{"target": PlanTarget with its plan and the plan's issuer,
    "progress": progress.Progress}`` each: the plan's reference linking to its progress page
    with the dashboard's ``query``, the issuer, the target, its plan value and unit, the latest
    value, the percentage of plan with its formula, the status badge), or the row saying no
    target matches: written here, not by a template loop (50 rows of ~25 nodes and a
    ``reverse`` each were the largest part of the page's Python; issue 17). The text of the
    former loop string for string (kept in tests/dashboards/reference/target_rows.html, the
    dashboards' ``{% localize off %}``: years as 2026), compared in vi and en."""
    if not rows:
        return mark_safe(
            f'\n    <tr><td colspan="6" class="text-muted">{esc(_("No targets match."))}</td></tr>\n  '
        )
    head, tail = url_around_pk("dashboards:plan_progress")
    query = esc(query)
    labels = {key: esc(label) for key, label in STATUS_LABELS.items()}
    out = []
    for row in rows:
        target, prog = row["target"], row["progress"]
        plan = target.plan
        formula = prog.formula
        title = f' title="{esc(formula)}"' if formula else ""
        percent = prog.percent_of_plan
        percent = f"{esc(format_number(percent, 1))}%" if percent is not None else EMPTY_CELL
        status = prog.status
        out.append(
            f'\n    <tr>\n      <td><a href="{head}{plan.pk}{tail}?{query}">{esc(plan.reference)}</a>'
            f'<div class="small text-muted">{esc(plan.issuer)}</div></td>\n'
            f'      <td>{esc(target.description)} <span class="text-muted">({esc(target.milestone_year)})</span></td>\n'
            f'      <td class="num">{esc(progress.target_plan_text(target))} {esc(target.unit)}</td>\n'
            f'      <td class="num">{esc(format_number(prog.actual) or EMPTY_CELL)}</td>\n'
            f'      <td class="num"{title}>{percent}</td>\n'
            f'      <td><span class="badge text-bg-{esc(STATUS_CLASSES[status])}">{labels[status]}</span></td>\n'
            "    </tr>\n  "
        )
    return mark_safe("".join(out))  # every value went through esc


# The progress page's plan (with its issuer and the issuer's unit, to place it in the user's
# area) and the plan's targets (with their indicator, for the registry's values), as the ORM
# writes them, compiled once per process: building them took ~2 ms of CPU a request.
_PLAN_WITH_ISSUER = CompiledQuery(
    lambda pk: Plan.objects.select_related("issuer", "issuer__unit").filter(pk=pk).order_by()
)
_PLAN_TARGETS = CompiledQuery(
    lambda plan_id: PlanTarget.objects.filter(plan_id=plan_id)
    .select_related("indicator")
    .order_by("milestone_year", "order", "pk")
)


class PlanProgressView(DashboardMixin, TemplateView):
    """Target progress of one plan: plan value, latest reported and registry values, % of
    plan, status and a sparkline of past periods. Plans outside the user's area → 404."""

    template_name = "dashboards/plan_progress.html"

    def get_plan(self):
        home = s.Area.of(s.user_home_unit(self.request.user)) if not self.request.user.is_superuser else s.Area.of(None)
        # Read by its key, then placed: ``Area.contains`` is ``plans_in_area``'s path test in
        # Python (without the ORM building the area's OR-ed LIKEs for one row). The query is
        # compiled once per process (``core.compiled``).
        found = _PLAN_WITH_ISSUER.fetch(self.kwargs["pk"])
        if not found or not home.contains(found[0].issuer.unit):
            raise Http404
        return found[0]

    def get_context_data(self, **kwargs):
        plan = self.get_plan()
        self.title = plan.reference
        context = super().get_context_data(**kwargs)
        as_of = self.window.as_of(self.today)

        def compute():
            # The rows and their rendered table are cached together: on this page the template
            # (20 targets × their history) costs more than the queries.
            data = plan_progress(plan, as_of)
            data["rows_html"] = progress_rows_html(data["rows"])
            data["table_html"] = render_to_string("dashboards/partials/progress_table.html", data)
            return data

        context.update(self.cached(f"progress-{plan.pk}", compute))
        context["plan"] = plan
        context["plan_url"] = url_or_empty("plans:plan_detail", plan.pk)
        return context


def plan_progress(plan, as_of: date) -> dict:
    """Rows for the progress page of ``plan`` (a constant number of queries).

    The reported value comes from the "reported" provider when the reports app registers
    one, otherwise from ``selectors.target_series`` (approved values combined by rule); the
    registry value from the "registry" provider when registered.
    """
    from plans import providers

    targets = _PLAN_TARGETS.fetch(plan.pk)
    for t in targets:
        t.plan = plan  # evaluate_target reads the plan's start; avoid a query per target
    provided = providers.target_values(plan, targets)
    reported = provided.get("reported")
    series = None if reported is not None else s.target_series(targets)
    registry = provided.get("registry", {})
    rows = []
    for t in targets:
        if reported is not None:
            tv = reported.get(t.pk)
            actual = tv.value if tv else None
            period_label = tv.label if tv else ""
            history = list(tv.history) if tv else []
        else:
            points = series.get(t.pk, [])
            actual = points[-1].value if points else None
            period_label = points[-1].label if points else ""
            history = [(p.label, p.value) for p in points]
        prog = progress.evaluate_target(t, actual, as_of)
        reg = registry.get(t.pk)
        values = [v for _l, v in history]
        rows.append(
            {
                "target": t,
                "actual": actual,
                "period_label": period_label,
                "registry": reg.value if reg else None,
                "registry_label": reg.label if reg else "",
                "progress": prog,
                "label": STATUS_LABELS[prog.status],
                "css": STATUS_CLASSES[prog.status],
                "history": history,
                "sparkline": sparkline_points(values),
                # Built here, not in the template: 20 periods × 20 targets of filters is measurable;
                # the numbers written together (``format_numbers``: 380 on a national plan).
                "sparkline_label": "; ".join(
                    [f"{label}: {text}" for (label, _v), text in zip(history, format_numbers(values), strict=True)]
                ),
            }
        )
    counts = {st: sum(1 for r in rows if r["progress"].status == st) for st in STATUS_LABELS}
    return {
        "rows": rows,
        "status_counts": [(STATUS_LABELS[k], STATUS_CLASSES[k], n) for k, n in counts.items()],
        "as_of": as_of,
    }


# The progress table's rows are written here, not by a template loop: 20 targets × 8 cells
# of variables, filters and translations were ~800 template nodes per request (2.7 ms of a
# 20 ms page at national scale; issue 17). They are f-strings escaped by ``core.listtools.esc``
# (``format_html`` and ``render_value_in_context`` per cell cost 2.2 ms for 20 rows), the
# labels translated once per page. Values are written as the template wrote them (``localize
# off``, autoescape): tests/dashboards/test_progress_rows.py compares the rows with the former
# loop, and with the former writer (``format_html``), in Vietnamese and English.
_PLAIN = Context(autoescape=True, use_l10n=False)


def _v(value) -> str:
    """``{{ value }}`` inside ``{% localize off %}``: a text escaped, an integer as it is
    (what ``localize`` gives without localisation), anything else as the template engine
    writes it."""
    kind = type(value)
    if kind is str:
        return esc(value)
    if kind is int:
        return str(value)
    return render_value_in_context(value, _PLAIN)


def progress_rows_html(rows: list[dict]):
    lower_is_better = f' <span class="small text-muted">({esc(_("lower is better"))})</span>'
    percent_label = esc(_("Percent of plan"))
    not_linked = f'<span class="text-muted small">{esc(_("not linked"))}</span>'
    milestone = _("milestone %(year)s")  # the catalogue's text, as the template wrote it
    labels: dict = {}  # a status label translated once per page
    out = []
    for r in rows:
        t, prog = r["target"], r["progress"]
        code = f'<span class="text-muted">{_v(t.code)}</span> ' if t.code else ""
        lower = lower_is_better if t.direction == "lower" else ""
        target = f'<td class="target">{code}{_v(t.description)}{lower}</td>'
        plan_value = (
            f'<td class="num plan-value">{_v(progress.target_plan_text(t))} {_v(t.unit)}'
            f'<div class="small text-muted">{milestone % {"year": _v(t.milestone_year)}}</div></td>'
        )
        if r["actual"] is not None:
            actual = f'{esc(format_number(r["actual"]))}<div class="small text-muted">{_v(r["period_label"])}</div>'
        else:
            actual = "–"
        if r["registry"] is not None:
            registry = (
                f'{esc(format_number(r["registry"]))}<div class="small text-muted">{_v(r["registry_label"])}</div>'
            )
        elif t.indicator_id:
            registry = "–"
        else:
            registry = not_linked
        expected = esc(format_number(prog.expected, 1)) if prog.expected is not None else "–"
        striped = " progress-bar-striped" if prog.status in ("behind", "at_risk") else ""
        percent = f"{esc(format_number(prog.percent_of_plan, 1))}%" if prog.percent_of_plan is not None else "–"
        bar_percent = _v(prog.bar_percent)
        css = _v(r["css"])
        title = f' title="{_v(prog.formula)}"' if prog.formula else ""
        bar = (
            f'<div class="progress" role="progressbar" aria-label="{percent_label}" aria-valuenow="{bar_percent}"'
            f' aria-valuemin="0" aria-valuemax="100"><div class="progress-bar bg-{css}{striped}"'
            f' style="width: {bar_percent}%"></div></div><span class="small"{title}>{percent}</span>'
        )
        if r["sparkline"]:
            spark = (
                f'<svg class="sparkline" viewBox="0 0 100 24" role="img" aria-label="{_v(r["sparkline_label"])}">'
                f'<polyline points="{_v(r["sparkline"])}"/></svg>'
            )
        elif r["history"]:
            spark = f'<span class="small text-muted">{_v(r["history"][0][0])}</span>'
        else:
            spark = ""
        label = labels.get(id(r["label"]))  # the statuses' lazy labels: one object each
        if label is None:
            label = labels[id(r["label"])] = _v(r["label"])
        out.append(
            f'<tr>{target}{plan_value}<td class="num">{actual}</td><td class="num">{registry}</td>'
            f'<td class="num">{expected}</td><td>{bar}</td><td><span class="badge text-bg-{css}">{label}</span></td>'
            f"<td>{spark}</td></tr>"
        )
    return mark_safe("\n".join(out))  # every value went through esc or _v


class ComplianceView(PageSizeMixin, DashboardMixin, TemplateView):
    """Agencies × periods: on time, late, missing, returned; worst offenders first; 25, 50 or
    100 agencies a page (the list tools' page size, remembered per user: ``dashboards/lists.py``)."""

    template_name = "dashboards/compliance.html"
    title = gettext_lazy("Reporting compliance")
    list_key = "compliance"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sort = self.request.GET.get("sort", "worst")
        if sort not in s.MATRIX_SORTS:
            sort = "worst"
        per_page = self.get_page_size()
        asked = self.request.GET.get("page")
        try:  # the cache key: pages read alike share it
            asked_key = int(asked)
        except (TypeError, ValueError):
            asked_key = 1
        # The agency count, the page's agencies × periods and the counts by state together
        # (one statement on PostgreSQL): the page of agencies, not all of them, is read.
        matrix = self.cached(
            f"matrix-page-{sort}-{asked_key}-{per_page}",
            lambda: s.compliance_page(self.get_area(), self.window, self.today, sort=sort, per_page=per_page, page=asked),
        )
        page = Paginator(range(matrix["agencies"]), per_page).get_page(matrix["number"])
        # Cells are pre-rendered here: a province has hundreds of agencies × periods, and
        # Django's template engine costs ~50 µs per variable (measured: 4/5 of the page time).
        labels = s.COMPLIANCE_LABELS
        title = (
            f"{labels['on_time']} %(on_time)s, {labels['late']} %(late)s, {labels['missing']} %(missing)s, "
            f"{labels['returned']} %(returned)s, {labels['pending']} %(pending)s"
        )
        names = {state: str(label) for state, label in labels.items()}
        remind_url = f"{reverse('dashboards:remind')}?{self.filter_query()}"
        button = format_html(
            '<form method="post" action="{}"><input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            '<input type="hidden" name="sort" value="{}"><input type="hidden" name="page" value="{}">',
            remind_url,
            get_token(self.request),
            sort,
            page.number,
        )
        button_end = format_html(
            '<button type="submit" class="btn btn-sm btn-outline-danger text-nowrap"><i class="bi bi-bell" aria-hidden="true"></i> {}</button></form>',
            _("Send a reminder"),
        )
        obligations_url = f"{reverse('dashboards:obligations')}?{self.filter_query()}"
        context["matrix_body"] = compliance_body_html(matrix, title, names, button, button_end, obligations_url)
        context.update(
            matrix=matrix,
            page_obj=page,
            page_size=self.page_size_context(per_page),
            sort=sort,
            sorts=[
                ("worst", _("Worst first")),
                ("missing", _("Most missing")),
                ("late", _("Most late")),
                ("returned", _("Most returned")),
                ("on_time", _("Most on time")),
                ("rate", _("Lowest on-time rate")),
                ("name", _("Name")),
            ],
            labels=s.COMPLIANCE_LABELS,
            counts=matrix["counts"],
        )
        return context


def compliance_body_html(matrix: dict, title: str, names: dict, button, button_end, obligations_url: str):
    """The matrix's rows: per agency its name and unit, a cell per period, the totals and the
    reminder button when it has overdue reports.

    A cell depends only on its counts, and a page of 50 agencies × periods has a few distinct
    ones: each is rendered once per page (the cells were ~800 ``format_html`` calls, 5–7 ms of
    the leader's page at national scale; issue 17). The rows are f-strings escaped by
    ``core.listtools.esc`` (``format_html``'s escaping without its lazy wrappers: four calls a
    row were half of what remained). ``tests/dashboards/test_compliance_page.py`` compares the
    markup, byte for byte, with the former loop."""
    rendered: dict = {}
    states = s.COMPLIANCE_STATES

    def cell(counts: dict | None):
        key = tuple(counts[st] for st in states) if counts else None
        html = rendered.get(key)
        if html is None:
            css, text, tooltip = _cell(counts, title, names)
            html = rendered[key] = f'<td class="cell {_e(css)}"{_title_attr(tooltip)}>{_e(text)}</td>'
        return html

    keys = [c["key"] for c in matrix["columns"]]
    button, button_end = _e(button), _e(button_end)
    link = _e(f"{obligations_url}")  # a plain string, escaped as format_html escaped it
    body = []
    for row in matrix["rows"]:
        cells = "".join(cell(row.cells.get(key)) for key in keys)
        t = row.totals
        totals = (
            f'<td class="num">{_e(t[s.ON_TIME])}</td><td class="num">{_e(t[s.LATE])}</td>'
            f'<td class="num">{_e(t[s.MISSING])}</td><td class="num">{_e(t[s.RETURNED])}</td>'
        )
        agency = _e(row.agency_id)
        action = f'{button}<input type="hidden" name="agency" value="{agency}">{button_end}' if row.overdue else ""
        body.append(
            f'<tr><th scope="row" class="sticky"><a href="{link}&amp;agency={agency}">{_e(row.agency_name)}</a>'
            f'<div class="small text-muted fw-normal">{_e(row.unit_name)}</div></th>'
            f'{cells}{totals}<td class="d-print-none">{action}</td></tr>'
        )
    return mark_safe("\n".join(body))  # every value went through esc


# Order in which a cell lists its states: what needs action first.
CELL_STATES = (s.MISSING, s.LATE, s.RETURNED, s.ON_TIME, s.PENDING)


def _cell(counts: dict | None, title: str, names: dict) -> tuple[str, str, str]:
    """(css class, content, tooltip) of one matrix cell.

    The content names the states of the agency's reports for the period ("Quá hạn",
    "2 đúng hạn"), one per line: a leader reads it without a legend. ``names`` are the
    state labels already translated (once per page, not per cell).
    """
    if not counts:
        return "text-muted", "·", ""
    for state in (s.MISSING, s.LATE, s.RETURNED, s.ON_TIME):
        if counts[state]:
            css = f"cell-{state}"
            break
    else:
        css = "cell-pending"
    parts = [
        names[state] if counts[state] == 1 else f"{counts[state]} {names[state].lower()}"
        for state in CELL_STATES
        if counts[state]
    ]
    return css, format_html_join(mark_safe("<br>"), "{}", ((p,) for p in parts)), title % counts


def _title_attr(title: str):
    return format_html(' title="{}"', title) if title else ""


class ObligationListView(DashboardMixin, TemplateView):
    """The reports behind a compliance figure."""

    template_name = "dashboards/obligation_list.html"
    title = gettext_lazy("Reports")
    paginate_by = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        state = self.request.GET.get("state")
        agency = self.request.GET.get("agency", "")
        # One agency's reports (a row of the compliance matrix). ``isdecimal``: what ``int`` reads
        # ("²" is a digit to ``isdigit`` and made ``int`` raise: a 500).
        # An id past the largest a database stores (SQLite's INTEGER raised OverflowError: a 500) is
        # read as that largest id, which no agency has: the list is empty, as for any unknown id.
        agency_id = min(int(agency), MAX_ID) if agency.isdecimal() else None
        page = s.drilldown_page(self.get_area(), self.window, self.today, state, agency_id, self.request.GET.get("page"), self.paginate_by)
        for ob in page.object_list:
            ob.days_late = days_late(ob, self.today)
        states = list(s.COMPLIANCE_LABELS.items())
        context.update(
            page_obj=page,
            state=state if state in s.COMPLIANCE_STATES else "",
            states=states,
            labels=s.COMPLIANCE_LABELS,
            rows_html=drilldown_rows_html(page.object_list, states),
        )
        return context


def drilldown_rows_html(obligations, states) -> str:
    """The drill-down table's ``<tr>`` rows (period, requirement, plan and agency selected;
    ``state`` annotated, ``days_late`` set). Written in Python, escaped as the template escaped
    them (``core.listtools.esc``), instead of a loop that ran a loop over the states and a
    ``{% url_if_exists %}`` in each of the 50 rows (issue 17);
    tests/dashboards/test_drilldown_rows.py compares the markup, as parsed HTML, with the former
    loop (tests/dashboards/reference/drilldown_rows.html) in vi and en over every branch."""
    from core.listtools import esc, url_around_pk

    obligations = list(obligations)
    if not obligations:
        return format_html('<tr><td colspan="6" class="text-muted">{}</td></tr>', _("No reports match."))
    labels = {}
    for key, label in states:  # the template printed every matching label, in this order
        labels[key] = labels.get(key, "") + esc(label)
    try:
        url_head, url_tail = url_around_pk("reports:obligation_detail")
    except NoReverseMatch:
        url_head = url_tail = None
    rows = []
    # A page's reports share a few deadlines and numbers of days late: each written once.
    late_texts: dict[int, str] = {}
    due_texts: dict[date, str] = {}
    for ob in obligations:
        period = ob.period
        label = esc(period.label)
        link = f'<a href="{url_head}{ob.pk}{url_tail}">{label}</a>' if url_head is not None else label
        due = period.due_date
        due_text = due_texts.get(due)
        if due_text is None:
            due_text = due_texts[due] = format_date(due)
        submitted = template_localtime(ob.submitted_at) if ob.submitted_at else None
        state = ob.state
        late = ""
        if ob.days_late:
            n = ob.days_late
            late = late_texts.get(n)
            if late is None:
                text = ngettext("%(n)s day past the deadline", "%(n)s days past the deadline", n) % {"n": esc(localize(n))}
                late = late_texts[n] = f'<div class="small text-muted">{text}</div>'
        rows.append(
            f'<tr><td class="text-nowrap">{link}</td><td>{esc(ob.agency.name)}</td>'
            f'<td class="text-nowrap">{esc(period.requirement.plan.reference)}</td>'
            f'<td class="text-nowrap">{due_text}</td>'
            f'<td class="text-nowrap">{format_date(submitted) if submitted else EMPTY_CELL}</td>'
            f'<td><span class="text-nowrap"><span class="legend-swatch legend-{esc(state)}" aria-hidden="true"></span> '
            f"{labels.get(state, '')}</span>{late}</td></tr>"
        )
    return mark_safe("\n".join(rows))


def days_late(obligation, today: date) -> int | None:
    """Days past the deadline of a late report (submission day, Asia/Ho_Chi_Minh) or of a
    missing one (today); None for the other states. The same day rule as ``compliance_q``."""
    if obligation.state == s.LATE and obligation.submitted_at:
        return (timezone.localtime(obligation.submitted_at).date() - obligation.period.due_date).days
    if obligation.state == s.MISSING:
        return (today - obligation.period.due_date).days
    return None


class RemindView(DashboardMixin, View):
    """POST: remind an agency of its missing reports in the window (one reminder per report,
    through ``reports.services.reminder_send``, which sends each at most once a day)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        area = self.get_area()
        try:
            agency = Agency.objects.get(Q(pk=int(request.POST.get("agency", ""))) & area.q("unit"))
        except (Agency.DoesNotExist, ValueError):
            raise Http404 from None
        from reports import services as report_services

        sent = 0
        obligations = list(s.overdue_obligations(area, self.window, self.today, agency.pk).select_related("period"))
        with transaction.atomic():
            for obligation in obligations:
                if report_services.reminder_send(obligation=obligation, kind="manual", acting_user=request.user):
                    sent += 1
                    audit(actor=request.user, action="dashboards.reminder", obj=obligation, summary=str(obligation))
        logger.info(
            "manual reminder by %s to agency %s: %s of %s overdue reports",
            request.user.pk,
            agency.pk,
            sent,
            len(obligations),
        )
        if sent:
            messages.success(
                request,
                _("Reminder sent to %(agency)s for %(count)s overdue report(s).")
                % {"agency": agency.name, "count": sent},
            )
        elif obligations:
            messages.info(request, _("%(agency)s has already been reminded today.") % {"agency": agency.name})
        else:
            messages.info(request, _("%(agency)s has no overdue report in this period.") % {"agency": agency.name})
        page = request.POST.get("page", "")  # back to the page of the matrix the leader was on
        return HttpResponseRedirect(
            f"{reverse('dashboards:compliance')}?"
            f"{self.filter_query(sort=request.POST.get('sort'), page=page if page.isdigit() else None)}"
        )


class RegistryView(DashboardMixin, TemplateView):
    """Charts of the registry for the area, each with its numbers in a table."""

    template_name = "dashboards/registry.html"
    title = gettext_lazy("Registry")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.cached("registry", lambda: registry_data(self.get_area(), self.window, self.today)))
        unit = self.get_area().pk
        context["org_list_url"] = url_or_empty("cooperatives:organisation_list", query={"unit": unit})
        # Each table row opens the registry list filtered the same way (the list behind the number).
        for k in context["kinds"]:
            k["url"] = url_or_empty("cooperatives:organisation_list", query={"unit": unit, "kind": k["kind"]})
        for r in context["ratings"]:
            r["url"] = url_or_empty(
                "cooperatives:organisation_list",
                query={"unit": unit, "year": context["rating_year"], "rating": r["rating"], "kind": "htx"},
            )
        return context


def registry_data(area: s.Area, window: s.Window, today) -> dict:
    years = list(range(window.year - 4, window.year + 1))
    kinds = s.registry_kind_status(area)
    rating_year, ratings = s.latest_ratings(area, window.year, today)
    flows = s.founded_dissolved(area, years)
    finance = s.finance_trends(area, years)
    coverage = s.commune_coverage(area)
    chart = {
        "kinds": {
            "labels": [str(k["label"]) for k in kinds],
            "series": [
                {"label": str(_("Active")), "data": [k["active"] for k in kinds]},
                {"label": str(_("Suspended")), "data": [k["suspended"] for k in kinds]},
                {"label": str(_("Being founded")), "data": [k["planned"] for k in kinds]},
                {"label": str(_("Dissolved")), "data": [k["dissolved"] for k in kinds]},
            ],
        },
        "ratings": {
            "labels": [str(r["label"]) for r in ratings],
            "series": [{"label": str(_("Organisations")), "data": [r["count"] for r in ratings]}],
        },
        "flows": {
            "labels": [str(r["year"]) for r in flows],
            "series": [
                {"label": str(_("Founded")), "data": [r["founded"] for r in flows]},
                {"label": str(_("Dissolved")), "data": [r["dissolved"] for r in flows]},
            ],
        },
        "finance": {
            "labels": [str(r["year"]) for r in finance],
            "series": [
                {
                    "label": str(_("Average revenue (million VND)")),
                    "data": [_million(r["revenue_avg"]) for r in finance],
                },
                {
                    "label": str(_("Average member income (million VND, right axis)")),
                    "data": [_million(r["income_avg"]) for r in finance],
                    # Incomes are tens of millions, revenues hundreds: on one axis the
                    # income line lies flat on zero. It gets its own axis on the right.
                    "axis": "y1",
                },
            ],
        },
        "coverage": {
            "labels": [str(_("With an agricultural HTX")), str(_("Without"))],
            "series": [
                {"label": str(_("Communes")), "data": [coverage["covered"], coverage["total"] - coverage["covered"]]}
            ],
        },
    }
    return {
        "kinds": kinds,
        "ratings": ratings,
        "rating_year": rating_year,
        "rated": s.rated_count(ratings),
        "good": sum(r["count"] for r in ratings if r["rating"] in s.GOOD_RATINGS),
        "good_share": s.good_fair_share(ratings),
        "flows": flows,
        "finance": finance,
        "coverage": coverage,
        "chart_data": chart,
    }


def _million(value):
    return None if value is None else round(float(value) / 1_000_000, 2)


class BudgetView(DashboardMixin, TemplateView):
    """Allocated vs spent per active plan of the area."""

    template_name = "dashboards/budget.html"
    title = gettext_lazy("Budget")
    paginate_by = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        asked = self.request.GET.get("page")
        try:  # the cache key: pages read alike share it
            asked_key = int(asked)
        except (TypeError, ValueError):
            asked_key = 1
        # The page's own entry (its plans, the count, the page shown, the totals): a warm
        # request loads these 50 plans, not every active plan of the area as model instances
        # (the whole country's 896: ~40 ms to unpickle on each request; issue 17).
        shown = self.cached(f"budget-page-{asked_key}", lambda: self.budget_page(asked))
        page = Page(shown["plans"], shown["number"], Paginator(range(shown["count"]), self.paginate_by))
        context.update(page_obj=page, budget=shown["budget"], rows_html=budget_rows_html(page.object_list, self.filter_query()))
        return context

    def budget_page(self, asked) -> dict:
        """One page of the area's active plans by allocation, with the area's totals."""
        plans = s.budget_by_plan(self.get_area(), self.window, line_counts=True)
        page = Paginator(plans, self.paginate_by).get_page(asked)
        return {
            "count": len(plans),
            "number": page.number,
            "plans": list(page.object_list),
            # The totals are added up from the rows (every active plan) on PostgreSQL: 2 queries fewer.
            "budget": s.budget_page_figures(self.get_area(), self.window, plans),
        }


def budget_rows_html(plans: list[Plan], query: str):
    """The budget table's rows (a plan's reference linking to its progress page with the
    dashboard's ``query``, title, issuer, allocated and spent), or the row saying there is no
    plan: written here, not by a template loop (the loop and a ``reverse`` per plan were ~2 ms
    of the leader's page; issue 17). The same markup as the former loop, kept in
    tests/dashboards/reference/budget_rows.html and compared in vi and en."""
    if not plans:
        return mark_safe(f'<tr><td colspan="3" class="text-muted">{esc(_("No active plans in this period."))}</td></tr>')
    head, tail = url_around_pk("dashboards:plan_progress")
    query = esc(query)
    out = []
    for p in plans:
        allocated = format_number(p.allocated) or EMPTY_CELL  # {{ …|vn_num|or_dash }}
        spent = format_number(p.spent) or EMPTY_CELL
        out.append(
            f'<tr><td><a href="{head}{p.pk}{tail}?{query}">{esc(p.reference)}</a> {esc(p.short_title)}'
            f'<div class="small text-muted">{esc(p.issuer)}</div></td>'
            f'<td class="num">{esc(allocated)}</td><td class="num">{esc(spent)}</td></tr>'
        )
    return mark_safe("\n".join(out))  # every value went through esc


class MapView(DashboardMixin, TemplateView):
    """The area's communes as points (``dashboards.maps``), one layer at a time —
    organisations registered (``?layer=registry``, the default) or reports overdue
    (``?layer=missing``) — with the same numbers in a table under the map
    (``?sort=count``, the default, or ``name``)."""

    template_name = "dashboards/map.html"
    title = gettext_lazy("Map")
    paginate_by = 1000

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        layer = self.request.GET.get("layer")
        layer = layer if layer in s.MAP_LAYERS else s.MAP_REGISTRY
        sort = "name" if self.request.GET.get("sort") == "name" else "count"
        data = self.cached(f"map-{layer}", lambda: map_data(self.get_area(), self.window, self.today, layer))
        rows = data["rows"]
        if sort == "count":
            rows = sorted(rows, key=lambda r: (-r.count, -r.extra, r.name))
        else:
            rows = sorted(rows, key=lambda r: (r.name, r.above))
        # A province has at most a few hundred units (one page); the whole country 3,321
        # communes (10,035 before 07/2025): its table comes in pages, the map shows them all.
        page = Paginator(rows, self.paginate_by).get_page(self.request.GET.get("page"))
        context["page_obj"] = page
        context["table_body"] = self.table_body(page.object_list, layer, str(context["area_name"]))
        context.update(
            data,
            rows=rows,
            layer=layer,
            sort=sort,
            layer_urls={
                name: f"{reverse('dashboards:map')}?{self.filter_query(layer=name)}" for name in s.MAP_LAYERS
            },
            sort_urls={
                name: f"{reverse('dashboards:map')}?{self.filter_query(layer=layer, sort=name)}"
                for name in ("count", "name")
            },
        )
        return context

    def table_body(self, rows: list, layer: str, area_name: str):
        """The table's rows rendered here, not in the template: the whole country has 3,321
        communes (10,035 before 07/2025), and the template engine took 1.6 s for them."""
        list_url = url_or_empty("cooperatives:organisation_list")
        obligations_url = f"{reverse('dashboards:obligations')}?{self.filter_query(state=s.MISSING)}"
        centre = _("on the map at the centre of its communes")
        no_point = {True: _("no coordinates"), False: _("not a commune: not on the map")}
        body = []
        for row in rows:
            name = row.name
            if list_url and layer == s.MAP_REGISTRY and row.level == "commune" and row.current and row.count:
                # The registry list's area filter offers today's communes (and finds the
                # organisations of the old communes they were formed from).
                name = format_html('<a href="{}?unit={}">{}</a>', list_url, row.unit_id, row.name)
            notes = []
            if row.above and row.above != area_name:
                notes.append(format_html('<div class="small text-muted fw-normal">{}</div>', row.above))
            if row.centroid:
                notes.append(format_html('<div class="small text-muted fw-normal">{}</div>', centre))
            if not row.located:
                notes.append(
                    format_html('<div class="small text-danger fw-normal">{}</div>', no_point[row.level == "commune"])
                )
            count = (
                format_html("<strong>{}</strong>", format_number(row.count))
                if row.count
                else mark_safe('<span class="zero">0</span>')
            )
            agencies = ""
            if layer == s.MAP_MISSING:
                agencies = format_html(
                    "<td>{}</td>",
                    format_html_join(
                        "; ",
                        '<a href="{}&amp;agency={}">{}</a> ({})',
                        ((obligations_url, pk, agency, format_number(n)) for pk, agency, n in row.agencies),
                    ),
                )
            body.append(
                format_html(
                    '<tr data-unit="{}"><th scope="row">{}{}</th><td class="num">{}</td><td class="num">{}</td>{}</tr>',
                    row.unit_id,
                    name,
                    mark_safe("".join(notes)),  # each note went through format_html
                    count,
                    format_number(row.extra),
                    agencies,
                )
            )
        return mark_safe("\n".join(body))  # every part went through format_html


def map_data(area: s.Area, window: s.Window, today: date, layer: str) -> dict:
    """The map's rows, its SVG and legend for one layer (what the cache stores)."""
    from . import maps

    data = s.commune_map(area, window, today, layer)
    area_name = str(area.unit) if area.unit else _("Whole country")
    if layer == s.MAP_REGISTRY:
        title = _("Organisations registered per commune, %(area)s") % {"area": area_name}
        description = _(
            "%(with)s of %(communes)s communes have organisations registered, %(total)s in all; "
            "the numbers are in the table under the map."
        ) % {"with": data["with_figure"], "communes": data["communes"], "total": data["total"]}
        zero_label = _("%(count)s communes without an organisation")

        def point_label(row):
            return _("%(unit)s: %(count)s organisations, %(agri)s active agricultural HTX") % {
                "unit": _place(row), "count": row.count, "agri": row.extra,
            }
    else:
        title = _("Overdue reports per commune, %(area)s, %(window)s") % {"area": area_name, "window": window.label}
        description = _(
            "%(with)s units have overdue reports, %(total)s in all; the numbers are in the table under the map."
        ) % {"with": data["with_figure"], "total": data["total"]}
        zero_label = _("%(count)s communes without an overdue report")

        def point_label(row):
            return _("%(unit)s: %(count)s overdue of %(due)s reports due") % {
                "unit": _place(row), "count": row.count, "due": row.extra,
            }

    data["svg"] = maps.render_svg(
        data["rows"], layer=layer, title=title, description=description, point_label=point_label, zero_label=zero_label
    )
    data["legend"] = maps.legend(max((r.count for r in data["rows"] if r.located), default=0))
    data["aspect"] = maps.aspect(data["rows"])
    data["map_title"] = title
    return data


def _place(row: s.MapRow) -> str:
    """"xã Sơn Hạ (huyện Sơn Hà)": a commune with the unit above it, for a point's tooltip; a
    district drawn at the centre of its communes says so."""
    place = f"{row.name} ({row.above})" if row.above else row.name
    if row.centroid:
        place = _("%(unit)s, at the centre of its communes") % {"unit": place}
    return place
