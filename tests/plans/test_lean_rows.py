"""The edit page's saved rows write only their own values (issue 17: the page of the largest seed
plan under 150 KiB).

What every row would repeat — labels, hints, column wrappers, ids, classes, attributes and the
option lists of selects whose list is the same in every row — is written once, in the
formset's "Add a row" template; plans/formset.js lays each saved row out from it (the browser
side: tests/plans/test_browser_lean_rows.py).
"""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from cooperatives.models import Indicator
from plans.models import Responsibility
from tests.plans.factories import PlanFactory, PlanTargetFactory, PlanTaskFactory, ReportingRequirementFactory

pytestmark = pytest.mark.django_db


def _select(body: str, name: str) -> str:
    match = re.search(rf'<select name="{re.escape(name)}".*?</select>', body, re.S)
    assert match, name
    return match.group(0)


def _values(select: str) -> list[str]:
    return re.findall(r'<option value="([^"]*)"', select)


@pytest.fixture
def plan(agency_a, agency_b):
    plan = PlanFactory(issuer=agency_a)
    first = PlanTargetFactory(plan=plan, code="T1", indicator=Indicator.objects.get(code="htx_active"))
    second = PlanTargetFactory(plan=plan, code="T2", comparator="range", value_max=20, cumulative=False)
    task = PlanTaskFactory(plan=plan, lead_agency=agency_b)
    task.targets.add(second)
    Responsibility.objects.create(plan=plan, agency=agency_b, text="Phối hợp")
    first.refresh_from_db()
    return plan


def _edit_page(client_for, planner_a, plan) -> str:
    response = client_for(planner_a).get(reverse("plans:plan_update", args=[plan.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_shared_lists_are_written_once(client_for, planner_a, plan):
    """A saved row's select holds only its chosen option; the template row holds the list."""
    body = _edit_page(client_for, planner_a, plan)
    indicators = Indicator.objects.count()
    assert indicators > 5
    assert _values(_select(body, "targets-0-indicator")) == [str(plan.targets.get(code="T1").indicator_id)]
    assert _values(_select(body, "targets-1-indicator")) == [""]  # none chosen: the empty choice
    assert len(_values(_select(body, "targets-__prefix__-indicator"))) == indicators + 1
    assert _values(_select(body, "targets-1-comparator")) == ["range"]
    assert "range" in _values(_select(body, "targets-__prefix__-comparator"))
    second = plan.targets.get(code="T2")
    assert _values(_select(body, "tasks-0-targets")) == [str(second.pk)]
    assert len(_values(_select(body, "tasks-__prefix__-targets"))) == 2
    unchosen = Indicator.objects.exclude(code="htx_active").first()
    assert body.count(f">{escape(str(unchosen))}</option>") == 1  # in the template only, not once per row


def test_labels_and_attributes_only_in_the_template(client_for, planner_a, plan):
    body = _edit_page(client_for, planner_a, plan)
    row = re.search(r'<div class="[^"]*formset-row[^"]*" data-formset-row data-lean>.*?</div>', body, re.S).group(0)
    assert "targets-0-code" in row
    assert "<label" not in row and 'class="form-control"' not in row and "maxlength" not in row and ' id="' not in row
    # ...which carries them once, with the ids the rows will get.
    assert 'for="id_targets-__prefix__-code"' in body and 'for="id_targets-0-code"' not in body
    assert 'name="targets-__prefix__-code" maxlength="30" class="form-control"' in body
    # The autocompletes keep their endpoint; the texts of the box come from the template.
    lead = _select(body, "tasks-0-lead_agency")
    assert "data-autocomplete=" in lead and "data-no-results" not in lead
    assert "data-no-results" in _select(body, "tasks-__prefix__-lead_agency")


def test_page_does_not_grow_with_labels_per_row(client_for, planner_a, plan):
    """Twelve more target rows add no label and no indicator option to the page."""
    before = _edit_page(client_for, planner_a, plan)
    PlanTargetFactory.create_batch(12, plan=plan)
    after = _edit_page(client_for, planner_a, plan)
    assert after.count("<label") == before.count("<label")
    # Each new row: its five selects' chosen options; the tasks' list of targets: the new ones.
    assert after.count("<option") == before.count("<option") + 12 * 5 + 12
    # ~1,400 bytes a row (its values, names and chosen options); ~9,000 when rows carried everything.
    assert len(after) - len(before) < 12 * 1600, (len(after) - len(before)) / 12


def test_rows_with_their_own_lists_are_written_in_full(client_for, planner_a, agency_a):
    """"Consolidates" offers the plan's other requirements, not the row itself: in full in each row."""
    plan = PlanFactory(issuer=agency_a)
    first = ReportingRequirementFactory(plan=plan, receiver=agency_a, name="Báo cáo quý")
    second = ReportingRequirementFactory(plan=plan, receiver=agency_a, name="Báo cáo năm")
    body = _edit_page(client_for, planner_a, plan)
    own = _select(body, "reporting_requirements-0-consolidates")
    assert "data-own-options" in own
    assert _values(own) == ["", str(second.pk)]
    assert _values(_select(body, "reporting_requirements-1-consolidates")) == ["", str(first.pk)]


def test_invalid_rows_keep_their_errors_and_values(client_for, planner_a, plan):
    """A refused POST re-renders the rows lean too: value, is-invalid and the message stay in the row."""
    from tests.plans.helpers import plan_post

    header = {"issuer": plan.issuer_id, "symbol": "KH-UBND", "title": plan.title, "kind": plan.kind,
              "period_start": "01/01/2024", "period_end": "31/12/2025", "version": plan.version}
    rows = {"targets": [{"description": "Thành viên mới", "unit": "người", "comparator": "range", "value": "5",
                         "value_max": "1", "milestone_year": "2025", "scope": "area", "direction": "higher",
                         "aggregation": "sum"}]}
    response = client_for(planner_a).post(reverse("plans:plan_update", args=[plan.pk]), plan_post(header, rows))
    assert response.status_code == 200
    body = response.content.decode()
    match = re.search(r'<input type="text" name="targets-0-value_max" value="1" class="is-invalid"[^>]*'
                      r'aria-describedby="[^"]*id_targets-0-value_max_error"[^>]*>'
                      r'<div class="invalid-feedback d-block" id="id_targets-0-value_max_error">([^<]+)</div>', body)
    assert match and "Giá trị trên" in match.group(1), body[body.find("targets-0-value_max") - 200:][:600]
    assert _values(_select(body, "targets-0-comparator")) == ["range"]
