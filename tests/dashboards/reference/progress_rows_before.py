"""``dashboards.views.progress_rows_html`` as it was before its rows became f-strings (issue 17):
``format_html`` per cell, every value through ``render_value_in_context``. Kept to compare the
current writer with, string for string (tests/dashboards/test_progress_rows.py)."""

from django.template import Context
from django.template.base import render_value_in_context
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.formatting import format_number
from plans import progress

_PLAIN = Context(autoescape=True, use_l10n=False)


def _v(value) -> str:
    """``{{ value }}`` inside ``{% localize off %}``."""
    return render_value_in_context(value, _PLAIN)


def progress_rows_html_before(rows: list[dict]):
    lower_is_better = _("lower is better")
    percent_label = _("Percent of plan")
    not_linked = _("not linked")
    milestone = _("milestone %(year)s")
    out = []
    for r in rows:
        t, prog = r["target"], r["progress"]
        target = format_html(
            '<td class="target">{}{}{}</td>',
            format_html('<span class="text-muted">{}</span> ', _v(t.code)) if t.code else "",
            _v(t.description),
            format_html(' <span class="small text-muted">({})</span>', lower_is_better) if t.direction == "lower" else "",
        )
        plan_value = format_html(
            '<td class="num plan-value">{} {}<div class="small text-muted">{}</div></td>',
            _v(progress.target_plan_text(t)),
            _v(t.unit),
            mark_safe(milestone % {"year": _v(t.milestone_year)}),  # the catalogue's text, the year escaped
        )
        if r["actual"] is not None:
            actual = format_html('{}<div class="small text-muted">{}</div>', _v(format_number(r["actual"])), _v(r["period_label"]))
        else:
            actual = "–"
        if r["registry"] is not None:
            registry = format_html('{}<div class="small text-muted">{}</div>', _v(format_number(r["registry"])), _v(r["registry_label"]))
        elif t.indicator_id:
            registry = "–"
        else:
            registry = format_html('<span class="text-muted small">{}</span>', not_linked)
        expected = _v(format_number(prog.expected, 1)) if prog.expected is not None else "–"
        striped = " progress-bar-striped" if prog.status in ("behind", "at_risk") else ""
        percent = (
            format_html("{}%", _v(format_number(prog.percent_of_plan, 1))) if prog.percent_of_plan is not None else "–"
        )
        bar = format_html(
            '<div class="progress" role="progressbar" aria-label="{}" aria-valuenow="{}" aria-valuemin="0" aria-valuemax="100">'
            '<div class="progress-bar bg-{}{}" style="width: {}%"></div></div>'
            '<span class="small"{}>{}</span>',
            percent_label,
            _v(prog.bar_percent),
            _v(r["css"]),
            striped,
            _v(prog.bar_percent),
            format_html(' title="{}"', _v(prog.formula)) if prog.formula else "",
            percent,
        )
        if r["sparkline"]:
            spark = format_html(
                '<svg class="sparkline" viewBox="0 0 100 24" role="img" aria-label="{}"><polyline points="{}"/></svg>',
                _v(r["sparkline_label"]),
                _v(r["sparkline"]),
            )
        elif r["history"]:
            spark = format_html('<span class="small text-muted">{}</span>', _v(r["history"][0][0]))
        else:
            spark = ""
        out.append(
            format_html(
                "<tr>{}{}<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td>"
                '<td><span class="badge text-bg-{}">{}</span></td><td>{}</td></tr>',
                target,
                plan_value,
                actual,
                registry,
                expected,
                bar,
                _v(r["css"]),
                _v(r["label"]),
                spark,
            )
        )
    return mark_safe("\n".join(out))  # every part went through format_html or _v


