"""The admin speaks Vietnamese throughout, third-party apps included (issue 18)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

# What the admin showed in English before locale_vendor/ and core.vendor_apps.AxesConfig.
ENGLISH = [
    "Axes",
    "Access attempts",
    "Access failures",
    "Access logs",
    "Periodic Tasks",
    "Periodic tasks",
    "Clocked",
    "Crontabs",
    "Intervals",
    "Solar events",
    "Model name",
    "Skip to main content",
    "Toggle theme",
]


def visible_text(html: str) -> str:
    """The page's text and its title/aria-label attributes, tags removed."""
    attrs = " ".join(re.findall(r'(?:title|aria-label)="([^"]*)"', html))
    body = re.sub(r"<script.*?</script>|<style.*?</style>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", "\n", body) + "\n" + attrs


@pytest.fixture
def superuser_client(client, db):
    user = get_user_model().objects.create_superuser("root", "root@example.vn", "pw-for-tests-only")
    client.force_login(user)
    return client


def test_admin_index_has_no_english_app_or_model_names(superuser_client):
    """The index names the lockout and periodic-task apps and their models in Vietnamese."""
    text = visible_text(superuser_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="vi").content.decode())
    lines = {line.strip() for line in text.splitlines() if line.strip()}
    leaked = [word for word in ENGLISH if word in lines or any(line.startswith(word) for line in lines)]
    assert not leaked, leaked
    for vietnamese in ("Khóa đăng nhập", "Lượt thử đăng nhập", "Nhật ký đăng nhập", "Tác vụ định kỳ", "Lịch cron",
                       "Lịch lặp theo chu kỳ", "Lịch theo mặt trời", "Lịch chạy một lần"):
        assert vietnamese in lines, vietnamese


@pytest.mark.parametrize(
    "url_name, english",
    [
        ("admin:axes_accessattempt_changelist", ["Username", "IP Address", "Failed Logins", "Attempt Time"]),
        ("admin:axes_accesslog_changelist", ["Username", "IP Address", "Logout Time"]),
        ("admin:django_celery_beat_periodictask_changelist", ["Enable selected tasks", "Run selected tasks"]),
        ("admin:django_celery_beat_periodictask_add", ["Task (registered)", "Positional Arguments", "Start Datetime"]),
        ("admin:django_celery_beat_crontabschedule_add", ["Minute(s)", "Cron Timezone"]),
    ],
)
def test_third_party_admin_pages_are_vietnamese(superuser_client, url_name, english):
    """Column headers, actions and form labels of those apps are translated too."""
    response = superuser_client.get(reverse(url_name), HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    leaked = [word for word in english if word in text]
    assert not leaked, leaked


def test_no_dashes_on_any_admin_form(superuser_client):
    """Every model's add page in the admin — the portal's models and the third-party apps',
    their inlines included — says what to choose ("— Chọn … —"), never Django's "---------"
    (``core.admin_site._humane``, issue 18)."""
    from django.contrib import admin

    pages, dashes = 0, []
    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
        response = superuser_client.get(url, HTTP_ACCEPT_LANGUAGE="vi")
        if response.status_code == 403:  # a model only the portal's services write
            continue
        assert response.status_code == 200, (url, response.status_code)
        pages += 1
        if "---------" in response.content.decode():
            dashes.append(url)
    assert pages >= 20 and not dashes, dashes


@pytest.mark.parametrize(
    "url_name, english",
    [
        ("admin:django_celery_beat_intervalschedule_add", ["Number of Periods", "Interval Period"]),
        ("admin:django_celery_beat_solarschedule_add", ["Solar Event", "Latitude", "Longitude"]),
        ("admin:django_celery_beat_clockedschedule_add", ["Clock Time"]),
    ],
)
def test_schedule_admin_pages_are_vietnamese(superuser_client, url_name, english):
    """The intervals, solar events and clocked schedules the issue named, page by page."""
    response = superuser_client.get(reverse(url_name), HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    leaked = [word for word in english if word in visible_text(response.content.decode())]
    assert not leaked, leaked
