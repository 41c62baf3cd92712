"""Template helpers: Vietnamese numbers and dates, query-string editing, safe URLs."""

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.urls import NoReverseMatch, get_script_prefix, reverse

from core import formatting
from core.navigation import reverse_once

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


@register.simple_tag(takes_context=True)
def list_tools_bar(context):
    """``{% include "includes/_list_tools.html" %}`` written in Python (``core.listhtml``,
    issue 17): the list tools bar of ``list_tools`` with this render's CSRF token."""
    from django.utils.safestring import mark_safe

    from core.listhtml import list_tools_html

    lt = context.get("list_tools")
    if lt is None:  # a context without the list tools (a template rendered alone): the include, as before
        return context.template.engine.get_template("includes/_list_tools.html").render(context)
    return mark_safe(list_tools_html(lt, context.get("csrf_token")))


@register.simple_tag
def layout_head_links():
    """The base layout's ``<link>`` lines, written once per process (``core.layout``, issue 17)."""
    from django.utils.safestring import mark_safe

    from core.layout import head_links_html

    return mark_safe(head_links_html())


@register.simple_tag
def layout_scripts():
    """The base layout's ``<script>`` lines, written once per process (``core.layout``)."""
    from django.utils.safestring import mark_safe

    from core.layout import scripts_html

    return mark_safe(scripts_html())


@register.simple_tag(takes_context=True)
def layout_navbar(context):
    """The base layout's ``<nav>`` element for this render, written in Python (``core.layout``,
    issue 17): menu, bell, the user's menu and the language switch with the render's CSRF token."""
    from django.utils.safestring import mark_safe

    from core.layout import navbar_html

    return mark_safe(navbar_html(context))


@register.simple_tag(takes_context=True)
def layout_breadcrumbs(context):
    """``{% include "includes/_breadcrumbs.html" %}`` written in Python (``core.layout``)."""
    from django.utils.safestring import mark_safe

    from core.layout import breadcrumbs_html

    return mark_safe(breadcrumbs_html(context))


@register.simple_tag(takes_context=True)
def layout_messages(context):
    """``{% include "includes/_messages.html" %}`` written in Python (``core.layout``)."""
    from django.utils.safestring import mark_safe

    from core.layout import messages_html

    return mark_safe(messages_html(context))


@register.simple_tag
def url_if_exists(name, *args):
    """``{% url %}`` that yields "" instead of failing when the route does not exist."""
    if not args:
        return reverse_once(name) or ""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


@register.simple_tag
def url_once(name):
    """``{% url name %}`` for a URL without arguments, reversed once per process
    (``core.navigation.reverse_once``); fails as ``{% url %}`` does when it does not resolve."""
    url = reverse_once(name)
    if url is None:
        raise NoReverseMatch(f"Reverse for '{name}' not found.")
    return url


_STATIC_URLS: dict = {}


@receiver(setting_changed)
def _static_settings_changed(*, setting, **kwargs):
    # The settings Django's staticfiles_storage is rebuilt for (and the script prefix's).
    if setting in {"STATICFILES_STORAGE", "STATIC_ROOT", "STATIC_URL", "STORAGES", "FORCE_SCRIPT_NAME"}:
        _STATIC_URLS.clear()


@register.simple_tag
def static_once(path):
    """``{% static path %}``, remembered for the process (issue 17: the base layout names 14
    files on every page, and with the manifest storage each is a lookup in the manifest and a
    URL join). The manifest is read when the storage starts, so a file's URL cannot change
    while the process lives; the memo is emptied when the static settings change (tests)."""
    key = (path, get_script_prefix())
    try:
        return _STATIC_URLS[key]
    except KeyError:
        url = _STATIC_URLS[key] = static(path)
        return url


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
