"""Template helpers of the plan pages: target values, progress labels, form layout."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from plans import progress

register = template.Library()

PROGRESS_LABELS = {
    progress.ACHIEVED: (_("Achieved"), "success"),
    progress.ON_TRACK: (_("On track"), "primary"),
    progress.AT_RISK: (_("At risk"), "warning"),
    progress.BEHIND: (_("Behind"), "danger"),
    progress.NO_DATA: (_("No data"), "secondary"),
}


@register.filter
def target_value(target) -> str:
    """"≥ 17", "từ 1 đến 5", "≈ 70" with Vietnamese number formatting (``progress.target_plan_text``)."""
    return progress.target_plan_text(target)


@register.filter
def progress_label(status: str) -> str:
    return PROGRESS_LABELS.get(status, (status, "secondary"))[0]


@register.filter
def progress_class(status: str) -> str:
    return PROGRESS_LABELS.get(status, (status, "secondary"))[1]


@register.filter
def col_width(form, name) -> int:
    """Bootstrap column width of a field in the row layout of the plan form."""
    getter = getattr(form, "col_width", None)
    return getter(name) if getter else 3


@register.filter
def row_field(field, lean=False):
    """One field of a formset row: label, widget, errors and hint in Bootstrap's classes.

    The plan page repeats its rows dozens of times; crispy's field template is several times
    larger (wrappers, ids, indentation) and slower, so the rows use this lean markup instead
    (issue 17: the seed plans' edit pages stay small).

    ``lean`` (the saved rows of the edit page; never the "Add a row" template): only what is the
    row's own is written — the control's name, type and value (of a select whose list is the
    same in every row, all but the autocompletes and the form's ``own_choice_fields``, only the
    chosen options), ``is-invalid`` and the errors. The label, hint, column, id, classes and
    other attributes, and the full option lists, are the same in every row: ``plans/formset.js``
    builds each row from the formset's template row when the page loads and puts these controls
    in it."""
    from django import forms
    from django.utils.html import format_html, format_html_join
    from django.utils.safestring import mark_safe

    from core.autocomplete import AutocompleteMixin
    from core.widgets_fast import chosen_only

    widget = field.field.widget
    invalid = " is-invalid" if field.errors else ""
    # The first message carries the id the control's aria-describedby names (Django's "_error").
    errors = format_html_join(
        "", '<div class="invalid-feedback d-block"{}>{}</div>',
        ((format_html(' id="{}_error"', field.auto_id) if i == 0 else "", e) for i, e in enumerate(field.errors)),
    )
    select = isinstance(widget, forms.Select)
    if lean:
        attrs = {name: False for name in widget.attrs if name != "multiple"}
        attrs.update({"id": False, "class": invalid.strip() or False})
        if isinstance(widget, AutocompleteMixin):
            attrs.update({"data-placeholder": False, "data-no-results": False, "data-loading": False, "data-remove": False})
            control = field.as_widget(attrs=attrs)
        elif select and field.name in getattr(field.form, "own_choice_fields", ()):
            attrs["data-own-options"] = True  # its list differs from row to row: written in full
            control = field.as_widget(attrs=attrs)
        else:
            control = field.as_widget(widget=chosen_only(widget) if select else None, attrs=attrs)
        return format_html("{}{}", control, errors)
    required = field.field.required
    star = mark_safe('<span class="asteriskField">*</span>') if required else ""
    hint = format_html('<div class="form-text" id="{}_helptext">{}</div>', field.auto_id, field.help_text) if field.help_text else ""
    if isinstance(widget, forms.CheckboxInput):
        control = field.as_widget(attrs={"class": "form-check-input" + invalid})
        return format_html(
            '<div class="form-check mt-md-4"> {}<label class="form-check-label" for="{}">{}{}</label></div>{}{}',
            control, field.id_for_label, field.label, star, errors, hint,
        )
    control = field.as_widget(attrs={"class": ("form-select" if select else "form-control") + invalid})
    return format_html(
        '<label class="form-label" for="{}">{}{}</label>{}{}{}', field.id_for_label, field.label, star, control, errors, hint
    )


@register.filter
def bare(field):
    """A hidden field of a lean formset row: no id (nothing refers to it)."""
    return field.as_widget(attrs={"id": False})


@register.filter
def row_fields(form):
    """The visible fields of a formset row in their Bootstrap columns, written in Python: the
    "Remove this row" box for DELETE, ``row_field`` in a ``col-md-N`` column for the others.

    A long plan's page repeats this for ~600 fields; the same loop in the template (a for, an if,
    two filters and a translate per field) was a third of the import review page's render."""
    remove = gettext("Remove this row")
    parts = []
    for field in form.visible_fields():
        if field.name == "DELETE":
            parts.append(
                format_html(
                    '<div class="text-end"><div class="form-check form-check-inline small">{} '
                    '<label class="form-check-label text-danger" for="{}">{}</label></div></div>',
                    field, field.id_for_label, remove,
                )  # fmt: skip
            )
        else:
            parts.append(
                format_html('<div class="col-md-{}">{}</div>', col_width(form, field.name), row_field(field))
            )
    return mark_safe("\n".join(parts))
