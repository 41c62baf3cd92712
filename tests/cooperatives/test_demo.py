"""The demo registry: consistent with the seed plans, and idempotent."""

import datetime
import io

import pytest
from django.core.management import call_command

from cooperatives import demo, indicators
from cooperatives.models import Organisation, YearlyRecord

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

TODAY = datetime.date(2026, 11, 25)


@pytest.fixture
def loaded():
    from directory import demo as directory_demo
    from plans import demo as plans_demo

    out = io.StringIO()
    call_command("load_units", stdout=out)
    directory_demo.load(stdout=out, today=TODAY)
    plans_demo.load(stdout=out, today=TODAY)
    demo.load(stdout=out, today=TODAY)
    return directory_demo


def test_seed_consistency_and_idempotency(loaded):
    """Sơn Hà keeps 23 HTX in 2024, Ngọc Hồi has 15 agricultural HTX in 2023 and 16 in 2025,
    Tháp Mười has an HTX grown from a Hội quán, Lai Châu's Farmers' Union supported >3 HTX and
    >10 THT; the seed targets are linked; a second run writes nothing."""
    unit = loaded.unit
    assert indicators.compute("htx_active", unit=unit("sonha"), year=2024) == 23
    assert indicators.compute("htx_agri_active", unit=unit("ngochoi"), year=2023) == 15
    assert indicators.compute("htx_agri_active", unit=unit("ngochoi"), year=2025) == 16
    assert indicators.compute("htx_from_hoiquan", unit=unit("thapmuoi"), year=2025) >= 1
    assert indicators.compute("growing_area_codes", unit=unit("thapmuoi"), year=2025) >= 8
    assert indicators.compute("htx_supported_hnd", unit=unit("laichau"), year=2025) > 3
    assert indicators.compute("tht_supported_hnd", unit=unit("laichau"), year=2025) > 10
    sonbua = Organisation.objects.get(name__contains="Sơn Bua")
    assert sonbua.commune.name == "Sơn Mùa" and sonbua.commune.parent.name == "Sơn Tây"
    assert YearlyRecord.objects.filter(organisation=sonbua).count() == 5
    from plans.demo import seed_plan

    assert seed_plan("002").targets.filter(indicator__code="htx_avg_revenue").exists()
    before = (Organisation.history.count(), YearlyRecord.history.count())
    out = io.StringIO()
    demo.load(stdout=out, today=TODAY)
    assert (Organisation.history.count(), YearlyRecord.history.count()) == before
    assert "(0 new), 0 yearly records written, 0 seed targets linked" in out.getvalue()

    # The dashboards on this demo (issue 15): for every demo leader and planner (their default
    # year and Q3/2025) and the whole country, the registry, compliance, plan, map and drill-down
    # figures equal an independent computation over the raw rows, and every figure of the
    # leader's pages the list it links to (the reports demo's: tests/reports/test_demo.py).
    from django.db.models import Q
    from django.test import Client

    from dashboards import selectors as s
    from directory.models import User
    from tests.dashboards.test_crosscheck_registry import (
        RawWorld,
        assert_figures_equal_their_lists,
        assert_registry_and_drill_down,
    )

    raw = RawWorld()
    users = User.objects.filter(Q(is_leader=True) | Q(is_planner=True), agency__isnull=False).select_related("agency__unit")
    assert users and raw.orgs and raw.records and raw.plans
    for user in users:
        unit = user.agency.unit
        for window in [s.Window(y) for y in s.years_with_data(s.Area.of(unit), TODAY)[:1]] + [s.Window(2025, 3)]:
            assert_registry_and_drill_down(raw, unit, window, TODAY)
    assert_registry_and_drill_down(raw, None, s.Window(2025), TODAY)
    assert assert_figures_equal_their_lists(Client(), User.objects.get(username="lanhdao")) > 5
