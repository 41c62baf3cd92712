"""Forms of the plan page: the header form and one inline formset per collection, plus the
workflow forms (issue, amendment, supersede, clone).

Validation lives in the models' ``clean()`` (run by each ModelForm) so the messages are
the same everywhere and attach to the field; the formsets add the checks that need the
plan being edited (a milestone year inside the plan's new period).

``plan_forms_from_import(data, user=...)`` builds the same forms, unbound but initialised
from the import JSON (see docs/plans.md), for the "import a plan" page.
"""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.forms.models import ModelChoiceIterator, inlineformset_factory
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.autocomplete import SelectedLabels, use_autocomplete
from core.forms import DATE_INPUT_FORMATS, NOT_AVAILABLE, DatePickerInput, HumaneFormMixin
from core.text import fold, fold_cached
from core.widgets_fast import FastWidgetRenderer
from directory.models import Agency
from directory.selectors import is_alive_between
from directory.validators import agency_life_error

from .models import (
    BudgetLine,
    BudgetSource,
    Comparator,
    DueRule,
    Frequency,
    LegalBasis,
    LegalBasisKind,
    Plan,
    PlanKind,
    PlanSection,
    PlanTarget,
    PlanTask,
    ReportingRequirement,
    Responsibility,
    TimeframeKind,
)
from .selectors import agencies_for_assignment, issuers_for, plan_issue_refusals, plans_visible_to, signers_for
from .services import HEADER_FIELDS


def plan_window(plan) -> tuple[datetime.date | None, datetime.date | None]:
    """The days a plan names its bodies for: from its date (issue date, else period start) to
    the end of its period. The issuer must be alive on the first day; the agencies of its rows
    at some moment of the window (an old plan's H2/2025 reports go to the successors)."""
    start = plan.issue_date or plan.period_start
    end = plan.period_end if plan.period_end and start and plan.period_end >= start else start
    return start, end


# The header fields whose values the agency selects send to their endpoints, so they offer only
# the bodies alive when the plan concerns (plans.views.plan_window_from_request).
PLAN_DATE_FIELDS = ("issue_date", "period_start", "period_end")


def plan_date_widget_args(plan) -> dict:
    """``use_autocomplete`` arguments for an agency select of ``plan``'s page: its saved dates
    (ISO) in the endpoint's URL, and the header's date fields sent along as the user edits them."""
    params = {}
    if plan is not None:
        params = {name: getattr(plan, name).isoformat() for name in PLAN_DATE_FIELDS if getattr(plan, name, None)}
    return {"params": params, "send_fields": PLAN_DATE_FIELDS}


class _SharedChoiceIterator(ModelChoiceIterator):
    """Choices from a list evaluated once per request and shared by every row's select,
    so a page with many rows does not query the same agencies once per row."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.field.shared_objects:
            yield self.choice(obj)

    def __len__(self):
        return len(self.field.shared_objects) + (1 if self.field.empty_label is not None else 0)

    def __bool__(self):
        return self.field.empty_label is not None or bool(self.field.shared_objects)


def _share_choices(field, objects) -> None:
    field.shared_objects = objects
    field.iterator = _SharedChoiceIterator
    field.widget.choices = field.choices


class PortalModelForm(HumaneFormMixin, forms.ModelForm):
    """Dates in dd/mm/yyyy boxes with a calendar (core.forms.DatePickerInput), decimals typed the
    Vietnamese way ("25,27", "1.200")."""

    # Bootstrap column width per field for the row layout (default 3 of 12).
    col_widths: dict = {}
    # ~700 widgets on a long plan's page: written in Python, not through a template each (issue 17).
    default_renderer = FastWidgetRenderer

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, f in self.fields.items():
            if isinstance(f, forms.DecimalField):
                f.localize = True
                f.widget = forms.TextInput(attrs={"inputmode": "decimal"})
                f.widget.is_localized = True
            elif isinstance(f, forms.IntegerField) and name.endswith("year"):
                f.widget.attrs.setdefault("min", 1990)
                f.widget.attrs.setdefault("max", 2100)
        self.unsure = False  # set by the import page for items the reader was unsure of

    def col_width(self, name: str) -> int:
        return self.col_widths.get(name, 3)


@dataclass
class PlanChoices:
    """Choice lists for one page, evaluated once and shared by every row's select."""

    user: object
    plan: Plan | None = None
    _cache: dict = field(default_factory=dict)

    def _get(self, key, build):
        if key not in self._cache:
            self._cache[key] = list(build())
        return self._cache[key]

    # Agency ids the plan's rows already name, shown even when outside the window (set by
    # plan_form_bundle; a callable so the rows are read only when a select is rendered).
    ids_in_use: object = None

    @property
    def agencies(self):
        return self._get("agencies", self._offered_agencies)

    def _offered_agencies(self):
        """The agencies of the user's province alive during the plan's window (all of them
        while the plan has no dates yet), plus those its rows already name."""
        agencies = list(agencies_for_assignment(self.user))
        start, end = plan_window(self.plan) if self.plan is not None else (None, None)
        if start is None:
            return agencies
        keep = self.ids_in_use() if self.ids_in_use else set()
        return [a for a in agencies if a.pk in keep or is_alive_between(a, start, end)]

    @property
    def agency_qs(self):
        # Building the area filter queries the unit tree: do it once per page.
        if "agency_qs" not in self._cache:
            self._cache["agency_qs"] = agencies_for_assignment(self.user)
        return self._cache["agency_qs"]

    @property
    def window_args(self) -> dict:
        return plan_date_widget_args(self.plan)

    @property
    def agency_labels(self) -> SelectedLabels:
        """The chosen agencies of every row, labelled in one query (issue 17: the selects hold
        only their chosen options; the others come from the autocomplete endpoint)."""
        if "agency_labels" not in self._cache:
            self._cache["agency_labels"] = SelectedLabels(self.agency_qs)
        return self._cache["agency_labels"]

    @property
    def plan_qs(self):
        if "plan_qs" not in self._cache:
            self._cache["plan_qs"] = plans_visible_to(self.user).exclude(pk=getattr(self.plan, "pk", None))
        return self._cache["plan_qs"]

    @property
    def plan_labels(self) -> SelectedLabels:
        if "plan_labels" not in self._cache:
            self._cache["plan_labels"] = SelectedLabels(self.plan_qs)
        return self._cache["plan_labels"]

    @property
    def indicators(self):
        from cooperatives.models import Indicator

        return self._get("indicators", lambda: Indicator.objects.all())

    def siblings(self, model):
        if self.plan is None or self.plan.pk is None:
            return []
        related = ("receiver",) if model is ReportingRequirement else ()  # its __str__ names the receiver
        return self._get(model.__name__, lambda: model.objects.filter(plan=self.plan).select_related(*related))


# ---------------------------------------------------------------------------
# header
# ---------------------------------------------------------------------------
class PlanForm(PortalModelForm):
    """The document's header, period, legal context, signer and recipients."""

    col_widths = {
        "issuer": 6, "issuer_text": 6, "number": 2, "symbol": 2, "place": 3, "issue_date": 3, "document_year": 2,
        "title": 12, "kind": 4, "period_start": 4, "period_end": 4, "implements_plan": 6, "implements_reference": 6,
        "preamble": 12, "signer_authority": 4, "signer_title": 4, "signer_name": 4, "signer_user": 6,
        "recipients": 6, "in_force": 12,
    }

    class Meta:
        model = Plan
        fields = list(HEADER_FIELDS)
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "implements_reference": forms.Textarea(attrs={"rows": 2}),
            "preamble": forms.Textarea(attrs={"rows": 2}),
            "signer_authority": forms.Textarea(attrs={"rows": 2, "placeholder": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"}),
            "signer_title": forms.TextInput(attrs={"placeholder": "PHÓ CHỦ TỊCH"}),
            "recipients": forms.Textarea(attrs={"rows": 4}),
        }
        # What goes where in the signature block (issue 18: "PHÓ CHỦ TỊCH" was typed in both).
        help_texts = {
            "signer_authority": _(
                "Only the lines saying in whose name the plan is signed, one per line, each starting with "
                "TM., KT., Q., TL. or TUQ. (e.g. “TM. ỦY BAN NHÂN DÂN” then “KT. CHỦ TỊCH”). Leave it "
                "empty when the head signs in their own name. Not the signer's own title."
            ),
            "signer_title": _(
                "The signer's own position, printed once under the authority lines, e.g. PHÓ CHỦ TỊCH "
                "(or CHỦ TỊCH, GIÁM ĐỐC)."
            ),
            "signer_name": _("Full name as printed under the signature, without academic titles."),
            "signer_user": _(
                "The leader of the issuing agency who signs the electronic document; the issuing "
                "agency's leaders are listed first."
            ),
        }

    # The plan version this page was opened on (optimistic locking, plans.services.plan_update).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, user, choices: PlanChoices | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        self.fields["issuer"].queryset = issuers_for(user)
        self.fields["implements_plan"].queryset = plans_visible_to(user).exclude(pk=self.instance.pk)
        # The issuing agency's leaders first: the issuer on the page (typed, or the planner's
        # own agency on a new plan), and live as it changes (static/js/signer-order.js).
        self.fields["signer_user"].queryset = signers_for(user, issuer_id=self._issuer_id())
        self.fields["signer_user"].label_from_instance = _signer_label
        self.fields["signer_user"].widget = SignerSelect(attrs={"data-leaders-first-for": self.add_prefix("issuer")})
        self.fields["signer_user"].widget.choices = self.fields["signer_user"].choices
        use_autocomplete(
            self, "issuer", "plans:autocomplete_issuers", **plan_date_widget_args(self.instance if self.instance.pk else None)
        )
        use_autocomplete(self, "implements_plan", "plans:autocomplete_plans")
        self.fields["number"].widget.attrs["min"] = 1
        if not self.instance.is_draft:
            # Only a draft can be "in force without a number"; an issued plan has one.
            del self.fields["in_force"]

    def _issuer_id(self) -> int | None:
        """The issuer the page shows: posted, else initial, else the saved plan's."""
        if self.is_bound:
            value = self.data.get(self.add_prefix("issuer"))
        else:
            value = self.initial.get("issuer", self.instance.issuer_id)
        value = getattr(value, "pk", value)
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    def clean(self):
        cleaned = super().clean()
        # The issuer must exist on the plan's date (DOMAIN.md: after 30/06/2025 only live bodies).
        day = cleaned.get("issue_date") or cleaned.get("period_start")
        error = agency_life_error(cleaned.get("issuer"), day)
        if error:
            self.add_error("issuer", error)
        for name, error in signature_errors(
            authority=cleaned.get("signer_authority") or "", title=cleaned.get("signer_title") or ""
        ).items():
            self.add_error(name, error)
        issuer, signer = cleaned.get("issuer"), cleaned.get("signer_user")
        if issuer is not None and signer is not None and signer.agency_id != issuer.pk:
            # The leader signs in the issuing agency's name (documents.services.signing_leaders).
            self.add_error(
                "signer_user",
                ValidationError(
                    _("%(name)s is not a leader of %(agency)s: choose a leader of the issuing agency."),
                    code="signer_agency",
                    params={"name": signer, "agency": issuer.name},
                ),
            )
        return cleaned


class SignerSelect(forms.Select):
    """The signer select: each leader's option carries ``data-agency`` (their agency's id), so
    ``static/js/signer-order.js`` lists the leaders of the issuer chosen on the page first."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex=subindex, attrs=attrs)
        instance = getattr(value, "instance", None)
        if instance is not None and instance.agency_id:
            option["attrs"]["data-agency"] = str(instance.agency_id)
            option["attrs"]["data-agency-name"] = instance.agency.name
        return option


def _signer_label(user) -> str:
    """ "Trần Văn Phúc – Phó Chủ tịch, Ủy ban nhân dân tỉnh Quảng Ngãi": whom the choice names."""
    parts = [p for p in (user.position, user.agency.name if user.agency_id else "") if p]
    return f"{user} – {', '.join(parts)}" if parts else str(user)


def _signature_line(text: str) -> str:
    """A signature line compared the way it prints: upper case, single spaces, no end punctuation."""
    return " ".join(text.upper().split()).rstrip(" .,;:")


def signature_errors(*, authority: str, title: str) -> dict[str, ValidationError]:
    """Mistakes in the signature block that would print wrongly: the signer's title repeated
    among the authority lines (printed twice), or an authority line ("KT. CHỦ TỊCH") written as
    the title. OFFICIAL_FORMAT.md 1.6: authority lines start with TM., KT., Q., TL. or TUQ.; the
    title is the signer's own position."""
    errors: dict[str, ValidationError] = {}
    wanted = _signature_line(title)
    lines = [line.strip() for line in authority.splitlines() if line.strip()]
    if wanted:
        repeated = next((line for line in lines if _signature_line(line) == wanted), None)
        if repeated:
            errors["signer_authority"] = ValidationError(
                _("“%(line)s” is the signer's title: write it only under “Signer's title”, or it prints twice."),
                code="title_repeated",
                params={"line": repeated},
            )
        prefix = next((p for p in _AUTHORITY_PREFIXES if wanted.startswith(p) and p != "Q."), None)
        if prefix:
            errors["signer_title"] = ValidationError(
                _(
                    "“%(title)s” is an authority line (it starts with %(prefix)s): put it in the authority "
                    "lines and write the signer's own position here, e.g. PHÓ CHỦ TỊCH."
                ),
                code="title_is_authority",
                params={"title": title.strip(), "prefix": prefix},
            )
    return errors


# ---------------------------------------------------------------------------
# rows
# ---------------------------------------------------------------------------
class RowForm(PortalModelForm):
    # Selects whose choices differ from row to row (the edit page writes them in full in each
    # row; every other select's list once, in the "Add a row" template: plans_tags.row_field).
    own_choice_fields: tuple = ()

    def __init__(self, *args, choices: PlanChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = choices


class LegalBasisForm(RowForm):
    col_widths = {"verb": 2, "kind": 2, "number": 3, "date": 2, "issuer": 3, "title": 8, "linked_plan": 4}

    class Meta:
        model = LegalBasis
        fields = ["verb", "kind", "number", "date", "issuer", "title", "linked_plan"]
        widgets = {"title": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only plans the user may open: any other id is refused (it would show another
        # area's plan number and title in the history; issue 12).
        self.fields["linked_plan"].queryset = self.choices.plan_qs
        use_autocomplete(self, "linked_plan", "plans:autocomplete_plans", self.choices.plan_labels)


class PlanSectionForm(RowForm):
    col_widths = {"number": 2, "title": 7, "kind": 3, "body": 12}

    class Meta:
        model = PlanSection
        fields = ["number", "title", "kind", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}


class PlanTargetForm(RowForm):
    col_widths = {
        "code": 2, "description": 10, "subject": 4, "unit": 2, "comparator": 2, "value": 2, "value_max": 2,
        "milestone_year": 2, "baseline": 2, "baseline_year": 2, "scope": 2, "direction": 2, "cumulative": 2,
        "aggregation": 2, "indicator": 4, "source_text": 12,
    }

    class Meta:
        model = PlanTarget
        fields = [
            "code", "description", "subject", "unit", "comparator", "value", "value_max", "milestone_year",
            "baseline", "baseline_year", "scope", "direction", "cumulative", "aggregation", "indicator", "source_text",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 2}), "source_text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _share_choices(self.fields["indicator"], self.choices.indicators)


class PlanTaskForm(RowForm):
    agency_fields = ("lead_agency", "coordinating_agencies")
    multi_agency_fields = ("coordinating_agencies",)
    col_widths = {
        "group": 4, "number": 2, "title": 6, "text": 12, "lead_agency": 4, "coordinating_agencies": 4,
        "agencies_text": 4, "timeframe_kind": 3, "start_year": 2, "end_year": 2, "deadline": 2, "targets": 3,
    }

    class Meta:
        model = PlanTask
        fields = [
            "group", "number", "title", "text", "lead_agency", "coordinating_agencies", "agencies_text",
            "timeframe_kind", "start_year", "end_year", "deadline", "targets",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "agencies_text": forms.Textarea(attrs={"rows": 2}),
            "coordinating_agencies": forms.SelectMultiple(attrs={"size": 4}),
            "targets": forms.SelectMultiple(attrs={"size": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("lead_agency", "coordinating_agencies"):
            self.fields[name].queryset = self.choices.agency_qs
            use_autocomplete(
                self, name, "plans:autocomplete_agencies", self.choices.agency_labels, **self.choices.window_args
            )
        self.fields["targets"].queryset = PlanTarget.objects.filter(plan=self.choices.plan) if self.choices.plan and self.choices.plan.pk else PlanTarget.objects.none()
        _share_choices(self.fields["targets"], self.choices.siblings(PlanTarget))


class BudgetLineForm(RowForm):
    col_widths = {"description": 5, "amount": 3, "source": 2, "year": 2, "source_text": 6, "legal_basis": 6, "task": 4}

    class Meta:
        model = BudgetLine
        fields = ["description", "amount", "source", "year", "source_text", "legal_basis", "task"]
        widgets = {"source_text": forms.Textarea(attrs={"rows": 2}), "legal_basis": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["task"].queryset = PlanTask.objects.filter(plan=self.choices.plan) if self.choices.plan and self.choices.plan.pk else PlanTask.objects.none()
        _share_choices(self.fields["task"], self.choices.siblings(PlanTask))
        self.fields["amount"].help_text = _("In đồng, e.g. 25.270.000")
        # The model's validator says "Ensure this value is greater than or equal to 0";
        # say it the way a budget officer would.
        self.fields["amount"].validators.append(
            MinValueValidator(Decimal("0"), message=_("The amount cannot be negative."))
        )


class ResponsibilityForm(RowForm):
    agency_fields = ("agency",)
    multi_agency_fields = ()
    col_widths = {"agency": 4, "agency_text": 8, "text": 12}

    class Meta:
        model = Responsibility
        fields = ["agency", "agency_text", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = self.choices.agency_qs
        use_autocomplete(
            self, "agency", "plans:autocomplete_agencies", self.choices.agency_labels, **self.choices.window_args
        )


class ReportingRequirementForm(RowForm):
    agency_fields = ("reporters", "receiver")
    multi_agency_fields = ("reporters",)
    own_choice_fields = ("consolidates",)  # the plan's other requirements: not the row itself
    col_widths = {
        "name": 4, "frequency": 2, "due_rule": 3, "due_day": 1, "due_month": 1, "due_date": 2, "reporters": 4,
        "reporters_text": 4, "receiver": 4, "due_text": 4, "cutoff_rule": 3, "early_submission_days": 2,
        "reminder_offsets": 2, "consolidates": 3, "active": 2,
    }

    class Meta:
        model = ReportingRequirement
        fields = [
            "name", "frequency", "due_rule", "due_day", "due_month", "due_date", "reporters", "reporters_text",
            "receiver", "due_text", "cutoff_rule", "early_submission_days", "reminder_offsets", "consolidates",
            "active",
        ]
        widgets = {"reporters": forms.SelectMultiple(attrs={"size": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("reporters", "receiver"):
            self.fields[name].queryset = self.choices.agency_qs
            use_autocomplete(
                self, name, "plans:autocomplete_agencies", self.choices.agency_labels, **self.choices.window_args
            )
        qs = ReportingRequirement.objects.filter(plan=self.choices.plan) if self.choices.plan and self.choices.plan.pk else ReportingRequirement.objects.none()
        if self.instance.pk:
            qs = qs.exclude(pk=self.instance.pk)
        # A deadline rule is what makes the deadline computable: say so rather than "required".
        self.fields["due_rule"].error_messages["required"] = _("Choose how the deadline is computed.")
        # Left empty (or absent from an older form, an import): from the cut-off, i.e. 0 days. A
        # new row starts empty, so an untouched extra row stays unchanged (and is skipped).
        self.fields["early_submission_days"].required = False
        if not self.instance.pk:
            self.initial["early_submission_days"] = None
        self.fields["consolidates"].queryset = qs
        _share_choices(self.fields["consolidates"], [r for r in self.choices.siblings(ReportingRequirement) if r.pk != self.instance.pk])

    def clean_early_submission_days(self):
        return self.cleaned_data.get("early_submission_days") or 0



# ---------------------------------------------------------------------------
# formsets
# ---------------------------------------------------------------------------
class BasePlanFormSet(forms.BaseInlineFormSet):
    """Inline formset whose forms share one ``PlanChoices`` and see the edited plan.

    ``clean`` refuses agencies (the form's ``agency_fields``) that did not exist at any
    moment of the plan's window (``plan_window``), with the day they ended and their successor."""

    def __init__(self, *args, choices: PlanChoices, **kwargs):
        self.choices = choices
        kwargs.setdefault("form_kwargs", {})["choices"] = choices
        super().__init__(*args, **kwargs)
        # A plan has dozens of rows: the hints under the fields are said once, in the first row
        # (and in the row "Add a row" copies), not repeated in every row (issue 17: page size).
        for form in self.forms[1:]:
            for f in form.fields.values():
                f.help_text = ""

    def get_queryset(self):
        # Rows in document order (targets too, not grouped by milestone). Cached: the
        # formset asks for its queryset once per form and must not query each time.
        if not hasattr(self, "_ordered_queryset"):
            qs = super().get_queryset().order_by("order", "id")
            # Initial values of many-to-many fields read these: one query, not one per row.
            m2m = [f.name for f in self.model._meta.many_to_many if f.name in self.form.base_fields]
            self._ordered_queryset = qs.prefetch_related(*m2m) if m2m else qs
        return self._ordered_queryset

    def agency_ids_in_use(self) -> set[int]:
        """Agencies the saved rows name (from the rows the formset loads anyway)."""
        fields = getattr(self.form, "agency_fields", ())
        if not fields or not self.instance.pk:
            return set()
        ids = set()
        for row in self.get_queryset():
            for name in fields:
                if row._meta.get_field(name).many_to_many:
                    ids |= {a.pk for a in getattr(row, name).all()}
                else:
                    ids.add(getattr(row, f"{name}_id"))
        return ids - {None}

    def clean(self):
        super().clean()
        fields = getattr(self.form, "agency_fields", ())
        start, end = plan_window(self.instance)
        if not fields or start is None:
            return
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or self._should_delete_form(form):
                continue
            for name in fields:
                value = form.cleaned_data.get(name)  # None when the field itself had an error
                for agency in ((value or []) if name in form.multi_agency_fields else [value]):
                    error = agency_life_error(agency, start, end)
                    if error:
                        form.add_error(name, error)
                        break


class PlanTargetFormSet(BasePlanFormSet):
    def clean(self):
        super().clean()
        plan = self.instance
        if not plan.period_start or not plan.period_end:
            return
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or self._should_delete_form(form) or "milestone_year" in form.errors:
                continue
            year = form.cleaned_data.get("milestone_year")
            if year and not (plan.period_start.year <= year <= plan.period_end.year):
                form.add_error(
                    "milestone_year",
                    ValidationError(
                        _("The milestone year must lie inside the plan period (%(start)s–%(end)s)."),
                        code="milestone_outside_period",
                        params={"start": plan.period_start.year, "end": plan.period_end.year},
                    ),
                )


# (prefix, form, formset base, heading, help)
FORMSET_SPECS = (
    ("legal_bases", LegalBasisForm, BasePlanFormSet, _("Legal bases"), _("Căn cứ / Thực hiện: the documents the plan rests on.")),
    ("sections", PlanSectionForm, BasePlanFormSet, _("Sections"), _("The narrative sections in document order.")),
    ("targets", PlanTargetForm, PlanTargetFormSet, _("Targets"), _("One row per indicator and milestone year.")),
    ("tasks", PlanTaskForm, BasePlanFormSet, _("Tasks and solutions"), _("With the lead and coordinating agencies and the time frame.")),
    ("budget_lines", BudgetLineForm, BasePlanFormSet, _("Budget"), _("Integrated budgets may have no amount.")),
    ("responsibilities", ResponsibilityForm, BasePlanFormSet, _("Responsibilities"), _("Tổ chức thực hiện: the duties of each agency.")),
    (
        "reporting_requirements",
        ReportingRequirementForm,
        BasePlanFormSet,
        _("Reporting requirements"),
        _("Who reports to whom, how often and by when."),
    ),
)


def _formset_class(prefix: str, extra: int = 0):
    _prefix, form, base, _heading, _help = next(s for s in FORMSET_SPECS if s[0] == prefix)
    return inlineformset_factory(
        Plan, form.Meta.model, form=form, formset=base, fk_name="plan", extra=extra, can_delete=True
    )


@dataclass
class PlanFormBundle:
    """The header form and the formsets of the plan page (in page order)."""

    form: PlanForm
    formsets: dict  # prefix -> formset
    choices: PlanChoices

    def sections(self):
        """(prefix, heading, help, formset) for templates."""
        return [(p, heading, help_text, self.formsets[p]) for p, _f, _b, heading, help_text in FORMSET_SPECS]

    def is_valid(self) -> bool:
        # The header first: the formsets validate against its (new) period.
        header_ok = self.form.is_valid()
        rows_ok = all([fs.is_valid() for fs in self.formsets.values()])
        return header_ok and rows_ok

    def parts_with_errors(self) -> list[str]:
        """Headings of the parts holding an error ("Văn bản", "Chế độ báo cáo (6 dòng)"), for the
        message at the top of a long page: the planner learns where to scroll."""
        parts = []
        if self.form.errors:
            parts.append(str(_("Document")))
        for _p, heading, _h, formset in self.sections():
            rows = sum(1 for errors in formset.errors if errors) if formset.is_bound else 0
            if rows:
                parts.append(
                    ngettext("%(part)s (%(n)d row)", "%(part)s (%(n)d rows)", rows) % {"part": heading, "n": rows}
                )
            elif formset.is_bound and formset.non_form_errors():
                parts.append(str(heading))
        return parts

    def error_message(self) -> str:
        parts = self.parts_with_errors()
        if not parts:
            return str(_("Please correct the errors below."))
        return str(_("Please correct the errors in: %(parts)s.") % {"parts": "; ".join(parts)})

    def header_data(self) -> dict:
        return {k: v for k, v in self.form.cleaned_data.items() if k in HEADER_FIELDS}

    def collections(self) -> dict:
        """Row dicts for ``plans.services`` (untouched extra forms are dropped)."""
        return {prefix: [f.cleaned_data for f in fs.forms if f.cleaned_data] for prefix, fs in self.formsets.items()}


def plan_form_bundle(*, user, plan: Plan | None = None, data=None, initial=None, initial_rows=None) -> PlanFormBundle:
    """The header form and every formset, bound to ``data`` when given.

    ``initial_rows`` ({prefix: [row dicts]}) adds unbound extra rows prefilled with those
    values (used by the import page).
    """
    instance = plan if plan is not None else Plan()
    choices = PlanChoices(user=user, plan=instance if instance.pk else None)
    form = PlanForm(data=data, instance=instance, initial=initial, user=user, choices=choices)
    formsets = {}
    for prefix, *_rest in FORMSET_SPECS:
        rows = (initial_rows or {}).get(prefix) or []
        cls = _formset_class(prefix, extra=len(rows) if data is None else 0)
        formsets[prefix] = cls(
            data=data,
            instance=form.instance,
            prefix=prefix,
            choices=choices,
            initial=[{k: v for k, v in r.items() if k != "unsure"} for r in rows] or None,
        )
        if data is None:
            start = formsets[prefix].initial_form_count()
            for i, row in enumerate(rows):
                formsets[prefix].forms[start + i].unsure = bool(row.get("unsure"))
    choices.ids_in_use = lambda: set().union(*(fs.agency_ids_in_use() for fs in formsets.values()))
    return PlanFormBundle(form=form, formsets=formsets, choices=choices)


# ---------------------------------------------------------------------------
# import JSON -> initial values
# ---------------------------------------------------------------------------
_SYMBOL_KIND = {"QĐ": LegalBasisKind.DECISION, "KH": LegalBasisKind.PLAN, "NĐ": LegalBasisKind.DECREE, "NQ": LegalBasisKind.RESOLUTION,
                "CT": LegalBasisKind.DIRECTIVE, "TT": LegalBasisKind.CIRCULAR, "CV": LegalBasisKind.OFFICIAL_LETTER}
_AUTHORITY_PREFIXES = ("TM.", "KT.", "Q.", "TL.", "TUQ.")


def _iso_date(value) -> datetime.date | None:
    if not value:
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _match_agency(name: str | None, agencies: list[Agency]) -> Agency | None:
    """The agency whose folded name equals (or, failing that, uniquely contains) ``name``."""
    if not name:
        return None
    key = fold(name)
    folded = [(a, fold_cached(a.name)) for a in agencies]  # per process, not per row and agency
    exact = [a for a, a_key in folded if a_key == key]
    if len(exact) == 1:
        return exact[0]
    partial = [a for a, a_key in folded if key and (key in a_key)]
    return partial[0] if len(partial) == 1 else None


def _timeframe(value: str | None) -> dict:
    if not value:
        return {"timeframe_kind": TimeframeKind.UNSPECIFIED}
    if value == "ongoing":
        return {"timeframe_kind": TimeframeKind.ONGOING}
    if value.startswith("deadline:"):
        return {"timeframe_kind": TimeframeKind.DEADLINE, "deadline": _iso_date(value.split(":", 1)[1])}
    m = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", value)
    if m:
        start = int(m.group(1))
        return {"timeframe_kind": TimeframeKind.YEARS, "start_year": start, "end_year": int(m.group(2) or start)}
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m:
        year, q = int(m.group(1)), int(m.group(2))
        return {"timeframe_kind": TimeframeKind.DEADLINE, "deadline": datetime.date(year, q * 3, 30 if q in (2, 3) else 31)}
    return {"timeframe_kind": TimeframeKind.UNSPECIFIED}


def _due_rule(rule: str | None, due_dates) -> dict:
    """The import's ``due_rule`` encoding → the requirement's rule fields."""
    if not rule:
        return {}
    kind, _sep, arg = rule.partition(":")
    try:
        if kind == "day_of_last_month":
            return {"due_rule": DueRule.DAY_OF_LAST_MONTH, "due_day": int(arg)}
        if kind == "day_of_month":  # monthly reports: day N of the (one-month) period
            return {"due_rule": DueRule.DAY_OF_LAST_MONTH, "due_day": int(arg)}
        if kind == "day_of_next_month":  # day N of the next month = N days after the period ends
            return {"due_rule": DueRule.DAYS_AFTER_END, "due_day": int(arg)}
        if kind == "day_month":
            day, month = arg.split("/")
            return {"due_rule": DueRule.DAY_MONTH, "due_day": int(day), "due_month": int(month)}
        if kind == "date":
            return {"due_rule": DueRule.FIXED_DATE, "due_date": _iso_date(arg)}
    except (ValueError, TypeError):
        return {}
    return {}


def _legal_kind(value: str | None, number: str | None) -> str:
    if value in LegalBasisKind.values:
        return value
    symbol = (number or "").split("/")[-1].split("-")[0].upper() if number else ""
    return _SYMBOL_KIND.get(symbol, LegalBasisKind.OTHER)


def import_initial(data: dict, *, user) -> tuple[dict, dict]:
    """(header initial, {prefix: [row initial]}) from the import JSON shape of issue 8."""
    agencies = list(agencies_for_assignment(user))
    issuer = _match_agency(data.get("issuer"), list(issuers_for(user)))
    number = data.get("number")
    try:
        number = int(number) if number not in (None, "") else None
    except (TypeError, ValueError):
        number = None
    issue_date = _iso_date(data.get("date"))
    signer = data.get("signer") or {}
    lines = [line.strip() for line in signer.get("authority_lines") or [] if line and line.strip()]
    title_line = lines[-1] if lines and not lines[-1].upper().startswith(_AUTHORITY_PREFIXES) else ""
    authority = lines[:-1] if title_line else lines
    header = {
        "issuer": issuer,
        "issuer_text": "" if issuer else (data.get("issuer") or ""),
        "number": number,
        "symbol": data.get("symbol") or "",
        "place": data.get("place") or "",
        "issue_date": issue_date,
        "document_year": issue_date.year if issue_date else data.get("document_year"),
        "title": data.get("title") or "",
        "kind": data.get("kind") if data.get("kind") in PlanKind.values else PlanKind.OTHER,
        "period_start": _iso_date(data.get("period_start")),
        "period_end": _iso_date(data.get("period_end")),
        "implements_reference": data.get("implements") or "",
        "preamble": data.get("preamble") or "",
        "signer_authority": "\n".join(authority),
        "signer_title": title_line,
        "signer_name": signer.get("name") or "",
        "recipients": "\n".join(r for r in data.get("recipients") or [] if r),
    }
    rows: dict[str, list[dict]] = {}
    rows["legal_bases"] = [
        {
            "verb": lb.get("verb") or "Căn cứ",
            "kind": _legal_kind(lb.get("kind"), lb.get("number")),
            "number": lb.get("number") or "",
            "date": _iso_date(lb.get("date")),
            "issuer": lb.get("issuer") or "",
            "title": lb.get("title") or "",
            "unsure": lb.get("unsure", False),
        }
        for lb in data.get("legal_bases") or []
    ]
    rows["sections"] = [
        {"number": s.get("number") or "", "title": s.get("title") or "", "body": s.get("body") or ""}
        for s in data.get("sections") or []
    ]
    rows["targets"] = [
        {
            "description": t.get("text") or "",
            "subject": t.get("subject") or "",
            "comparator": t.get("comparator") if t.get("comparator") in Comparator.values else Comparator.GTE,
            "value": _decimal(t.get("value")),
            "value_max": _decimal(t.get("value_max")),
            "unit": t.get("unit") or "",
            "baseline": _decimal(t.get("baseline")),
            "baseline_year": t.get("baseline_year"),
            "milestone_year": t.get("year"),
            "scope": t.get("scope") if t.get("scope") in ("area", "per_org", "per_person", "share") else "area",
            "unsure": t.get("unsure", False),
        }
        for t in data.get("targets") or []
    ]
    rows["tasks"] = []
    for t in data.get("tasks") or []:
        lead = _match_agency(t.get("lead"), agencies)
        coordinating = [a for a in (_match_agency(n, agencies) for n in t.get("coordinating") or []) if a]
        written = ", ".join(n for n in [t.get("lead"), *(t.get("coordinating") or [])] if n)
        rows["tasks"].append(
            {
                "group": t.get("group") or "",
                "number": t.get("number") or "",
                "title": t.get("text") or "",
                "text": t.get("body") or "",
                "lead_agency": lead,
                "coordinating_agencies": coordinating,
                "agencies_text": written,
                **_timeframe(t.get("timeframe")),
                "unsure": t.get("unsure", False),
            }
        )
    budget = data.get("budget") or {}
    sources = budget.get("sources") or []
    if budget.get("total_vnd") is not None or sources:
        kinds = {s.get("kind") for s in sources if isinstance(s, dict)}
        rows["budget_lines"] = [
            {
                "description": _("Total budget"),
                "amount": _decimal(budget.get("total_vnd")),
                "source": BudgetSource.INTEGRATED
                if kinds == {"integrated"} or (budget.get("total_vnd") is None and "integrated" in kinds)
                else BudgetSource.PROVINCIAL
                if "state_budget" in kinds
                else BudgetSource.OTHER,
                "source_text": "; ".join((s.get("text") if isinstance(s, dict) else str(s)) for s in sources),
                "legal_basis": "; ".join(s.get("reference") for s in sources if isinstance(s, dict) and s.get("reference")),
            }
        ]
    rows["responsibilities"] = [
        {"agency": _match_agency(r.get("agency"), agencies), "agency_text": r.get("agency") or "", "text": r.get("text") or ""}
        for r in data.get("responsibilities") or []
    ]
    rows["reporting_requirements"] = []
    for r in data.get("reporting") or []:
        receiver = _match_agency(r.get("receiver"), agencies)
        reporter = _match_agency(r.get("reporters"), agencies)
        rows["reporting_requirements"].append(
            {
                "frequency": r.get("frequency") if r.get("frequency") in Frequency.values else Frequency.ANNUAL,
                **_due_rule(r.get("due_rule"), r.get("due_dates")),
                "reporters": [reporter] if reporter else [],
                "reporters_text": r.get("reporters") or "",
                "receiver": receiver,
                "due_text": r.get("text") or "",
                "unsure": r.get("unsure", False) or receiver is None,
            }
        )
    return header, rows


def plan_forms_from_import(data: dict, *, user) -> PlanFormBundle:
    """The plan page's forms, unbound, prefilled from an import JSON dict (issue 8 shape).

    Agencies named in the text are matched by accent-insensitive name among the agencies
    the user can assign; unmatched ones stay in the "as written" fields for the user to
    pick. Rows the reader marked ``unsure`` (and requirements without a matched receiver)
    get ``form.unsure = True`` so the page can highlight them. Nothing is saved.
    """
    header, rows = import_initial(data, user=user)
    return plan_form_bundle(user=user, initial=header, initial_rows=rows)


# ---------------------------------------------------------------------------
# workflow forms
# ---------------------------------------------------------------------------
class PlanIssueForm(HumaneFormMixin, forms.Form):
    number = forms.IntegerField(
        label=capfirst(_("number")), min_value=1, error_messages={"required": _("An issued plan needs a number.")}
    )
    issue_date = forms.DateField(
        label=capfirst(_("issue date")),
        input_formats=DATE_INPUT_FORMATS,
        widget=DatePickerInput(),
        error_messages={"required": _("An issued plan needs an issue date.")},
    )

    def __init__(self, *args, plan: Plan, **kwargs):
        # The number and date the draft already holds (read by the import, issue 13) are offered;
        # the view always passes ``initial`` (FormView.get_initial), so merge rather than setdefault.
        kwargs["initial"] = {"number": plan.number, "issue_date": plan.issue_date, **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)
        self.plan = plan

    def clean_issue_date(self):
        # A body abolished on 30/06/2025 issues nothing dated after it.
        day = self.cleaned_data["issue_date"]
        error = agency_life_error(self.plan.issuer, day) if self.plan.issuer_id else None
        if error:
            raise error
        return day

    def clean(self):
        # The issuer's register: no number twice in one year, no date in the future (issue 13).
        cleaned = super().clean()
        if not self.errors:
            for name, message in plan_issue_refusals(
                plan=self.plan, number=cleaned.get("number"), day=cleaned.get("issue_date")
            ).items():
                self.add_error(name, message)
        return cleaned


class ConfirmForm(forms.Form):
    """A step without input (close, close the amendment): the POST is the confirmation."""


class AmendmentForm(forms.Form):
    reason = forms.CharField(label=capfirst(_("reason")), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class SupersedeForm(forms.Form):
    by = forms.ModelChoiceField(
        label=capfirst(_("superseded by")), queryset=Plan.objects.none(), empty_label=_("— Choose the plan that replaces it —"),
        error_messages={"invalid_choice": NOT_AVAILABLE},
    )

    def __init__(self, *args, plan: Plan, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["by"].queryset = plans_visible_to(user).exclude(pk=plan.pk).order_by("-period_start")


class CloneForm(forms.Form):
    year_offset = forms.IntegerField(
        label=capfirst(_("shift the years by")), initial=1, min_value=-50, max_value=50,
        help_text=_("1 makes next year's plan: the period, milestones and deadlines move one year on."),
    )
    title = forms.CharField(label=capfirst(_("title of the copy")), widget=forms.Textarea(attrs={"rows": 2}), required=False)
