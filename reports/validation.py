"""Validation rules for reported values (issue 15), in the spirit of DHIS2's validation rules.

Every value a report gives for a target is checked against four rules; a value that breaks
one is *flagged*, never refused: a draft with flags saves, but submitting needs a short
explanation for every flagged value (``services.obligation_submit``), and the reviewer sees
the flags and explanations first (a box at the top of the report page) and again on the
approve confirmation page.

=============  ==========================================================================
rule           fires when
=============  ==========================================================================
``range``      the value is implausible for the target's kind of unit (``unit_kind``):
               a percentage outside 0–100; a negative count or amount; a count that is
               not a whole number; or (not for percentages) a value more than
               ``MAX_TIMES_TARGET`` times the target's reference (its upper value for a
               range, else its value, or the baseline when that is larger)
``jump``       the value differs from the same agency's value in its latest **approved**
               report of an earlier period (same requirement; the form's "last period"
               hint) by more than
               ``JUMP_SHARE`` of that value (strictly more; exactly the threshold passes;
               no previous value or a previous 0: the rule does not apply)
``registry``   the target is linked to a registry indicator and the value differs from
               the indicator computed over the reporting agency's area for the year of the
               period's data cut-off (the form's registry hint) by more than ``REGISTRY_TOLERANCE`` of the registry's
               value (a registry value of 0: any other value; no registry value: not
               applicable)
``decrease``   a cumulative target (values are totals to date) whose value is lower than
               in that last approved report; percentages are shares, not totals, and are
               not checked
=============  ==========================================================================

The thresholds (jump share, registry tolerance, plausible range factor) are edited by an admin
(``models.ValidationThresholds``: a default row and a row per plan, with history); without a row,
``settings.REPORT_VALIDATION`` applies (environment variables ``REPORT_JUMP_SHARE``,
``REPORT_REGISTRY_TOLERANCE``, ``REPORT_MAX_TIMES_TARGET``). They are read once per plan object
(``plan_thresholds``) and documented with each rule in docs/reporting.md. A report being edited (draft, returned)
has its flags computed when shown, from the values saved in it; when it is submitted, its flags
(rule, code, threshold, parameters, message) and explanations are stored with it
(``Obligation.submitted_flags``, in the submit transaction), and the review page, the approve and
return steps and the history show those stored flags — what the reporter was warned about —
even after the thresholds, the registry or an earlier report changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from core.formatting import format_number

HUNDRED = Decimal(100)

DEFAULTS = {
    # A value more than this share away from the last approved period's value is a jump.
    "JUMP_SHARE": Decimal("0.5"),
    # Allowed relative difference from the registry's value for the same area and year.
    "REGISTRY_TOLERANCE": Decimal("0.1"),
    # A value above this many times the target (or its baseline, if larger) is implausible.
    "MAX_TIMES_TARGET": Decimal("3"),
    # Units counted in whole numbers (compared without case, before any "/").
    "COUNT_UNITS": (
        "htx", "tht", "lhhtx", "hợp tác xã", "tổ hợp tác", "liên hiệp hợp tác xã", "tổ chức", "doanh nghiệp",
        "người", "thành viên", "lao động", "hộ", "cán bộ", "xã", "chuỗi", "hội quán", "mô hình", "sản phẩm",
        "dự án", "lớp", "lượt", "cơ sở",
    ),
}

RULES = ("range", "jump", "registry", "decrease")


@dataclass(frozen=True)
class Thresholds:
    jump_share: Decimal
    registry_tolerance: Decimal
    max_times_target: Decimal
    count_units: tuple[str, ...]


def settings_thresholds() -> Thresholds:
    """The thresholds of the settings (``settings.REPORT_VALIDATION`` over ``DEFAULTS``), used
    when the admin has defined none (and by the pure ``check_value`` when given none)."""
    conf = {**DEFAULTS, **getattr(settings, "REPORT_VALIDATION", {})}
    return Thresholds(
        jump_share=Decimal(str(conf["JUMP_SHARE"])),
        registry_tolerance=Decimal(str(conf["REGISTRY_TOLERANCE"])),
        max_times_target=Decimal(str(conf["MAX_TIMES_TARGET"])),
        count_units=tuple(str(u).lower() for u in conf["COUNT_UNITS"]),
    )


def thresholds(plan=None) -> Thresholds:
    """The thresholds for ``plan``: its own row of ``ValidationThresholds`` (edited in the admin),
    else the default row (no plan), else the settings'. One query."""
    from django.db.models import F

    from .models import ValidationThresholds

    th = settings_thresholds()
    qs = ValidationThresholds.objects.filter(plan__isnull=True)
    if plan is not None:
        qs = ValidationThresholds.objects.filter(Q(plan=plan) | Q(plan__isnull=True))
    row = qs.order_by(F("plan").asc(nulls_last=True)).first()
    if row is None:
        return th
    return Thresholds(
        jump_share=row.jump_share,
        registry_tolerance=row.registry_tolerance,
        max_times_target=row.max_times_target,
        count_units=th.count_units,
    )


def plan_thresholds(plan) -> Thresholds:
    """``thresholds(plan)`` read once and remembered on the plan object: a request reads them
    once however many values, pages parts and checks (form, problems, submit) use them."""
    cached = plan.__dict__.get("_validation_thresholds")
    if cached is None:
        cached = plan.__dict__["_validation_thresholds"] = thresholds(plan)
    return cached


def unit_kind(unit: str, th: Thresholds | None = None) -> str:
    """``percent`` ("%"), ``rate`` (anything per something: "HTX/xã", "triệu đồng/HTX/năm"),
    ``count`` (a whole-number unit from ``COUNT_UNITS``: "HTX", "người", "hộ") or ``amount``."""
    text = (unit or "").strip().lower()
    if text.startswith("%"):
        return "percent"
    if "/" in text:
        return "rate"
    th = th or settings_thresholds()
    if text in th.count_units:
        return "count"
    return "amount"


def _num(value) -> str:
    return format_number(value)


def _pct(share: Decimal) -> str:
    """0.5 → "50", 1.2345 → "123,45" (up to two decimals, trailing zeros dropped)."""
    return format_number(share * HUNDRED)


@dataclass(frozen=True)
class Flag:
    """One broken rule for one value; ``message`` is rendered in the active language."""

    rule: str
    code: str
    target_id: int
    params: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def rule_label(self) -> str:
        return {
            "range": _("Implausible value"),
            "jump": _("Jump from the last period"),
            "registry": _("Disagrees with the registry"),
            "decrease": _("Cumulative value decreased"),
        }[self.rule]

    @property
    def message(self) -> str:
        p = {k: (_num(v) if isinstance(v, Decimal) else v) for k, v in self.params.items()}
        if self.code == "percent_range":
            return _("A percentage lies between 0 and 100 %%; %(value)s was entered.") % p
        if self.code == "negative":
            return _("The value cannot be negative (%(value)s).") % p
        if self.code == "not_whole":
            return _("%(unit)s are counted in whole numbers; %(value)s was entered.") % p
        if self.code == "too_large":
            return _("%(value)s is more than %(times)s times the target (%(reference)s).") % p
        if self.code in ("jump_up", "jump_down"):
            p["change"] = _pct(self.params["change"])
            p["threshold"] = _pct(self.params["threshold"])
            text = (
                _("Up %(change)s %% from the last period (%(last)s → %(value)s); threshold %(threshold)s %%")
                if self.code == "jump_up"
                else _("Down %(change)s %% from the last period (%(last)s → %(value)s); threshold %(threshold)s %%")
            )
            return (text % p) + (f" ({self.params['last_label']})" if self.params.get("last_label") else "")
        if self.code == "registry" and self.params["difference"] is None:
            return _("The registry has 0 for %(area)s in %(year)s; %(value)s was entered.") % p
        if self.code == "registry":
            p["tolerance"] = _pct(self.params["tolerance"])
            p["difference"] = _pct(self.params["difference"])
            return _(
                "Differs %(difference)s %% from the registry (%(registry)s for %(area)s, %(year)s); tolerance %(tolerance)s %%"
            ) % p
        if self.code == "decrease":
            return _("A cumulative value cannot decrease: %(last)s in %(last_label)s, now %(value)s.") % p
        raise ValueError(self.code)


@dataclass(frozen=True)
class Reference:
    """What a value is compared with: the last approved report's value and the registry's."""

    last: Decimal | None = None
    last_label: str = ""
    registry: Decimal | None = None
    area: str = ""
    year: int | None = None


def check_value(target, value: Decimal | None, ref: Reference | None = None, th: Thresholds | None = None) -> list[Flag]:
    """The flags for ``value`` given for ``target`` (pure: no queries)."""
    if value is None:
        return []
    th = th or settings_thresholds()
    ref = ref or Reference()
    value = Decimal(value)
    kind = unit_kind(target.unit, th)
    flags: list[Flag] = []

    def flag(rule, code, **params):
        flags.append(Flag(rule, code, target.pk, {"value": value, **params}))

    # (a) plausible range
    if kind == "percent" and not (0 <= value <= HUNDRED):
        flag("range", "percent_range")
    elif value < 0:
        flag("range", "negative")
    elif kind == "count" and value != value.to_integral_value():
        flag("range", "not_whole", unit=target.unit)
    if kind != "percent" and value > 0:
        goal = target.value_max if target.value_max is not None else target.value
        reference = max(goal or Decimal(0), target.baseline or Decimal(0))
        if reference > 0 and value > th.max_times_target * reference:
            flag("range", "too_large", times=th.max_times_target, reference=reference)
    # (b) jump from the last approved period
    if ref.last is not None and ref.last != 0:
        change = abs(value - ref.last) / abs(ref.last)
        if change > th.jump_share:
            flag("jump", "jump_up" if value > ref.last else "jump_down", last=ref.last, change=change,
                 threshold=th.jump_share, last_label=ref.last_label)
    # (c) disagreement with the registry
    if ref.registry is not None:
        diff = abs(value - ref.registry)
        if ref.registry == 0:
            if diff > 0:
                flag("registry", "registry", registry=ref.registry, difference=None, tolerance=th.registry_tolerance,
                     area=ref.area, year=ref.year)
        elif diff / abs(ref.registry) > th.registry_tolerance:
            flag("registry", "registry", registry=ref.registry, difference=diff / abs(ref.registry),
                 tolerance=th.registry_tolerance, area=ref.area, year=ref.year)
    # (d) a cumulative total that went down
    if target.cumulative and kind != "percent" and ref.last is not None and value < ref.last:
        flag("decrease", "decrease", last=ref.last, last_label=ref.last_label)
    return flags


# --------------------------------------------------------------------------- with the database
def references(obligation, lines: dict) -> dict[int, Reference]:
    """Per target, what its value is compared with — the very figures the form shows as
    hints (``selectors.form_lines``, issue 15), so a hint and a flag never disagree: the
    agency's value in its latest approved report of an earlier period of the same
    requirement, and the registry's value for the agency's own area and the year of the
    period's data cut-off (targets linked to an indicator only)."""
    year = obligation.period.cutoff_end.year
    area = ""
    if any(line.registry is not None and line.registry.value is not None for line in lines["targets"]):
        area = str(obligation.agency.unit)
    result = {}
    for line in lines["targets"]:
        registry = line.registry.value if line.registry is not None else None
        result[line.target.pk] = Reference(
            last=line.last, last_label=line.last_label if line.last is not None else "",
            registry=registry, area=area, year=year,
        )
    return result


def line_flags(obligation, lines: dict, values: dict | None = None) -> dict[int, list[Flag]]:
    """``{target_id: [Flag, …]}`` for the targets of ``lines`` (``selectors.form_lines``,
    already loaded: no further query but the agency's unit) with at least one flag.
    ``values`` ({target_id: Decimal | None}) defaults to the values saved in the report."""
    if values is None:
        values = {line.target.pk: line.value for line in lines["targets"]}
    th = plan_thresholds(obligation.period.requirement.plan)
    refs = references(obligation, lines)
    flags = {}
    for line in lines["targets"]:
        found = check_value(line.target, values.get(line.target.pk), refs[line.target.pk], th)
        if found:
            flags[line.target.pk] = found
    return flags


def obligation_flags(obligation, values: dict | None = None) -> dict[int, list[Flag]]:
    """``line_flags`` of a report whose form lines are not loaded yet."""
    from .selectors import form_lines

    return line_flags(obligation, form_lines(obligation), values)


def unexplained(obligation, lines: dict, flags: dict | None = None) -> list:
    """The flagged lines whose value has no explanation yet: ``[(line, [Flag, …]), …]``."""
    flags = line_flags(obligation, lines) if flags is None else flags
    return [
        (line, flags[line.target.pk])
        for line in lines["targets"]
        if line.target.pk in flags and not (line.explanation or "").strip()
    ]


# --------------------------------------------------------------------------- stored at submission
# What the reporter was warned about is stored with the submitted report (``Obligation.submitted_flags``,
# written by ``services.obligation_submit`` in its transaction, under the report's lock): the
# reviewer and the history see those very flags and explanations, even after the thresholds,
# the registry or an earlier report changed. Only a report being edited has its flags recomputed.

# The parameter holding each code's threshold (stored apart, for the history and exports).
THRESHOLD_PARAM = {"too_large": "times", "jump_up": "threshold", "jump_down": "threshold", "registry": "tolerance"}


def _encode(value):
    return {"decimal": str(value)} if isinstance(value, Decimal) else value


def _decode(value):
    if isinstance(value, dict) and set(value) == {"decimal"}:
        return Decimal(value["decimal"])
    return value


def snapshot(lines: dict, flags: dict[int, list[Flag]]) -> list[dict]:
    """The flagged values of ``lines`` as JSON: per target its description, unit, value and
    explanation, and per flag the rule, code, threshold, parameters and the message (in the
    portal's language, as the reporter read it)."""
    from django.utils import translation

    entries = []
    with translation.override(settings.LANGUAGE_CODE):
        for line in lines["targets"]:
            found = flags.get(line.target.pk)
            if not found:
                continue
            entries.append({
                "target": line.target.pk,
                "description": line.target.description,
                "unit": line.target.unit,
                "value": None if line.value is None else str(line.value),
                "explanation": (line.explanation or "").strip(),
                "flags": [
                    {
                        "rule": f.rule,
                        "code": f.code,
                        "threshold": (str(f.params[THRESHOLD_PARAM[f.code]]) if f.code in THRESHOLD_PARAM else None),
                        "params": {k: _encode(v) for k, v in f.params.items()},
                        "message": f.message,
                    }
                    for f in found
                ],
            })
    return entries


@dataclass(frozen=True)
class _StoredTarget:
    pk: int
    description: str
    unit: str


@dataclass(frozen=True)
class StoredLine:
    """A flagged value as it was submitted (shaped like ``selectors.TargetLine`` for the templates)."""

    target: object
    value: Decimal | None
    explanation: str


def stored_rows(obligation, lines: dict | None = None) -> list[tuple[StoredLine, list[Flag]]]:
    """The flagged values stored when ``obligation`` was submitted, as ``[(line, [Flag, …]), …]``;
    the flags render their message in the active language from the stored parameters."""
    targets = {line.target.pk: line.target for line in (lines or {}).get("targets", [])}
    rows = []
    for entry in obligation.submitted_flags or []:
        target = targets.get(entry["target"]) or _StoredTarget(entry["target"], entry["description"], entry["unit"])
        value = None if entry.get("value") is None else Decimal(entry["value"])
        flags = [
            Flag(f["rule"], f["code"], entry["target"], {k: _decode(v) for k, v in (f.get("params") or {}).items()})
            for f in entry["flags"]
        ]
        rows.append((StoredLine(target, value, entry.get("explanation", "")), flags))
    return rows


def uses_stored(obligation) -> bool:
    """A report waiting for review or approved shows the flags stored at its submission
    (reports submitted before they were stored have none: theirs are recomputed)."""
    from .models import ObligationStatus

    return obligation.status in (ObligationStatus.SUBMITTED, ObligationStatus.APPROVED) and obligation.submitted_flags is not None


def review_flags(obligation, lines: dict) -> tuple[dict[int, list[Flag]], list]:
    """``({target_id: [Flag, …]}, [(line, [Flag, …]), …])`` to show on the report's page and the
    workflow steps: stored at submission (``uses_stored``), else recomputed from the saved values."""
    if uses_stored(obligation):
        rows = stored_rows(obligation, lines)
        return {line.target.pk: found for line, found in rows}, rows
    flags = line_flags(obligation, lines)
    return flags, [(line, flags[line.target.pk]) for line in lines["targets"] if line.target.pk in flags]
