"""``directory.selectors.unit_hints`` — a list page's former and present names of its communes
in one query (issue 17) — writes what ``{{ unit|now_part_of }}`` (a unit that ended) and
``{{ unit|formerly }}`` (a unit in force) write, unit for unit, in Vietnamese and English: more
predecessors than are named ("và 3 đơn vị khác"), one, none; successors of which one ended too;
an ended unit without a successor; generic nouns inside names; text to escape; the reform world."""

import datetime

import pytest
from django.utils import translation

from directory.models import AdministrativeUnit
from directory.selectors import formerly_prefetch, successors_prefetch, unit_hints
from directory.templatetags.directory_tags import formerly, now_part_of
from tests import reform_world
from tests.directory.factories import CommuneFactory, DistrictFactory, UnitFactory

pytestmark = pytest.mark.django_db

ENDED = datetime.date(2025, 6, 30)


def _filters(units) -> dict[int, str]:
    """The filters on the units as the registry list read them: with the prefetches it had."""
    hints = {}
    fresh = AdministrativeUnit.objects.filter(pk__in=[u.pk for u in units]).prefetch_related(
        successors_prefetch(), formerly_prefetch(units=True)
    )
    for unit in fresh:
        hint = now_part_of(unit) if unit.valid_to else formerly(unit)
        if hint:
            hints[unit.pk] = hint
    return hints


@pytest.fixture
def units():
    district = DistrictFactory(name="Huyện <Sơn> & Hà")
    many = CommuneFactory(name="Xã Sơn Hà", parent=district)
    one = CommuneFactory(name="Phường \"Trần Phú\"", kind="phường", parent=district)
    none = CommuneFactory(name="Xã Sơn Linh", parent=district)
    for n, (name, kind) in enumerate(
        [("Thị trấn Di Lăng", "thị trấn"), ("xã Sơn Thượng", "xã"), ("Sơn Bao", "xã"), ("Sơn <Nham>", "xã"), ("Sơn Giang", "")]
    ):
        old = CommuneFactory(name=name, kind=kind, parent=district, valid_to=ENDED, code=f"9{n}")
        old.successors.add(many)
    CommuneFactory(name="Xã cũ & mới", parent=district, valid_to=ENDED).successors.add(one)
    split = CommuneFactory(name="Xã Sơn Cao", parent=district, valid_to=ENDED)
    split.successors.add(many, one, CommuneFactory(name="Xã Sơn Kỳ", parent=district, valid_to=ENDED))  # one ended too
    alone = CommuneFactory(name="Xã Sơn Tân", parent=district, valid_to=ENDED)  # no successor
    island = UnitFactory(name="Đặc khu <Lý Sơn>", kind="đặc khu", level="commune", parent=None)
    return [many, one, none, split, alone, island, *AdministrativeUnit.objects.filter(successors=many)]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_hints_are_the_filters_text(units, language, django_assert_num_queries):
    with translation.override(language):
        with django_assert_num_queries(1):
            hints = unit_hints(units)
        assert hints == _filters(units)
    assert len(hints) == 3 + 5  # many, one, split (now two in force), the five old communes of "many"
    with translation.override("vi"):
        hints = unit_hints(units)
    assert hints[units[0].pk].startswith("(trước đây: ") and "và 3 đơn vị khác" in hints[units[0].pk]
    assert hints[units[3].pk] == "(nay: phường \"Trần Phú\", xã Sơn Hà)"


def test_reform_world(language="vi"):
    reform_world.build()
    everything = list(AdministrativeUnit.objects.all())
    with translation.override(language):
        assert unit_hints(everything) == _filters(everything) != {}


def test_nothing_to_read(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert unit_hints([]) == {}
