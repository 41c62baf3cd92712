"""The Django admin is for superusers only (core.admin_site, issue 12).

Its model pages are not scoped to an area, so a staff account that is not a superuser gets
the admin's login page and no data, on every admin URL, even with every model permission.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.urls import reverse

from core.admin_site import CoopPlanAdminSite
from tests.directory.factories import UserFactory
from tests.plans.factories import PlanFactory

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Kế hoạch chỉ quản trị viên được xem"


@pytest.fixture
def staff(agency_a):
    user = UserFactory(username="staff_not_root", agency=agency_a, is_staff=True, is_planner=True)
    user.user_permissions.set(Permission.objects.all())  # even with every permission
    return user


def _admin_urls():
    plan = PlanFactory(title=SECRET_TITLE)
    return [
        reverse("admin:index"),
        reverse("admin:plans_plan_changelist"),
        reverse("admin:plans_plan_change", args=[plan.pk]),
        reverse("admin:directory_user_changelist"),
        reverse("admin:documents_agencycertificate_changelist"),
        reverse("admin:app_list", args=["plans"]),
    ]


def test_the_default_site_is_ours():
    assert isinstance(admin.site._wrapped if hasattr(admin.site, "_wrapped") else admin.site, CoopPlanAdminSite)


def test_staff_who_are_not_superusers_get_the_login_page_and_no_data(client, staff):
    client.force_login(staff)
    for url in _admin_urls():
        response = client.get(url)
        assert response.status_code == 302 and reverse("admin:login") in response["Location"], url
        follow = client.get(url, follow=True)
        assert SECRET_TITLE not in follow.content.decode(), url
    # the admin's own login page says they are not authorised (Django's message), no data
    response = client.get(reverse("admin:login"))
    assert response.status_code == 200 and SECRET_TITLE not in response.content.decode()


def test_staff_cannot_change_anything_by_post(client, staff):
    plan = PlanFactory(title=SECRET_TITLE)
    client.force_login(staff)
    response = client.post(reverse("admin:plans_plan_delete", args=[plan.pk]), {"post": "yes"})
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]
    plan.refresh_from_db()


def test_superusers_use_the_admin(client, admin_user):
    client.force_login(admin_user)
    PlanFactory(title=SECRET_TITLE)
    assert client.get(reverse("admin:index")).status_code == 200
    assert SECRET_TITLE in client.get(reverse("admin:plans_plan_changelist")).content.decode()


def test_inactive_or_non_staff_superuser_flags_alone_do_not_open_it(client):
    """has_permission needs an active account with both flags."""
    site = CoopPlanAdminSite()

    class Req:
        pass

    for flags, expected in (
        ({"is_superuser": True, "is_staff": True, "is_active": True}, True),
        ({"is_superuser": False, "is_staff": True, "is_active": True}, False),
        ({"is_superuser": True, "is_staff": True, "is_active": False}, False),
        ({"is_superuser": True, "is_staff": False, "is_active": True}, False),
    ):
        req = Req()
        req.user = UserFactory.build(**flags)
        assert site.has_permission(req) is expected, flags


def test_service_written_rows_are_read_only_even_for_superusers(client, admin_user, rf):
    """The audit log, the e-mail outbox and the signed documents (core.admin.ReadOnlyAdminMixin):
    a superuser reads them and can add, change or delete none, by page or by POST."""
    from core.audit import audit
    from core.models import AuditLog, OutboxEmail
    from documents.models import SignedDocument

    request = rf.get("/")
    request.user = admin_user
    for model in (AuditLog, OutboxEmail, SignedDocument):
        model_admin = admin.site._registry[model]
        assert model_admin.has_view_permission(request), model
        assert not model_admin.has_add_permission(request), model
        assert not model_admin.has_change_permission(request) and not model_admin.has_delete_permission(request), model
    entry = audit(actor=admin_user, action="plan.issue", obj=admin_user, summary="Ban hành")
    client.force_login(admin_user)
    assert client.get(reverse("admin:core_auditlog_change", args=[entry.pk])).status_code == 200
    assert client.get(reverse("admin:core_auditlog_add")).status_code == 403
    assert client.post(reverse("admin:core_auditlog_delete", args=[entry.pk]), {"post": "yes"}).status_code == 403
    changed = client.post(reverse("admin:core_auditlog_change", args=[entry.pk]), {"summary": "Sửa tay", "action": "x"})
    assert changed.status_code == 403
    entry.refresh_from_db()
    assert (entry.summary, entry.action) == ("Ban hành", "plan.issue")
