"""The list tools (core.listtools, issue 18): page size and columns remembered per user and
list, saved filters per user, "Xuất Excel" of exactly what the list shows."""

import datetime
import io
import unicodedata

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from core.listtools import MAX_SAVED_FILTERS
from core.models import ListPreference, SavedFilter
from tests.cooperatives.factories import OrganisationFactory, YearlyRecordFactory
from tests.directory.factories import UserFactory
from tests.plans.factories import IssuedPlanFactory, PlanFactory

pytestmark = pytest.mark.django_db

PLANS = "/plans/"


@pytest.fixture
def plans_a(agency_a, agency_b):
    """30 issued plans of agency A (more than a page of 25), 2 drafts of A, 3 issued of B."""
    issued = [IssuedPlanFactory(issuer=agency_a, title=f"Kế hoạch A {n:02d}", issue_date=datetime.date(2024, 1, 1 + n % 28))
              for n in range(30)]
    drafts = [PlanFactory(issuer=agency_a, title=f"Dự thảo A {n}") for n in range(2)]
    others = [IssuedPlanFactory(issuer=agency_b, title=f"Kế hoạch B {n}") for n in range(3)]
    return {"issued": issued, "drafts": drafts, "others": others}


def _table(response) -> str:
    """The list's table (headers and cells), without the filter form and the column menu."""
    html = response.content.decode()
    return html[html.index("<table"):html.index("</table>")]


def _messages(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def _prefs(client, key="plans", **data):
    data.setdefault("next", reverse("plans:plan_list"))
    return client.post(reverse("lists:preferences", args=[key]), data, follow=True)


# --- page size and columns ---------------------------------------------------------------------


def test_default_page_size_and_every_column(client_for, planner_a, plans_a):
    page = client_for(planner_a).get(reverse("plans:plan_list"))
    assert page.context["paginator"].per_page == 25
    assert page.context["list_tools"]["show"] == dict.fromkeys(
        ["number", "title", "kind", "issuer", "period", "issue_date", "status"], True
    )
    assert "Cơ quan ban hành" in page.content.decode()


def test_columns_and_page_size_persist_across_sessions(planner_a, plans_a):
    first = Client()
    first.force_login(planner_a)
    response = _prefs(first, page_size="50", columns=["number", "status"])
    assert response.status_code == 200 and "Đã lưu cách hiển thị danh sách." in _messages(response)
    pref = ListPreference.objects.get(user=planner_a, list_key="plans")
    assert pref.page_size == 50 and set(pref.hidden_columns) == {"kind", "issuer", "period", "issue_date"}

    second = Client()  # another browser, another session
    second.force_login(planner_a)
    page = second.get(reverse("plans:plan_list"))
    table = _table(page)
    assert page.context["paginator"].per_page == 50
    assert len(page.context["plans"]) == 32  # 30 issued + 2 drafts of A, on one page of 50
    assert "Cơ quan ban hành" not in table and "Ngày ban hành" not in table  # headers gone
    assert planner_a.agency.name not in table  # and the cells (the issuer's name)
    assert "Trích yếu" in table and "Trạng thái" in table
    assert page.context["list_tools"]["visible_count"] == 3  # number, title, status


def test_required_column_cannot_be_hidden(client_for, planner_a, plans_a):
    client = client_for(planner_a)
    _prefs(client, page_size="25", columns=["status"])  # title not posted
    pref = ListPreference.objects.get(user=planner_a, list_key="plans")
    assert "title" not in pref.hidden_columns
    page = client.get(reverse("plans:plan_list"))
    assert page.context["list_tools"]["show"]["title"] is True
    assert all(plan.get_absolute_url() in _table(page) for plan in page.context["plans"])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"page_size": "7", "columns": ["status"]}, "Hãy chọn 25, 50 hoặc 100 dòng mỗi trang."),
        ({"page_size": "abc"}, "Hãy chọn 25, 50 hoặc 100 dòng mỗi trang."),
        ({"page_size": "50", "columns": ["status", "password"]}, "Không có cột: password."),
    ],
)
def test_bad_preferences_are_refused_in_vietnamese(client_for, planner_a, data, message):
    response = _prefs(client_for(planner_a), **data)
    assert response.status_code == 200 and message in _messages(response)
    assert not ListPreference.objects.filter(user=planner_a).exists()


def test_preferences_are_per_user_and_per_list(client_for, planner_a, reporter_a, plans_a):
    _prefs(client_for(planner_a), page_size="100", columns=["number"])
    assert client_for(reporter_a).get(reverse("plans:plan_list")).context["paginator"].per_page == 25
    registry = client_for(planner_a).get(reverse("cooperatives:organisation_list"))
    assert registry.context["paginator"] is None or registry.context["paginator"].per_page == 50
    assert all(registry.context["list_tools"]["show"].values())


@pytest.mark.parametrize(("raw", "expected"), [("100", 100), ("50", 50), ("7", 25), ("abc", 25), ("", 25), ("-1", 25)])
def test_per_page_in_the_link_is_validated(client_for, planner_a, plans_a, raw, expected):
    response = client_for(planner_a).get(reverse("plans:plan_list"), {"per_page": raw})
    assert response.status_code == 200 and response.context["paginator"].per_page == expected


def test_preferences_need_post_and_csrf(planner_a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(planner_a)
    url = reverse("lists:preferences", args=["plans"])
    assert client.get(url).status_code == 405
    assert client.post(url, {"page_size": "50"}).status_code == 403  # no CSRF token
    assert not ListPreference.objects.exists()


def test_unknown_list_is_404(client_for, planner_a):
    assert client_for(planner_a).post(reverse("lists:preferences", args=["nope"]), {"page_size": "50"}).status_code == 404


def test_next_elsewhere_is_ignored(client_for, planner_a):
    response = client_for(planner_a).post(
        reverse("lists:preferences", args=["plans"]), {"page_size": "50", "next": "https://evil.example/"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("plans:plan_list")


# --- saved filters -----------------------------------------------------------------------------


def _save(client, name, query, key="plans"):
    return client.post(reverse("lists:filter_save", args=[key]), {"name": name, "query": query, "next": PLANS}, follow=True)


def test_save_and_reapply_a_filter(client_for, planner_a, plans_a):
    client = client_for(planner_a)
    response = _save(client, "Đã ban hành, theo tên", "status=issued&ordering=-title&page=2&per_page=50&evil=1")
    assert "Đã lưu bộ lọc “Đã ban hành, theo tên”." in _messages(response)
    saved = SavedFilter.objects.get(user=planner_a)
    assert saved.query == "status=issued&ordering=-title"  # never the page, the page size or unknown keys
    assert saved.list_key == "plans"

    applied = client.get(reverse("lists:filter_apply", args=[saved.pk]))
    assert applied.status_code == 302 and applied["Location"] == "/plans/?status=issued&ordering=-title"
    page = client.get(applied["Location"])
    titles = [p.title for p in page.context["plans"]]
    assert titles == sorted((p.title for p in plans_a["issued"]), reverse=True)[:25]
    assert [s.name for s in page.context["list_tools"]["saved_filters"]] == ["Đã ban hành, theo tên"]


def test_saved_filter_names_are_unique_per_user_and_list(client_for, planner_a, reporter_a):
    client = client_for(planner_a)
    _save(client, "Của tôi", "status=issued")
    response = _save(client, "  của TÔI ", "status=draft")
    assert "Bạn đã có bộ lọc tên “của TÔI” trong danh sách này; hãy chọn tên khác." in _messages(response)
    assert SavedFilter.objects.filter(user=planner_a).count() == 1
    _save(client, "Của tôi", "status=active", key="registry")  # another list: allowed
    _save(client_for(reporter_a), "Của tôi", "status=issued")  # another user: allowed
    assert SavedFilter.objects.count() == 3


def test_saved_filter_names_compare_whatever_their_unicode_form_and_spaces(client_for, planner_a):
    """A name typed on a keyboard that sends decomposed letters (NFD: "o" + U+0302 + U+0301 for
    "ố"), or with two spaces inside, is the same name."""
    client = client_for(planner_a)
    _save(client, "Kết quả tốt", "status=issued")
    decomposed = unicodedata.normalize("NFD", "KẾT QUẢ TỐT")
    assert decomposed != "KẾT QUẢ TỐT"
    response = _save(client, decomposed, "status=draft")
    assert any(m.startswith("Bạn đã có bộ lọc tên") for m in _messages(response))
    response = _save(client, "kết  quả   tốt", "status=draft")
    assert any(m.startswith("Bạn đã có bộ lọc tên") for m in _messages(response))
    assert list(SavedFilter.objects.values_list("name", flat=True)) == ["Kết quả tốt"]


def test_saved_filter_names_are_unique_whatever_their_case_in_the_database_itself(planner_a):
    """The database's own constraint (should the service's lock ever be bypassed) compares the
    names as the service does, on SQLite too, whose LOWER folds ASCII letters only."""
    SavedFilter.objects.create(user=planner_a, list_key="plans", name="Của tôi", query="")
    with pytest.raises(IntegrityError), transaction.atomic():
        SavedFilter.objects.create(user=planner_a, list_key="plans", name="CỦA TÔI", query="")
    saved = SavedFilter.objects.create(user=planner_a, list_key="registry", name="Của tôi", query="")
    saved.name = "Đã ban hành"
    saved.save(update_fields=["name"])  # the key follows the name
    assert SavedFilter.objects.get(pk=saved.pk).name_key == "đã ban hành"


def test_saved_filter_needs_a_name(client_for, planner_a):
    response = _save(client_for(planner_a), "   ", "status=issued")
    assert "Hãy đặt tên cho bộ lọc." in _messages(response)
    assert not SavedFilter.objects.exists()


def test_saved_filters_are_limited(client_for, planner_a):
    client = client_for(planner_a)
    SavedFilter.objects.bulk_create(
        SavedFilter(user=planner_a, list_key="plans", name=f"Bộ lọc {n}", name_key=f"bộ lọc {n}", query="")
        for n in range(MAX_SAVED_FILTERS)
    )
    response = _save(client, "Một bộ lọc nữa", "status=issued")
    assert f"Mỗi danh sách chỉ lưu được tối đa {MAX_SAVED_FILTERS} bộ lọc; hãy xóa bớt một bộ lọc trước." in _messages(response)
    assert SavedFilter.objects.filter(user=planner_a).count() == MAX_SAVED_FILTERS


def test_another_users_saved_filter_is_404_and_never_listed(client_for, planner_a, reporter_a, plans_a):
    _save(client_for(planner_a), "Riêng của planner", "status=issued")
    saved = SavedFilter.objects.get()
    other = client_for(reporter_a)
    assert other.get(reverse("lists:filter_apply", args=[saved.pk])).status_code == 404
    assert other.post(reverse("lists:filter_delete", args=[saved.pk])).status_code == 404
    assert SavedFilter.objects.filter(pk=saved.pk).exists()
    page = other.get(reverse("plans:plan_list"))
    assert page.context["list_tools"]["saved_filters"] == [] and "Riêng của planner" not in page.content.decode()


def test_delete_own_saved_filter(client_for, planner_a):
    client = client_for(planner_a)
    _save(client, "Tạm", "status=issued")
    saved = SavedFilter.objects.get()
    assert client.get(reverse("lists:filter_delete", args=[saved.pk])).status_code == 405
    response = client.post(reverse("lists:filter_delete", args=[saved.pk]), {"next": PLANS}, follow=True)
    assert "Đã xóa bộ lọc “Tạm”." in _messages(response)
    assert not SavedFilter.objects.exists()


# --- export ------------------------------------------------------------------------------------


def _sheet(response):
    assert response.status_code == 200, response.get("Location")
    wb = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return wb.worksheets[0]


def test_export_is_what_the_list_shows(client_for, planner_a, plans_a):
    """Filters, ordering and chosen columns of the list; every page (30 rows > 25); only A's plans."""
    client = client_for(planner_a)
    _prefs(client, page_size="25", columns=["number", "issue_date"])
    list_page = client.get(reverse("plans:plan_list"), {"status": "issued", "ordering": "-title"})
    export_url = list_page.context["list_tools"]["export_url"]
    assert export_url == reverse("lists:export", args=["plans"]) + "?status=issued&ordering=-title"
    ws = _sheet(client.get(export_url))
    assert ws["A1"].value == planner_a.agency.name.upper()
    assert ws["A2"].value == "DANH SÁCH KẾ HOẠCH"
    assert "Trạng thái: Đã ban hành" in ws["A3"].value and "Trích yếu (giảm dần)" in ws["A3"].value
    assert "30 dòng" in ws["A4"].value
    assert [c.value for c in ws[5]] == ["Số", "Trích yếu", "Ngày ban hành"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=6)]
    assert [r[1] for r in rows] == sorted((p.title for p in plans_a["issued"]), reverse=True)
    assert all(isinstance(r[2], datetime.datetime) for r in rows)  # dates stay dates
    assert ws.cell(6, 3).number_format.endswith("dd/mm/yyyy")


def test_export_title_follows_the_users_language(client_for, planner_a, plans_a):
    """The title line and sheet name are translated like the column headers (no Vietnamese
    title over English headers)."""
    client = client_for(planner_a)
    client.cookies["django_language"] = "en"
    ws = _sheet(client.get(reverse("lists:export", args=["plans"]), HTTP_ACCEPT_LANGUAGE="en"))
    assert ws["A2"].value == "LIST OF PLANS" and ws.title == "List of plans"
    assert "Title" in [c.value for c in ws[5]]


def test_export_respects_scoping(client_for, planner_a, planner, plans_a, agency_b):
    """The same queryset function as the list: B's plans never reach A's file."""
    ws = _sheet(client_for(planner_a).get(reverse("lists:export", args=["plans"])))
    titles = {r[1].value for r in ws.iter_rows(min_row=6)}
    assert titles == {p.title for p in plans_a["issued"] + plans_a["drafts"]}
    assert [c.value for c in ws[5]] == ["Số", "Trích yếu", "Loại", "Cơ quan ban hành", "Thời kỳ", "Ngày ban hành", "Trạng thái"]
    statuses = {r[1].value: r[6].value for r in ws.iter_rows(min_row=6)}  # choice labels in Vietnamese
    assert statuses["Kế hoạch A 00"] == "Đã ban hành" and statuses["Dự thảo A 0"] == "Dự thảo"
    assert {r[2].value for r in ws.iter_rows(min_row=6)} == {"Kế hoạch giai đoạn"}
    assert {r[4].value for r in ws.iter_rows(min_row=6)} == {"2024–2025"}
    assert "không có (toàn bộ dữ liệu bạn được xem)" in ws["A3"].value
    outsider = UserFactory(username="b_planner", agency=agency_b, is_planner=True)
    ws_b = _sheet(client_for(outsider).get(reverse("lists:export", args=["plans"])))
    assert {r[1].value for r in ws_b.iter_rows(min_row=6)} == {p.title for p in plans_a["others"]}


def test_registry_export_from_the_unfiltered_list(client_for, planner_a, commune_a, commune_b):
    """Issue 18 saw "Bộ lọc không hợp lệ" from the list as first opened: the export is bound."""
    org = OrganisationFactory(name="HTX Sơn Hạ", commune=commune_a, registration_code="4300100001")
    YearlyRecordFactory(organisation=org, year=2024, members=21, revenue=1_234_500_000)
    OrganisationFactory(name="HTX Ba Động", commune=commune_b)
    client = client_for(planner_a)
    _prefs(client, key="registry", page_size="50", columns=["members", "revenue"])
    ws = _sheet(client.get(reverse("lists:export", args=["registry"])))
    assert [c.value for c in ws[5]] == ["Tên", "Thành viên", "Doanh thu (triệu đồng)"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=6)]
    assert rows == [["HTX Sơn Hạ", 21, 1234.5]]
    assert ws.cell(6, 2).data_type == "n"


def test_export_with_invalid_filters_says_so(client_for, planner_a):
    response = client_for(planner_a).get(reverse("lists:export", args=["plans"]), {"year": "abc"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("plans:plan_list")
    assert "Bộ lọc không hợp lệ; chưa xuất dữ liệu." in _messages(response)


def test_export_needs_a_portal_role(client, no_role_user):
    url = reverse("lists:export", args=["plans"])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(no_role_user)
    assert client.get(url).status_code == 403


# --- the services under two users' clicks at once (PostgreSQL, real threads) ----------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (DATABASE_URL)")
def test_two_tabs_saving_the_last_allowed_filter_or_one_name_at_once(planner_a):
    """The 20th filter from two tabs at once: one is saved, the other refused with the limit;
    the same new name from two tabs: one is saved, the other refused as a duplicate. Nothing
    else (no IntegrityError, no 21st filter)."""
    from core import listservices
    from core.listtools import get_spec
    from tests.races import race

    spec = get_spec("plans")
    for n in range(MAX_SAVED_FILTERS - 1):
        SavedFilter.objects.create(user=planner_a, list_key="plans", name=f"Bộ lọc {n}", name_key=f"bộ lọc {n}", query="")
    outcomes = race(*[
        (lambda name=name: listservices.saved_filter_create(user=planner_a, spec=spec, name=name, query="status=issued"))
        for name in ("Tab một", "Tab hai")
    ])
    assert sorted(o for o, _ in outcomes) == ["ok", "refused"]
    assert next(v for o, v in outcomes if o == "refused").code == "too_many"
    assert SavedFilter.objects.filter(user=planner_a, list_key="plans").count() == MAX_SAVED_FILTERS

    SavedFilter.objects.filter(user=planner_a).delete()
    outcomes = race(*[
        (lambda name=name: listservices.saved_filter_create(user=planner_a, spec=spec, name=name, query=""))
        for name in ("Đã ban hành", "đã ban hành")
    ])
    assert sorted(o for o, _ in outcomes) == ["ok", "refused"]
    assert next(v for o, v in outcomes if o == "refused").code == "duplicate"
    assert SavedFilter.objects.filter(user=planner_a).count() == 1


def test_export_queries_do_not_grow_with_the_rows(client_for, planner_a, agency_a, django_assert_max_num_queries):
    """The export reads its rows in chunks with their joins: 35 plans cost what 5 do."""
    client = client_for(planner_a)
    url = reverse("lists:export", args=["plans"])
    IssuedPlanFactory.create_batch(5, issuer=agency_a)
    with CaptureQueriesContext(connection) as few:
        _sheet(client.get(url))
    IssuedPlanFactory.create_batch(30, issuer=agency_a)
    with django_assert_max_num_queries(len(few.captured_queries)):
        ws = _sheet(client.get(url))
    assert ws.max_row == 5 + 35  # four title lines and the header, then every plan
