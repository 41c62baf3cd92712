"""The reporting cycle: periods, obligations (submissions) and their content.

From each ``ReportingRequirement`` of an issued plan the portal generates
``ReportingPeriod`` rows (label, data cut-off, deadline) and one ``Obligation`` per
reporting agency and period. The obligation is the submission itself: its status goes
not started → draft → submitted → (returned → submitted …) → approved (locked), and it
holds the reported values, task progress, budget spending, narratives and attachments.

A consolidation is an obligation of kind ``consolidation`` belonging to the receiving
agency; its values are combined from the approved submissions of the same period.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core import uploads
from core.models import TimeStampedModel


class ReportingPeriod(models.Model):
    """Kỳ báo cáo: "Quý III/2024", "6 tháng đầu năm 2024", "Năm 2024", or a one-off."""

    requirement = models.ForeignKey(
        "plans.ReportingRequirement", verbose_name=_("requirement"), on_delete=models.CASCADE, related_name="periods"
    )
    label = models.CharField(_("label"), max_length=100)
    start = models.DateField(_("period start"))
    end = models.DateField(_("period end"))
    cutoff_start = models.DateField(_("data from"))
    cutoff_end = models.DateField(_("data to"))
    due_date = models.DateField(_("deadline"), db_index=True)

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["due_date", "id"]
        # The report list's period filter reads the labels through it (issue 17).
        indexes = [models.Index(fields=["label", "start"], name="period_label_start_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["requirement", "start", "end"],
                name="period_requirement_span_uniq",
                violation_error_message=_("This period already exists for this requirement."),
            ),
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")) & Q(cutoff_end__gte=models.F("cutoff_start")),
                name="period_bounds_order",
                violation_error_message=_("A period must end on or after its start."),
            ),
        ]

    def __str__(self):
        return self.label


class ObligationStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    DRAFT = "draft", pgettext_lazy("report status", "Draft")  # "Bản nháp", not the plan's "Dự thảo" (issue 18)
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    APPROVED = "approved", _("Approved")


class ObligationKind(models.TextChoices):
    SUBMISSION = "submission", _("Submission")
    CONSOLIDATION = "consolidation", _("Consolidated report")


class Obligation(TimeStampedModel):
    """One agency's report for one period: the obligation and the submission in one row.

    ``version`` implements optimistic locking: every save through the services checks
    the version the editor loaded and increments it.
    """

    period = models.ForeignKey(ReportingPeriod, verbose_name=_("period"), on_delete=models.CASCADE, related_name="obligations")
    agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("reporting agency"), on_delete=models.PROTECT, related_name="obligations"
    )
    kind = models.CharField(_("kind"), max_length=14, choices=ObligationKind.choices, default=ObligationKind.SUBMISSION)
    status = models.CharField(
        _("status"), max_length=12, choices=ObligationStatus.choices, default=ObligationStatus.NOT_STARTED, db_index=True
    )
    version = models.PositiveIntegerField(_("version"), default=0)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        "directory.User", verbose_name=_("submitted by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        "directory.User", verbose_name=_("reviewed by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    return_reason = models.TextField(_("reason for return"), blank=True)
    return_fields = models.JSONField(_("fields concerned"), default=list, blank=True)
    results = models.TextField(_("results"), blank=True)
    difficulties = models.TextField(_("difficulties and shortcomings"), blank=True)
    proposals = models.TextField(_("proposals"), blank=True)
    number = models.PositiveIntegerField(_("document number"), null=True, blank=True)
    symbol = models.CharField(_("document symbol"), max_length=40, blank=True, help_text=_("e.g. BC-UBND"))
    signer_authority = models.CharField(_("authority lines"), max_length=255, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=100, blank=True)
    signer_name = models.CharField(_("signer's name"), max_length=100, blank=True)
    escalation_rounds = models.PositiveSmallIntegerField(_("escalation rounds"), default=0)
    # The flagged values, their flags (rule, code, threshold, parameters, message) and
    # explanations as they stood when the report was submitted (reports/validation.py,
    # ``snapshot``); None for a report never submitted since they are stored.
    submitted_flags = models.JSONField(_("flags at submission"), null=True, blank=True, default=None)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["period__due_date", "agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "agency", "kind"],
                name="obligation_period_agency_kind_uniq",
                violation_error_message=_("This agency already has a report for this period."),
            ),
        ]
        indexes = [models.Index(fields=["agency", "status"], name="obligation_agency_status_idx")]

    def __str__(self):
        return f"{self.period.label} – {self.agency}"

    def get_absolute_url(self):
        return reverse("reports:obligation_detail", args=[self.pk])

    @property
    def is_locked(self) -> bool:
        return self.status == ObligationStatus.APPROVED

    @property
    def is_late(self) -> bool:
        """Submitted after the deadline (compared in the portal's time zone)."""
        if not self.submitted_at:
            return False
        from django.utils import timezone

        return timezone.localtime(self.submitted_at).date() > self.period.due_date


class LockedMixin:
    """Content rows of an approved obligation refuse to save or delete (any write path)."""

    def _check_unlocked(self):
        if self.obligation_id and Obligation.objects.filter(pk=self.obligation_id, status=ObligationStatus.APPROVED).exists():
            raise ValidationError(_("This report is approved and locked."), code="locked")

    def save(self, *args, **kwargs):
        self._check_unlocked()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._check_unlocked()
        return super().delete(*args, **kwargs)


class ReportedValue(LockedMixin, models.Model):
    """The value achieved for one target, cumulative to the period's cut-off."""

    obligation = models.ForeignKey(Obligation, verbose_name=_("report"), on_delete=models.CASCADE, related_name="values")
    # RESTRICT: a target that reports answered is not deleted behind their back (only with
    # its whole plan, see plans.services.plan_delete, which refuses plans with reports).
    target = models.ForeignKey("plans.PlanTarget", verbose_name=_("target"), on_delete=models.RESTRICT, related_name="reported_values")
    value = models.DecimalField(_("achieved"), max_digits=18, decimal_places=4, null=True, blank=True)
    weight = models.DecimalField(
        _("weight"), max_digits=18, decimal_places=4, null=True, blank=True, help_text=_("For weighted averages.")
    )
    note = models.TextField(_("note"), blank=True)
    # Why a value flagged by a validation rule (reports/validation.py) is right; needed to submit.
    explanation = models.TextField(_("explanation of the flagged value"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reported value")
        verbose_name_plural = _("reported values")
        constraints = [
            models.UniqueConstraint(
                fields=["obligation", "target"],
                name="value_obligation_target_uniq",
                violation_error_message=_("This target already has a value in this report."),
            ),
        ]
        indexes = [models.Index(fields=["target", "obligation"], name="value_target_obligation_idx")]

    def __str__(self):
        return f"{self.target_id}: {self.value}"


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    ONGOING = "ongoing", _("Ongoing")
    DELAYED = "delayed", _("Delayed")


class TaskProgress(LockedMixin, models.Model):
    obligation = models.ForeignKey(Obligation, verbose_name=_("report"), on_delete=models.CASCADE, related_name="task_progress")
    task = models.ForeignKey("plans.PlanTask", verbose_name=_("task"), on_delete=models.RESTRICT, related_name="progress")
    status = models.CharField(_("status"), max_length=12, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED)
    account = models.TextField(_("account"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("task progress")
        verbose_name_plural = _("task progress")
        constraints = [
            models.UniqueConstraint(
                fields=["obligation", "task"],
                name="progress_obligation_task_uniq",
                violation_error_message=_("This task already has a progress entry in this report."),
            ),
        ]

    def __str__(self):
        return f"{self.task_id}: {self.status}"


class BudgetSpending(LockedMixin, models.Model):
    obligation = models.ForeignKey(Obligation, verbose_name=_("report"), on_delete=models.CASCADE, related_name="spending")
    budget_line = models.ForeignKey(
        "plans.BudgetLine", verbose_name=_("budget line"), on_delete=models.RESTRICT, related_name="spending"
    )
    amount = models.DecimalField(_("spent (VND)"), max_digits=18, decimal_places=0, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("budget spending")
        verbose_name_plural = _("budget spending")
        constraints = [
            models.UniqueConstraint(
                fields=["obligation", "budget_line"],
                name="spending_obligation_line_uniq",
                violation_error_message=_("This budget line already has an amount in this report."),
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="spending_amount_non_negative",
                violation_error_message=_("The amount cannot be negative."),
            ),
        ]

    def __str__(self):
        return f"{self.budget_line_id}: {self.amount}"


class Attachment(LockedMixin, TimeStampedModel):
    obligation = models.ForeignKey(Obligation, verbose_name=_("report"), on_delete=models.CASCADE, related_name="attachments")
    # Private storage under a random name; served only by AttachmentDownloadView (scoped).
    file = models.FileField(_("file"), storage=uploads.get_private_storage, upload_to=uploads.RandomName("attachments"))
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"))
    content_type = models.CharField(_("type"), max_length=100)
    uploaded_by = models.ForeignKey("directory.User", verbose_name=_("uploaded by"), null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created"]

    def __str__(self):
        return self.original_name


class ExcelUpload(TimeStampedModel):
    """A filled offline form (``reports/excel.py``) uploaded for a report: stored, read by a
    Celery task in a limited child process (never in the request, issue 12), previewed, then
    applied as a draft save (optimistic locking on the version the form was downloaded at)."""

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Waiting to be read")
        READING = "reading", _("Reading")
        READ = "read", _("Read")
        FAILED = "failed", _("Could not be read")
        APPLIED = "applied", _("Saved")

    obligation = models.ForeignKey(Obligation, verbose_name=_("report"), on_delete=models.CASCADE, related_name="excel_uploads")
    uploaded_by = models.ForeignKey("directory.User", verbose_name=_("uploaded by"), on_delete=models.CASCADE, related_name="+")
    # Private storage under a random name; never served (the task reads it from disk).
    file = models.FileField(_("file"), storage=uploads.get_private_storage, upload_to=uploads.RandomName("imports/report-forms"), max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.UPLOADED)
    message = models.TextField(_("message"), blank=True)
    # What the form holds (``excel.data_to_json``), the version it was downloaded at, its problems.
    data = models.JSONField(_("values read"), default=dict, blank=True)
    version = models.PositiveIntegerField(_("version"), null=True, blank=True)
    problems = models.JSONField(_("problems"), default=list, blank=True)

    class Meta:
        verbose_name = _("Excel form upload")
        verbose_name_plural = _("Excel form uploads")
        ordering = ["-created", "-id"]

    def __str__(self):
        return self.original_name

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.UPLOADED, self.Status.READING)

    @property
    def can_apply(self) -> bool:
        return self.status == self.Status.READ and not self.problems


class NotificationAsk(models.TextChoices):
    """What a notification asks its reader to do; it resolves itself once that is done."""

    NOTHING = "", _("Nothing (for information)")
    REVIEW = "review", _("Review the report")
    SUBMIT = "submit", _("Submit the report")


class Notification(models.Model):
    """An in-portal message (the notification centre shows unread ones with a count).

    A notification that asks for something (``asks``) about a report (``obligation``) is
    resolved — and counts as read — when that is done (reports/notifications.py)."""

    user = models.ForeignKey("directory.User", verbose_name=_("user"), on_delete=models.CASCADE, related_name="notifications")
    created = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    title = models.CharField(_("title"), max_length=255)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("link"), max_length=255, blank=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    obligation = models.ForeignKey(
        Obligation, verbose_name=_("report"), on_delete=models.CASCADE, null=True, blank=True, related_name="notifications"
    )
    asks = models.CharField(_("asks for"), max_length=16, choices=NotificationAsk.choices, blank=True, default="")
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_user_read_idx")]

    def __str__(self):
        return self.title


class ReminderKind(models.TextChoices):
    BEFORE = "before", _("Before the deadline")
    DUE_TODAY = "due_today", _("On the deadline")
    OVERDUE = "overdue", _("Overdue")
    RETURNED = "returned", _("Returned for correction")
    REVIEW_WAITING = "review_waiting", _("Waiting for review")
    MANUAL = "manual", _("Sent by hand")


class ReminderLog(models.Model):
    """Exactly-once guard: one row per obligation, kind and day, written in the same
    transaction as the notification, so beat firing twice or a retry sends nothing more."""

    obligation = models.ForeignKey(Obligation, verbose_name=_("report"), on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("kind"), max_length=16, choices=ReminderKind.choices)
    day = models.DateField(_("day"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    recipients = models.JSONField(_("recipients"), default=list, blank=True)
    sent_by = models.ForeignKey(
        "directory.User", verbose_name=_("sent by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["obligation", "kind", "day"], name="reminder_once_per_day_uniq"),
        ]

    def __str__(self):
        return f"{self.obligation_id} {self.kind} {self.day}"


SHARE_MESSAGE = _("Enter a share between 0 and 10 (e.g. 0.5 for 50 percent).")
FACTOR_MESSAGE = _("Enter a factor between 1 and 1,000.")


class ValidationThresholds(models.Model):
    """The thresholds of the validation rules (reports/validation.py), edited by an admin: the
    row without a plan is the default of every plan, a plan's own row overrides it; without
    any row, ``settings.REPORT_VALIDATION`` applies. Every change is kept (simple-history)."""

    plan = models.ForeignKey(
        "plans.Plan", verbose_name=_("plan"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="validation_thresholds",
        help_text=_("Leave empty for the default of every plan without thresholds of its own."),
    )
    jump_share = models.DecimalField(
        _("jump share"), max_digits=7, decimal_places=4,
        validators=[MinValueValidator(Decimal(0), SHARE_MESSAGE), MaxValueValidator(Decimal(10), SHARE_MESSAGE)],
        help_text=_("A value that differs from the last approved period's by more than this share is flagged "
                    "(0.5 = 50 %; between 0 and 10)."),
    )
    registry_tolerance = models.DecimalField(
        _("registry tolerance"), max_digits=7, decimal_places=4,
        validators=[MinValueValidator(Decimal(0), SHARE_MESSAGE), MaxValueValidator(Decimal(10), SHARE_MESSAGE)],
        help_text=_("A value that differs from the registry's by more than this share is flagged "
                    "(0.1 = 10 %; between 0 and 10)."),
    )
    max_times_target = models.DecimalField(
        _("plausible range factor"), max_digits=8, decimal_places=2,
        validators=[MinValueValidator(Decimal(1), FACTOR_MESSAGE), MaxValueValidator(Decimal(1000), FACTOR_MESSAGE)],
        help_text=_("A value more than this many times the target (or its baseline, if larger) is implausible "
                    "(between 1 and 1,000)."),
    )
    modified = models.DateTimeField(_("modified"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("validation thresholds")
        verbose_name_plural = _("validation thresholds")
        ordering = [models.F("plan").asc(nulls_first=True)]
        constraints = [
            models.UniqueConstraint(
                Coalesce("plan", Value(0)),
                name="thresholds_one_per_plan",
                violation_error_message=_("These thresholds already exist (one row per plan, one default row)."),
            ),
            models.CheckConstraint(
                condition=Q(jump_share__gte=0, jump_share__lte=10)
                & Q(registry_tolerance__gte=0, registry_tolerance__lte=10)
                & Q(max_times_target__gte=1, max_times_target__lte=1000),
                name="thresholds_in_range",
                violation_error_message=_("A threshold is out of its range."),
            ),
        ]

    def __str__(self):
        return str(self.plan) if self.plan_id else str(_("Default of every plan"))
