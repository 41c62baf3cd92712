"""Reporting periods, data cut-offs and deadlines. Pure functions: no database, no settings.

A reporting requirement (``plans.ReportingRequirement``) says how often an agency reports
(monthly, quarterly, first half-year, nine months, annual, one-off), by when (the deadline
rule) and which data the report covers (the cut-off rule). ``periods_for`` turns it and a
plan period into the list of periods the portal must generate.

Labels are written the way Vietnamese reports write them: "Tháng 3/2024", "Quý III/2024",
"6 tháng đầu năm 2024", "9 tháng năm 2024", "Năm 2024"; a one-off report takes the
requirement's name or "Báo cáo ngày 05/12/2024".

Cut-off rules:

* ``decree09`` (Nghị định 09/2019/NĐ-CP, Điều 12): data from the 15th of the month before
  the period's first month to the 14th of its last month — month: 15/02 → 14/03; quarter:
  Q1 = 15/12 → 14/03; first half 15/12 → 14/06; nine months 15/12 → 14/09; year 15/12 of
  the previous year → 14/12. A one-off report covers the plan period up to the day before
  its deadline.
* ``period``: the calendar period itself.
* ``due``: from the period's start up to the deadline.

Whatever the rule, the data never runs past the day before the deadline: the decree says
to use the nearest date when a cut-off cannot be met (seed 003 asks for its 6-month report
on 20/05, so that report's data stop on 19/05).

Deadline rules (``plans.DueRule``): day N of the period's last month (clamped to the
month's length: day 31 in June is 30/06, day 30 in February is 28 or 29/02); a fixed day
and month each year (29/02 falls back to 28/02 in common years); a fixed date; N days
after the period ends.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

MONTHLY = "monthly"
QUARTERLY = "quarterly"
HALF_YEAR = "half_year"
NINE_MONTHS = "nine_months"
ANNUAL = "annual"
ONCE = "once"

DAY_OF_LAST_MONTH = "day_of_last_month"
DAY_MONTH = "day_month"
FIXED_DATE = "fixed_date"
DAYS_AFTER_END = "days_after_end"

CUTOFF_DECREE_09 = "decree09"
CUTOFF_PERIOD = "period"
CUTOFF_DUE = "due"

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class PeriodRuleError(ValueError):
    """The requirement's rule cannot produce a deadline (e.g. a fixed date rule without a date)."""


@dataclass(frozen=True)
class PeriodSpec:
    """One reporting period as the requirement defines it."""

    label: str
    start: date
    end: date
    cutoff_start: date
    cutoff_end: date
    due_date: date


# --------------------------------------------------------------------------- calendar helpers
def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def clamped_date(year: int, month: int, day: int) -> date:
    """``date(year, month, day)`` with the day clamped to the month's length."""
    return date(year, month, min(max(day, 1), last_day(year, month)))


def month_end(year: int, month: int) -> date:
    return date(year, month, last_day(year, month))


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def format_ddmmyyyy(d: date) -> str:
    return d.strftime("%d/%m/%Y")


# --------------------------------------------------------------------------- calendar periods
def calendar_periods(frequency: str, plan_start: date, plan_end: date) -> list[tuple[str, date, date]]:
    """(label, start, end) of every calendar period of ``frequency`` overlapping the plan."""
    if plan_end < plan_start:
        return []
    result: list[tuple[str, date, date]] = []
    if frequency == MONTHLY:
        y, m = plan_start.year, plan_start.month
        while date(y, m, 1) <= plan_end:
            result.append((f"Tháng {m}/{y}", date(y, m, 1), month_end(y, m)))
            y, m = add_months(y, m, 1)
    elif frequency == QUARTERLY:
        y, q = plan_start.year, (plan_start.month - 1) // 3 + 1
        while date(y, 3 * q - 2, 1) <= plan_end:
            result.append((f"Quý {ROMAN[q]}/{y}", date(y, 3 * q - 2, 1), month_end(y, 3 * q)))
            y, q = (y + 1, 1) if q == 4 else (y, q + 1)
    elif frequency in (HALF_YEAR, NINE_MONTHS, ANNUAL):
        last_month = {HALF_YEAR: 6, NINE_MONTHS: 9, ANNUAL: 12}[frequency]
        for y in range(plan_start.year, plan_end.year + 1):
            start, end = date(y, 1, 1), month_end(y, last_month)
            if end < plan_start or start > plan_end:
                continue
            label = {HALF_YEAR: f"6 tháng đầu năm {y}", NINE_MONTHS: f"9 tháng năm {y}", ANNUAL: f"Năm {y}"}[frequency]
            result.append((label, start, end))
    else:
        raise PeriodRuleError(f"unknown frequency {frequency!r}")
    return result


# --------------------------------------------------------------------------- deadlines and cut-offs
def due_date_for(
    *, due_rule: str, period_start: date, period_end: date, due_day=None, due_month=None, due_date: date | None = None
) -> date:
    """The deadline of the period [period_start, period_end] under ``due_rule``."""
    if due_rule == DAY_OF_LAST_MONTH:
        if not due_day:
            raise PeriodRuleError("day_of_last_month needs a day")
        return clamped_date(period_end.year, period_end.month, int(due_day))
    if due_rule == DAY_MONTH:
        if not due_day or not due_month:
            raise PeriodRuleError("day_month needs a day and a month")
        candidate = clamped_date(period_end.year, int(due_month), int(due_day))
        # A 20/05 deadline for a period ending 30/06 is that year's 20/05 (seed 003); only a
        # date before the period even began belongs to the following year.
        if candidate < period_start:
            candidate = clamped_date(period_end.year + 1, int(due_month), int(due_day))
        return candidate
    if due_rule == FIXED_DATE:
        if not due_date:
            raise PeriodRuleError("fixed_date needs a date")
        return due_date
    if due_rule == DAYS_AFTER_END:
        if due_day is None:
            raise PeriodRuleError("days_after_end needs a number of days")
        return period_end + timedelta(days=int(due_day))
    raise PeriodRuleError(f"unknown deadline rule {due_rule!r}")


def decree09_window(period_start: date, period_end: date) -> tuple[date, date]:
    """15th of the month before the period's first month → 14th of its last month."""
    y, m = add_months(period_start.year, period_start.month, -1)
    return date(y, m, 15), date(period_end.year, period_end.month, 14)


def cutoff_for(*, cutoff_rule: str, frequency: str, period_start: date, period_end: date, due: date) -> tuple[date, date]:
    """The data window (from, to) of a period; never past the day before the deadline."""
    if cutoff_rule == CUTOFF_PERIOD:
        start, end = period_start, period_end
    elif cutoff_rule == CUTOFF_DUE:
        start, end = period_start, due
    elif cutoff_rule == CUTOFF_DECREE_09:
        if frequency == ONCE:
            start, end = period_start, due - timedelta(days=1)
        else:
            start, end = decree09_window(period_start, period_end)
    else:
        raise PeriodRuleError(f"unknown cut-off rule {cutoff_rule!r}")
    if cutoff_rule != CUTOFF_DUE and end >= due:
        end = due - timedelta(days=1)
    if end < start:
        end = start
    return start, end


def submission_opens(*, period_start: date, cutoff_end: date, early_days: int = 0) -> date:
    """The first day a report may be submitted (and approved): the data cut-off — a report
    sent before it cannot cover its period's data — or ``early_days`` earlier when the plan's
    requirement allows it, but never before the period begins (the form opens then)."""
    return max(period_start, cutoff_end - timedelta(days=max(0, int(early_days or 0))))


# --------------------------------------------------------------------------- the entry points
def periods_for(
    *,
    frequency: str,
    due_rule: str,
    plan_start: date,
    plan_end: date,
    due_day=None,
    due_month=None,
    due_date: date | None = None,
    cutoff_rule: str = CUTOFF_DECREE_09,
    name: str = "",
) -> list[PeriodSpec]:
    """Every period a requirement produces over the plan period, in deadline order."""
    if frequency == ONCE:
        end_hint = due_date or plan_end
        end = min(plan_end, max(plan_start, end_hint)) if due_rule == FIXED_DATE else plan_end
        due = due_date_for(
            due_rule=due_rule, period_start=plan_start, period_end=end, due_day=due_day, due_month=due_month, due_date=due_date
        )
        label = name.strip() or f"Báo cáo ngày {format_ddmmyyyy(due)}"
        c_start, c_end = cutoff_for(cutoff_rule=cutoff_rule, frequency=ONCE, period_start=plan_start, period_end=end, due=due)
        return [PeriodSpec(label, plan_start, end, c_start, c_end, due)]
    specs = []
    for label, start, end in calendar_periods(frequency, plan_start, plan_end):
        due = due_date_for(
            due_rule=due_rule, period_start=start, period_end=end, due_day=due_day, due_month=due_month, due_date=due_date
        )
        c_start, c_end = cutoff_for(cutoff_rule=cutoff_rule, frequency=frequency, period_start=start, period_end=end, due=due)
        specs.append(PeriodSpec(label, start, end, c_start, c_end, due))
    return sorted(specs, key=lambda s: (s.due_date, s.start))


def periods_for_requirement(requirement, plan_start: date | None = None, plan_end: date | None = None) -> list[PeriodSpec]:
    """``periods_for`` reading the rule from a ``ReportingRequirement``-like object.

    Reads attributes only (``requirement.plan`` must be loaded when the plan dates are not
    given), so it stays usable in tests with plain objects.
    """
    if plan_start is None or plan_end is None:
        plan_start, plan_end = requirement.plan.period_start, requirement.plan.period_end
    return periods_for(
        frequency=requirement.frequency,
        due_rule=requirement.due_rule,
        plan_start=plan_start,
        plan_end=plan_end,
        due_day=requirement.due_day,
        due_month=requirement.due_month,
        due_date=requirement.due_date,
        cutoff_rule=requirement.cutoff_rule or CUTOFF_DECREE_09,
        name=requirement.name if requirement.frequency == ONCE else "",
    )
