"""Date fields are native date inputs (issue 18): ``<input type="date">`` with the ISO value the
browser needs (it shows dd/mm/yyyy to a Vietnamese user and posts yyyy-mm-dd), dd/mm/yyyy typed
by hand is read too, a wrong date is a Vietnamese message, and a form sent back unchanged from
the page saves the same days."""

import datetime
import re

import pytest
from django import forms
from django.urls import reverse
from django.utils import translation

from core.forms import HumaneFormMixin, NativeDateInput
from tests.cooperatives.factories import OrganisationFactory
from tests.plans.factories import PlanFactory
from tests.plans.helpers import page_form_data

BAD_DATE_VI = "Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 25/03/2026."


class _Form(HumaneFormMixin, forms.Form):
    day = forms.DateField(label="Ngày")
    typed = forms.DateField(label="Ngày gõ", widget=forms.TextInput, required=False)
    hidden = forms.DateField(widget=forms.HiddenInput, required=False)


def _date_input(html: str, name: str) -> str:
    found = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    assert found, f"no input {name}"
    return found.group(0)


class TestWidget:
    def test_renders_a_native_date_input_with_iso_value(self):
        """type=date, the ISO value the browser needs, a year range and the dd/mm/yyyy hint."""
        html = NativeDateInput().render("day", datetime.date(2026, 3, 25))
        assert 'type="date"' in html and 'value="2026-03-25"' in html
        assert 'min="1900-01-01"' in html and 'max="2100-12-31"' in html and 'placeholder="dd/mm/yyyy"' in html

    def test_a_day_typed_by_hand_comes_back_as_iso(self):
        """A form sent back with errors keeps the day typed as dd/mm/yyyy (the browser would blank it)."""
        widget = NativeDateInput()
        assert widget.format_value("25/03/2026") == "2026-03-25"
        assert widget.format_value("2026-03-25") == "2026-03-25"
        assert widget.format_value("31/02/2026") == "31/02/2026"  # not a day: kept for the message
        assert widget.format_value(None) is None

    def test_humane_forms_use_it_for_plain_date_fields_only(self):
        """Plain date/text widgets become native date inputs; a hidden date stays hidden."""
        form = _Form()
        assert isinstance(form.fields["day"].widget, NativeDateInput)
        assert isinstance(form.fields["typed"].widget, NativeDateInput)
        assert isinstance(form.fields["hidden"].widget, forms.HiddenInput)

    @pytest.mark.parametrize("raw", ["25/03/2026", "2026-03-25", "25-03-2026", "25.03.2026"])
    def test_reads_the_ways_a_day_is_written(self, raw):
        form = _Form(data={"day": raw})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["day"] == datetime.date(2026, 3, 25)

    @pytest.mark.parametrize("raw", ["31/02/2026", "hôm nay", "2026-13-01", "25/03/20266"])
    def test_a_wrong_day_is_a_vietnamese_message(self, raw):
        with translation.override("vi"):
            form = _Form(data={"day": raw})
            assert not form.is_valid()
            assert [str(m) for m in form.errors["day"]] == [BAD_DATE_VI]


@pytest.mark.parametrize("path", ["documents.forms.ExternalSignedForm", "cooperatives.forms.DissolveForm"])
def test_standalone_forms_render_native_date_inputs(path):
    """Forms outside the plan page (a PDF signed elsewhere, a dissolution) use the native input too."""
    from django.utils.module_loading import import_string

    html = str(import_string(path)())
    assert _all_date_inputs(html) and not re.search(r'<input type="text"[^>]*name="(issue_date|dissolved)"', html)


def _all_date_inputs(html):
    return re.findall(r'<input[^>]*type="date"[^>]*>', html)


@pytest.mark.django_db
class TestPages:
    def test_plan_form_round_trip(self, client_for, planner_a, agency_a):
        """The plan page's dates are native date inputs; sent back unchanged they save the same
        days, and a day typed as dd/mm/yyyy (a browser without a calendar) is saved too."""
        plan = PlanFactory(issuer=agency_a, period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2025, 12, 31))
        c = client_for(planner_a)
        url = reverse("plans:plan_update", args=[plan.pk])
        html = c.get(url).content.decode()
        assert 'type="date"' in _date_input(html, "period_start") and 'value="2025-01-01"' in _date_input(html, "period_start")
        assert 'type="date"' in _date_input(html, "issue_date")
        assert not re.search(r'<input type="text"[^>]*name="(period_start|period_end|issue_date)"', html)
        data = page_form_data(c, url, "targets-TOTAL_FORMS")
        assert data["period_end"] == "2025-12-31"
        data["period_end"] = "30/06/2026"
        assert c.post(url, data).status_code == 302
        plan.refresh_from_db()
        assert (plan.period_start, plan.period_end) == (datetime.date(2025, 1, 1), datetime.date(2026, 6, 30))

    def test_plan_form_bad_date_is_a_message_and_keeps_the_page(self, client_for, planner_a, agency_a):
        """A day that does not exist: the page comes back (200) with the Vietnamese message, nothing saved."""
        plan = PlanFactory(issuer=agency_a, period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2025, 12, 31))
        c = client_for(planner_a)
        url = reverse("plans:plan_update", args=[plan.pk])
        data = page_form_data(c, url, "targets-TOTAL_FORMS")
        data["period_end"] = "31/02/2026"
        with translation.override("vi"):
            response = c.post(url, data, HTTP_ACCEPT_LANGUAGE="vi")
        assert response.status_code == 200 and BAD_DATE_VI in response.content.decode()
        plan.refresh_from_db()
        assert plan.period_end == datetime.date(2025, 12, 31)

    def test_plan_issue_and_dissolve_forms(self, client_for, planner_a, agency_a, commune_a):
        """The issue form and the registry's founding/dissolution dates are native date inputs;
        an ISO day posted by the browser is saved."""
        plan = PlanFactory(issuer=agency_a)
        c = client_for(planner_a)
        issue_url = reverse("plans:plan_issue", args=[plan.pk])
        assert _all_date_inputs(c.get(issue_url).content.decode())
        assert c.post(issue_url, {"number": "7", "issue_date": "2024-03-05"}).status_code == 302
        plan.refresh_from_db()
        assert plan.issue_date == datetime.date(2024, 3, 5)

        org = OrganisationFactory(commune=commune_a, founded=datetime.date(2019, 5, 2))
        edit = c.get(reverse("cooperatives:organisation_update", args=[org.pk])).content.decode()
        assert 'value="2019-05-02"' in _date_input(edit, "founded") and 'type="date"' in _date_input(edit, "founded")
        dissolve_url = reverse("cooperatives:organisation_dissolve", args=[org.pk])
        assert _all_date_inputs(c.get(dissolve_url).content.decode())
        with translation.override("vi"):
            bad = c.post(dissolve_url, {"dissolved": "32/07/2025"}, HTTP_ACCEPT_LANGUAGE="vi")
        assert bad.status_code == 200 and BAD_DATE_VI in bad.content.decode()
        assert c.post(dissolve_url, {"dissolved": "2025-07-01"}).status_code == 302
        org.refresh_from_db()
        assert (org.status, org.dissolved) == ("dissolved", datetime.date(2025, 7, 1))
