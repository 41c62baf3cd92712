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
from django.db import connections
from django.db.models import BooleanField, F, Func, Q, QuerySet

from directory.models import AdministrativeUnit, Agency, Role
from directory.selectors import (  # noqa: F401 (re-exported)
    agency_lineage,
    area_paths_q,
    minimal_paths,
    unit_area_paths,
    unit_area_q,
    user_agency_area,
)


def user_agency_lineage(user) -> list:
    """The user's agency and the agencies it succeeded (``Agency`` objects), once per user
    object; empty without an agency. Scoping needs only their ids (``user_agency_ids``,
    ``user_agency_area``): this reads the agencies themselves."""
    if not getattr(user, "agency_id", None):
        return []
    cached = user.__dict__.get("_coopplan_lineage")
    if cached is None:
        cached = user.__dict__["_coopplan_lineage"] = agency_lineage(user.agency)
    return cached


def user_unit_area_paths(user, unit) -> list[str]:
    """``unit_area_paths(unit)`` memoised on the user object (i.e. once per request): one page
    scopes several querysets by the same units (the user's own area and, in plans, the
    issuer's)."""
    memo = user.__dict__.setdefault("_coopplan_unit_paths", {})
    if unit.pk not in memo:
        memo[unit.pk] = unit_area_paths(unit)
    return memo[unit.pk]


def _user_area_paths(user) -> list[str]:
    """The paths of the user's area (``directory.selectors.user_agency_area``: one query, once
    per user object, i.e. once per request). The area of a successor agency includes its
    predecessors' areas (see ``directory.selectors.agency_area_paths``)."""
    return list(user_agency_area(user).paths)


def user_agency_ids(user) -> list[int]:
    """The user's agency and every agency it succeeded (their records are the user's to read);
    computed once per user object. Empty without an agency."""
    if not getattr(user, "agency_id", None):
        return []
    return list(user_agency_area(user).agency_ids)


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


def scope_ids(qs: QuerySet, user, *, unit_field: str | None = None, agency_fields: tuple[str, ...] = ()):
    """The ids ``scoped_by_union`` selects among ``qs.model``'s rows: ``None`` for every row
    (an administrator), ``[]`` for none (anonymous, inactive, no agency), else the UNION of one
    id query per visibility rule (a queryset of primary keys). A list's count can count this
    UNION itself when nothing else filters the list (issue 17)."""
    if not user.is_authenticated or not user.is_active:
        return []
    if user.is_superuser:
        return None
    if not user.agency_id:
        return []
    base = qs.model._base_manager.order_by()
    branches = []
    if unit_field is not None:
        agency_field = _agency_of_unit_field(qs.model, unit_field)
        if agency_field is None:
            branches.append(base.filter(user_area_q(user, unit_field)).values("pk"))
        else:
            branches.append(base.filter(user_area_agencies_in(user, agency_field, qs.db)).values("pk"))
    ids = user_agency_ids(user)
    for field in agency_fields:
        branches.append(base.filter(**{f"{field}__in": ids}).values("pk"))
    if not branches:
        return []
    return branches[0].union(*branches[1:]) if len(branches) > 1 else branches[0]


def _agency_of_unit_field(model, unit_field: str) -> str | None:
    """``"agency"`` for ``unit_field="agency__unit"``: the path to the agency when ``unit_field``
    is the unit of one agency reached by forward foreign keys, else ``None``."""
    head, sep, last = unit_field.rpartition("__")
    if not sep or last != "unit":
        return None
    for name in head.split("__"):
        field = model._meta.get_field(name)
        if not (field.is_relation and field.concrete and (field.many_to_one or field.one_to_one)):
            return None  # a set of agencies (many-to-many, reverse): the join form
        model = field.related_model
    return head if model is Agency else None


def user_area_agencies_in(user, agency_field: str, using: str = "default"):
    """A filter (an expression, or a Q on SQLite) for rows whose ``agency_field`` is an agency
    of the user's area — what ``user_area_q(user, f"{agency_field}__unit")`` selects — found by
    index: the area's units by the path index, then their agencies by the unit index, then the
    rows by ``agency_field``'s index. On PostgreSQL as ``agency_id = ANY(ARRAY(SELECT … WHERE
    unit_id = ANY(ARRAY(SELECT … WHERE path LIKE …))))``: each ``ARRAY`` is computed once. The
    join of ``user_area_q`` read every agency of the country (4,833 at national scale) by a
    sequential scan and hashed it against the area's units, in every statement of a scoped
    report list (its count, its page, the filters), as ``plans_visible_to`` did before 83002b9
    (issue 17). Same rows: an agency without a unit is in no area either way. Users without an
    agency: nothing; administrators are not scoped (``scope_ids`` answers ``None`` first)."""
    paths = _user_area_paths(user) if getattr(user, "agency_id", None) else []
    if not paths:
        return Q(pk__in=[])
    units = AdministrativeUnit._base_manager.filter(area_paths_q(paths)).order_by().values("pk")
    if connections[using].vendor == "postgresql":
        agencies = Agency._base_manager.filter(field_in_array("unit", units)).order_by().values("pk")
        return field_in_array(agency_field, agencies)
    agencies = Agency._base_manager.filter(unit__in=units).order_by().values("pk")
    return Q(**{f"{agency_field}__in": agencies})


def scoped_by_union(qs: QuerySet, user, *, unit_field: str | None = None, agency_fields: tuple[str, ...] = (), ids=...) -> QuerySet:
    """The rows of ``scoped(qs, user, ...)``, selected as ``pk IN (a UNION of one id query per rule)``.

    Each visibility rule (the unit in the user's area; each agency field naming the user's
    agency or one it succeeded) is its own indexed branch, and the UNION of their ids is
    computed once and hashed. An OR of the same rules across several joins cannot use any
    index and scans the whole table (61,626 reports, three times per list request at national
    scale); the branches need no DISTINCT either, since each id appears once (issue 17).
    Same rows as ``scoped`` for every user: admins everything, no agency nothing. ``ids``:
    ``scope_ids`` of the same arguments when the caller already has it.
    """
    if ids is ...:
        ids = scope_ids(qs, user, unit_field=unit_field, agency_fields=agency_fields)
    if ids is None:
        return qs
    if isinstance(ids, list):
        return qs.none()
    return filter_pk_in(qs, ids)


def filter_pk_in(qs: QuerySet, ids: QuerySet) -> QuerySet:
    """``qs.filter(pk__in=ids)`` (``ids`` a query of primary keys), written for PostgreSQL as
    ``pk = ANY(ARRAY(…))``: the ids are an InitPlan computed once and the table is read by its
    primary key. ``pk IN (…)`` is a semi-join that PostgreSQL places after a list's eight
    select_related joins (join_collapse_limit), joining every row of the table first."""
    if connections[qs.db].vendor == "postgresql":
        return qs.filter(field_in_array("pk", ids))
    return qs.filter(pk__in=ids)


def field_in_array(field: str, ids: QuerySet):
    """``field = ANY(ARRAY(ids))`` (PostgreSQL): ``ids`` is an InitPlan computed once and the rows
    are read by ``field``'s index."""
    from django.contrib.postgres.expressions import ArraySubquery

    return Func(F(field), ArraySubquery(ids), template="(%(expressions)s))", arg_joiner=" = ANY(", output_field=BooleanField())


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


# --- the permission table ---------------------------------------------------------------------
#
# One row per named URL: which roles pass the view's role gate, and whose objects they then
# reach (the view's scoped queryset or service check). tests/core/test_permission_matrix.py
# walks the URL resolver: a URL without a row fails the suite, and for every URL × role the
# role gate must do exactly what the row says. docs/security.md shows this table.
# "anonymous" in a row means everybody (public); "no_role" is a logged-in user without roles.

ROLES = ("anonymous", "no_role", "planner", "reporter", "leader", "clerk", "admin")


class Rule:
    __slots__ = ("roles", "whose")

    def __init__(self, roles: tuple[str, ...], whose: str):
        self.roles = frozenset(roles)
        self.whose = whose

    def __repr__(self):
        return f"Rule({sorted(self.roles)}, {self.whose!r})"


PUBLIC = ("anonymous",)
LOGGED_IN = ("no_role", "planner", "reporter", "leader", "clerk", "admin")
PORTAL = ("planner", "reporter", "leader", "clerk", "admin")
PLANNER = ("planner", "admin")
REGISTRY_EDITORS = ("planner", "admin")
DASHBOARD = ("planner", "leader", "admin")
SIGNER = ("leader", "admin")

AREA = "objects in the user's area (agency unit, units below, merged units)"
PLAN_READ = "plans issued in the area or assigning the user's agency"
PLAN_WRITE = (
    "plans issued by the planner's agency, an agency it succeeded or their governing body (Agency.parent); "
    "another agency's plan of the area: 403"
)
REPORT = "reports of the user's agency, or received/consolidated by it, or in its area (reading)"
REPORT_EDIT = "reports of the user's agency (service check: reporter of that agency, not approved)"
REPORT_REVIEW = "reports the user's agency receives (service check: planner of the receiving agency)"
OWN = "the user's own objects"

URL_PERMISSIONS: dict[str, Rule] = {
    # core
    "home": Rule(LOGGED_IN, OWN),
    "healthz": Rule(PUBLIC, "ok/error only; details for staff"),
    "favicon": Rule(PUBLIC, "static"),
    "login": Rule(PUBLIC, "—"),
    "logout": Rule(PUBLIC, "POST only"),
    "password_change": Rule(LOGGED_IN, OWN),
    "password_change_done": Rule(LOGGED_IN, OWN),
    "set_language": Rule(PUBLIC, "a cookie"),
    "admin:index": Rule(("admin",), "superusers only (core.admin_site): other staff get the admin login, no data"),
    # list tools (core.listtools, issue 18): one set for every list
    "lists:preferences": Rule(PORTAL, OWN + " (page size and columns of a list; POST only)"),
    "lists:filter_save": Rule(PORTAL, OWN + " (saved filters; POST only)"),
    "lists:filter_apply": Rule(PORTAL, OWN + " (another user's saved filter: 404)"),
    "lists:filter_delete": Rule(PORTAL, OWN + " (another user's saved filter: 404; POST only)"),
    "lists:export": Rule(PORTAL, "the list's own scoped queryset, filters and columns (as the list view)"),
    # directory
    "directory:agency_list": Rule(PORTAL, AREA),
    "directory:agency_detail": Rule(PORTAL, AREA),
    "directory:unit_list": Rule(PORTAL, AREA),
    "directory:unit_detail": Rule(PORTAL, AREA),
    "directory:autocomplete_units": Rule(PORTAL, AREA + ": provinces and districts (list filters)"),
    # plans
    "plans:plan_list": Rule(PORTAL, PLAN_READ),
    "plans:plan_detail": Rule(PORTAL, PLAN_READ),
    "plans:plan_history": Rule(PORTAL, PLAN_READ),
    "plans:plan_create": Rule(PLANNER, "issuers whose plans the planner writes (as for editing: own agency, one it succeeded, their governing body)"),
    # autocomplete (JSON): the same scoped querysets as the fields they fill (issue 17)
    "plans:autocomplete_filter_issuers": Rule(PORTAL, "issuers of the plans the user reads"),
    "plans:autocomplete_issuers": Rule(PLANNER, "issuers whose plans the planner writes (the plan form's issuer)"),
    "plans:autocomplete_agencies": Rule(PLANNER, "agencies of the planner's province (assignable)"),
    "plans:autocomplete_plans": Rule(PORTAL, PLAN_READ),
    "plans:plan_update": Rule(PLANNER, PLAN_WRITE),
    "plans:plan_delete": Rule(PLANNER, "drafts only; " + PLAN_WRITE),
    "plans:plan_issue": Rule(PLANNER, PLAN_WRITE),
    "plans:plan_close": Rule(PLANNER, PLAN_WRITE),
    "plans:plan_clone": Rule(PLANNER, PLAN_WRITE),
    "plans:plan_supersede": Rule(PLANNER, PLAN_WRITE),
    "plans:plan_amendment_open": Rule(PLANNER, PLAN_WRITE),
    "plans:plan_amendment_close": Rule(PLANNER, PLAN_WRITE),
    # plan import
    "planimport:upload": Rule(PLANNER, OWN),
    "planimport:review": Rule(PLANNER, "the planner's own import sessions"),
    "planimport:status": Rule(PLANNER, "the planner's own import sessions"),
    "planimport:retry": Rule(PLANNER, "the planner's own import sessions"),
    "planimport:discard": Rule(PLANNER, "the planner's own import sessions"),
    # registry
    "cooperatives:organisation_list": Rule(PORTAL, AREA),
    "cooperatives:organisation_detail": Rule(PORTAL, AREA),
    "cooperatives:organisation_export": Rule(PORTAL, AREA),
    "cooperatives:autocomplete_units": Rule(PORTAL, AREA + ": provinces, old districts and today's communes (registry filter)"),
    "cooperatives:organisation_create": Rule(REGISTRY_EDITORS, "communes in the user's area"),
    "cooperatives:autocomplete_communes": Rule(REGISTRY_EDITORS, "communes in the user's area (the organisation form)"),
    "cooperatives:autocomplete_origins": Rule(REGISTRY_EDITORS, AREA + ": hội quán, THT, chi hội (the organisation form)"),
    "cooperatives:organisation_update": Rule(REGISTRY_EDITORS, AREA),
    "cooperatives:organisation_dissolve": Rule(REGISTRY_EDITORS, AREA),
    "cooperatives:record_create": Rule(REGISTRY_EDITORS, AREA),
    "cooperatives:record_update": Rule(REGISTRY_EDITORS, AREA),
    "cooperatives:import_upload": Rule(REGISTRY_EDITORS, "communes in the user's area"),
    "cooperatives:import_template": Rule(REGISTRY_EDITORS, "communes in the user's area"),
    "cooperatives:import_detail": Rule(REGISTRY_EDITORS, "the user's own import batches"),
    "cooperatives:import_status": Rule(REGISTRY_EDITORS, "the user's own import batches"),
    "cooperatives:import_confirm": Rule(REGISTRY_EDITORS, "the user's own import batches"),
    # reports
    "reports:obligation_list": Rule(PORTAL, REPORT),
    "reports:review_list": Rule(PLANNER, REPORT_REVIEW),
    "reports:autocomplete_plans": Rule(PORTAL, "plans of the reports the user reads (the list's plan filter)"),
    "reports:autocomplete_agencies": Rule(PORTAL, "agencies of the reports the user reads (the list's agency filter)"),
    "reports:notification_list": Rule(PORTAL, OWN),
    "reports:notification_open": Rule(PORTAL, OWN),
    "reports:plan_generate": Rule(PLANNER, PLAN_WRITE),
    "reports:obligation_detail": Rule(PORTAL, REPORT),
    "reports:obligation_history": Rule(PORTAL, REPORT),
    "reports:consolidation": Rule(PORTAL, REPORT),
    "reports:obligation_excel": Rule(PORTAL, REPORT),
    "reports:attachment_download": Rule(PORTAL, REPORT),
    "reports:obligation_edit": Rule(PORTAL, REPORT_EDIT),
    "reports:obligation_excel_upload": Rule(PORTAL, REPORT_EDIT),
    "reports:obligation_excel_review": Rule(PORTAL, REPORT_EDIT + "; the user's own uploads"),
    "reports:obligation_excel_status": Rule(PORTAL, REPORT_EDIT + "; the user's own uploads"),
    "reports:obligation_submit": Rule(PORTAL, REPORT_EDIT),
    "reports:attachment_add": Rule(PORTAL, REPORT_EDIT),
    "reports:attachment_delete": Rule(PORTAL, REPORT_EDIT),
    "reports:obligation_return": Rule(PORTAL, REPORT_REVIEW),
    "reports:obligation_approve": Rule(PORTAL, REPORT_REVIEW),
    "reports:obligation_reopen": Rule(PORTAL, REPORT_REVIEW),
    "reports:obligation_remind": Rule(PORTAL, REPORT_REVIEW),
    # documents
    "documents:plan_pdf": Rule(PORTAL, PLAN_READ),
    "documents:plan_xlsx": Rule(PORTAL, PLAN_READ),
    "documents:obligation_pdf": Rule(PORTAL, REPORT),
    "documents:obligation_xlsx": Rule(PORTAL, REPORT),
    # Trình ký (a form); the service lets only the issuer's planners (plans) or the reporting
    # agency's reporters/planners (reports) send.
    "documents:plan_sign": Rule(PORTAL, "plans issued by the user's agency (service check: its planner)"),
    "documents:obligation_sign": Rule(PORTAL, "reports of the user's agency (service check: its reporter or planner)"),
    "documents:plan_register_external": Rule(("clerk", "admin"), "plans of the clerk's agency (service check: the issuer's clerk)"),
    "documents:obligation_register_external": Rule(("clerk", "admin"), "reports of the clerk's agency (service check: the reporting agency's clerk)"),
    "documents:document_status": Rule(PORTAL, "rendered files of objects the user may read"),
    "documents:document_download": Rule(PORTAL, "rendered files of objects the user may read"),
    "documents:signed_pdf": Rule(PORTAL, "signed files of objects the user may read"),
    "documents:signed_zip": Rule(PORTAL, "signed files of objects the user may read"),
    "documents:demo_crl": Rule(PUBLIC, "the demo CA's revocation list (public, like any CA's CRL)"),
    "documents:verify": Rule(LOGGED_IN, "an uploaded file, nothing stored"),
    "documents:signing_queue": Rule(PORTAL, "signing requests addressed to or submitted by the user"),
    "documents:signing_detail": Rule(PORTAL, "signing requests the user may see (requests_visible_to)"),
    "documents:signing_pdf": Rule(PORTAL, "signing requests the user may see (requests_visible_to)"),
    "documents:signing_sign": Rule(SIGNER, "requests addressed to the leader, of the leader's own agency (service check); their personal certificate of that agency"),
    "documents:signing_return": Rule(SIGNER, "requests addressed to the leader"),
    "documents:signing_issue": Rule(("clerk", "admin"), "requests of the clerk's agency; that agency's organisation certificate (service check)"),
    "documents:register": Rule(("planner", "leader", "clerk", "admin"), "the register of the user's agency"),
    # dashboards
    "dashboards:home": Rule(DASHBOARD, AREA),
    "dashboards:targets": Rule(DASHBOARD, AREA),
    "dashboards:plan_progress": Rule(DASHBOARD, PLAN_READ),
    "dashboards:compliance": Rule(DASHBOARD, AREA),
    "dashboards:remind": Rule(DASHBOARD, AREA),
    "dashboards:obligations": Rule(DASHBOARD, AREA),
    "dashboards:registry": Rule(DASHBOARD, AREA),
    "dashboards:budget": Rule(DASHBOARD, AREA),
    "dashboards:map": Rule(DASHBOARD, AREA),
    "dashboards:export_pdf": Rule(DASHBOARD, AREA),
    "dashboards:export_xlsx": Rule(DASHBOARD, AREA),
}


def permission_table_markdown() -> str:
    """The table for docs/security.md (``python -c "from core.permissions import …"``)."""
    lines = ["| URL name | roles | whose objects |", "|---|---|---|"]
    for name, rule in URL_PERMISSIONS.items():
        roles = "everyone" if "anonymous" in rule.roles else ", ".join(r for r in ROLES if r in rule.roles)
        lines.append(f"| `{name}` | {roles} | {rule.whose} |")
    return "\n".join(lines)
