"""The base layout is the same after its per-process memos (issue 17).

``templates/base.html`` names its static files and its argument-less URLs through
``{% static_once %}`` / ``{% url_once %}``, and the menu (``core.navigation.nav_for``) reverses
its entries once per process. The former layout and menu are kept in ``tests/core/reference``
and here; every demo account, in Vietnamese and English, on several pages (the menu's active
entry changes), gets the same HTML, character for character once the CSRF tokens (random masks
on every render) are set aside.
"""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import engines
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.test import RequestFactory, override_settings
from django.urls import NoReverseMatch, clear_url_caches, reverse
from django.utils import translation

from core.navigation import NAV_ITEMS, nav_for, reverse_all_once, reverse_once
from core.templatetags.coopplan import static_once, url_if_exists, url_once
from directory.models import User

REFERENCE = Path(__file__).parent / "reference" / "base_before.html"
TOKEN = re.compile(r'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+')
PATHS = ["/", "/plans/", "/reports/", "/registry/", "/dashboards/progress/", "/accounts/password_change/"]


def former_nav_for(user, current_path=""):
    """The menu as it was built before: every entry reversed on every request."""
    items = []
    if not user.is_authenticated:
        return items
    for item in NAV_ITEMS:
        if not any(user.has_role(r) for r in item.roles):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        items.append({"label": item.label, "url": url, "icon": item.icon, "active": current_path.startswith(url) and url != "/"})
    return items


def render_both(user, path, language, context=None):
    request = RequestFactory().get(path)
    request.user = user
    request.LANGUAGE_CODE = language
    with translation.override(language):
        new = render_to_string("base.html", dict(context or {}), request)
        former = engines["django"].from_string(REFERENCE.read_text()).render(
            {**(context or {}), "nav_items": former_nav_for(user, path)}, request
        )
    return TOKEN.sub(r"\1…", new), TOKEN.sub(r"\1…", former)


@pytest.mark.django_db
def test_layout_is_the_same_for_every_demo_user(demo_directory):
    users = list(User.objects.select_related("agency__unit").order_by("username"))
    assert len(users) >= 10
    for user in [*users, AnonymousUser()]:
        for language in ("vi", "en"):
            for path in PATHS:
                new, former = render_both(user, path, language)
                assert new == former, (getattr(user, "username", "anonymous"), language, path)
    # The comparison sees what differs between users: the menu and the user's name.
    assert render_both(users[0], "/", "vi")[0] != render_both(users[1], "/", "vi")[0]
    assert 'class="nav-link active" href="/plans/" aria-current="page"' in render_both(users[0], "/plans/", "vi")[0]


def test_static_once_follows_the_static_settings():
    assert static_once("css/coopplan.css") == static("css/coopplan.css")
    with override_settings(STATIC_URL="/assets/"):
        assert static_once("css/coopplan.css") == "/assets/css/coopplan.css"
    assert static_once("css/coopplan.css") == static("css/coopplan.css")


def test_reverse_once_follows_the_urlconf_and_script_prefix():
    from django.urls import set_script_prefix

    assert reverse_once("plans:plan_list") == reverse("plans:plan_list") == "/plans/"
    assert url_once("plans:plan_list") == url_if_exists("plans:plan_list") == "/plans/"
    assert url_if_exists("no-such-page") == ""
    with pytest.raises(NoReverseMatch):
        url_once("no-such-page")
    set_script_prefix("/portal/")
    try:
        assert reverse_once("plans:plan_list") == "/portal/plans/"
    finally:
        set_script_prefix("/")
    with override_settings(ROOT_URLCONF="tests.core.urls_without_plans"):
        assert reverse_once("plans:plan_list") is None
        assert "/plans/" not in [i["url"] for i in nav_for(User(is_superuser=True, username="x"))]
    clear_url_caches()
    assert reverse_once("plans:plan_list") == "/plans/"


@pytest.mark.django_db
def test_unread_count_is_the_orms(client):
    """The bell's count (one statement built once per process) is the ORM's count: unread
    notices of this user only, read ones and other users' left out; the page shows it."""
    from django.utils import timezone

    from core.context_processors import unread_notifications
    from reports.models import Notification
    from tests.directory.factories import UserFactory

    me, other = UserFactory(is_reporter=True), UserFactory(is_reporter=True)
    assert unread_notifications(me) == 0
    for i in range(3):
        Notification.objects.create(user=me, title=f"n{i}")
    Notification.objects.create(user=me, title="read", read_at=timezone.now())
    Notification.objects.create(user=other, title="other")
    assert unread_notifications(me) == Notification.objects.filter(user=me, read_at__isnull=True).count() == 3
    assert unread_notifications(other) == 1
    client.force_login(me)
    page = client.get("/accounts/password_change/")
    assert page.context["unread_notifications"] == 3
    assert '<span class="badge rounded-pill text-bg-warning">3</span>' in page.content.decode()


HOSTILE_PATHS = ["/plans/?q=<b>&o=\"1\"&x='y'", "/reports/?page=2&amp;=%3Cx%3E", "/"]


@pytest.mark.django_db
@pytest.mark.parametrize("unread", [0, 3, 1234])
def test_layout_escapes_and_localizes_as_the_template_did(monkeypatch, unread):
    """``core.layout`` writes the navigation bar in Python (issue 17): names, agency, roles and
    the path with its query string escaped as ``{{ }}`` escaped them, the unread count localized
    as ``{{ unread_notifications }}`` (``1.234`` / ``1,234``), for a superuser and a user with
    several roles and none, with and without an agency."""
    from tests.directory.factories import AgencyFactory, UserFactory

    monkeypatch.setattr("core.context_processors.unread_notifications", lambda user: unread)
    agency = AgencyFactory(name='Sở <Tài chính> & "Kế hoạch" \'QN\'')
    users = [
        UserFactory(username="a1", full_name='<script>alert("x")</script> & Ánh', agency=agency,
                    is_planner=True, is_leader=True),
        UserFactory(username="a2", full_name="Bình", agency=None, is_superuser=True),
        UserFactory(username="a3", full_name="", agency=agency),
    ]
    for user in users:
        user = User.objects.select_related("agency__unit").get(pk=user.pk)
        for language in ("vi", "en"):
            for path in HOSTILE_PATHS:
                new, former = render_both(user, path, language)
                assert new == former, (user.username, language, path)
    new = render_both(User.objects.get(username="a1"), HOSTILE_PATHS[0], "vi")[0]
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Ánh" in new
    assert 'name="next" type="hidden" value="/plans/?q=%3Cb%3E&amp;o=%221%22&amp;x=&#x27;y&#x27;"' in new
    if unread == 1234:
        assert ">1.234</span>" in new
        assert ">1,234</span>" in render_both(User.objects.get(username="a1"), "/", "en")[0]


@pytest.mark.django_db
def test_layout_under_a_script_prefix_and_without_a_request():
    """The static files' and menu's URLs follow the script prefix (the head and scripts are
    written once per prefix); a template rendered without a request (no user, no CSRF token)
    gets the former layout's anonymous bar."""
    from django.template import Context
    from django.template.loader import get_template
    from django.urls import set_script_prefix

    from tests.directory.factories import UserFactory

    user = User.objects.select_related("agency__unit").get(pk=UserFactory(username="p1", is_reporter=True).pk)
    set_script_prefix("/portal/")
    try:
        for language in ("vi", "en"):
            new, former = render_both(user, "/portal/reports/", language)
            assert new == former
        assert 'href="/portal/reports/"' in new
    finally:
        set_script_prefix("/")
    assert "/portal/" not in render_both(user, "/reports/", "vi")[0]
    with translation.override("en"):
        new = get_template("base.html").template.render(Context({}))
        former = engines["django"].from_string(REFERENCE.read_text()).template.render(Context({}))
    assert new == former
    assert "csrfmiddlewaretoken" not in new


def _messages():
    from django.contrib import messages
    from django.contrib.messages.storage.base import Message
    from django.utils.safestring import mark_safe

    return [
        Message(messages.ERROR, 'Không lưu được: <b>"tên"</b> & mã'),
        Message(messages.SUCCESS, "Đã lưu."),
        Message(messages.INFO, "Có ghi chú", extra_tags="sticky <x>"),
        Message(messages.WARNING, mark_safe('Xem <a href="/plans/">danh sách</a>')),
        Message(messages.DEBUG, 12345),
    ]


CRUMBS = [
    [],
    [("Kế hoạch", "")],
    [("Sổ đăng ký", "/registry/"), ('HTX <"Ánh"> & con', "")],
    [("A", "/a/?x=1&y=<2>"), ("B", ""), ("C", "/c/"), (2026, "/d/")],
]


@pytest.mark.django_db
@pytest.mark.parametrize("crumbs", CRUMBS)
def test_breadcrumbs_and_messages_are_written_as_their_includes_did(crumbs):
    """``{% layout_breadcrumbs %}`` and ``{% layout_messages %}`` (``core.layout``) write what
    the two includes wrote: every crumb with and without a URL, the last one current, labels
    and URLs escaped (a lazy label, a number localized), messages of every level with extra
    tags, escaped or already safe, none."""
    from django.utils.translation import gettext_lazy

    from tests.directory.factories import UserFactory

    user = User.objects.select_related("agency__unit").get(pk=UserFactory(username="b1", is_planner=True).pk)
    for language in ("vi", "en"):
        for messages in ([], _messages()):
            for context in ({"breadcrumbs": crumbs, "messages": messages},
                            {"breadcrumbs": [(gettext_lazy("Plans"), ""), *crumbs], "messages": messages}):
                new, former = render_both(user, "/plans/", language, context)
                assert new == former, (language, context)
    new = render_both(user, "/plans/", "vi", {"breadcrumbs": crumbs, "messages": _messages()})[0]
    assert "Không lưu được: &lt;b&gt;&quot;tên&quot;&lt;/b&gt; &amp; mã" in new
    assert 'Xem <a href="/plans/">danh sách</a>' in new and "alert alert-danger" in new
    if crumbs:
        assert 'aria-current="page">' in new


def test_reverse_all_once_follows_the_urlconf_script_prefix_and_language():
    """The menu's and layout's names looked up together (one memo entry a page) give what
    ``reverse_once`` gives name by name, under another script prefix, language and URLconf."""
    from django.urls import set_script_prefix

    names = ("plans:plan_list", "no-such-page", "home")
    assert reverse_all_once(names) == ("/plans/", None, "/") == tuple(reverse_once(n) for n in names)
    assert reverse_all_once(names) is reverse_all_once(names)  # remembered
    set_script_prefix("/portal/")
    try:
        assert reverse_all_once(names) == ("/portal/plans/", None, "/portal/")
    finally:
        set_script_prefix("/")
    with translation.override("en"):
        assert reverse_all_once(names) == ("/plans/", None, "/")
    with override_settings(ROOT_URLCONF="tests.core.urls_without_plans"):
        assert reverse_all_once(names) == (None, None, "/")
    clear_url_caches()
    assert reverse_all_once(names) == ("/plans/", None, "/")
