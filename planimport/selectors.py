"""Queries of the import pages."""

from __future__ import annotations

import datetime

from plans.models import Plan


def plan_duplicate_find(*, issuer, number: int | None, symbol: str | None, issue_date=None) -> Plan | None:
    """The plan already in the portal for the same document: same issuer, same number and symbol
    ("2949/KH-UBND"), and — when both dates are known — the same year (numbers restart every year).
    A draft without a number is never a duplicate (its number is blank, not the same)."""
    if issuer is None or not number or not symbol:
        return None
    plans = Plan.objects.filter(issuer=issuer, number=number, symbol__iexact=symbol.strip()).order_by("pk")
    if isinstance(issue_date, datetime.date):
        same_year = [p for p in plans if p.issue_date is None or p.issue_date.year == issue_date.year]
        return same_year[0] if same_year else None
    return plans.first()
