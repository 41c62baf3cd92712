"""``{{ agency|formerly }}`` / ``{{ unit|formerly }}``: "(trước đây: …)" after a body that
succeeded others (issue 14). Reads ``predecessors`` — the view prefetches them
(``directory.selectors.formerly_prefetch``), so a list costs one query, not one per row."""

from django import template
from django.utils.translation import gettext, ngettext

from directory.models import AdministrativeUnit

register = template.Library()


# At most this many predecessors are named in a hint; the rest are counted ("và 8 cơ quan khác"):
# a commune's People's Committee of today may have succeeded 11 bodies.
FORMERLY_MAX_NAMES = 3


@register.filter
def formerly(obj) -> str:
    """"(trước đây: A, B, C và 8 cơ quan khác)". Pages that list the predecessors themselves
    (the agency page's "Kế thừa từ") do not use it."""
    if obj is None:
        return ""
    names = [getattr(p, "full_name", None) or p.name for p in obj.predecessors.all()]
    return formerly_text(names, units=isinstance(obj, AdministrativeUnit))


def formerly_text(names: list[str], *, units: bool) -> str:
    """``formerly``'s text for the predecessors' ``names`` (in their order): of units or of bodies."""
    if not names:
        return ""
    shown = ", ".join(names[:FORMERLY_MAX_NAMES])
    rest = len(names) - FORMERLY_MAX_NAMES
    if rest > 0:
        if units:
            shown = ngettext("%(names)s and %(count)s other unit", "%(names)s and %(count)s other units", rest) % {
                "names": shown,
                "count": rest,
            }
        else:
            shown = ngettext("%(names)s and %(count)s other body", "%(names)s and %(count)s other bodies", rest) % {
                "names": shown,
                "count": rest,
            }
    return gettext("(formerly: %(names)s)") % {"names": shown}


@register.filter
def now_part_of(unit) -> str:
    """"(nay: xã Sơn Hà)" after a unit that ended (its successors, prefetched by the view:
    ``directory.selectors.successors_prefetch``); "" for a unit in force."""
    if unit is None or unit.valid_to is None:
        return ""
    return now_part_of_text([s.full_name for s in unit.successors.all()])


def now_part_of_text(names: list[str]) -> str:
    """``now_part_of``'s text for the current successors' ``names`` (in their order)."""
    if not names:
        return ""
    return gettext("(now: %(names)s)") % {"names": ", ".join(names)}
