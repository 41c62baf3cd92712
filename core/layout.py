"""The base layout's head links, navigation bar and scripts, written in Python (issue 17).

``templates/base.html`` rendered ~40 variable and tag nodes and two includes of the
notification bell for every page (~1.1 ms of CPU on a quiet machine, the largest part of what
an authenticated page pays before its own work). The same markup is written here, string for
string:

* ``head_links_html`` / ``scripts_html`` — the static files' tags, one string per process,
  script prefix and static settings (the URLs are ``core.templatetags.coopplan.static_once``'s);
* ``navbar_html`` — the ``<nav>`` element for this render: brand, menu (``nav_items`` of
  ``core.context_processors.portal``), the bell with the unread count, the user's menu, the
  language switch, with the render's CSRF token.

Every value is escaped as the template escaped it (``core.listtools.esc``: quotes included);
the number of unread notices is localized as ``{{ unread_notifications }}`` was.
``tests/core/test_base_layout.py`` compares the page's layout with the former template
(``tests/core/reference/base_before.html``) character for character.
"""

from __future__ import annotations

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.base import render_value_in_context
from django.urls import NoReverseMatch, get_script_prefix
from django.utils import formats
from django.utils.translation import get_language, gettext

from core.listtools import esc
from core.navigation import reverse_all_once

HEAD_FILES = (
    ("icon", "img/favicon.svg"),
    ("stylesheet", "vendor/bootstrap/bootstrap.min.css"),
    ("stylesheet", "vendor/bootstrap-icons/bootstrap-icons.min.css"),
    ("stylesheet", "vendor/tom-select/tom-select.bootstrap5.min.css"),
    ("stylesheet", "vendor/vanillajs-datepicker/datepicker-bs5.min.css"),
    ("stylesheet", "css/coopplan.css"),
    ("print", "css/print.css"),
)
SCRIPT_FILES = (
    "vendor/bootstrap/bootstrap.bundle.min.js",
    "vendor/htmx/htmx.min.js",
    "js/table-stack.js",
    "vendor/tom-select/tom-select.complete.min.js",
    "js/autocomplete.js",
    "vendor/vanillajs-datepicker/datepicker.min.js",
    "vendor/vanillajs-datepicker/locales/vi.js",
    "js/datepicker.js",
)

# Emptied as the static URLs' memo (``core.templatetags.coopplan.static_once``) when the static
# settings change; keyed by script prefix as that memo is.
_WRITTEN: dict = {}


@receiver(setting_changed)
def _static_settings_changed(*, setting, **kwargs):
    if setting in {"STATICFILES_STORAGE", "STATIC_ROOT", "STATIC_URL", "STORAGES", "FORCE_SCRIPT_NAME"}:
        _WRITTEN.clear()


def _static(path: str) -> str:
    from core.templatetags.coopplan import static_once

    return esc(static_once(path))


def head_links_html() -> str:
    """The seven ``<link>`` lines of ``<head>`` (icon, stylesheets, print stylesheet)."""
    key = ("head", get_script_prefix())
    try:
        return _WRITTEN[key]
    except KeyError:
        pass
    lines = []
    for kind, path in HEAD_FILES:
        if kind == "icon":
            lines.append(f'<link rel="icon" href="{_static(path)}" type="image/svg+xml">')
        elif kind == "print":
            lines.append(f'<link rel="stylesheet" href="{_static(path)}" media="print">')
        else:
            lines.append(f'<link rel="stylesheet" href="{_static(path)}">')
    html = _WRITTEN[key] = "\n  ".join(lines)
    return html


def scripts_html() -> str:
    """The eight ``<script>`` lines before ``</body>``."""
    key = ("scripts", get_script_prefix())
    try:
        return _WRITTEN[key]
    except KeyError:
        pass
    html = _WRITTEN[key] = "\n  ".join(f'<script src="{_static(path)}"></script>' for path in SCRIPT_FILES)
    return html


def _csrf_input(token) -> str:
    """``{% csrf_token %}``: the hidden input, or nothing when the render has no token."""
    if token and token != "NOTPROVIDED":
        return f'<input type="hidden" name="csrfmiddlewaretoken" value="{esc(token)}">'
    return ""


# The layout's URLs without arguments, looked up together once a page (``reverse_all_once``).
_NAMES = ("home", "admin:index", "password_change", "logout", "set_language", "reports:notification_list")


def _bell(unread, urls) -> str:
    """``{% include "includes/_notification_bell.html" %}``."""
    url = urls["reports:notification_list"]
    if not url:
        return "\n"
    notifications = esc(gettext("Notifications"))
    badge = f'<span class="badge rounded-pill text-bg-warning">{esc(formats.localize(unread))}</span>' if unread else ""
    return (
        f'\n<a class="nav-link position-relative text-white" href="{esc(url)}" title="{notifications}">\n'
        f'  <i class="bi bi-bell" aria-hidden="true"></i><span class="visually-hidden">{notifications}</span>\n'
        f"  {badge}\n</a>\n\n"
    )


def _urls() -> dict:
    return dict(zip(_NAMES, reverse_all_once(_NAMES), strict=True))


def _url(urls: dict, name: str) -> str:
    """``{% url_once name %}`` (fails as it does when the name does not resolve)."""
    url = urls[name]
    if url is None:
        raise NoReverseMatch(f"Reverse for '{name}' not found.")
    return esc(url)


def navbar_html(context) -> str:
    """The ``<nav>`` element of ``base.html`` for this render's context."""
    user = context.get("user")
    request = context.get("request")
    authenticated = user is not None and user.is_authenticated
    token = context.get("csrf_token")
    csrf = _csrf_input(token)
    urls = _urls()
    out = [
        f'<nav class="navbar navbar-expand-lg navbar-dark bg-coop d-print-none" aria-label="{esc(gettext("Main navigation"))}">\n'
        '    <div class="container-fluid">\n'
        f'      <a class="navbar-brand fw-semibold" href="{_url(urls, "home")}"><i class="bi bi-diagram-3" aria-hidden="true"></i>'
        f' {esc(context.get("SITE_NAME", ""))}</a>\n      '
    ]
    bell = _bell(context.get("unread_notifications"), urls) if authenticated else ""
    if authenticated:
        out.append(f'\n        \n        <span class="d-lg-none ms-auto me-2">{bell}</span>\n      ')
    out.append(
        '\n      <button class="navbar-toggler" type="button" data-bs-toggle="collapse" data-bs-target="#mainnav"'
        f' aria-controls="mainnav" aria-expanded="false" aria-label="{esc(gettext("Toggle navigation"))}">\n'
        '        <span class="navbar-toggler-icon"></span>\n'
        "      </button>\n"
        '      <div class="collapse navbar-collapse" id="mainnav">\n'
        '        <ul class="navbar-nav me-auto">\n          '
    )
    for item in context.get("nav_items") or ():
        active, current = (" active", ' aria-current="page"') if item["active"] else ("", "")
        out.append(
            f'\n            <li class="nav-item"><a class="nav-link{active}" href="{esc(item["url"])}"'
            f'{current}><i class="bi bi-{esc(item["icon"])}" aria-hidden="true"></i>'
            f' {esc(item["label"])}</a></li>\n          '
        )
    out.append("\n          ")
    if authenticated and user.is_superuser:
        administration = esc(gettext("Administration"))
        out.append(
            f'\n            <li class="nav-item nav-admin"><a class="nav-link" href="{_url(urls, "admin:index")}" title="{administration}">'
            f'<i class="bi bi-gear" aria-hidden="true"></i> <span class="nav-admin-label">{administration}</span></a></li>\n          '
        )
    out.append('\n        </ul>\n        <ul class="navbar-nav align-items-lg-center flex-lg-nowrap">\n          ')
    if authenticated:
        name = esc(user)
        agency = user.agency
        roles = ", ".join(esc(label) for label in user.role_labels)
        out.append(
            f'\n            <li class="nav-item d-none d-lg-block">{bell}</li>\n'
            '            <li class="nav-item dropdown">\n'
            '              <a class="nav-link dropdown-toggle" href="#" role="button" data-bs-toggle="dropdown"'
            f' aria-expanded="false" title="{name}">\n'
            f'                <i class="bi bi-person-circle" aria-hidden="true"></i> <span class="nav-user-name">{name}</span>\n'
            "              </a>\n"
            '              <ul class="dropdown-menu dropdown-menu-end">\n'
            f'                <li><span class="dropdown-item-text small text-muted">{esc(agency) if agency else ""}<br>{roles}</span></li>\n'
            '                <li><hr class="dropdown-divider"></li>\n'
            f'                <li><a class="dropdown-item" href="{_url(urls, "password_change")}">{esc(gettext("Change password"))}</a></li>\n'
            "                <li>\n"
            f'                  <form method="post" action="{_url(urls, "logout")}">{csrf}\n'
            f'                    <button type="submit" class="dropdown-item">{esc(gettext("Log out"))}</button>\n'
            "                  </form>\n"
            "                </li>\n"
            "              </ul>\n"
            "            </li>\n          "
        )
    full_path = esc(request.get_full_path()) if request is not None else ""
    if get_language() == "vi":
        switch = '<button class="btn btn-sm btn-outline-light text-nowrap" name="language" value="en" type="submit" lang="en">English</button>'
    else:
        switch = '<button class="btn btn-sm btn-outline-light text-nowrap" name="language" value="vi" type="submit" lang="vi">Tiếng Việt</button>'
    out.append(
        "\n          <li class=\"nav-item\">\n"
        f'            <form action="{_url(urls, "set_language")}" method="post" class="d-flex ms-lg-2">{csrf}\n'
        f'              <input name="next" type="hidden" value="{full_path}">\n'
        "              \n              \n"
        f"                {switch}\n"
        "              \n"
        "            </form>\n"
        "          </li>\n"
        "        </ul>\n"
        "      </div>\n"
        "    </div>\n"
        "  </nav>"
    )
    return "".join(out)


def breadcrumbs_html(context) -> str:
    """``{% include "includes/_breadcrumbs.html" %}``: "Home", then each ``(label, url)`` of
    ``breadcrumbs`` (the last one, or one without a URL, as the current page). Values are
    written by Django's own ``render_value_in_context``, as ``{{ }}`` wrote them."""
    value = render_value_in_context
    out = [
        f'<nav aria-label="{esc(gettext("Breadcrumb"))}" class="d-print-none">\n'
        '  <ol class="breadcrumb small">\n'
        f'    <li class="breadcrumb-item"><a href="{_url(_urls(), "home")}">{esc(gettext("Home"))}</a></li>\n    '
    ]
    crumbs = list(context.get("breadcrumbs") or ())
    last = len(crumbs) - 1
    for i, (label, url) in enumerate(crumbs):
        if url and i != last:
            out.append(f'\n      <li class="breadcrumb-item"><a href="{value(url, context)}">{value(label, context)}</a></li>\n      \n    ')
        else:
            out.append(f'\n      <li class="breadcrumb-item active" aria-current="page">{value(label, context)}</li>\n    ')
    out.append("\n  </ol>\n</nav>\n")
    return "".join(out)


def messages_html(context) -> str:
    """``{% include "includes/_messages.html" %}``: one dismissible alert a message (iterating
    the storage marks them read, as the loop did)."""
    out = []
    close = None
    for message in context.get("messages") or ():
        if close is None:
            close = esc(gettext("Close"))
        tags = message.tags
        kind = "danger" if tags == "error" else render_value_in_context(tags or "info", context)
        out.append(
            f'\n  <div class="alert alert-{kind} alert-dismissible fade show d-print-none" role="alert">\n'
            f"    {render_value_in_context(message, context)}\n"
            f'    <button type="button" class="btn-close" data-bs-dismiss="alert" aria-label="{close}"></button>\n'
            "  </div>\n"
        )
    out.append("\n")
    return "".join(out)
