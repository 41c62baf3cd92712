"""Validation rules for reported values (issue 15, reports/validation.py): each rule fires just
past its threshold and not at it; flagged drafts save; submitting needs an explanation per
flagged value; the reviewer sees flags and explanations first."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from cooperatives.models import Indicator
from plans.models import PlanTarget
from reports import services, validation
from reports.models import Obligation, ObligationStatus, ReportedValue
from reports.selectors import form_lines
from tests.cooperatives.factories import OrganisationFactory
from tests.reports.factories import full_data

D = Decimal


def _target(unit="HTX", value="17", baseline="15", value_max=None, cumulative=True, pk=1):
    return PlanTarget(
        pk=pk, unit=unit, value=D(value), baseline=D(baseline) if baseline is not None else None,
        value_max=D(value_max) if value_max is not None else None, cumulative=cumulative, milestone_year=2025,
    )


def _codes(target, value, ref=None):
    return [f.code for f in validation.check_value(target, D(value), ref)]


# --------------------------------------------------------------------------- the rules, pure
class TestRangeRule:
    def test_percentage_between_0_and_100(self):
        t = _target(unit="%", value="60", baseline="40")
        assert _codes(t, "100") == [] and _codes(t, "0") == []
        assert _codes(t, "100.01") == ["percent_range"]
        assert _codes(t, "-0.01") == ["percent_range"]

    def test_counts_are_whole_and_not_negative(self):
        t = _target(unit="HTX")
        assert _codes(t, "3") == []
        assert _codes(t, "3.5") == ["not_whole"]
        assert _codes(t, "-1") == ["negative"]

    def test_rates_and_amounts_need_not_be_whole(self):
        """"từ 01 đến 05 thành viên/HTX": 4,38 is a plausible average; money is not counted."""
        assert _codes(_target(unit="thành viên/HTX", value="1", value_max="5", baseline=None), "4.38") == []
        assert _codes(_target(unit="triệu đồng", value="900", baseline=None), "950.5") == []
        assert _codes(_target(unit="triệu đồng", value="900", baseline=None), "-1") == ["negative"]

    def test_max_times_the_target(self):
        """Reference = the larger of target (upper value of a range) and baseline; default 3×."""
        t = _target(unit="HTX", value="17", baseline="15")
        assert _codes(t, "51") == []
        assert _codes(t, "52") == ["too_large"]
        ranged = _target(unit="thành viên/HTX", value="1", value_max="5", baseline=None)
        assert _codes(ranged, "15") == [] and _codes(ranged, "15.01") == ["too_large"]
        lower = _target(unit="HTX", value="5", baseline="20")  # a target to reduce: the baseline counts
        assert _codes(lower, "60") == [] and _codes(lower, "61") == ["too_large"]
        assert _codes(_target(unit="%", value="20", baseline="10"), "90") == []  # percentages: 0–100 only

    @override_settings(REPORT_VALIDATION={"MAX_TIMES_TARGET": 2})
    def test_max_times_is_configurable(self):
        assert _codes(_target(value="10", baseline=None), "20") == []
        assert _codes(_target(value="10", baseline=None), "21") == ["too_large"]


class TestJumpRule:
    def test_fires_above_the_share_not_at_it(self):
        t = _target(unit="triệu đồng", value="100", baseline=None, cumulative=False)
        ref = validation.Reference(last=D("10"), last_label="Quý I/2024")
        assert _codes(t, "15", ref) == []
        assert _codes(t, "15.01", ref) == ["jump_up"]
        assert _codes(t, "5", ref) == []
        assert _codes(t, "4.99", ref) == ["jump_down"]

    def test_no_previous_value_or_zero(self):
        t = _target(unit="triệu đồng", value="100", baseline=None, cumulative=False)
        assert _codes(t, "90", validation.Reference()) == []
        assert _codes(t, "90", validation.Reference(last=D(0))) == []

    def test_message_names_the_numbers_and_threshold(self):
        t = _target(unit="triệu đồng", value="100", baseline=None, cumulative=False)
        (flag,) = validation.check_value(t, D("33"), validation.Reference(last=D("15.0000"), last_label="Quý I/2024"))
        with translation.override("vi"):
            assert flag.message == "Tăng 120 % so với kỳ trước (15 → 33); ngưỡng 50 % (Quý I/2024)"
            assert flag.rule_label == "Tăng, giảm đột biến so với kỳ trước"

    @override_settings(REPORT_VALIDATION={"JUMP_SHARE": 0.2})
    def test_share_is_configurable(self):
        t = _target(unit="triệu đồng", value="100", baseline=None, cumulative=False)
        ref = validation.Reference(last=D("10"))
        assert _codes(t, "12", ref) == [] and _codes(t, "12.1", ref) == ["jump_up"]


class TestRegistryRule:
    def test_tolerance_edges(self):
        t = _target(unit="triệu đồng", value="100", baseline=None, cumulative=False)
        ref = validation.Reference(registry=D("20"), area="Huyện A", year=2024)
        assert _codes(t, "22", ref) == [] and _codes(t, "18", ref) == []
        assert _codes(t, "22.01", ref) == ["registry"]
        assert _codes(t, "17.99", ref) == ["registry"]

    def test_registry_zero_and_unknown(self):
        t = _target(unit="triệu đồng", value="100", baseline=None, cumulative=False)
        assert _codes(t, "0", validation.Reference(registry=D(0))) == []
        assert _codes(t, "1", validation.Reference(registry=D(0))) == ["registry"]
        (flag,) = validation.check_value(t, D(1), validation.Reference(registry=D(0), area="xã Sơn Hạ", year=2024))
        with translation.override("vi"):
            assert flag.message == "Sổ theo dõi ghi nhận 0 tại xã Sơn Hạ năm 2024; đã nhập 1."
        assert _codes(t, "1", validation.Reference(registry=None)) == []

    @override_settings(REPORT_VALIDATION={"REGISTRY_TOLERANCE": 0})
    def test_tolerance_is_configurable(self):
        t = _target(unit="triệu đồng", value="100", baseline=None, cumulative=False)
        assert _codes(t, "20.5", validation.Reference(registry=D("20"))) == ["registry"]


class TestDecreaseRule:
    def test_cumulative_total_may_not_decrease(self):
        t = _target(value="100", baseline=None, cumulative=True)
        ref = validation.Reference(last=D("10"), last_label="Quý I/2024")
        assert _codes(t, "10", ref) == []
        assert _codes(t, "9", ref) == ["decrease"]
        with translation.override("vi"):
            (flag,) = validation.check_value(t, D("9"), ref)
            assert flag.message == "Giá trị lũy kế không thể giảm: 10 ở Quý I/2024, nay là 9."

    def test_not_for_increments_or_percentages(self):
        ref = validation.Reference(last=D("10"))
        assert _codes(_target(value="100", baseline=None, cumulative=False), "9", ref) == []
        assert _codes(_target(unit="%", value="60", baseline=None, cumulative=True), "9.5", ref) == []


# --------------------------------------------------------------------------- against the database
def _approve_q1(cycle, reporter_a, planner, value="10"):
    ob = cycle["ob_a"]
    services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=0, data=full_data(cycle, value=value))
    services.obligation_submit(obligation=ob, acting_user=reporter_a)
    services.obligation_approve(obligation=ob, acting_user=planner)
    return Obligation.objects.get(period__label="Quý II/2024", agency=ob.agency, kind=ob.kind)


def _save(ob, user, **kwargs):
    ob.refresh_from_db()
    data = full_data(**kwargs)
    services.obligation_save_draft(obligation=ob, acting_user=user, version=ob.version, data=data)


class TestReferences:
    def test_compares_with_the_last_approved_report_only(self, cycle, reporter_a, planner):
        q2 = _approve_q1(cycle, reporter_a, planner, value="10")
        t = cycle["t_sum"]
        assert validation.references(q2, form_lines(q2))[t.pk].last == D(10)
        # The same agency's submitted (not approved) Q2 is not a reference for Q3.
        _save(q2, reporter_a, cycle=cycle, value="14")
        services.obligation_submit(obligation=q2, acting_user=reporter_a)
        q3 = Obligation.objects.get(period__label="Quý III/2024", agency=q2.agency, kind=q2.kind)
        ref = validation.references(q3, form_lines(q3))[t.pk]
        assert ref.last == D(10) and ref.last_label == "Quý I/2024"
        # Another agency's values are never a reference.
        ob_b = cycle["ob_b"]
        assert validation.references(ob_b, form_lines(ob_b))[t.pk].last is None

    def test_registry_for_the_agency_area_and_cutoff_year(self, cycle, reporter_a, commune_a, commune_b):
        t = cycle["t_sum"]
        t.indicator = Indicator.objects.get(code="htx_active")
        t.save()
        for _i in range(4):
            OrganisationFactory(commune=commune_a, founded=datetime.date(2020, 1, 1))
        OrganisationFactory(commune=commune_a, founded=datetime.date(2024, 6, 1))  # founded in 2024: exists at its end
        OrganisationFactory(commune=commune_b, founded=datetime.date(2020, 1, 1))  # another district
        ob = cycle["ob_a"]  # Quý I/2024: data to 14/03/2024, so the registry of 2024
        ref = validation.references(ob, form_lines(ob))[t.pk]
        assert ref.registry == D(5) and ref.year == 2024
        assert validation.obligation_flags(ob, values={t.pk: D("5")}) == {}
        flags = validation.obligation_flags(ob, values={t.pk: D("6")})  # 20 % off, tolerance 10 %
        assert [f.rule for f in flags[t.pk]] == ["registry"]
        # The flag compares with the very figure the form shows as the registry hint.
        (line,) = [line for line in form_lines(ob)["targets"] if line.target.pk == t.pk]
        assert line.registry.value == D(5)
        with translation.override("vi"):
            assert "so với sổ theo dõi (5 của" in flags[t.pk][0].message


class TestSubmitNeedsExplanation:
    def test_draft_with_flags_saves_submit_refused_then_allowed(self, cycle, reporter_a, planner):
        q2 = _approve_q1(cycle, reporter_a, planner, value="10")
        t = cycle["t_sum"]
        _save(q2, reporter_a, cycle=cycle, value="16")  # +60 %: flagged, but the draft saves
        q2.refresh_from_db()
        assert q2.status == ObligationStatus.DRAFT
        assert ReportedValue.objects.get(obligation=q2, target=t).value == D(16)
        with translation.override("vi"), pytest.raises(ValidationError) as exc:
            services.obligation_submit(obligation=q2, acting_user=reporter_a)
        assert {e.code for e in exc.value.error_list} == {"unexplained_flags"}
        assert "Số HTX nông nghiệp" in exc.value.messages[0] and "Tăng 60 %" in exc.value.messages[0]
        q2.refresh_from_db()
        assert q2.status == ObligationStatus.DRAFT and q2.submitted_at is None
        data = full_data(cycle, value="16")
        data["values"][t.pk]["explanation"] = "Thành lập mới 06 HTX từ Hội quán."
        services.obligation_save_draft(obligation=q2, acting_user=reporter_a, version=q2.version, data=data)
        services.obligation_submit(obligation=q2, acting_user=reporter_a)
        q2.refresh_from_db()
        assert q2.status == ObligationStatus.SUBMITTED
        assert ReportedValue.objects.get(obligation=q2, target=t).explanation == "Thành lập mới 06 HTX từ Hội quán."

    def test_blank_explanation_does_not_count(self, cycle, reporter_a, planner):
        q2 = _approve_q1(cycle, reporter_a, planner, value="10")
        data = full_data(cycle, value="16")
        data["values"][cycle["t_sum"].pk]["explanation"] = "   "
        services.obligation_save_draft(obligation=q2, acting_user=reporter_a, version=q2.version, data=data)
        with pytest.raises(ValidationError):
            services.obligation_submit(obligation=q2, acting_user=reporter_a)

    def test_unflagged_report_submits_without_explanation(self, cycle, reporter_a, planner):
        q2 = _approve_q1(cycle, reporter_a, planner, value="10")
        _save(q2, reporter_a, cycle=cycle, value="15")  # exactly +50 %: not a jump
        services.obligation_submit(obligation=q2, acting_user=reporter_a)
        q2.refresh_from_db()
        assert q2.status == ObligationStatus.SUBMITTED


def _edit_post(cycle, ob, *, value, explain=None, submit=False):
    t_sum, t_avg = cycle["t_sum"].pk, cycle["t_avg"].pk
    data = {
        "version": ob.version,
        f"value_{t_sum}": value,
        f"note_{t_sum}": "",
        f"value_{t_avg}": "50",
        f"weight_{t_avg}": "4",
        f"task_status_{cycle['task'].pk}": "in_progress",
        f"task_account_{cycle['task'].pk}": "Đang triển khai",
        f"spent_{cycle['line'].pk}": "1.000.000",
        "results": "Thành lập mới 01 HTX",
        "difficulties": "",
        "proposals": "",
    }
    if explain is not None:
        data[f"explain_{t_sum}"] = explain
    if submit:
        data["submit"] = "1"
    return data


class TestFormAndPages:
    def test_flag_shown_next_to_the_field(self, cycle, reporter_a, planner, client_for):
        q2 = _approve_q1(cycle, reporter_a, planner, value="10")
        _save(q2, reporter_a, cycle=cycle, value="16")
        page = client_for(reporter_a).get(reverse("reports:obligation_edit", args=[q2.pk])).content.decode()
        assert "Tăng 60 % so với kỳ trước (10 → 16); ngưỡng 50 %" in page
        assert f'name="explain_{cycle["t_sum"].pk}"' in page
        # An unflagged value gets no explanation box.
        assert f'name="explain_{cycle["t_avg"].pk}"' not in page

    def test_submit_without_explanation_is_a_form_error(self, cycle, reporter_a, planner, client_for):
        q2 = _approve_q1(cycle, reporter_a, planner, value="10")
        _save(q2, reporter_a, cycle=cycle, value="16")
        q2.refresh_from_db()
        client = client_for(reporter_a)
        url = reverse("reports:obligation_edit", args=[q2.pk])
        response = client.post(url, _edit_post(cycle, q2, value="16", explain="", submit=True), follow=True)
        page = response.content.decode()
        assert "Hãy giải trình giá trị bị cảnh báo trước khi gửi." in page
        assert "Giải trình giá trị bị cảnh báo của chỉ tiêu" in page
        q2.refresh_from_db()
        assert q2.status == ObligationStatus.DRAFT
        response = client.post(url, _edit_post(cycle, q2, value="16", explain="Có 06 HTX mới thành lập.", submit=True))
        # Saved and explained: the confirmation page follows, showing the flag and the explanation.
        assert response.status_code == 302 and response["Location"] == reverse("reports:obligation_submit", args=[q2.pk])
        confirm = client.get(response["Location"]).content.decode()
        assert "Tăng 60 % so với kỳ trước" in confirm and "Có 06 HTX mới thành lập." in confirm
        assert 'id="confirm-blockers"' not in confirm
        client.post(response["Location"], {"confirmed": "1"})
        q2.refresh_from_db()
        assert q2.status == ObligationStatus.SUBMITTED
        assert q2.values.get(target=cycle["t_sum"]).explanation == "Có 06 HTX mới thành lập."

    def test_value_changed_into_a_flag_on_submit(self, cycle, reporter_a, planner, client_for):
        """Typing a flagged value and submitting at once: the draft keeps the value, nothing is submitted."""
        q2 = _approve_q1(cycle, reporter_a, planner, value="10")
        _save(q2, reporter_a, cycle=cycle, value="12")
        q2.refresh_from_db()
        client_for(reporter_a).post(
            reverse("reports:obligation_edit", args=[q2.pk]), _edit_post(cycle, q2, value="30", submit=True)
        )
        q2.refresh_from_db()
        assert q2.status == ObligationStatus.DRAFT
        assert q2.values.get(target=cycle["t_sum"]).value == D(30)


class TestReviewBox:
    def _submitted_with_flag(self, cycle, reporter_a, planner, explanation="Có 06 HTX mới thành lập."):
        q2 = _approve_q1(cycle, reporter_a, planner, value="10")
        data = full_data(cycle, value="16")
        data["values"][cycle["t_sum"].pk]["explanation"] = explanation
        services.obligation_save_draft(obligation=q2, acting_user=reporter_a, version=q2.version, data=data)
        services.obligation_submit(obligation=q2, acting_user=reporter_a)
        return q2

    def test_reviewer_sees_flags_and_explanations_first(self, cycle, reporter_a, planner, client_for):
        q2 = self._submitted_with_flag(cycle, reporter_a, planner)
        response = client_for(planner).get(reverse("reports:obligation_detail", args=[q2.pk]))
        page = response.content.decode()
        box = page.index('id="value-flags"')
        assert "1 số liệu cần kiểm tra trước" in page
        assert page.index("Tăng 60 % so với kỳ trước (10 → 16); ngưỡng 50 %", box) > box
        assert page.index("Có 06 HTX mới thành lập.", box) > box
        # The box comes before the actions and the report's content.
        assert box < page.index(reverse("reports:obligation_approve", args=[q2.pk]))
        assert box < page.index("Chỉ tiêu", box)
        assert [line.target.pk for line, _f in response.context["flag_rows"]] == [cycle["t_sum"].pk]

    def test_approve_step_shows_them_again(self, cycle, reporter_a, planner, client_for):
        """The approve button leads to the confirmation page, which lists them again."""
        q2 = self._submitted_with_flag(cycle, reporter_a, planner)
        client = client_for(planner)
        url = reverse("reports:obligation_approve", args=[q2.pk])
        page = client.post(url).content.decode()
        start = page.index("data-approve-flags")
        step = page[start:page.index("</section>", start)]
        assert "1 số liệu bị cảnh báo" in step
        assert "Kiểm tra các số liệu bị cảnh báo và giải trình trước khi duyệt:" in step
        assert "Tăng 60 % so với kỳ trước" in step and "Có 06 HTX mới thành lập." in step
        assert start < page.index('name="confirmed"')
        q2.refresh_from_db()
        assert q2.status == ObligationStatus.SUBMITTED  # nothing happens before confirming
        assert client.post(url, {"confirmed": "1"}).status_code == 302
        q2.refresh_from_db()
        assert q2.status == ObligationStatus.APPROVED

    def test_submit_confirmation_blocked_without_explanation(self, cycle, reporter_a, planner, client_for):
        q2 = _approve_q1(cycle, reporter_a, planner, value="10")
        _save(q2, reporter_a, cycle=cycle, value="16")
        client = client_for(reporter_a)
        url = reverse("reports:obligation_submit", args=[q2.pk])
        page = client.post(url).content.decode()
        blockers = page[page.index('id="confirm-blockers"'):]
        assert "Giải trình giá trị bị cảnh báo của chỉ tiêu “Số HTX nông nghiệp”" in blockers
        client.post(url, {"confirmed": "1"})  # a forged confirmation: the service refuses
        q2.refresh_from_db()
        assert q2.status == ObligationStatus.DRAFT

    def test_no_box_without_flags(self, cycle, reporter_a, planner, client_for):
        q2 = _approve_q1(cycle, reporter_a, planner, value="10")
        _save(q2, reporter_a, cycle=cycle, value="12")
        services.obligation_submit(obligation=q2, acting_user=reporter_a)
        page = client_for(planner).get(reverse("reports:obligation_detail", args=[q2.pk])).content.decode()
        assert 'id="value-flags"' not in page
        confirm = client_for(planner).post(reverse("reports:obligation_approve", args=[q2.pk])).content.decode()
        assert "data-approve-flags" not in confirm

    def test_reporter_sees_what_blocks_submitting(self, cycle, reporter_a, planner, client_for):
        q2 = _approve_q1(cycle, reporter_a, planner, value="10")
        _save(q2, reporter_a, cycle=cycle, value="16")
        response = client_for(reporter_a).get(reverse("reports:obligation_detail", args=[q2.pk]))
        assert any("Giải trình giá trị bị cảnh báo" in p for p in response.context["problems"])
        assert "Chưa có giải trình." in response.content.decode()


class TestBadInput:
    def test_draft_with_flag_saves_through_the_form(self, cycle, reporter_a, planner, client_for):
        q2 = _approve_q1(cycle, reporter_a, planner, value="10")
        response = client_for(reporter_a).post(
            reverse("reports:obligation_edit", args=[q2.pk]), _edit_post(cycle, q2, value="40")
        )
        assert response.status_code == 302
        q2.refresh_from_db()
        assert q2.status == ObligationStatus.DRAFT and q2.values.get(target=cycle["t_sum"]).value == D(40)

    def test_too_long_explanation_is_a_form_error(self, cycle, reporter_a, planner, client_for):
        """Bad input gets a Vietnamese message on the form, never a 500; nothing is saved."""
        q2 = _approve_q1(cycle, reporter_a, planner, value="10")
        _save(q2, reporter_a, cycle=cycle, value="16")
        q2.refresh_from_db()
        response = client_for(reporter_a).post(
            reverse("reports:obligation_edit", args=[q2.pk]), _edit_post(cycle, q2, value="16", explain="x" * 1001, submit=True)
        )
        assert response.status_code == 200
        assert "Giá trị này chỉ có tối đa 1000 kí tự (hiện có 1001)" in response.content.decode()
        q2.refresh_from_db()
        assert q2.status == ObligationStatus.DRAFT and q2.values.get(target=cycle["t_sum"]).explanation == ""


# --------------------------------------------------------------------------- stored at submission
class TestStoredFlags:
    """The flags and explanations the reporter saw are stored with the submission: the reviewer
    and the history see them even when the thresholds change later; drafts are recomputed."""

    def _submitted(self, cycle, reporter_a, planner):
        return TestReviewBox()._submitted_with_flag(cycle, reporter_a, planner)

    def test_stored_in_the_submit_transaction(self, cycle, reporter_a, planner):
        q2 = self._submitted(cycle, reporter_a, planner)
        q2.refresh_from_db()
        (entry,) = q2.submitted_flags
        assert entry["target"] == cycle["t_sum"].pk and entry["value"] == "16.0000"
        assert entry["explanation"] == "Có 06 HTX mới thành lập."
        (flag,) = entry["flags"]
        assert (flag["rule"], flag["code"], flag["threshold"]) == ("jump", "jump_up", "0.5")
        assert flag["message"] == "Tăng 60 % so với kỳ trước (10 → 16); ngưỡng 50 % (Quý I/2024)"
        # The history row of the submission holds them too.
        assert q2.history.filter(status=ObligationStatus.SUBMITTED).latest("history_date").submitted_flags == q2.submitted_flags

    def test_refused_submit_stores_nothing(self, cycle, reporter_a, planner):
        q2 = _approve_q1(cycle, reporter_a, planner, value="10")
        _save(q2, reporter_a, cycle=cycle, value="16")
        with pytest.raises(ValidationError):
            services.obligation_submit(obligation=q2, acting_user=reporter_a)
        q2.refresh_from_db()
        assert q2.submitted_flags is None

    def test_review_page_keeps_them_when_the_threshold_rises(self, cycle, reporter_a, planner, client_for):
        q2 = self._submitted(cycle, reporter_a, planner)
        with override_settings(REPORT_VALIDATION={"JUMP_SHARE": 0.9}):  # +60 % is no longer a jump
            assert validation.obligation_flags(q2) == {}
            response = client_for(planner).get(reverse("reports:obligation_detail", args=[q2.pk]))
            page = response.content.decode()
            box = page.index('id="value-flags"')
            assert "Cảnh báo đã hiển thị cho người báo cáo khi gửi" in page
            assert page.index("Tăng 60 % so với kỳ trước (10 → 16); ngưỡng 50 %", box) > box
            assert page.index("Có 06 HTX mới thành lập.", box) > box
            confirm = client_for(planner).post(reverse("reports:obligation_approve", args=[q2.pk])).content.decode()
            assert "data-approve-flags" in confirm and "ngưỡng 50 %" in confirm

    def test_no_new_flag_when_the_threshold_falls(self, cycle, reporter_a, planner, client_for):
        q2 = _approve_q1(cycle, reporter_a, planner, value="10")
        _save(q2, reporter_a, cycle=cycle, value="12")  # +20 %: nothing to explain
        services.obligation_submit(obligation=q2, acting_user=reporter_a)
        with override_settings(REPORT_VALIDATION={"JUMP_SHARE": 0.1}):
            assert validation.obligation_flags(q2)  # recomputed, it would be a jump now
            page = client_for(planner).get(reverse("reports:obligation_detail", args=[q2.pk])).content.decode()
            assert 'id="value-flags"' not in page
            # Returned, it is a draft again: recomputed with today's thresholds.
            services.obligation_return(obligation=q2, acting_user=planner, reason="Kiểm tra lại số liệu.")
            page = client_for(planner).get(reverse("reports:obligation_detail", args=[q2.pk])).content.decode()
            assert "Tăng 20 % so với kỳ trước (10 → 12); ngưỡng 10 %" in page
            assert "Cảnh báo đã hiển thị cho người báo cáo khi gửi" not in page

    def test_history_shows_what_was_submitted(self, cycle, reporter_a, planner, client_for):
        q2 = self._submitted(cycle, reporter_a, planner)
        page = client_for(planner).get(reverse("reports:obligation_history", args=[q2.pk])).content.decode()
        start = page.index("data-history-flags")
        assert "Tăng 60 % so với kỳ trước (10 → 16); ngưỡng 50 %" in page[start:]
        assert "Có 06 HTX mới thành lập." in page[start:]

    def test_review_page_keeps_them_when_the_registry_changes(self, cycle, reporter_a, planner, commune_a, client_for):
        t = cycle["t_sum"]
        t.indicator = Indicator.objects.get(code="htx_active")
        t.save()
        for _i in range(5):
            OrganisationFactory(commune=commune_a, founded=datetime.date(2020, 1, 1))
        ob = cycle["ob_a"]
        data = full_data(cycle, value="6")  # the registry has 5: 20 % off, tolerance 10 %
        data["values"][t.pk]["explanation"] = "Một HTX chưa cập nhật vào sổ theo dõi."
        services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=ob.version, data=data)
        services.obligation_submit(obligation=ob, acting_user=reporter_a)
        OrganisationFactory(commune=commune_a, founded=datetime.date(2020, 1, 1))  # the registry catches up: 6
        ob.refresh_from_db()
        assert validation.obligation_flags(ob) == {}
        page = client_for(planner).get(reverse("reports:obligation_detail", args=[ob.pk])).content.decode()
        box = page.index('id="value-flags"')
        assert page.index("so với sổ theo dõi (5 của", box) > box
        assert page.index("Một HTX chưa cập nhật vào sổ theo dõi.", box) > box
