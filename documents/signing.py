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
import tempfile
import threading
from datetime import datetime
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils import timezone
from PIL import Image
from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator.registry import SimpleCertificateStore

from .keys import load_pkcs12, passphrase_for

STAMP_FONT_SIZE = 7
SEAL_DIAMETER_MM = 32  # [U] in OFFICIAL_FORMAT.md; typical seals are 32–42 mm.
_lock = threading.Lock()
_signer_cache: dict[tuple, signers.SimpleSigner] = {}


def human_time(moment: datetime) -> str:
    """06/12/2026 11:42 — the signing time as a person reads it, in Vietnam time."""
    return timezone.localtime(moment, timezone.get_fixed_timezone(7 * 60)).strftime("%d/%m/%Y %H:%M")


def iso_vn(moment: datetime) -> str:
    """2026-11-25T15:42:07+07:00 — ISO 8601 in Vietnam time (Decree 30 PL I II.8.b)."""
    return timezone.localtime(moment, timezone.get_fixed_timezone(7 * 60)).isoformat(timespec="seconds")


# --------------------------------------------------------------------------- fonts


def stamp_font_path() -> str:
    """Tinos rescaled to 1000 units/em and cut down to Latin + Vietnamese, written once to a
    cache directory (a derived copy under the OFL, never redistributed). The small glyph
    set makes pyHanko's per-signature font parsing and subsetting ~10× cheaper."""
    source = Path(finders.find("fonts/tinos/Tinos_400Regular.ttf"))
    cache_dir = Path(getattr(settings, "DOCUMENTS_FONT_CACHE", "") or Path(tempfile.gettempdir()) / "coopplan-fonts")
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:12]
    target = cache_dir / f"Tinos-Regular-1000upem-vi-{digest}.ttf"
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


# --------------------------------------------------------------------------- PDF


def stamp_style(image: Image.Image | None) -> TextStampStyle:
    text_height = int(STAMP_FONT_SIZE * 4.5)
    font = GlyphAccumulatorFactory(font_file=stamp_font_path(), font_size=STAMP_FONT_SIZE)
    return TextStampStyle(
        stamp_text="%(agency)s\nThời gian ký: %(when)s",
        text_box_style=TextBoxStyle(font=font, font_size=STAMP_FONT_SIZE, leading=STAMP_FONT_SIZE + 2),
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
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
) -> tuple[bytes, datetime]:
    """Sign ``pdf`` (PAdES B-B) with a visible stamp in ``box`` (PDF points, page index)."""
    when = when or timezone.now()
    signer = signer_for(certificate)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    field_name = "CoopPlanSignature"
    fields.append_signature_field(
        writer,
        fields.SigFieldSpec(
            sig_field_name=field_name,
            on_page=int(box["page"]),
            box=(box["x1"], box["y1"], box["x2"], box["y2"]),
        ),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
        name=signer_name,
    )
    image = compose_signature(signature_png, seal_png)
    pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=stamp_style(image))
    out = io.BytesIO()
    # A fixed reservation (hex-encoded DER, RSA-2048 + chain fits in ~4 KiB) spares pyHanko
    # the dummy signature it otherwise makes to estimate the size.
    pdf_signer.sign_pdf(
        writer,
        output=out,
        bytes_reserved=16384,
        appearance_text_params={"agency": agency_name, "when": iso_vn(when)},
    )
    return out.getvalue(), when


# --------------------------------------------------------------------------- CAdES


def sign_detached(data: bytes, *, certificate) -> bytes:
    """Detached CAdES (CMS) signature of ``data``, DER-encoded (.p7s)."""
    import asyncio

    signer = signer_for(certificate)
    content_info = asyncio.run(signer.async_sign_general_data(data, "sha256", detached=True, use_cades=True))
    return content_info.dump()
