"""Queries of the documents app: the signing queues and the register."""

from django.db.models import Q

from .models import RegisterEntry, SigningRequest, SigningState


def _with_sources(qs):
    return qs.select_related(
        "plan", "plan__issuer", "obligation", "obligation__agency", "obligation__period", "leader", "submitted_by"
    )


def waiting_for_leader(user):
    """ "Chờ tôi ký": documents sent to ``user`` for their signature."""
    if not user.is_authenticated or not user.has_role("leader"):
        return SigningRequest.objects.none()
    return _with_sources(SigningRequest.objects.filter(leader=user, state=SigningState.SUBMITTED)).order_by("created")


def waiting_for_clerk(user):
    """Documents of the clerk's agency signed by the leader and waiting for number and seal."""
    if not user.is_authenticated or not user.has_role("clerk"):
        return SigningRequest.objects.none()
    qs = SigningRequest.objects.filter(state=SigningState.LEADER_SIGNED)
    if not user.is_superuser:
        qs = qs.filter(Q(plan__issuer_id=user.agency_id) | Q(obligation__agency_id=user.agency_id)).exclude(leader=user)
    return _with_sources(qs).order_by("leader_signed_at")


def requests_visible_to(user):
    """Signing requests the user takes part in: drafter, leader, or clerk of the issuing agency."""
    if not user.is_authenticated:
        return SigningRequest.objects.none()
    if user.is_superuser:
        return SigningRequest.objects.all()
    agency = Q(plan__issuer_id=user.agency_id) | Q(obligation__agency_id=user.agency_id)
    return SigningRequest.objects.filter(Q(leader=user) | Q(submitted_by=user) | agency)


def register_entries(user, year=None):
    """The register (sổ văn bản đi) of the user's agency."""
    if not user.is_authenticated:
        return RegisterEntry.objects.none()
    qs = RegisterEntry.objects.select_related("register", "register__agency", "plan", "obligation", "entered_by")
    if not user.is_superuser:
        qs = qs.filter(register__agency_id=user.agency_id)
    if year:
        qs = qs.filter(register__year=year)
    return qs.order_by("-register__year", "-number")
