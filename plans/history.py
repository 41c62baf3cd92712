"""The plan's history page: every saved change of the plan and of its rows, field by field.

django-simple-history keeps one historical row per save of the plan and of each row model
(targets, tasks, …, with the plan id copied), so the history of a plan — including rows
deleted since — is a handful of queries: one per model, and one per related model to show
names instead of ids. Differences are computed here between consecutive versions of the
same row.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from core.formatting import format_number
from core.text import shorten
from directory.models import Agency, User

from .models import (
    BudgetLine,
    LegalBasis,
    Plan,
    PlanSection,
    PlanTarget,
    PlanTask,
    ReportingRequirement,
    Responsibility,
)

TRACKED = (
    (Plan, "id"),
    (LegalBasis, "plan_id"),
    (PlanSection, "plan_id"),
    (PlanTarget, "plan_id"),
    (PlanTask, "plan_id"),
    (BudgetLine, "plan_id"),
    (Responsibility, "plan_id"),
    (ReportingRequirement, "plan_id"),
)
SKIPPED = {"id", "plan", "created", "modified", "search_text", "order"}
# Many-to-many fields tracked by simple-history (``m2m_fields``): (field, reverse accessor
# of the historical through model on the historical record, column with the agency id).
M2M = {
    PlanTask: (("coordinating_agencies", "historicalplantask_coordinating_agencies", "agency_id"),),
    ReportingRequirement: (("reporters", "historicalreportingrequirement_reporters", "agency_id"),),
}
LABEL_FIELDS = ("description", "title", "name", "number", "agency_text", "text", "reporters_text")
MAX_ENTRIES = 1000


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: datetime.datetime
    user: object
    kind: str  # "+", "~", "-"
    model_label: str
    object_label: str
    reason: str = ""
    changes: list = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return {"+": _("added"), "~": _("changed"), "-": _("deleted")}.get(self.kind, self.kind)


def _fields(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if f.name not in SKIPPED]


def _label(record) -> str:
    for name in LABEL_FIELDS:
        value = getattr(record, name, "")
        if value:
            text = str(value)
            return shorten(text, 90)
    return f"#{record.id}"


class _Names:
    """Display names for foreign keys, fetched in one query per related model."""

    MODELS = {"directory.agency": Agency, "plans.plan": Plan, "plans.plantask": PlanTask,
              "plans.reportingrequirement": ReportingRequirement, "directory.user": User}

    def __init__(self, user=None):
        self.wanted: dict[str, set] = {}
        self.names: dict[tuple, str] = {}
        self.user = user

    def want_agencies(self, ids):
        self.wanted.setdefault("directory.agency", set()).update(ids)

    def agencies(self, ids) -> str:
        if not ids:
            return "—"
        return "; ".join(sorted(self.names.get(("directory.agency", pk), f"#{pk}") for pk in ids))

    def want(self, f, value):
        if value is None or not f.is_relation:
            return
        key = f.related_model._meta.label_lower
        if key in self.MODELS:
            self.wanted.setdefault(key, set()).add(value)

    def load(self):
        for key, ids in self.wanted.items():
            qs = self.MODELS[key]._default_manager.all()
            if key == "plans.plan" and self.user is not None:
                # Another plan's number and title only when the reader may open that plan
                # (a legal basis linked to a plan elsewhere shows "#id"; issue 12).
                from .selectors import plans_visible_to

                qs = plans_visible_to(self.user)
            for obj in qs.filter(pk__in=ids):
                self.names[(key, obj.pk)] = str(obj)

    def get(self, f, value) -> str:
        return self.names.get((f.related_model._meta.label_lower, value), f"#{value}")


class _M2MField:
    """Stands in for a many-to-many field in the list of changes (its values are id sets)."""

    is_relation = False
    choices = None

    def __init__(self, model, name):
        self.verbose_name = model._meta.get_field(name).verbose_name
        self.is_m2m = True


def _m2m_sets(model, history_model, records) -> dict:
    """{field: {history_id: frozenset(agency ids)}} in one query per many-to-many field."""
    result = {}
    for name, accessor, column in M2M.get(model, ()):
        through = history_model._meta.get_field(accessor).related_model
        sets: dict = {}
        for history_id, agency_id in through.objects.filter(history__in=records.values("history_id")).values_list(
            "history_id", column
        ):
            sets.setdefault(history_id, set()).add(agency_id)
        result[name] = {k: frozenset(v) for k, v in sets.items()}
    return result


def _display(f, value, names: _Names) -> str:
    if getattr(f, "is_m2m", False):
        return names.agencies(value)
    if value is None or value == "":
        return "—"
    if f.is_relation:
        return names.get(f, value)
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        # Stored in UTC; shown in the portal's time zone like the entry's own time.
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, Decimal):
        return format_number(value)
    return str(value)


def plan_history(plan: Plan, user=None) -> list[HistoryEntry]:
    """Entries newest first: the plan's own versions and those of every row it has had.
    With ``user``, other plans are named only when ``user`` may see them."""
    raw = []
    names = _Names(user)
    for model, key in TRACKED:
        history_model = model.history.model
        fields = _fields(model)
        records = history_model.objects.filter(**{key: plan.pk}).select_related("history_user").order_by("id", "history_id")
        m2m_sets = _m2m_sets(model, history_model, records)
        previous: dict = {}
        for rec in records:
            prev = previous.get(rec.id)
            previous[rec.id] = rec
            pairs = []
            for name, _accessor, _column in M2M.get(model, ()):
                now = m2m_sets[name].get(rec.history_id, frozenset())
                before = m2m_sets[name].get(prev.history_id, frozenset()) if prev is not None else frozenset()
                if now != before and rec.history_type != "-":
                    names.want_agencies(now | before)
                    pairs.append((_M2MField(model, name), before, now))
            if rec.history_type == "+":
                pairs += [(f, None, getattr(rec, f.attname)) for f in fields if getattr(rec, f.attname) not in (None, "", False)]
            elif rec.history_type == "~" and prev is not None:
                pairs += [
                    (f, getattr(prev, f.attname), getattr(rec, f.attname))
                    for f in fields
                    if getattr(prev, f.attname) != getattr(rec, f.attname)
                ]
            if rec.history_type == "~" and not pairs and not rec.history_change_reason:
                continue  # a save that changed nothing visible
            for f, old, new in pairs:
                names.want(f, old)
                names.want(f, new)
            raw.append((rec, model, pairs))
    names.load()
    entries = []
    for rec, model, pairs in raw:
        entries.append(
            HistoryEntry(
                when=rec.history_date,
                user=rec.history_user,
                kind=rec.history_type,
                model_label=str(model._meta.verbose_name),
                object_label=_label(rec) if model is not Plan else rec.title[:90],
                reason=rec.history_change_reason or "",
                changes=[
                    Change(str(f.verbose_name), _display(f, old, names) if rec.history_type != "+" else "", _display(f, new, names))
                    for f, old, new in pairs
                ],
            )
        )
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries[:MAX_ENTRIES]
