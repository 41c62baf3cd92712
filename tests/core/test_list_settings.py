"""A list's preference and saved filters read together (``core.listtools.read_list_settings``,
one statement on PostgreSQL, issue 17) are the ORM's ``ListPreference.objects.filter(…).first()``
and ``SavedFilter.objects.filter(…)``: the same instances, field for field with their types, in
the same order, none of another user's or another list's; and the plan list reads them with one
statement."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.listtools import read_list_settings
from core.models import ListPreference, SavedFilter
from tests.directory.factories import UserFactory

pytestmark = pytest.mark.django_db


def fields(obj):
    return None if obj is None else [(f.attname, getattr(obj, f.attname), type(getattr(obj, f.attname))) for f in obj._meta.concrete_fields]


def orm(user, key):
    return ListPreference.objects.filter(user=user, list_key=key).first(), list(SavedFilter.objects.filter(user=user, list_key=key))


def assert_same(user, key):
    preference, saved = read_list_settings(user, key)
    expected_preference, expected_saved = orm(user, key)
    assert fields(preference) == fields(expected_preference)
    assert [fields(s) for s in saved] == [fields(s) for s in expected_saved]
    assert all(not s._state.adding for s in saved) and (preference is None or not preference._state.adding)
    assert all(not s.get_deferred_fields() for s in saved)  # no field read later, one query per filter
    return preference, saved


def test_same_as_the_orm():
    user, other = UserFactory(), UserFactory()
    assert assert_same(user, "plans") == (None, [])
    ListPreference.objects.create(user=user, list_key="plans", page_size=None, hidden_columns=[])
    assert assert_same(user, "plans")[0].page_size is None
    ListPreference.objects.filter(user=user).update(page_size=50, hidden_columns=["number", "status", "ngày <x>"])
    for name in ["Đã ban hành", "a", "Quá hạn <năm> & \"nay\"", "B", "ă", "Z 2025"]:
        SavedFilter.objects.create(user=user, list_key="plans", name=name, query=f"q={name}")
    SavedFilter.objects.create(user=user, list_key="reports", name="khác", query="")
    SavedFilter.objects.create(user=other, list_key="plans", name="của người khác", query="")
    ListPreference.objects.create(user=other, list_key="plans", page_size=100)
    preference, saved = assert_same(user, "plans")
    assert preference.hidden_columns == ["number", "status", "ngày <x>"] and len(saved) == 6
    assert [s.name for s in assert_same(user, "reports")[1]] == ["khác"]
    assert assert_same(other, "plans")[0].page_size == 100


def test_anonymous_reads_nothing():
    from django.contrib.auth.models import AnonymousUser

    assert read_list_settings(AnonymousUser(), "plans") == (None, [])


def test_the_plan_list_reads_them_once(admin_user, client_for):
    ListPreference.objects.create(user=admin_user, list_key="plans", page_size=50, hidden_columns=["kind"])
    SavedFilter.objects.create(user=admin_user, list_key="plans", name="Đã ban hành", query="status=issued")
    client = client_for(admin_user)
    client.get(reverse("plans:plan_list"))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("plans:plan_list"))
    assert response.context["list_tools"]["page_size"] == 50 and response.context["list_tools"]["show"]["kind"] is False
    assert [s.name for s in response.context["list_tools"]["saved_filters"]] == ["Đã ban hành"]
    settings_queries = [q for q in queries.captured_queries if "core_savedfilter" in q["sql"] or "core_listpreference" in q["sql"]]
    assert len(settings_queries) == (1 if connection.vendor == "postgresql" else 2)
