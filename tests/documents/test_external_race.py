"""A document signed elsewhere registered twice at once, and two documents registered with the
same number at once, on PostgreSQL (issue 13): one winner, clear refusals, no orphan files.

The plan row, then the register row are locked (services._register_external, register_record),
so the second registration waits and then sees the first."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from documents import services
from documents.models import RegisterEntry, SignedDocument
from tests.directory.factories import UserFactory
from tests.documents.test_external import token_signed_pdf
from tests.documents.test_sign_race import ATTEMPTS, _files, _race

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def _draft(plan):
    type(plan).objects.filter(pk=plan.pk).update(status="draft", number=None, issue_date=None)
    plan.refresh_from_db()
    return plan


def test_one_file_registered_three_times_at_once(plan, demo_keys):
    plan = _draft(plan)
    clerk = UserFactory(username="vt_race", agency=plan.issuer, is_clerk=True)
    data = token_signed_pdf()
    before = _files()
    losers = _race(
        lambda: services.register_external(
            source=plan,
            upload=SimpleUploadedFile("ky.pdf", data, content_type="application/pdf"),
            number=7,
            symbol="KH-LMHTX",
            day=timezone.localdate(),
            acting_user=clerk,
        ).pk
    )
    assert all(r[1] == "cannot_register" and "đã được ký" in r[2] for r in losers), losers
    signed = SignedDocument.objects.get()
    assert signed.document_number == "07/KH-LMHTX" and RegisterEntry.objects.count() == 1
    assert {p.name for p in _files() - before} == {signed.file.name.rsplit("/", 1)[-1]}


def test_three_documents_with_one_number_at_once(plan, demo_keys):
    from tests.documents.conftest import make_plan

    plans = [_draft(plan)] + [_draft(make_plan(plan.issuer, targets=1, tasks=1)) for _ in range(ATTEMPTS - 1)]
    clerk = UserFactory(username="vt_race2", agency=plan.issuer, is_clerk=True)
    files = {p.pk: token_signed_pdf(name=f"Người ký {i}") for i, p in enumerate(plans)}
    queue = list(plans)

    def register():
        source = queue.pop()
        try:
            return services.register_external(
                source=source,
                upload=SimpleUploadedFile("ky.pdf", files[source.pk], content_type="application/pdf"),
                number=9,
                symbol="KH-LMHTX",
                day=timezone.localdate(),
                acting_user=clerk,
            ).pk
        except ValidationError as exc:
            # Issuing a draft refuses the number per field ({"number": …}, plans.services.plan_issue).
            if hasattr(exc, "error_dict"):
                raise ValidationError(" ".join(exc.messages), code="register") from exc
            raise

    before = _files()
    losers = _race(register)
    assert all(r[1] == "register" and "Số 09 đã được dùng" in r[2] for r in losers), losers
    assert RegisterEntry.objects.filter(number=9).count() == 1 and SignedDocument.objects.count() == 1
    issued = [p for p in plans if type(p).objects.get(pk=p.pk).status == "issued"]
    assert len(issued) == 1  # the losers' plans stayed drafts (their issue rolled back)
    assert len(_files() - before) == 1
