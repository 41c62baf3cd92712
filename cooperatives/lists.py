"""The registry list's columns for the list tools (core.listtools, issue 18). The figures are
those of the year the list shows (``yr_*`` annotations of ``selectors.organisation_list``)."""

from decimal import Decimal

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.formatting import format_date, format_number
from core.listhtml import sortable_head_html
from core.listtools import Column, ListSpec, choice_label, esc, register, url_around_pk
from core.templatetags.coopplan import or_dash

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


# The columns the list's rows (``organisation_rows_html``, with ``directory.selectors.unit_hints``
# for the communes' former or present names) and its export (the columns above) read: the list
# view loads these alone (issue 17: every column of the organisation, its commune and the
# commune's parent — paths, search texts, addresses — for 150 instances a page).
LIST_FIELDS = (
    "id", "name", "registration_code", "kind", "is_agricultural", "status", "founded", "commune_id",
    "commune__id", "commune__name", "commune__kind", "commune__valid_to", "commune__parent_id",
    "commune__parent__id", "commune__parent__name", "commune__parent__kind",
)


# ------------------------------------------------------------------------ the page's rows
# The registry's 50 rows were a template loop of ~30 nodes a row (8–9 ms of CPU a page at
# national scale, issue 17). Written here, escaped as the template escaped them (core.listtools.esc);
# tests/cooperatives/test_list_rows.py compares the markup, as parsed HTML, with the former loop
# (tests/cooperatives/reference/organisation_list_rows.html) in vi and en over every branch.
def organisation_rows_html(organisations, show: dict, colspan: int, hints: dict | None = None):
    """The ``<tr>`` rows of the registry list for ``organisations`` (a page as the view prepares
    it: ``kind_label``, ``status_label``, ``yr_*`` figures, ``yr_revenue_m``, ``yr_rating_label``;
    the commune and its parent read without a query). ``hints``: the communes' former or present
    names (``directory.selectors.unit_hints``, one query a page); without them the ``formerly`` and
    ``now_part_of`` filters read each commune's predecessors and successors."""
    from directory.templatetags.directory_tags import formerly, now_part_of

    organisations = list(organisations)
    if not organisations:
        return format_html(
            '<tr><td colspan="{}" class="text-muted">{}</td></tr>', colspan, gettext("No organisation matches these filters.")
        )
    agricultural = esc(gettext("Agricultural"))
    show_code, show_kind, show_commune = show.get("registration_code"), show.get("kind"), show.get("commune")
    show_status, show_founded, show_members = show.get("status"), show.get("founded"), show.get("members")
    show_workers, show_revenue, show_rating = show.get("workers"), show.get("revenue"), show.get("rating")
    url_head, url_tail = url_around_pk("cooperatives:organisation_detail")
    rows = []
    for org in organisations:
        row = f'<tr><td><a href="{url_head}{org.pk}{url_tail}">{esc(org.name)}</a>'
        if show_code and org.registration_code:
            row += f'<br><span class="small text-muted">{esc(org.registration_code)}</span>'
        row += "</td>"
        if show_kind:
            badge = f' <span class="badge text-bg-success" title="{agricultural}">NN</span>' if org.is_agricultural else ""
            row += f"<td>{esc(org.kind_label)}{badge}</td>"
        if show_commune:
            commune = org.commune
            row += f"<td>{esc(commune.full_name)}"
            if commune.valid_to:
                hint = hints.get(commune.pk, "") if hints is not None else now_part_of(commune)
                row += f' <span class="small">{esc(hint)}</span>'
            else:
                hint = hints.get(commune.pk, "") if hints is not None else formerly(commune)
                if hint:
                    row += f' <span class="small text-muted">{esc(hint)}</span>'
            if commune.parent:
                row += f'<br><span class="small text-muted">{esc(commune.parent.full_name)}</span>'
            row += "</td>"
        if show_status:
            row += f"<td>{esc(or_dash(org.status_label))}</td>"
        if show_founded:
            row += f"<td>{esc(or_dash(format_date(org.founded)))}</td>"
        if show_members:
            row += f'<td class="text-end">{esc(or_dash(format_number(getattr(org, "yr_members", None))))}</td>'
        if show_workers:
            row += f'<td class="text-end">{esc(or_dash(format_number(getattr(org, "yr_workers", None))))}</td>'
        if show_revenue:
            revenue = "—" if getattr(org, "yr_revenue", None) is None else esc(format_number(org.yr_revenue_m))
            row += f'<td class="text-end">{revenue}</td>'
        if show_rating:
            row += f"<td>{esc(or_dash(org.yr_rating_label))}</td>"
        rows.append(row + "</tr>")
    return mark_safe("\n".join(rows))


# The table's header: a sortable ``<th>`` per shown column of the first five (``includes/_sort_th.html``'s
# text, core.listhtml), then the figures' plain headers; the name cannot be hidden. Compared with the
# former template's header as part of the whole page (tests/cooperatives/test_list_page.py).
_SORTED_HEAD = (
    ("name", "name", _("Name")),
    ("kind", "kind", _("Kind")),
    ("commune", "commune", _("Commune")),
    ("status", "status", _("Status")),
    ("founded", "founded", _("Founded")),
)
_PLAIN_HEAD = (
    ("members", ' class="text-end"', _("Members")),
    ("workers", ' class="text-end"', _("Workers")),
    ("revenue", ' class="text-end"', _("Revenue (million VND)")),
    ("rating", "", _("Rating")),
)


def organisation_head_html(request, query, show: dict):
    """The ``<th>`` cells of the registry list's header row for the columns ``show`` keeps,
    ``query`` the request's ``core.listhtml.QueryReplacer``."""
    return sortable_head_html(request, query, show, _SORTED_HEAD, always="name", plain_columns=_PLAIN_HEAD)
