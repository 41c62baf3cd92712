"""Admin for units, agencies and users: the portal operator's tools (Vietnamese labels come
from the models' translated verbose names and this app's catalogue)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import AdministrativeUnit, Agency, UnitSuccession, User
from .services import agency_refresh_search_text, unit_save


class ValidityFilter(admin.SimpleListFilter):
    """In force (no end date) or ended."""

    title = _("validity")
    parameter_name = "validity"

    def lookups(self, request, model_admin):
        return [("current", _("In force")), ("ended", _("Ended"))]

    def queryset(self, request, queryset):
        if self.value() == "current":
            return queryset.filter(valid_to__isnull=True)
        if self.value() == "ended":
            return queryset.filter(valid_to__isnull=False)
        return queryset


class RoleFilter(admin.SimpleListFilter):
    title = _("role")
    parameter_name = "role"

    def lookups(self, request, model_admin):
        return [("planner", _("Planner")), ("reporter", _("Reporter")), ("leader", _("Leader")), ("clerk", _("Clerk")), ("admin", _("Administrator"))]

    def queryset(self, request, queryset):
        flag = {"planner": "is_planner", "reporter": "is_reporter", "leader": "is_leader", "clerk": "is_clerk", "admin": "is_superuser"}.get(
            self.value()
        )
        return queryset.filter(**{flag: True}) if flag else queryset


class SuccessionInline(admin.TabularInline):
    model = UnitSuccession
    fk_name = "from_administrativeunit"
    autocomplete_fields = ("to_administrativeunit",)
    fields = ("to_administrativeunit", "rule", "is_default", "source")
    extra = 0
    verbose_name = _("succession link")
    verbose_name_plural = _("succession links")


@admin.register(AdministrativeUnit)
class AdministrativeUnitAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "level", "parent", "valid_from", "valid_to")
    list_filter = ("level", ValidityFilter, "kind")
    search_fields = ("code", "name")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent",)
    inlines = (SuccessionInline,)
    readonly_fields = ("path", "created", "modified")
    list_per_page = 50
    fieldsets = (
        (None, {"fields": ("code", "name", "kind", "level", "parent")}),
        (_("Validity"), {"fields": ("valid_from", "valid_to")}),
        (_("Technical"), {"classes": ("collapse",), "fields": ("path", "created", "modified")}),
    )

    def get_readonly_fields(self, request, obj=None):
        # Official codes identify units in plans, reports and imports: fixed once created.
        if obj is not None:
            return ("code", "level", *self.readonly_fields)
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        unit_save(unit=obj)

    def has_delete_permission(self, request, obj=None):
        # Units are never deleted: old plans and reports refer to them (set valid_to instead).
        return False


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "kind", "unit", "parent", "valid_to")
    list_filter = ("kind", "unit__level", ValidityFilter)
    search_fields = ("name", "short_name", "search_text")
    list_select_related = ("unit", "parent")
    autocomplete_fields = ("unit", "parent", "successor")
    readonly_fields = ("created", "modified")
    fieldsets = (
        (None, {"fields": ("name", "short_name", "kind", "unit", "parent", "email")}),
        (_("Documents"), {"fields": ("header_name", "place_name")}),
        (_("Validity"), {"fields": ("valid_from", "valid_to", "successor")}),
        (_("Reporting"), {"fields": ("allow_self_review",)}),
        (_("Technical"), {"classes": ("collapse",), "fields": ("created", "modified")}),
    )

    def get_readonly_fields(self, request, obj=None):
        # Separation of duties is waived by a superuser only, never by agency staff.
        fields = tuple(super().get_readonly_fields(request, obj))
        return fields if request.user.is_superuser else (*fields, "allow_self_review")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        agency_refresh_search_text(obj)

    def has_delete_permission(self, request, obj=None):
        # Agencies are never deleted either: plans and reports name them as issuer or reporter.
        return False


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "full_name", "agency", "is_planner", "is_reporter", "is_leader", "is_clerk", "is_superuser", "is_active")
    list_filter = (RoleFilter, "is_active", "agency__kind")
    search_fields = ("username", "full_name", "email", "agency__name")
    list_select_related = ("agency",)
    autocomplete_fields = ("agency",)
    ordering = ("username",)
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Person"), {"fields": ("full_name", "position", "email", "agency")}),
        (_("Roles"), {"fields": ("is_planner", "is_reporter", "is_leader", "is_clerk")}),
        (
            _("Administration"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "password1", "password2")}),
        (_("Person"), {"fields": ("full_name", "position", "email", "agency")}),
        (_("Roles"), {"fields": ("is_planner", "is_reporter", "is_leader", "is_clerk")}),
    )

