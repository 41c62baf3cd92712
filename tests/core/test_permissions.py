"""core.permissions: deny by default, scoping by area or by assignment to the agency."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from django.views import View

from core.permissions import PlannerRequiredMixin, RoleRequiredMixin, require_role, scoped, user_area_q
from directory.models import AdministrativeUnit, Agency, Role, User
from tests.directory.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db


class PlannerView(PlannerRequiredMixin, View):
    def get(self, request):
        return HttpResponse("ok")


class AnyRoleView(RoleRequiredMixin, View):
    def get(self, request):
        return HttpResponse("ok")


def call(view, user):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/x/")
    request.user = user or AnonymousUser()
    return view.as_view()(request)


def test_anonymous_redirected_to_login():
    """Anonymous → login page with next."""
    response = call(AnyRoleView, None)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=/x/")


def test_wrong_role_is_403(reporter_a, planner, no_role_user, admin_user):
    """A reporter may not open a planner page; a user without roles opens nothing; admins everything."""
    with pytest.raises(PermissionDenied):
        call(PlannerView, reporter_a)
    with pytest.raises(PermissionDenied):
        call(AnyRoleView, no_role_user)
    assert call(PlannerView, planner).status_code == 200
    assert call(PlannerView, admin_user).status_code == 200


def test_inactive_user_has_no_role(planner):
    """A deactivated account loses its roles at once."""
    planner.is_active = False
    with pytest.raises(PermissionDenied):
        require_role(planner, Role.PLANNER)


def test_scoped_by_unit(reporter_a, planner, agency_a, agency_b, province_agency):
    """Rows are visible when their unit lies in the user's area."""
    qs = Agency.objects.all()
    assert set(scoped(qs, reporter_a, unit_field="unit")) == {agency_a}
    assert set(scoped(qs, planner, unit_field="unit")) == {agency_a, agency_b, province_agency}


def test_scoped_by_assignment(reporter_a, agency_a, agency_b):
    """A row outside the area is visible when it is assigned to the user's agency."""
    child = AgencyFactory(unit=agency_b.unit, parent=agency_a)
    qs = Agency.objects.all()
    assert child not in scoped(qs, reporter_a, unit_field="unit")
    assert child in scoped(qs, reporter_a, unit_field="unit", agency_fields=("parent",))
    # Without a unit field only the assignment counts.
    assert set(scoped(qs, reporter_a, agency_fields=("parent",))) == {child}


def test_deny_by_default(agency_a):
    """Anonymous, inactive and agency-less users see nothing; admins everything."""
    from django.contrib.auth.models import AnonymousUser

    qs = Agency.objects.all()
    assert not scoped(qs, AnonymousUser(), unit_field="unit").exists()
    inactive = UserFactory(agency=agency_a, is_planner=True, is_active=False)
    assert not scoped(qs, inactive, unit_field="unit").exists()
    lonely = UserFactory(agency=None, is_planner=True)
    assert not scoped(qs, lonely, unit_field="unit").exists()
    root = UserFactory(agency=None, is_superuser=True)
    assert scoped(qs, root, unit_field="unit").count() == qs.count()


def test_area_computed_once_per_user_object(reporter_a, django_assert_num_queries):
    """A page scoping several querysets walks the predecessor links only once."""
    user = User.objects.select_related("agency__unit").get(pk=reporter_a.pk)
    user_area_q(user, "unit")
    with django_assert_num_queries(0):
        user_area_q(user, "unit")
        scoped(AdministrativeUnit.objects.all(), user, unit_field="")
