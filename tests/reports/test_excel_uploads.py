"""Issue 12: the offline report form is read by a Celery task in a limited child process, never
in the request; what it holds is kept in the database (``ExcelUpload``), previewed, and applied
as a draft save that locks the report and checks its version."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from core.uploads import private_root
from reports import services
from reports.models import ExcelUpload, ReportedValue
from tests import hostile
from tests.work import assert_checks_only, no_parsing

pytestmark = pytest.mark.django_db


def _post(c, ob, content):
    return c.post(
        reverse("reports:obligation_excel_upload", args=[ob.pk]),
        {"file": SimpleUploadedFile("bao-cao.xlsx", content)},
        HTTP_ACCEPT_LANGUAGE="vi",
    )


def _filled(c, ob, value=13):
    wb = load_workbook(io.BytesIO(c.get(reverse("reports:obligation_excel", args=[ob.pk])).content))
    for row in wb["Chi tieu"].iter_rows(min_row=2):
        row[5].value = value
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_a_big_workbook_is_answered_at_once_and_stopped_at_the_row_limit(
    client_for, reporter_a, cycle, django_capture_on_commit_callbacks
):
    """150,000 rows (0,75 MB, 7 MB unpacked: within the file checks): the request stores the
    file and answers at once (no parser opens it in the request: tests/work.py); the child stops
    at REPORT_FORM_MAX_ROWS and the page names it."""
    ob = cycle["ob_a"]
    c = client_for(reporter_a)
    content = hostile.million_row_xlsx(150_000)
    assert c.get(reverse("reports:obligation_excel_upload", args=[ob.pk])).status_code == 200  # warm: templates, URLs
    with no_parsing() as work, django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = _post(c, ob, content)
    assert_checks_only(work)
    assert response.status_code == 302
    row = ExcelUpload.objects.get()
    assert (row.status, row.data, row.original_name) == ("uploaded", {}, "bao-cao.xlsx")
    assert row.file.name.startswith("imports/report-forms/") and (private_root() / row.file.name).exists()
    page = c.get(response["Location"])
    html = page.content.decode()
    assert reverse("reports:obligation_excel_status", args=[ob.pk, row.pk]) in html and "<script>" not in html
    assert "HX-Refresh" not in c.get(reverse("reports:obligation_excel_status", args=[ob.pk, row.pk]))

    for callback in callbacks:
        callback()
    row.refresh_from_db()
    assert row.status == "read" and not row.can_apply
    assert "5.000" in row.problems[0]
    assert c.get(reverse("reports:obligation_excel_status", args=[ob.pk, row.pk]))["HX-Refresh"] == "true"
    page = c.get(response["Location"], HTTP_ACCEPT_LANGUAGE="vi")
    assert row.problems[0] in page.content.decode() and not page.context["parsed"]


def test_a_slow_workbook_stops_at_the_time_limit_then_retry_or_discard(
    client_for, reporter_a, reporter_b, cycle, settings, django_capture_on_commit_callbacks
):
    settings.REPORT_FORM_MAX_ROWS = 10**6
    settings.REPORT_FORM_PARSE_TIMEOUT_SECONDS = 1
    ob = cycle["ob_a"]
    c = client_for(reporter_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(c, ob, hostile.million_row_xlsx(150_000))
    row = ExcelUpload.objects.get()
    assert row.status == "failed"
    assert "1 giây" in row.message
    page = c.get(response["Location"], HTTP_ACCEPT_LANGUAGE="vi")
    assert row.message in page.content.decode()
    # Someone else's report page: 404/403, never the upload.
    assert client_for(reporter_b).get(response["Location"]).status_code in (403, 404)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert c.post(response["Location"], {"action": "retry"}).status_code == 302
    row.refresh_from_db()
    assert (row.status, row.message, len(callbacks)) == ("uploaded", "", 1)
    stored = private_root() / row.file.name
    with django_capture_on_commit_callbacks(execute=True):
        assert c.post(response["Location"], {"action": "discard"}).status_code == 302
    assert not ExcelUpload.objects.exists() and not stored.exists()


def test_a_workbook_needing_more_than_512_mib_fails_in_the_child_and_the_report_is_unchanged(
    client_for, reporter_a, cycle, django_capture_on_commit_callbacks
):
    """One 1 MB shared string shown in 10,000 cells: 0.2 MB packed, 1.3 MB unpacked, 1,000 rows —
    it passes every pre-parse check and the row limit, but the cell values it yields come to
    10 GB. Read under the real limit (UPLOAD_PARSE_MEMORY_BYTES, 512 MiB), the child dies of
    MemoryError within seconds; the upload ends "failed" with the Vietnamese message naming
    512 MB, the report is untouched, and the page offers reading again or discarding."""
    from django.conf import settings

    from reports.models import Obligation

    assert getattr(settings, "UPLOAD_PARSE_MEMORY_BYTES", 512 * 1024 * 1024) == 512 * 1024 * 1024
    ob = cycle["ob_a"]
    before = (ob.version, ob.status, ReportedValue.objects.filter(obligation=ob).count())
    c = client_for(reporter_a)
    content = hostile.shared_strings_xlsx()
    assert len(content) < 300_000
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(c, ob, content)
    assert response.status_code == 302
    row = ExcelUpload.objects.get()
    assert row.status == "failed", (row.status, row.message, row.problems)
    assert "cần hơn 512 MB bộ nhớ" in row.message
    # killed at the memory limit (the message names it), not after writing 10 GB
    ob = Obligation.objects.get(pk=ob.pk)
    assert (ob.version, ob.status, ReportedValue.objects.filter(obligation=ob).count()) == before
    html = c.get(response["Location"], HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert row.message in html and 'value="retry"' in html and 'value="discard"' in html
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert c.post(response["Location"], {"action": "retry"}).status_code == 302
    row.refresh_from_db()
    assert (row.status, row.message, len(callbacks)) == ("uploaded", "", 1)
    stored = private_root() / row.file.name
    with django_capture_on_commit_callbacks(execute=True):
        assert c.post(response["Location"], {"action": "discard"}).status_code == 302
    assert not ExcelUpload.objects.exists() and not stored.exists()


def test_confirm_checks_the_version_the_form_was_downloaded_at(client_for, reporter_a, cycle):
    """The preview is applied in one transaction with the report locked: if someone saved the
    report after the form was downloaded, nothing is applied and the upload can be discarded."""
    from django.test import TestCase

    ob = cycle["ob_a"]
    c = client_for(reporter_a)
    content = _filled(c, ob)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = _post(c, ob, content)
    row = ExcelUpload.objects.get()
    assert row.can_apply and row.version == ob.version
    services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=ob.version, data={"results": "x"})
    answer = c.post(response["Location"], {"action": "confirm"}, follow=True, HTTP_ACCEPT_LANGUAGE="vi")
    assert answer.redirect_chain[-1][0] == response["Location"]
    assert not ReportedValue.objects.filter(obligation=ob, value__isnull=False).exists()
    row.refresh_from_db()
    assert row.status == "read"

    # A fresh form applies, once.
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = _post(c, ob, _filled(c, ob))
    fresh = ExcelUpload.objects.latest("pk")
    assert c.post(response["Location"], {"action": "confirm"}).status_code == 302
    fresh.refresh_from_db()
    assert fresh.status == "applied"
    assert ReportedValue.objects.filter(obligation=ob, value=13).exists()
    assert c.post(response["Location"], {"action": "confirm"}).status_code == 302  # a second click: a message
    assert c.get(response["Location"]).status_code == 302


def test_the_sweep_sends_waiting_forms_and_fails_stuck_ones(reporter_a, cycle, monkeypatch):
    import datetime

    from django.utils import timezone

    from core import dispatch

    sent = []
    monkeypatch.setattr(dispatch, "send", lambda task, *args, **kw: sent.append((task.name, args)) or True)
    ob = cycle["ob_a"]
    waiting = services.excel_upload_create(obligation=ob, acting_user=reporter_a, upload=ContentFile(b"PK", name="a.xlsx"))
    stuck = services.excel_upload_create(obligation=ob, acting_user=reporter_a, upload=ContentFile(b"PK", name="b.xlsx"))
    old = timezone.now() - datetime.timedelta(hours=1)
    ExcelUpload.objects.filter(pk=waiting.pk).update(modified=old)
    ExcelUpload.objects.filter(pk=stuck.pk).update(status="reading", modified=old)
    assert services.excel_uploads_sweep(now=timezone.now()) == {"failed": 1, "sent": 1, "pending": 1}
    assert sent == [("reports.tasks.read_excel_upload", (waiting.pk,))]
    stuck.refresh_from_db()
    assert stuck.status == "failed" and stuck.message


def test_parsed_data_survives_its_json_round_trip():
    """What the preview keeps in ``ExcelUpload.data`` (JSON) is what the confirmation reads back:
    ids as ints, figures as Decimal (exact, None kept), notes, explanations and texts as they were."""
    import json
    from decimal import Decimal

    from reports.excel import data_from_json, data_to_json

    data = {
        "values": {7: {"value": Decimal("12.50"), "note": "ước tính"},
                   9: {"value": None, "note": "", "explanation": "Chưa có số liệu vì bão"}},
        "tasks": {3: {"status": "done", "account": "Đã xong"}},
        "spending": {11: Decimal("1500000000"), 12: None},
        "results": "Kết quả", "proposals": "",
    }
    stored = json.loads(json.dumps(data_to_json(data)))
    assert data_from_json(stored) == data
    assert [type(v["value"]) for v in data_from_json(stored)["values"].values()] == [Decimal, type(None)]
    assert data_to_json({}) == {"values": {}, "tasks": {}, "spending": {}}
