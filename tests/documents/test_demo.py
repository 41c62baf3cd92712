"""load_demo signs one plan and one report of UBND tỉnh Quảng Ngãi through both steps (DOMAIN.md,
"Stable surface"): trình ký, the leader's signature, the clerk's register number and seal."""

import re
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from documents.models import SignedDocument, SigningState
from documents.verify import verify_pdf

pytestmark = pytest.mark.django_db


def test_load_demo_signs_a_plan_and_a_report_of_ubnd_tinh(settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("load_demo", today=date(2026, 11, 25), stdout=out)
    text = out.getvalue()
    assert "has no báo cáo ready to sign" not in text
    assert re.search(r"documents: .* signed by .* number \d+/BC-UBND", text)

    signed = list(SignedDocument.objects.select_related("plan__issuer", "obligation__agency", "signed_by"))
    plans = [d for d in signed if d.plan_id]
    reports = [d for d in signed if d.obligation_id]
    assert len(plans) == 1 and len(reports) == 1
    plan, report = plans[0], reports[0]
    assert plan.plan.issuer.name == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert plan.document_number == "45/KH-UBND"
    assert report.obligation.agency.name == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert report.obligation.status == "approved"
    assert re.fullmatch(r"\d+/BC-UBND", report.document_number)
    for doc in (plan, report):
        requests = (doc.plan or doc.obligation).signing_requests.all()
        assert [r.state for r in requests] == [SigningState.ISSUED]
        request = requests[0]
        assert request.leader.username == "lanhdao"
        with doc.file.open("rb") as fh:
            verification = verify_pdf(fh.read())
        assert verification.all_valid
        leader_sig, org_sig = verification.signatures
        assert leader_sig.signer.startswith("Trần Văn Phúc")
        assert org_sig.signer.startswith("Ủy ban nhân dân tỉnh Quảng Ngãi")

    # Idempotent: a second run signs nothing more.
    call_command("load_demo", today=date(2026, 11, 25), stdout=StringIO())
    assert SignedDocument.objects.count() == 2
