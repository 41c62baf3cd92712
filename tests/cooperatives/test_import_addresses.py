"""Registry import of old-style addresses ("xã X, huyện Y, tỉnh Z") converted to today's commune
with vietnamadminunits (issue 14), on the real unit list (load_units with the library)."""

import pytest
from openpyxl import Workbook

from cooperatives import excel, importing, services
from cooperatives.models import ImportBatch, Organisation
from directory import addresses
from directory.addresses import convert_old_address
from directory.models import AdministrativeUnit, UnitLevel
from directory.units import units_load
from tests.cooperatives.factories import OrganisationFactory
from tests.directory.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db


def today(code):
    return AdministrativeUnit.objects.get(code=code, level=UnitLevel.COMMUNE, valid_to__isnull=True)


def old(code):
    return AdministrativeUnit.objects.get(code=code, level=UnitLevel.COMMUNE, valid_to__isnull=False)


@pytest.fixture
def units():
    units_load()


def converted(address):
    result = convert_old_address(address)
    assert result.ok, result.error
    return result


def test_old_addresses_of_the_seed_provinces_and_others(units):
    """Full, abbreviated and unaccented old addresses find the old commune and its successor
    ("old chain → new chain"); split, unknown and ambiguous addresses are refused, not guessed."""
    # The commune of today is the stored successor link's (load_units): for old xã Sơn Hạ the
    # library's xã Sơn Hạ (21292), not xã Sơn Hà (21289), whose name folds alike (issue 14).
    son_ha = today("21292")
    assert old("21292").successors.get() == son_ha and son_ha.name == "Sơn Hạ"
    for address in (
        "xã Sơn Hạ, huyện Sơn Hà, tỉnh Quảng Ngãi",
        "Xa Son Ha, Huyen Son Ha, Tinh Quang Ngai",  # no diacritics: "Son Ha" as a commune is Sơn Hạ
        "X. Sơn Hạ, H. Sơn Hà, T. Quảng Ngãi",
        "thôn 3, xã Sơn Hạ, Sơn Hà, Quảng Ngãi",
    ):
        result = converted(address)
        assert result.old_commune == old("21292"), address
        assert result.commune == son_ha, address
    assert converted("xã Sơn Hạ, huyện Sơn Hà, tỉnh Quảng Ngãi").text == (
        f"xã Sơn Hạ, huyện Sơn Hà, tỉnh Quảng Ngãi → {son_ha.full_name}, tỉnh Quảng Ngãi"
    )
    # Kon Tum merged into Quảng Ngãi: the district seat and a neighbour went into xã Bờ Y.
    plei_kan = converted("TT Plei Kan, H. Ngoc Hoi, Kon Tum")
    assert plei_kan.old_commune == old("23377")
    assert plei_kan.commune.name == "Bờ Y" and plei_kan.commune.parent.name == "Quảng Ngãi"
    assert converted("Xa Dak Xu, H. Ngoc Hoi, T. Kon Tum").commune == plei_kan.commune
    # Đồng Tháp, Lai Châu, and outside the seed provinces.
    assert converted("xã Mỹ An, huyện Tháp Mười, tỉnh Đồng Tháp").old_commune == old("30064")
    assert converted("Phường 1, TP. Cao Lãnh, Đồng Tháp").old_commune == old("29869")
    assert converted("Xã Bản Giang, H. Tam Đường, Lai Châu").commune.parent.name == "Lai Châu"
    ben_nghe = converted("P. Bến Nghé, Q.1, TP. HCM")
    assert ben_nghe.old_commune == old("26740") and ben_nghe.commune.name == "Sài Gòn"
    assert converted("Phường Phúc Xá, Quận Ba Đình, Hà Nội").commune.parent.name == "Hà Nội"

    # An address already naming a commune of today is that commune; unaccented, it is refused
    # when it could be another commune too (xa Son Ha: Sơn Hà or Sơn Hạ).
    result = converted("xã Sơn Hà, tỉnh Quảng Ngãi")
    assert result.commune == today("21289") and result.old_commune is None
    assert result.text == "xã Sơn Hà, tỉnh Quảng Ngãi"
    refused = convert_old_address("xa Son Ha, Quang Ngai")  # today's xã Sơn Hà and xã Sơn Hạ
    assert not refused.ok and refused.commune is None
    assert "xã Sơn Hà" in refused.error and "xã Sơn Hạ" in refused.error and "có dấu" in refused.error

    # xã Trà Bùi was divided between two communes: refused, naming both; unknown or incomplete
    # addresses are refused with the reason (in Vietnamese).
    split = convert_old_address("xã Trà Bùi, huyện Trà Bồng, tỉnh Quảng Ngãi")
    assert not split.ok and split.commune is None
    assert {c.name for c in split.candidates} == {"Cà Đam", "Tây Trà Bồng"}
    assert "Cà Đam" in split.error and "Tây Trà Bồng" in split.error and "01/07/2025" in split.error
    assert "Mã xã" in split.error
    unknown = convert_old_address("xã Không Có, huyện Sơn Hà, tỉnh Quảng Ngãi")
    assert not unknown.ok and "huyện sơn hà" in unknown.error and "không nhận ra" in unknown.error.lower()
    nonsense = convert_old_address("abc")
    assert not nonsense.ok and "“abc”" in nonsense.error


HEADERS = ["Loại hình", "Tên tổ chức", "Mã số đăng ký", "Tên xã", "Địa chỉ", "Năm số liệu", "Số thành viên"]


def workbook(rows):
    wb = Workbook()
    ws = wb.active
    ws.title = excel.SHEET_NAME
    ws.append(HEADERS)
    for r in rows:
        ws.append(r)
    return wb


def run_check(user, wb, xlsx_upload):
    batch = services.import_batch_create(uploaded_file=xlsx_upload(wb), acting_user=user)
    return services.import_batch_check(batch=batch)


@pytest.fixture
def qn_planner(units):
    """A planner of the Liên minh HTX of today's Quảng Ngãi (area: today's province and the
    old Quảng Ngãi and Kon Tum it was formed from)."""
    province = AdministrativeUnit.objects.get(code="51", level=UnitLevel.PROVINCE, valid_to__isnull=True)
    agency = AgencyFactory(name="Liên minh HTX tỉnh Quảng Ngãi", unit=province)
    return UserFactory(username="qn_planner", agency=agency, is_planner=True)


def test_import_converts_old_addresses_and_shows_it_in_the_preview(qn_planner, xlsx_upload, monkeypatch):
    """A file without "Mã xã": the commune comes from "Tên xã" or "Địa chỉ"; each distinct
    address is converted once; the preview shows the conversion per row; a split, an unknown
    and an out-of-area address are errors naming the reason; nothing is guessed."""
    calls = []
    real = addresses.convert_old_addresses
    monkeypatch.setattr(importing, "convert_old_addresses", lambda a: calls.extend(a) or real(a))
    monkeypatch.setattr(importing, "convert_old_address", None)  # the chunk's pre-pass converts all
    rows = [
        ["HTX", "HTX Nông nghiệp Sơn Hạ", "4300100001", "xã Sơn Hạ, huyện Sơn Hà, tỉnh Quảng Ngãi", None, 2024, 25],
        ["HTX", "HTX Nông nghiệp Sơn Hạ", "4300100001", "xã Sơn Hạ, huyện Sơn Hà, tỉnh Quảng Ngãi", None, 2023, 22],
        ["Tổ hợp tác", "THT Plei Kần", None, None, "Tổ 1, TT Plei Kan, H. Ngoc Hoi, Kon Tum", 2024, 8],
    ]
    batch = run_check(qn_planner, workbook(rows), xlsx_upload)
    assert batch.status == ImportBatch.Status.CHECKED, batch.errors
    assert calls == ["xã Sơn Hạ, huyện Sơn Hà, tỉnh Quảng Ngãi", "Tổ 1, TT Plei Kan, H. Ngoc Hoi, Kon Tum"]
    conversions = [p["conversion"] for p in batch.preview]
    assert conversions[0] == "xã Sơn Hạ, huyện Sơn Hà, tỉnh Quảng Ngãi → xã Sơn Hạ, tỉnh Quảng Ngãi"
    assert conversions[2] == "thị trấn Plei Kần, huyện Ngọc Hồi, tỉnh Kon Tum → xã Bờ Y, tỉnh Quảng Ngãi"
    batch = services.import_batch_confirm(batch=batch, acting_user=qn_planner)
    assert batch.status == ImportBatch.Status.DONE, batch.errors
    assert Organisation.objects.get(registration_code="4300100001").commune == today("21292")
    tht = Organisation.objects.get(name="THT Plei Kần")
    assert tht.commune.name == "Bờ Y" and tht.address == "Tổ 1, TT Plei Kan, H. Ngoc Hoi, Kon Tum"

    bad = [
        ["HTX", "HTX Trà Bùi", None, "xã Trà Bùi, huyện Trà Bồng, tỉnh Quảng Ngãi", None, 2024, 9],
        ["HTX", "HTX Không rõ", None, "xã Không Có, huyện Sơn Hà, tỉnh Quảng Ngãi", None, 2024, 9],
        ["HTX", "HTX Lai Châu", None, "Xã Bản Giang, H. Tam Đường, Lai Châu", None, 2024, 9],
        ["HTX", "HTX không địa chỉ", None, None, None, 2024, 9],
    ]
    batch = run_check(qn_planner, workbook(bad), xlsx_upload)
    assert batch.status == ImportBatch.Status.INVALID
    errors = [p["errors"] for p in batch.preview]
    assert "Cà Đam" in errors[0][0] and "Tên xã" in errors[0][0]
    assert "không nhận ra" in errors[1][0].lower()
    assert "không thuộc địa bàn" in errors[2][0]
    assert "Mã xã" in errors[3][0] and "bắt buộc" in errors[3][0]
    assert Organisation.objects.count() == 2

    # An organisation registered under the old commune is found by name through the old
    # address and keeps its commune (its old years refer to it).
    org = OrganisationFactory(name="HTX Dịch vụ Sơn Hạ", commune=old("21292"), registration_code="")
    rows = [["HTX", "HTX Dịch vụ Sơn Hạ", None, "Son Ha, Son Ha, Quang Ngai", None, None, None]]
    batch = run_check(qn_planner, workbook(rows), xlsx_upload)
    assert batch.status == ImportBatch.Status.CHECKED, batch.errors
    assert batch.preview[0]["org"] in ("unchanged", "update"), batch.preview
    assert not any(c[0] == "Mã xã" for c in batch.preview[0]["changes"])
    services.import_batch_confirm(batch=batch, acting_user=qn_planner)
    org.refresh_from_db()
    assert org.commune == old("21292")
    assert Organisation.objects.count() == 3

    # With "Mã xã" filled, the address columns are not read for the commune; a "Mã xã" cell
    # holding an address is converted.
    wb = Workbook()
    ws = wb.active
    ws.title = excel.SHEET_NAME
    ws.append(["Loại hình", "Tên tổ chức", "Mã xã", "Địa chỉ"])
    ws.append(["HTX", "HTX Mã xã", "21289", "xã Trà Bùi, huyện Trà Bồng, tỉnh Quảng Ngãi"])
    ws.append(["HTX", "HTX Mã xã là địa chỉ", "xã Sơn Hạ, huyện Sơn Hà, tỉnh Quảng Ngãi", None])
    batch = run_check(qn_planner, wb, xlsx_upload)
    assert batch.status == ImportBatch.Status.CHECKED, batch.errors
    assert batch.preview[0]["conversion"] == ""
    assert batch.preview[1]["conversion"].endswith("→ xã Sơn Hạ, tỉnh Quảng Ngãi")
