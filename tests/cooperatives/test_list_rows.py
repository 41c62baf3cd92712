"""The registry list's rows written in Python (``cooperatives.lists.organisation_rows_html``,
issue 17) are the markup the template loop wrote: compared, as parsed HTML, with the former loop
kept in ``reference/organisation_list_rows.html``, in Vietnamese and English, over every branch —
every column shown and each one hidden, a registration code or none, agricultural or not, a
commune that ended (its successor named), one that took others over (their names), one without
a parent, no founding date, no yearly record, a record without revenue, every rating, text that
must be escaped, and no rows at all."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.template import engines
from django.test.html import parse_html
from django.urls import reverse
from django.utils import translation

from cooperatives.lists import REGISTRY_LIST, organisation_rows_html
from cooperatives.models import OrganisationKind, OrganisationStatus, Rating
from core.listtools import set_choice_labels
from tests.cooperatives.factories import OrganisationFactory, YearlyRecordFactory, sector
from tests.directory.factories import CommuneFactory, DistrictFactory, UnitFactory

pytestmark = pytest.mark.django_db

REFERENCE = Path(__file__).parent / "reference" / "organisation_list_rows.html"
COLUMNS = [c.key for c in REGISTRY_LIST.columns]


def reference_rows(organisations, show) -> str:
    context = {"organisations": organisations, "list_tools": {"show": show, "visible_count": sum(show.values())}}
    return engines["django"].from_string(REFERENCE.read_text(encoding="utf-8")).render(context)


def new_rows(organisations, show) -> str:
    return f"<table><tbody>{organisation_rows_html(organisations, show, sum(show.values()))}</tbody></table>"


def prepare(organisations):
    """The view's per-page labels, in the active language (``OrganisationListView``)."""
    labels = {key: str(label) for key, label in Rating.choices}
    set_choice_labels(organisations, kind=OrganisationKind.choices, status=OrganisationStatus.choices)
    for org in organisations:
        revenue = getattr(org, "yr_revenue", None)
        org.yr_revenue_m = revenue / 1_000_000 if revenue is not None else None
        org.yr_rating_label = labels.get(getattr(org, "yr_rating", None), "")
    return organisations


@pytest.fixture
def page(admin_user, client_for):
    """The administrator's registry page (every organisation, 2024's figures), as fetched."""
    district = DistrictFactory(name="Huyện <Sơn> & Hà")
    today = CommuneFactory(name="Xã Sơn Hà", parent=district)
    ended = CommuneFactory(name="Thị trấn Di Lăng", parent=district, valid_to=datetime.date(2025, 6, 30))
    ended.successors.add(today)
    for n in range(4):
        old = CommuneFactory(name=f"Xã cũ \"{n}\"", parent=district, valid_to=datetime.date(2025, 6, 30))
        old.successors.add(today)
    orphan = UnitFactory(name="Đặc khu <Lý Sơn>", kind="đặc khu", level="commune", parent=None)
    kinds, statuses, ratings = list(OrganisationKind.values), list(OrganisationStatus.values), list(Rating.values)
    communes = [today, ended, orphan]
    for i in range(15):
        org = OrganisationFactory(
            name=f"HTX <{i}> & \"Bông\"",
            kind=kinds[i % len(kinds)],
            status=statuses[i % len(statuses)],
            commune=communes[i % len(communes)],
            registration_code=f"34A8<{i}>" if i % 2 else "",
            founded=None if i % 4 == 0 else datetime.date(2010 + i, 1 + i % 12, 1 + i),
            sectors=[sector("nong-nghiep")] if i % 3 == 0 else [],
        )
        if i % 5 != 4:  # one in five has no record of the year
            YearlyRecordFactory(
                organisation=org, year=2024, members=1000 * i + 7, workers=None if i % 3 == 1 else i,
                revenue=None if i % 6 == 2 else Decimal("1234567891.5") * i, rating=ratings[i % len(ratings)],
            )
    with translation.override("vi"):
        response = client_for(admin_user).get(reverse("cooperatives:organisation_list"), {"year": 2024, "per_page": 100})
    assert response.status_code == 200
    return response


def _shows():
    every = {key: True for key in COLUMNS}
    yield every
    for key in COLUMNS[1:]:
        yield every | {key: False}
    yield {key: key == "name" for key in COLUMNS}


def test_the_page_writes_the_former_loops_rows(page):
    organisations = list(page.context["organisations"])
    assert len(organisations) >= 10  # the list leaves dissolved organisations out by default
    html = page.content.decode()
    body = html[html.index("<tbody>"):html.index("</tbody>") + len("</tbody>")]
    with translation.override("vi"):
        expected = reference_rows(organisations, page.context["list_tools"]["show"])
    assert parse_html(f"<table>{body}</table>") == parse_html(expected)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_rows_are_the_template_loops_markup(page, language):
    organisations = list(page.context["organisations"])
    with translation.override(language):
        prepare(organisations)
        for show in _shows():
            assert parse_html(new_rows(organisations, show)) == parse_html(reference_rows(organisations, show)), show


def test_the_branches_are_covered(page):
    organisations = prepare(list(page.context["organisations"]))
    with translation.override("vi"):
        html = new_rows(organisations, {key: True for key in COLUMNS})
    assert "HTX &lt;3&gt; &amp; &quot;Bông&quot;" in html and "34A8&lt;1&gt;" in html  # escaped, as before
    assert "(nay: xã Sơn Hà)" in html and "(trước đây:" in html and "và 2 đơn vị khác" in html
    assert "huyện &lt;Sơn&gt; &amp; Hà" in html and 'title="Nông nghiệp">NN</span>' in html
    assert "<td>—</td>" in html and '<td class="text-end">—</td>' in html


@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_rows(language):
    show = {key: key != "rating" for key in COLUMNS}
    with translation.override(language):
        assert parse_html(new_rows([], show)) == parse_html(reference_rows([], show))


def test_list_loads_only_what_its_rows_read(page, admin_user, client_for):
    """The page's organisations come without their address, products or search text, nor their
    communes' paths (issue 17: every column of 150 instances a page), and writing the rows (with
    the communes' names, ``unit_hints``) and the list tools' export columns costs no further query."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cooperatives.views import OrganisationListView
    from directory.selectors import unit_hints

    with CaptureQueriesContext(connection) as ctx:
        response = client_for(admin_user).get(reverse("cooperatives:organisation_list"), {"year": 2024, "per_page": 100})
    assert response.status_code == 200
    listed = [q["sql"] for q in ctx.captured_queries if 'FROM "cooperatives_organisation"' in q["sql"] and "COUNT" not in q["sql"]]
    assert listed
    for sql in listed:
        assert '"cooperatives_organisation"."address"' not in sql and '"cooperatives_organisation"."search_text"' not in sql
        assert '"cooperatives_organisation"."main_products"' not in sql and '"directory_administrativeunit"."path"' not in sql
    view = OrganisationListView()
    view.setup(response.wsgi_request)
    organisations = prepare(list(view.get_queryset().order_by("name", "pk")[:100]))
    assert len(organisations) == 15 and any(o.commune.valid_to for o in organisations)
    show = {key: True for key in COLUMNS}
    with CaptureQueriesContext(connection) as ctx:
        hints = unit_hints([o.commune for o in organisations])
        html = str(organisation_rows_html(organisations, show, len(show), hints))
        for org in organisations:
            [column.value(org) for column in REGISTRY_LIST.columns]
    assert len(ctx.captured_queries) == 1  # unit_hints' own statement
    assert "Di Lăng" in html and "huyện &lt;Sơn&gt; &amp; Hà" in html
