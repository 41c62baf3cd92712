"""Agency and plan matching (planimport.matching)."""

import datetime

import pytest

from planimport.matching import match_agencies, match_agency, match_plan, normalise_name, split_place, split_reference


@pytest.fixture
def agencies(cast):
    return list(cast["agencies"].values())


def test_normalise_expands_abbreviations():
    """UBND, NN&PTNT, TC-KH are read as the full names."""
    assert normalise_name("UBND huyện Sơn Hà") == "uy ban nhan dan huyen son ha"
    assert normalise_name("Phòng NN&PTNT") == normalise_name("Phòng Nông nghiệp và Phát triển nông thôn")
    assert normalise_name("Phòng TC-KH") == normalise_name("Phòng Tài chính - Kế hoạch")


def test_split_place():
    """The place starts at the first unit word; the "xã" of "hợp tác xã" is not one."""
    assert split_place("uy ban nhan dan huyen ngoc hoi") == ("uy ban nhan dan", "huyen ngoc hoi")
    assert split_place("lien minh hop tac xa tinh quang ngai") == ("lien minh hop tac xa", "tinh quang ngai")
    assert split_place("phong tai chinh - ke hoach") == ("phong tai chinh - ke hoach", "")


def test_exact_and_abbreviated_names(cast, agencies):
    """Exact names match with score 1; abbreviations match the full name."""
    a = cast["agencies"]
    assert match_agency("Ủy ban nhân dân huyện Ngọc Hồi", agencies).agency == a["ubnd_ngochoi"]
    m = match_agency("UBND tỉnh Lai Châu", agencies)
    assert m.agency == a["ubnd_laichau"] and not m.unsure


def test_similar_places_are_different_agencies(cast, agencies):
    """Sơn Hà and Sơn Tây are different districts: no approximate match across places."""
    assert match_agency("Ủy ban nhân dân huyện Sơn Hà", agencies).agency == cast["agencies"]["ubnd_sonha"]
    assert match_agency("Ủy ban nhân dân huyện Sơn Mùa", agencies).agency is None


def test_name_without_place_takes_the_context_unit(cast, agencies):
    """ "Phòng Tài chính - Kế hoạch" in a Sơn Hà plan is Sơn Hà's office, not Ngọc Hồi's."""
    a, u = cast["agencies"], cast["units"]
    assert match_agency("Phòng Tài chính - Kế hoạch", agencies, context_unit=u["sonha"]).agency == a["tckh_sonha"]
    assert match_agency("Phòng Tài chính - Kế hoạch", agencies, context_unit=u["ngochoi"]).agency == a["tckh_ngochoi"]
    assert match_agency("Phòng Nông nghiệp và PTNT", agencies, context_unit=u["sonha"]).agency is None
    m = match_agency("Ủy ban nhân dân huyện", agencies, context_unit=u["ngochoi"])
    assert m.agency == a["ubnd_ngochoi"]
    assert m.score < 1.0  # the place came from the context, not the text


def test_plural_names_never_match_one_agency(cast, agencies):
    """ "UBND các xã, thị trấn" and "Các phòng, ban" stay as written."""
    result = match_agencies(
        ["Ủy ban nhân dân các xã, thị trấn", "Các phòng, ban, ngành"], agencies, context_unit=cast["units"]["ngochoi"]
    )
    assert all(m.agency is None for m in result.values())


def test_unknown_name_is_not_matched(agencies):
    """A body the portal does not have gives no agency (proposed as new by the page)."""
    assert match_agency("Sở Thông tin và Truyền thông", agencies).agency is None
    assert match_agency("", agencies).agency is None


def test_reference_and_plan_matching(cast):
    """A legal basis's number/symbol finds the plan with that Plan.number and Plan.symbol."""
    from tests.plans.factories import IssuedPlanFactory

    assert split_reference("4025/KH-UBND") == (4025, "KH-UBND")
    assert split_reference("Số 12/QĐ-UBND") == (12, "QĐ-UBND")
    assert split_reference("không số") == (None, "")
    # typed with spaces, another dash or another Đ, or with a year: the register's form
    assert split_reference("Số 12/QĐ - UBND ngày 05/3/2024") == (12, "QĐ-UBND")
    assert split_reference("12/qÐ–ubnd") == (12, "QĐ-UBND")
    assert split_reference("4025/KH-UBND - ngày 01/12/2023") == (4025, "KH-UBND")
    assert split_reference("15/2020/NQ-HĐND") == (15, "2020/NQ-HĐND")
    one = IssuedPlanFactory(
        issuer=cast["agencies"]["ubnd_ngochoi"], number=4025, symbol="KH-UBND", issue_date=datetime.date(2023, 12, 1)
    )
    two = IssuedPlanFactory(
        issuer=cast["agencies"]["ubnd_sonha"], number=4025, symbol="KH-UBND", issue_date=datetime.date(2024, 1, 5)
    )
    plans = [one, two]
    assert match_plan("4025/KH-UBND", plans) is None  # ambiguous without the date
    assert match_plan("4025/KH-UBND", plans, date=datetime.date(2023, 12, 1)) == one
    assert match_plan("4026/KH-UBND", plans) is None
    assert match_plan("4025/KH - UBND", plans, date=datetime.date(2023, 12, 1)) == one
    assert match_plan("4025/QĐ-UBND", plans, date=datetime.date(2023, 12, 1)) is None


def test_plural_committees_become_the_units_below(cast):
    """ "UBND các xã, thị trấn" in a district plan → the commune committees of that district;
    "UBND các huyện, thành phố" in a provincial plan → the district committees."""
    from directory.models import Agency
    from planimport.services import _plural_committees
    from tests.directory.factories import AgencyFactory, CommuneFactory

    u = cast["units"]
    pleikan = AgencyFactory(
        name="Ủy ban nhân dân thị trấn Plei Kần",
        unit=CommuneFactory(name="Plei Kần", kind="thị trấn", parent=u["ngochoi"]),
    )
    AgencyFactory(name="Ủy ban nhân dân xã Ba Động", unit=CommuneFactory(name="Ba Động", parent=u["sonha"]))
    agencies = list(Agency.objects.select_related("unit"))
    assert _plural_committees("Ủy ban nhân dân các xã, thị trấn", agencies, u["ngochoi"]) == [pleikan]
    districts = _plural_committees("UBND các huyện, thành phố", agencies, u["qn"])
    assert set(districts) == {cast["agencies"]["ubnd_sonha"], cast["agencies"]["ubnd_sontay"]}
    assert _plural_committees("Các phòng, ban", agencies, u["ngochoi"]) == []
