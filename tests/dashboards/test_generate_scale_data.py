"""generate_scale_data at a tiny scale on the test database."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from cooperatives.models import Organisation, YearlyRecord
from directory.models import AdministrativeUnit, Agency, User
from plans.models import Plan, PlanTarget
from reports.models import Obligation, ReportedValue, ReportingPeriod
from tests.directory.factories import CommuneFactory, ProvinceFactory

pytestmark = pytest.mark.django_db

TODAY = "2026-11-25"


@pytest.fixture
def units(db):
    provinces = [ProvinceFactory(code=f"{i:02d}", valid_from=datetime.date(2025, 7, 1)) for i in (1, 2)]
    for p in provinces:
        for _ in range(5):
            CommuneFactory(parent=p, valid_from=datetime.date(2025, 7, 1))
    return provinces


def run(*args):
    out = io.StringIO()
    call_command(
        "generate_scale_data", *args, "--force-sqlite", "--skip-units", f"--today={TODAY}", stdout=out
    ) if connection.vendor == "sqlite" else call_command(
        "generate_scale_data", *args, "--skip-units", f"--today={TODAY}", stdout=out
    )
    return out.getvalue()


def counts():
    return {
        "orgs": Organisation.objects.count(),
        "records": YearlyRecord.objects.count(),
        "plans": Plan.objects.count(),
        "targets": PlanTarget.objects.count(),
        "periods": ReportingPeriod.objects.count(),
        "reports": Obligation.objects.count(),
        "values": ReportedValue.objects.count(),
        "agencies": Agency.objects.count(),
        "units": AdministrativeUnit.objects.count(),
    }


def test_tiny_scale_builds_a_consistent_data_set(units):
    run("--scale=0.002")
    c = counts()
    assert c["orgs"] == 200
    assert c["plans"] == 4 and c["targets"] == 80
    assert 0 < c["values"] <= 1000
    assert c["records"] > c["orgs"]  # several years per organisation
    # Pre-07/2025 provinces precede the current ones and hold districts.
    old = AdministrativeUnit.objects.filter(code__startswith="S", level="province")
    assert old.count() == 2 and all(o.successors.count() == 1 for o in old)
    assert AdministrativeUnit.objects.filter(level="district", parent__in=old).exists()
    assert User.objects.filter(username="scale_leader_01", is_leader=True).exists()
    # Every reported value belongs to a report of a period of its own target's plan.
    assert not ReportedValue.objects.exclude(obligation__period__requirement__plan=models_F("target__plan")).exists()
    # Quarterly periods over at most 20 quarters, deadlines on the 25th.
    years = set(ReportingPeriod.objects.values_list("start__year", flat=True))
    assert min(years) >= 2022 and max(years) <= 2026
    assert set(ReportingPeriod.objects.values_list("due_date__day", flat=True)) == {25}


def models_F(name):
    from django.db.models import F

    return F(name)


def test_idempotent_and_reset_rebuilds_the_same(units):
    run("--scale=0.002")
    first = counts()
    out = run("--scale=0.002")
    assert "already" in out and counts() == first
    run("--scale=0.002", "--reset")
    assert counts() == first


def test_refuses_sqlite_without_flag_and_large_scales(units):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite guard")
    with pytest.raises(CommandError):
        call_command("generate_scale_data", "--scale=0.001", "--skip-units", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("generate_scale_data", "--scale=0.5", "--force-sqlite", "--skip-units", stdout=io.StringIO())


def test_dashboard_reads_the_generated_data(units, client):
    from django.urls import reverse

    run("--scale=0.002")
    leader = User.objects.get(username="scale_leader_01")
    client.force_login(leader)
    response = client.get(reverse("dashboards:home") + "?year=2026")
    assert response.status_code == 200
