"""The share of HTX rated tốt/khá: one definition and one year on the home page's registry panel
and on the registry dashboard, each labelled with its year and its denominator (issue 15).

Observed: on the same day the registry page showed the ratings of the last complete year and
the home panel those of the latest year with any record — this year's first records included —
so the two shares differed and neither said of how many HTX."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from cooperatives.models import YearlyRecord
from dashboards import selectors as s
from tests.cooperatives.factories import OrganisationFactory
from tests.directory.factories import UserFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 25)


@pytest.fixture
def rated(province, commune_a, commune_b):
    """2025: 3 HTX rated (tốt, khá, yếu) and one not rated; 2026: one HTX entered early, rated tốt.
    A THT rated yếu in 2025 is not an HTX."""
    orgs = [OrganisationFactory(commune=commune_a if i % 2 else commune_b, name=f"HTX {i}") for i in range(4)]
    for org, rating in zip(orgs, ["tot", "kha", "yeu", "none"], strict=True):
        YearlyRecord.objects.create(organisation=org, year=2025, rating=rating)
    YearlyRecord.objects.create(organisation=orgs[0], year=2026, rating="tot")
    tht = OrganisationFactory(commune=commune_a, kind="tht", name="THT 1")
    YearlyRecord.objects.create(organisation=tht, year=2025, rating="yeu")
    return orgs


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_rating_year_is_the_latest_complete_year_with_ratings(province, rated):
    area = s.Area.of(province)
    assert s.rating_year(area, 2026, TODAY) == 2025  # this year is not complete
    assert s.rating_year(area, 2025, TODAY) == 2025
    assert s.rating_year(area, 2024, TODAY) == 2024  # no ratings up to 2024: the year itself
    YearlyRecord.objects.filter(year=2025).delete()
    assert s.rating_year(area, 2026, TODAY) == 2025  # nothing complete: the bound


def test_home_panel_and_registry_page_show_the_same_share_of_the_same_year(
    client_for, province_agency, rated, freeze
):
    freeze(TODAY)
    planner = UserFactory(username="kehoach", agency=province_agency, is_planner=True, is_leader=True)
    client = client_for(planner)
    with translation.override("vi"):
        registry = client.get(reverse("dashboards:registry") + "?year=2026", HTTP_ACCEPT_LANGUAGE="vi")
        home = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="vi")
    expected = "Xếp loại năm 2025: 66,7% trong 3 HTX được xếp loại đạt tốt, khá"
    # The panel used the latest year with any record (2026: one HTX, "100% HTX…"), unlabelled.
    assert expected in _text(home.content.decode())
    assert expected in _text(registry.content.decode())
    assert registry.context["rating_year"] == 2025
    assert registry.context["rated"] == 3 and str(registry.context["good_share"]) == "66.7"
