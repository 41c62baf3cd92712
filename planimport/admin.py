from django.contrib import admin

from .models import ImportSession


@admin.register(ImportSession)
class ImportSessionAdmin(admin.ModelAdmin):
    """Read-only: sessions are written by the import page only."""

    list_display = ("id", "filename", "source", "created_by", "created", "plan")
    list_filter = ("source",)
    search_fields = ("filename", "created_by__username")
    readonly_fields = ("created_by", "filename", "source", "data", "plan", "confirmed_at", "created", "modified")

    def has_add_permission(self, request):
        return False
