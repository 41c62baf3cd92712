"""Queries of the import pages."""

from __future__ import annotations

import datetime

from core.text import symbol_key
from plans.models import Plan


def plan_duplicate_find(*, issuer, number: int | None, symbol: str | None, issue_date=None) -> Plan | None:
    """The plan already in the portal for the same document: same issuer, same number and symbol
    ("2949/KH-UBND"), and — when both dates are known — the same year (numbers restart every year).
    Symbols are compared by ``core.text.symbol_key``: "KH - UBND", "kh-ubnd", "KH–UBND" and a "QĐ"
    typed with another Đ are the same symbol. The issuer's plans with that number are few (about one a
    year), so the comparison is made in Python on them.
    A draft without a number is never a duplicate (its number is blank, not the same)."""
    wanted = symbol_key(symbol)
    if issuer is None or not number or not wanted:
        return None
    same_number = Plan.objects.filter(issuer=issuer, number=number).order_by("pk")
    plans = [p for p in same_number if symbol_key(p.symbol) == wanted]
    if isinstance(issue_date, datetime.date):
        same_year = [p for p in plans if p.issue_date is None or p.issue_date.year == issue_date.year]
        return same_year[0] if same_year else None
    return plans[0] if plans else None
