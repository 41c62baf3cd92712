"""A planner enters a plan on the one-page form, as on a working day: rows added with "Thêm dòng",
a field error on a milestone outside the period (nothing typed is lost), then save, issue, generate
the reporting periods, clone and read the history."""

from decimal import Decimal

from django.utils import timezone

from plans.models import Plan, PlanStatus
from reports.models import Obligation
from tests.browser_support import fill_date, pick


def _add(page, part):
    page.locator(f"#part-{part} [data-formset-add]").click()


def test_create_plan_with_rows_error_then_save_issue_clone(
    transactional_db, session_for, planner, agency_a, agency_b
):
    s = session_for(planner)
    page = s.go("/plans/new/")
    s.shot("01_new")
    # The planner's own agency is already chosen as the issuer.
    assert page.input_value("select[name=issuer]") == str(planner.agency.pk)
    page.fill("textarea[name=title]", "Phát triển hợp tác xã năm 2027")
    fill_date(page, "period_start", "01/01/2027")
    fill_date(page, "period_end", "31/12/2027")
    _add(page, "legal_bases")
    page.select_option("select[name=legal_bases-0-kind]", "law")
    page.fill("input[name=legal_bases-0-number]", "17/2023/QH15")
    fill_date(page, "legal_bases-0-date", "20/06/2023")
    page.fill("textarea[name=legal_bases-0-title]", "Luật Hợp tác xã")
    for i, (number, title) in enumerate([("I", "MỤC ĐÍCH, YÊU CẦU"), ("II", "NHIỆM VỤ")]):
        _add(page, "sections")
        page.fill(f"input[name=sections-{i}-number]", number)
        page.fill(f"input[name=sections-{i}-title]", title)
        page.fill(f"textarea[name=sections-{i}-body]", f"Nội dung phần {number}")
    _add(page, "targets")
    page.fill("textarea[name=targets-0-description]", "Thành lập mới HTX")
    page.fill("input[name=targets-0-unit]", "HTX")
    page.select_option("select[name=targets-0-comparator]", "range")
    page.fill("input[name=targets-0-value]", "01")
    page.fill("input[name=targets-0-value_max]", "05")
    page.fill("input[name=targets-0-milestone_year]", "2027")
    _add(page, "targets")
    assert page.input_value("input[name=targets-0-value_max]") == "05"  # adding a row keeps the first
    page.fill("textarea[name=targets-1-description]", "Doanh thu bình quân HTX")
    page.fill("input[name=targets-1-unit]", "triệu đồng")
    page.fill("input[name=targets-1-value]", "1.500,5")
    page.fill("input[name=targets-1-baseline]", "1.200")
    page.fill("input[name=targets-1-baseline_year]", "2025")
    page.fill("input[name=targets-1-milestone_year]", "2027")
    _add(page, "targets")
    page.fill("textarea[name=targets-2-description]", "Tỷ lệ HTX khá, tốt")
    page.fill("input[name=targets-2-unit]", "%")
    page.fill("input[name=targets-2-value]", "60")
    page.fill("input[name=targets-2-milestone_year]", "2030")  # outside 2027: a field error
    _add(page, "tasks")
    page.fill("input[name=tasks-0-number]", "1")
    page.fill("textarea[name=tasks-0-text]", "Tuyên truyền Luật Hợp tác xã")
    pick(page, "tasks-0-lead_agency", planner.agency.pk, "lien minh")
    pick(page, "tasks-0-coordinating_agencies", agency_a.pk, "son ha")
    pick(page, "tasks-0-coordinating_agencies", agency_b.pk, "Ba Tơ")
    # A new plan's targets are not saved yet: the task's "linked targets" box says so instead of staying blank.
    assert "sau khi lưu kế hoạch" in page.locator("select[name=tasks-0-targets] ~ [data-selected-summary]").inner_text()
    chosen = page.locator("select[name=tasks-0-coordinating_agencies] + .ts-wrapper .ts-control").inner_text()
    assert agency_a.name in chosen and agency_b.name in chosen  # the choices stay readable as chips
    _add(page, "budget_lines")
    page.fill("input[name=budget_lines-0-description]", "Tập huấn")
    page.fill("input[name=budget_lines-0-amount]", "25.270.000")
    _add(page, "reporting_requirements")
    page.fill("input[name=reporting_requirements-0-name]", "Báo cáo quý")
    page.select_option("select[name=reporting_requirements-0-frequency]", "quarterly")
    page.select_option("select[name=reporting_requirements-0-due_rule]", "day_of_last_month")
    page.fill("input[name=reporting_requirements-0-due_day]", "25")
    pick(page, "reporting_requirements-0-reporters", agency_a.pk, "son ha")
    pick(page, "reporting_requirements-0-receiver", planner.agency.pk, "lien minh")
    s.shot("02_filled")

    page.click("#plan-form button[type=submit]")
    page.wait_for_load_state()
    s.shot("03_error")
    assert "/plans/new/" in page.url
    assert "Hãy sửa các lỗi ở: Chỉ tiêu (1 dòng)." in s.messages()  # says where to look on a long page
    field = page.locator("input[name=targets-2-milestone_year]")
    assert "is-invalid" in field.get_attribute("class")
    assert page.locator("text=Năm mốc phải nằm trong thời kỳ của kế hoạch (2027–2027).").count() == 1
    # Nothing typed is lost, in any collection.
    for name, value in [
        ("input[name=legal_bases-0-number]", "17/2023/QH15"),
        ("input[name=sections-1-title]", "NHIỆM VỤ"),
        ("input[name=targets-0-value]", "01"),
        ("input[name=targets-1-baseline]", "1.200"),
        ("textarea[name=tasks-0-text]", "Tuyên truyền Luật Hợp tác xã"),
        ("input[name=budget_lines-0-amount]", "25.270.000"),
        ("input[name=reporting_requirements-0-due_day]", "25"),
    ]:
        assert page.input_value(name) == value, name
    selected = page.eval_on_selector(
        "select[name=tasks-0-coordinating_agencies]", "s => Array.from(s.selectedOptions).map(o => o.value)"
    )
    assert sorted(selected) == sorted([str(agency_a.pk), str(agency_b.pk)])
    chips = page.locator("select[name=tasks-0-coordinating_agencies] + .ts-wrapper .ts-control").inner_text()
    assert agency_b.name in chips  # shown again after the round trip
    # A row added after the error keeps the others too.
    _add(page, "targets")
    assert page.input_value("input[name=targets-2-milestone_year]") == "2030"
    page.fill("input[name=targets-2-milestone_year]", "2027")
    page.fill("textarea[name=targets-3-description]", "Thành viên mới")
    page.fill("input[name=targets-3-unit]", "người")
    page.fill("input[name=targets-3-value]", "100")
    page.fill("input[name=targets-3-milestone_year]", "2027")
    page.click("#plan-form button[type=submit]")
    page.wait_for_url(f"{s.base}/plans/*/")
    s.shot("04_saved")
    assert "Đã lưu kế hoạch ở dạng dự thảo." in s.messages()

    plan = Plan.objects.get()
    assert [(t.description, t.value, t.value_max) for t in plan.targets.all()] == [
        ("Thành lập mới HTX", Decimal("1"), Decimal("5")),
        ("Doanh thu bình quân HTX", Decimal("1500.5"), None),
        ("Tỷ lệ HTX khá, tốt", Decimal("60"), None),
        ("Thành viên mới", Decimal("100"), None),
    ]
    revenue = plan.targets.get(description="Doanh thu bình quân HTX")
    assert (revenue.baseline, revenue.baseline_year) == (Decimal("1200"), 2025)
    task = plan.tasks.get()
    assert set(task.coordinating_agencies.all()) == {agency_a, agency_b}
    assert plan.budget_lines.get().amount == Decimal("25270000")

    # Issue: number and date are required.
    page.goto(f"{s.base}/plans/{plan.pk}/issue/")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    s.shot("05_issue_missing")
    assert page.locator("text=Kế hoạch đã ban hành phải có số.").count() == 1
    assert page.locator("label", has_text="Số").count() >= 1  # labels are capitalised
    page.fill("input[name=number]", "12")
    # Today: a future issue date is refused against the issuer's register (issue 13).
    fill_date(page, "issue_date", timezone.localdate().strftime("%d/%m/%Y"))
    page.click("main button[type=submit]")
    page.wait_for_url(f"{s.base}/plans/{plan.pk}/")
    s.shot("06_issued")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ISSUED and plan.number == 12

    page.click("main button:has-text('Tạo các kỳ báo cáo')")
    page.wait_for_load_state()
    s.shot("07_generated")
    assert Obligation.objects.filter(period__requirement__plan=plan, agency=agency_a).count() == 4

    page.goto(f"{s.base}/plans/{plan.pk}/clone/")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    s.shot("08_cloned")
    copy = Plan.objects.exclude(pk=plan.pk).get()
    assert copy.status == PlanStatus.DRAFT and copy.period_start.year == 2028
    assert copy.targets.count() == 4

    page.goto(f"{s.base}/plans/{plan.pk}/history/")
    s.shot("09_history")
    assert page.locator("text=Ban hành").count() >= 1
