"""Stacked cards (issue 18): on a 390 px phone each row of a ``table-stack`` list is a card, one
line per cell under its column's name (``data-label``, copied from the header by
static/js/table-stack.js). An empty cell showed the name with nothing after it ("Doanh thu
(triệu đồng)" and then the next line), which read like a page still loading. Every empty value
of a stacked list is now written "—" (``{{ value|or_dash }}``): the same line in every card, and
the same mark in the 1366 px table. The 390 px browser tests assert it on the demo's pages
(tests/browser/test_phone.py, ``BLANK_CARD_LINES``)."""

import datetime

import lxml.html
import pytest
from django.template import Context, Template
from django.urls import reverse

from core.formatting import EMPTY_CELL
from tests.cooperatives.factories import OrganisationFactory
from tests.directory.factories import AgencyFactory

# What a card may show without text: a form control, a picture, an icon or a button.
NOT_BLANK = ".//input|.//select|.//textarea|.//img|.//svg|.//button|.//i[contains(@class, 'bi')]"


def blank_stacked_cells(html: str) -> list[str]:
    """The column names of the cells of every ``table-stack`` table in ``html`` that would be a
    card line with a name and nothing after it (table-stack.js labels a cell with the header at
    its position in the last header row; cells spanning columns get no label)."""
    doc = lxml.html.fromstring(html)
    blank = []
    for table in doc.xpath("//table[contains(concat(' ', normalize-space(@class), ' '), ' table-stack ')]"):
        heads = [th.text_content().strip() for th in table.xpath("./thead/tr[last()]/th")]
        for row in table.xpath("./tbody/tr"):
            for i, cell in enumerate(row.xpath("./td|./th")):
                label = heads[i] if i < len(heads) else ""
                if not label or cell.get("colspan"):
                    continue
                if not cell.text_content().strip() and not cell.xpath(NOT_BLANK):
                    blank.append(label)
    return blank


def test_the_check_finds_a_blank_card_line():
    """The check itself: a blank cell under a named column is found; one under a nameless
    column (the buttons), a form control and a row spanning the table are not."""
    html = """<table class="table table-stack"><thead><tr><th>Tên</th><th>Doanh thu</th><th>Ghi chú</th><th></th></tr></thead>
    <tbody><tr><td>HTX A</td><td>  </td><td><input name="note"></td><td></td></tr>
    <tr><td colspan="4"></td></tr></tbody></table>"""
    assert blank_stacked_cells(html) == ["Doanh thu"]


@pytest.mark.parametrize("value, shown", [(None, EMPTY_CELL), ("", EMPTY_CELL), ("  ", EMPTY_CELL), (0, "0"), ("UBND", "UBND")])
def test_or_dash(value, shown):
    assert Template("{% load coopplan %}{{ value|or_dash }}").render(Context({"value": value})) == shown


@pytest.mark.django_db
def test_registry_cards_of_an_organisation_without_figures(client_for, admin_user):
    """A new organisation without yearly figures, founding date or rating: each of those card
    lines reads "—" (they were blank)."""
    OrganisationFactory(name="Hợp tác xã Mới Lập", founded=None)
    html = client_for(admin_user).get(reverse("cooperatives:organisation_list")).content.decode()
    assert "Hợp tác xã Mới Lập" in html
    assert blank_stacked_cells(html) == []
    row = lxml.html.fromstring(html).xpath("//table[contains(@class, 'table-stack')]/tbody/tr")[0]
    # name, kind, commune, status, founded, members, workers, revenue, rating
    assert [td.text_content().strip() for td in row.xpath("./td")][4:] == [EMPTY_CELL] * 5


@pytest.mark.django_db
def test_plan_list_cards_of_a_draft(client_for, planner_a):
    """A draft: no issue date ("—", as before) and nothing blank."""
    from tests.plans.factories import PlanFactory

    PlanFactory(issuer=planner_a.agency, title="Dự thảo kế hoạch", issue_date=None)
    html = client_for(planner_a).get(reverse("plans:plan_list")).content.decode()
    assert "Dự thảo kế hoạch" in html
    assert blank_stacked_cells(html) == []


@pytest.mark.django_db
def test_directory_cards_without_short_name_or_parent(client_for, admin_user, province):
    """An agency without a short name or governing body, a province without a parent unit."""
    AgencyFactory(name="Hội Nông dân tỉnh", short_name="", parent=None, unit=province)
    client = client_for(admin_user)
    agencies = client.get(reverse("directory:agency_list")).content.decode()
    assert "Hội Nông dân tỉnh" in agencies and blank_stacked_cells(agencies) == []
    units = client.get(reverse("directory:unit_list")).content.decode()
    assert province.name in units and blank_stacked_cells(units) == []


@pytest.mark.django_db
def test_report_list_cards(client_for, reporter_a, agency_a, planner):
    """A reporter's report list: no blank line in a card."""
    from reports import services
    from tests.reports.factories import build_cycle

    cycle = build_cycle(receiver=planner.agency, reporters=[agency_a], end=datetime.date(2024, 12, 31))
    services.obligations_generate(plan=cycle["plan"])
    html = client_for(reporter_a).get(reverse("reports:obligation_list")).content.decode()
    assert html.count("<tr>") > 2
    assert blank_stacked_cells(html) == []
