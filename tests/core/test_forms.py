"""The portal's form wording: no "---------", no Django default validation messages."""

from django import forms
from django.utils import translation

from core.forms import HumaneFormMixin
from directory.models import Agency


class _Form(HumaneFormMixin, forms.Form):
    agency = forms.ModelChoiceField(label="Cơ quan chủ trì", queryset=Agency.objects.none())
    kind = forms.ChoiceField(label="Loại", choices=[("", "---------"), ("a", "A")])
    amount = forms.DecimalField(label="Số tiền", decimal_places=0, max_digits=18)
    rate = forms.DecimalField(label="Tỷ lệ", decimal_places=2, max_digits=5)
    year = forms.IntegerField(label="Năm")
    day = forms.DateField(label="Ngày", input_formats=["%d/%m/%Y"])


def _errors(data):
    with translation.override("vi"):
        form = _Form(data=data)
        form.is_valid()
        return {k: [str(m) for m in v] for k, v in form.errors.items()}


def test_placeholders_say_what_to_choose(db):
    with translation.override("vi"):
        html = str(_Form())
    assert "---------" not in html
    assert "— Chọn cơ quan chủ trì —" in html and "— Chọn loại —" in html


def test_decimal_and_number_messages_are_plain_vietnamese(db):
    errors = _errors({"amount": "1000.5", "rate": "1.234", "year": "abc", "day": "2026-13-45"})
    assert errors["amount"] == ["Hãy nhập số nguyên, không có phần thập phân."]
    assert errors["rate"] == ["Chỉ được có tối đa 2 chữ số sau dấu phẩy."]
    assert errors["year"] == ["Hãy nhập một số nguyên."]
    assert errors["day"] == ["Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 25/03/2026."]
    assert not any("Hãy chắc chắn" in m for msgs in errors.values() for m in msgs)
    assert _errors({"rate": "1234.5"})["rate"] == ["Phần nguyên chỉ được có tối đa 3 chữ số."]
    assert _errors({"rate": "123456"})["rate"] == ["Chỉ được nhập tối đa 5 chữ số."]


def test_decimal_messages_are_built_once(db):
    """Every decimal field shares the same lazy messages (one per kind): building them per field
    (two classes per ``ngettext_lazy``) was ~40 % of the plan edit page's CPU time (issue 17)."""
    first, second = _Form(), _Form()
    assert first.fields["rate"].error_messages["max_digits"] is second.fields["rate"].error_messages["max_digits"]
    assert first.fields["amount"].error_messages["max_decimal_places"] is not first.fields["rate"].error_messages["max_decimal_places"]
    # Shared, yet each says its own field's limits, in the language of the moment.
    assert _errors({"rate": "1.234"})["rate"] == ["Chỉ được có tối đa 2 chữ số sau dấu phẩy."]
    with translation.override("en"):
        form = _Form(data={"rate": "1.234"})
        assert not form.is_valid() and str(form.errors["rate"][0]) == "Enter at most 2 digits after the decimal comma."
