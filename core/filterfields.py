"""List filters rendered without crispy's per-field templates (issue 17).

``{{ form.field|filter_field }}`` (``{% load coopplan %}``) writes the same markup as crispy's
``{{ form.field|as_crispy_field }}`` with the bootstrap5 pack — the ``div.mb-3`` wrapper, the
label (``form-label``, ``requiredField`` and its asterisk), the widget with crispy's classes
(``textinput form-control``, ``select form-select``, ``is-invalid``), the ``form-check``
layout of a checkbox, the ``invalid-feedback`` block of errors and the help text — but in
Python, and the plain ``<select>`` and ``<input>`` widget templates (the widget's own context,
so every attribute Django adds — ``id``, ``required``, ``aria-invalid``, ``aria-describedby`` —
is the same) are written in Python too.

Why: a list page rendered each filter field through crispy's ``field.html`` (a dozen nested
template tags, two includes) and each ``<option>`` of a select through two more templates; on
the plan, report and registry lists that was the largest part of the page's Python time after
the SQL (measured in docs/benchmarks.md, "Issue 17: list pages' Python time"). The result is
compared with crispy's own output, field by field, in ``tests/core/test_filter_fields.py``:
any difference (a new Django attribute, a crispy change) fails there. Widgets this module does
not know (radio lists, multiple checkboxes, files, custom templates) are rendered by crispy as
before.
"""

from __future__ import annotations

from django import forms
from django.template.base import render_value_in_context
from django.template.context import Context
from django.utils.functional import Promise
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

from .listtools import esc
from .widgets_fast import _attrs  # django/forms/widgets/attrs.html, shared with the plan form's lean rows

SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"
# Widget templates that are nothing but ``{% include "django/forms/widgets/input.html" %}``.
INPUT_TEMPLATES = frozenset(
    f"django/forms/widgets/{name}.html"
    for name in ("input", "text", "number", "email", "url", "search", "checkbox", "hidden", "date", "password")
)
_CONTEXT = Context()  # autoescape on, localisation as in a template


def _value(value) -> str:
    """``{{ value }}`` in a template: localised, escaped unless safe. Text (a ``str`` or a lazy
    translation: an option's label, a field's name) is what the template writes without its
    localisation and time-zone steps, which leave text as it is (``esc``: ~5× cheaper; a list's
    filters write ~130 such values a request, issue 17)."""
    if type(value) is str or isinstance(value, Promise):
        return esc(value)
    return render_value_in_context(value, _CONTEXT)


def _format(value) -> str:
    """``{{ value|stringformat:'s' }}``: ``"%s" % value``, escaped unless the value was safe."""
    text = str(value)
    return text if isinstance(value, SafeData) else conditional_escape(text)


def _select(widget: dict) -> str:
    """``django/forms/widgets/select.html`` and its options (the renderer strips the result)."""
    out = [f'<select name="{_value(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            out.append(f'\n  <optgroup label="{_value(group_name)}">')
        for option in group_choices:
            out.append(
                f'\n  <option value="{_format(option["value"])}"{_attrs(option["attrs"])}>{_value(option["label"])}</option>'
            )
        if group_name:
            out.append("\n  </optgroup>")
    out.append("\n</select>")
    return "".join(out)


def _input(widget: dict) -> str:
    """``django/forms/widgets/input.html``."""
    value = f' value="{_format(widget["value"])}"' if widget["value"] is not None else ""
    return f'<input type="{_value(widget["type"])}" name="{_value(widget["name"])}"{value}{_attrs(widget["attrs"])}>'


class _PythonWidgetRenderer:
    """The form's renderer, except the plain select and input templates, written in Python."""

    def __init__(self, base):
        self.base = base

    def get_template(self, template_name):
        return self.base.get_template(template_name)

    def render(self, template_name, context, request=None):
        widget = context.get("widget", {})
        if template_name == SELECT_TEMPLATE and all(
            option.get("template_name") == OPTION_TEMPLATE for _g, options, _i in widget.get("optgroups", ()) for option in options
        ):
            return _select(widget)
        if template_name in INPUT_TEMPLATES and "type" in widget:
            return _input(widget)
        return self.base.render(template_name, context, request)


def _crispy_classes(widget, extra: str) -> None:
    """What crispy's ``{% crispy_field field 'class' '…' %}`` does to the widget (it keeps the
    change): the widget's class name in lower case, then each of ``extra``'s classes."""
    class_name = widget.__class__.__name__.lower()
    css_class = widget.attrs.get("class", "")
    if css_class:
        if css_class.find(class_name) == -1:
            css_class += " " + class_name
    else:
        css_class = class_name
    for name in extra.split():
        if name not in css_class.split():
            css_class += " " + name
    widget.attrs["class"] = css_class


def _widget_html(field) -> str:
    form = field.form
    base = form.renderer
    form.renderer = _PythonWidgetRenderer(base)
    try:
        return str(field)
    finally:
        form.renderer = base


def _label_text(field) -> str:
    required = '<span class="asteriskField">*</span>' if field.field.required else ""
    return f"{_value(field.label)}{required}"


def _errors_and_help(field) -> str:
    """crispy's ``help_text_and_errors.html`` (errors as a block, then the help text)."""
    out = []
    if field.errors:
        field_id = getattr(field.errors, "field_id", "")  # a template renders a missing attribute as ""
        out.append(f'<div id="{_value(field_id)}_error" class="invalid-feedback">')
        for number, error in enumerate(field.errors, start=1):
            out.append(f'<p id="error_{number}_{_value(field.auto_id)}"><strong>{_value(error)}</strong></p>')
        out.append("</div>")
    if field.help_text:
        helptext_id = f'id="{_value(field.auto_id)}_helptext" ' if field.auto_id else ""
        out.append(f'<div {helptext_id}class="form-text">{mark_safe(field.help_text)}</div>')
    return "".join(out)


def _crispy_fallback(field) -> str:
    from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field

    return as_crispy_field(field)


def render_filter_field(field) -> str:
    """crispy's bootstrap5 ``as_crispy_field`` markup for ``field`` (a bound field), in Python."""
    widget = field.field.widget
    if field.is_hidden:
        return mark_safe(_widget_html(field))
    if (
        isinstance(widget, (forms.RadioSelect, forms.FileInput, forms.MultiWidget))
        or getattr(widget, "widget", None) is not None
        or field.use_fieldset
    ):
        return _crispy_fallback(field)
    css = field.css_classes()
    css = f" {css}" if css else ""
    invalid = " is-invalid" if field.errors else ""
    required = " requiredField" if field.field.required else ""
    if isinstance(widget, forms.CheckboxInput):
        _crispy_classes(widget, "form-check-input" + invalid)
        return mark_safe(
            f'<div class="mb-3"><div id="div_{_value(field.auto_id)}" class="form-check{css}">'
            f"{_widget_html(field)}"
            f'<label for="{_value(field.id_for_label)}" class="form-check-label{required}">{_label_text(field)}</label>'
            f"{_errors_and_help(field)}</div></div>"
        )
    _crispy_classes(widget, ("form-select" if isinstance(widget, forms.Select) else "form-control") + invalid)
    label = ""
    if field.label:
        label_for = f'for="{_value(field.id_for_label)}" ' if field.id_for_label else ""
        label = f'<label {label_for}class="form-label{required}">{_label_text(field)}</label>'
    return mark_safe(
        f'<div id="div_{_value(field.auto_id)}" class="mb-3{css}">{label}{_widget_html(field)}{_errors_and_help(field)}</div>'
    )
