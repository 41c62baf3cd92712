"""A plan's own number and date against its issuer's register (issue 13): the import pre-fills
the issue form, warns about a plan with the same number, and refuses a number the issuer already
used that year or a date in the future, in Vietnamese, on the field concerned."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from documents.models import RegisterEntry
from planimport.models import ImportSession
from plans.models import Plan, PlanStatus

from .helpers import choose_missing_reporters, post_data


def _review(client, seed_path, name="kh-567.txt"):
    response = client.post(
        reverse("planimport:upload"),
        {"file": SimpleUploadedFile(name, seed_path("000").read_bytes())},
    )
    session = ImportSession.objects.get(filename=name)
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="vi")
    return session, page


def _confirm(client, session, page, **changes):
    bundle = page.context["bundle"]
    data = choose_missing_reporters(post_data(bundle), bundle)
    data.update(changes)
    return client.post(session.get_absolute_url(), data, HTTP_ACCEPT_LANGUAGE="vi")


def test_the_import_prefills_the_issue_form_and_issuing_enters_the_register(client_for, cast, seed_path):
    client = client_for(cast["users"]["quangngai"])
    session, page = _review(client, seed_path)
    response = _confirm(client, session, page)
    assert response.status_code == 302
    plan = Plan.objects.get()
    assert plan.number == 567 and plan.issue_date is not None
    issue_url = reverse("plans:plan_issue", args=[plan.pk])
    form_page = client.get(issue_url, HTTP_ACCEPT_LANGUAGE="vi")
    html = form_page.content.decode()
    assert 'value="567"' in html
    assert f'value="{plan.issue_date:%d/%m/%Y}"' in html  # the dd/mm/yyyy date box (issue 18)
    response = client.post(issue_url, {"number": "567", "issue_date": f"{plan.issue_date:%d/%m/%Y}"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ISSUED
    entry = RegisterEntry.objects.get()
    assert (entry.plan, entry.number, entry.issued_on, entry.origin) == (
        plan, 567, plan.issue_date, RegisterEntry.Origin.RECORDED)
    assert entry.register.agency == plan.issuer and entry.register.year == plan.issue_date.year


def test_a_second_import_with_the_same_number_is_warned_and_a_clash_refused(client_for, cast, seed_path):
    client = client_for(cast["users"]["quangngai"])
    session, page = _review(client, seed_path)
    assert "đã có kế hoạch số" not in page.content.decode()  # nothing to warn about yet
    _confirm(client, session, page)
    first = Plan.objects.get()
    day = first.issue_date
    client.post(reverse("plans:plan_issue", args=[first.pk]), {"number": "567", "issue_date": f"{day:%d/%m/%Y}"})

    session, page = _review(client, seed_path, "kh-567-ban-khac.txt")
    html = page.content.decode()
    assert "đã có kế hoạch số 567/KH-LMHTX" in html and "Kiểm tra" in html
    # The same number under another symbol is another document with a number already used.
    response = _confirm(client, session, page, symbol="KH-BCĐ")
    assert response.status_code == 200
    errors = response.context["bundle"].form.errors
    assert f"Số 567 đã được dùng trong sổ văn bản đi năm {day.year}" in errors["number"][0]
    assert Plan.objects.count() == 1
    # The same document (same symbol) is linked to the existing plan as before.
    response = _confirm(client, session, page)
    assert response.status_code == 302 and Plan.objects.count() == 1


def test_an_import_dated_in_the_future_is_refused(client_for, cast, seed_path):
    client = client_for(cast["users"]["quangngai"])
    session, page = _review(client, seed_path)
    future = timezone.localdate() + datetime.timedelta(days=365)
    response = _confirm(client, session, page, issue_date=f"{future:%d/%m/%Y}")
    assert response.status_code == 200
    message = response.context["bundle"].form.errors["issue_date"][0]
    assert f"Ngày ban hành {future:%d/%m/%Y} là ngày trong tương lai" in message
    assert Plan.objects.count() == 0
