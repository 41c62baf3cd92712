"""Export and signing buttons for the plan and report pages (a constant few queries)."""

from django import template

from documents import services

register = template.Library()


@register.inclusion_tag("documents/partials/_actions.html", takes_context=True)
def document_actions(context, source, kind):
    """``kind`` is "plan" or "obligation"; the buttons shown depend on the user and status."""
    request = context.get("request")
    user = getattr(request, "user", None)
    signed = services.signed_document_for(source) if source is not None else None
    pending = services.open_signing_request(source) if source is not None and signed is None else None
    can_submit = bool(user and source is not None and signed is None and pending is None and services.can_submit(user, source))
    refusal = services.sign_refusal(source, user) if can_submit else None
    return {
        "source": source,
        "kind": kind,
        "signed": signed,
        "pending": pending,
        "can_submit": can_submit and refusal is None,
        "sign_refusal": refusal,
        "can_register_external": bool(
            user
            and source is not None
            and signed is None
            and pending is None
            and services.can_register_external(user, source)
            and services.external_refusal(source) is None
        ),
        "csrf_token": context.get("csrf_token"),
        "is_report": kind == "obligation",
    }
