"""Home page, login, health check and error pages."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import LoginView, LogoutView
from django.db import connection
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from core.navigation import home_panels

logger = logging.getLogger(__name__)


class PortalLoginView(LoginView):
    redirect_authenticated_user = True


class PortalLogoutView(LogoutView):
    """Log out (POST only, as Django requires) and say so on the login page it leads to."""

    def post(self, request, *args, **kwargs):
        was_logged_in = request.user.is_authenticated
        response = super().post(request, *args, **kwargs)
        if was_logged_in:
            messages.info(request, _("You have logged out."))
        return response


class HomeView(LoginRequiredMixin, TemplateView):
    """The landing page: panels contributed by each app for the user's roles."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["panels"] = home_panels(self.request)
        return context


def _database_ok() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return True, connection.vendor
    except Exception as exc:  # noqa: BLE001 - any failure means unhealthy
        logger.warning("healthz: database check failed: %s", exc)
        return False, type(exc).__name__


def _broker_ok() -> tuple[bool, str]:
    if settings.CELERY_TASK_ALWAYS_EAGER or not settings.REDIS_URL:
        return True, "eager"
    try:
        import redis

        client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2)
        client.ping()
        return True, "redis"
    except Exception as exc:  # noqa: BLE001
        logger.warning("healthz: broker check failed: %s", exc)
        return False, type(exc).__name__


@never_cache
def healthz(request):
    """JSON with the state of the database and the broker; 200 when healthy, else 503.

    Anonymous callers (load balancers, the container healthcheck) get only ok/error: the
    details name database and broker software and exception classes, which only staff see."""
    db_ok, db_detail = _database_ok()
    broker_ok, broker_detail = _broker_ok()
    healthy = db_ok and broker_ok
    user = getattr(request, "user", None)
    details = bool(user is not None and user.is_authenticated and user.is_staff)
    payload = {
        "status": "ok" if healthy else "error",
        "database": {"ok": db_ok, **({"detail": db_detail} if details else {})},
        "broker": {"ok": broker_ok, **({"detail": broker_detail} if details else {})},
    }
    return JsonResponse(payload, status=200 if healthy else 503)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


def favicon(request):
    """/favicon.ico, which browsers ask for on their own: the static SVG icon (resolved per
    request, so a missing manifest entry can never break the URL configuration)."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
