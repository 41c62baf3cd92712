"""The compliance matrix's rows per page (issue 18): 25, 50 or 100 agencies, remembered per
user through the list tools' preferences (core.listtools.PageSizeMixin, ``dashboards/lists.py``);
a bad choice is a Vietnamese message, not an error page; the page's queries do not grow with
the rows. Before, the matrix showed the first 200 agencies and no more."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import ListPreference
from tests.dashboards.conftest import TODAY
from tests.dashboards.test_views import _grow, url

pytestmark = pytest.mark.django_db

PREFERENCES = reverse("lists:preferences", args=["compliance"])


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)


def _agencies(response) -> list[int]:
    return [row.agency_id for row in response.context["matrix"]["rows"]]


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_pages_of_the_chosen_size_remembered_per_user(client_for, world, leader, planner):
    """28 agencies (2 + 26 grown) at 25 a page: page 1 has 25, page 2 the other 3, none twice;
    the choice holds in another session of the same user, not for another user."""
    _grow(world, 26)
    first = client_for(leader)
    everything = first.get(url("compliance"))
    assert everything.context["page_size"]["page_size"] == 50  # the list's default
    assert len(_agencies(everything)) == 28

    response = first.post(PREFERENCES, {"page_size": "25", "next": url("compliance")}, follow=True)
    assert "Đã lưu cách hiển thị danh sách." in _messages(response)
    assert response.redirect_chain[-1][0] == url("compliance")  # back to the matrix, its year kept
    assert ListPreference.objects.get(user=leader, list_key="compliance").page_size == 25

    other_session = Client()
    other_session.force_login(leader)
    page1 = other_session.get(url("compliance"))
    page2 = other_session.get(url("compliance", query="year=2025&page=2"))
    assert len(_agencies(page1)) == 25 and len(_agencies(page2)) == 3
    assert sorted(_agencies(page1) + _agencies(page2)) == sorted(_agencies(everything))
    html = page1.content.decode()
    assert "Trang 1/2" in html and "page=2" in html  # the pagination under the matrix
    assert 'name="page_size"' in html and '<option value="25" selected>' in html

    # ?per_page= in a link wins for that page only; the planner keeps the default.
    assert len(_agencies(other_session.get(url("compliance", query="year=2025&per_page=100")))) == 28
    assert len(_agencies(client_for(planner).get(url("compliance")))) == 28


@pytest.mark.parametrize("bad", ["7", "abc", "", "1000"])
def test_a_bad_page_size_is_refused_with_a_message(client_for, world, leader, bad):
    client = client_for(leader)
    response = client.post(PREFERENCES, {"page_size": bad, "next": url("compliance")}, follow=True)
    assert response.status_code == 200
    assert "Hãy chọn 25, 50 hoặc 100 dòng mỗi trang." in _messages(response)
    assert not ListPreference.objects.filter(user=leader, list_key="compliance").exists()


@pytest.mark.parametrize("query", ["per_page=7", "per_page=abc", "page=abc", "page=999", "page=-1"])
def test_bad_page_parameters_in_a_link_fall_back(client_for, world, leader, query):
    response = client_for(leader).get(url("compliance", query=f"year=2025&{query}"))
    assert response.status_code == 200 and len(_agencies(response)) == 2


def test_the_other_list_tools_are_not_for_the_matrix(client_for, world, leader):
    """Saved filters and the list export need a filterset: a 404 for the matrix, not a 500."""
    client = client_for(leader)
    assert client.post(reverse("lists:filter_save", args=["compliance"]), {"name": "x", "query": ""}).status_code == 404
    assert client.get(reverse("lists:export", args=["compliance"])).status_code == 404


def test_query_count_does_not_grow_with_the_rows(client_for, world, leader, settings):
    """The same number of queries for 2 agencies and for 32 (two pages of 25), cache off."""
    settings.DASHBOARDS_CACHE_SECONDS = 0
    client = client_for(leader)
    client.post(PREFERENCES, {"page_size": "25", "next": url("compliance")})

    def count(query="year=2025"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("compliance", query=query)).status_code == 200
        return len(queries)

    small = count()
    _grow(world, 30)
    assert count() == small
    assert count("year=2025&page=2") == small


def test_a_reminder_returns_to_the_page_it_was_sent_from(client_for, world, leader, agency_a):
    response = client_for(leader).post(
        f"{reverse('dashboards:remind')}?year=2025", {"agency": agency_a.pk, "sort": "name", "page": "2"}
    )
    assert response.status_code == 302 and "page=2" in response["Location"] and "sort=name" in response["Location"]
