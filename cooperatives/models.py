"""The registry of collective organisations and the indicators computed over it.

``Organisation`` is any collective-economy body: HTX, liên hiệp HTX, tổ hợp tác, Hội quán
or a professional farmers' chapter. Each has one ``YearlyRecord`` per year with the
figures plans set targets on. ``Indicator`` rows name computations (implemented in
``cooperatives.indicators``, run as database aggregations) that plan targets can link to.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core import uploads
from core.models import TimeStampedModel


class OrganisationKind(models.TextChoices):
    COOPERATIVE = "htx", _("Cooperative (HTX)")
    UNION = "lhhtx", _("Union of cooperatives (LHHTX)")
    GROUP = "tht", _("Cooperative group (THT)")
    FARMERS_CLUB = "hoiquan", _("Farmers' club (Hội quán)")
    FARMERS_CHAPTER = "chihoi", _("Professional farmers' chapter")


class OrganisationStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    DISSOLVED = "dissolved", _("Dissolved")
    PLANNED = "planned", _("Being founded")


class Rating(models.TextChoices):
    GOOD = "tot", _("Good (tốt)")
    FAIR = "kha", _("Fair (khá)")
    AVERAGE = "tb", _("Average (trung bình)")
    WEAK = "yeu", _("Weak (yếu)")
    UNRATED = "none", _("Not rated")


class Sector(models.Model):
    """Lĩnh vực: agriculture, industry-construction, trade-services, transport, credit…"""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=100)
    is_agricultural = models.BooleanField(_("agricultural"), default=False)

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Organisation(TimeStampedModel):
    """Tổ chức kinh tế tập thể (HTX, LHHTX, THT, Hội quán, chi/tổ hội nghề nghiệp)."""

    kind = models.CharField(_("kind"), max_length=10, choices=OrganisationKind.choices, db_index=True)
    name = models.CharField(_("name"), max_length=255)
    registration_code = models.CharField(_("registration code"), max_length=30, blank=True)
    commune = models.ForeignKey(
        "directory.AdministrativeUnit",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    founded = models.DateField(_("founded"), null=True, blank=True)
    dissolved = models.DateField(_("dissolved"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=OrganisationStatus.choices, default=OrganisationStatus.ACTIVE, db_index=True
    )
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectors"), blank=True, related_name="organisations")
    is_agricultural = models.BooleanField(
        _("agricultural"), default=False, db_index=True, help_text=_("Kept in step with the sectors by the service.")
    )
    main_products = models.CharField(_("main products"), max_length=500, blank=True)
    founded_from = models.ForeignKey(
        "self",
        verbose_name=_("grew from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="grew_into",
        help_text=_("e.g. the Hội quán this HTX was founded from."),
    )
    supporting_agency = models.ForeignKey(
        "directory.Agency",
        verbose_name=_("supporting agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supported_organisations",
    )
    search_text = models.TextField(editable=False, default="")
    # Optimistic locking: every save through cooperatives.services (and the Excel import)
    # claims the next version; a stale edit form is refused (core.transitions.StaleEdit).
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)
    history = HistoricalRecords(m2m_fields=[sectors])

    class Meta:
        verbose_name = _("collective organisation")
        verbose_name_plural = _("collective organisations")
        ordering = ["name", "id"]
        indexes = [
            # With ``is_agricultural`` carried (PostgreSQL's INCLUDE): the drill-down counts the
            # organisations and the agricultural HTX of each commune from the index alone (the
            # whole country's 100,000 in one index-only read; issue 17).
            models.Index(fields=["commune", "kind", "status"], include=["is_agricultural"],
                         name="org_commune_kind_status_idx"),
            # The communes with an active agricultural HTX (registry coverage, drill-down): an
            # index-only read of ~23,000 entries at national scale instead of 100,000 rows.
            models.Index(
                fields=["commune"],
                condition=models.Q(kind="htx", is_agricultural=True, status="active"),
                name="org_agri_htx_commune_idx",
            ),
            # The list's default sort: a page of 50 reads 50 index entries instead of sorting
            # 100,000 names (issue 17).
            models.Index(fields=["name", "id"], name="org_name_id_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "registration_code"],
                condition=~Q(registration_code=""),
                name="org_kind_regcode_uniq",
                violation_error_message=_("Another organisation of this kind already has this registration code."),
            ),
            models.CheckConstraint(
                condition=Q(dissolved__isnull=True) | Q(founded__isnull=True) | Q(dissolved__gte=models.F("founded")),
                name="org_dissolved_after_founded",
                violation_error_message=_("An organisation cannot be dissolved before it was founded."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cooperatives:organisation_detail", args=[self.pk])

    def clean(self):
        if self.founded and self.dissolved and self.dissolved < self.founded:
            raise ValidationError(
                {
                    "dissolved": ValidationError(
                        _("An organisation cannot be dissolved before it was founded."), code="dissolved_before_founded"
                    )
                }
            )


class YearlyRecord(models.Model):
    """Số liệu năm: one year's figures of one organisation."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="records"
    )
    year = models.PositiveIntegerField(_("year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)])
    members = models.PositiveIntegerField(_("members"), null=True, blank=True)
    households = models.PositiveIntegerField(_("member households"), null=True, blank=True)
    workers = models.PositiveIntegerField(_("regular workers"), null=True, blank=True)
    managers = models.PositiveIntegerField(_("managers"), null=True, blank=True)
    managers_degree = models.PositiveIntegerField(_("managers with college/university degree"), null=True, blank=True)
    managers_trained = models.PositiveIntegerField(
        _("managers with elementary/intermediate training"), null=True, blank=True
    )
    revenue = models.DecimalField(_("revenue (VND)"), max_digits=18, decimal_places=0, null=True, blank=True)
    profit = models.DecimalField(_("profit (VND)"), max_digits=18, decimal_places=0, null=True, blank=True)
    avg_income = models.DecimalField(
        _("average member income (VND/person/year)"), max_digits=18, decimal_places=0, null=True, blank=True
    )
    charter_capital = models.DecimalField(
        _("charter capital (VND)"), max_digits=18, decimal_places=0, null=True, blank=True
    )
    rating = models.CharField(_("rating"), max_length=5, choices=Rating.choices, default=Rating.UNRATED, db_index=True)
    value_chain = models.BooleanField(_("value-chain link"), default=False)
    high_tech = models.BooleanField(_("applies high technology"), default=False)
    ocop_products = models.PositiveIntegerField(_("OCOP products"), default=0)
    growing_area_codes = models.PositiveIntegerField(_("growing-area codes"), default=0)
    traceability = models.BooleanField(_("traceability"), default=False)
    credit_access = models.BooleanField(_("access to credit"), default=False)
    tourism = models.BooleanField(_("rural tourism"), default=False)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("yearly record")
        verbose_name_plural = _("yearly records")
        ordering = ["organisation", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"],
                name="record_org_year_uniq",
                violation_error_message=_("This organisation already has a record for this year."),
            ),
        ]
        indexes = [models.Index(fields=["year", "rating"], name="record_year_rating_idx")]

    def __str__(self):
        return f"{self.organisation} – {self.year}"

    def clean(self):
        errors = {}
        if self.managers is not None:
            for field in ("managers_degree", "managers_trained"):
                value = getattr(self, field)
                if value is not None and value > self.managers:
                    errors[field] = ValidationError(_("Cannot exceed the number of managers."), code="exceeds_managers")
        for field in ("revenue", "avg_income", "charter_capital"):
            value = getattr(self, field)
            if value is not None and value < Decimal("0"):
                errors[field] = ValidationError(_("Cannot be negative."), code="negative")
        if errors:
            raise ValidationError(errors)


class Indicator(models.Model):
    """A named computation over the registry by unit and year (see ``indicators.py``)."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=255)
    unit = models.CharField(_("unit"), max_length=50)
    description = models.TextField(_("description"), blank=True)
    computation = models.CharField(_("computation"), max_length=50, help_text=_("Key of the computation in code."))
    params = models.JSONField(_("parameters"), default=dict, blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.unit})"


class ImportBatch(TimeStampedModel):
    """An uploaded registry workbook: checked, previewed, then confirmed (one transaction)."""

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded")
        CHECKING = "checking", _("Checking")
        CHECKED = "checked", _("Checked")
        INVALID = "invalid", _("Has errors")
        # Confirmed; the write waits for a worker (or for the broker to come back).
        QUEUED = "queued", _("Waiting to be processed")
        IMPORTING = "importing", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")

    # Private storage under a random name (never served: the import reads it from disk).
    file = models.FileField(
        _("file"), storage=uploads.get_private_storage, upload_to=uploads.RandomName("imports/registry")
    )
    original_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        "directory.User", verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.UPLOADED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    preview = models.JSONField(_("preview"), default=list, blank=True)
    message = models.TextField(_("message"), blank=True)

    class Meta:
        verbose_name = _("registry import")
        verbose_name_plural = _("registry imports")
        ordering = ["-created"]

    def __str__(self):
        return self.original_name

    @property
    def passed_check(self) -> bool:
        """The file was checked without errors (the preview the user confirmed is stored)."""
        return self.total_rows > 0 and (self.summary or {}).get("errors") == 0