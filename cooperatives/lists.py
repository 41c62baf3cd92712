"""The registry list's columns for the list tools (core.listtools, issue 18). The figures are
those of the year the list shows (``yr_*`` annotations of ``selectors.organisation_list``)."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from core.listtools import Column, ListSpec, choice_label, register

from .models import OrganisationKind, OrganisationStatus, Rating


def _revenue_million(org):
    revenue = getattr(org, "yr_revenue", None)
    return Decimal(revenue) / Decimal(1_000_000) if revenue is not None else None


_rating_label = choice_label("yr_rating", Rating.choices)


def _rating(org) -> str:
    return _rating_label(org) if getattr(org, "yr_rating", None) else ""


def _commune(org) -> str:
    commune = org.commune
    return f"{commune.full_name}, {commune.parent.full_name}" if commune.parent_id else commune.full_name


REGISTRY_LIST = register(ListSpec(
    key="registry",
    url_name="cooperatives:organisation_list",
    view="cooperatives.views.OrganisationListView",
    title=_("Registry of collective organisations"),
    filename="danh-sach-kttt-hien-thi",
    default_page_size=50,
    columns=(
        Column("name", _("Name"), lambda o: o.name, width=40, required=True),
        Column("registration_code", _("Registration code"), lambda o: o.registration_code, width=16),
        Column("kind", _("Kind"), choice_label("kind", OrganisationKind.choices), width=16),
        Column("commune", _("Commune"), _commune, width=32),
        Column("status", _("Status"), choice_label("status", OrganisationStatus.choices), width=18),
        Column("founded", _("Founded"), lambda o: o.founded, kind="date", width=13),
        Column("members", _("Members"), lambda o: getattr(o, "yr_members", None), kind="int", width=11),
        Column("workers", _("Workers"), lambda o: getattr(o, "yr_workers", None), kind="int", width=11),
        Column("revenue", _("Revenue (million VND)"), _revenue_million, kind="dec", width=16),
        Column("rating", _("Rating"), _rating, width=14),
    ),
))
