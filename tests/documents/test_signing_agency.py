"""A leader signs only with a certificate of the agency they belong to; the clerk's organisation
signature uses the issuing agency's certificate (issue 12). Enforced in documents.services, not
only in the forms: these tests call the services directly, as a hostile client would reach them.

The review's case: the provincial leader held the commune's key and signed the commune's
report with it. Staff of a successor agency read their predecessors' records but sign with
their own agency's certificate (DOMAIN.md, the 2025 reform).
"""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from documents import services
from documents.models import AgencyCertificate, SignedDocument
from documents.pki import issue_demo_personal_certificate
from tests.directory.factories import AgencyFactory, UserFactory
from tests.documents.conftest import sign_both_steps

pytestmark = pytest.mark.django_db


def _commune_request(report, leader):
    reporter = UserFactory(username="bc_xa", agency=report.agency, is_reporter=True)
    return services.signing_submit(source=report, leader=leader, acting_user=reporter)


def test_provincial_leader_cannot_sign_a_communes_report_with_the_communes_key(report, issuer, demo_keys):
    """A commune leader got a request and a personal key of the commune, then moved to the
    province: with the commune's key still in hand, the signature is refused and nothing is signed."""
    leader = UserFactory(username="ld_xa", agency=report.agency, is_leader=True, full_name="Trần Văn Xã")
    commune_key = issue_demo_personal_certificate(leader)
    request = _commune_request(report, leader)
    leader.agency = issuer  # now the provincial body's leader
    leader.save()
    with translation.override("vi"), pytest.raises(ValidationError) as exc:
        services.signing_leader_sign(request_id=request.pk, acting_user=leader, confirmed=True)
    assert "Chỉ lãnh đạo của Ủy ban nhân dân xã Sơn Hạ mới ký được văn bản này" in exc.value.messages[0]
    request.refresh_from_db()
    assert request.state == "submitted" and not request.leader_pdf
    assert commune_key.agency_id == report.agency_id  # the key was there; it was not used


def test_a_personal_key_made_out_for_another_agency_is_never_used(plan, issuer, reporting_agency, demo_keys):
    """The province's leader holds a personal certificate of the commune: for the province's
    plan it does not count (no certificate of their own agency), so the request cannot be sent."""
    leader = UserFactory(username="ld_tinh", agency=issuer, is_leader=True)
    AgencyCertificate.objects.filter(pk=issue_demo_personal_certificate(leader).pk).update(agency=reporting_agency)
    assert services.personal_certificate(leader) is None
    drafter = UserFactory(username="cv_tinh", agency=issuer, is_planner=True)
    with pytest.raises(ValidationError) as exc:
        services.signing_submit(source=plan, leader=leader, acting_user=drafter)
    assert exc.value.code == "no_personal_certificate"


def test_key_swapped_after_the_request_is_refused(plan, issuer, reporting_agency, demo_keys):
    """The request was sent while the key was the province's; if the active key is then made out
    for the commune, the leader's signature is refused (no key of their agency), nothing signed."""
    leader = UserFactory(username="ld_tinh2", agency=issuer, is_leader=True)
    key = issue_demo_personal_certificate(leader)
    drafter = UserFactory(username="cv_tinh2", agency=issuer, is_planner=True)
    request = services.signing_submit(source=plan, leader=leader, acting_user=drafter)
    AgencyCertificate.objects.filter(pk=key.pk).update(agency=reporting_agency)
    with pytest.raises(ValidationError) as exc:
        services.signing_leader_sign(request_id=request.pk, acting_user=leader, confirmed=True)
    assert exc.value.code == "no_personal_certificate"
    request.refresh_from_db()
    assert request.state == "submitted"


def test_successor_leader_signs_with_the_successors_key_not_the_predecessors(issuer, province, demo_keys):
    """A leader moved from an abolished body to its successor: their personal key of the old
    body is not used; a key of the successor is."""
    old = AgencyFactory(name="Sở Kế hoạch và Đầu tư (cũ)", short_name="SKHĐT", unit=province,
                        valid_to=datetime.date(2025, 6, 30), successor=issuer)
    leader = UserFactory(username="ld_chuyen", agency=old, is_leader=True)
    old_key = issue_demo_personal_certificate(leader)
    leader.agency = issuer
    leader.save()
    assert services.personal_certificate(leader) is None
    AgencyCertificate.objects.filter(pk=old_key.pk).update(active=False)
    new_key = issue_demo_personal_certificate(leader)
    assert new_key.agency_id == issuer.pk and services.personal_certificate(leader) == new_key


def test_both_signatures_use_the_issuing_agencys_certificates(report, demo_keys):
    """The leader's personal key and the clerk's organisation key are the commune's own."""
    from documents.models import SigningRequest

    signed = sign_both_steps(report)
    assert signed.certificate.agency_id == report.agency_id and signed.certificate.holder_id is None
    request = SigningRequest.objects.get(obligation=report)
    assert request.leader_certificate.agency_id == report.agency_id and request.leader_certificate.holder_id


def test_clerk_of_another_agency_cannot_seal(report, issuer, demo_keys):
    """The provincial văn thư cannot place the organisation's signature on the commune's report."""
    leader = UserFactory(username="ld_xa3", agency=report.agency, is_leader=True)
    issue_demo_personal_certificate(leader)
    request = _commune_request(report, leader)
    services.signing_leader_sign(request_id=request.pk, acting_user=leader, confirmed=True)
    clerk = UserFactory(username="vt_tinh", agency=issuer, is_clerk=True)
    with pytest.raises(PermissionDenied):
        services.signing_issue(request_id=request.pk, acting_user=clerk)
    assert not SignedDocument.objects.exists()


def test_the_last_check_refuses_a_certificate_of_another_agency(issuer, reporting_agency, demo_keys):
    province_key, commune_key = demo_keys
    services._check_signing_certificate(province_key, agency=issuer)
    with pytest.raises(PermissionDenied):
        services._check_signing_certificate(commune_key, agency=issuer)
    leader = UserFactory(username="ld_tinh3", agency=issuer, is_leader=True)
    personal = issue_demo_personal_certificate(leader)
    services._check_signing_certificate(personal, agency=issuer, holder=leader)
    with pytest.raises(PermissionDenied):
        services._check_signing_certificate(personal, agency=issuer)  # a personal key is not the seal
    with pytest.raises(PermissionDenied):
        services._check_signing_certificate(personal, agency=reporting_agency, holder=leader)
