"""Demo data: the accounts of DOMAIN.md, agencies by key, load_demo idempotent and guarded."""

from datetime import date
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db.models import Max

from directory import demo
from directory.models import AgencyKind, User
from directory.selectors import agencies_visible_to

pytestmark = pytest.mark.django_db
TODAY = "2026-11-25"


def snapshot() -> dict:
    """Row count and latest ``modified`` of every model, to compare two runs."""
    state = {}
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        qs = model._default_manager.all()
        fields = {f.name for f in model._meta.concrete_fields}
        state[model._meta.label] = (qs.count(), qs.aggregate(m=Max("modified"))["m"] if "modified" in fields else None)
    return state


@pytest.fixture
def directory_demo(demo_directory):
    return demo_directory


class TestDirectoryDemo:
    def test_every_key_resolves(self, directory_demo):
        """Every agency and unit key of the contract exists, at the unit its key names."""
        for key in demo.UNITS:
            assert demo.unit(key).pk
        for key, spec in demo.AGENCIES.items():
            assert demo.agency(key).unit == demo.unit(spec["unit"])
        assert demo.unit("qn").valid_from == date(2025, 7, 1)
        assert demo.unit("qn_old").valid_to == date(2025, 6, 30)
        assert demo.unit("pleikan").kind == "thị trấn"

    def test_agencies_carry_document_data(self, directory_demo):
        """Kinds, short names, parents and header lines are as documents print them."""
        lmhtx = demo.agency("lmhtx_qn")
        assert (lmhtx.kind, lmhtx.short_name) == (AgencyKind.COOP_ALLIANCE, "LMHTX")
        assert lmhtx.header_lines == ["LIÊN MINH HỢP TÁC XÃ", "TỈNH QUẢNG NGÃI"]
        office = demo.agency("nn_ngochoi")
        assert office.parent == demo.agency("ubnd_ngochoi") and office.kind == AgencyKind.OFFICE
        assert office.header_parent_line == "UBND HUYỆN NGỌC HỒI"
        assert demo.agency("ubnd_ngochoi").header_lines == ["ỦY BAN NHÂN DÂN", "HUYỆN NGỌC HỒI"]
        assert demo.agency("hnd_laichau").kind == AgencyKind.FARMERS_UNION

    def test_accounts(self, directory_demo):
        """The ten demo accounts of DOMAIN.md exist with their roles, agency and password."""
        expected = {
            "admin": None, "quangngai": "lmhtx_qn", "sonha": "ubnd_xa_sonha", "ngochoi": "kt_boy",
            "xa_ngochoi": "ubnd_boy", "dongthap": "kt_thapmuoi", "laichau": "hnd_laichau", "lanhdao": "ubnd_qn",
            "vanthu": "ubnd_qn", "sotaichinh": "stc_qn",
        }
        for username, key in expected.items():
            user = User.objects.get(username=username)
            assert user.check_password(demo.DEMO_PASSWORD)
            assert user.agency == (demo.agency(key) if key else None)
            assert user.full_name and user.email.endswith("@coopplan.example")
        assert User.objects.get(username="admin").is_superuser
        assert User.objects.get(username="quangngai").is_planner
        assert User.objects.get(username="sonha").is_reporter
        assert User.objects.get(username="lanhdao").is_leader
        assert User.objects.get(username="vanthu").roles == ["clerk"]
        assert User.objects.get(username="sotaichinh").roles == ["planner"]

    def test_accounts_work_in_live_agencies(self, directory_demo):
        """Every demo account's agency is alive today, at a unit in force; where the former
        agency was abolished on 30/06/2025 it names the account's agency as its successor."""
        for user in User.objects.filter(agency__isnull=False).select_related("agency__unit"):
            assert user.agency.valid_to is None, user.username
            assert user.agency.unit.valid_to is None, user.username
        formerly = {spec["username"]: spec["formerly"] for spec in demo.USERS if spec.get("formerly")}
        assert formerly == {"sonha": "tckh_sonha", "ngochoi": "nn_ngochoi", "xa_ngochoi": "ubnd_pleikan", "dongthap": "nn_dt_huyen"}
        for username, key in formerly.items():
            old = demo.agency(key)
            assert old.valid_to == date(2025, 6, 30) and old.successor == User.objects.get(username=username).agency
        assert demo.agency("ubnd_xa_sonha").unit.full_name == "xã Sơn Hà"
        assert demo.agency("ubnd_boy").unit.full_name == "xã Bờ Y"
        assert demo.agency("ubnd_boy").unit.parent == demo.unit("qn")
        assert demo.agency("kt_thapmuoi").unit.full_name == "xã Tháp Mười"
        assert demo.agency("kt_boy").header_parent_line == "UBND XÃ BỜ Y"
        assert demo.agency("stc_qn").header_parent_line == "UBND TỈNH QUẢNG NGÃI"
        # The successor communes are the library's successors of the former district seats.
        assert demo.unit("pleikan").successors.get() == demo.unit("boy")

    def test_successor_reads_predecessor_records(self, directory_demo):
        """The successor agency's staff see what their former agency had in its area."""
        sonha = User.objects.get(username="sonha")
        visible = set(agencies_visible_to(sonha))
        assert {demo.agency("tckh_sonha"), demo.agency("ubnd_sonha"), demo.agency("ubnd_xa_sonha")} <= visible
        assert demo.agency("ubnd_boy") not in visible
        ngochoi = set(agencies_visible_to(User.objects.get(username="ngochoi")))
        assert {demo.agency("nn_ngochoi"), demo.agency("ubnd_pleikan"), demo.agency("kt_boy")} <= ngochoi

    def test_areas(self, directory_demo):
        """The provincial leader sees Sơn Hà and Ngọc Hồi (old Kon Tum); Sơn Hà's reporter sees neither the province nor Ngọc Hồi."""
        leader = agencies_visible_to(User.objects.get(username="lanhdao"))
        assert {demo.agency("tckh_sonha"), demo.agency("nn_ngochoi"), demo.agency("ubnd_pleikan")} <= set(leader)
        assert demo.agency("hnd_laichau") not in leader
        reporter = set(agencies_visible_to(User.objects.get(username="sonha")))
        assert demo.agency("ubnd_sonha") in reporter
        assert demo.agency("lmhtx_qn") not in reporter and demo.agency("nn_ngochoi") not in reporter


def test_load_demo_twice_changes_nothing(settings):
    """A second load_demo run adds no row and touches no row of any model."""
    settings.DEBUG = True
    out = StringIO()
    call_command("load_demo", today=date.fromisoformat(TODAY), stdout=out)
    first = snapshot()
    assert first["directory.User"][0] >= 8
    call_command("load_demo", today=date.fromisoformat(TODAY), stdout=out)
    assert snapshot() == first
    text = out.getvalue()
    assert "units: already loaded" in text
    for username in ("admin", "quangngai", "sonha", "ngochoi", "xa_ngochoi", "dongthap", "laichau", "lanhdao",
                     "vanthu", "sotaichinh"):
        assert username in text
    assert "Ủy ban nhân dân xã Sơn Hà (formerly Phòng Tài chính - Kế hoạch huyện Sơn Hà)" in text
    assert "coopplan-demo" in text


def test_load_demo_refuses_without_debug(settings):
    """With DEBUG off, load_demo refuses unless forced."""
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_demo", stdout=StringIO())
    assert not User.objects.exists()


def test_load_demo_force_and_today(settings, monkeypatch):
    """--force runs with DEBUG off, and --today reaches every app's loader."""
    settings.DEBUG = False
    seen = []
    real_load = demo.load
    monkeypatch.setattr(demo, "load", lambda *, stdout, today: (seen.append(today), real_load(stdout=stdout, today=today)))
    from directory.management.commands import load_demo

    monkeypatch.setattr(load_demo, "APPS", ["directory"])
    call_command("load_demo", "--force", "--today", "2027-01-15", stdout=StringIO())
    assert seen == [date(2027, 1, 15)]
    assert User.objects.filter(username="quangngai").exists()
