"""Admin of the reporting cycle. Approved reports are read-only here too ("locked means
locked"): no change, no delete, and their content rows cannot be edited inline."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Attachment,
    BudgetSpending,
    Notification,
    Obligation,
    ObligationStatus,
    ReminderLog,
    ReportedValue,
    ReportingPeriod,
    TaskProgress,
    ValidationThresholds,
)


def _locked(obj) -> bool:
    return obj is not None and obj.status == ObligationStatus.APPROVED


class LockedInlineMixin:
    extra = 0

    def has_add_permission(self, request, obj=None):
        return not _locked(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not _locked(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _locked(obj) and super().has_delete_permission(request, obj)


class ReportedValueInline(LockedInlineMixin, admin.TabularInline):
    model = ReportedValue
    raw_id_fields = ("target",)


class TaskProgressInline(LockedInlineMixin, admin.TabularInline):
    model = TaskProgress
    raw_id_fields = ("task",)


class BudgetSpendingInline(LockedInlineMixin, admin.TabularInline):
    model = BudgetSpending
    raw_id_fields = ("budget_line",)


class AttachmentInline(LockedInlineMixin, admin.TabularInline):
    model = Attachment
    fields = ("original_name", "size", "content_type", "uploaded_by", "created")
    readonly_fields = fields


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(admin.ModelAdmin):
    list_display = ("label", "requirement", "cutoff_start", "cutoff_end", "due_date")
    list_filter = ("requirement__frequency",)
    search_fields = ("label", "requirement__plan__title")
    raw_id_fields = ("requirement",)
    date_hierarchy = "due_date"


@admin.register(Obligation)
class ObligationAdmin(SimpleHistoryAdmin):
    list_display = ("period", "agency", "kind", "status", "version", "submitted_at", "reviewed_at")
    list_filter = ("status", "kind")
    search_fields = ("agency__name", "period__label")
    raw_id_fields = ("period", "agency", "submitted_by", "reviewed_by")
    readonly_fields = ("version", "status", "submitted_at", "submitted_by", "reviewed_at", "reviewed_by", "escalation_rounds")
    inlines = (ReportedValueInline, TaskProgressInline, BudgetSpendingInline, AttachmentInline)

    def has_change_permission(self, request, obj=None):
        return not _locked(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _locked(obj) and super().has_delete_permission(request, obj)


class ContentAdmin(admin.ModelAdmin):
    def has_change_permission(self, request, obj=None):
        return not (obj is not None and obj.obligation.is_locked) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not (obj is not None and obj.obligation.is_locked) and super().has_delete_permission(request, obj)


@admin.register(ReportedValue)
class ReportedValueAdmin(ContentAdmin):
    list_display = ("obligation", "target", "value")
    raw_id_fields = ("obligation", "target")


@admin.register(ReminderLog)
class ReminderLogAdmin(admin.ModelAdmin):
    list_display = ("obligation", "kind", "day", "sent_at")
    list_filter = ("kind",)
    raw_id_fields = ("obligation", "sent_by")

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("user", "title", "created", "read_at")
    raw_id_fields = ("user",)


@admin.register(ValidationThresholds)
class ValidationThresholdsAdmin(SimpleHistoryAdmin):
    """Thresholds of the validation rules (reports/validation.py): a default row and a row per
    plan; every change is in the history. Ranges are checked by the fields' validators (a
    Vietnamese message per field) and by a database constraint."""

    list_display = ("__str__", "jump_share", "registry_tolerance", "max_times_target", "modified")
    autocomplete_fields = ("plan",)
    search_fields = ("plan__title",)
