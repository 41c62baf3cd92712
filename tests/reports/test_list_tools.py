"""The report list with the shared list tools (core.listtools, issue 18): sortable headers,
and "Xuất Excel" of exactly the rows, order and columns the list shows, in the user's scope."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db

LIST = "reports:obligation_list"


def test_headers_sort_the_list(cycle, client_for, planner):
    c = client_for(planner)
    page = c.get(reverse(LIST), {"ordering": "-due_date", "per_page": 100})
    dues = [ob.period.due_date for ob in page.context["object_list"]]
    assert len(dues) > 3 and dues == sorted(dues, reverse=True)
    html = page.content.decode()
    assert 'aria-sort="descending"' in html and "ordering=due_date" in html  # the header flips the order


def test_export_is_the_list_in_scope(cycle, client_for, reporter_a, agency_a):
    """A district reporter's export: their rows only (the list's queryset), the list's order
    and the columns they kept, every page."""
    c = client_for(reporter_a)
    c.post(reverse("lists:preferences", args=["reports"]), {"page_size": "25", "columns": ["agency", "due_date"]})
    query = {"year": 2024, "ordering": "due_date"}
    shown = list(c.get(reverse(LIST), {**query, "per_page": 100}).context["object_list"])
    assert shown and all(ob.agency_id == agency_a.pk for ob in shown)
    response = c.get(reverse("lists:export", args=["reports"]), query)
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    assert [cell.value for cell in ws[5]] == ["Kỳ báo cáo", "Cơ quan báo cáo", "Hạn"]  # as the page headers read
    rows = [[cell.value for cell in r] for r in ws.iter_rows(min_row=6)]
    assert [(r[0], r[1], r[2].date()) for r in rows] == [(ob.period.label, ob.agency.name, ob.period.due_date) for ob in shown]
    assert "Năm: 2024" in ws["A3"].value
