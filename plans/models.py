"""Plans (kế hoạch): at once a legal document and a data model.

A ``Plan`` carries the document's header (issuer, number/symbol, place, date), title,
legal bases, ordered narrative sections, signer and recipients; and the data the portal
works with: targets with milestone years, tasks assigned to agencies, budget lines,
per-agency responsibilities and reporting requirements (from which the reports app
generates periods and obligations).

Status: draft → issued (number and date fixed; content frozen except through an explicit
amendment with a reason) → closed; a plan may be superseded by another. Writes go through
``plans.services``; history is kept by django-simple-history.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel
from core.text import labelled, shorten

YEAR_VALIDATORS = [MinValueValidator(1990), MaxValueValidator(2100)]


class PlanKind(models.TextChoices):
    ANNUAL = "annual", _("Annual plan")
    PHASE = "phase", _("Multi-year phase plan")
    EVENT = "event", _("Event plan")
    IMPLEMENTING = "implementing", _("Implementing plan")
    OTHER = "other", _("Other")


class PlanStatus(models.TextChoices):
    # "Draft" means "Dự thảo" for a plan and "Bản nháp" for a report: a context each (issue 18).
    DRAFT = "draft", pgettext_lazy("plan status", "Draft")
    ISSUED = "issued", _("Issued")
    CLOSED = "closed", _("Closed")
    SUPERSEDED = "superseded", _("Superseded")


class PlanQuerySet(models.QuerySet):
    def in_force(self):
        """Plans being implemented and reported on: issued ones, and drafts marked ``in_force``
        (documents the portal holds without their number and date, see docs/plans.md)."""
        return self.filter(in_force_q())


def in_force_q(prefix: str = "") -> Q:
    """Q for plans in force; ``prefix`` is the path to the plan, e.g. ``"requirement__plan"``."""
    p = f"{prefix}__" if prefix else ""
    return Q(**{f"{p}status": PlanStatus.ISSUED}) | Q(**{f"{p}status": PlanStatus.DRAFT, f"{p}in_force": True})


class Plan(TimeStampedModel):
    """Kế hoạch. Drafts may have no number, date or even issuer name (as seed documents).

    ``in_force`` marks a draft whose issued document the portal holds only as a copy with a
    blank number and date (seeds 001 and 002): it is implemented and reported on like an
    issued plan, while its number and date stay blank until someone records them by
    issuing it in the portal.
    """

    # --- document header
    issuer = models.ForeignKey(
        "directory.Agency", verbose_name=_("issuing agency"), on_delete=models.PROTECT, related_name="issued_plans"
    )
    issuer_text = models.CharField(
        _("issuer as written"),
        max_length=255,
        blank=True,
        help_text=_("The issuer's name as the document writes it, when it differs from the agency's name."),
    )
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    symbol = models.CharField(_("symbol"), max_length=40, blank=True, help_text=_("e.g. KH-UBND"))
    place = models.CharField(_("place"), max_length=100, blank=True)
    issue_date = models.DateField(_("issue date"), null=True, blank=True)
    document_year = models.PositiveIntegerField(
        _("document year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Year printed in the date line while the day and month are still blank."),
    )
    title = models.TextField(_("title (trích yếu)"))
    kind = models.CharField(_("kind"), max_length=20, choices=PlanKind.choices, default=PlanKind.ANNUAL)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    implements_plan = models.ForeignKey(
        "self",
        verbose_name=_("implements plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="implementing_plans",
    )
    implements_reference = models.TextField(
        _("implements (external document)"),
        blank=True,
        help_text=_("The plan or decision this plan implements when it is not in the portal."),
    )
    preamble = models.TextField(
        _("preamble"), blank=True, help_text=_("The sentence after the legal bases, e.g. '… xây dựng kế hoạch như sau:'.")
    )
    # --- signature block
    signer_authority = models.CharField(
        _("authority lines"),
        max_length=255,
        blank=True,
        help_text=_("One per line, e.g. 'TM. ỦY BAN NHÂN DÂN' then 'KT. CHỦ TỊCH'."),
    )
    signer_title = models.CharField(_("signer's title"), max_length=100, blank=True, help_text=_("e.g. PHÓ CHỦ TỊCH"))
    signer_name = models.CharField(_("signer's name"), max_length=100, blank=True)
    signer_user = models.ForeignKey(
        "directory.User",
        verbose_name=_("signing user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The leader who signs the electronic document."),
    )
    recipients = models.TextField(_("recipients (nơi nhận)"), blank=True, help_text=_("One per line."))
    # --- workflow
    status = models.CharField(
        _("status"), max_length=12, choices=PlanStatus.choices, default=PlanStatus.DRAFT, db_index=True
    )
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    superseded_by = models.ForeignKey(
        "self", verbose_name=_("superseded by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="supersedes"
    )
    cloned_from = models.ForeignKey(
        "self", verbose_name=_("cloned from"), null=True, blank=True, on_delete=models.SET_NULL, related_name="clones"
    )
    created_by = models.ForeignKey(
        "directory.User", verbose_name=_("created by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    in_force = models.BooleanField(
        _("in force without a recorded number"),
        default=False,
        help_text=_(
            "The plan is being implemented and reported on, but the portal holds a copy whose number and "
            "date are blank. Issue it once the number and date are known."
        ),
    )
    search_text = models.TextField(editable=False, default="")
    # Optimistic locking (as reports have): every save through plans.services claims the next
    # version; an edit form opened on an older one is refused (core.transitions.StaleEdit).
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)
    history = HistoricalRecords()

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-period_start", "-issue_date", "-id"]
        indexes = [
            models.Index(fields=["issuer", "status"], name="plan_issuer_status_idx"),
            models.Index(fields=["period_start", "period_end"], name="plan_period_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="plan_period_order",
                violation_error_message=_("The period must end on or after its start."),
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | (Q(number__isnull=False) & Q(issue_date__isnull=False)),
                name="plan_issued_has_number_and_date",
                violation_error_message=_("An issued plan needs a number and an issue date."),
            ),
        ]

    def __str__(self):
        return labelled(self.reference, self.title, 120)

    def get_absolute_url(self):
        return reverse("plans:plan_detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = ValidationError(
                _("The period must end on or after its start."), code="period_order"
            )
        if self.status != PlanStatus.DRAFT:
            if not self.number:
                errors["number"] = ValidationError(_("An issued plan needs a number."), code="number_required")
            if not self.issue_date:
                errors["issue_date"] = ValidationError(_("An issued plan needs an issue date."), code="date_required")
        if errors:
            raise ValidationError(errors)

    # --- cheap properties
    @property
    def is_draft(self) -> bool:
        return self.status == PlanStatus.DRAFT

    @property
    def is_frozen(self) -> bool:
        """Issued, closed and superseded plans change only through an amendment.

        (``plans.services`` also checks for an open amendment; see ``is_editable_now``.)"""
        return self.status != PlanStatus.DRAFT

    @property
    def is_in_force(self) -> bool:
        return self.status == PlanStatus.ISSUED or (self.status == PlanStatus.DRAFT and self.in_force)

    @property
    def reference(self) -> str:
        """"567/KH-LMHTX" or "…/KH-UBND" for a draft without a number."""
        number = f"{self.number:02d}" if self.number else "…"
        return f"{number}/{self.symbol}" if self.symbol else number

    @property
    def short_title(self) -> str:
        return shorten(self.title, 120)

    @property
    def start_year(self) -> int:
        return self.period_start.year

    @property
    def end_year(self) -> int:
        return self.period_end.year

    @property
    def issuer_display(self) -> str:
        return self.issuer_text or self.issuer.name

    @property
    def authority_lines(self) -> list[str]:
        return [line.strip() for line in self.signer_authority.splitlines() if line.strip()]

    @property
    def recipient_lines(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]


class LegalBasisKind(models.TextChoices):
    LAW = "law", _("Law")
    RESOLUTION = "resolution", _("Resolution")
    DECREE = "decree", _("Decree")
    DECISION = "decision", _("Decision")
    DIRECTIVE = "directive", _("Directive")
    CIRCULAR = "circular", _("Circular")
    PLAN = "plan", _("Plan")
    PROGRAMME = "programme", _("Programme")
    OFFICIAL_LETTER = "letter", _("Official letter")
    OTHER = "other", _("Other")


class LegalBasis(models.Model):
    """Căn cứ / Thực hiện: a document the plan rests on or implements."""

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="legal_bases")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    verb = models.CharField(
        _("introduced by"), max_length=20, default="Căn cứ", help_text=_("'Căn cứ' or 'Thực hiện' as in the document.")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=LegalBasisKind.choices, default=LegalBasisKind.DECISION)
    number = models.CharField(_("number and symbol"), max_length=60, blank=True, help_text=_("e.g. 1368/QĐ-UBND"))
    date = models.DateField(_("date"), null=True, blank=True)
    issuer = models.CharField(_("issued by"), max_length=255, blank=True)
    title = models.TextField(_("title"), blank=True)
    linked_plan = models.ForeignKey(
        Plan, verbose_name=_("plan in the portal"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")
        ordering = ["plan", "order", "id"]

    def __str__(self):
        return " ".join(p for p in (self.get_kind_display(), self.number) if p)


class SectionKind(models.TextChoices):
    PURPOSE = "purpose", _("Purpose and requirements")
    OBJECTIVES = "objectives", _("Objectives")
    SCOPE = "scope", _("Scope and subjects")
    CONTENT = "content", _("Content and schedule")
    TASKS = "tasks", _("Tasks and solutions")
    BUDGET = "budget", _("Budget")
    IMPLEMENTATION = "implementation", _("Implementation")
    REPORTING = "reporting", _("Reporting")
    CLOSING = "closing", _("Closing paragraph")
    OTHER = "other", _("Other")


class PlanSection(models.Model):
    """A narrative section in document order ("I. MỤC ĐÍCH, YÊU CẦU" and its text).

    ``body`` is plain text: paragraphs separated by blank lines or new lines; lines
    starting "- " are bullets, "1." / "a)" start numbered paragraphs. Documents render it.
    """

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    number = models.CharField(_("number"), max_length=10, blank=True, help_text=_("e.g. I, II, 1"))
    title = models.CharField(_("heading"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=SectionKind.choices, default=SectionKind.OTHER)
    body = models.TextField(_("text"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["plan", "order", "id"]

    def __str__(self):
        return f"{self.number}. {self.title}" if self.number else self.title


class Comparator(models.TextChoices):
    GTE = ">=", "≥"
    GT = ">", ">"
    EQ = "=", "="
    APPROX = "~", "≈"
    LTE = "<=", "≤"
    LT = "<", "<"
    RANGE = "range", _("range")


class TargetScope(models.TextChoices):
    AREA = "area", _("Whole area")
    PER_ORGANISATION = "per_org", _("Per organisation")
    PER_PERSON = "per_person", _("Per person")
    SHARE = "share", _("Share (%)")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class Aggregation(models.TextChoices):
    SUM = "sum", _("Sum")
    AVERAGE = "avg", _("Average")
    WEIGHTED_AVERAGE = "wavg", _("Weighted average")
    MIN = "min", _("Minimum")
    MAX = "max", _("Maximum")
    ANY = "any", _("Any (at least one)")


class PlanTarget(models.Model):
    """Chỉ tiêu: a numeric target with a comparator, unit and milestone year.

    One indicator may have several milestones in the same plan (seed 004: 2025 and 2030),
    each its own row sharing ``code``. ``indicator`` optionally links to a registry
    indicator whose computed value is shown beside the reported one.
    """

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="targets")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    code = models.CharField(
        _("code"), max_length=30, blank=True, help_text=_("Groups milestones of the same indicator, e.g. T1.")
    )
    description = models.TextField(_("description"))
    subject = models.CharField(_("subject"), max_length=255, blank=True, help_text=_("What is counted, e.g. HTX nông nghiệp."))
    indicator = models.ForeignKey(
        "cooperatives.Indicator",
        verbose_name=_("registry indicator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="targets",
    )
    unit = models.CharField(_("unit"), max_length=60, help_text=_("e.g. HTX, %, triệu đồng/HTX/năm"))
    comparator = models.CharField(_("comparator"), max_length=5, choices=Comparator.choices, default=Comparator.GTE)
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4)
    value_max = models.DecimalField(
        _("upper value"), max_digits=18, decimal_places=4, null=True, blank=True, help_text=_("For ranges only.")
    )
    baseline = models.DecimalField(_("baseline"), max_digits=18, decimal_places=4, null=True, blank=True)
    baseline_year = models.PositiveIntegerField(_("baseline year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    milestone_year = models.PositiveIntegerField(_("milestone year"), validators=YEAR_VALIDATORS)
    scope = models.CharField(_("scope"), max_length=12, choices=TargetScope.choices, default=TargetScope.AREA)
    direction = models.CharField(_("direction"), max_length=6, choices=Direction.choices, default=Direction.HIGHER)
    cumulative = models.BooleanField(
        _("cumulative"), default=True, help_text=_("Reported values are totals to date, not per-period increments.")
    )
    aggregation = models.CharField(
        _("how lower-level values combine"), max_length=5, choices=Aggregation.choices, default=Aggregation.SUM
    )
    source_text = models.TextField(_("source text"), blank=True, help_text=_("The sentence of the document it comes from."))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["plan", "milestone_year", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(comparator="range") | (Q(value_max__isnull=False) & Q(value_max__gte=models.F("value"))),
                name="target_range_bounds",
                violation_error_message=_("A range needs an upper value greater than or equal to the lower value."),
            ),
        ]

    def __str__(self):
        return f"{self.description} ({self.milestone_year})"

    def clean(self):
        errors = {}
        if self.comparator == Comparator.RANGE:
            if self.value_max is None:
                errors["value_max"] = ValidationError(_("A range needs an upper value."), code="range_upper_missing")
            elif self.value is not None and self.value_max < self.value:
                errors["value_max"] = ValidationError(
                    _("The upper value must be greater than or equal to the lower value."), code="range_order"
                )
        elif self.value_max is not None:
            errors["value_max"] = ValidationError(_("Only a range has an upper value."), code="upper_not_range")
        plan = getattr(self, "plan", None) if self.plan_id else None
        if plan and self.milestone_year and not (plan.start_year <= self.milestone_year <= plan.end_year):
            errors["milestone_year"] = ValidationError(
                _("The milestone year must lie inside the plan period (%(start)s–%(end)s)."),
                code="milestone_outside_period",
                params={"start": plan.start_year, "end": plan.end_year},
            )
        if self.baseline_year and self.milestone_year and self.baseline_year > self.milestone_year:
            errors["baseline_year"] = ValidationError(
                _("The baseline year cannot be after the milestone year."), code="baseline_after_milestone"
            )
        if errors:
            raise ValidationError(errors)

    @property
    def target_display(self) -> str:
        """"≥ 17", "01–05", "≈ 70" (numbers formatted by the template layer)."""
        return self.get_comparator_display()


class TimeframeKind(models.TextChoices):
    ONGOING = "ongoing", _("Ongoing (Thường xuyên)")
    YEARS = "years", _("Year range")
    DEADLINE = "deadline", _("Deadline")
    UNSPECIFIED = "none", _("Not specified")


class PlanTask(models.Model):
    """Nhiệm vụ, giải pháp: keeps the document's grouping and numbering."""

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="tasks")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    group = models.CharField(_("group"), max_length=255, blank=True, help_text=_("e.g. III. Nội dung, nhiệm vụ"))
    number = models.CharField(_("number"), max_length=20, blank=True, help_text=_("e.g. 1, IV.2"))
    title = models.CharField(_("title"), max_length=500, blank=True)
    text = models.TextField(_("text"), blank=True)
    lead_agency = models.ForeignKey(
        "directory.Agency",
        verbose_name=_("lead agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_tasks",
    )
    coordinating_agencies = models.ManyToManyField(
        "directory.Agency", verbose_name=_("coordinating agencies"), blank=True, related_name="coordinated_tasks"
    )
    agencies_text = models.TextField(
        _("implementing bodies as written"), blank=True, help_text=_("e.g. 'Phòng NN&PTNT, UBND các xã, thị trấn'")
    )
    timeframe_kind = models.CharField(
        _("time frame"), max_length=10, choices=TimeframeKind.choices, default=TimeframeKind.UNSPECIFIED
    )
    start_year = models.PositiveIntegerField(_("from year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    end_year = models.PositiveIntegerField(_("to year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    targets = models.ManyToManyField(PlanTarget, verbose_name=_("linked targets"), blank=True, related_name="tasks")
    history = HistoricalRecords(m2m_fields=[coordinating_agencies])

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["plan", "order", "id"]

    def __str__(self):
        label = self.title or shorten(self.text, 80)
        return f"{self.number}. {label}" if self.number else label

    def clean(self):
        errors = {}
        if self.timeframe_kind == TimeframeKind.YEARS:
            if not self.start_year or not self.end_year:
                errors["start_year"] = ValidationError(_("A year range needs both years."), code="years_missing")
            elif self.end_year < self.start_year:
                errors["end_year"] = ValidationError(
                    _("The end year cannot be before the start year."), code="years_order"
                )
        if self.timeframe_kind == TimeframeKind.DEADLINE and not self.deadline:
            errors["deadline"] = ValidationError(_("Enter the deadline."), code="deadline_missing")
        if errors:
            raise ValidationError(errors)

    @property
    def timeframe_display(self) -> str:
        if self.timeframe_kind == TimeframeKind.ONGOING:
            return "Thường xuyên"
        if self.timeframe_kind == TimeframeKind.YEARS and self.start_year:
            return f"{self.start_year} - {self.end_year}" if self.end_year != self.start_year else str(self.start_year)
        if self.timeframe_kind == TimeframeKind.DEADLINE and self.deadline:
            return self.deadline.strftime("%d/%m/%Y")
        return ""


class BudgetSource(models.TextChoices):
    CENTRAL = "central", _("Central budget")
    PROVINCIAL = "provincial", _("Provincial budget")
    DISTRICT = "district", _("District budget")
    COMMUNE = "commune", _("Commune budget")
    INTEGRATED = "integrated", _("Integrated from other programmes")
    SOCIALISED = "socialised", _("Mobilised / other lawful sources")
    OTHER = "other", _("Other")


class BudgetLine(models.Model):
    """Kinh phí. Amount in VND (Decimal); integrated ("lồng ghép") lines may have none."""

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="budget_lines")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    description = models.CharField(_("description"), max_length=500, blank=True)
    amount = models.DecimalField(
        _("amount (VND)"),
        max_digits=18,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    source = models.CharField(_("source"), max_length=12, choices=BudgetSource.choices, default=BudgetSource.PROVINCIAL)
    source_text = models.TextField(_("source as written"), blank=True)
    legal_basis = models.TextField(_("legal basis"), blank=True)
    year = models.PositiveIntegerField(_("year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    task = models.ForeignKey(
        PlanTask, verbose_name=_("task"), null=True, blank=True, on_delete=models.SET_NULL, related_name="budget_lines"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["plan", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="budget_amount_non_negative",
                violation_error_message=_("The amount cannot be negative."),
            ),
        ]

    def __str__(self):
        return self.description or self.get_source_display()


class Responsibility(models.Model):
    """Tổ chức thực hiện: the duties the plan gives one agency."""

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="responsibilities")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    agency = models.ForeignKey(
        "directory.Agency",
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="responsibilities",
    )
    agency_text = models.CharField(_("agency as written"), max_length=500, blank=True)
    text = models.TextField(_("duties"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")
        ordering = ["plan", "order", "id"]

    def __str__(self):
        return self.agency_text or str(self.agency or "")


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    HALF_YEAR = "half_year", _("6 months (first half)")
    NINE_MONTHS = "nine_months", _("9 months")
    ANNUAL = "annual", _("Annual")
    ONCE = "once", _("One-off")


class DueRule(models.TextChoices):
    DAY_OF_LAST_MONTH = "day_of_last_month", _("Day N of the period's last month")
    DAY_MONTH = "day_month", _("Fixed day and month each year")
    FIXED_DATE = "fixed_date", _("Fixed date")
    DAYS_AFTER_END = "days_after_end", _("N days after the period ends")


class CutoffRule(models.TextChoices):
    DECREE_09 = "decree09", _("Decree 09/2019 windows (15th of the month before → 14th)")
    PERIOD = "period", _("Calendar period")
    DUE_DATE = "due", _("Up to the deadline")


class ReportingRequirement(models.Model):
    """Chế độ báo cáo: who reports what to whom, how often and by when.

    ``consolidates`` links a requirement to the one whose approved submissions its
    reporter consolidates (seed 002: units → Phòng TC-KH by 05/12, then Phòng TC-KH →
    UBND huyện by 10/12).
    """

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="reporting_requirements")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=255, blank=True)
    reporters = models.ManyToManyField(
        "directory.Agency", verbose_name=_("reporting agencies"), related_name="reporting_requirements"
    )
    reporters_text = models.CharField(_("reporters as written"), max_length=500, blank=True)
    receiver = models.ForeignKey(
        "directory.Agency",
        verbose_name=_("receiving agency"),
        on_delete=models.PROTECT,
        related_name="received_requirements",
    )
    frequency = models.CharField(_("frequency"), max_length=12, choices=Frequency.choices)
    due_rule = models.CharField(_("deadline rule"), max_length=20, choices=DueRule.choices)
    due_day = models.PositiveSmallIntegerField(
        _("day"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    due_month = models.PositiveSmallIntegerField(
        _("month"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    due_date = models.DateField(_("fixed date"), null=True, blank=True)
    due_text = models.CharField(_("deadline as written"), max_length=255, blank=True)
    cutoff_rule = models.CharField(
        _("data cut-off"), max_length=10, choices=CutoffRule.choices, default=CutoffRule.DECREE_09
    )
    early_submission_days = models.PositiveSmallIntegerField(
        _("early submission (days)"),
        default=0,
        validators=[MaxValueValidator(366)],
        help_text=_(
            "Reports may be submitted and approved from the data cut-off on; allow them this many days "
            "earlier (0: from the cut-off)."
        ),
    )
    reminder_offsets = models.CharField(
        _("reminder days before deadline"), max_length=50, default="7,3,1", help_text=_("Comma-separated, e.g. 7,3,1")
    )
    consolidates = models.ForeignKey(
        "self",
        verbose_name=_("consolidates"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consolidated_by",
    )
    active = models.BooleanField(pgettext_lazy("reporting requirement", "active"), default=True)
    history = HistoricalRecords(m2m_fields=[reporters])

    class Meta:
        verbose_name = _("reporting requirement")
        verbose_name_plural = _("reporting requirements")
        ordering = ["plan", "order", "id"]

    def __str__(self):
        return self.name or f"{self.get_frequency_display()} → {self.receiver}"

    def clean(self):
        errors = {}
        if self.due_rule in (DueRule.DAY_OF_LAST_MONTH, DueRule.DAYS_AFTER_END) and not self.due_day:
            errors["due_day"] = ValidationError(_("This deadline rule needs a day."), code="due_day_missing")
        if self.due_rule == DueRule.DAY_MONTH and (not self.due_day or not self.due_month):
            errors["due_month"] = ValidationError(
                _("This deadline rule needs a day and a month."), code="due_day_month_missing"
            )
        if self.due_rule == DueRule.DAY_MONTH and self.due_day and self.due_month:
            import calendar

            if self.due_day > calendar.monthrange(2024, self.due_month)[1]:
                errors["due_day"] = ValidationError(_("This day does not exist in that month."), code="due_day_invalid")
        if self.due_rule == DueRule.FIXED_DATE and not self.due_date:
            errors["due_date"] = ValidationError(_("This deadline rule needs a date."), code="due_date_missing")
        if self.frequency == Frequency.ONCE and self.due_rule not in (DueRule.FIXED_DATE, DueRule.DAYS_AFTER_END, ""):
            errors["due_rule"] = ValidationError(
                _("A one-off report needs a fixed date."), code="once_needs_date"
            )
        try:
            _offsets = self.reminder_offset_list  # noqa: F841 - parsing is the check
        except ValueError:
            errors["reminder_offsets"] = ValidationError(
                _("Enter whole numbers of days separated by commas, e.g. 7,3,1."), code="offsets_invalid"
            )
        if errors:
            raise ValidationError(errors)

    @property
    def due_display(self) -> str:
        """The deadline rule in words ("ngày 25 tháng cuối kỳ", "ngày 15/6 hằng năm", "05/12/2024")."""
        if self.due_rule == DueRule.DAY_OF_LAST_MONTH and self.due_day:
            return _("day %(day)s of the period's last month") % {"day": self.due_day}
        if self.due_rule == DueRule.DAY_MONTH and self.due_day and self.due_month:
            return _("%(day)02d/%(month)02d every year") % {"day": self.due_day, "month": self.due_month}
        if self.due_rule == DueRule.FIXED_DATE and self.due_date:
            return self.due_date.strftime("%d/%m/%Y")
        if self.due_rule == DueRule.DAYS_AFTER_END and self.due_day:
            return _("%(days)s days after the period ends") % {"days": self.due_day}
        return self.due_text

    @property
    def reminder_offset_list(self) -> list[int]:
        values = [int(p) for p in self.reminder_offsets.replace(" ", "").split(",") if p]
        if any(v < 0 or v > 90 for v in values):
            raise ValueError("offset out of range")
        return sorted(set(values), reverse=True)


class PlanAmendment(models.Model):
    """An explicit change to an issued plan, with its reason (kept with the history)."""

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="amendments")
    at = models.DateTimeField(_("time"), auto_now_add=True)
    by = models.ForeignKey(
        "directory.User", verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reason"))
    open = models.BooleanField(_("open"), default=True, help_text=_("While open, the issued plan may be edited."))

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.plan.reference} {self.at:%d/%m/%Y}"
