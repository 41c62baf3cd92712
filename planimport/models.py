"""Models of the planimport app.

The review step needs the reader's output between two requests (upload → review → confirm)
without creating a ``Plan``: the issue requires that nothing becomes a plan before the user
confirms. An ``ImportSession`` holds that extraction (and the source text its spans index
into); confirming turns it into a draft plan through ``plans.services.plan_create`` and
records which plan it became.

Reading happens in a Celery task (``planimport.tasks.read_import_session``), never in the
request (issue 12): the upload stores the file in private storage under a random name and
creates the session "uploaded"; the task reads it in a limited child process
(``core.sandbox``) and stores the extraction in ``data`` ("read") or the reason in
``message`` ("failed"; the user can try again or discard it).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import uploads
from core.models import TimeStampedModel


class ImportSource(models.TextChoices):
    DOCX = "docx", _("Word document (.docx)")
    PDF = "pdf", _("PDF with a text layer")
    TEXT = "txt", _("Text file")
    PASTED = "pasted", _("Pasted text")


class ImportSession(TimeStampedModel):
    """Phiên nhập kế hoạch: one document read by the reader, waiting for the user's review.

    ``data`` is ``Extraction.to_dict()`` (including ``source_text``); it is never edited —
    the user's corrections live in the plan forms and are saved only into the plan.
    ``plan`` is set when the user confirms; a confirmed session cannot be confirmed again.
    """

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Waiting to be read")
        READING = "reading", _("Reading")
        READ = "read", _("Read")
        FAILED = "failed", _("Could not be read")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="plan_imports"
    )
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=ImportSource.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.UPLOADED)
    # The uploaded file (or the pasted text as UTF-8), read by the task; never served.
    file = models.FileField(
        _("file"),
        storage=uploads.get_private_storage,
        upload_to=uploads.RandomName("imports/plans"),
        blank=True,
        max_length=255,
    )
    message = models.TextField(_("message"), blank=True)
    data = models.JSONField(_("extraction"), default=dict)
    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("saved plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("plan import")
        verbose_name_plural = _("plan imports")
        ordering = ["-created", "-id"]

    def __str__(self):
        return self.filename or self.get_source_display()

    def get_absolute_url(self):
        return reverse("planimport:review", args=[self.pk])

    @property
    def is_read(self) -> bool:
        return self.status == self.Status.READ

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.UPLOADED, self.Status.READING)

    @property
    def is_confirmed(self) -> bool:
        return self.plan_id is not None or self.confirmed_at is not None

    @property
    def title(self) -> str:
        return (self.data or {}).get("title") or self.filename
