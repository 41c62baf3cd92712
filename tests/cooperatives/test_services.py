"""Services: validation, audit, search text, agricultural flag, area rules."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cooperatives import services
from cooperatives.models import Organisation, YearlyRecord
from core.models import AuditLog
from tests.cooperatives.factories import OrganisationFactory, sector

pytestmark = pytest.mark.django_db


def create(user, commune, **kw):
    data = dict(kind="htx", name="Hợp tác xã Nông nghiệp Sơn Hạ", commune=commune, registration_code="4300123456")
    data.update(kw)
    return services.organisation_create(acting_user=user, **data)


class TestOrganisationCreate:
    def test_creates_with_audit_search_text_and_agricultural_flag(self, planner, commune_a):
        """A planner records an HTX: folded search text, agricultural from its sectors, one audit row."""
        org = create(planner, commune_a, sectors=[sector("nong-nghiep")], main_products="Quế, keo")
        assert org.is_agricultural is True
        assert "hop tac xa nong nghiep son ha" in org.search_text
        assert "que, keo" in org.search_text and "son ha" in org.search_text
        assert AuditLog.objects.filter(action="organisation.create", object_id=str(org.pk), actor=planner).exists()

    def test_non_agricultural_sectors(self, planner, commune_a):
        org = create(planner, commune_a, sectors=[sector("thuong-mai-dich-vu")])
        assert org.is_agricultural is False

    def test_duplicate_code_per_kind_refused(self, planner, commune_a):
        """The registration code is unique within a kind, not across kinds."""
        create(planner, commune_a)
        with pytest.raises(ValidationError) as exc:
            create(planner, commune_a, name="Khác")
        assert "registration_code" in exc.value.message_dict
        create(planner, commune_a, kind="tht", name="Tổ hợp tác")
        assert Organisation.objects.count() == 2

    def test_dissolved_before_founded_refused(self, planner, commune_a):
        with pytest.raises(ValidationError) as exc:
            create(planner, commune_a, founded=datetime.date(2020, 1, 1), dissolved=datetime.date(2019, 1, 1))
        assert "dissolved" in exc.value.message_dict
        assert not Organisation.objects.exists()

    def test_reporter_outside_area_refused(self, planner_b, commune_a):
        """A reporter of district B cannot file an organisation in district A."""
        with pytest.raises(ValidationError) as exc:
            create(planner_b, commune_a)
        assert "commune" in exc.value.message_dict
        assert not Organisation.objects.exists()

    def test_reporter_inside_area_allowed(self, planner_a, commune_a):
        assert create(planner_a, commune_a).pk

    def test_leader_cannot_write(self, leader, commune_a):
        with pytest.raises(PermissionDenied):
            create(leader, commune_a)

    def test_district_is_not_a_commune(self, planner, district_a):
        with pytest.raises(ValidationError) as exc:
            create(planner, district_a)
        assert "commune" in exc.value.message_dict


class TestOrganisationUpdate:
    def test_update_keeps_flag_and_search_in_step(self, planner, commune_a):
        org = create(planner, commune_a, sectors=[sector("nong-nghiep")])
        services.organisation_update(
            organisation=org, acting_user=planner, sectors=[sector("van-tai")], name="HTX Vận tải Sơn Hạ"
        )
        org.refresh_from_db()
        assert org.is_agricultural is False
        assert "htx van tai son ha" in org.search_text
        assert AuditLog.objects.filter(action="organisation.update", object_id=str(org.pk)).exists()

    def test_cannot_move_outside_area(self, planner_a, commune_a, commune_b):
        org = create(planner_a, commune_a)
        with pytest.raises(ValidationError):
            services.organisation_update(organisation=org, acting_user=planner_a, commune=commune_b)
        org.refresh_from_db()
        assert org.commune == commune_a

    def test_cannot_grow_from_itself(self, planner, commune_a):
        org = create(planner, commune_a)
        with pytest.raises(ValidationError):
            services.organisation_update(organisation=org, acting_user=planner, founded_from=org)


class TestDissolve:
    def test_dissolve(self, planner, commune_a):
        org = create(planner, commune_a, founded=datetime.date(2015, 1, 1))
        services.organisation_dissolve(
            organisation=org, acting_user=planner, dissolved=datetime.date(2024, 6, 30), reason="Theo nghị quyết"
        )
        org.refresh_from_db()
        assert org.status == "dissolved" and org.dissolved == datetime.date(2024, 6, 30)
        with pytest.raises(ValidationError):
            services.organisation_dissolve(organisation=org, acting_user=planner, dissolved=datetime.date(2024, 7, 1))

    def test_dissolve_before_founding_refused(self, planner, commune_a):
        org = create(planner, commune_a, founded=datetime.date(2015, 1, 1))
        with pytest.raises(ValidationError):
            services.organisation_dissolve(organisation=org, acting_user=planner, dissolved=datetime.date(2014, 1, 1))
        org.refresh_from_db()
        assert org.status == "active"


class TestRecordUpsert:
    def test_create_then_update(self, planner, commune_a):
        org = create(planner, commune_a)
        record, created = services.record_upsert(
            organisation=org, year=2024, acting_user=planner, members=20, revenue=Decimal("900000000")
        )
        assert created and record.members == 20
        record, created = services.record_upsert(organisation=org, year=2024, acting_user=planner, members=25)
        assert not created and record.members == 25 and record.revenue == Decimal("900000000")
        assert YearlyRecord.objects.count() == 1
        assert AuditLog.objects.filter(action="record.update").count() == 1

    def test_unchanged_writes_nothing(self, planner, commune_a):
        org = create(planner, commune_a)
        services.record_upsert(organisation=org, year=2024, acting_user=planner, members=20)
        before = AuditLog.objects.count()
        services.record_upsert(organisation=org, year=2024, acting_user=planner, members=20)
        assert AuditLog.objects.count() == before

    def test_managers_with_degree_cannot_exceed_managers(self, planner, commune_a):
        org = create(planner, commune_a)
        with pytest.raises(ValidationError) as exc:
            services.record_upsert(organisation=org, year=2024, acting_user=planner, managers=2, managers_degree=3)
        assert "managers_degree" in exc.value.message_dict
        assert not YearlyRecord.objects.exists()

    def test_negative_revenue_refused(self, planner, commune_a):
        org = create(planner, commune_a)
        with pytest.raises(ValidationError):
            services.record_upsert(organisation=org, year=2024, acting_user=planner, revenue=Decimal("-1"))

    def test_year_out_of_range(self, planner, commune_a):
        org = create(planner, commune_a)
        with pytest.raises(ValidationError):
            services.record_upsert(organisation=org, year=1800, acting_user=planner)

    def test_other_district_reporter_refused(self, planner_b, commune_a):
        org = OrganisationFactory(commune=commune_a)
        with pytest.raises(ValidationError):
            services.record_upsert(organisation=org, year=2024, acting_user=planner_b, members=1)


def test_model_constraint_dissolved_after_founded(commune_a):
    """The database refuses a dissolution before the founding even without the service."""
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(
            kind="htx",
            name="X",
            commune=commune_a,
            founded=datetime.date(2020, 1, 1),
            dissolved=datetime.date(2019, 1, 1),
        )
