"""The extraction tree.

``Extraction.to_dict()`` is the stable JSON surface (see README.md in this package). The first
sixteen keys and the keys of every item listed in the README are fixed; extra keys (``span``,
``unsure``, ``confidence``, ``sections`` …) may be added but never renamed.

Every extracted item keeps ``span = [start, end]``: character offsets into ``source_text`` (the
normalised text), so a reviewer can see exactly which words produced it. ``unsure: true`` marks
items produced by a weaker rule (an issuer inferred from the body, a target found outside the
"Mục tiêu cụ thể" part, a lead agency guessed as the first one listed …); ``note`` says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int] | None


def _span(span: Span) -> list[int] | None:
    return [span[0], span[1]] if span else None


@dataclass
class Field:
    """Provenance of a scalar header field (issuer, number, date …)."""

    span: Span = None
    rule: str = ""
    unsure: bool = False
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"span": _span(self.span), "rule": self.rule, "unsure": self.unsure, "note": self.note}


@dataclass
class LegalBasis:
    kind: str | None
    number: str | None
    date: str | None
    issuer: str | None
    title: str | None
    relation: str = "can_cu"  # "can_cu" (Căn cứ) or "thuc_hien" (Thực hiện: the plan implements it)
    text: str = ""
    span: Span = None
    unsure: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "number": self.number,
            "date": self.date,
            "issuer": self.issuer,
            "title": self.title,
            "relation": self.relation,
            "text": self.text,
            "span": _span(self.span),
            "unsure": self.unsure,
        }


@dataclass
class Target:
    text: str
    comparator: str
    value: int | float | None
    value_max: int | float | None = None
    unit: str | None = None
    baseline: int | float | None = None
    baseline_year: int | None = None
    year: int | None = None
    unit_text: str | None = None
    subject: str | None = None
    scope: str = "area"
    span: Span = None
    confidence: float = 0.9
    unsure: bool = False
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "comparator": self.comparator,
            "value": self.value,
            "value_max": self.value_max,
            "unit": self.unit,
            "baseline": self.baseline,
            "baseline_year": self.baseline_year,
            "year": self.year,
            "unit_text": self.unit_text,
            "subject": self.subject,
            "scope": self.scope,
            "span": _span(self.span),
            "confidence": self.confidence,
            "unsure": self.unsure,
            "note": self.note,
        }


@dataclass
class Task:
    number: str
    text: str
    lead: str | None = None
    coordinating: list[str] = field(default_factory=list)
    timeframe: str | None = None
    group: str | None = None
    body: str = ""
    span: Span = None
    confidence: float = 0.9
    unsure: bool = False
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "text": self.text,
            "lead": self.lead,
            "coordinating": list(self.coordinating),
            "timeframe": self.timeframe,
            "group": self.group,
            "body": self.body,
            "span": _span(self.span),
            "confidence": self.confidence,
            "unsure": self.unsure,
            "note": self.note,
        }


@dataclass
class BudgetSource:
    kind: str  # "state_budget", "integrated", "mobilized", "other"
    text: str
    reference: str | None = None
    span: Span = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "reference": self.reference, "span": _span(self.span)}


@dataclass
class Budget:
    total_vnd: int | float | None = None
    sources: list[BudgetSource] = field(default_factory=list)
    approximate: bool = False
    span: Span = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "total_vnd": self.total_vnd,
            "sources": [s.to_dict() for s in self.sources],
            "approximate": self.approximate,
            "span": _span(self.span),
        }


@dataclass
class Reporting:
    frequency: str
    due_rule: str | None
    due_dates: list[str] = field(default_factory=list)
    reporters: str | None = None
    receiver: str | None = None
    via: str | None = None
    text: str = ""
    span: Span = None
    unsure: bool = False
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "frequency": self.frequency,
            "due_rule": self.due_rule,
            "due_dates": list(self.due_dates),
            "reporters": self.reporters,
            "receiver": self.receiver,
            "via": self.via,
            "text": self.text,
            "span": _span(self.span),
            "unsure": self.unsure,
            "note": self.note,
        }


@dataclass
class Signer:
    authority_lines: list[str] = field(default_factory=list)
    name: str | None = None
    span: Span = None

    def to_dict(self) -> dict[str, Any]:
        return {"authority_lines": list(self.authority_lines), "name": self.name, "span": _span(self.span)}


@dataclass
class Section:
    number: str
    title: str
    body: str
    level: int
    span: Span = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "title": self.title,
            "body": self.body,
            "level": self.level,
            "span": _span(self.span),
        }


@dataclass
class Responsibility:
    agency: str
    text: str
    number: str | None = None
    span: Span = None

    def to_dict(self) -> dict[str, Any]:
        return {"agency": self.agency, "text": self.text, "number": self.number, "span": _span(self.span)}


@dataclass
class Participant:
    text: str
    count: int | None = None
    span: Span = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "count": self.count, "span": _span(self.span)}


@dataclass
class Extraction:
    """Everything the reader found in one plan document."""

    issuer: str | None = None
    number: int | None = None
    symbol: str | None = None
    place: str | None = None
    date: str | None = None
    title: str | None = None
    kind: str = "other"
    period_start: str | None = None
    period_end: str | None = None
    legal_bases: list[LegalBasis] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    budget: Budget = field(default_factory=Budget)
    reporting: list[Reporting] = field(default_factory=list)
    signer: Signer = field(default_factory=Signer)
    recipients: list[str] = field(default_factory=list)
    # extras
    year: int | None = None
    parent_issuer: str | None = None
    implements: LegalBasis | None = None
    lead_agency: str | None = None
    responsibilities: list[Responsibility] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    event: dict[str, Any] | None = None
    filing: str | None = None
    fields: dict[str, Field] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    source_text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "number": self.number,
            "symbol": self.symbol,
            "place": self.place,
            "date": self.date,
            "title": self.title,
            "kind": self.kind,
            "period_start": self.period_start,
            "period_end": self.period_end,
            "legal_bases": [b.to_dict() for b in self.legal_bases],
            "targets": [t.to_dict() for t in self.targets],
            "tasks": [t.to_dict() for t in self.tasks],
            "budget": self.budget.to_dict(),
            "reporting": [r.to_dict() for r in self.reporting],
            "signer": self.signer.to_dict(),
            "recipients": list(self.recipients),
            "year": self.year,
            "parent_issuer": self.parent_issuer,
            "implements": self.implements.to_dict() if self.implements else None,
            "lead_agency": self.lead_agency,
            "responsibilities": [r.to_dict() for r in self.responsibilities],
            "sections": [s.to_dict() for s in self.sections],
            "participants": [p.to_dict() for p in self.participants],
            "event": self.event,
            "filing": self.filing,
            "fields": {k: v.to_dict() for k, v in self.fields.items()},
            "warnings": list(self.warnings),
            "source_text": self.source_text,
        }
