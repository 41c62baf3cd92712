"""Turn the review page's prefilled forms into the POST a user's browser would send."""

from django.forms import CheckboxInput, SelectMultiple


def _field_value(bound):
    field, widget = bound.field, bound.field.widget
    value = field.prepare_value(bound.value())
    if isinstance(widget, CheckboxInput):
        return "on" if value else None
    if isinstance(widget, SelectMultiple):
        return [str(v.pk if hasattr(v, "pk") else v) for v in (value or [])]
    if value is None:
        return ""
    formatted = widget.format_value(value)
    if isinstance(formatted, list):  # a Select formats its value as a one-item list
        formatted = formatted[0] if formatted else ""
    return "" if formatted is None else formatted


def post_data(bundle) -> dict:
    """Every field of the header form and of every formset row, with management forms."""
    data = {}
    forms = [bundle.form]
    for formset in bundle.formsets.values():
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(len(formset.forms))
        data[f"{formset.prefix}-INITIAL_FORMS"] = "0"
        data[f"{formset.prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{formset.prefix}-MAX_NUM_FORMS"] = "1000"
        forms.extend(formset.forms)
    for form in forms:
        for name in form.fields:
            bound = form[name]
            value = _field_value(bound)
            if value is None:
                continue
            data[bound.html_name] = value
    return data


def choose_missing_reporters(data: dict, bundle, agency_pk=None) -> dict:
    """What the user does for a rule whose reporting bodies are not in the portal ("các
    phòng, ban…"): picks one — here the receiving agency's issuer, the plan's issuer."""
    formset = bundle.formsets["reporting_requirements"]
    for form in formset.forms:
        key = f"{form.prefix}-reporters"
        if not data.get(key):
            data[key] = [str(agency_pk or data["issuer"])]
    return data
