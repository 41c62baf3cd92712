"""Writing audit rows from services."""

from core.models import AuditLog


def audit(*, actor, action: str, obj, summary: str = "", data: dict | None = None) -> AuditLog:
    """Record ``action`` on ``obj`` by ``actor``; call inside the service's transaction."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditLog.objects.create(
        actor=user,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        summary=summary,
        data=data or {},
    )
