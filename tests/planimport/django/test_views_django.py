"""The page "Nhập kế hoạch từ văn bản": permissions, upload, review, confirm, bad files."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from planimport.models import ImportSession
from plans.models import Plan, PlanStatus
from tests import hostile
from tests.work import assert_checks_only, no_parsing

from .helpers import choose_missing_reporters, post_data

UPLOAD = "planimport:upload"
# The planner who would import each seed, and the issuer it must be matched to.
SEED_CASES = {
    "000": ("quangngai", "lmhtx_qn"),
    "001": ("ngochoi", "ubnd_ngochoi"),
    "002": ("sonha_planner", "ubnd_sonha"),
    "003": ("dongthap", "ubnd_dt_huyen"),
    "004": ("laichau_ubnd", "ubnd_laichau"),
}


def _upload(client, name: str, content: bytes):
    return client.post(reverse(UPLOAD), {"file": SimpleUploadedFile(name, content)})


def _docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class TestPermissions:
    def test_anonymous_goes_to_login(self, client, cast):
        """Anonymous users are sent to the login page."""
        response = client.get(reverse(UPLOAD))
        assert response.status_code == 302
        assert reverse("login") in response["Location"]

    @pytest.mark.parametrize("username", ["lanhdao", "sonha"])
    def test_leader_and_reporter_are_refused(self, client_for, cast, username):
        """Only planners import plans: a leader or a reporter gets 403."""
        assert client_for(cast["users"][username]).get(reverse(UPLOAD)).status_code == 403

    def test_planner_sees_the_page(self, client_for, cast):
        """A planner gets the upload page in Vietnamese."""
        response = client_for(cast["users"]["quangngai"]).get(reverse(UPLOAD), HTTP_ACCEPT_LANGUAGE="vi")
        assert response.status_code == 200
        assert "Nhập kế hoạch từ văn bản" in response.content.decode()

    def test_admin_can_import_and_open_any_session(self, client_for, cast, seed_path, admin_user):
        """An administrator (no agency) can import; the issuer is matched among all agencies."""
        owner = client_for(cast["users"]["ngochoi"])
        _upload(owner, "kh.txt", seed_path("001").read_bytes())
        admin = client_for(admin_user)
        assert admin.get(ImportSession.objects.get().get_absolute_url()).status_code == 200
        response = _upload(admin, "kh4.txt", seed_path("004").read_bytes())
        page = admin.get(response["Location"])
        assert page.status_code == 200
        assert page.context["bundle"].form.initial["issuer"] == cast["agencies"]["ubnd_laichau"]

    def test_another_users_session_is_404(self, client_for, cast, seed_path):
        """A session belongs to the user who uploaded it; another planner gets 404."""
        owner = client_for(cast["users"]["ngochoi"])
        response = _upload(owner, "kh.txt", seed_path("001").read_bytes())
        session = ImportSession.objects.get()
        assert response["Location"] == session.get_absolute_url()
        other = client_for(cast["users"]["quangngai"])
        assert other.get(session.get_absolute_url()).status_code == 404
        assert other.post(session.get_absolute_url(), {}).status_code == 404
        assert client_for(cast["users"]["lanhdao"]).get(session.get_absolute_url()).status_code == 403


@pytest.mark.parametrize("key", sorted(SEED_CASES))
def test_seed_upload_review_confirm(client_for, cast, seed_path, key):
    """Each seed as .txt: the review page shows its targets, highlights and doubts; confirming
    saves a draft plan with the seed's targets, tasks, budget and reporting, issuer matched."""
    from tests.planimport.expected_seeds import EXPECTED

    username, issuer_key = SEED_CASES[key]
    client = client_for(cast["users"][username])
    response = _upload(client, f"{key}.txt", seed_path(key).read_bytes())
    assert response.status_code == 302
    assert Plan.objects.count() == 0  # nothing saved before the confirmation

    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="vi")
    assert page.status_code == 200
    html = page.content.decode()
    session = ImportSession.objects.get()
    data = session.data
    for target in data["targets"]:
        assert 'data-items="targets-' in html
        assert target["text"][:40] in html
    assert html.count("hl-target") >= len(EXPECTED[key]["targets"])
    if any(t["unsure"] for t in data["targets"] + data["tasks"]):
        assert "hl-unsure" in html
        assert "border-warning" in html  # the plan form marks unsure rows
    bundle = page.context["bundle"]
    assert bundle.form.initial["issuer"] == cast["agencies"][issuer_key]

    data = post_data(bundle)
    missing = [f for f in bundle.formsets["reporting_requirements"].forms if not f.initial.get("reporters")]
    assert all(f.unsure for f in missing)  # marked for attention on the page
    response = client.post(session.get_absolute_url(), choose_missing_reporters(data, bundle))
    assert response.status_code == 302, (
        [f.errors for fs in response.context["bundle"].formsets.values() for f in fs.forms if f.errors]
        if response.context
        else response
    )
    plan = Plan.objects.get()
    assert response["Location"] == plan.get_absolute_url()
    assert plan.status == PlanStatus.DRAFT
    assert plan.issuer == cast["agencies"][issuer_key]
    expected = EXPECTED[key]
    assert plan.targets.count() == len(expected["targets"])
    saved = sorted((t.milestone_year, t.comparator, t.value) for t in plan.targets.all())
    wanted = sorted((t["year"], t["comparator"], Decimal(str(t["value"]))) for t in expected["targets"])
    assert saved == wanted
    assert plan.tasks.count() == len(expected["tasks"])
    assert plan.reporting_requirements.count() == len(expected["reporting"])
    total = (expected.get("budget") or {}).get("total_vnd")
    if total:
        assert plan.budget_lines.get().amount == Decimal(total)
    if expected.get("signer", {}).get("name"):
        assert plan.signer_name == expected["signer"]["name"]
    session.refresh_from_db()
    assert session.plan == plan
    # Confirming twice does not create a second plan.
    again = client.post(session.get_absolute_url(), data)
    assert again.status_code == 302
    assert Plan.objects.count() == 1


def test_reporting_rules_saved_with_matched_agencies(client_for, cast, seed_path):
    """Seed 001: the quarterly/6-month/annual rules go to UBND huyện Ngọc Hồi, named in the
    text only as "Ủy ban nhân dân huyện"; the reporting office is matched without its place."""
    client = client_for(cast["users"]["ngochoi"])
    review = client.get(_upload(client, "001.txt", seed_path("001").read_bytes())["Location"])
    bundle = review.context["bundle"]
    client.post(ImportSession.objects.get().get_absolute_url(), choose_missing_reporters(post_data(bundle), bundle))
    plan = Plan.objects.get()
    rules = sorted((r.frequency, r.due_rule, r.due_day, r.due_month) for r in plan.reporting_requirements.all())
    assert ("quarterly", "day_of_last_month", 25, None) in rules
    assert ("half_year", "day_month", 15, 6) in rules
    assert ("annual", "day_month", 15, 12) in rules
    assert {r.receiver for r in plan.reporting_requirements.all()} == {cast["agencies"]["ubnd_ngochoi"]}
    first = plan.reporting_requirements.order_by("order").first()
    assert list(first.reporters.all()) == [cast["agencies"]["nn_ngochoi"]]
    lead = plan.tasks.get(number="IV.1").lead_agency
    assert lead == cast["agencies"]["nn_ngochoi"]


def test_docx_upload(client_for, cast, seed_path):
    """A .docx built with python-docx is read like the text: same targets on the review page."""
    client = client_for(cast["users"]["laichau"])
    response = _upload(client, "ke-hoach.docx", _docx_bytes(seed_path("004").read_text(encoding="utf-8")))
    assert response.status_code == 302
    session = ImportSession.objects.get()
    assert session.source == "docx"
    assert len(session.data["targets"]) == 18
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page.content.decode().count('class="hl hl-target') >= 18


def test_pasted_text(client_for, cast, seed_path):
    """Pasted text works like a file."""
    client = client_for(cast["users"]["quangngai"])
    response = client.post(reverse(UPLOAD), {"text": seed_path("002").read_text(encoding="utf-8")})
    assert response.status_code == 302
    assert ImportSession.objects.get().source == "pasted"


def test_text_typed_in_tcvn3_is_converted_and_the_review_page_says_so(client_for, cast, seed_path):
    """Issue 16: a plan typed in the legacy TCVN3 code (.VnTime) and pasted is converted to Unicode before it is
    read, and the review page warns that it was, in Vietnamese; a Unicode plan gets no such warning."""
    from planimport.reader.legacy import TCVN3

    to_tcvn3 = {u: chr(b) for b, u in TCVN3.items()}
    text = seed_path("002").read_text(encoding="utf-8")
    typed = "".join(to_tcvn3.get(c, c) for c in text)
    client = client_for(cast["users"]["quangngai"])
    page = client.get(client.post(reverse(UPLOAD), {"text": typed})["Location"], HTTP_ACCEPT_LANGUAGE="vi")
    assert page.status_code == 200
    assert "bảng mã cũ TCVN3" in page.content.decode()
    assert ImportSession.objects.get().data["targets"]
    page = client.get(client.post(reverse(UPLOAD), {"text": text})["Location"], HTTP_ACCEPT_LANGUAGE="vi")
    assert page.status_code == 200 and "bảng mã cũ" not in page.content.decode()


class TestBadInput:
    @pytest.mark.parametrize(
        ("name", "content", "message"),
        [
            ("empty.txt", b"", "Tệp r"),  # "Tệp rỗng" / "Tệp trống" (catalogues of several apps)
            ("junk.docx", b"PK\x03\x04 this is not a word document", "không đọc được"),
            ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".doc"),
            ("photo.png", b"\x89PNG\r\n", ".png"),
            ("binary.txt", b"\x00\x01\x02" * 50, "không khớp"),
        ],
    )
    def test_bad_file_gives_a_vietnamese_message(self, client_for, cast, name, content, message):
        """Bad files come back as a Vietnamese message on the page (200), nothing saved."""
        client = client_for(cast["users"]["quangngai"])
        response = client.post(reverse(UPLOAD), {"file": SimpleUploadedFile(name, content)}, HTTP_ACCEPT_LANGUAGE="vi")
        assert response.status_code == 200
        assert message.lower() in response.content.decode().lower()
        assert not ImportSession.objects.exists()
        assert not Plan.objects.exists()

    @pytest.mark.parametrize(
        ("name", "make", "code"),
        [
            ("bom.docx", lambda: hostile.zip_bomb("docx"), "zip_bomb"),
            ("dai.docx", hostile.huge_docx, "zip_bomb"),
            ("dai-vua.docx", lambda: hostile.huge_docx(6), "too_long"),
            ("bom.pdf", hostile.pdf_bomb, "pdf_bomb"),
            ("bang.docx", hostile.million_row_xlsx, "zip_bomb"),  # 40 MB unpacked, over the limit
            ("macro.docx", hostile.macro_xlsx, "macros"),
        ],
    )
    def test_hostile_file_answered_within_limits(self, client_for, cast, settings, name, make, code):
        """Issue 12: bombs and huge documents are refused before the reader opens them: no parser,
        no child process, nothing inflated beyond what the checks read (an in-request parse of
        such a file took 57–166 s)."""
        client = client_for(cast["users"]["quangngai"])
        data = make()
        with no_parsing() as work:
            response = client.post(reverse(UPLOAD), {"file": SimpleUploadedFile(name, data)}, HTTP_ACCEPT_LANGUAGE="vi")
        assert_checks_only(work, pdf_max_inflated=settings.PLANIMPORT_MAX_PDF_INFLATED_BYTES)
        assert response.status_code == 200
        assert [e.code for e in response.context["form"].errors.as_data()["file"]] == [code]
        assert not ImportSession.objects.exists()

    def test_scanned_pdf(self, client_for, cast):
        """A PDF without a text layer (a scan) is explained, not a 500: the upload is accepted,
        the reading (in the task) fails with the reader's Vietnamese reason."""
        from pypdf import PdfWriter

        writer = PdfWriter()
        writer.add_blank_page(width=595, height=842)
        buffer = io.BytesIO()
        writer.write(buffer)
        client = client_for(cast["users"]["quangngai"])
        response = _upload(client, "scan.pdf", buffer.getvalue())
        assert response.status_code == 302
        session = ImportSession.objects.get()
        assert session.status == "failed"
        page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="vi")
        assert page.status_code == 200
        assert "văn bản" in session.message.lower()
        assert session.message in page.content.decode()
        assert not Plan.objects.exists()

    def test_nothing_given(self, client_for, cast):
        """Submitting without file or text asks for one."""
        response = client_for(cast["users"]["quangngai"]).post(reverse(UPLOAD), {}, HTTP_ACCEPT_LANGUAGE="vi")
        assert response.status_code == 200
        assert "Hãy tải lên tệp hoặc dán nội dung kế hoạch" in response.content.decode()

    def test_too_large(self, client_for, cast, settings):
        """Files over the limit are refused with the limit in the message."""
        settings.PLANIMPORT_MAX_UPLOAD_BYTES = 1024 * 1024
        response = _upload(client_for(cast["users"]["quangngai"]), "big.txt", b"a" * (1024 * 1024 + 1))
        assert response.status_code == 200
        assert "1 MB" in response.content.decode()


class TestConfirm:
    def test_invalid_forms_save_nothing(self, client_for, cast, seed_path):
        """An invalid correction (no title) re-renders the review with errors; no plan."""
        client = client_for(cast["users"]["ngochoi"])
        page = client.get(_upload(client, "001.txt", seed_path("001").read_bytes())["Location"])
        data = post_data(page.context["bundle"])
        data["title"] = ""
        response = client.post(ImportSession.objects.get().get_absolute_url(), data)
        assert response.status_code == 200
        assert response.context["bundle"].form.errors
        assert "hl-target" in response.content.decode()
        assert not Plan.objects.exists()

    def test_period_change_that_leaves_targets_outside_is_refused(self, client_for, cast, seed_path):
        """Shortening the period under the 2030 milestones gives errors on those rows; no plan."""
        client = client_for(cast["users"]["laichau"])
        page = client.get(_upload(client, "004.txt", seed_path("004").read_bytes())["Location"])
        data = post_data(page.context["bundle"])
        data["period_end"] = "31/12/2025"
        response = client.post(ImportSession.objects.get().get_absolute_url(), data)
        assert response.status_code == 200
        errors = [f.errors for f in response.context["bundle"].formsets["targets"].forms if f.errors]
        assert errors and all("milestone_year" in e for e in errors)
        assert not Plan.objects.exists()

    def test_new_issuer_created_only_with_a_valid_plan(self, client_for, cast, seed_path, admin_user):
        """An unknown issuer is proposed as new; an administrator creates it at the chosen unit
        only when the plan is saved, and it is rolled back when the forms are invalid."""
        from directory.models import Agency

        text = seed_path("001").read_text(encoding="utf-8").replace("NGỌC HỒI", "ĐĂK GLEI", 1)
        client = client_for(admin_user)
        response = client.post(reverse(UPLOAD), {"text": text})
        page = client.get(response["Location"])
        prefill = page.context["prefill"]
        assert prefill.issuer_match.agency is None
        assert prefill.proposed_issuer.lower() == "ủy ban nhân dân huyện đăk glei"
        assert "new_issuer-create" in page.content.decode()
        agencies = Agency.objects.count()
        data = choose_missing_reporters(
            post_data(page.context["bundle"]), page.context["bundle"], cast["agencies"]["nn_ngochoi"].pk
        )
        data.update(
            {
                "new_issuer-create": "on",
                "new_issuer-name": prefill.proposed_issuer,
                "new_issuer-short_name": "UBND",
                "new_issuer-unit": str(cast["units"]["ngochoi"].pk),
            }
        )
        bad = dict(data, title="")
        assert client.post(ImportSession.objects.get().get_absolute_url(), bad).status_code == 200
        assert Agency.objects.count() == agencies
        assert not Plan.objects.exists()
        response = client.post(ImportSession.objects.get().get_absolute_url(), data)
        assert response.status_code == 302
        plan = Plan.objects.get()
        assert plan.issuer.name == prefill.proposed_issuer
        assert plan.issuer.unit == cast["units"]["ngochoi"]

    def test_a_planner_cannot_create_an_issuer(self, client_for, cast, seed_path):
        """Issue 12: a planner creates plans only for issuers whose plans they write, and a new
        agency is nobody's governing body: the page offers no creation, a forged one is refused
        in Vietnamese and nothing is saved."""
        from directory.models import Agency

        text = seed_path("001").read_text(encoding="utf-8").replace("NGỌC HỒI", "ĐĂK GLEI", 1)
        client = client_for(cast["users"]["ngochoi"])
        page = client.get(client.post(reverse(UPLOAD), {"text": text})["Location"], HTTP_ACCEPT_LANGUAGE="vi")
        assert page.context["prefill"].proposed_issuer
        assert "new_issuer-create" not in page.content.decode()
        assert "chỉ quản trị viên mới có thể thêm cơ quan mới" in page.content.decode()
        agencies = Agency.objects.count()
        data = choose_missing_reporters(
            post_data(page.context["bundle"]), page.context["bundle"], cast["agencies"]["nn_ngochoi"].pk
        )
        data.update({"new_issuer-create": "on", "new_issuer-name": "Ủy ban nhân dân huyện Đăk Glei",
                     "new_issuer-unit": str(cast["units"]["ngochoi"].pk)})
        response = client.post(ImportSession.objects.get().get_absolute_url(), data, HTTP_ACCEPT_LANGUAGE="vi")
        assert response.status_code == 200
        assert "Chỉ quản trị viên mới có thể thêm cơ quan mới vào cổng" in response.content.decode()
        assert Agency.objects.count() == agencies and not Plan.objects.exists()

    def test_another_agencys_document_is_named_not_offered(self, client_for, cast, seed_path):
        """Issue 12: the Liên minh HTX tỉnh planner uploads UBND huyện Sơn Hà's plan (seed 002): the
        issuer is not preselected, the page says whose document it is, and forcing that issuer
        is refused on the field; nothing is saved."""
        client = client_for(cast["users"]["quangngai"])
        page = client.get(_upload(client, "002.txt", seed_path("002").read_bytes())["Location"], HTTP_ACCEPT_LANGUAGE="vi")
        prefill = page.context["prefill"]
        assert prefill.header["issuer"] is None and prefill.others_issuer == cast["agencies"]["ubnd_sonha"]
        assert not prefill.proposed_issuer
        assert "Văn bản này do Ủy ban nhân dân huyện Sơn Hà ban hành" in page.content.decode()
        bundle = page.context["bundle"]
        data = choose_missing_reporters(post_data(bundle), bundle, cast["agencies"]["tckh_sonha"].pk)
        data["issuer"] = str(cast["agencies"]["ubnd_sonha"].pk)
        response = client.post(ImportSession.objects.get().get_absolute_url(), data, HTTP_ACCEPT_LANGUAGE="vi")
        assert response.status_code == 200
        assert "Lựa chọn này không dành cho bạn. Hãy chọn một mục trong danh sách." in response.context["bundle"].form.errors["issuer"]
        assert not Plan.objects.exists()

    def test_new_issuer_outside_the_area_is_refused(self, client_for, cast, seed_path):
        """The new issuer's unit must be in the user's area."""
        client = client_for(cast["users"]["ngochoi"])
        page = client.get(
            client.post(reverse(UPLOAD), {"text": seed_path("001").read_text(encoding="utf-8")})["Location"]
        )
        data = post_data(page.context["bundle"])
        data.update(
            {
                "new_issuer-create": "on",
                "new_issuer-name": "Ủy ban nhân dân huyện X",
                "new_issuer-unit": str(cast["units"]["laichau"].pk),
            }
        )
        response = client.post(ImportSession.objects.get().get_absolute_url(), data)
        assert response.status_code == 200
        assert not Plan.objects.exists()

    def test_legal_basis_linked_to_plan_in_portal(self, client_for, cast, seed_path):
        """A legal basis whose number and symbol are a plan's in the portal is linked to it."""
        import datetime

        from tests.plans.factories import IssuedPlanFactory

        kontum = cast["agencies"]["ubnd_ngochoi"]  # any issuer in the user's area
        provincial = IssuedPlanFactory(
            issuer=kontum,
            number=4025,
            symbol="KH-UBND",
            issue_date=datetime.date(2023, 12, 1),
            period_start=datetime.date(2023, 1, 1),
            period_end=datetime.date(2025, 12, 31),
        )
        client = client_for(cast["users"]["ngochoi"])
        page = client.get(
            client.post(reverse(UPLOAD), {"text": seed_path("001").read_text(encoding="utf-8")})["Location"]
        )
        bundle = page.context["bundle"]
        assert bundle.formsets["legal_bases"].forms[0].initial["linked_plan"] == provincial
        assert bundle.form.initial["implements_plan"] == provincial
        response = client.post(
            ImportSession.objects.get().get_absolute_url(), choose_missing_reporters(post_data(bundle), bundle)
        )
        assert response.status_code == 302
        plan = Plan.objects.exclude(pk=provincial.pk).get()
        assert plan.legal_bases.get().linked_plan == provincial
        assert plan.implements_plan == provincial


class TestDiscard:
    def test_owner_discards_an_unsaved_document(self, client_for, cast, seed_path):
        """The uploader can discard a document read but not saved; others get 404, GET 405."""
        client = client_for(cast["users"]["ngochoi"])
        _upload(client, "001.txt", seed_path("001").read_bytes())
        session = ImportSession.objects.get()
        url = reverse("planimport:discard", args=[session.pk])
        assert client_for(cast["users"]["quangngai"]).post(url).status_code == 404
        assert client_for(cast["users"]["lanhdao"]).post(url).status_code == 403
        assert client.get(url).status_code == 405
        response = client.post(url)
        assert response.status_code == 302
        assert not ImportSession.objects.exists()

    def test_unexpected_reader_failure_is_a_message(self, client_for, cast, monkeypatch):
        """A crash inside the reader's libraries is shown as a message, not a 500."""
        from core import sandbox

        monkeypatch.setattr(
            sandbox, "run_parser", lambda *a, **k: {"error": {"code": "crash", "message": "", "detail": "KeyError"}}
        )
        client = client_for(cast["users"]["quangngai"])
        response = _upload(client, "odd.txt", b"Ke hoach")
        session = ImportSession.objects.get()
        assert session.status == "failed"
        page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="vi")
        assert page.status_code == 200
        assert session.message in page.content.decode()


def test_importing_a_document_already_in_the_portal_links_to_the_existing_plan(client_for, cast, seed_path):
    """Seed 000 (567/KH-LMHTX of the LMHTX Quảng Ngãi) imported and confirmed twice, in two
    sessions: the second confirmation points its session at the first plan, says so in Vietnamese,
    creates no second plan and writes a "link_existing" audit row."""
    from core.models import AuditLog

    client = client_for(cast["users"]["quangngai"])
    plans = []
    for name in ("kh-567.txt", "kh-567-lan-2.txt"):
        response = _upload(client, name, seed_path("000").read_bytes())
        session = ImportSession.objects.get(filename=name)
        page = client.get(response["Location"])
        bundle = page.context["bundle"]
        response = client.post(
            session.get_absolute_url(), choose_missing_reporters(post_data(bundle), bundle), HTTP_ACCEPT_LANGUAGE="vi"
        )
        assert response.status_code == 302
        session.refresh_from_db()
        plans.append(session.plan)
    assert Plan.objects.count() == 1
    assert plans[0] == plans[1] and plans[0].reference == "567/KH-LMHTX"
    assert AuditLog.objects.filter(action="planimport.link_existing").count() == 1
    shown = client.get(plans[0].get_absolute_url(), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "đã có trong cổng" in shown


@pytest.mark.skipif(__import__("shutil").which("soffice") is None, reason="LibreOffice (scripts/install.sh) missing")
def test_a_real_doc_upload_is_read(client_for, cast, tmp_path):
    """A Word 97–2003 .doc made by LibreOffice from a corpus text (Lạng Sơn 180/KH-UBND) is read
    on the upload page: the review page opens with its number, date and issuer."""
    import subprocess

    from tests.planimport.corpus_keys import corpus_text

    source = tmp_path / "ke-hoach-180.txt"
    source.write_text(corpus_text("c02"), encoding="utf-8")
    subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "doc:MS Word 97", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    client = client_for(cast["users"]["quangngai"])
    response = _upload(client, "ke-hoach-180.doc", (tmp_path / "ke-hoach-180.doc").read_bytes())
    assert response.status_code == 302, response.content.decode()[:2000]
    data = ImportSession.objects.get().data
    assert (data["number"], data["symbol"], data["date"]) == (180, "KH-UBND", "2022-08-17")
    assert data["issuer"] == "Ủy ban nhân dân tỉnh Lạng Sơn"
