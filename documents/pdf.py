"""HTML → PDF with WeasyPrint, fetching nothing but the portal's own static files.

Documents contain user text (titles, section bodies, names). Django's autoescaping turns
any markup in it into text, and the ``StaticOnlyURLFetcher`` is the second wall: the only
URLs WeasyPrint may load are ``https://coopplan.invalid/static/...`` (the base URL the
templates resolve against), served from the static directories on disk. http(s) to any
other host, ``file://``, ``data:`` and ``/media/`` are refused, so a crafted title can
never make the renderer read a local file or call out to the network.
"""

from __future__ import annotations

import logging
import mimetypes
import threading
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

#: Templates resolve relative URLs against this origin; ``.invalid`` can never resolve in DNS.
BASE_URL = "https://coopplan.invalid/"
STATIC_PREFIX = BASE_URL + "static/"
_ALLOWED_SUFFIXES = {".css", ".ttf", ".otf", ".woff", ".woff2", ".png", ".jpg", ".jpeg", ".svg"}


class RefusedURL(ValueError):
    """Raised (and swallowed by WeasyPrint) for every URL outside the portal's static files."""


def _static_path(relative: str) -> Path | None:
    """Resolve ``relative`` under the static directories; None when it is not a plain file there."""
    if not relative or ".." in Path(relative).parts or relative.startswith("/"):
        return None
    found = finders.find(relative)
    if not found:
        return None
    path = Path(found).resolve()
    roots = [Path(p).resolve() for p in settings.STATICFILES_DIRS]
    if settings.STATIC_ROOT:
        roots.append(Path(settings.STATIC_ROOT).resolve())
    if not any(path.is_relative_to(root) for root in roots) and not path.is_relative_to(
        Path(settings.BASE_DIR).resolve()
    ):
        return None
    if path.suffix.lower() not in _ALLOWED_SUFFIXES or not path.is_file():
        return None
    return path


class StaticOnlyURLFetcher(URLFetcher):
    """WeasyPrint URL fetcher that serves ``/static/`` from disk and refuses everything else.

    ``requested`` and ``refused`` record every URL asked for, so tests can prove that a
    hostile title made WeasyPrint fetch nothing.
    """

    def __init__(self):
        super().__init__(allowed_protocols=("https",), allow_redirects=False)
        self.requested: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url, headers=None):  # noqa: D401 - WeasyPrint's signature
        self.requested.append(url)
        if url.startswith(STATIC_PREFIX):
            relative = url[len(STATIC_PREFIX) :].split("?", 1)[0].split("#", 1)[0]
            path = _static_path(relative)
            if path is not None:
                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                if path.suffix.lower() == ".ttf":
                    mime = "font/ttf"
                return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": mime})
        self.refused.append(url)
        logger.warning("PDF rendering refused to fetch %s", url[:200])
        raise RefusedURL(f"refused: {url[:200]}")


@dataclass
class RenderResult:
    pdf: bytes
    page_count: int
    #: Where the signature goes: page index and box in PDF points (origin bottom-left).
    signature_box: dict | None = None
    #: Boxes of the register slots (number, date, annex reference) by name, same units.
    slots: dict = field(default_factory=dict)
    fetcher: StaticOnlyURLFetcher | None = field(default=None, repr=False)
    timings: dict = field(default_factory=dict)


# One FontConfiguration per thread: it keeps the @font-face fonts it loaded, so a warm
# worker does not re-read and re-parse Tinos for every document.
_local = threading.local()


def _font_config() -> FontConfiguration:
    config = getattr(_local, "font_config", None)
    if config is None:
        config = _local.font_config = FontConfiguration()
    return config


_UA_PATH = Path(__file__).resolve().parent / "pdf_ua.css"
_ua_sheet = None


class DocumentHTML(HTML):
    """WeasyPrint HTML with a minimal user-agent stylesheet (``documents/pdf_ua.css``).

    The full HTML5 sheet is matched against every element; our templates use a dozen
    element types, and the small sheet cuts ~15 % of layout CPU on long annexes with
    pixel-identical output (checked on the benchmark's 20-page report).
    """

    def _ua_stylesheets(self, forms=False):
        global _ua_sheet
        if _ua_sheet is None:
            _ua_sheet = CSS(filename=str(_UA_PATH))
        return [_ua_sheet]


PX_TO_PT = 0.75  # WeasyPrint lays out in CSS px (1/96 in); PDF user space is points (1/72 in).


def _find_box(page, element_id: str):
    """Depth-first search of a laid-out page for the box of the element with ``element_id``."""
    stack = [page._page_box]
    while stack:
        box = stack.pop()
        element = getattr(box, "element", None)
        if element is not None and element.get("id") == element_id and getattr(box, "element_tag", None):
            return box
        stack.extend(getattr(box, "children", ()) or ())
    return None


#: Elements ``slot-<name>`` of documents numbered at the clerk's step (see signing.add_slots).
SLOT_NAMES = ("number", "date", "annex_ref")


def _pdf_box(box, index: int, page_height_pt: float) -> dict:
    """A laid-out box in PDF points (origin bottom-left) on page ``index``."""
    x = box.position_x * PX_TO_PT
    top = box.position_y * PX_TO_PT
    width = box.margin_width() * PX_TO_PT
    height = box.margin_height() * PX_TO_PT
    return {
        "page": index,
        "x1": round(x, 2),
        "y1": round(page_height_pt - top - height, 2),
        "x2": round(x + width, 2),
        "y2": round(page_height_pt - top, 2),
    }


def html_to_pdf(html: str, *, signature_element: str = "signature-slot", progress=None) -> RenderResult:
    """Render ``html`` to PDF bytes; locate the signature slot for the signing step.

    ``progress`` (optional callable taking an int 0–100) is told when layout is done.
    """
    import time

    fetcher = StaticOnlyURLFetcher()
    t0 = time.perf_counter()
    document = DocumentHTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render(font_config=_font_config())
    t1 = time.perf_counter()
    if progress:
        progress(60)
    signature_box = None
    slots: dict = {}
    for index, page in enumerate(document.pages):
        page_height_pt = page.height * PX_TO_PT
        if signature_box is None:
            box = _find_box(page, signature_element)
            if box is not None:
                signature_box = _pdf_box(box, index, page_height_pt)
        for name in SLOT_NAMES:
            if name not in slots:
                box = _find_box(page, f"slot-{name}")
                if box is not None:
                    slots[name] = _pdf_box(box, index, page_height_pt)
    pdf = document.write_pdf()
    t2 = time.perf_counter()
    return RenderResult(
        pdf=pdf,
        page_count=len(document.pages),
        signature_box=signature_box,
        slots=slots,
        fetcher=fetcher,
        timings={"layout": t1 - t0, "write": t2 - t1},
    )
