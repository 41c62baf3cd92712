"""Snapshot builders: Decree 30 presentation rules applied to the data."""

import datetime

import pytest

from documents import render
from tests.directory.factories import AgencyFactory

pytestmark = pytest.mark.django_db


class TestHeaderLines:
    def test_alliance_keeps_its_province_line(self, province):
        agency = AgencyFactory(name="Liên minh Hợp tác xã tỉnh Quảng Ngãi", kind="lmhtx", unit=province)
        assert render.agency_header_lines(agency) == ["LIÊN MINH HỢP TÁC XÃ", "TỈNH QUẢNG NGÃI"]

    def test_department_under_its_committee_drops_the_place(self, province):
        parent = AgencyFactory(name="Ủy ban nhân dân tỉnh Quảng Ngãi", unit=province)
        dept = AgencyFactory(name="Sở Tài chính tỉnh Quảng Ngãi", kind="so", unit=province, parent=parent)
        assert render.agency_header_lines(dept) == ["SỞ TÀI CHÍNH"]
        assert render.parent_header_line(dept) == "UBND TỈNH QUẢNG NGÃI"

    def test_header_name_wins(self, province):
        agency = AgencyFactory(
            name="Ủy ban nhân dân tỉnh Quảng Ngãi", header_name="Ủy ban nhân dân\ntỉnh Quảng Ngãi", unit=province
        )
        assert render.agency_header_lines(agency) == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"]
        assert render.parent_header_line(agency) == ""


class TestNumberAndDate:
    def test_number_line(self):
        assert render.number_line(567, "KH-LMHTX", False) == "Số: 567/KH-LMHTX"
        assert render.number_line(5, "BC-UBND", False) == "Số: 05/BC-UBND"
        assert render.number_line(5, "KH-UBND", True).replace("\u00a0", " ") == "Số:      /KH-UBND"

    def test_date_line(self):
        assert render.date_line("Hà Nội", datetime.date(2020, 1, 5), None, False) == "Hà Nội, ngày 05 tháng 01 năm 2020"
        assert (
            render.date_line("Quảng Ngãi", datetime.date(2019, 6, 29), None, False)
            == "Quảng Ngãi, ngày 29 tháng 6 năm 2019"
        )
        assert (
            render.date_line("Quảng Ngãi", None, 2026, True).replace("\u00a0", " ")
            == "Quảng Ngãi, ngày    tháng    năm 2026"
        )


class TestBodyRules:
    def test_legal_bases_end_with_semicolons_then_a_full_stop(self):
        assert render.with_endings(["Căn cứ A;", "Căn cứ B", "Căn cứ C."]) == ["Căn cứ A;", "Căn cứ B;", "Căn cứ C."]

    def test_recipients_end_with_the_archive(self):
        lines = render.recipient_lines(["UBND tỉnh (b/c)", "- Lưu: VT, KT", "- Các HTX."], first="Như trên")
        assert lines == ["- Như trên;", "- UBND tỉnh (b/c);", "- Các HTX;", "- Lưu: VT, KT."]
        assert render.recipient_lines([]) == ["- Lưu: VT."]

    def test_the_archive_line_names_the_drafting_unit(self):
        """Decree 30 PL I II.9: "- Lưu: VT, <unit>." — a document whose recipients name no unit
        gets its drafting unit; one the planner typed is kept."""
        assert render.recipient_lines([], first="Như trên", unit="STC") == ["- Như trên;", "- Lưu: VT, STC."]
        assert render.recipient_lines(["- Lưu VT."], unit="LMHTX") == ["- Lưu: VT, LMHTX."]
        assert render.recipient_lines(["- Lưu: VT, KTTH."], unit="STC") == ["- Lưu: VT, KTTH."]

    def test_drafting_unit_is_the_drafters_agency_when_it_drafts_for_another(self):
        from types import SimpleNamespace as NS

        ubnd, stc = NS(pk=1, short_name="UBND"), NS(pk=2, short_name="STC")
        assert render.drafting_unit(NS(agency=stc), ubnd) == "STC"
        assert render.drafting_unit(NS(agency=ubnd), ubnd) == "UBND"
        assert render.drafting_unit(None, ubnd) == "UBND"

    def test_body_blocks_numbering(self):
        blocks = render.body_blocks(
            "I. MỤC TIÊU\n1. Mục tiêu chung\nNội dung dài.\na) điểm a;\n- gạch đầu dòng\n2. Khoản có nội dung đầy đủ."
        )
        assert [b["style"] for b in blocks] == ["heading", "item-title", "para", "point", "bullet", "item"]

    @pytest.mark.parametrize(
        ("typed", "expected"),
        [("- Lưu VT.", "- Lưu: VT."), ("- lưu: vt,KTHT", "- Lưu: VT, KTHT."), ("- Lưu: KT, VT.", "- Lưu: VT, KT.")],
    )
    def test_archive_line_is_normalised(self, typed, expected):
        assert render.recipient_lines(["- UBND tỉnh (b/c);", typed])[-1] == expected

    def test_law_citation(self):
        from plans.models import LegalBasis

        basis = LegalBasis(kind="law", title="Luật Hợp tác xã", date=datetime.date(2023, 6, 20))
        assert render.legal_basis_text(basis) == "Căn cứ Luật Hợp tác xã ngày 20 tháng 6 năm 2023"

    @pytest.mark.parametrize("title", ["Luật Hợp tác xã", "Hợp tác xã"])
    def test_law_with_number_and_implied_issuer(self, title):
        """Issue 13: not "Căn cứ Luật số 17/2023/QH15 … của Quốc hội Luật Hợp tác xã"."""
        from plans.models import LegalBasis

        basis = LegalBasis(
            kind="law", title=title, number="17/2023/QH15", date=datetime.date(2023, 6, 20), issuer="Quốc hội"
        )
        assert render.legal_basis_text(basis) == "Căn cứ Luật Hợp tác xã số 17/2023/QH15 ngày 20 tháng 6 năm 2023"


class TestSnapshot:
    def test_hash_changes_with_content_and_format(self, plan):
        snap = render.plan_snapshot(plan)
        assert render.content_hash(snap, "pdf") == render.content_hash(render.plan_snapshot(plan), "pdf")
        assert render.content_hash(snap, "pdf") != render.content_hash(snap, "xlsx")
        plan.title = "Tiêu đề khác"
        plan.save()
        assert render.content_hash(render.plan_snapshot(plan), "pdf") != render.content_hash(snap, "pdf")

    def test_snapshot_keeps_issuer_and_tables(self, plan):
        snap = render.plan_snapshot(plan)
        assert snap["issuer"]["parent_line"] == "UBND TỈNH QUẢNG NGÃI"
        assert snap["place"] == "Quảng Ngãi"
        assert [s["tables"] for s in snap["sections"]][:3] == [[], ["targets"], ["budget"]]
        # The document's text describes its tasks: no tasks table is appended, and the
        # body ends with "./." after the last table.
        assert all("tasks" not in s["tables"] for s in snap["sections"])
        assert snap["sections"][-1]["end_mark"] is True
        assert snap["budget"][0]["amount_million"] == "25,27"

    def test_structured_plan_without_text_gets_tables(self, issuer):
        from tests.plans.factories import BudgetLineFactory, IssuedPlanFactory, PlanTargetFactory, PlanTaskFactory

        p = IssuedPlanFactory(issuer=issuer)
        PlanTargetFactory(plan=p)
        PlanTaskFactory(plan=p)
        BudgetLineFactory(plan=p)
        snap = render.plan_snapshot(p)
        assert [s["heading"] for s in snap["sections"]] == [
            "I. CHỈ TIÊU",
            "II. NHIỆM VỤ, GIẢI PHÁP",
            "III. KINH PHÍ THỰC HIỆN",
        ]
        assert [s["end_mark"] for s in snap["sections"]] == [False, False, True]

    def test_end_mark_is_not_doubled(self):
        sections = [{"heading": "I. X", "blocks": [{"style": "para", "text": "Đề nghị thực hiện./."}], "tables": []}]
        render.mark_end(sections)
        assert sections[0]["blocks"][-1]["text"] == "Đề nghị thực hiện./."
        sections[0]["blocks"][-1]["text"] = "Đề nghị thực hiện."
        render.mark_end(sections)
        assert sections[0]["blocks"][-1]["text"] == "Đề nghị thực hiện./."

    def test_report_annex_rows(self, report):
        snap = render.obligation_snapshot(report)
        row = snap["annex"]["rows"][0]
        assert row["plan"] == "≥ 1.200"
        assert row["achieved"] == "1.080"
        assert row["percent"] == "89,9"  # from the baseline: (1.080 − 15) / (1.200 − 15)
        assert row["status_label"]
        assert snap["addressees"] == ["Ủy ban nhân dân huyện Sơn Hà."]
        assert snap["number_line"] == "Số: 12/BC-UBND"


class TestConsolidation:
    def test_consolidated_report_title(self, report):
        report.kind = "consolidation"
        snap = render.obligation_snapshot(report)
        assert snap["title"].startswith("Tổng hợp kết quả thực hiện Kế hoạch số 567/KH-LMHTX")
        assert snap["consolidated"] is True
