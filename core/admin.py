"""The audit log and the e-mail outbox, read-only: rows are written by services, never by hand."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import outbox
from .models import AuditLog, OutboxEmail


class ReadOnlyAdminMixin:
    """An admin that shows rows and never adds, changes or deletes one (they are written by
    services: the audit log, the outbox, signed documents), whoever asks, superusers included."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditLog)
class AuditLogAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("at", "actor", "action", "object_type", "object_id", "summary")
    list_filter = ("action", "object_type")
    search_fields = ("summary", "object_id", "actor__username")
    list_select_related = ("actor",)
    date_hierarchy = "at"


@admin.register(OutboxEmail)
class OutboxEmailAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """E-mails waiting, sent or failed (core.outbox); failed ones can be given a new round."""

    list_display = ("created", "subject", "recipients", "status", "attempts", "sent_at", "last_error")
    list_filter = ("status",)
    search_fields = ("subject", "to", "cc")
    date_hierarchy = "created"
    actions = ["send_again"]

    @admin.display(description=_("recipients"))
    def recipients(self, obj):
        return ", ".join([*obj.to, *obj.cc])

    @admin.action(description=_("Send the selected failed e-mails again"), permissions=["view"])
    def send_again(self, request, queryset):
        count = outbox.retry(queryset.values_list("pk", flat=True))
        self.message_user(
            request,
            ngettext("%(count)d e-mail will be sent again.", "%(count)d e-mails will be sent again.", count)
            % {"count": count},
            messages.SUCCESS,
        )
