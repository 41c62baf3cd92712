"""Every form of the portal speaks like the portal (issue 18): no Django "---------" placeholder
and none of Django's generic messages the issue named ("Hãy chắc chắn rằng không có nhiều hơn 0
chữ số thập phân." for a budget amount) — for numbers, whole numbers and dates the messages of
``core.forms.humanise``.

The forms are found, not listed: every ``django.forms.BaseForm`` subclass defined in the
portal's apps must have a builder here (a new form without one fails ``test_every_form_is_walked``),
and each is walked field by field as the page builds it (rows added in ``__init__`` included).
"""

import datetime
from decimal import Decimal

import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.utils import translation

from core.forms import DASHES, decimal_messages
from tests.project_classes import project_subclasses

pytestmark = pytest.mark.django_db


def _project_form_classes() -> set[type]:
    # The admin's forms are checked on the admin's own pages, where the site wraps them
    # (tests/core/test_admin_vietnamese.py::test_no_dashes_on_any_admin_form).
    return set(project_subclasses(forms.BaseForm, skip_admin=True))


@pytest.fixture
def built(planner, agency_a, province_agency):
    """Every form of the portal, built as its page builds it: ``{class: [instances]}``."""
    from cooperatives import forms as coop
    from core.listtools import get_spec
    from core.listviews import PreferencesForm, SavedFilterForm
    from documents import forms as docs
    from planimport import forms as imp
    from plans import forms as plan_forms
    from reports import forms as rep
    from reports import services
    from reports.models import Obligation
    from reports.selectors import form_lines
    from tests.plans.factories import IssuedPlanFactory
    from tests.reports.factories import build_cycle

    cycle = build_cycle(receiver=province_agency, reporters=[agency_a])
    services.obligations_generate(plan=cycle["plan"])
    ob = Obligation.objects.filter(period__requirement=cycle["req"], agency=agency_a).order_by("period__start").first()
    plan = IssuedPlanFactory(issuer=province_agency, period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2025, 12, 31))
    bundle = plan_forms.plan_form_bundle(user=planner)
    forms_by_class: dict[type, list] = {}

    def add(form):
        forms_by_class.setdefault(type(form), []).append(form)

    add(bundle.form)
    for formset in bundle.formsets.values():
        add(formset.empty_form)
    add(plan_forms.PlanIssueForm(plan=plan))
    add(plan_forms.ConfirmForm())
    add(plan_forms.AmendmentForm())
    add(plan_forms.SupersedeForm(plan=plan, user=planner))
    add(plan_forms.CloneForm())
    add(coop.OrganisationForm(user=planner))
    add(coop.YearlyRecordForm())
    add(coop.DissolveForm())
    add(coop.ImportUploadForm())
    add(rep.ObligationForm(lines=form_lines(ob), obligation=ob))
    add(rep.ReturnForm(choices=[("values", "Giá trị")]))
    add(rep.ReopenForm())
    add(rep.AttachmentForm())
    add(rep.ExcelUploadForm())
    for cls in (docs.VerifyForm, docs.LeaderSignForm, docs.ReturnForm, docs.IssueForm, docs.ExternalSignedForm):
        add(cls())
    add(docs.SubmitForSignatureForm(leaders=get_user_model().objects.none()))
    add(imp.PlanUploadForm())
    add(imp.NewIssuerForm(user=planner))
    add(PreferencesForm(spec=get_spec("plans")))
    add(SavedFilterForm())
    return forms_by_class


def test_every_form_is_walked(built):
    """A form class without a builder above is a form nobody checked. A formset's rows are
    classes made by ``inlineformset_factory`` from the row form: walking them walks it."""
    missing = {
        f"{c.__module__}.{c.__qualname__}" for c in _project_form_classes()
        if not any(issubclass(b, c) or issubclass(c, b) for b in built)
    }
    assert not missing, sorted(missing)


def _problems(form) -> list[str]:
    found = []
    name = type(form).__qualname__
    for field_name, field in form.fields.items():
        where = f"{name}.{field_name}"
        if field.widget.is_hidden:  # a formset row's id: never shown
            continue
        if isinstance(field, forms.ModelChoiceField):
            if field.empty_label == DASHES:
                found.append(f"{where}: empty choice “---------”")
        elif isinstance(field, forms.ChoiceField):
            if any(label == DASHES for _value, label in field.choices):
                found.append(f"{where}: choice “---------”")
        if isinstance(field, forms.DecimalField):
            for code, message in decimal_messages(field).items():
                if str(field.error_messages.get(code)) != str(message):
                    found.append(f"{where}: {code} is “{field.error_messages.get(code)}”")
        elif isinstance(field, forms.IntegerField) and not isinstance(field.widget, forms.HiddenInput):
            if str(field.error_messages["invalid"]) != "Hãy nhập một số nguyên.":
                found.append(f"{where}: invalid is “{field.error_messages['invalid']}”")
        if isinstance(field, forms.DateField) and str(field.error_messages["invalid"]) != (
            "Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 25/03/2026."
        ):
            found.append(f"{where}: invalid is “{field.error_messages['invalid']}”")
    return found


def test_no_dashes_and_no_generic_number_or_date_messages(built):
    with translation.override("vi"):
        problems = [p for instances in built.values() for form in instances for p in _problems(form)]
    assert not problems, "\n".join(problems)


def test_report_budget_spent_says_whole_number(cycle_form):
    """The report form's "Đã chi" (whole đồng): 1000,5 gets the portal's message, not
    Django's "Hãy chắc chắn rằng không có nhiều hơn 0 chữ số thập phân."."""
    form, line = cycle_form
    with translation.override("vi"):
        bound = type(form)(data={**form.initial, f"spent_{line.pk}": "1000,5"}, lines=form.lines, obligation=form.obligation)
        assert not bound.is_valid()
        assert [str(m) for m in bound.errors[f"spent_{line.pk}"]] == ["Hãy nhập số nguyên, không có phần thập phân."]
        bound = type(form)(data={**form.initial, f"spent_{line.pk}": "1000"}, lines=form.lines, obligation=form.obligation)
        bound.is_valid()
        assert f"spent_{line.pk}" not in bound.errors and bound.cleaned_data[f"spent_{line.pk}"] == Decimal(1000)


@pytest.fixture
def cycle_form(province_agency, agency_a):
    from reports import services
    from reports.forms import ObligationForm
    from reports.models import Obligation
    from reports.selectors import form_lines
    from tests.reports.factories import build_cycle

    cycle = build_cycle(receiver=province_agency, reporters=[agency_a])
    services.obligations_generate(plan=cycle["plan"])
    ob = Obligation.objects.filter(period__requirement=cycle["req"], agency=agency_a).order_by("period__start").first()
    return ObligationForm(lines=form_lines(ob), obligation=ob), cycle["line"]
