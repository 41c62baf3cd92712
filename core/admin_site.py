"""The Django admin is for superusers only (issue 12).

The admin's model pages are not scoped to an area: a staff account that is not a superuser
would read and change every province's plans, reports and keys there. Rather than scope each
``ModelAdmin.get_queryset``, the site itself refuses everyone but active superusers: other
staff get the admin's login page (with "not authorized" when already logged in) and no data.
Portal staff work in the portal's own pages, which are scoped. ``is_staff`` alone therefore
grants nothing but the staff details of ``/healthz``.

Its forms speak like the portal's (``register`` wraps every model admin, issue 18).
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig


def _humane(admin_class):
    """A subclass of ``admin_class`` (a ModelAdmin or an inline) whose form, and whose inlines'
    forms, speak like the portal's forms (``core.forms.humanise``): "— Chọn cơ quan —" instead
    of Django's "---------", and the portal's messages for numbers and dates (issue 18:
    "---------" nowhere, the admin included). The class the app declared is left as it is."""
    from core.forms import HumaneFormMixin

    attrs = {"__module__": admin_class.__module__}
    form = admin_class.form
    if not issubclass(form, HumaneFormMixin):
        attrs["form"] = type(form.__name__, (HumaneFormMixin, form), {"__module__": form.__module__})
    if getattr(admin_class, "inlines", None):
        attrs["inlines"] = [_humane(inline) for inline in admin_class.inlines]
    return type(admin_class.__name__, (admin_class,), attrs)


class CoopPlanAdminSite(admin.AdminSite):
    def has_permission(self, request):
        user = request.user
        return bool(user.is_active and user.is_staff and user.is_superuser)

    def register(self, model_or_iterable, admin_class=None, **options):
        """Every model admin — ours and the third-party apps' (axes, celery beat) — and its
        inlines with the portal's form wording (``_humane``)."""
        return super().register(model_or_iterable, _humane(admin_class or admin.ModelAdmin), **options)


class CoopPlanAdminConfig(AdminConfig):
    """Replaces ``django.contrib.admin`` in ``INSTALLED_APPS``: the same admin, our site."""

    default_site = "core.admin_site.CoopPlanAdminSite"
