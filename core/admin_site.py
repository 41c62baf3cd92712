"""The Django admin is for superusers only (issue 12).

The admin's model pages are not scoped to an area: a staff account that is not a superuser
would read and change every province's plans, reports and keys there. Rather than scope each
``ModelAdmin.get_queryset``, the site itself refuses everyone but active superusers: other
staff get the admin's login page (with "not authorized" when already logged in) and no data.
Portal staff work in the portal's own pages, which are scoped. ``is_staff`` alone therefore
grants nothing but the staff details of ``/healthz``.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig


class CoopPlanAdminSite(admin.AdminSite):
    def has_permission(self, request):
        user = request.user
        return bool(user.is_active and user.is_staff and user.is_superuser)


class CoopPlanAdminConfig(AdminConfig):
    """Replaces ``django.contrib.admin`` in ``INSTALLED_APPS``: the same admin, our site."""

    default_site = "core.admin_site.CoopPlanAdminSite"
