"""Values every page needs: the navigation for the user's roles and unread notices."""

from django.conf import settings

from core.navigation import nav_for


def portal(request):
    user = getattr(request, "user", None)
    context = {"SITE_NAME": settings.SITE_NAME, "nav_items": [], "unread_notifications": 0}
    if user is not None and user.is_authenticated:
        context["nav_items"] = nav_for(user, request.path)
        from reports.models import Notification

        context["unread_notifications"] = Notification.objects.filter(user=user, read_at__isnull=True).count()
    return context
