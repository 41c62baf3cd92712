"""Issue 17: a scope's area branch finds the area's agencies by index.

``core.permissions.scope_ids`` (the report list's scope, its count, its page and its filters)
selected the reports of the user's area by joining every report's agency to its unit and
testing the unit's path: at national scale a sequential scan of the 4,833 agencies hashed
against the area's units, in every statement. It now reads the area's units by their paths,
their agencies by the unit index, then the rows by their agency (``user_area_agencies_in``;
on PostgreSQL ``agency_id = ANY(ARRAY(… unit_id = ANY(ARRAY(…))))``). These tests hold the
new scope to the former one — the join on the unit's path (``user_area_q``) — for every user
of the reform world (merged units, successors, abolished agencies, a cross-province link, no
agency, administrators), for the reports and for other models and paths to an agency."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperatives.models import Organisation
from core.permissions import (
    _agency_of_unit_field,
    scope_ids,
    scoped,
    scoped_by_union,
    user_agency_ids,
    user_area_agencies_in,
    user_area_q,
)
from directory.models import Agency
from plans.models import ReportingRequirement
from reports import selectors
from reports.models import Obligation, ReportingPeriod
from tests import reform_world
from tests.directory.factories import AgencyFactory, UserFactory
from tests.reports.factories import ObligationFactory

pytestmark = pytest.mark.django_db

REPORTS = {
    "unit_field": "agency__unit",
    "agency_fields": ("agency", "period__requirement__receiver", "period__requirement__plan__issuer"),
}
# Other models, other paths to an agency (several joins; a plain unit field that keeps the join).
OTHERS = [
    (ReportingPeriod, {"unit_field": "requirement__receiver__unit", "agency_fields": ("requirement__plan__issuer",)}),
    (ReportingRequirement, {"unit_field": "plan__issuer__unit", "agency_fields": ("receiver",)}),
    (Obligation, {"unit_field": "period__requirement__plan__issuer__unit", "agency_fields": ()}),
    (Obligation, {"unit_field": "agency__unit", "agency_fields": ()}),
    (Organisation, {"unit_field": "commune", "agency_fields": ()}),
]


@pytest.fixture
def world(db):
    w = reform_world.build()
    ag = w["agencies"]
    users = w["users"]
    # Users of the abolished agencies (Kon Tum's committee, Đăk Hà's office: ended 30/06/2025,
    # their successors took their work over), an inactive leader, and an agency's user whose
    # agency sits on a unit without reports.
    users["kontum_old"] = UserFactory(username="rw_kontum", agency=ag["kontum"], is_leader=True)
    users["dakha_old"] = UserFactory(username="rw_dakha", agency=ag["dakha"], is_planner=True)
    users["inactive"] = UserFactory(username="rw_inactive", agency=ag["qn"], is_leader=True, is_active=False)
    users["lc_commune"] = UserFactory(username="rw_lc_commune", agency=ag["qc"], is_leader=True)
    # A second agency on a merged old commune (abolished with it) with a report: the area of
    # its successors' users covers it by the old unit's path.
    old_office = AgencyFactory(name="UBND xã Đăk Mar (cũ)", unit=w["units"]["c_merged"], valid_to=reform_world.ENDED)
    ObligationFactory(period=Obligation.objects.filter(agency=ag["dakha"]).first().period, agency=old_office)
    return w


def former_scope_ids(model, user, unit_field=None, agency_fields=()):
    """``scope_ids`` before issue 17's index: the area branch joins the agency to its unit."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return set(model._base_manager.values_list("pk", flat=True))
    if not user.agency_id:
        return set()
    base = model._base_manager.order_by()
    ids = set()
    if unit_field is not None:
        ids |= set(base.filter(user_area_q(user, unit_field)).values_list("pk", flat=True))
    for field in agency_fields:
        ids |= set(base.filter(**{f"{field}__in": user_agency_ids(user)}).values_list("pk", flat=True))
    return ids


def new_scope_ids(model, user, **rules):
    ids = scope_ids(model.objects.all(), user, **rules)
    if ids is None:
        return set(model._base_manager.values_list("pk", flat=True))
    listed = list(ids) if isinstance(ids, list) else list(ids.values_list("pk", flat=True))
    assert len(listed) == len(set(listed))  # a UNION: each id once
    return set(listed)


def everybody(world):
    return {**world["users"], "anonymous": AnonymousUser()}


def test_same_report_ids_as_the_former_scope_for_every_user(world):
    seen = {}
    for name, user in everybody(world).items():
        expected = former_scope_ids(Obligation, user, **REPORTS)
        assert new_scope_ids(Obligation, user, **REPORTS) == expected, name
        if user.is_authenticated:
            assert set(scoped(Obligation.objects.all(), user, **REPORTS).values_list("pk", flat=True)) == expected, name
            visible = selectors.obligations_visible_to(user)
            assert set(visible.values_list("pk", flat=True)) == expected, name
            assert selectors.obligations_visible_count(user) == len(expected), name
        assert set(scoped_by_union(Obligation.objects.all(), user, **REPORTS).values_list("pk", flat=True)) == expected, name
        seen[name] = expected
    # The world exercises what the index must keep: nothing without an agency or inactive,
    # the successors' areas (N1 reads its predecessor district's reports, the old office on
    # a merged commune included), an abolished agency's own area, and every report for admins.
    ag = world["agencies"]
    assert seen["no_agency"] == seen["anonymous"] == seen["inactive"] == set()
    assert seen["admin"] == set(Obligation.objects.values_list("pk", flat=True))
    old_office = Obligation.objects.get(agency__name="UBND xã Đăk Mar (cũ)").pk
    assert old_office in seen["planner"] and old_office in seen["leader"] and old_office in seen["dakha_old"]
    assert old_office not in seen["reporter"] and old_office not in seen["leader_lc"]
    assert set(Obligation.objects.filter(agency=ag["dakha"]).values_list("pk", flat=True)) <= seen["dakha_old"]
    assert seen["kontum_old"] and seen["kontum_old"] <= seen["leader"]


@pytest.mark.parametrize("model,rules", OTHERS, ids=lambda v: getattr(v, "__name__", None) or v.get("unit_field"))
def test_same_ids_for_other_models_and_paths(world, model, rules):
    for name, user in everybody(world).items():
        assert new_scope_ids(model, user, **rules) == former_scope_ids(model, user, **rules), (model.__name__, name)


def test_area_agencies_are_those_of_the_unit_join(world):
    """The area's agencies alone: exactly the agencies whose unit lies in the user's area."""
    for name, user in world["users"].items():
        by_index = set(Agency.objects.filter(pk__in=Agency.objects.filter(user_area_agencies_in(user, "pk"))).values_list("pk", flat=True))
        by_join = set(Agency.objects.filter(user_area_q(user, "unit")).values_list("pk", flat=True)) if user.agency_id else set()
        assert by_index == by_join, name


def test_which_unit_fields_are_an_agencys():
    assert _agency_of_unit_field(Obligation, "agency__unit") == "agency"
    assert _agency_of_unit_field(ReportingPeriod, "requirement__receiver__unit") == "requirement__receiver"
    assert _agency_of_unit_field(Organisation, "commune") is None
    assert _agency_of_unit_field(Agency, "unit") is None  # the model's own unit: the join is none
    assert _agency_of_unit_field(ReportingRequirement, "reporters__unit") is None  # many agencies: the join form
    assert _agency_of_unit_field(Obligation, "period__label") is None


def test_the_area_branch_reads_agencies_by_index_not_by_join(world):
    """The count of the report list's scope: its area branch selects the reports by their
    agency among the area's agencies (``ANY(ARRAY(…))`` on PostgreSQL, ``IN (SELECT …)``
    elsewhere), with no join of the agency and unit tables (the former plan joined and
    hashed every agency of the country)."""
    user = world["users"]["leader"]
    expected = len(former_scope_ids(Obligation, user, **REPORTS))
    with CaptureQueriesContext(connection) as ctx:
        assert selectors.obligations_visible_count(user) == expected
    (sql,) = [q["sql"] for q in ctx.captured_queries if "reports_obligation" in q["sql"]]
    area_branch = next(b for b in sql.split("UNION") if "LIKE" in b)
    assert "JOIN" not in area_branch and "directory_agency" in area_branch
    if connection.vendor == "postgresql":
        assert '"agency_id" = ANY(ARRAY(SELECT' in area_branch and '"unit_id" = ANY(ARRAY(SELECT' in area_branch
    else:
        assert '"agency_id" IN (SELECT' in area_branch and '"unit_id" IN (SELECT' in area_branch
