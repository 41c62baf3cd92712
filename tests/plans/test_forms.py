"""Forms of the plan page: every validation message in Vietnamese, on its field; the import builder."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from plans.forms import import_initial, plan_form_bundle, plan_forms_from_import
from tests.plans.factories import IssuedPlanFactory
from tests.plans.helpers import plan_post

pytestmark = pytest.mark.django_db

HEADER = {
    "symbol": "KH-UBND",
    "title": "Kế hoạch phát triển hợp tác xã",
    "kind": "annual",
    "period_start": "01/01/2024",
    "period_end": "31/12/2025",
}


def _bundle(user, rows=None, plan=None, **header):
    data = plan_post({"issuer": user.agency.pk, **HEADER, **header}, rows)
    return plan_form_bundle(user=user, plan=plan, data=data)


def _row_errors(bundle, prefix, index=0):
    return bundle.formsets[prefix].forms[index].errors


def test_valid_bundle_parses_vietnamese_numbers_and_dates(planner):
    """"25.270.000" and "25,5" are read the Vietnamese way; dates as dd/mm/yyyy."""
    with translation.override("vi"):
        bundle = _bundle(planner, {
            "budget_lines": [{"description": "Hội nghị", "amount": "25.270.000", "source": "provincial"}],
            "targets": [{"description": "Tỷ lệ", "unit": "%", "comparator": "~", "value": "25,5", "milestone_year": "2025",
                         "scope": "area", "direction": "higher", "aggregation": "sum"}],
        })
        assert bundle.is_valid(), (bundle.form.errors, [fs.errors for fs in bundle.formsets.values()])
    assert bundle.collections()["budget_lines"][0]["amount"] == Decimal("25270000")
    assert bundle.collections()["targets"][0]["value"] == Decimal("25.5")
    assert bundle.header_data()["period_end"] == datetime.date(2025, 12, 31)


def test_period_order_message(planner):
    """An end before the start is refused on period_end, in Vietnamese."""
    with translation.override("vi"):
        bundle = _bundle(planner, period_end="01/01/2023")
        assert not bundle.is_valid()
        assert "Thời gian kết thúc phải bằng hoặc sau ngày bắt đầu." in bundle.form.errors["period_end"]


def test_range_upper_below_lower(planner):
    """A range whose upper value is below the lower one is refused on value_max."""
    target = {"description": "Thành viên mới", "unit": "thành viên/HTX", "comparator": "range", "value": "5",
              "value_max": "1", "milestone_year": "2024", "scope": "per_org", "direction": "higher", "aggregation": "avg"}
    with translation.override("vi"):
        bundle = _bundle(planner, {"targets": [target]})
        assert not bundle.is_valid()
        assert "Giá trị trên phải lớn hơn hoặc bằng giá trị dưới." in _row_errors(bundle, "targets")["value_max"]


def test_milestone_outside_period_new_plan(planner):
    """On a new plan, a milestone outside the (typed) period is refused on milestone_year."""
    target = {"description": "HTX", "unit": "HTX", "comparator": ">=", "value": "17", "milestone_year": "2030",
              "scope": "area", "direction": "higher", "aggregation": "sum"}
    with translation.override("vi"):
        bundle = _bundle(planner, {"targets": [target]})
        assert not bundle.is_valid()
        assert _row_errors(bundle, "targets")["milestone_year"] == [
            "Năm mốc phải nằm trong thời kỳ của kế hoạch (2024–2025)."
        ]


def test_negative_amount(planner):
    """A negative budget amount is refused on amount."""
    with translation.override("vi"):
        bundle = _bundle(planner, {"budget_lines": [{"description": "x", "amount": "-5", "source": "provincial"}]})
        assert not bundle.is_valid()
        assert _row_errors(bundle, "budget_lines")["amount"] == ["Số tiền không được âm."]


def test_issued_plan_needs_number_and_date(planner):
    """Editing an issued plan (under an amendment) cannot blank its number or date."""
    plan = IssuedPlanFactory(issuer=planner.agency)
    with translation.override("vi"):
        bundle = _bundle(planner, plan=plan, number="", issue_date="")
        assert not bundle.is_valid()
        assert "Kế hoạch đã ban hành phải có số." in bundle.form.errors["number"]
        assert "Kế hoạch đã ban hành phải có ngày ban hành." in bundle.form.errors["issue_date"]


@pytest.mark.parametrize(
    ("row", "field", "message"),
    [
        ({"due_rule": "day_of_last_month"}, "due_day", "Quy tắc hạn này cần có ngày."),
        ({"due_rule": "day_month", "due_day": "15"}, "due_month", "Quy tắc hạn này cần có ngày và tháng."),
        ({"due_rule": "fixed_date"}, "due_date", "Quy tắc hạn này cần có ngày cụ thể."),
        ({"due_rule": ""}, "due_rule", "Hãy chọn cách tính hạn báo cáo."),
        ({"due_rule": "day_month", "due_day": "31", "due_month": "2"}, "due_day", "Tháng đó không có ngày này."),
    ],
)
def test_requirement_needs_a_computable_deadline(planner, agency_a, row, field, message):
    """A reporting requirement needs a deadline rule it can compute; the message is on the field."""
    req = {"reporters": [str(agency_a.pk)], "receiver": str(planner.agency.pk), "frequency": "quarterly",
           "cutoff_rule": "decree09", "reminder_offsets": "7,3,1", "active": "on", **row}
    with translation.override("vi"):
        bundle = _bundle(planner, {"reporting_requirements": [req]})
        assert not bundle.is_valid()
        assert message in _row_errors(bundle, "reporting_requirements")[field]


def test_untouched_added_rows_are_ignored(planner):
    """An added row left empty (defaults only) is not an error and saves nothing."""
    bundle = _bundle(planner, {"legal_bases": [{"verb": "Căn cứ", "kind": "decision"}]})
    assert bundle.is_valid()
    assert bundle.collections()["legal_bases"] == []


IMPORT = {
    "issuer": "Liên minh Hợp tác xã tỉnh Quảng Ngãi",
    "number": 567, "symbol": "KH-LMHTX", "place": "Quảng Ngãi", "date": "2024-10-10",
    "title": "Tổ chức Hội nghị", "kind": "event", "period_start": "2024-10-10", "period_end": "2024-10-16",
    "legal_bases": [{"kind": None, "number": "1368/QĐ-UBND", "date": "2023-12-12", "issuer": "Chủ tịch UBND tỉnh", "title": "về việc giao dự toán"}],
    "targets": [{"text": "kết nạp thành viên", "comparator": "range", "value": 1, "value_max": 5, "unit": "thành viên/HTX",
                 "baseline": None, "baseline_year": None, "year": 2024, "unsure": True}],
    "tasks": [{"number": "IV.1", "text": "Tham mưu", "lead": "Phòng Tài chính - Kế hoạch huyện Sơn Hà", "coordinating": ["Không có"], "timeframe": "2023-2025"}],
    "budget": {"total_vnd": 25270000, "sources": [{"kind": "state_budget", "text": "Ngân sách tỉnh", "reference": "1368/QĐ-UBND"}]},
    "reporting": [{"frequency": "quarterly", "due_rule": "day_of_last_month:25", "due_dates": [], "reporters": "UBND các xã", "receiver": None}],
    "signer": {"authority_lines": ["TM. THƯỜNG TRỰC", "PHÓ CHỦ TỊCH"], "name": "Hồ Quý Nhân"},
    "recipients": ["UBND tỉnh (báo cáo);", "Lưu VT."],
}


def test_import_initial_maps_the_json(planner, agency_a):
    """The import JSON becomes header and row initial values, agencies matched by name."""
    header, rows = import_initial(IMPORT, user=planner)
    assert header["issuer"] == planner.agency and header["number"] == 567
    assert header["issue_date"] == datetime.date(2024, 10, 10)
    assert header["signer_authority"] == "TM. THƯỜNG TRỰC" and header["signer_title"] == "PHÓ CHỦ TỊCH"
    assert header["recipients"] == "UBND tỉnh (báo cáo);\nLưu VT."
    assert rows["legal_bases"][0]["kind"] == "decision"
    assert (rows["targets"][0]["value"], rows["targets"][0]["value_max"], rows["targets"][0]["milestone_year"]) == (1, 5, 2024)
    task = rows["tasks"][0]
    assert task["lead_agency"] == agency_a and task["coordinating_agencies"] == []
    assert (task["timeframe_kind"], task["start_year"], task["end_year"]) == ("years", 2023, 2025)
    assert rows["budget_lines"][0]["amount"] == 25270000
    req = rows["reporting_requirements"][0]
    assert (req["due_rule"], req["due_day"], req["receiver"], req["unsure"]) == ("day_of_last_month", 25, None, True)


def test_plan_forms_from_import_are_unbound_and_prefilled(planner):
    """The import page gets the plan page's forms, unbound, with one prefilled row per item."""
    bundle = plan_forms_from_import(IMPORT, user=planner)
    assert not bundle.form.is_bound
    assert bundle.form.initial["title"] == "Tổ chức Hội nghị"
    targets = bundle.formsets["targets"]
    assert len(targets.forms) == 1 and targets.forms[0].initial["value_max"] == 5
    assert targets.forms[0].unsure is True
    html = bundle.formsets["tasks"].forms[0].as_p()
    assert "Tham mưu" in html
