"""Pages of the registry: permissions for every view, query counts, forms, export, import flow."""

import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cooperatives import excel
from cooperatives.models import ImportBatch, Organisation, YearlyRecord
from tests.cooperatives.factories import OrganisationFactory, YearlyRecordFactory, sector
from tests.cooperatives.test_import import good_rows, workbook, xlsx_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def org_a(commune_a):
    org = OrganisationFactory(
        name="HTX Nông nghiệp Sơn Hạ",
        commune=commune_a,
        registration_code="4300100001",
        sectors=[sector("nong-nghiep")],
    )
    YearlyRecordFactory(organisation=org, year=2023, revenue=800_000_000)
    YearlyRecordFactory(organisation=org, year=2024)
    return org


@pytest.fixture
def org_b(commune_b):
    return OrganisationFactory(name="HTX Ba Động", commune=commune_b)


@pytest.fixture
def batch_a(planner_a):
    from django.core.files.base import ContentFile

    batch = ImportBatch(
        original_name="a.xlsx", sha256="0" * 64, uploaded_by=planner_a, status=ImportBatch.Status.INVALID
    )
    batch.file.save("a.xlsx", ContentFile(b"x"), save=False)
    batch.save()
    return batch


# (url name, kwargs builder, method, roles allowed) — every view of the app.
READ = ("planner", "reporter", "leader")
WRITE = ("planner",)  # issue 12: reporters read the registry, planners write it
VIEWS = [
    ("organisation_list", lambda o, b: {}, "get", READ),
    ("organisation_export", lambda o, b: {}, "get", READ),
    ("organisation_detail", lambda o, b: {"pk": o.pk}, "get", READ),
    ("organisation_create", lambda o, b: {}, "get", WRITE),
    ("organisation_update", lambda o, b: {"pk": o.pk}, "get", WRITE),
    ("organisation_dissolve", lambda o, b: {"pk": o.pk}, "get", WRITE),
    ("record_create", lambda o, b: {"pk": o.pk}, "get", WRITE),
    ("record_update", lambda o, b: {"pk": o.pk, "year": 2024}, "get", WRITE),
    ("import_upload", lambda o, b: {}, "get", WRITE),
    ("import_template", lambda o, b: {}, "get", WRITE),
    ("import_detail", lambda o, b: {"pk": b.pk}, "get", WRITE),
    ("import_status", lambda o, b: {"pk": b.pk}, "get", WRITE),
    ("import_confirm", lambda o, b: {"pk": b.pk}, "post", WRITE),
]
OBJECT_VIEWS = {"organisation_detail", "organisation_update", "organisation_dissolve", "record_create", "record_update"}
BATCH_VIEWS = {"import_detail", "import_status", "import_confirm"}


@pytest.fixture
def users(planner_a, reporter_a, agency_a):
    from tests.directory.factories import UserFactory

    leader_a = UserFactory(username="leader_a", agency=agency_a, is_leader=True)
    return {"planner": planner_a, "reporter": reporter_a, "leader": leader_a}


def _url(name, kwargs):
    return reverse(f"cooperatives:{name}", kwargs=kwargs)


@pytest.mark.parametrize("name,kwargs,method,allowed", VIEWS, ids=[v[0] for v in VIEWS])
class TestPermissions:
    def test_anonymous_goes_to_login(self, client, org_a, batch_a, name, kwargs, method, allowed):
        response = getattr(client, method)(_url(name, kwargs(org_a, batch_a)))
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")

    def test_roles(self, client_for, users, org_a, batch_a, name, kwargs, method, allowed):
        """Allowed roles get 200 (or a redirect for POST); the others 403."""
        for role, user in users.items():
            response = getattr(client_for(user), method)(_url(name, kwargs(org_a, batch_a)))
            if role in allowed:
                if name in BATCH_VIEWS and role != "planner":
                    assert response.status_code == 404, (role, response.status_code)  # not their upload
                else:
                    assert response.status_code in (200, 302), (role, response.status_code)
            else:
                assert response.status_code == 403, (role, response.status_code)

    def test_user_without_role_403(self, client_for, no_role_user, org_a, batch_a, name, kwargs, method, allowed):
        response = getattr(client_for(no_role_user), method)(_url(name, kwargs(org_a, batch_a)))
        assert response.status_code == 403


SCOPED = [v for v in VIEWS if v[0] in OBJECT_VIEWS | BATCH_VIEWS]


@pytest.mark.parametrize("name,kwargs,method,allowed", SCOPED, ids=[v[0] for v in SCOPED])
def test_other_district_404(client_for, planner_b, org_a, batch_a, name, kwargs, method, allowed):
    """An organisation of district A, or A's upload, is a 404 for district B's reporter."""
    response = getattr(client_for(planner_b), method)(_url(name, kwargs(org_a, batch_a)))
    assert response.status_code == 404


class TestList:
    def test_scoped_and_constant_queries(
        self, client_for, planner_a, commune_a, org_a, org_b, django_assert_max_num_queries
    ):
        """District A's reporter sees A's organisations only; 5 or 40 rows cost the same queries."""
        client = client_for(planner_a)
        response = client.get(reverse("cooperatives:organisation_list"))
        body = response.content.decode()
        assert "HTX Nông nghiệp Sơn Hạ" in body and "HTX Ba Động" not in body
        for _i in range(40):
            YearlyRecordFactory(organisation=OrganisationFactory(commune=commune_a), year=2024)
        with django_assert_max_num_queries(16):
            response = client.get(
                reverse("cooperatives:organisation_list"), {"kind": "htx", "year": 2024, "ordering": "-name"}
            )
        assert response.status_code == 200
        assert len(response.context["organisations"]) == 41

    def test_accent_insensitive_search(self, client_for, planner_a, org_a):
        response = client_for(planner_a).get(reverse("cooperatives:organisation_list"), {"q": "nong nghiep son ha"})
        assert list(response.context["organisations"]) == [org_a]

    def test_bad_filter_values_do_not_break(self, client_for, planner_a, org_a):
        response = client_for(planner_a).get(
            reverse("cooperatives:organisation_list"), {"year": "abc", "kind": "zzz", "unit": "999999"}
        )
        assert response.status_code == 200


class TestDetail:
    def test_years_side_by_side_and_chart(self, client_for, leader, org_a, django_assert_max_num_queries):
        client = client_for(leader)
        client.get(org_a.get_absolute_url())
        with django_assert_max_num_queries(12):
            response = client.get(org_a.get_absolute_url())
        body = response.content.decode()
        assert '<th scope="col" class="text-end">2023' in body and "2024" in body
        assert "vendor/chartjs/chart.umd.min.js" in body and "cdn" not in body.lower()
        assert ">800<" in body  # revenue of 2023 in million VND, Vietnamese format


class TestForms:
    def test_create_organisation(self, client_for, planner_a, commune_a):
        response = client_for(planner_a).post(
            reverse("cooperatives:organisation_create"),
            {
                "kind": "htx",
                "name": "HTX Mới",
                "commune": commune_a.pk,
                "status": "active",
                "sectors": [sector("nong-nghiep").pk],
                "founded": "05/03/2024",
            },
        )
        org = Organisation.objects.get(name="HTX Mới")
        assert response.status_code == 302 and response["Location"] == org.get_absolute_url()
        assert org.is_agricultural and org.founded.isoformat() == "2024-03-05"

    def test_create_in_other_district_refused(self, client_for, planner_a, commune_b):
        response = client_for(planner_a).post(
            reverse("cooperatives:organisation_create"),
            {"kind": "htx", "name": "HTX", "commune": commune_b.pk, "status": "active"},
        )
        assert response.status_code == 200 and not Organisation.objects.exists()

    def test_update_and_dissolve(self, client_for, planner_a, org_a):
        client = client_for(planner_a)
        response = client.post(
            reverse("cooperatives:organisation_update", args=[org_a.pk]),
            {
                "kind": "htx",
                "name": "HTX Sơn Hạ mới",
                "commune": org_a.commune_id,
                "status": "active",
                "registration_code": "4300100001",
            },
        )
        assert response.status_code == 302
        org_a.refresh_from_db()
        assert org_a.name == "HTX Sơn Hạ mới" and not org_a.is_agricultural
        response = client.post(
            reverse("cooperatives:organisation_dissolve", args=[org_a.pk]), {"dissolved": "01/07/2025"}
        )
        assert response.status_code == 302
        org_a.refresh_from_db()
        assert org_a.status == "dissolved"

    def test_record_create_duplicate_year_and_update(self, client_for, planner_a, org_a):
        client = client_for(planner_a)
        data = {"year": 2024, "rating": "tot", "ocop_products": 0, "growing_area_codes": 0}
        response = client.post(reverse("cooperatives:record_create", args=[org_a.pk]), data)
        assert response.status_code == 200 and "year" in response.context["form"].errors
        response = client.post(
            reverse("cooperatives:record_create", args=[org_a.pk]), {**data, "year": 2025, "members": 30}
        )
        assert response.status_code == 302 and org_a.records.get(year=2025).members == 30
        response = client.post(
            reverse("cooperatives:record_update", args=[org_a.pk, 2025]),
            {**data, "members": 31, "managers": 1, "managers_degree": 2},
        )
        assert response.status_code == 200  # degree > managers
        response = client.post(reverse("cooperatives:record_update", args=[org_a.pk, 2025]), {**data, "members": 31})
        assert response.status_code == 302 and org_a.records.get(year=2025).members == 31


class TestExport:
    def test_export_reads_back(self, client_for, planner_a, org_a, org_b, commune_a):
        """The export has the header block, a frozen header row, Vietnamese number formats and only A's rows."""
        injected = OrganisationFactory(
            name='=HYPERLINK("http://evil.example","x")', commune=commune_a, main_products="+84 cà phê"
        )
        YearlyRecordFactory(organisation=injected, year=2024)
        response = client_for(planner_a).get(reverse("cooperatives:organisation_export"), {"year": 2024})
        assert response.status_code == 200
        data = b"".join(response.streaming_content)
        wb = load_workbook(io.BytesIO(data))
        ws = wb[excel.SHEET_NAME]
        assert ws["A1"].value == planner_a.agency.name.upper()
        assert ws["A2"].value == "DANH SÁCH TỔ CHỨC KINH TẾ TẬP THỂ"
        assert ws["A5"].value.startswith("ĐVT")
        assert ws.freeze_panes == "C7"
        assert [c.value for c in ws[6]] == [c.header for c in excel.COLUMNS]
        rows = {r[1].value: r for r in ws.iter_rows(min_row=7)}
        assert set(rows) == {org_a.name, injected.name}
        revenue_col = [c.key for c in excel.COLUMNS].index("revenue")
        cell = rows[org_a.name][revenue_col]
        assert cell.value == 900_000_000 and cell.number_format == excel.NUMBER_FORMAT
        evil = rows[injected.name][1]
        assert evil.data_type == "s" and evil.value.startswith("=HYPERLINK") and evil.quotePrefix
        with __import__("zipfile").ZipFile(io.BytesIO(data)) as archive:
            sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
        assert "<f>" not in sheet_xml and "<f " not in sheet_xml

    def test_export_unfiltered_list(self, client_for, planner_a, org_a):
        """The export from the list as first opened (no query string) exports, not "filters invalid"."""
        response = client_for(planner_a).get(reverse("cooperatives:organisation_export"))
        assert response.status_code == 200, response.headers.get("Location")
        wb = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        names = [r[1].value for r in wb[excel.SHEET_NAME].iter_rows(min_row=7)]
        assert org_a.name in names

    def test_export_reimports_unchanged(self, client_for, planner_a, org_a, xlsx_upload):
        """An exported list uploaded again changes nothing."""
        from cooperatives import services

        response = client_for(planner_a).get(reverse("cooperatives:organisation_export"), {"year": 2024})
        data = b"".join(response.streaming_content)
        batch = services.import_batch_check(
            batch=services.import_batch_create(uploaded_file=xlsx_upload(data), acting_user=planner_a)
        )
        assert batch.status == ImportBatch.Status.CHECKED, batch.errors
        assert batch.preview[0]["org"] == "unchanged" and batch.preview[0]["record"] == "unchanged"


class TestImportFlow:
    def test_upload_check_preview_confirm(
        self, client_for, planner_a, commune_a, xlsx_upload, django_capture_on_commit_callbacks
    ):
        client = client_for(planner_a)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("cooperatives:import_upload"), {"file": xlsx_upload(workbook(good_rows()))})
        batch = ImportBatch.objects.get()
        assert response["Location"] == reverse("cooperatives:import_detail", args=[batch.pk])
        page = client.get(response["Location"]).content.decode()
        assert "HTX Nông nghiệp Sơn Hạ" in page and reverse("cooperatives:import_confirm", args=[batch.pk]) in page
        status = client.get(reverse("cooperatives:import_status", args=[batch.pk]))
        assert status["HX-Refresh"] == "true"
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("cooperatives:import_confirm", args=[batch.pk]))
        batch.refresh_from_db()
        assert batch.status == ImportBatch.Status.DONE
        assert Organisation.objects.count() == 2 and YearlyRecord.objects.count() == 2

    def test_refused_upload_shows_message(self, client_for, planner_a):
        from django.core.files.uploadedfile import SimpleUploadedFile

        response = client_for(planner_a).post(
            reverse("cooperatives:import_upload"), {"file": SimpleUploadedFile("x.xlsx", b"not a workbook")}
        )
        assert response.status_code == 200
        assert "Tệp không phải là bảng tính Excel (.xlsx)." in response.content.decode()

    def test_running_batch_polls_status(self, client_for, planner_a, batch_a):
        ImportBatch.objects.filter(pk=batch_a.pk).update(status=ImportBatch.Status.CHECKING)
        page = client_for(planner_a).get(reverse("cooperatives:import_detail", args=[batch_a.pk])).content.decode()
        assert re.search(r'hx-get="[^"]+/status/"', page) and 'role="progressbar"' in page

    def test_preview_shows_the_address_conversion(self, client_for, planner_a, batch_a):
        """A row whose commune came from an old-style address shows "old → new" (issue 14)."""
        conversion = "xã Sơn Hạ, huyện Sơn Hà, tỉnh Quảng Ngãi → xã Sơn Hạ, tỉnh Quảng Ngãi"
        ImportBatch.objects.filter(pk=batch_a.pk).update(
            status=ImportBatch.Status.CHECKED,
            preview=[
                {"row": 2, "name": "HTX A", "year": 2024, "org": "create", "record": "create", "changes": [],
                 "errors": [], "conversion": conversion},
                {"row": 3, "name": "HTX B", "year": 2024, "org": "create", "record": "create", "changes": [],
                 "errors": []},  # a batch checked before the conversion existed
            ],
        )
        page = client_for(planner_a).get(reverse("cooperatives:import_detail", args=[batch_a.pk])).content.decode()
        assert page.count("Xã (theo địa chỉ)") == 1 and conversion in page

    def test_template_download(self, client_for, planner_a, commune_a):
        response = client_for(planner_a).get(reverse("cooperatives:import_template"))
        wb = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        assert commune_a.code in [c.value for c in wb[excel.LIST_SHEET]["E"]]


def test_home_panel(client_for, planner_a, org_a, leader):
    body = client_for(planner_a).get("/").content.decode()
    assert reverse("cooperatives:organisation_list") in body
    assert "cooperatives/panels" not in body


__all__ = ["xlsx_bytes"]


@pytest.mark.django_db
@pytest.mark.parametrize("year", ["²", "١٢", "2024²", "abc", "-1", str(10**23)])
def test_registry_list_odd_year_falls_back_to_latest(client_for, planner_a, org_a, year):
    """``?year=²`` (a digit to ``str.isdigit`` that ``int`` refuses) was a 500 on the registry list and
    its export; any year that is not a plain number in range shows the latest year, as an empty one does."""
    client = client_for(planner_a)
    response = client.get(reverse("cooperatives:organisation_list"), {"year": year})
    assert response.status_code == 200 and response.context["view"].year == 2024
    assert client.get(reverse("cooperatives:organisation_export"), {"year": year}).status_code in (200, 302)
