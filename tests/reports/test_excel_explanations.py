"""The offline Excel form has an explanation column per target row (issue 15): uploaded
explanations are kept with the values; a value flagged by a validation rule with no
explanation in the upload is answered like the web form — a Vietnamese message naming the
row — and nothing is saved."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from reports import services
from reports.excel import COL_EXPLANATION, COL_HINT, COL_VALUE
from reports.models import ExcelUpload, ObligationStatus
from tests.reports.factories import full_data
from tests.reports.test_validation import _approve_q1
from tests.reports.test_views import _excel_upload

pytestmark = pytest.mark.django_db


def _form(c, ob):
    return load_workbook(io.BytesIO(c.get(reverse("reports:obligation_excel", args=[ob.pk])).content))


def _fill(wb, cycle, value, explanation=None, *, drop_column=False):
    ws = wb["Chi tieu"]
    row_of_sum = None
    for row in ws.iter_rows(min_row=2):
        if row[0].value == cycle["t_sum"].pk:
            row[COL_VALUE].value = value
            if explanation is not None:
                row[COL_EXPLANATION].value = explanation
            row_of_sum = row[0].row
        elif row[0].value == cycle["t_avg"].pk:
            row[COL_VALUE].value = "50"
    if drop_column:  # a form downloaded before the explanation column existed
        ws.delete_cols(COL_EXPLANATION + 1)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue(), row_of_sum


def test_form_has_the_column_with_the_saved_explanation_and_the_flag(client_for, cycle, reporter_a, planner):
    q2 = _approve_q1(cycle, reporter_a, planner, value="10")
    data = full_data(cycle, value="16")
    data["values"][cycle["t_sum"].pk]["explanation"] = "Có 06 HTX mới thành lập."
    services.obligation_save_draft(obligation=q2, acting_user=reporter_a, version=q2.version, data=data)
    ws = _form(client_for(reporter_a), q2)["Chi tieu"]
    assert ws.cell(row=1, column=COL_EXPLANATION + 1).value == "Giải trình (bắt buộc với số liệu bị cảnh báo)"
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == cycle["t_sum"].pk)
    assert row[COL_EXPLANATION] == "Có 06 HTX mới thành lập."
    assert "Cảnh báo: Tăng, giảm đột biến so với kỳ trước: Tăng 60 % so với kỳ trước (10 → 16)" in row[COL_HINT]
    assert ws.cell(row=2, column=COL_EXPLANATION + 1).protection.locked is False


def test_flagged_value_without_explanation_names_the_row_and_saves_nothing(client_for, cycle, reporter_a, planner):
    q2 = _approve_q1(cycle, reporter_a, planner, value="10")
    c = client_for(reporter_a)
    content, row = _fill(_form(c, q2), cycle, 16)
    page = _excel_upload(c, q2, content)
    problems = page.context["problems"]
    assert any(
        p.startswith(f"Trang “Chi tieu”, dòng {row}: giải trình giá trị bị cảnh báo của chỉ tiêu “Số HTX nông nghiệp”")
        and "Tăng 60 % so với kỳ trước (10 → 16)" in p
        for p in problems
    ), problems
    assert f"dòng {row}: giải trình" in page.content.decode()
    # Confirming a form with problems saves nothing: no value, no half of the form.
    c.post(page.review_url, {"action": "confirm"})
    q2.refresh_from_db()
    assert not q2.values.filter(value__isnull=False).exists() and q2.status == ObligationStatus.NOT_STARTED
    assert ExcelUpload.objects.get().status == "read"


def test_uploaded_explanation_is_kept_with_the_value(client_for, cycle, reporter_a, planner):
    q2 = _approve_q1(cycle, reporter_a, planner, value="10")
    c = client_for(reporter_a)
    content, _row = _fill(_form(c, q2), cycle, 16, "Thành lập mới 06 HTX từ Hội quán.")
    page = _excel_upload(c, q2, content)
    assert not page.context["problems"], page.context["problems"]
    assert "Thành lập mới 06 HTX từ Hội quán." in page.content.decode()  # in the preview
    assert c.post(page.review_url, {"action": "confirm"}).status_code == 302
    value = q2.values.get(target=cycle["t_sum"])
    assert (value.value, value.explanation) == (Decimal(16), "Thành lập mới 06 HTX từ Hội quán.")
    # Explained: the report submits (with its results filled in) and stores the explanation with the flag.
    q2.refresh_from_db()
    services.obligation_save_draft(obligation=q2, acting_user=reporter_a, version=q2.version, data={"results": "Kết quả"})
    services.obligation_submit(obligation=q2, acting_user=reporter_a)
    q2.refresh_from_db()
    assert q2.submitted_flags[0]["explanation"] == "Thành lập mới 06 HTX từ Hội quán."


def test_too_long_explanation_is_a_problem(client_for, cycle, reporter_a, planner):
    q2 = _approve_q1(cycle, reporter_a, planner, value="10")
    c = client_for(reporter_a)
    content, row = _fill(_form(c, q2), cycle, 16, "x" * 1001)
    problems = _excel_upload(c, q2, content).context["problems"]
    assert f"Trang “Chi tieu”, dòng {row}: phần giải trình có 1.001 ký tự; tối đa 1.000." in problems


def test_a_form_of_before_the_column_keeps_the_saved_explanation(client_for, cycle, reporter_a, planner):
    q2 = _approve_q1(cycle, reporter_a, planner, value="10")
    data = full_data(cycle, value="16")
    data["values"][cycle["t_sum"].pk]["explanation"] = "Có 06 HTX mới thành lập."
    services.obligation_save_draft(obligation=q2, acting_user=reporter_a, version=q2.version, data=data)
    q2.refresh_from_db()
    c = client_for(reporter_a)
    content, _row = _fill(_form(c, q2), cycle, 17, drop_column=True)
    page = _excel_upload(c, q2, content)
    assert not page.context["problems"], page.context["problems"]
    assert c.post(page.review_url, {"action": "confirm"}).status_code == 302
    value = q2.values.get(target=cycle["t_sum"])
    assert (value.value, value.explanation) == (Decimal(17), "Có 06 HTX mới thành lập.")
