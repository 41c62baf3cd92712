"""Demo data of the documents app: the demo PKI, so leaders can sign after ``load_demo``.

Certificates for every demo agency (``directory.demo.AGENCIES``) and every agency that
issues a plan or owes a report in the demo, issued by a DEMO CA the
verification page trusts, the DEMO seal image on each, and the DEMO signature image for
every demo leader. Idempotent.
"""

from datetime import date

from django.db import transaction


@transaction.atomic
def create_demo_pki(*, stdout) -> dict:
    from django.db.models import Q

    from directory import demo as directory_demo
    from directory.models import Agency, User

    from .models import AgencyCertificate, SignatureImage
    from .pki import demo_ca, issue_demo_certificate
    from .signing import demo_image

    demo_ca()
    before = AgencyCertificate.objects.filter(is_demo=True).count()
    for key in directory_demo.AGENCIES:
        try:
            agency = directory_demo.agency(key)
        except Exception:  # an agency the directory demo has not created (yet): skip it
            continue
        issue_demo_certificate(agency)
    # The reports demo adds communes that report (xã Bờ Y, Sa Loong…): every agency that
    # issues a plan or owes a report in the demo can sign too.
    for agency in Agency.objects.filter(Q(issued_plans__isnull=False) | Q(obligations__isnull=False)).distinct():
        issue_demo_certificate(agency)
    created = AgencyCertificate.objects.filter(is_demo=True).count() - before
    signature = demo_image("demo-signature.png")
    images = 0
    for user in User.objects.filter(is_leader=True, username__in=[u["username"] for u in directory_demo.USERS]):
        _obj, was_created = SignatureImage.objects.get_or_create(
            user=user, defaults={"image": signature, "is_demo": True}
        )
        images += was_created
    stdout.write(f"documents: demo CA, {created} new demo certificates, {images} new demo signature images\n")
    return {"certificates": created, "images": images}


def _signable(qs):
    """Documents of ``qs`` with no signature and no open signing request."""
    from .models import OPEN_SIGNING_STATES

    return qs.filter(signed_document__isnull=True).exclude(signing_requests__state__in=OPEN_SIGNING_STATES)


def sign_demo_documents(*, stdout, leader_username: str = "lanhdao", clerk_username: str = "vanthu") -> list:
    """One plan and one report of the leader's agency through both steps: trình ký, the
    leader's personal signature, then the clerk's register number and organisation seal.

    Idempotent: an agency that already has a signed plan (report) gets no second one. The
    drafter is the agency's planner or reporter when it has one, else the demo admin.
    """
    from directory.models import User
    from plans.models import Plan
    from reports.models import Obligation

    from . import services
    from .models import SignatureImage
    from .pki import issue_demo_certificate, issue_demo_personal_certificate
    from .signing import demo_image

    leader = User.objects.filter(username=leader_username, is_leader=True).select_related("agency").first()
    clerk = User.objects.filter(username=clerk_username, is_clerk=True).first()
    if leader is None or clerk is None or leader.agency_id is None or clerk.agency_id != leader.agency_id:
        stdout.write(f"documents: no leader {leader_username!r} and clerk {clerk_username!r} of one agency; "
                     "nothing signed\n")
        return []
    agency = leader.agency
    issue_demo_certificate(agency)
    issue_demo_personal_certificate(leader)
    SignatureImage.objects.get_or_create(
        user=leader, defaults={"image": demo_image("demo-signature.png"), "is_demo": True}
    )
    admin = User.objects.filter(is_superuser=True).order_by("pk").first()
    signed = []
    candidates = [
        # An issued plan keeps its own number (entered in the register); drafts stay drafts.
        (Plan.objects.filter(issuer=agency, status="issued"), ("planner",), ["-period_start"]),
        (Obligation.objects.filter(agency=agency), ("reporter", "planner"), ["-period__end"]),
    ]
    for qs, roles, order in candidates:
        if qs.filter(signed_document__isnull=False).exists():
            continue
        for source in _signable(qs).order_by(*order)[:20]:
            if services.sign_refusal(source, leader):
                continue
            drafter = next(
                (u for u in User.objects.filter(agency=agency, is_active=True) if any(u.has_role(r) for r in roles)),
                admin,
            )
            request = services.signing_submit(source=source, leader=leader, acting_user=drafter,
                                              note="Kính trình lãnh đạo ký (dữ liệu mẫu).")
            services.signing_leader_sign(request_id=request.pk, acting_user=leader, confirmed=True,
                                         comment="Đồng ý ban hành.")
            document = services.signing_issue(request_id=request.pk, acting_user=clerk)
            signed.append(document)
            stdout.write(f"documents: {source} signed by {leader} and {clerk}, number {document.document_number}\n")
            break
        else:
            stdout.write(f"documents: {agency} has no {qs.model._meta.verbose_name} ready to sign\n")
    return signed


def load(*, stdout, today: date) -> None:
    """Called by ``manage.py load_demo`` after the other apps."""
    create_demo_pki(stdout=stdout)
    sign_demo_documents(stdout=stdout)
