from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ImportBatch, Indicator, Organisation, Sector, YearlyRecord


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "is_agricultural")


class YearlyRecordInline(admin.TabularInline):
    model = YearlyRecord
    extra = 0
    fields = ("year", "members", "workers", "revenue", "profit", "rating")


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    """Read-mostly: writes belong in the portal's pages (services keep search and flags right)."""

    list_display = ("name", "kind", "registration_code", "commune", "status", "is_agricultural")
    list_filter = ("kind", "status", "is_agricultural")
    search_fields = ("name", "registration_code", "search_text")
    raw_id_fields = ("commune", "founded_from", "supporting_agency")
    inlines = [YearlyRecordInline]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "unit", "computation")
    search_fields = ("code", "name")


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ("original_name", "uploaded_by", "status", "total_rows", "created")
    list_filter = ("status",)
    readonly_fields = ("sha256", "summary", "errors", "message", "progress", "total_rows")
    exclude = ("preview",)
