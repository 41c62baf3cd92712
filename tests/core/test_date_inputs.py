"""Date boxes show and take dd/mm/yyyy in every browser (issue 18): a text box
(``core.forms.DatePickerInput``) with the value written dd/mm/yyyy by the server, the
"dd/mm/yyyy" placeholder, a numeric keypad on phones and the calendar attached by
static/js/datepicker.js; dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd and eight digits are
read, a wrong day is a Vietnamese message, a form sent back unchanged from the page saves the
same days, and no form of the portal renders a native ``<input type="date">`` any more (it
showed mm/dd/yyyy in an English browser)."""

import copy
import datetime
import re
from pathlib import Path

import django_filters
import pytest
from django import forms
from django.urls import reverse
from django.utils import translation

from core.forms import DatePickerInput, HumaneFormMixin, use_date_pickers
from tests.cooperatives.factories import OrganisationFactory
from tests.plans.factories import PlanFactory
from tests.plans.helpers import page_form_data
from tests.project_classes import PROJECT_APPS, project_subclasses

BAD_DATE_VI = "Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 25/03/2026."
ROOT = Path(__file__).resolve().parents[2]


class _Form(HumaneFormMixin, forms.Form):
    day = forms.DateField(label="Ngày")
    typed = forms.DateField(label="Ngày gõ", widget=forms.TextInput, required=False)
    hidden = forms.DateField(widget=forms.HiddenInput, required=False)


def _date_input(html: str, name: str) -> str:
    found = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    assert found, f"no input {name}"
    return found.group(0)


def _is_date_box(tag: str, value: str | None = None) -> bool:
    ok = 'type="text"' in tag and "data-datepicker" in tag and 'placeholder="dd/mm/yyyy"' in tag
    return ok and (value is None or f'value="{value}"' in tag)


class TestWidget:
    def test_renders_a_text_box_with_the_day_as_dd_mm_yyyy(self):
        """type=text (never type=date), the value dd/mm/yyyy, the hint, a numeric keypad, no
        browser autofill over the calendar, and the mark the script attaches the calendar to."""
        html = DatePickerInput().render("day", datetime.date(2026, 3, 5))
        assert 'type="text"' in html and 'type="date"' not in html
        assert 'value="05/03/2026"' in html and 'placeholder="dd/mm/yyyy"' in html
        assert 'inputmode="numeric"' in html and 'autocomplete="off"' in html and "data-datepicker" in html

    def test_an_empty_box_has_no_value(self):
        assert "value=" not in DatePickerInput().render("day", None)

    def test_a_day_sent_back_is_shown_as_dd_mm_yyyy_and_a_wrong_one_as_typed(self):
        """A form sent back with errors shows the day the user gave as dd/mm/yyyy, whichever way
        it was written; a text that is no day is kept as typed, beside the message."""
        widget = DatePickerInput()
        assert widget.format_value("2026-03-25") == "25/03/2026"
        assert widget.format_value("25.03.2026") == "25/03/2026"
        assert widget.format_value("5/3/2026") == "05/03/2026"
        assert widget.format_value("31/02/2026") == "31/02/2026"
        assert widget.format_value(None) is None

    def test_eight_digits_from_a_phone_keypad_are_a_day(self):
        """A phone's numeric keypad has no "/": "25032026" typed without the script is read as 25/03/2026."""
        assert DatePickerInput().value_from_datadict({"day": " 25032026 "}, {}, "day") == "25/03/2026"
        assert DatePickerInput().value_from_datadict({"day": "2503202"}, {}, "day") == "2503202"
        form = _Form(data={"day": "25032026"})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["day"] == datetime.date(2026, 3, 25)

    def test_humane_forms_use_it_for_plain_date_fields_only(self):
        """Plain date/text widgets become date boxes; a hidden date stays hidden."""
        form = _Form()
        assert isinstance(form.fields["day"].widget, DatePickerInput)
        assert isinstance(form.fields["typed"].widget, DatePickerInput)
        assert isinstance(form.fields["hidden"].widget, forms.HiddenInput)

    @pytest.mark.parametrize("raw", ["25/03/2026", "2026-03-25", "25-03-2026", "25.03.2026", "25032026"])
    def test_reads_the_ways_a_day_is_written(self, raw):
        form = _Form(data={"day": raw})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["day"] == datetime.date(2026, 3, 25)

    @pytest.mark.parametrize("raw", ["31/02/2026", "hôm nay", "2026-13-01", "25/03/20266", "31022026", "03/25/2026"])
    def test_a_wrong_day_is_a_vietnamese_message(self, raw):
        with translation.override("vi"):
            form = _Form(data={"day": raw})
            assert not form.is_valid()
            assert [str(m) for m in form.errors["day"]] == [BAD_DATE_VI]
            shown = "31/02/2026" if raw == "31022026" else raw  # kept as typed beside the message
            assert f'value="{shown}"' in str(form["day"])


def test_no_form_of_the_portal_renders_a_native_date_input():
    """Walk every form class of the portal (the fields it declares and its model's): each date
    field shows a DatePickerInput (directly or through HumaneFormMixin) or is hidden, and no
    widget of any field is an ``<input type="date">``."""
    classes = project_subclasses(forms.BaseForm)
    assert len(classes) > 20  # the walk found the portal's forms
    date_fields = 0
    for cls in classes:
        fields = copy.deepcopy(cls.base_fields)
        if issubclass(cls, HumaneFormMixin):
            use_date_pickers(type("Shown", (), {"fields": fields})())
        for name, field in fields.items():
            widget = field.widget
            assert getattr(widget, "input_type", None) != "date", f"{cls.__module__}.{cls.__name__}.{name}"
            if isinstance(field, forms.DateField):
                date_fields += 1
                assert isinstance(widget, (DatePickerInput, forms.HiddenInput)), f"{cls.__name__}.{name}: {widget!r}"
    assert date_fields >= 8  # plans (4 + issue), tasks, requirements, registry (3), PDF signed elsewhere


def test_no_filter_set_has_a_date_filter_without_the_date_box():
    """A date filter (a period filter; the lists filter by year today) shows the same box as the forms."""
    for cls in project_subclasses(django_filters.FilterSet):
        for name, flt in cls.base_filters.items():
            if "Date" in flt.field_class.__name__:
                widget = flt.extra.get("widget")
                is_box = widget is DatePickerInput or isinstance(widget, DatePickerInput)
                assert is_box, f"{cls.__name__}.{name}: {widget!r}"


def test_no_template_or_script_writes_a_native_date_input():
    """Hand-written markup (templates, scripts) has no ``type="date"`` either."""
    offenders = []
    for app in (*PROJECT_APPS, "templates", "static/js"):
        for path in (ROOT / app).rglob("*"):
            if path.suffix in (".html", ".js") and "vendor" not in path.parts:
                text = path.read_text(encoding="utf-8")
                if re.search(r"""type\s*=\s*["']?date\b""", text):
                    offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


@pytest.mark.parametrize("path", ["documents.forms.ExternalSignedForm", "cooperatives.forms.DissolveForm"])
def test_standalone_forms_render_date_boxes(path):
    """Forms outside the plan page (a PDF signed elsewhere, a dissolution) use the date box too."""
    from django.utils.module_loading import import_string

    html = str(import_string(path)())
    name = "issue_date" if "Signed" in path else "dissolved"
    assert _is_date_box(_date_input(html, name)) and 'type="date"' not in html


@pytest.mark.django_db
class TestPages:
    def test_plan_form_round_trip(self, client_for, planner_a, agency_a):
        """The plan page's dates are date boxes showing dd/mm/yyyy (the saved rows and the "Add a
        row" template alike); sent back unchanged they save the same days, and a day typed as
        dd/mm/yyyy or yyyy-mm-dd is saved too."""
        plan = PlanFactory(issuer=agency_a, period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2025, 12, 31))
        c = client_for(planner_a)
        url = reverse("plans:plan_update", args=[plan.pk])
        html = c.get(url).content.decode()
        assert _is_date_box(_date_input(html, "period_start"), "01/01/2025")
        assert _is_date_box(_date_input(html, "issue_date"))
        assert _is_date_box(_date_input(html, "legal_bases-__prefix__-date"))
        assert 'type="date"' not in html
        data = page_form_data(c, url, "targets-TOTAL_FORMS")
        assert data["period_end"] == "31/12/2025"
        data["period_end"] = "30/06/2026"
        assert c.post(url, data).status_code == 302
        plan.refresh_from_db()
        assert (plan.period_start, plan.period_end) == (datetime.date(2025, 1, 1), datetime.date(2026, 6, 30))
        data = page_form_data(c, url, "targets-TOTAL_FORMS")
        data["period_end"] = "2026-09-30"
        assert c.post(url, data).status_code == 302
        plan.refresh_from_db()
        assert plan.period_end == datetime.date(2026, 9, 30)

    def test_plan_form_bad_date_is_a_message_and_keeps_the_page(self, client_for, planner_a, agency_a):
        """A day that does not exist: the page comes back (200) with the Vietnamese message and the
        text as typed, nothing saved."""
        plan = PlanFactory(issuer=agency_a, period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2025, 12, 31))
        c = client_for(planner_a)
        url = reverse("plans:plan_update", args=[plan.pk])
        data = page_form_data(c, url, "targets-TOTAL_FORMS")
        data["period_end"] = "31/02/2026"
        with translation.override("vi"):
            response = c.post(url, data, HTTP_ACCEPT_LANGUAGE="vi")
        html = response.content.decode()
        assert response.status_code == 200 and BAD_DATE_VI in html
        assert 'value="31/02/2026"' in _date_input(html, "period_end")
        plan.refresh_from_db()
        assert plan.period_end == datetime.date(2025, 12, 31)

    def test_plan_issue_and_dissolve_forms(self, client_for, planner_a, agency_a, commune_a):
        """The issue form and the registry's founding/dissolution dates are date boxes; a day
        posted as dd/mm/yyyy is saved."""
        plan = PlanFactory(issuer=agency_a)
        c = client_for(planner_a)
        issue_url = reverse("plans:plan_issue", args=[plan.pk])
        assert _is_date_box(_date_input(c.get(issue_url).content.decode(), "issue_date"))
        assert c.post(issue_url, {"number": "7", "issue_date": "05/03/2024"}).status_code == 302
        plan.refresh_from_db()
        assert plan.issue_date == datetime.date(2024, 3, 5)

        org = OrganisationFactory(commune=commune_a, founded=datetime.date(2019, 5, 2))
        edit = c.get(reverse("cooperatives:organisation_update", args=[org.pk])).content.decode()
        assert _is_date_box(_date_input(edit, "founded"), "02/05/2019") and _is_date_box(_date_input(edit, "dissolved"))
        dissolve_url = reverse("cooperatives:organisation_dissolve", args=[org.pk])
        assert _is_date_box(_date_input(c.get(dissolve_url).content.decode(), "dissolved"))
        with translation.override("vi"):
            bad = c.post(dissolve_url, {"dissolved": "32/07/2025"}, HTTP_ACCEPT_LANGUAGE="vi")
        assert bad.status_code == 200 and BAD_DATE_VI in bad.content.decode()
        assert c.post(dissolve_url, {"dissolved": "01/07/2025"}).status_code == 302
        org.refresh_from_db()
        assert (org.status, org.dissolved) == ("dissolved", datetime.date(2025, 7, 1))

    def test_pages_load_the_calendar(self, client_for, planner_a):
        """Every page loads the vendored calendar, its Vietnamese names and the script that attaches it."""
        html = client_for(planner_a).get(reverse("plans:plan_create")).content.decode()
        for asset in ("vanillajs-datepicker/datepicker.min.js", "vanillajs-datepicker/locales/vi.js",
                      "js/datepicker.js", "vanillajs-datepicker/datepicker-bs5.min.css"):
            assert asset in html
