"""The validation rules' thresholds are edited by an admin (issue 15): a default row and a row per
plan (``ValidationThresholds``), validated, in Vietnamese, with history; without a row the
settings apply. The rules read them once per request; a submitted report keeps the flags it
was submitted with."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reports import services, validation
from reports.models import ValidationThresholds
from tests.plans.factories import IssuedPlanFactory
from tests.reports.factories import full_data
from tests.reports.test_validation import _approve_q1, _save

pytestmark = pytest.mark.django_db
D = Decimal


def _submitted_with_flag(cycle, reporter_a, planner):
    """Q2 submitted with +60 % from Q1's approved 10, explained."""
    q2 = _approve_q1(cycle, reporter_a, planner, value="10")
    data = full_data(cycle, value="16")
    data["values"][cycle["t_sum"].pk]["explanation"] = "Có 06 HTX mới thành lập."
    services.obligation_save_draft(obligation=q2, acting_user=reporter_a, version=q2.version, data=data)
    services.obligation_submit(obligation=q2, acting_user=reporter_a)
    return q2


def _row(plan=None, jump="0.5", tolerance="0.1", times="3"):
    return ValidationThresholds.objects.create(plan=plan, jump_share=D(jump), registry_tolerance=D(tolerance),
                                               max_times_target=D(times))


def test_settings_then_default_row_then_the_plans_own(cycle, settings):
    settings.REPORT_VALIDATION = {"JUMP_SHARE": 0.5, "REGISTRY_TOLERANCE": 0.1, "MAX_TIMES_TARGET": 3}
    plan = cycle["plan"]
    other = IssuedPlanFactory()
    assert validation.thresholds(plan).jump_share == D("0.5")  # no row: the settings
    _row(jump="0.3")
    assert validation.thresholds(plan).jump_share == D("0.3") and validation.thresholds(other).jump_share == D("0.3")
    assert validation.thresholds().jump_share == D("0.3")
    _row(plan, jump="0.8", tolerance="0.25", times="5")
    th = validation.thresholds(plan)
    assert (th.jump_share, th.registry_tolerance, th.max_times_target) == (D("0.8"), D("0.25"), D(5))
    assert validation.thresholds(other).jump_share == D("0.3")


def test_the_rules_use_the_plans_thresholds(cycle, reporter_a, planner):
    q2 = _approve_q1(cycle, reporter_a, planner, value="10")
    _save(q2, reporter_a, cycle=cycle, value="14")  # +40 %
    t = cycle["t_sum"].pk
    assert validation.obligation_flags(q2) == {}  # the settings' 50 %
    _row(jump="0.3")
    q2.refresh_from_db()
    assert [f.code for f in validation.obligation_flags(q2)[t]] == ["jump_up"]
    _row(cycle["plan"], jump="0.45")
    q2.refresh_from_db()
    assert validation.obligation_flags(q2) == {}
    # One row per plan and one default row, in the database too; and ranges.
    for bad in ({"plan": cycle["plan"]}, {"plan": None}, {"plan": IssuedPlanFactory(), "jump": "10.5"},
                {"plan": IssuedPlanFactory(), "times": "0.9"}):
        with pytest.raises(IntegrityError), transaction.atomic():
            _row(bad.pop("plan"), **bad)


def test_read_once_per_request(cycle, reporter_a, planner, client_for):
    q2 = _submitted_with_flag(cycle, reporter_a, planner)
    services.obligation_return(obligation=q2, acting_user=planner, reason="Kiểm tra lại.")
    _row(jump="0.5")
    c = client_for(reporter_a)
    for url in (reverse("reports:obligation_detail", args=[q2.pk]), reverse("reports:obligation_edit", args=[q2.pk])):
        with CaptureQueriesContext(connection) as queries:
            page = c.get(url)
        assert page.status_code == 200
        assert "Tăng 60 %" in page.content.decode()
        assert sum('"reports_validationthresholds"' in q["sql"] for q in queries.captured_queries) == 1, url


def test_submitted_flags_outlive_a_threshold_change(cycle, reporter_a, planner, client_for):
    q2 = _submitted_with_flag(cycle, reporter_a, planner)
    _row(cycle["plan"], jump="2")  # +60 % would pass now
    page = client_for(planner).get(reverse("reports:obligation_detail", args=[q2.pk])).content.decode()
    assert "Tăng 60 % so với kỳ trước (10 → 16); ngưỡng 50 %" in page


class TestAdmin:
    def _post(self, c, **fields):
        data = {"plan": "", "jump_share": "0.5", "registry_tolerance": "0.1", "max_times_target": "3", **fields}
        return c.post(reverse("admin:reports_validationthresholds_add"), data)

    def test_add_validate_and_history(self, client_for, admin_user, cycle):
        c = client_for(admin_user)
        page = c.get(reverse("admin:reports_validationthresholds_add")).content.decode()
        assert "tỷ lệ tăng, giảm đột biến" in page.lower() and "0,5 = 50 %" in page
        answer = self._post(c, jump_share="11", registry_tolerance="-1", max_times_target="0.5")
        assert answer.status_code == 200
        errors = answer.context["adminform"].form.errors
        assert errors["jump_share"] == ["Nhập một tỷ lệ từ 0 đến 10 (ví dụ 0,5 là 50 phần trăm)."]
        assert errors["registry_tolerance"] == ["Nhập một tỷ lệ từ 0 đến 10 (ví dụ 0,5 là 50 phần trăm)."]
        assert errors["max_times_target"] == ["Nhập một hệ số từ 1 đến 1.000."]
        assert self._post(c, jump_share="abc").status_code == 200  # not a number: a form error, never a 500
        assert not ValidationThresholds.objects.exists()
        assert self._post(c, jump_share="0.4").status_code == 302
        default = ValidationThresholds.objects.get(plan=None)
        # A second default row is refused with a Vietnamese message.
        answer = self._post(c, jump_share="0.6")
        assert answer.status_code == 200 and "Ngưỡng này đã có" in answer.content.decode()
        assert self._post(c, plan=cycle["plan"].pk, jump_share="0.7").status_code == 302
        url = reverse("admin:reports_validationthresholds_change", args=[default.pk])
        assert c.post(url, {"plan": "", "jump_share": "0.45", "registry_tolerance": "0.1", "max_times_target": "3"}).status_code == 302
        assert [h.jump_share for h in default.history.order_by("history_date")] == [D("0.4"), D("0.45")]
        assert validation.thresholds(cycle["plan"]).jump_share == D("0.7")
        assert validation.thresholds(IssuedPlanFactory()).jump_share == D("0.45")
        assert c.get(reverse("admin:reports_validationthresholds_history", args=[default.pk])).status_code == 200
