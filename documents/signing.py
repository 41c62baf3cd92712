"""PAdES signatures on PDFs and detached CAdES signatures on workbooks (pyHanko 0.38).

The visible appearance follows Decree 30 PL I II.7–8 for electronic documents: the
signer's signature image (blue, transparent PNG) centred between the authority lines and
the name, the agency's red seal image over about a third of it on its left, and under
them the agency's name and the signing time in ISO 8601 with +07:00 (Vietnam time).

The portal holds one key per agency (the văn thư's organisation certificate, Điều 32–33),
so one signature carries both images; a personal signing key per leader would add a
second signature first (OFFICIAL_FORMAT.md §2.6), which the portal does not hold.

Speed (PERFORMANCE.md): opening a PKCS#12 costs ~90 ms, so loaded signers are cached
per certificate row; the stamp font is a copy of Tinos rescaled to 1000 units/em (at
2048 units/em pyHanko's stamp text comes out with doubled letter spacing), generated
once into a cache directory.
"""

from __future__ import annotations

import hashlib
import io
import logging
import tempfile
import threading
from datetime import datetime
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image
from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError
from pyhanko.sign.signers.pdf_signer import DSSContentSettings, SigDSSPlacementPreference
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator.errors import PathBuildingError, PathValidationError, RevokedError
from pyhanko_certvalidator.registry import SimpleCertificateStore

from .keys import load_pkcs12, passphrase_for


class SigningUnavailable(ValidationError):
    """A service the signature needs (the timestamp authority) did not answer: nothing was signed."""

logger = logging.getLogger(__name__)
STAMP_FONT_SIZE = 7
SEAL_DIAMETER_MM = 32  # [U] in OFFICIAL_FORMAT.md; typical seals are 32–42 mm.
_lock = threading.Lock()
_signer_cache: dict[tuple, signers.SimpleSigner] = {}
_timestamper_cache: dict[tuple, object] = {}


def human_time(moment: datetime) -> str:
    """06/12/2026 11:42 — the signing time as a person reads it, in Vietnam time."""
    return timezone.localtime(moment, timezone.get_fixed_timezone(7 * 60)).strftime("%d/%m/%Y %H:%M")


def iso_vn(moment: datetime) -> str:
    """2026-11-25T15:42:07+07:00 — ISO 8601 in Vietnam time (Decree 30 PL I II.8.b)."""
    return timezone.localtime(moment, timezone.get_fixed_timezone(7 * 60)).isoformat(timespec="seconds")


# --------------------------------------------------------------------------- fonts


def stamp_font_path(style: str = "400Regular") -> str:
    """Tinos (``style``: 400Regular, 400Regular_Italic, 700Bold) rescaled to 1000 units/em and cut down to Latin + Vietnamese, written once to a
    cache directory (a derived copy under the OFL, never redistributed). The small glyph
    set makes pyHanko's per-signature font parsing and subsetting ~10× cheaper."""
    source = Path(finders.find(f"fonts/tinos/Tinos_{style}.ttf"))
    cache_dir = Path(getattr(settings, "DOCUMENTS_FONT_CACHE", "") or Path(tempfile.gettempdir()) / "coopplan-fonts")
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:12]
    target = cache_dir / f"Tinos-{style}-1000upem-vi-{digest}.ttf"
    if not target.exists():
        from fontTools.ttLib import TTFont
        from fontTools.ttLib.scaleUpem import scale_upem

        cache_dir.mkdir(parents=True, exist_ok=True)
        from fontTools import subset

        font = TTFont(str(source))
        scale_upem(font, 1000)
        options = subset.Options()
        options.name_IDs = ["*"]
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        unicodes = [*range(0x20, 0x250), *range(0x300, 0x370), *range(0x1EA0, 0x1F00), *range(0x2010, 0x2050), 0x20AB]
        subsetter.populate(unicodes=unicodes)
        subsetter.subset(font)
        tmp = target.with_suffix(".tmp")
        font.save(str(tmp))
        tmp.replace(target)  # atomic: concurrent workers never read a half-written font
    return str(target)


# --------------------------------------------------------------------------- keys


def _to_asn1(key, cert, extra):
    key_der = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return (
        asn1_keys.PrivateKeyInfo.load(key_der),
        asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in extra],
    )


def signer_for(certificate) -> signers.SimpleSigner:
    """A pyHanko signer for an AgencyCertificate, loaded once per certificate version."""
    cache_key = (
        certificate.pk,
        certificate.modified.isoformat() if certificate.modified else "",
        certificate.fingerprint,
    )
    with _lock:
        cached = _signer_cache.get(cache_key)
    if cached is not None:
        return cached
    if certificate.pkcs11_token:
        signer = _pkcs11_signer(certificate)
        with _lock:
            _signer_cache[cache_key] = signer
        return signer
    key, cert, extra = load_pkcs12(bytes(certificate.pkcs12), passphrase_for(certificate))
    asn_key, asn_cert, asn_extra = _to_asn1(key, cert, extra)
    signer = signers.SimpleSigner(
        signing_cert=asn_cert,
        signing_key=asn_key,
        cert_registry=SimpleCertificateStore.from_certs([asn_cert, *asn_extra]),
    )
    with _lock:
        _signer_cache[cache_key] = signer
    return signer


def _pkcs11_signer(certificate):
    """A pyHanko PKCS#11 signer: the private key never leaves the HSM or token.

    The module is ``settings.DOCUMENTS_PKCS11_MODULE`` (default SoftHSM2's); the token is found
    by its label, the key by its label; the PIN is the certificate's stored passphrase.
    """
    from asn1crypto import pem
    from pyhanko.sign.pkcs11 import PKCS11Signer, TokenCriteria, open_pkcs11_session

    module = getattr(settings, "DOCUMENTS_PKCS11_MODULE", "") or "/usr/lib/softhsm/libsofthsm2.so"
    pin = passphrase_for(certificate)
    session = open_pkcs11_session(
        module, token_criteria=TokenCriteria(label=certificate.pkcs11_token), user_pin=pin.decode() if pin else None
    )
    data = certificate.certificate_pem.encode()
    if pem.detect(data):
        _t, _h, data = pem.unarmor(data)
    cert = asn1_x509.Certificate.load(data)
    return PKCS11Signer(session, key_label=certificate.pkcs11_key, signing_cert=cert)


# --------------------------------------------------------------------------- images


def _png(data: bytes | None) -> Image.Image | None:
    if not data:
        return None
    img = Image.open(io.BytesIO(bytes(data)))
    img.load()
    return img.convert("RGBA")


def demo_image(name: str) -> bytes:
    path = finders.find(f"img/demo/{name}")
    return Path(path).read_bytes() if path else b""


def compose_signature(
    signature_png: bytes | None, seal_png: bytes | None, *, px_per_mm: float = 8.0
) -> Image.Image | None:
    """Signature image with the seal over its left third (Decree 30 PL I II.8.a)."""
    signature = _png(signature_png)
    seal = _png(seal_png)
    if signature is None and seal is None:
        return None
    seal_px = int(SEAL_DIAMETER_MM * px_per_mm)
    if seal is not None:
        seal = seal.resize((seal_px, seal_px), Image.LANCZOS)
    if signature is not None:
        # The signature is drawn about 45 mm wide, at most 22 mm high.
        target_w = int(45 * px_per_mm)
        ratio = min(target_w / signature.width, int(22 * px_per_mm) / signature.height)
        signature = signature.resize(
            (max(1, int(signature.width * ratio)), max(1, int(signature.height * ratio))), Image.LANCZOS
        )
    if seal is None:
        return signature
    if signature is None:
        return seal
    # Seal centre over the signature's left third: the seal's right edge reaches 1/3 in.
    sig_x = seal_px - signature.width // 3
    width = sig_x + signature.width
    height = max(seal_px, signature.height)
    canvas = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    canvas.alpha_composite(signature, (sig_x, (height - signature.height) // 2))
    canvas.alpha_composite(seal, (0, (height - seal_px) // 2))
    return canvas


# --------------------------------------------------------------------------- timestamps


class TsaUnavailable(Exception):
    """The timestamp authority did not answer, or answered with something that is not a token."""


class PortalTimeStamper(HTTPTimeStamper):
    """Every failure of the exchange (no answer, HTTP error, refusal, garbage) is one error."""

    async def async_timestamp(self, message_digest, md_algorithm):
        try:
            return await super().async_timestamp(message_digest, md_algorithm)
        except Exception as exc:
            raise TsaUnavailable(f"{self.url}: {type(exc).__name__}: {exc}") from exc


def timestamper() -> PortalTimeStamper | None:
    """pyHanko's RFC 3161 client for ``settings.SIGNING_TSA_URL``; None when no TSA is configured.

    With a TSA every signature (the leader's, the organisation's, the workbook's .p7s) carries a
    signature timestamp token: proof from a third party that it existed at that time, which
    keeps it verifiable after the certificate expires. Without one, signatures carry only the
    signer's own clock (as before).
    """
    url = getattr(settings, "SIGNING_TSA_URL", "")
    if not url:
        return None
    auth = None
    username = getattr(settings, "SIGNING_TSA_USERNAME", "")
    if username:
        auth = (username, getattr(settings, "SIGNING_TSA_PASSWORD", ""))
    timeout = getattr(settings, "SIGNING_TSA_TIMEOUT", 10)
    # One client per configuration and process: pyHanko keeps in it the TSA's certificate chain
    # (learnt from one sample token) that it checks before embedding validation information.
    key = (url, timeout, auth)
    with _lock:
        stamper = _timestamper_cache.get(key)
        if stamper is None:
            stamper = _timestamper_cache[key] = PortalTimeStamper(url, timeout=timeout, auth=auth)
    return stamper


def _tsa_failed() -> SigningUnavailable:
    return SigningUnavailable(
        _(
            "The timestamp service (TSA) did not answer, so nothing was signed and no number was used. "
            "Try again in a few minutes; if it keeps failing, tell the administrator."
        ),
        code="tsa_unavailable",
    )


# --------------------------------------------------------------------------- revocation information


def validation_context_for(signing_cert):
    """A pyHanko ValidationContext with the CRLs the portal holds for ``signing_cert``'s issuer
    (the demo CA's, ``documents.pki.current_crls``), or None when it holds none: validation
    information is embedded when available, and signing works as before otherwise."""
    from pyhanko_certvalidator import ValidationContext

    from .pki import current_crls, trusted_roots

    crls = [crl for crl in current_crls() if crl.issuer == signing_cert.issuer]
    if not crls:
        return None
    return ValidationContext(trust_roots=trusted_roots(), crls=crls, allow_fetching=False, revocation_mode="soft-fail")


def _revoked() -> ValidationError:
    return ValidationError(
        _("The signing certificate has been revoked, so nothing was signed. Ask an administrator for a new certificate."),
        code="certificate_revoked",
    )


# --------------------------------------------------------------------------- PDF


TEXT_ALIGN = {"left": layout.AxisAlignment.ALIGN_MIN, "mid": layout.AxisAlignment.ALIGN_MID,
              "right": layout.AxisAlignment.ALIGN_MAX}


def stamp_style(
    image: Image.Image | None, text: str = "%(agency)s\nThời gian ký: %(when)s", text_align: str = "mid"
) -> TextStampStyle:
    """The visible stamp: ``image`` in the box, ``text`` under it, aligned ``text_align``
    (the leader's text goes right: the seal's own text sits under the seal, on the left)."""
    text_height = int(STAMP_FONT_SIZE * 1.5 * (text.count("\n") + 1)) if text else 0
    font = GlyphAccumulatorFactory(font_file=stamp_font_path(), font_size=STAMP_FONT_SIZE)
    return TextStampStyle(
        stamp_text=text,
        text_box_style=TextBoxStyle(font=font, font_size=STAMP_FONT_SIZE, leading=STAMP_FONT_SIZE + 2),
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=TEXT_ALIGN[text_align],
            y_align=layout.AxisAlignment.ALIGN_MIN,
            margins=layout.Margins(0, 0, 0, 1),
        ),
        background=PdfImage(image) if image is not None else None,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins(0, 0, 0, text_height),
        ),
        background_opacity=1.0,
        border_width=0,
    )


MM = 72 / 25.4


def seal_box(leader_box: dict) -> dict:
    """Where the organisation's seal goes: over the left third of the leader's signature image.

    The leader's image is drawn about 45 mm wide, centred in ``leader_box``; the seal
    (``SEAL_DIAMETER_MM``) ends a third of the way into it (Decree 30 PL I II.8.a). The box is
    a little taller than the seal, for the agency's name and the time under it.
    """
    centre_x = (leader_box["x1"] + leader_box["x2"]) / 2
    image_left = centre_x - 45 * MM / 2
    seal = SEAL_DIAMETER_MM * MM
    right = image_left + 45 * MM / 3
    centre_y = (leader_box["y1"] + leader_box["y2"]) / 2 + STAMP_FONT_SIZE
    return {
        "page": leader_box["page"],
        "x1": round(right - seal - 12, 2),
        "y1": round(centre_y - seal / 2 - 2 * (STAMP_FONT_SIZE + 2), 2),
        "x2": round(right + 12, 2),
        "y2": round(centre_y + seal / 2, 2),
    }


def sign_pdf(
    pdf: bytes,
    *,
    certificate,
    box: dict,
    agency_name: str,
    signer_name: str,
    reason: str,
    location: str,
    signature_png: bytes | None,
    seal_png: bytes | None,
    when: datetime | None = None,
    field_name: str = "CoopPlanSignature",
    stamp_text: str = "%(agency)s\nThời gian ký: %(when)s",
    fill: dict | None = None,
    text_align: str = "mid",
) -> tuple[bytes, datetime]:
    """Sign ``pdf`` (PAdES B-B) with a visible stamp in ``box`` (PDF points, page index).

    ``fill`` ({slot: (text, size, font)}) fills register slots in the same revision.
    The stamp shows the time as a person reads it ("06/12/2026 11:42", Vietnam time); the
    signature itself carries the exact time.
    """
    when = when or timezone.now()
    signer = signer_for(certificate)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    if fill:
        filled = fill_slots(writer, fill)
        if sorted(filled) != sorted(fill):
            raise ValueError(f"register slots missing in the document: {sorted(set(fill) - set(filled))}")
    fields.append_signature_field(
        writer,
        fields.SigFieldSpec(
            sig_field_name=field_name,
            on_page=int(box["page"]),
            box=(box["x1"], box["y1"], box["x2"], box["y2"]),
        ),
    )
    # PAdES B-LT when the portal holds the issuer's CRL: the certificates and the CRL go into
    # the document security store of the signed revision itself (no revision after the
    # signature, so the verification page stays green); pyHanko validates the signer's
    # certificate against them first, so a revoked certificate signs nothing.
    context = validation_context_for(signer.signing_cert)
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
        name=signer_name,
        embed_validation_info=context is not None,
        validation_context=context,
        dss_settings=DSSContentSettings(placement=SigDSSPlacementPreference.TOGETHER_WITH_SIGNATURE, include_vri=False),
    )
    image = compose_signature(signature_png, seal_png)
    tsa = timestamper()
    pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=stamp_style(image, stamp_text, text_align), timestamper=tsa)
    out = io.BytesIO()
    # A fixed reservation (hex-encoded DER, RSA-2048 + chain fits in ~4 KiB; a timestamp token
    # with the TSA's chain adds ~3 KiB) spares pyHanko the dummy signature it otherwise makes
    # to estimate the size.
    try:
        pdf_signer.sign_pdf(
            writer,
            output=out,
            bytes_reserved=16384 if tsa is None else 32768,
            appearance_text_params={"agency": agency_name, "when": human_time(when), "name": signer_name},
        )
    except TsaUnavailable as exc:
        logger.warning("signing refused, timestamp authority failed: %s", exc)
        raise _tsa_failed() from exc
    except SigningError as exc:
        # pyHanko validates the signer's certificate first when it embeds validation info.
        if isinstance(exc.__cause__, RevokedError):
            raise _revoked() from exc
        if isinstance(exc.__cause__, (PathBuildingError, PathValidationError)):
            raise ValidationError(
                _("The signing certificate could not be validated, so nothing was signed (%(error)s).")
                % {"error": str(exc.__cause__)[:200]},
                code="certificate_invalid",
            ) from exc
        raise
    return out.getvalue(), when


# --------------------------------------------------------------------------- register slots
#
# The number and date of a document issued through the register are not known when the
# leader signs: the clerk's organisation signature assigns them (Decree 30, Điều 15). The
# rendered PDF therefore carries them as read-only text form fields ("slots") whose
# appearance shows the blank "Số:      /BC-UBND" and "…, ngày    tháng    năm 2026"; the
# clerk's revision fills the fields' values and appearances and signs in the same
# incremental update. Filling form fields is a change PDF readers (and pyHanko) accept
# after a signature (FORM_FILLING), so the leader's signature stays valid and untouched.

SLOT_FIELD_PREFIX = "CoopPlanSlot_"


def wrap_text(text: str, width: float, *, size: float, font_style: str = "400Regular") -> str:
    """``text`` broken into lines that fit ``width`` points at ``size`` (Tinos metrics)."""
    from PIL import ImageFont

    font = ImageFont.truetype(stamp_font_path(font_style), size=1000)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and font.getlength(candidate) * size / 1000 > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return "\n".join(lines)


def _descent_pad(size: float) -> float:
    """Room below the last baseline for descenders and the dot of "ạ" (Tinos: 0.22 em),
    added under a slot's layout box: the text keeps its line, nothing is clipped."""
    return max(1, round(0.3 * size))  # pyHanko margins are whole points


def _text_appearance(writer, text: str, width: float, height: float, *, size: float, font_style: str):
    from pyhanko.stamp import TextStamp

    text = wrap_text(text, width, size=size, font_style=font_style)
    font = GlyphAccumulatorFactory(font_file=stamp_font_path(font_style), font_size=size)
    style = TextStampStyle(
        stamp_text="%(text)s",
        # No margin around the text: pyHanko's default 10 pt on each side made a one-line slot
        # (15 pt high) shrink its text to 15/35, a 13 pt "Số: 01/BC-UBND" printing at 5.6 pt.
        text_box_style=TextBoxStyle(
            font=font, font_size=size, leading=round(size * 1.15),
            box_layout_rule=layout.SimpleBoxLayoutRule(
                x_align=layout.AxisAlignment.ALIGN_MID,
                y_align=layout.AxisAlignment.ALIGN_MID,
                margins=layout.Margins(bottom=_descent_pad(size)),
            ),
        ),
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins(0, 0, 0, 0),
        ),
        border_width=0,
    )
    stamp = TextStamp(writer, style, text_params={"text": text}, box=layout.BoxConstraints(width=max(1, round(width)), height=max(1, round(height))))
    return stamp.register()


def add_slots(pdf: bytes, slots: dict) -> bytes:
    """Add read-only text fields ``slots`` ({name: {page, x1, y1, x2, y2, text, size, font}})."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.generic import pdf_name

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    root = writer.root
    if "/AcroForm" in root:
        acroform = root["/AcroForm"]
    else:
        acroform = generic.DictionaryObject({pdf_name("/Fields"): generic.ArrayObject()})
        root[pdf_name("/AcroForm")] = writer.add_object(acroform)
        writer.update_root()
        acroform = root["/AcroForm"]
    fields_array = acroform["/Fields"]
    for name, slot in slots.items():
        page_ref = writer.find_page_for_modification(int(slot["page"]))[0]
        size = slot.get("size", 13)
        slot = {**slot, "y1": float(slot["y1"]) - _descent_pad(size)}  # room for descenders (see _descent_pad)
        width, height = slot["x2"] - slot["x1"], slot["y2"] - slot["y1"]
        appearance = _text_appearance(
            writer, slot["text"], width, height, size=slot.get("size", 13), font_style=slot.get("font", "400Regular")
        )
        field = generic.DictionaryObject(
            {
                pdf_name("/FT"): pdf_name("/Tx"),
                pdf_name("/T"): generic.TextStringObject(SLOT_FIELD_PREFIX + name),
                pdf_name("/V"): generic.TextStringObject(""),
                pdf_name("/Ff"): generic.NumberObject(1),  # read-only
                pdf_name("/Type"): pdf_name("/Annot"),
                pdf_name("/Subtype"): pdf_name("/Widget"),
                pdf_name("/F"): generic.NumberObject(4),  # printed
                pdf_name("/Rect"): generic.ArrayObject(
                    [generic.FloatObject(v) for v in (slot["x1"], slot["y1"], slot["x2"], slot["y2"])]
                ),
                pdf_name("/P"): page_ref,
                pdf_name("/DA"): generic.TextStringObject("/Helv 0 Tf 0 g"),
                pdf_name("/AP"): generic.DictionaryObject({pdf_name("/N"): appearance}),
            }
        )
        ref = writer.add_object(field)
        fields_array.append(ref)
        page = page_ref.get_object()
        if "/Annots" in page:
            annots = page["/Annots"]
            annots.append(ref)
            if isinstance(page.raw_get("/Annots"), generic.IndirectObject):
                writer.update_container(annots)
        else:
            page[pdf_name("/Annots")] = generic.ArrayObject([ref])
        writer.update_container(page)
    writer.update_container(fields_array if fields_array.container_ref else acroform)
    writer.update_container(acroform)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def fill_slots(writer, values: dict) -> list[str]:
    """Set the slot fields' values and appearances in ``writer``'s revision; the names filled."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.generic import pdf_name

    filled = []
    if "/AcroForm" not in writer.root:
        return filled
    for ref in writer.root["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        name = str(field.get("/T", ""))
        key = name.removeprefix(SLOT_FIELD_PREFIX)
        if not name.startswith(SLOT_FIELD_PREFIX) or key not in values:
            continue
        text, size, font_style = values[key]
        x1, y1, x2, y2 = (float(v) for v in field["/Rect"])
        appearance = _text_appearance(writer, text, x2 - x1, y2 - y1, size=size, font_style=font_style)
        field[pdf_name("/V")] = generic.TextStringObject(text)
        field[pdf_name("/AP")] = generic.DictionaryObject({pdf_name("/N"): appearance})
        writer.update_container(field)
        filled.append(key)
    return filled


# --------------------------------------------------------------------------- CAdES


def sign_detached(data: bytes, *, certificate) -> bytes:
    """Detached CAdES (CMS) signature of ``data``, DER-encoded (.p7s)."""
    import asyncio

    signer = signer_for(certificate)
    tsa = timestamper()
    try:
        content_info = asyncio.run(
            signer.async_sign_general_data(data, "sha256", detached=True, use_cades=True, timestamper=tsa)
        )
    except TsaUnavailable as exc:
        logger.warning("signing refused, timestamp authority failed: %s", exc)
        raise _tsa_failed() from exc
    return content_info.dump()
