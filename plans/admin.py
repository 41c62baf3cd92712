"""Admin for plans: for the portal operator to look up and fix data. Changes made here keep
the search text up to date, and frozen plans (issued, closed, superseded without an open
amendment) are read-only here too; the workflow itself runs through the plan pages."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    BudgetLine,
    LegalBasis,
    Plan,
    PlanAmendment,
    PlanSection,
    PlanTarget,
    PlanTask,
    ReportingRequirement,
    Responsibility,
)
from .services import plan_is_editable, plan_search_text


class _Inline(admin.StackedInline):
    extra = 0
    fk_name = "plan"
    show_change_link = False

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or plan_is_editable(obj))

    has_add_permission = has_change_permission

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or plan_is_editable(obj))


class LegalBasisInline(_Inline):
    model = LegalBasis


class PlanSectionInline(_Inline):
    model = PlanSection


class PlanTargetInline(_Inline):
    model = PlanTarget
    autocomplete_fields = ()


class PlanTaskInline(_Inline):
    model = PlanTask
    filter_horizontal = ("coordinating_agencies",)
    exclude = ("targets",)
    raw_id_fields = ("lead_agency",)


class BudgetLineInline(_Inline):
    model = BudgetLine
    exclude = ("task",)


class ResponsibilityInline(_Inline):
    model = Responsibility
    raw_id_fields = ("agency",)


class ReportingRequirementInline(_Inline):
    model = ReportingRequirement
    filter_horizontal = ("reporters",)
    raw_id_fields = ("receiver",)
    exclude = ("consolidates",)


class PlanAmendmentInline(admin.TabularInline):
    model = PlanAmendment
    extra = 0
    readonly_fields = ("at", "by", "reason", "open")
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ("reference", "short_title", "issuer", "kind", "status", "in_force", "period_start", "period_end")
    list_filter = ("status", "kind", "in_force")
    search_fields = ("search_text", "title")
    raw_id_fields = ("issuer", "implements_plan", "superseded_by", "cloned_from", "signer_user", "created_by")
    readonly_fields = ("status", "issued_at", "closed_at", "superseded_by", "cloned_from", "created_by", "search_text")
    inlines = [
        LegalBasisInline,
        PlanSectionInline,
        PlanTargetInline,
        PlanTaskInline,
        BudgetLineInline,
        ResponsibilityInline,
        ReportingRequirementInline,
        PlanAmendmentInline,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("issuer")

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or plan_is_editable(obj))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or obj.is_draft)

    def save_model(self, request, obj, form, change):
        obj.search_text = plan_search_text(obj)
        super().save_model(request, obj, form, change)
