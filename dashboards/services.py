"""Writes of the dashboards app: the read model of approved target values.

``TargetPeriodValue`` holds, per (target, period, report kind), the aggregates of the
approved non-blank values (count, sum, min, max, weights), so ``selectors.latest_values``
reads one small indexed row per target instead of ranking every reported value.

It changes only when a report enters or leaves the approved state, so the reports
services call ``target_values_refresh`` inside the transaction of approve, reopen and
return; ``target_values_rebuild`` computes the whole table from scratch (migration 0001,
``manage.py rebuild_target_values``, the scale-data generator, tests).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, DecimalField, ExpressionWrapper, F, Max, Min, Q, Sum


def _aggregates(value_model, filters: Q):
    """Approved non-blank values grouped per (target, period, kind) with every aggregate."""
    return (
        value_model.objects.filter(filters, obligation__status="approved", value__isnull=False)
        .values("target_id", "obligation__period_id", "obligation__kind", "obligation__period__end")
        .annotate(
            n=Count("value"),
            s=Sum("value"),
            mn=Min("value"),
            mx=Max("value"),
            sw=Sum("weight"),
            swv=Sum(
                ExpressionWrapper(F("value") * F("weight"), output_field=DecimalField(max_digits=40, decimal_places=8))
            ),
        )
        .order_by()
    )


def _rows(table_model, grouped):
    for row in grouped.iterator(chunk_size=5000):
        yield table_model(
            target_id=row["target_id"],
            period_id=row["obligation__period_id"],
            consolidated=row["obligation__kind"] == "consolidation",
            period_end=row["obligation__period__end"],
            n=row["n"],
            s=row["s"],
            mn=row["mn"],
            mx=row["mx"],
            sw=row["sw"],
            swv=row["swv"],
        )


def _write(table_model, grouped) -> int:
    created, batch = 0, []
    for obj in _rows(table_model, grouped):
        batch.append(obj)
        if len(batch) >= 5000:
            created += len(table_model.objects.bulk_create(batch))
            batch = []
    if batch:
        created += len(table_model.objects.bulk_create(batch))
    return created


def target_values_refresh(*, period_id: int, kind: str) -> int:
    """Recompute the rows of one reporting period and report kind (the ones a transition of
    a report of that period and kind can change). Three queries; call it inside the
    transition's transaction, after the report's new status is saved."""
    from dashboards.models import TargetPeriodValue
    from reports.models import ReportedValue

    consolidated = kind == "consolidation"
    with transaction.atomic():
        TargetPeriodValue.objects.filter(period_id=period_id, consolidated=consolidated).delete()
        return _write(
            TargetPeriodValue,
            _aggregates(ReportedValue, Q(obligation__period_id=period_id, obligation__kind=kind)),
        )


def target_values_rebuild(*, table_model=None, value_model=None) -> int:
    """Rebuild the whole table from the reported values; returns the number of rows.

    The models may be given (historical models in a data migration)."""
    if table_model is None:
        from dashboards.models import TargetPeriodValue as table_model
    if value_model is None:
        from reports.models import ReportedValue as value_model
    with transaction.atomic():
        table_model.objects.all().delete()
        return _write(table_model, _aggregates(value_model, Q()))


def target_values_expected() -> dict[tuple, tuple]:
    """The table as a from-scratch computation would write it (for tests and checks):
    ``{(target, period, consolidated): (period_end, n, s, mn, mx, sw, swv)}``."""
    from dashboards.models import TargetPeriodValue
    from reports.models import ReportedValue

    return {
        (o.target_id, o.period_id, o.consolidated): (o.period_end, o.n, o.s, o.mn, o.mx, o.sw, o.swv)
        for o in _rows(TargetPeriodValue, _aggregates(ReportedValue, Q()))
    }


def target_values_stored() -> dict[tuple, tuple]:
    from dashboards.models import TargetPeriodValue

    return {
        (o.target_id, o.period_id, o.consolidated): (o.period_end, o.n, o.s, o.mn, o.mx, o.sw, o.swv)
        for o in TargetPeriodValue.objects.all()
    }


def approved_report_deleted(sender, instance, **kwargs) -> None:
    """A deleted approved report (an admin's delete, a cascade) takes its values out of the
    read model (``post_delete`` of ``reports.Obligation``, connected in ``apps.py``)."""
    if instance.status == "approved":
        target_values_refresh(period_id=instance.period_id, kind=instance.kind)
