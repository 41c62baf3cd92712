"""Reporting compliance: the one definition of a report's state against its deadline.

Every page that counts reports by timeliness — the leader's home page and dashboard, the
compliance matrix, the drill-down, the exports and the plan page's schedule — uses these
definitions (docs/dashboards.md). Every obligation counts: submissions *and* consolidated
reports (a consolidation owes its deadline like any report).

* ``returned`` — sent back for correction;
* ``on_time`` / ``late`` — submitted (or approved) on or before / after the deadline, the
  day taken in the portal's time zone;
* ``missing`` (shown as "Quá hạn", overdue) — not submitted and the deadline has passed;
* ``pending`` — not submitted, the deadline is still ahead (today included).
"""

from __future__ import annotations

from datetime import date

from django.db.models import F, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from .models import ObligationStatus

ON_TIME, LATE, MISSING, RETURNED, PENDING = "on_time", "late", "missing", "returned", "pending"
COMPLIANCE_STATES = (ON_TIME, LATE, MISSING, RETURNED, PENDING)
# With a context: other apps translate the bare "Late" differently ("Chậm" reads like a
# target behind schedule); every page keeps one wording for report states.
COMPLIANCE_LABELS = {
    ON_TIME: pgettext_lazy("report state", "On time"),
    LATE: pgettext_lazy("report state", "Late"),
    MISSING: pgettext_lazy("report state", "Overdue"),
    RETURNED: pgettext_lazy("report state", "Returned"),
    PENDING: pgettext_lazy("report state", "Not yet due"),
}
DONE_STATUSES = (ObligationStatus.SUBMITTED, ObligationStatus.APPROVED)
OPEN_STATUSES = (ObligationStatus.NOT_STARTED, ObligationStatus.DRAFT)


def with_submitted_day(qs: QuerySet) -> QuerySet:
    """``qs`` with the ``submitted_day`` alias the Q objects below need."""
    return qs.alias(submitted_day=TruncDate("submitted_at"))


def compliance_q(today: date, prefix: str = "") -> dict[str, Q]:
    """Q per compliance state of an obligation (needs the ``submitted_day`` alias)."""
    p = f"{prefix}__" if prefix else ""
    done = Q(**{f"{p}status__in": DONE_STATUSES})
    # Spelled out rather than "done & ~late": NOT over a NULL submission day is NULL in SQL,
    # which would leave a report approved without a submission date in no state at all.
    on_time_day = Q(**{f"{p}submitted_day__isnull": True}) | Q(**{f"{p}submitted_day__lte": F(f"{p}period__due_date")})
    return {
        RETURNED: Q(**{f"{p}status": ObligationStatus.RETURNED}),
        LATE: done & Q(**{f"{p}submitted_day__gt": F(f"{p}period__due_date")}),
        ON_TIME: done & on_time_day,
        MISSING: Q(**{f"{p}status__in": OPEN_STATUSES, f"{p}period__due_date__lt": today}),
        PENDING: Q(**{f"{p}status__in": OPEN_STATUSES, f"{p}period__due_date__gte": today}),
    }


def state_of(status: str, submitted_at, due_date: date, today: date) -> str:
    """The compliance state of one obligation (the same rule as ``compliance_q``)."""
    if status == ObligationStatus.RETURNED:
        return RETURNED
    if status in DONE_STATUSES:
        if submitted_at is not None and timezone.localtime(submitted_at).date() > due_date:
            return LATE
        return ON_TIME
    return MISSING if due_date < today else PENDING
