"""List filters without crispy's templates (``core.filterfields``, issue 17).

``{{ field|filter_field }}`` must write what ``{{ field|as_crispy_field }}`` wrote — the lists'
filters look and behave as before — without rendering a template per field and per option.
Every field of the plan, report and registry filters is compared with crispy's own output
(whitespace between tags aside), unbound, with values chosen, and with bad input (errors), in
Vietnamese and English; and a form with what the lists do not use yet (help text, a required
field, a hidden input, option groups, a safe label, a date, a text area, radio buttons).
"""

import re

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import forms
from django.template import Context, Template
from django.test import RequestFactory
from django.test.signals import template_rendered
from django.utils import translation
from django.utils.safestring import mark_safe

from cooperatives.filtersets import OrganisationFilterSet
from cooperatives.models import Organisation, Sector
from core.filterfields import render_filter_field
from core.forms import DatePickerInput
from plans.filtersets import PlanFilterSet
from plans.models import Plan
from reports.filtersets import ObligationFilterSet
from reports.models import Obligation
from tests.plans.factories import PlanFactory

pytestmark = pytest.mark.django_db


def _normal(html: str) -> str:
    """Runs of whitespace as one space, none next to a tag's brackets (crispy's templates put
    newlines and indentation there, which a browser does not show)."""
    return re.sub(r"\s*([<>])\s*", r"\1", re.sub(r"\s+", " ", str(html))).strip()


def _plan_filterset(data, user):
    request = RequestFactory().get("/plans/", data or {})
    request.user = user
    return PlanFilterSet(data, Plan.objects.all(), request=request)


def _report_filterset(data, user):
    plans = Plan.objects.order_by("-id")
    from directory.models import Agency

    return ObligationFilterSet(
        data, Obligation.objects.all(), plans=plans, agencies=Agency.objects.order_by("name"),
        periods=["Quý I/2026", "6 tháng đầu năm 2025", "Năm 2024 <có dấu & ký tự>"],
    )


def _registry_filterset(data, user):
    return OrganisationFilterSet(data, Organisation.objects.all(), user=user)


@pytest.fixture
def chosen(agency_a, district_a):
    plan = PlanFactory(issuer=agency_a, title="Kế hoạch phát triển HTX \"mẫu\" & <khác>")
    sector = Sector.objects.first() or Sector.objects.create(code="nn", name="Nông nghiệp")
    return {"plan": plan, "agency": agency_a, "unit": district_a, "sector": sector}


def _states(kind, chosen):
    if kind == "plans":
        return [
            None,
            {},
            {"q": 'hợp tác "xã" <b>', "issuer": str(chosen["agency"].pk), "unit": str(chosen["unit"].pk), "year": "2025",
             "kind": "annual", "status": "issued", "ordering": "-issue_date"},
            {"year": "abc", "ordering": "nonsense", "unit": "999999", "issuer": "abc", "status": "bogus"},
        ]
    if kind == "reports":
        return [
            None,
            {"plan": str(chosen["plan"].pk), "agency": str(chosen["agency"].pk), "status": "draft", "year": "2026",
             "period": "Năm 2024 <có dấu & ký tự>", "late": "on", "ordering": "due_date"},
            {"plan": "0", "agency": "x", "status": "bogus", "year": "1800", "period": "Quý V", "ordering": "-nothing"},
        ]
    return [
        None,
        {"q": "Sơn Hà", "kind": "htx", "status": "active", "unit": str(chosen["unit"].pk), "sector": str(chosen["sector"].pk),
         "agricultural": "true", "year": "2025", "rating": "tot", "ordering": "-name"},
        {"kind": "nothing", "unit": "abc", "sector": "999999", "agricultural": "maybe", "year": "x", "rating": "?"},
    ]


BUILDERS = {"plans": _plan_filterset, "reports": _report_filterset, "registry": _registry_filterset}


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("kind", ["plans", "reports", "registry"])
def test_every_list_filter_field_is_written_as_crispy_wrote_it(kind, language, chosen, planner, admin_user):
    """Same markup as crispy's for every field, every state, both languages (and errors shown)."""
    compared = errors_seen = 0
    with translation.override(language):
        for user in (planner, admin_user):
            for data in _states(kind, chosen):
                ours, theirs = BUILDERS[kind](data, user), BUILDERS[kind](data, user)
                if data is not None:
                    ours.is_valid(), theirs.is_valid()
                for name in ours.form.fields:
                    mine = render_filter_field(ours.form[name])
                    crispy = as_crispy_field(theirs.form[name])
                    assert _normal(mine) == _normal(crispy), f"{kind}.{name} with {data!r}"
                    # Rendering twice (crispy keeps its classes on the widget) changes nothing.
                    assert _normal(render_filter_field(ours.form[name])) == _normal(mine)
                    compared += 1
                    errors_seen += bool(ours.form[name].errors)
    assert compared > 20 and errors_seen >= 2  # the invalid states did show errors


class _EveryKindForm(forms.Form):
    title = forms.CharField(label="Tên <gọi>", help_text="Gõ <em>tên</em> đầy đủ.", max_length=5)
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)
    grouped = forms.ChoiceField(
        label=mark_safe("Nhóm <abbr>HTX</abbr>"),
        choices=[("", "— Tất cả —"), ("Nông nghiệp", [("a", "Trồng trọt"), ("b", "Chăn nuôi & thủy sản")]), ("c", 3000)],
    )
    when = forms.DateField(widget=DatePickerInput, required=False)
    notes = forms.CharField(widget=forms.Textarea, required=False)
    choice = forms.ChoiceField(widget=forms.RadioSelect, choices=[("x", "X"), ("y", "Y")], required=False)
    agree = forms.BooleanField(label="Đồng ý", help_text="Bắt buộc.")
    number = forms.DecimalField(required=False, localize=True)


@pytest.mark.parametrize("data", [None, {"title": "quá dài <x>", "grouped": "zz", "when": "31/02/2026", "number": "1.234,5"},
                                  {"title": "ab", "grouped": "b", "when": "2026-03-25", "agree": "on", "hidden": '"q"'}])
def test_other_widgets_and_states_are_written_as_crispy_wrote_them(data):
    with translation.override("vi"):
        ours, theirs = _EveryKindForm(data), _EveryKindForm(data)
        if data is not None:
            ours.is_valid(), theirs.is_valid()
        for name in ours.fields:
            assert _normal(render_filter_field(ours[name])) == _normal(as_crispy_field(theirs[name])), name


def test_list_filters_render_no_template(chosen, planner):
    """The point of it: crispy rendered field.html, two includes and a template per <option>;
    the lists' filters now render none (a widget this module does not know would)."""
    rendered = []

    def seen(sender, template, **kwargs):
        rendered.append(template.name)

    states = [({"q": "x", "ordering": "title", "late": "on"}, kind) for kind in BUILDERS]
    template_rendered.connect(seen)
    try:
        for data, kind in states:
            filterset = BUILDERS[kind](data, planner)
            filterset.is_valid()
            for name in filterset.form.fields:
                render_filter_field(filterset.form[name])
        assert rendered == []
        filterset = BUILDERS["plans"]({}, planner)
        as_crispy_field(filterset.form["status"])
        assert rendered, "crispy rendered no template: the signal is not connected"
    finally:
        template_rendered.disconnect(seen)


def test_the_template_filter(planner):
    filterset = _plan_filterset({"status": "draft"}, planner)
    html = Template("{% load coopplan %}{{ form.status|filter_field }}").render(Context({"form": filterset.form}))
    assert '<select name="status" class="select form-select" id="id_status">' in html
    assert re.search(r'<option value="draft" selected>[^<]+</option>', html)
