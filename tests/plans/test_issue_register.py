"""Issuing a plan by hand (the issue form, plans.services.plan_issue) checks the issuer's
register (issue 13): no number twice per issuer and year, across kinds; no date in the future;
the issued plan's own number is entered in the register so the portal never assigns it again."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from documents import services as documents
from documents.models import DocumentRegister, RegisterEntry
from plans.forms import PlanIssueForm
from plans.models import PlanStatus
from plans.services import plan_issue
from tests.directory.factories import AgencyFactory
from tests.plans.factories import IssuedPlanFactory, PlanFactory

pytestmark = pytest.mark.django_db
DAY = datetime.date(2024, 3, 1)


def _form(plan, number, day):
    with translation.override("vi"):
        form = PlanIssueForm(data={"number": str(number), "issue_date": f"{day:%d/%m/%Y}"}, plan=plan)
        form.is_valid()
        return form


def test_the_draft_number_and_date_are_offered():
    plan = PlanFactory(number=41, issue_date=DAY)
    form = PlanIssueForm(plan=plan, initial={})
    assert form["number"].value() == 41 and form["issue_date"].value() == DAY


def test_a_number_another_issued_plan_of_the_issuer_has_that_year_is_refused():
    other = IssuedPlanFactory(number=567, issue_date=datetime.date(2024, 1, 15), symbol="KH-LMHTX")
    plan = PlanFactory(issuer=other.issuer)
    form = _form(plan, 567, DAY)
    assert not form.is_valid()
    assert "Số 567 đã được dùng năm 2024: kế hoạch 567/KH-LMHTX" in form.errors["number"][0]
    # Another year, or another issuer, may use it.
    assert _form(plan, 567, datetime.date(2025, 1, 2)).is_valid()
    assert _form(PlanFactory(issuer=AgencyFactory()), 567, DAY).is_valid()
    # The service refuses it too (a form bypassed, or two issues at once).
    with pytest.raises(ValidationError) as caught:
        plan_issue(plan=plan, acting_user=None, number=567, issue_date=DAY)
    assert "number" in caught.value.message_dict
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_a_number_in_the_register_for_another_kind_of_document_is_refused():
    plan = PlanFactory()
    register = DocumentRegister.objects.create(agency=plan.issuer, year=2024, last_number=12)
    RegisterEntry.objects.create(register=register, number=12, symbol="BC-UBND", issued_on=DAY)
    form = _form(plan, 12, DAY)
    assert not form.is_valid()
    assert "Số 12 đã được dùng trong sổ văn bản đi năm 2024" in form.errors["number"][0]
    assert "12/BC-UBND" in form.errors["number"][0]
    assert _form(plan, 13, DAY).is_valid()


def test_a_date_in_the_future_is_refused():
    plan = PlanFactory(period_start=datetime.date(2024, 1, 1), period_end=datetime.date(2030, 12, 31))
    future = timezone.localdate() + datetime.timedelta(days=365)
    form = _form(plan, 3, future)
    assert not form.is_valid()
    assert form.errors["issue_date"] == [f"Ngày ban hành {future:%d/%m/%Y} là ngày trong tương lai."]
    assert _form(plan, 3, timezone.localdate()).is_valid()


def test_issuing_enters_the_number_and_the_portal_never_assigns_it_again(admin_user):
    plan = PlanFactory()
    plan_issue(plan=plan, acting_user=admin_user, number=2, issue_date=DAY)
    entry = RegisterEntry.objects.get(plan=plan)
    assert (entry.number, entry.symbol, entry.origin, entry.entered_by) == (2, "KH-UBND", "recorded", admin_user)
    assigned = [
        documents.register_assign(agency=plan.issuer, day=DAY, symbol="BC-UBND", source=PlanFactory(issuer=plan.issuer),
                                  acting_user=None).number
        for _ in range(3)
    ]
    assert assigned == [1, 3, 4]  # 2 is the hand-issued plan's
