"""A planner imports plans from their documents ("Nhập kế hoạch từ văn bản"): seed 001 as .txt
and seed 004 as a .docx built here; the review shows the source with highlights and unsure marks;
the planner corrects fields and saves a draft plan (nothing is saved before)."""

from pathlib import Path

import docx

from planimport.models import ImportSession
from plans.models import Plan, PlanStatus
from tests.browser_support import pick
from tests.paths import SEED_DIR as SEEDS


def _seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def test_import_txt_and_docx_review_correct_save(transactional_db, session_for, planner, tmp_path):
    s = session_for(planner)
    page = s.go("/plans/import/")
    s.shot("01_upload")
    page.set_input_files("main input[type=file]", str(_seed("001")))
    page.click("main button[type=submit]")
    page.wait_for_url(f"{s.base}/plans/import/*/")
    s.shot("02_review_001")
    assert Plan.objects.count() == 0  # nothing saved before the planner says so
    assert page.locator("#import-source .hl-target").count() >= 5  # the five targets are highlighted in the source
    assert page.locator("#import-source .hl-unsure").count() >= 1
    assert page.locator(".import-unsure").count() >= 1  # and the unsure fields are marked in the form
    assert page.input_value("input[name=targets-TOTAL_FORMS]") == "5"
    assert page.input_value("input[name=tasks-TOTAL_FORMS]") == "6"
    # Correct fields: no agency "UBND huyện Ngọc Hồi" in this portal, so the planner picks its own;
    # the document's typo "Ngọc Hôi" stays as written until the planner fixes it.
    pick(page, "issuer", planner.agency.pk, "lien minh")
    title = page.input_value("textarea[name=title]")
    assert "huyện Ngọc Hôi giai đoạn 2023 - 2025" in title
    page.fill("textarea[name=title]", title.replace("Ngọc Hôi", "Ngọc Hồi") + " (bản nhập)")
    page.click("main button:has-text('Lưu thành dự thảo')")
    page.wait_for_load_state()
    s.shot("03_reporting_agencies_missing")
    # The reporting rules name agencies this small portal does not have: each is refused on its
    # field, the rest of the review is kept, and the planner assigns them.
    n_req = int(page.input_value("input[name=reporting_requirements-TOTAL_FORMS]"))
    assert n_req >= 3
    assert f"Hãy sửa các lỗi ở: Chế độ báo cáo ({n_req} dòng)." in s.messages()
    assert page.locator("select[name=reporting_requirements-0-receiver].is-invalid").count() == 1
    assert page.input_value("textarea[name=title]").endswith("Ngọc Hồi giai đoạn 2023 - 2025 (bản nhập)")
    for i in range(n_req):
        pick(page, f"reporting_requirements-{i}-reporters", planner.agency.pk, "lien minh")
        pick(page, f"reporting_requirements-{i}-receiver", planner.agency.pk, "lien minh")
    page.click("main button:has-text('Lưu thành dự thảo')")
    page.wait_for_url(f"{s.base}/plans/*/")
    s.shot("04_saved_001")
    plan = Plan.objects.get()
    assert plan.status == PlanStatus.DRAFT and plan.title.endswith("huyện Ngọc Hồi giai đoạn 2023 - 2025 (bản nhập)")
    assert plan.issuer == planner.agency
    assert plan.targets.count() == 5 and plan.tasks.count() == 6

    # Seed 004 as a Word file.
    document = docx.Document()
    for line in _seed("004").read_text(encoding="utf-8").split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "ke-hoach-004.docx"
    document.save(path)
    page = s.go("/plans/import/")
    page.set_input_files("main input[type=file]", str(path))
    page.click("main button[type=submit]")
    page.wait_for_url(f"{s.base}/plans/import/*/")
    s.shot("05_review_004")
    assert page.input_value("input[name=targets-TOTAL_FORMS]") == "18"  # nine 2025 and nine 2030 targets
    assert "ke-hoach-004.docx" in page.locator("main").inner_text()
    # Saving without an issuer is refused on the field, and nothing typed is lost.
    page.fill("textarea[name=title]", "Kế hoạch thực hiện Đề án (Lai Châu)")
    page.click("main button:has-text('Lưu thành dự thảo')")
    page.wait_for_load_state()
    s.shot("06_issuer_missing")
    assert "is-invalid" in page.locator("select[name=issuer]").get_attribute("class")
    assert page.input_value("textarea[name=title]") == "Kế hoạch thực hiện Đề án (Lai Châu)"
    assert Plan.objects.count() == 1
    assert ImportSession.objects.count() >= 1
