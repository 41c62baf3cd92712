"""Abstract bases and the audit log shared by every app."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .text import nfc


class TimeStampedModel(models.Model):
    """Adds ``created``/``modified`` timestamps."""

    created = models.DateTimeField(_("created"), auto_now_add=True)
    modified = models.DateTimeField(_("modified"), auto_now=True)

    class Meta:
        abstract = True


class AuditLog(models.Model):
    """One row per workflow step (issue, approve, sign, import…), written by the service
    that performs the step, in the same transaction (Zulip's RealmAuditLog habit)."""

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=64, db_index=True)
    object_type = models.CharField(_("object type"), max_length=64)
    object_id = models.CharField(_("object id"), max_length=64)
    summary = models.TextField(_("summary"), blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="auditlog_object_idx")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type}#{self.object_id}"


class OutboxEmail(models.Model):
    """One e-mail to send, written in the same transaction as the step that causes it (issue 11).

    A Celery task sends it after the commit (``core.outbox``); while SMTP or the broker is down
    the row waits, and the sweep (``core.outbox.outbox_sweep``) sends it later, exactly once.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("sending failed")

    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("content"))
    to = models.JSONField(_("to"), default=list)
    cc = models.JSONField(_("cc"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("e-mail outbox")
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["status", "updated"], name="outboxemail_status_idx")]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"


class ListPreference(models.Model):
    """How one user wants one list shown (``core.listtools``): rows per page and the columns
    they hid. Kept in the database, not the session, so it follows the user to every browser."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+")
    list_key = models.CharField(_("list"), max_length=40)
    page_size = models.PositiveSmallIntegerField(_("rows per page"), null=True, blank=True)
    hidden_columns = models.JSONField(_("hidden columns"), default=list, blank=True)
    modified = models.DateTimeField(_("modified"), auto_now=True)

    class Meta:
        verbose_name = _("list preference")
        verbose_name_plural = _("list preferences")
        constraints = [models.UniqueConstraint(fields=["user", "list_key"], name="listpreference_user_list_uniq")]

    def __str__(self):
        return f"{self.user_id}/{self.list_key}"


class SavedFilter(models.Model):
    """A named query string (filters and ordering, never the page) of one list, of one user."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+")
    list_key = models.CharField(_("list"), max_length=40)
    name = models.CharField(_("name"), max_length=80)
    # The name as names are compared (``saved_filter_key``), kept by ``save``: the database's own
    # uniqueness is then case-insensitive on PostgreSQL and SQLite alike (SQLite's LOWER and
    # LIKE fold ASCII letters only: "TÔI" and "tôi" differed there). Casefolding may lengthen a
    # name ("ß" → "ss"), hence the room.
    name_key = models.CharField(_("name for comparison"), max_length=240, editable=False)
    query = models.CharField(_("query"), max_length=2000, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("saved filter")
        verbose_name_plural = _("saved filters")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "list_key", "name_key"], name="savedfilter_user_list_name_key_uniq")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name)
        self.name_key = saved_filter_key(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_key"}
        super().save(*args, **kwargs)


def saved_filter_key(name: str) -> str:
    """How two saved filters' names are compared: Unicode form (NFC, as typed on any keyboard),
    case (Python's casefold, every alphabet) and runs of spaces do not matter."""
    return " ".join(nfc(name or "").split()).casefold()
