"""Validation of a chosen unit or agency against the date it is chosen for.

Forms call these in ``clean()`` (see docs/directory.md, "Bodies alive on a date"): anything
dated on or after 01/07/2025 names only bodies alive then, and anything before it the bodies
of its time. The choice lists may be narrowed for display, but the rule lives here.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .selectors import is_alive_between


def _d(day) -> str:
    return f"{day:%d/%m/%Y}"


def agency_life_error(agency, start, end=None) -> ValidationError | None:
    """A Vietnamese-ready error when ``agency`` was not alive at any moment of [start, end]
    (``end`` None: on ``start``), else None. Names the day it ended and its successor."""
    if agency is None or start is None or is_alive_between(agency, start, end):
        return None
    if agency.valid_to is not None and agency.valid_to < start:
        params = {"name": agency.name, "date": _d(agency.valid_to + timedelta(days=1)), "day": _d(start)}
        if agency.successor_id:
            params["successor"] = agency.successor.name
            msg = _("Agency %(name)s was dissolved from %(date)s (its successor is %(successor)s); "
                    "choose a body in existence on %(day)s.")
        else:
            msg = _("Agency %(name)s was dissolved from %(date)s; choose a body in existence on %(day)s.")
        return ValidationError(msg, code="agency_ended", params=params)
    return ValidationError(
        _("Agency %(name)s exists only from %(date)s; choose a body in existence on %(day)s."),
        code="agency_not_begun",
        params={"name": agency.name, "date": _d(agency.valid_from), "day": _d(end or start)},
    )


def unit_life_error(unit, start, end=None) -> ValidationError | None:
    """As ``agency_life_error`` for an administrative unit; an ended unit names its successors
    (a commune merged on 01/07/2025 → the commune it is part of today)."""
    if unit is None or start is None or is_alive_between(unit, start, end):
        return None
    if unit.valid_to is not None and unit.valid_to < start:
        successors = ", ".join(s.full_name for s in unit.successors.all())
        params = {"name": unit.full_name, "date": _d(unit.valid_to + timedelta(days=1)), "day": _d(start)}
        if successors:
            params["successors"] = successors
            msg = _("%(name)s no longer exists from %(date)s (it is now part of %(successors)s); "
                    "choose a unit in force on %(day)s.")
        else:
            msg = _("%(name)s no longer exists from %(date)s; choose a unit in force on %(day)s.")
        return ValidationError(msg, code="unit_ended", params=params)
    return ValidationError(
        _("%(name)s exists only from %(date)s; choose a unit in force on %(day)s."),
        code="unit_not_begun",
        params={"name": unit.full_name, "date": _d(unit.valid_from), "day": _d(end or start)},
    )
