"""A form renderer that writes the plain widgets (inputs, textareas, selects, checkboxes) in
Python instead of through the template engine (issue 17).

The plan page renders ~700 widgets; through Django's widget templates (a template per widget,
an include per attribute list and per <option>) they took most of the page's server time.
The markup is the same as Django's templates write; any other template goes to the default
renderer.
"""

import copy

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape

INPUTS = {f"django/forms/widgets/{n}.html" for n in ("input", "text", "number", "email", "url", "password", "hidden", "date", "datetime", "time", "checkbox", "search", "tel")}
SELECT = "django/forms/widgets/select.html"
TEXTAREA = "django/forms/widgets/textarea.html"
OPTION = "django/forms/widgets/select_option.html"


def _attrs(attrs: dict) -> str:
    out = []
    for name, value in attrs.items():
        if value is False:
            continue
        out.append(f" {name}" if value is True else f' {name}="{conditional_escape(value)}"')
    return "".join(out)


def _input(w: dict) -> str:
    value = w.get("value")
    shown = f' value="{conditional_escape(value)}"' if value is not None else ""
    return f'<input type="{w["type"]}" name="{conditional_escape(w["name"])}"{shown}{_attrs(w["attrs"])}>'


def _textarea(w: dict) -> str:
    value = conditional_escape(w["value"]) if w.get("value") else ""
    return f'<textarea name="{conditional_escape(w["name"])}"{_attrs(w["attrs"])}>\n{value}</textarea>'


def _select(w: dict) -> str:
    parts = [f'<select name="{conditional_escape(w["name"])}"{_attrs(w["attrs"])}>']
    for group_name, options, _index in w["optgroups"]:
        if group_name:
            parts.append(f'<optgroup label="{conditional_escape(group_name)}">')
        for o in options:
            parts.append(f'<option value="{conditional_escape(o["value"])}"{_attrs(o["attrs"])}>{conditional_escape(o["label"])}</option>')
        if group_name:
            parts.append("</optgroup>")
    parts.append("</select>")
    return "".join(parts)


class FastWidgetRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) else None
        if widget is not None:
            if template_name in INPUTS:
                return _input(widget)
            if template_name == TEXTAREA:
                return _textarea(widget)
            if template_name == SELECT and all(
                o.get("template_name") == OPTION for _g, options, _i in widget["optgroups"] for o in options
            ):
                return _select(widget)
        return super().render(template_name, context, request=request)


def chosen_only(widget):
    """A copy of a select ``widget`` that writes only its chosen option(s) (issue 17).

    For the rows of a long formset whose selects all offer the same list (a plan's indicators,
    comparators, targets): the list is written once, in the formset's "Add a row" template, and
    ``plans/formset.js`` copies it into each row; the row keeps its value in its chosen option,
    so what it posts is unchanged."""
    lean = copy.copy(widget)
    full = widget.optgroups

    def optgroups(name, value, attrs=None):
        groups = []
        for group_name, options, index in full(name, value, attrs):
            chosen = [o for o in options if o["selected"]]
            if chosen:
                groups.append((group_name, chosen, index))
        return groups

    lean.optgroups = optgroups
    return lean
