"""The dashboard cache serves repeated requests and is invalidated by any write."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from dashboards import cache as dcache
from tests.dashboards.conftest import TODAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache_on(settings, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)
    settings.DASHBOARDS_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def test_repeated_request_is_served_from_cache(client_for, world, leader, cache_on, django_assert_max_num_queries):
    c = client_for(leader)
    url = reverse("dashboards:home") + "?year=2025"
    first = c.get(url)
    with django_assert_max_num_queries(6):  # session, user with agency and unit, lineage, data version, notices
        second = c.get(url)
    assert second.context["reports"] == first.context["reports"]


def test_write_invalidates(client_for, world, leader, cache_on, agency_a):
    c = client_for(leader)
    url = reverse("dashboards:home") + "?year=2025"
    assert c.get(url).context["reports"]["missing"] == 2
    # A report submitted through the ORM leaves a history row: the next request recomputes.
    ob = world["obligations"]["q3a"]
    ob.status = "submitted"
    ob.submitted_at = datetime.datetime(2025, 9, 20, 10, tzinfo=datetime.UTC)
    ob.save()
    assert c.get(url).context["reports"]["missing"] == 1


def test_bump_invalidates_writes_without_history(client_for, world, leader, cache_on):
    from reports.models import Obligation

    c = client_for(leader)
    url = reverse("dashboards:home") + "?year=2025"
    assert c.get(url).context["reports"]["missing"] == 2
    Obligation.objects.filter(pk=world["obligations"]["q3b"].pk).update(status="approved")  # no history row
    assert c.get(url).context["reports"]["missing"] == 2  # still cached
    dcache.bump()
    assert c.get(url).context["reports"]["missing"] == 1


def test_version_changes_with_registry_writes(world, cache_on, commune_a):
    from cooperatives.models import Organisation

    before = dcache.data_version()
    Organisation.objects.create(kind="htx", name="HTX mới", commune=commune_a)
    assert dcache.data_version() != before


def test_progress_page_cached_per_language(client_for, world, leader, cache_on, django_assert_max_num_queries):
    c = client_for(leader)
    url = reverse("dashboards:plan_progress", args=[world["plan"].pk]) + "?year=2025"
    first = c.get(url)
    assert "Chậm tiến độ" in first.content.decode() or "Behind" in first.content.decode()
    with django_assert_max_num_queries(7):
        second = c.get(url)
    assert second.context["table_html"] == first.context["table_html"]
    c.cookies["django_language"] = "en"
    english = c.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert "Behind" in english.content.decode()


def test_targets_list_warm_page_reads_its_own_entry(client_for, world, leader, cache_on, monkeypatch):
    """A warm targets list loads the page's entry (its 50 targets' progress), not the area's every
    target's status (issue 17: the whole country's were ~50 ms to load on each request); another
    page or status is built from the area's statuses entry, and every page shows what the list
    shows with the cache off."""
    from tests.dashboards.test_views import _grow

    _grow(world, 3)
    names = []
    real = dcache.DashboardCache.get_or_compute

    def spy(self, name, parts, compute):
        names.append(name)
        return real(self, name, parts, compute)

    monkeypatch.setattr(dcache.DashboardCache, "get_or_compute", spy)
    c = client_for(leader)
    url = reverse("dashboards:targets") + "?year=2025"
    first = c.get(url)
    assert "target-states" in names
    names.clear()
    second = c.get(url)
    assert "target-states" not in names and "targets-rows--1" in names
    assert [(r["target"].pk, r["progress"]) for r in second.context["rows"]] == [
        (r["target"].pk, r["progress"]) for r in first.context["rows"]
    ]
    cached = {}
    for query in ("&status=behind", "&status=no_data", "&page=2", "&page=x", "&status=achieved&page=9"):
        response = c.get(url + query)
        cached[query] = ([r["target"].pk for r in response.context["rows"]], response.context["page_obj"].number,
                         response.context["page_obj"].paginator.count)
    cache.clear()
    monkeypatch.setattr(dcache, "timeout", lambda: 0)
    for query, expected in cached.items():
        response = c.get(url + query)
        got = ([r["target"].pk for r in response.context["rows"]], response.context["page_obj"].number,
               response.context["page_obj"].paginator.count)
        assert got == expected, query
    assert cached["&status=behind"][0]  # the statuses are not all empty


def test_budget_warm_page_reads_its_own_entry(client_for, world, leader, cache_on, monkeypatch):
    """A warm budget page loads its own entry (its plans and the totals), not every active plan
    of the area as model instances (issue 17); each page shows what it shows with the cache off."""
    from dashboards.views import BudgetView
    from tests.dashboards.test_views import _grow

    _grow(world, 4)
    monkeypatch.setattr(BudgetView, "paginate_by", 2)
    names = []
    real = dcache.DashboardCache.get_or_compute

    def spy(self, name, parts, compute):
        names.append(name)
        return real(self, name, parts, compute)

    monkeypatch.setattr(dcache.DashboardCache, "get_or_compute", spy)
    c = client_for(leader)
    url = reverse("dashboards:budget") + "?year=2025"

    def shown(response):
        page = response.context["page_obj"]
        rows = [(p.pk, str(p.allocated), str(p.spent), str(p.issuer)) for p in page.object_list]
        return rows, str(response.context["rows_html"]), page.number, page.paginator.count, response.context["budget"]

    cached = {query: shown(c.get(url + query)) for query in ("", "&page=2", "&page=x", "&page=99")}
    names.clear()
    again = c.get(url + "&page=2")
    assert names.count("budget-page-2") == 1 and not [n for n in names if n.startswith("budget") and n != "budget-page-2"]
    assert shown(again) == cached["&page=2"]
    assert cached["&page=99"][2] == 3 and cached[""][3] == 5  # five active plans, the last page is the third
    cache.clear()
    monkeypatch.setattr(dcache, "timeout", lambda: 0)
    for query, expected in cached.items():
        assert shown(c.get(url + query)) == expected, query
