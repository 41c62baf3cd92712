"""Run every rule on a normalised text, in a fixed order, and return the ``Extraction``.

Order matters only where a later rule uses an earlier result: the header gives the place and year
that complete an inferred issuer; the title gives the kind and the period; the period gives the
default milestone year of the targets; responsibilities give the fallback tasks of event plans and
the reporters of the reporting regime.
"""

from __future__ import annotations

from . import header, reporting, targets, tasks
from .model import Extraction, Section
from .structure import parse
from .text import split_lines


def extract(normalized: str) -> Extraction:
    lines = [ln for ln in split_lines(normalized)]
    doc = parse(lines)
    ex = Extraction(source_text=normalized)
    header.read_header(doc, ex)
    header.read_title(doc, ex)
    header.read_legal_bases(doc, ex)
    if ex.issuer is None:
        header.issuer_from_body(doc, ex)
    header.check_place(ex)
    header.read_kind_and_period(doc, ex)
    header.read_tail(doc, ex)
    targets.read_targets(doc, ex)
    tasks.read_responsibilities(doc, ex)
    tasks.read_tasks(doc, ex)
    tasks.read_budget(doc, ex)
    tasks.read_participants(doc, ex)
    reporting.read_reporting(doc, ex)
    for node in doc.walk():
        ex.sections.append(
            Section(node.number, node.title, "\n".join(ln.text for ln in node.body), node.level, node.span)
        )
    if ex.title is None:
        ex.warnings.append("Không tìm thấy trích yếu (tên) của kế hoạch.")
    if not ex.sections:
        ex.warnings.append("Không nhận ra các mục đánh số (I., 1., …) của kế hoạch.")
    return ex
