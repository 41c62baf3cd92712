"""``{{ agency|formerly }}`` / ``{{ unit|formerly }}``: "(trước đây: …)" after a body that
succeeded others (issue 14). Reads ``predecessors`` — the view prefetches them
(``directory.selectors.formerly_prefetch``), so a list costs one query, not one per row."""

from django import template
from django.utils.translation import gettext

register = template.Library()


@register.filter
def formerly(obj) -> str:
    if obj is None:
        return ""
    names = [getattr(p, "full_name", None) or p.name for p in obj.predecessors.all()]
    if not names:
        return ""
    return gettext("(formerly: %(names)s)") % {"names": ", ".join(names)}


@register.filter
def now_part_of(unit) -> str:
    """"(nay: xã Sơn Hà)" after a unit that ended (its successors, prefetched by the view:
    ``directory.selectors.successors_prefetch``); "" for a unit in force."""
    if unit is None or unit.valid_to is None:
        return ""
    names = [s.full_name for s in unit.successors.all()]
    if not names:
        return ""
    return gettext("(now: %(names)s)") % {"names": ", ".join(names)}
