"""The one place that decides who may see and do what. Deny by default.

Every view uses these:

* ``RoleRequiredMixin`` — anonymous users go to the login page; logged-in users without
  one of ``required_roles`` get 403.
* ``scoped(qs, user, unit_field=..., agency_fields=...)`` — restricts a queryset to what
  the user may see: rows whose unit lies in the user's agency's area, or rows assigned to
  the user's agency. Views build their ``get_queryset`` with it, so an object outside the
  user's scope is a 404 (its existence is not revealed).

Roles: planner, reporter, leader, clerk (văn thư) (flags on the user), admin (superuser, sees
everything).
"""

from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from directory.models import Role
from directory.selectors import agency_lineage, area_paths_q, minimal_paths, unit_area_paths, unit_area_q  # noqa: F401 (re-exported)


def _user_lineage(user) -> list:
    """The user's agency and the agencies it succeeded, once per user object."""
    cached = user.__dict__.get("_coopplan_lineage")
    if cached is None:
        cached = agency_lineage(user.agency)
        user.__dict__["_coopplan_lineage"] = cached
    return cached


def _user_area_paths(user) -> list[str]:
    """The paths of the user's area, computed once per user object (i.e. once per request):
    a page scopes several querysets, and each computation walks the predecessor links.
    The area of a successor agency includes its predecessors' areas (see
    ``directory.selectors.agency_area_paths``)."""
    cached = user.__dict__.get("_coopplan_area_paths")
    if cached is None:
        cached = minimal_paths(p for a in _user_lineage(user) for p in unit_area_paths(a.unit))
        user.__dict__["_coopplan_area_paths"] = cached
    return cached


def user_agency_ids(user) -> list[int]:
    """The user's agency and every agency it succeeded (their records are the user's to read);
    computed once per user object. Empty without an agency."""
    if not getattr(user, "agency_id", None):
        return []
    return sorted(a.pk for a in _user_lineage(user))


def user_area_q(user, unit_field: str) -> Q:
    """Q for rows whose ``unit_field`` lies in the user's area (none without an agency)."""
    if user.is_superuser:
        return Q()
    if not getattr(user, "agency_id", None):
        return Q(pk__in=[])
    return area_paths_q(_user_area_paths(user), unit_field)


def scoped(qs: QuerySet, user, *, unit_field: str | None = None, agency_fields: tuple[str, ...] = ()) -> QuerySet:
    """Restrict ``qs`` to what ``user`` may see.

    A row is visible when its ``unit_field`` (a path to an AdministrativeUnit) lies in the
    user's agency's area, or when any of ``agency_fields`` (paths to an Agency) is the
    user's agency or one it succeeded (a successor reads its predecessors' records). Admins see everything; anonymous users and users without an agency
    see nothing.
    """
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs
    if not user.agency_id:
        return qs.none()
    cond = Q(pk__in=[])
    if unit_field is not None:
        cond |= user_area_q(user, unit_field)
    ids = user_agency_ids(user)
    for field in agency_fields:
        cond |= Q(**{f"{field}__in": ids}) if len(ids) > 1 else Q(**{field: user.agency_id})
    return qs.filter(cond).distinct() if agency_fields and any("__" in f for f in agency_fields) else qs.filter(cond)


def has_any_role(user, roles) -> bool:
    return user.is_authenticated and any(user.has_role(r) for r in roles)


def require_role(user, *roles):
    """Raise PermissionDenied unless ``user`` holds one of ``roles``."""
    if not has_any_role(user, roles):
        raise PermissionDenied


class RoleRequiredMixin(AccessMixin):
    """Login required, then one of ``required_roles`` (default: any portal role).

    Anonymous → redirect to login; authenticated without the role → 403.
    """

    required_roles: tuple[str, ...] = (Role.PLANNER, Role.REPORTER, Role.LEADER, Role.CLERK)
    raise_exception = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not has_any_role(request.user, self.required_roles):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PlannerRequiredMixin(RoleRequiredMixin):
    required_roles = (Role.PLANNER,)


class ReporterRequiredMixin(RoleRequiredMixin):
    required_roles = (Role.REPORTER,)


class LeaderRequiredMixin(RoleRequiredMixin):
    required_roles = (Role.LEADER,)


class ClerkRequiredMixin(RoleRequiredMixin):
    required_roles = (Role.CLERK,)
