"""Writes to the registry. Every function takes ``acting_user`` (None for system loaders),
validates with ``full_clean()``, writes in one transaction and records an audit row.

Who may write: planners and reporters, for organisations whose commune lies in their
agency's area (leaders only read); admins everywhere. The rule lives in
``user_can_edit``/``_require_area`` so views, the import and the demo share it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core import transitions
from core.audit import audit
from core.permissions import user_area_q
from core.text import fold, nfc
from directory.models import AdministrativeUnit, Role, UnitLevel

from .models import ImportBatch, Organisation, OrganisationStatus, Sector, YearlyRecord

ORGANISATION_FIELDS = (
    "kind",
    "name",
    "registration_code",
    "commune",
    "address",
    "founded",
    "dissolved",
    "status",
    "main_products",
    "founded_from",
    "supporting_agency",
)
RECORD_FIELDS = tuple(
    f.name for f in YearlyRecord._meta.concrete_fields if f.name not in ("id", "organisation", "year")
)


# --- permission helpers ---------------------------------------------------------------------


def user_can_edit(user) -> bool:
    """Planners write to the registry (README's role table, issue 12); reporters, leaders and
    clerks only read it (core.permissions.URL_PERMISSIONS)."""
    return bool(user and user.is_authenticated and user.has_role(Role.PLANNER))


def commune_in_area(user, commune: AdministrativeUnit) -> bool:
    if user is None or user.is_superuser:
        return True
    return AdministrativeUnit.objects.filter(user_area_q(user, ""), pk=commune.pk).exists()


def _require_area(acting_user, commune: AdministrativeUnit | None) -> None:
    """Refuse writes by users without an editing role or outside their area (None = system)."""
    if acting_user is None:
        return
    if not user_can_edit(acting_user):
        raise PermissionDenied
    if commune is not None and not commune_in_area(acting_user, commune):
        raise ValidationError(
            {"commune": ValidationError(_("This commune is outside your area."), code="outside_area")}
        )


# --- helpers --------------------------------------------------------------------------------


def search_text_for(
    *, name: str, registration_code: str, main_products: str, commune_name: str, folder=fold
) -> str:
    """What search looks in; bulk callers (the import) pass ``folder=core.text.fold_cached``."""
    return folder(" ".join(p for p in (name, registration_code, main_products, commune_name) if p))


def _check_commune(commune: AdministrativeUnit | None) -> None:
    if commune is not None and commune.level != UnitLevel.COMMUNE:
        raise ValidationError(
            {
                "commune": ValidationError(
                    _("Choose a commune, ward or town (xã, phường, thị trấn)."), code="not_commune"
                )
            }
        )


def _check_founded_from(organisation: Organisation) -> None:
    if organisation.founded_from_id and organisation.pk and organisation.founded_from_id == organisation.pk:
        raise ValidationError(
            {"founded_from": ValidationError(_("An organisation cannot grow from itself."), code="self_origin")}
        )


def _validate_unique_code(organisation: Organisation) -> None:
    if not organisation.registration_code:
        return
    clash = Organisation.objects.filter(kind=organisation.kind, registration_code=organisation.registration_code)
    if organisation.pk:
        clash = clash.exclude(pk=organisation.pk)
    if clash.exists():
        raise ValidationError(
            {
                "registration_code": ValidationError(
                    _("Another organisation of this kind already has this registration code."), code="duplicate_code"
                )
            }
        )


def _normalise(organisation: Organisation) -> None:
    organisation.name = " ".join(nfc(organisation.name or "").split())
    organisation.registration_code = (organisation.registration_code or "").strip().upper()
    organisation.address = nfc(organisation.address or "").strip()
    organisation.main_products = nfc(organisation.main_products or "").strip()


def _save_organisation(organisation: Organisation, sectors: Iterable[Sector] | None) -> None:
    _normalise(organisation)
    _check_commune(organisation.commune)
    _check_founded_from(organisation)
    _validate_unique_code(organisation)
    if sectors is not None:
        sectors = list(sectors)
        organisation.is_agricultural = any(s.is_agricultural for s in sectors)
    organisation.search_text = search_text_for(
        name=organisation.name,
        registration_code=organisation.registration_code,
        main_products=organisation.main_products,
        commune_name=organisation.commune.name if organisation.commune_id else "",
    )
    organisation.full_clean(validate_unique=False, validate_constraints=False)
    organisation.save()
    if sectors is not None:
        organisation.sectors.set(sectors)


# --- organisations --------------------------------------------------------------------------


@transaction.atomic
def organisation_create(
    *,
    acting_user,
    kind: str,
    name: str,
    commune: AdministrativeUnit,
    registration_code: str = "",
    address: str = "",
    founded: datetime.date | None = None,
    dissolved: datetime.date | None = None,
    status: str = OrganisationStatus.ACTIVE,
    sectors: Iterable[Sector] = (),
    main_products: str = "",
    founded_from: Organisation | None = None,
    supporting_agency=None,
) -> Organisation:
    """Record a new collective organisation; ``is_agricultural`` follows the sectors."""
    _require_area(acting_user, commune)
    organisation = Organisation(
        kind=kind,
        name=name,
        commune=commune,
        registration_code=registration_code,
        address=address,
        founded=founded,
        dissolved=dissolved,
        status=status,
        main_products=main_products,
        founded_from=founded_from,
        supporting_agency=supporting_agency,
    )
    _save_organisation(organisation, sectors)
    audit(actor=acting_user, action="organisation.create", obj=organisation, summary=organisation.name)
    return organisation


@transaction.atomic
def organisation_update(
    *,
    organisation: Organisation,
    acting_user,
    sectors: Iterable[Sector] | None = None,
    version: int | None = None,
    **fields,
) -> Organisation:
    """Change an organisation's fields (any of ``ORGANISATION_FIELDS``) and, if given, its sectors.
    Both the old and the new commune must lie in the acting user's area. ``version`` is the one
    the edit form was opened on: a stale one raises ``core.transitions.StaleEdit``, nothing saved."""
    unknown = set(fields) - set(ORGANISATION_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    _require_area(acting_user, organisation.commune)
    transitions.claim_version(organisation, version)
    changed = sorted(k for k, v in fields.items() if getattr(organisation, k) != v)
    for key, value in fields.items():
        setattr(organisation, key, value)
    if "commune" in fields:
        _require_area(acting_user, organisation.commune)
    _save_organisation(organisation, sectors)
    audit(
        actor=acting_user,
        action="organisation.update",
        obj=organisation,
        summary=organisation.name,
        data={"fields": changed + (["sectors"] if sectors is not None else [])},
    )
    return organisation


@transaction.atomic
def organisation_dissolve(
    *, organisation: Organisation, acting_user, dissolved: datetime.date, reason: str = ""
) -> Organisation:
    """Mark an organisation dissolved on ``dissolved`` (giải thể); it stays in the registry."""
    _require_area(acting_user, organisation.commune)
    if organisation.status == OrganisationStatus.DISSOLVED:
        raise ValidationError(_("This organisation is already dissolved."), code="already_dissolved")
    if dissolved is None:
        raise ValidationError({"dissolved": ValidationError(_("Enter the dissolution date."), code="required")})
    transitions.claim_version(organisation, None)  # an edit form opened before this is now stale
    organisation.dissolved = dissolved
    organisation.status = OrganisationStatus.DISSOLVED
    organisation.full_clean(validate_unique=False, validate_constraints=False)
    organisation.save(update_fields=["dissolved", "status", "modified", "version"])
    audit(
        actor=acting_user,
        action="organisation.dissolve",
        obj=organisation,
        summary=organisation.name,
        data={"dissolved": dissolved.isoformat(), "reason": reason},
    )
    return organisation


# --- yearly records -------------------------------------------------------------------------


@transaction.atomic
def record_upsert(*, organisation: Organisation, year: int, acting_user, **figures) -> tuple[YearlyRecord, bool]:
    """Create or update the organisation's record for ``year``; returns (record, created).
    Fields not given keep their value (defaults for a new record)."""
    unknown = set(figures) - set(RECORD_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    _require_area(acting_user, organisation.commune)
    record = YearlyRecord.objects.filter(organisation=organisation, year=year).first()
    created = record is None
    if created:
        record = YearlyRecord(organisation=organisation, year=year)
    changed = sorted(k for k, v in figures.items() if getattr(record, k) != v)
    for key, value in figures.items():
        setattr(record, key, value)
    record.full_clean(validate_unique=False, validate_constraints=False)
    if created or changed:
        record.save()
        audit(
            actor=acting_user,
            action="record.create" if created else "record.update",
            obj=record,
            summary=str(record),
            data={"fields": changed},
        )
    return record, created


@transaction.atomic
def record_delete(*, record: YearlyRecord, acting_user) -> None:
    """Remove one year's figures (entered by mistake)."""
    _require_area(acting_user, record.organisation.commune)
    audit(actor=acting_user, action="record.delete", obj=record, summary=str(record))
    record.delete()


# --- import ---------------------------------------------------------------------------------


def import_batch_create(*, uploaded_file, acting_user) -> ImportBatch:
    """Store an uploaded workbook after the cheap file checks (size, type, macros, zip bomb);
    raises ValidationError with a Vietnamese message when the file is refused."""
    from . import excel

    if not user_can_edit(acting_user):
        raise PermissionDenied
    digest = excel.check_upload(uploaded_file)
    with transaction.atomic():
        batch = ImportBatch(
            original_name=(uploaded_file.name or "")[:255],
            sha256=digest,
            uploaded_by=acting_user,
            status=ImportBatch.Status.UPLOADED,
        )
        uploaded_file.seek(0)
        batch.file.save(f"{digest[:16]}.xlsx", uploaded_file, save=False)
        batch.save()
        audit(actor=acting_user, action="import.upload", obj=batch, summary=batch.original_name)
    return batch


def import_batch_check(*, batch: ImportBatch) -> ImportBatch:
    """Read and validate the workbook; fill the preview, summary and errors (writes nothing else)."""
    from . import importing

    return importing.check_batch(batch)


def import_batch_start(*, batch: ImportBatch, acting_user) -> bool:
    """Start the import of a checked batch — or again after it failed (nothing was written: the
    import is all or nothing): mark it queued and send the write task after commit. Returns
    False when it was already started (a double click), so nothing runs twice; raises
    ValidationError when the batch is not checked or has errors. With the broker down the batch
    stays "queued" (the page says it waits) and ``import_batches_sweep`` sends it again."""
    from core.dispatch import dispatch

    from .tasks import confirm_import_batch

    startable = batch.status == ImportBatch.Status.CHECKED or (
        batch.status == ImportBatch.Status.FAILED and batch.passed_check
    )
    if not startable:
        raise ValidationError(_("Only a checked file without errors can be imported."), code="not_checked")
    if acting_user.pk != batch.uploaded_by_id and not acting_user.is_superuser:
        raise PermissionDenied
    with transaction.atomic():
        started = ImportBatch.objects.filter(pk=batch.pk, status=batch.status).update(
            status=ImportBatch.Status.QUEUED, progress=0, message="", modified=timezone.now()
        )
        if not started:
            return False
        action = "import.retry" if batch.status == ImportBatch.Status.FAILED else "import.start"
        audit(actor=acting_user, action=action, obj=batch, summary=batch.original_name)
        dispatch(confirm_import_batch, batch.pk, acting_user.pk)
    return True


def import_batch_recheck(*, batch: ImportBatch, acting_user) -> bool:
    """Check a batch again whose check failed unexpectedly (e.g. its worker was killed): back to
    "uploaded", the check task sent after commit. False when it is no longer failed."""
    from core.dispatch import dispatch

    from .tasks import check_import_batch

    if batch.status != ImportBatch.Status.FAILED or batch.passed_check:
        raise ValidationError(_("Only a file whose check failed can be checked again."), code="not_failed")
    if acting_user.pk != batch.uploaded_by_id and not acting_user.is_superuser:
        raise PermissionDenied
    with transaction.atomic():
        again = ImportBatch.objects.filter(pk=batch.pk, status=ImportBatch.Status.FAILED).update(
            status=ImportBatch.Status.UPLOADED, progress=0, message="", modified=timezone.now()
        )
        if not again:
            return False
        audit(actor=acting_user, action="import.recheck", obj=batch, summary=batch.original_name)
        dispatch(check_import_batch, batch.pk)
    return True


def import_batches_sweep(*, now) -> dict:
    """For ``core.dispatch.sweep``: send again the checks and imports still waiting after
    ``DISPATCH_PENDING_SECONDS`` (their task was never queued, or was lost); check again a
    check running for ``IMPORT_STUCK_SECONDS``; and mark an import running that long — its
    worker was killed, so its transaction was rolled back — "failed, can be retried"."""
    from django.conf import settings

    from core.dispatch import pending_seconds, send

    from .tasks import check_import_batch, confirm_import_batch

    Status = ImportBatch.Status
    stuck_before = now - datetime.timedelta(seconds=int(getattr(settings, "IMPORT_STUCK_SECONDS", 2400)))
    pending_before = now - datetime.timedelta(seconds=pending_seconds())
    counts = {"failed": 0, "rechecked": 0, "sent": 0, "pending": 0}
    with translation.override(settings.LANGUAGE_CODE):
        message = _(
            "The import was interrupted (the background worker stopped); nothing was written. "
            "You can start it again."
        )
    for batch in ImportBatch.objects.filter(status=Status.IMPORTING, modified__lt=stuck_before):
        with transaction.atomic():
            if ImportBatch.objects.filter(pk=batch.pk, status=Status.IMPORTING, modified__lt=stuck_before).update(
                status=Status.FAILED, progress=100, message=message, modified=now
            ):
                audit(actor=None, action="import.interrupted", obj=batch, summary=batch.original_name)
                counts["failed"] += 1
    counts["rechecked"] = ImportBatch.objects.filter(status=Status.CHECKING, modified__lt=stuck_before).update(
        status=Status.UPLOADED, modified=pending_before - datetime.timedelta(seconds=1)
    )
    waiting = ImportBatch.objects.filter(status__in=(Status.UPLOADED, Status.QUEUED), modified__lt=pending_before)
    for batch_id, status in waiting.order_by("modified").values_list("pk", "status")[:200]:
        # Touch first: the next sweep waits another interval before sending it again.
        if not ImportBatch.objects.filter(pk=batch_id, status=status).update(modified=now):
            continue
        counts["pending"] += 1
        if status == Status.UPLOADED:
            counts["sent"] += send(check_import_batch, batch_id)
        else:
            counts["sent"] += send(confirm_import_batch, batch_id)
    return counts


def import_batch_confirm(*, batch: ImportBatch, acting_user) -> ImportBatch:
    """Apply a checked batch in ONE transaction (all or nothing). The file is read and validated
    again inside the transaction, so data that changed since the preview cannot slip through."""
    from . import importing

    if batch.status not in (ImportBatch.Status.CHECKED, ImportBatch.Status.QUEUED):
        raise ValidationError(_("Only a checked file without errors can be imported."), code="not_checked")
    if acting_user is not None and acting_user.pk != batch.uploaded_by_id and not acting_user.is_superuser:
        raise PermissionDenied
    return importing.apply_batch(batch, acting_user=acting_user or batch.uploaded_by)
