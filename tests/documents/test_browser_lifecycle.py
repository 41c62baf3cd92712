"""The whole life of one plan and one report in a real browser (issue 13, "Done when").

draft → trình ký (the drafter sends it) → the leader finds it in "Chờ tôi ký" on the home
page, sees the exact PDF and signs with a confirmation → the văn thư assigns the number and
seals → the verification page says green; the same file with one byte changed says red; with
an incremental update appended, amber. A second clerk acting on the same request never gets a
second number. pdftotext of the signed report shows "Số: 01/BC-…", the signing date, the
signer's own name and authority line; pyHanko's validator and poppler's pdfsig accept the files.

Screenshots land in the test's tmp_path. With ``COOPPLAN_DOC_SHOTS=<dir>`` a few of them are
also written there as small palette PNGs (docs/img/documents-*.png are made this way).
"""

import hashlib
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from core.formatting import format_doc_date
from documents.models import RegisterEntry, SignedDocument, SigningRequest, SigningState
from documents.pki import issue_demo_personal_certificate
from documents.verify import verify_pdf
from tests.browser_support import CHROMIUM, LAUNCH_ARGS, log_in
from tests.directory.factories import UserFactory

from .conftest import make_plan, make_report

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is installed by `make install` (apt package chromium)"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is installed by `make install`"),
]
PASSWORD = "pw-test-123"  # tests.directory.factories.UserFactory


def _text(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


def _one_byte_changed(data: bytes) -> bytes:
    """One byte of the first page's content stream (inside the signed byte range) changed:
    the file still opens, the signed content no longer matches."""
    start = data.index(b"stream", data.index(b"/Type /Page")) if b"/Type /Page" in data else data.index(b"stream")
    position = start + 40
    changed = bytearray(data)
    changed[position] = (changed[position] + 1) % 256
    return bytes(changed)


def _appended(data: bytes) -> bytes:
    """An incremental update after the last signature that adds an (empty) signature field."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields

    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    fields.append_signature_field(writer, fields.SigFieldSpec(sig_field_name="Later", on_page=0, box=(10, 10, 60, 40)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


class Shots:
    """Screenshots into tmp_path; the ones named for the documentation also into COOPPLAN_DOC_SHOTS."""

    def __init__(self, tmp_path: Path):
        self.dir = tmp_path
        self.docs = Path(os.environ["COOPPLAN_DOC_SHOTS"]) if os.environ.get("COOPPLAN_DOC_SHOTS") else None
        self.taken: list[Path] = []

    def __call__(self, page, name: str, *, doc: str | None = None, full_page=False, locator=None) -> Path:
        path = self.dir / f"{name}.png"
        (locator or page).screenshot(path=str(path), **({} if locator else {"full_page": full_page}))
        self.taken.append(path)
        if doc and self.docs is not None:
            from PIL import Image

            self.docs.mkdir(parents=True, exist_ok=True)
            image = Image.open(path).convert("RGB")
            image.thumbnail((960, 960))
            target = self.docs / f"documents-{doc}.png"
            image.quantize(colors=64).save(target, optimize=True)
            assert target.stat().st_size <= 150_000, target
        return path


def _login(browser, live_server, user):
    context = browser.new_context(viewport={"width": 1280, "height": 860}, locale="vi-VN", accept_downloads=True)
    page = context.new_page()
    log_in(page, live_server.url, user.username, PASSWORD)
    return context, page


def _alert(page) -> str:
    return page.locator(".alert").all_inner_texts().__str__()


def _walk(browser, live_server, shots, *, source, kind, drafter, leader, clerk, clerk2, prefix):
    """One document through trình ký, the leader's signature and the clerk's number and seal.
    Returns the signed PDF's bytes as the clerk downloads them."""
    # 1. The drafter sends it from its page.
    context, page = _login(browser, live_server, drafter)
    page.goto(f"{live_server.url}{source.get_absolute_url()}")
    sign_url = reverse(f"documents:{kind}_sign", args=[source.pk])
    page.click(f"a[href='{sign_url}']")
    page.wait_for_url(f"**{sign_url}")
    page.select_option("select[name=leader]", str(leader.pk))
    page.fill("textarea[name=note]", "Kính trình đồng chí xem xét, ký ban hành.")
    shots(page, f"{prefix}-1-submit", doc="submit" if kind == "plan" else None)
    page.click("main form button[type=submit]")
    request = SigningRequest.objects.get(**{kind if kind == "plan" else "obligation": source})
    page.wait_for_url(f"**{reverse('documents:signing_detail', args=[request.pk])}")
    assert request.state == SigningState.SUBMITTED and request.submitted_by == drafter
    assert page.locator("[data-state=submitted]").count() == 1
    context.close()

    # 2. The leader: "Chờ tôi ký" on the home page, the exact PDF, a confirmation.
    context, page = _login(browser, live_server, leader)
    panel = page.locator("section[aria-labelledby=panel-to-sign]")
    assert "Chờ tôi ký" in panel.inner_text()
    link = panel.locator(f"a[href='{reverse('documents:signing_detail', args=[request.pk])}']")
    assert link.count() == 1
    shots(page, f"{prefix}-2-home-queue", doc="queue" if kind == "plan" else None, locator=panel)
    link.click()
    page.wait_for_load_state()
    frame_src = page.locator("iframe").get_attribute("src")
    assert frame_src == reverse("documents:signing_pdf", args=[request.pk])
    shown = context.request.get(f"{live_server.url}{frame_src}").body()
    request.refresh_from_db()
    assert hashlib.sha256(shown).hexdigest() == request.rendered.sha256  # what the leader sees is what is signed
    assert request.rendered.sha256[:17] in page.locator("main").inner_text()
    unsigned_text = _text(shown)
    assert leader.full_name in unsigned_text
    # No signature on one click: without the tick the browser does not send the form.
    page.click("button:has-text('Ký bằng chữ ký số cá nhân')")
    request.refresh_from_db()
    assert request.state == SigningState.SUBMITTED
    page.check("input[name=confirm]")
    page.fill("form[action$='/sign/'] textarea[name=comment]", "Đồng ý ban hành.")
    shots(page, f"{prefix}-3-leader", doc="leader" if kind == "plan" else None)
    page.click("button:has-text('Ký bằng chữ ký số cá nhân')")
    page.wait_for_load_state()
    request.refresh_from_db()
    assert request.state == SigningState.LEADER_SIGNED, _alert(page)
    assert request.leader_comment == "Đồng ý ban hành."
    context.close()

    # 3. Two clerks open the request; the first numbers and seals it, the second is refused.
    context, page = _login(browser, live_server, clerk)
    context2, page2 = _login(browser, live_server, clerk2)
    detail = f"{live_server.url}{reverse('documents:signing_detail', args=[request.pk])}"
    assert page.locator(f"a[href='{reverse('documents:signing_detail', args=[request.pk])}']").count() >= 1  # home queue
    page.goto(detail)
    page2.goto(detail)
    page.check("input[name=confirm]")
    page2.check("input[name=confirm]")
    page.click("button:has-text('Cấp số và đóng dấu')")
    page.wait_for_load_state()
    signed = SignedDocument.objects.get(**{kind if kind == "plan" else "obligation": source})
    assert f"Đã ban hành với số {signed.document_number}." in page.locator(".alert").first.inner_text()
    # "Số 01/KH-LMHTX", not the table column's "TT" (the project catalogue's "No.").
    assert f"Số {signed.document_number}" in page.locator("main dl").inner_text()
    page.wait_for_timeout(2500)  # the PDF viewer draws the signed file in the frame
    shots(page, f"{prefix}-4-issued", doc="issued" if kind == "plan" else None)
    page2.click("button:has-text('Cấp số và đóng dấu')")
    page2.wait_for_load_state()
    assert "đã" in page2.locator(".alert-danger, .alert-error").first.inner_text()
    assert RegisterEntry.objects.filter(**{kind if kind == "plan" else "obligation": source}).count() == 1
    assert SignedDocument.objects.filter(**{kind if kind == "plan" else "obligation": source}).count() == 1
    context2.close()
    with page.expect_download() as download:
        page.click(f"a[href='{reverse('documents:signed_pdf', args=[signed.pk])}']")
    data = Path(download.value.path()).read_bytes()
    assert hashlib.sha256(data).hexdigest() == signed.sha256

    # 4. The verification page: green, a one-byte change red, an appended update amber.
    page.goto(f"{live_server.url}{reverse('documents:verify')}")
    verdicts = {}
    for name, content in (("green", data), ("red", _one_byte_changed(data)), ("amber", _appended(data))):
        page.set_input_files("input[name=document]", files=[
            {"name": f"{prefix}-{name}.pdf", "mimeType": "application/pdf", "buffer": content}
        ])
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        verdicts[name] = page.locator("[data-verdict]").get_attribute("data-verdict")
        shots(page, f"{prefix}-5-verify-{name}", doc=f"verify-{name}" if kind == "plan" else None,
              locator=page.locator("[data-verdict] .card-header"))
    assert verdicts == {"green": "green", "red": "red", "amber": "amber"}
    context.close()
    return signed, data


@pytest.fixture
def people(transactional_db, issuer, reporting_agency):
    """The drafters, leaders (with personal certificates) and clerks of both issuing agencies."""
    plan_leader = UserFactory(username="ld_lmhtx", agency=issuer, is_leader=True, full_name="Nguyễn Văn Lãnh",
                              position="Phó Chủ tịch")
    report_leader = UserFactory(username="ld_xa", agency=reporting_agency, is_leader=True,
                                full_name="Trần Thị Bình", position="Phó Chủ tịch")
    for leader in (plan_leader, report_leader):
        issue_demo_personal_certificate(leader)
    return {
        "plan": dict(
            drafter=UserFactory(username="cb_kehoach", agency=issuer, is_planner=True, full_name="Lê Văn Soạn"),
            leader=plan_leader,
            clerk=UserFactory(username="vt_lmhtx", agency=issuer, is_clerk=True, full_name="Phạm Thị Văn Thư"),
            clerk2=UserFactory(username="vt2_lmhtx", agency=issuer, is_clerk=True, full_name="Đỗ Văn Thư"),
        ),
        "obligation": dict(
            drafter=UserFactory(username="cb_baocao", agency=reporting_agency, is_reporter=True, full_name="Võ Thị Báo"),
            leader=report_leader,
            clerk=UserFactory(username="vt_xa", agency=reporting_agency, is_clerk=True, full_name="Hà Văn Thư"),
            clerk2=UserFactory(username="vt2_xa", agency=reporting_agency, is_clerk=True, full_name="Mai Văn Thư"),
        ),
    }


def test_plan_and_report_from_draft_to_verified(live_server, issuer, reporting_agency, receiver, people, demo_keys,
                                                tmp_path, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    plan = make_plan(issuer, number=None, issue_date=None, status="draft", targets=4, tasks=3)
    other_plan = make_plan(issuer, number=None, issue_date=None, status="draft", targets=1, tasks=1,
                           title="Kế hoạch tuyên truyền về kinh tế tập thể")
    report = make_report(plan, reporting_agency, receiver)
    type(report).objects.filter(pk=report.pk).update(number=None)
    report.refresh_from_db()
    shots = Shots(tmp_path)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            signed_plan, plan_pdf = _walk(browser, live_server, shots, source=plan, kind="plan", prefix="plan",
                                          **people["plan"])
            signed_report, report_pdf = _walk(browser, live_server, shots, source=report, kind="obligation",
                                              prefix="report", **people["obligation"])
        finally:
            browser.close()

    today = timezone.localdate()
    assert signed_plan.document_number == "01/KH-LMHTX"
    plan.refresh_from_db()
    assert (plan.status, plan.number, plan.issue_date) == ("issued", 1, today)
    # The report: its own agency's register, its number, the signing date, its signer.
    assert signed_report.document_number == "01/BC-UBND"
    text = _text(report_pdf)
    assert "Số: 01/BC-UBND" in text
    assert format_doc_date(today) in text
    assert "Trần Thị Bình" in text
    assert "TM. ỦY BAN NHÂN DÂN" in text and "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text
    assert "Nguyễn Văn Lãnh" not in text  # never another person's name
    plan_text = _text(plan_pdf)
    assert "Số: 01/KH-LMHTX" in plan_text and "Nguyễn Văn Lãnh" in plan_text and format_doc_date(today) in plan_text
    # pyHanko's validator: both signatures intact, valid and trusted, nothing after the seal.
    for data in (plan_pdf, report_pdf):
        checked = verify_pdf(data)
        assert checked.verdict == "green" and len(checked.signatures) == 2
        assert all(s.intact and s.valid and s.trusted for s in checked.signatures)
    # poppler's pdfsig, an independent reader: two signatures, both valid.
    if shutil.which("pdfsig"):
        for name, data in (("plan", plan_pdf), ("report", report_pdf)):
            path = tmp_path / f"{name}-signed.pdf"
            path.write_bytes(data)
            out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
            assert out.count("Signature Validation: Signature is Valid.") == 2, out
    # A later document of the same issuer gets the next number, never 01 again.
    from .conftest import sign_both_steps

    assert sign_both_steps(other_plan, people["plan"]["leader"]).document_number == "02/KH-LMHTX"
    assert sorted(RegisterEntry.objects.filter(register__agency=issuer).values_list("number", flat=True)) == [1, 2]
    # The PDFs as pictures, to look at (pdftoppm).
    if shutil.which("pdftoppm"):
        for name, data in (("plan", plan_pdf), ("report", report_pdf)):
            path = tmp_path / f"{name}-signed.pdf"
            path.write_bytes(data)
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(tmp_path / f"{name}-page")], check=True)
    assert all(p.stat().st_size > 2_000 for p in shots.taken)
