"""The five pages the demo data has no state for, at 390 px (issue 18: "every list and form page").

Each state is built through the project's own services, as a person's action would build it:
a plan document read by the import (``planimport:review``), a plan sent to the leader to sign
(``documents:signing_detail``), a registry workbook checked and waiting for confirmation
(``cooperatives:import_detail``), a filled report form read and waiting to be applied
(``reports:obligation_excel_review``) and an amendment opened on an issued plan
(``plans:plan_amendment_close``). Celery runs eager; the files are read in the real sandbox child.
Each page is opened at 390 × 844 as the user who sees it and checked with the width test of
``tests/browser/test_phone.py``; the screenshots land in the test's tmp_path.
"""

import io
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from tests.browser.test_phone import BLANK_CARD_LINES, STICKING_OUT, WIDTHS
from tests.browser_support import CHROMIUM, LAUNCH_ARGS, PHONE, TODAY, load_demo, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is installed by `make install` (apt package chromium)"),
]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _import_review():
    """Seed plan 000 (567/KH-LMHTX) read by the import for the province's planner."""
    from directory.models import User
    from planimport import services
    from tests.planimport.expected_seeds import SEED_DIR, SEED_FILES

    user = User.objects.get(username="quangngai")
    data = (SEED_DIR / SEED_FILES["000"]).read_bytes()
    session = services.import_session_create(acting_user=user, file=SimpleUploadedFile("kh-567.txt", data))
    session.refresh_from_db()
    assert session.status == "read", (session.status, session.message)
    return "quangngai", session.get_absolute_url()


def _signing_request():
    """The Liên minh HTX's issued plan (567/KH-LMHTX) sent to its leader to sign."""
    from directory.models import User
    from documents import demo as documents_demo
    from documents import services
    from documents.pki import issue_demo_personal_certificate
    from plans.models import Plan

    documents_demo.create_demo_pki(stdout=StringIO())
    leader = User.objects.get(username="lienminh")
    issue_demo_personal_certificate(leader)
    admin = User.objects.get(username="admin")
    refusals = {p: services.sign_refusal(p, leader) for p in Plan.objects.filter(issuer=leader.agency).order_by("pk")}
    plan = next((p for p, refusal in refusals.items() if not refusal), None)
    assert plan is not None, refusals
    request = services.signing_submit(source=plan, leader=leader, acting_user=admin,
                                      note="Kính trình lãnh đạo xem xét, ký ban hành kế hoạch.")
    return "lienminh", reverse("documents:signing_detail", args=[request.pk])


def _registry_batch():
    """A registry workbook (one cooperative's new year, two new organisations) checked and
    waiting for the admin's confirmation."""
    from cooperatives import services
    from cooperatives.models import ImportBatch, Organisation
    from directory.models import User
    from tests.cooperatives.test_import import row, workbook

    admin = User.objects.get(username="admin")
    org = Organisation.objects.filter(registration_code__gt="").select_related("commune").order_by("pk").first()
    commune = org.commune.code
    rows = [
        row(kind="HTX", name=org.name, registration_code=org.registration_code, commune_code=commune,
            status="Đang hoạt động", sectors="Nông nghiệp", year=2025, members=31, workers=14,
            revenue=1_250_000_000, profit="210.000.000", rating="Khá", value_chain="Có"),
        row(kind="HTX", name="Hợp tác xã Dịch vụ tổng hợp nông nghiệp và phát triển du lịch cộng đồng",
            registration_code="4300199999", commune_code=commune, status="Đang hoạt động",
            sectors="Nông nghiệp; Thương mại - Dịch vụ", year=2025, members=12, founded="15/06/2025"),
        row(kind="Tổ hợp tác", name="Tổ hợp tác trồng quế", commune_code=commune, sectors="Lâm nghiệp"),
    ]
    buf = io.BytesIO()
    workbook(rows).save(buf)
    upload = SimpleUploadedFile("danh-sach-htx.xlsx", buf.getvalue(), content_type=XLSX)
    batch = services.import_batch_check(batch=services.import_batch_create(uploaded_file=upload, acting_user=admin))
    assert batch.status == ImportBatch.Status.CHECKED, batch.errors
    return "admin", reverse("cooperatives:import_detail", args=[batch.pk])


def _excel_upload(plan):
    """A report of plan 001 as its reporting agency's own user fills it offline: the form
    downloaded, filled and uploaded again (the admin when no demo user of that agency may edit it)."""
    from directory.models import User
    from reports import excel, selectors, services
    from reports.models import Obligation

    obligations = list(Obligation.objects.filter(period__requirement__plan=plan, kind="submission").order_by("pk"))
    own = [(u, ob) for ob in obligations for u in User.objects.filter(agency=ob.agency, is_active=True).order_by("pk")
           if services.can_edit(u, ob)]
    reporter, ob = own[0] if own else (User.objects.get(username="admin"), obligations[0])
    lines = selectors.form_lines(ob)
    wb = load_workbook(io.BytesIO(excel.build_workbook(ob, lines)))
    # the figures the form's hints give (the registry's count), as a reporter copies them
    for cells, line in zip(wb["Chi tieu"].iter_rows(min_row=2), lines["targets"], strict=False):
        cells[5].value = float(line.prefill) if line.prefill is not None else 0
        cells[6].value = "Số liệu theo sổ theo dõi của xã"
    buf = io.BytesIO()
    wb.save(buf)
    upload = services.excel_upload_create(obligation=ob, acting_user=reporter,
                                          upload=SimpleUploadedFile("bao-cao-xa-son-ha.xlsx", buf.getvalue()))
    upload.refresh_from_db()
    if upload.status == "uploaded":  # queued on commit: read it now, as the worker would
        services.excel_upload_read(upload_id=upload.pk)
        upload.refresh_from_db()
    assert upload.status == "read" and upload.can_apply, (upload.status, upload.problems)
    return reporter.username, reverse("reports:obligation_excel_review", args=[ob.pk, upload.pk])


def _amendment():
    """An amendment opened on the issued 567/KH-LMHTX (while it waits for its leader's
    signature), to be closed by the admin."""
    from directory.models import User
    from plans import demo as plans_demo
    from plans import services

    admin = User.objects.get(username="admin")
    plan = plans_demo.seed_plan("000")
    services.plan_amendment_open(plan=plan, acting_user=admin,
                                 reason="Bổ sung chỉ tiêu thành lập mới hợp tác xã nông nghiệp năm 2026")
    return "admin", reverse("plans:plan_amendment_close", args=[plan.pk])


@pytest.fixture
def states(transactional_db):
    """The demo directory, plans, registry and plan 001's reports, then the five states."""
    plan = load_demo(TODAY, registry=True)
    return {
        "plan_import_review": _import_review(),
        "signing_detail": _signing_request(),
        "registry_import_batch": _registry_batch(),
        "report_excel_review": _excel_upload(plan),
        "plan_amendment_close": _amendment(),
    }


def test_pages_of_uploads_signing_and_amendments_at_390px(live_server, states, tmp_path, monkeypatch):
    """Each of the five pages opens for its user and fits a 390 px phone: the page is no wider
    than the screen and no table in it is (nothing here is a matrix allowed to scroll)."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    too_wide, not_ok = {}, {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            for name, (username, url) in states.items():
                context = browser.new_context(viewport=PHONE, locale="vi-VN", device_scale_factor=1)
                page = context.new_page()
                log_in(page, live_server.url, username, "coopplan-demo")
                response = page.goto(f"{live_server.url}{url}")
                if response.status != 200 or page.url != f"{live_server.url}{url}":
                    not_ok[name] = (url, response.status, page.url)
                    context.close()
                    continue
                assert page.locator("main form").count() > 0, name  # the page's own action is there
                page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
                widths = page.evaluate(WIDTHS)
                if name == "registry_import_batch":
                    # each preview row is a card whose changes read across the screen (a 90 px
                    # column beside five others before), and a new organisation reads "thêm mới"
                    # (it read "thời điểm tạo", the timestamp field's name)
                    changes = page.locator("main table:has(thead) tbody tr").first.locator("td").last.bounding_box()
                    assert changes["width"] >= 300, changes
                    preview = page.locator("main table:has(thead) tbody").inner_text()
                    assert "thêm mới" in preview and "thời điểm tạo" not in preview, preview
                if widths["page"] > widths["screen"] or widths["widest_table"] > widths["screen"]:
                    too_wide[name] = {**widths, "sticking_out": page.evaluate(STICKING_OUT)}
                assert page.evaluate(BLANK_CARD_LINES) == [], (name, page.evaluate(BLANK_CARD_LINES))
                context.close()
        finally:
            browser.close()
    print("screenshots in", tmp_path)
    assert not not_ok, not_ok
    assert not too_wide, "\n".join(f"{name}: {w}" for name, w in too_wide.items())
