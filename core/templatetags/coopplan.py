"""Template helpers: Vietnamese numbers and dates, query-string editing, safe URLs."""

from django import template
from django.urls import NoReverseMatch, reverse

from core import formatting

register = template.Library()


@register.filter
def vn_num(value, decimals=None):
    """1234.5 → "1.234,5" (always Vietnamese style, for documents and tables)."""
    return formatting.format_number(value, None if decimals in (None, "") else int(decimals))


@register.filter
def or_dash(value):
    """A table cell's value, or "—" when there is none (None, "" or only spaces; 0 stays "0").

    Every stacked list (``table-stack``, issue 18) writes an empty cell so: on a 390 px card
    each line is "column name, value", and a name with nothing after it read like a page
    still loading. "—" says "no value" in the card and in the 1366 px table alike."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return formatting.EMPTY_CELL
    return value


@register.filter
def vn_money(value):
    """25270000 → "25,27 triệu đồng"."""
    return formatting.format_million_vnd(value)


@register.filter
def doc_date(value, year=None):
    return formatting.format_doc_date(value, year)


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs):
    """The current query string with some parameters replaced (for sorting and paging)."""
    params = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return params.urlencode()


@register.simple_tag
def url_if_exists(name, *args):
    """``{% url %}`` that yields "" instead of failing when the route does not exist."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


@register.filter
def shorten(value, limit):
    """Cut ``value`` at a word boundary to at most ``limit`` characters, ending in "…"."""
    from core.text import shorten as _shorten

    return _shorten(value, int(limit))


@register.filter
def doc_label(value, limit=None):
    """A plan's (or any numbered document's) "reference – title" for lists, the title cut at a
    word boundary to ``limit`` characters; a draft without a number shows its title alone."""
    from core.text import labelled

    return labelled(getattr(value, "reference", ""), getattr(value, "title", ""), int(limit) if limit else None)


@register.filter
def filter_field(field):
    """``{{ filter.form.status|filter_field }}``: a list filter's field with crispy's bootstrap5
    markup, written in Python (``core.filterfields``; issue 17: crispy's templates were the
    largest part of the list pages' Python time)."""
    from core.filterfields import render_filter_field

    return render_filter_field(field)
