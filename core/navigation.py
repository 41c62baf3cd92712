"""The navigation bar and the home page, assembled from what each app offers.

Each app declares its menu entries here by URL name; an entry whose URL does not
resolve is left out, so the bar never links to a page that does not exist. Home-page
panels come from ``<app>/panels.py`` (a ``home_panels(request)`` function returning
``[{"template": ..., "context": {...}, "order": n}]``), so the home page fits the
user's roles without the core app knowing each app's internals.
"""

from dataclasses import dataclass
from importlib import import_module

from django.apps import apps as django_apps
from django.urls import NoReverseMatch, get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from directory.models import Role

ALL = (Role.PLANNER, Role.REPORTER, Role.LEADER)


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    icon: str
    roles: tuple = ALL


NAV_ITEMS = (
    NavItem(_("Dashboard"), "dashboards:home", "speedometer2", (Role.LEADER, Role.PLANNER)),
    NavItem(_("Plans"), "plans:plan_list", "journal-text"),
    NavItem(_("Import a plan"), "planimport:upload", "file-earmark-arrow-up", (Role.PLANNER,)),
    NavItem(_("Reports"), "reports:obligation_list", "clipboard-check"),
    NavItem(_("Review"), "reports:review_list", "inbox", (Role.PLANNER,)),
    NavItem(_("Registry"), "cooperatives:organisation_list", "people"),
    NavItem(_("Documents to sign"), "documents:signing_queue", "pen", (Role.LEADER, Role.CLERK)),
    NavItem(_("Verify a signature"), "documents:verify", "patch-check", (*ALL, Role.CLERK)),
    NavItem(_("Agencies"), "directory:agency_list", "building"),
)


def reverse_once(name: str) -> str | None:
    """``reverse(name)`` of a URL without arguments, or ``None`` when it does not resolve,
    remembered for the process (issue 17: the menu and the base layout reverse the same dozen
    names on every page). The memo lives on the URL resolver, so ``clear_url_caches()`` and a
    changed ``ROOT_URLCONF`` (tests) start a new one, and is keyed by script prefix and
    language, the two things besides the URLconf that a reversal depends on."""
    resolver = get_resolver(get_urlconf())
    memo = resolver.__dict__.setdefault("_coopplan_reversed", {})
    key = (name, get_script_prefix(), get_language())
    try:
        return memo[key]
    except KeyError:
        pass
    try:
        url = reverse(name)
    except NoReverseMatch:
        url = None
    memo[key] = url
    return url


def reverse_all_once(names: tuple[str, ...]) -> tuple[str | None, ...]:
    """``reverse_once`` of each of ``names``, the tuple remembered as one entry of the same memo
    (same resolver, script prefix and language): the menu and the base layout look up their
    ~15 names with one lookup a page instead of one each (issue 17: each ``reverse_once`` reads
    the URLconf, the script prefix and the language from their thread-locals)."""
    resolver = get_resolver(get_urlconf())
    memo = resolver.__dict__.setdefault("_coopplan_reversed", {})
    key = (names, get_script_prefix(), get_language())
    try:
        return memo[key]
    except KeyError:
        pass
    urls = memo[key] = tuple(reverse_once(name) for name in names)
    return urls


def nav_for(user, current_path: str = "") -> list[dict]:
    items = []
    if not user.is_authenticated:
        return items
    for item, url in zip(NAV_ITEMS, reverse_all_once(tuple(item.url_name for item in NAV_ITEMS)), strict=True):
        if not any(user.has_role(r) for r in item.roles):
            continue
        if url is None:
            continue
        items.append({"label": item.label, "url": url, "icon": item.icon, "active": current_path.startswith(url) and url != "/"})
    return items


def home_panels(request) -> list[dict]:
    panels = []
    # App names, not INSTALLED_APPS entries: some entries are AppConfig paths (core.vendor_apps).
    for app in (config.name for config in django_apps.get_app_configs()):
        try:
            module = import_module(f"{app}.panels")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app}.panels":
                raise
            continue
        panels.extend(module.home_panels(request) or [])
    return sorted(panels, key=lambda p: p.get("order", 100))
