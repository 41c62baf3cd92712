"""Top-level URLs. Each app owns its own ``urls.py`` under its namespace."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from core import views as core_views

admin.site.site_header = _("CoopPlan administration")
admin.site.site_title = _("CoopPlan")
admin.site.index_title = _("Administration")

urlpatterns = [
    path("", core_views.HomeView.as_view(), name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    # Browsers ask for /favicon.ico on their own (bookmarks, tabs of PDFs and downloads).
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("accounts/login/", core_views.PortalLoginView.as_view(), name="login"),
    path("accounts/logout/", core_views.PortalLogoutView.as_view(), name="logout"),
    path("accounts/password_change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password_change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("directory/", include("directory.urls")),
    path("plans/", include("plans.urls")),
    path("registry/", include("cooperatives.urls")),
    path("reports/", include("reports.urls")),
    path("documents/", include("documents.urls")),
    path("dashboards/", include("dashboards.urls")),
    path("plans/import/", include("planimport.urls")),
    path("lists/", include("core.urls")),
]
# No MEDIA_URL route, even with DEBUG: every uploaded or generated file is in private storage
# (core/uploads.py) and leaves only through a permission-checked download view.

handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
