"""Issue 12 with issue 11's rule: the readings and the confirmation of uploaded files are state
changes too. Two workers picking up the same reading (the sweep resending a task that was only
slow), or two clicks on "confirm" at once, must give exactly one winner — on PostgreSQL, with
real threads and their own connections."""


import pytest
from django.db import connection

from core import dispatch
from core.models import AuditLog
from planimport import services as import_services
from planimport.models import ImportSession
from reports import services as report_services
from reports.models import ExcelUpload, ReportedValue
from tests.races import race

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (DATABASE_URL)"),
]




def test_two_workers_reading_one_plan_document_read_it_once(monkeypatch, planner):
    monkeypatch.setattr(dispatch, "dispatch", lambda task, *args, **kw: None)  # nobody picks it up yet
    session = import_services.import_session_create(
        acting_user=planner, text="ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nKẾ HOẠCH\nPhát triển kinh tế tập thể năm 2026"
    )
    assert ImportSession.objects.get(pk=session.pk).status == "uploaded"
    results = race(*(lambda: import_services.import_session_read(session_id=session.pk) for _ in range(3)))
    read = [value for outcome, value in results if value is not None]
    assert len(read) == 1, results  # the others found it no longer "uploaded" and left it alone
    session.refresh_from_db()
    assert session.status == "read" and session.data


def test_two_confirms_of_one_workbook_apply_it_once(reporter_a, cycle, client_for):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse
    from openpyxl import load_workbook

    ob = cycle["ob_a"]
    c = client_for(reporter_a)
    wb = load_workbook(io.BytesIO(c.get(reverse("reports:obligation_excel", args=[ob.pk])).content))
    for row in wb["Chi tieu"].iter_rows(min_row=2):
        row[5].value = 13
    buf = io.BytesIO()
    wb.save(buf)
    # Outside a test transaction the task runs (eagerly) on the upload's own commit.
    c.post(reverse("reports:obligation_excel_upload", args=[ob.pk]), {"file": SimpleUploadedFile("bc.xlsx", buf.getvalue())})
    upload = ExcelUpload.objects.get()
    assert upload.can_apply, upload.message
    version = ob.version

    results = race(*(lambda: report_services.excel_upload_apply(upload=upload, acting_user=reporter_a) for _ in range(2)))
    outcomes = sorted(outcome for outcome, _value in results)
    assert outcomes == ["ok", "refused"], results
    refused = next(value for outcome, value in results if outcome == "refused")
    assert refused.code == "applied"  # the loser waited for the lock and found it applied (not a stale-version clash)
    ob.refresh_from_db()
    assert ob.version == version + 1  # one draft save, not two
    assert ExcelUpload.objects.get().status == "applied"
    assert ReportedValue.objects.filter(obligation=ob, value=13).exists()
    saves = AuditLog.objects.filter(object_type="reports.obligation", object_id=str(ob.pk), action__contains="save")
    assert saves.count() <= 1
