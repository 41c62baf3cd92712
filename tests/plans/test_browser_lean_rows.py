"""In a real browser: the edit page's saved rows, written lean (issue 17), are laid out from the
formset's template — each control with its label, id, classes and full option list, the hints
once — and saving the page unchanged changes nothing; "Add a row" still works.

Playwright drives Debian's chromium (never downloads a browser); skipped without it.
"""

import pytest

from cooperatives.models import Indicator
from plans.models import Plan, Responsibility
from tests.browser_support import CHROMIUM, LAUNCH_ARGS, log_in
from tests.plans.factories import PlanFactory, PlanTargetFactory, PlanTaskFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]

# Every named control of the saved rows: [name, id, its label's text, number of options, classes].
ROW_CONTROLS = """() => Array.from(document.querySelectorAll('#plan-form [data-formset-rows] [name]'))
  .filter(el => el.type !== 'hidden')
  .map(el => {
    // Tom Select points an autocomplete's label at its own search box (id + "-ts-control").
    const label = el.id ? document.querySelector("label[for='" + el.id + "'], label[for='" + el.id + "-ts-control']") : null;
    return [el.name, el.id, label ? label.textContent.trim() : '', el.tagName === 'SELECT' ? el.options.length : -1,
            el.className];
  })"""


def _saved(plan):
    return {
        "targets": [(t.code, t.comparator, t.value_max, t.cumulative, t.indicator_id, t.scope) for t in plan.targets.order_by("order", "id")],
        "tasks": [(t.lead_agency_id, sorted(t.targets.values_list("pk", flat=True))) for t in plan.tasks.all()],
        "responsibilities": list(plan.responsibilities.values_list("agency_id", "text")),
    }


@pytest.mark.parametrize("width", [1366, 390])
def test_saved_rows_are_laid_out_and_save_unchanged(transactional_db, live_server, planner_a, agency_a, agency_b, width, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop here
    from playwright.sync_api import sync_playwright

    # transactional_db empties the tables the migrations filled: an indicator of the test's own.
    indicator = Indicator.objects.create(code="lean_rows", name="Số HTX thử", unit="HTX", computation="org_count",
                                         params={"kinds": ["htx"], "state": "active"})
    plan = PlanFactory(issuer=agency_a)
    PlanTargetFactory(plan=plan, code="T1", indicator=indicator)
    second = PlanTargetFactory(plan=plan, code="T2", comparator="range", value_max=20, cumulative=False, scope="share")
    task = PlanTaskFactory(plan=plan, lead_agency=agency_b)
    task.targets.add(second)
    Responsibility.objects.create(plan=plan, agency=agency_b, text="Phối hợp")
    before = _saved(plan)
    indicators = Indicator.objects.count()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900}, locale="vi-VN")
            problems = []
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            log_in(page, live_server.url, planner_a.username, "pw-test-123")
            page.goto(f"{live_server.url}/plans/{plan.pk}/edit/")
            page.wait_for_selector("select[name='tasks-0-lead_agency'] + .ts-wrapper")
            assert page.locator("[data-lean]").count() == 0  # every saved row was laid out
            controls = page.evaluate(ROW_CONTROLS)
            assert controls
            for name, id_, label, _options, classes in controls:
                assert id_ == f"id_{name}" and label, (name, id_, label)
                assert "form-control" in classes or "form-select" in classes or "form-check-input" in classes or name.endswith("DELETE"), (name, classes)
            options = {name: n for name, _i, _l, n, _c in controls}
            assert options["targets-0-indicator"] == indicators + 1 and options["targets-1-comparator"] == 7
            assert options["tasks-0-targets"] == 2
            assert page.input_value("select[name='targets-0-indicator']") == str(indicator.pk)
            assert page.input_value("select[name='targets-1-comparator']") == "range"
            assert page.input_value("select[name='targets-1-scope']") == "share"
            assert not page.is_checked("input[name='targets-1-cumulative']") and page.is_checked("input[name='targets-0-cumulative']")
            assert page.eval_on_selector("select[name='tasks-0-targets']", "s => Array.from(s.selectedOptions).map(o => o.value)") == [str(second.pk)]
            assert agency_b.name in page.locator("select[name='tasks-0-lead_agency'] + .ts-wrapper").inner_text()
            # The hints once per part: in its first row only.
            assert page.locator("#part-targets [data-formset-rows] #id_targets-0-code_helptext").count() == 1
            assert page.locator("#part-targets [data-formset-rows] #id_targets-1-code_helptext").count() == 0
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            # "Add a row" after the laid-out rows, then save.
            page.locator("#part-targets [data-formset-add]").click()
            assert page.input_value("input[name=targets-TOTAL_FORMS]") == "3"
            page.fill("textarea[name=targets-2-description]", "Thành viên mới")
            page.fill("input[name=targets-2-unit]", "người")
            page.fill("input[name=targets-2-value]", "5")
            page.fill("input[name=targets-2-milestone_year]", "2025")
            page.click("#plan-form button[type=submit]")
            page.wait_for_url(f"{live_server.url}/plans/{plan.pk}/")
            assert not problems, problems
        finally:
            browser.close()
    plan = Plan.objects.get(pk=plan.pk)
    after = _saved(plan)
    assert after["targets"][:2] == before["targets"] and after["tasks"] == before["tasks"]
    assert after["responsibilities"] == before["responsibilities"]
    assert plan.targets.count() == 3 and plan.targets.filter(description="Thành viên mới").exists()
