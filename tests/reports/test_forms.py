"""Forms and the filter set of the reports list."""

import datetime
from decimal import Decimal

from reports.filtersets import ObligationFilterSet
from reports.forms import ObligationForm, ReturnForm, plain, return_field_choices
from reports.models import Obligation
from reports.selectors import form_lines


def test_filterset_status_plan_and_late(cycle, reporter_a):
    from reports import services
    from tests.reports.factories import full_data

    services.obligation_save_draft(obligation=cycle["ob_a"], acting_user=reporter_a, version=0, data=full_data(cycle))
    qs = Obligation.objects.all()
    assert list(ObligationFilterSet({"status": "draft"}, qs).qs) == [cycle["ob_a"]]
    assert ObligationFilterSet({"plan": cycle["plan"].pk}, qs, plans=type(cycle["plan"]).objects.all()).qs.count() == 24
    late = ObligationFilterSet({"late": "on"}, qs, today=datetime.date(2024, 4, 1)).qs
    assert late.count() == 3  # Q1/2024: both districts and the province's consolidation
    assert ObligationFilterSet({}, qs).qs.count() == 24


def test_form_reads_vietnamese_numbers_and_builds_service_data(cycle):
    ob = cycle["ob_a"]
    lines = form_lines(ob)
    data = {"version": 0, f"value_{cycle['t_sum'].pk}": "1.234,5", f"value_{cycle['t_avg'].pk}": "",
            f"weight_{cycle['t_avg'].pk}": "", f"task_status_{cycle['task'].pk}": "done",
            f"spent_{cycle['line'].pk}": "-5", "results": "x"}
    form = ObligationForm(data, lines=lines, obligation=ob)
    assert not form.is_valid() and f"spent_{cycle['line'].pk}" in form.errors  # negative amount
    data[f"spent_{cycle['line'].pk}"] = "2.000.000"
    form = ObligationForm(data, lines=lines, obligation=ob)
    assert form.is_valid(), form.errors
    built = form.service_data()
    assert built["values"][cycle["t_sum"].pk]["value"] == Decimal("1234.5")
    assert built["values"][cycle["t_avg"].pk] == {"value": None, "note": "", "weight": None}
    assert built["spending"][cycle["line"].pk] == Decimal("2000000")
    assert built["tasks"][cycle["task"].pk]["status"] == "done"


def test_plain_decimals():
    assert str(plain(Decimal("3.0000"))) == "3" and str(plain(Decimal("50.9000"))) == "50.9"
    assert str(plain(Decimal("100.0000"))) == "100" and plain(None) is None


def test_return_form_choices_and_reason(cycle):
    choices = return_field_choices(form_lines(cycle["ob_a"]))
    keys = [k for k, _label in choices]
    assert f"target:{cycle['t_sum'].pk}" in keys and "results" in keys and f"budget:{cycle['line'].pk}" in keys
    assert not ReturnForm({"reason": ""}, choices=choices).is_valid()
    assert not ReturnForm({"reason": "x", "fields": ["target:999999"]}, choices=choices).is_valid()
    assert ReturnForm({"reason": "x", "fields": ["results"]}, choices=choices).is_valid()
