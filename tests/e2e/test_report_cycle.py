"""A district reporter and the province planner through one reporting cycle in two browsers:
fill → submit with a missing value (clear message, row marked) → complete and submit → returned
with a reason and a field → the reporter sees both → resubmit → approve → locked (no edit buttons;
a direct POST to the edit URL is refused with a message) → reopened with a reason.
Also two people editing the same draft: the second save gets a clear message and both versions."""

from decimal import Decimal

import pytest

from reports import services
from reports.models import Obligation, ObligationStatus
from tests.reports.factories import build_cycle


@pytest.fixture
def cycle(transactional_db, province_agency, agency_a, agency_b):
    data = build_cycle(receiver=province_agency, reporters=[agency_a, agency_b])
    services.obligations_generate(plan=data["plan"])
    data["ob"] = Obligation.objects.get(period__label="Quý I/2024", agency=agency_a)
    return data


def _fill(page, cycle, *, value="12", results="Thành lập mới 01 HTX"):
    page.fill(f"input[name=value_{cycle['t_sum'].pk}]", value)
    page.fill(f"input[name=value_{cycle['t_avg'].pk}]", "55,5")
    page.fill(f"input[name=weight_{cycle['t_avg'].pk}]", "3")
    page.select_option(f"select[name=task_status_{cycle['task'].pk}]", "in_progress")
    page.fill(f"textarea[name=task_account_{cycle['task'].pk}]", "Đã tổ chức 02 lớp tập huấn")
    page.fill("textarea[name=results]", results)


def test_fill_submit_return_resubmit_approve_locked(cycle, session_for, reporter_a, planner):
    ob = cycle["ob"]
    t_sum = cycle["t_sum"]
    rep = session_for(reporter_a)
    page = rep.go(f"/reports/{ob.pk}/edit/")
    rep.shot("01_form")
    _fill(page, cycle, value="")
    page.click("button[name=submit]")
    page.wait_for_load_state()
    rep.shot("02_submit_missing")
    assert "Đã lưu bản nháp, nhưng chưa thể gửi báo cáo" in rep.messages()
    assert "Số HTX nông nghiệp" in rep.messages()
    row = page.locator("tr", has=page.locator(f"input[name=value_{t_sum.pk}]"))
    assert "table-danger" in row.get_attribute("class")
    assert page.input_value(f"input[name=value_{cycle['t_avg'].pk}]") == "55,5"  # the draft kept the rest
    page.fill(f"input[name=value_{t_sum.pk}]", "12")
    page.click("button[name=submit]")
    page.wait_for_url(f"{rep.base}/reports/{ob.pk}/submit/")  # the confirmation step (issue 15)
    rep.shot("03a_confirm_submit")
    assert page.locator("#confirm-summary").count() == 1
    page.click("button[name=confirmed]")
    page.wait_for_url(f"{rep.base}/reports/{ob.pk}/")
    rep.shot("03_submitted")
    ob.refresh_from_db()
    assert ob.status == ObligationStatus.SUBMITTED

    rev = session_for(planner)
    page2 = rev.go("/reports/review/")
    rev.shot("04_inbox")
    page2.click(f"a[href='/reports/{ob.pk}/']")
    page2.locator("summary", has_text="Trả lại").click()
    page2.fill("textarea[name=reason]", "Số HTX thành lập mới chưa khớp với sổ theo dõi.")
    page2.check(f"input[name=fields][value='target:{t_sum.pk}']")
    rev.shot("05_return_form")
    page2.click("form[action$='/return/'] button[type=submit]")
    page2.wait_for_load_state()
    rev.shot("05a_confirm_return")
    page2.click("button[name=confirmed]")
    page2.wait_for_load_state()
    rev.shot("06_returned")
    ob.refresh_from_db()
    assert ob.status == ObligationStatus.RETURNED and ob.return_fields == [f"target:{t_sum.pk}"]

    page = rep.go(f"/reports/{ob.pk}/")
    rep.shot("07_reporter_sees_reason")
    assert "Số HTX thành lập mới chưa khớp với sổ theo dõi." in page.locator(".alert-danger").inner_text()
    page = rep.go(f"/reports/{ob.pk}/edit/")
    row = page.locator("tr", has=page.locator(f"input[name=value_{t_sum.pk}]"))
    assert "table-danger" in row.get_attribute("class")
    page.fill(f"input[name=value_{t_sum.pk}]", "11")
    page.click("button[name=submit]")
    page.wait_for_url(f"{rep.base}/reports/{ob.pk}/submit/")
    page.click("button[name=confirmed]")
    page.wait_for_url(f"{rep.base}/reports/{ob.pk}/")
    rep.shot("08_resubmitted")

    page2 = rev.go(f"/reports/{ob.pk}/")
    page2.click("form[action$='/approve/'] button[type=submit]")
    page2.wait_for_load_state()
    page2.click("button[name=confirmed]")
    page2.wait_for_load_state()
    rev.shot("09_approved")
    ob.refresh_from_db()
    assert ob.status == ObligationStatus.APPROVED
    assert ob.values.get(target=t_sum).value == Decimal("11")

    page = rep.go(f"/reports/{ob.pk}/")
    rep.shot("10_locked")
    assert page.locator(f"a[href='/reports/{ob.pk}/edit/']").count() == 0
    assert page.locator("form[action$='/submit/']").count() == 0
    assert page.locator("form[action$='/attachments/']").count() == 0
    # A direct POST (as a stale tab would send) is refused with a message; nothing changes.
    token = rep.context.cookies()
    csrf = next(c["value"] for c in token if c["name"] == "csrftoken")
    resp = page.request.post(
        f"{rep.base}/reports/{ob.pk}/edit/",
        form={"version": str(ob.version), f"value_{t_sum.pk}": "99", "results": "x", "csrfmiddlewaretoken": csrf},
        headers={"X-CSRFToken": csrf, "Referer": f"{rep.base}/reports/{ob.pk}/edit/"},
    )
    assert resp.ok and resp.url.endswith(f"/reports/{ob.pk}/")
    assert "Báo cáo đã được duyệt và khóa. Người xem xét có thể mở lại kèm lý do." in resp.text()
    assert ob.values.get(target=t_sum).value == Decimal("11")

    page2 = rev.go(f"/reports/{ob.pk}/")
    page2.locator("summary", has_text="Mở lại").click()
    page2.fill("form[action$='/reopen/'] textarea[name=reason]", "Bổ sung số liệu kinh phí.")
    page2.click("form[action$='/reopen/'] button[type=submit]")
    page2.wait_for_load_state()
    page2.click("button[name=confirmed]")
    page2.wait_for_load_state()
    rev.shot("11_reopened")
    ob.refresh_from_db()
    assert ob.status == ObligationStatus.RETURNED and ob.return_reason == "Bổ sung số liệu kinh phí."
    page = rep.go(f"/reports/{ob.pk}/")
    assert page.locator(f"a[href='/reports/{ob.pk}/edit/']").count() == 1  # open for correction again


def test_two_people_editing_the_same_draft(cycle, session_for, reporter_a):
    ob = cycle["ob"]
    t_sum = cycle["t_sum"]
    first = session_for(reporter_a)
    second = session_for(reporter_a)
    p1 = first.go(f"/reports/{ob.pk}/edit/")
    p2 = second.go(f"/reports/{ob.pk}/edit/")
    _fill(p1, cycle, value="12", results="Bản của người thứ nhất")
    _fill(p2, cycle, value="15", results="Bản của người thứ hai")
    p1.click("button[name=save]")
    p1.wait_for_load_state()
    assert "Đã lưu bản nháp." in first.messages()
    p2.click("button[name=save]")
    p2.wait_for_load_state()
    second.shot("conflict")
    assert "table-warning" in (p2.locator("th", has_text="Phiên bản đã lưu").first.get_attribute("class") or "")
    assert p2.locator("text=Bản của người thứ nhất").count() >= 1  # the saved version is shown
    assert f"Do {reporter_a} lưu lúc" in p2.locator(".alert-warning").inner_text()  # and who saved it
    assert p2.input_value("textarea[name=results]") == "Bản của người thứ hai"  # and what I typed is kept
    ob.refresh_from_db()
    assert ob.results == "Bản của người thứ nhất"
    assert ob.values.get(target=t_sum).value == Decimal("12")
    # Saving again on purpose overwrites, now knowingly.
    p2.click("button[name=save]")
    p2.wait_for_load_state()
    ob.refresh_from_db()
    assert ob.results == "Bản của người thứ hai"
