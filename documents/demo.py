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


def load(*, stdout, today: date) -> None:
    """Called by ``manage.py load_demo`` after the other apps."""
    create_demo_pki(stdout=stdout)
