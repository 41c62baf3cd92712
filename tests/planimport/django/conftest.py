"""Fixtures of the import page's Django tests: the agencies of the seed plans, as in
``directory/demo.py`` (same names and units), built with factories so no unit list is loaded.

When the reader's tests run without Django (``-p no:django``), this folder is skipped.
"""

import datetime

import pytest
from django.conf import settings

if not settings.configured:  # reader-only run: nothing here can work without Django
    collect_ignore_glob = ["test_*.py"]
else:
    from tests.directory.factories import AgencyFactory, DistrictFactory, ProvinceFactory, UserFactory

    @pytest.fixture
    def cast(db):
        """Units, agencies and users named as in the demo (see ``directory/demo.py``)."""
        qn = ProvinceFactory(name="Quảng Ngãi", code="51", valid_from=datetime.date(2025, 7, 1))
        sonha = DistrictFactory(name="Sơn Hà", code="529", parent=qn)
        sontay = DistrictFactory(name="Sơn Tây", code="530", parent=qn)
        kontum = ProvinceFactory(name="Kon Tum", code="62")
        ngochoi = DistrictFactory(name="Ngọc Hồi", code="611", parent=kontum)
        dongthap = ProvinceFactory(name="Đồng Tháp", code="87")
        thapmuoi = DistrictFactory(name="Tháp Mười", code="872", parent=dongthap)
        laichau = ProvinceFactory(name="Lai Châu", code="12")
        a = {
            "lmhtx_qn": AgencyFactory(
                name="Liên minh Hợp tác xã tỉnh Quảng Ngãi", short_name="LMHTX", kind="lmhtx", unit=qn
            ),
            "ubnd_qn": AgencyFactory(name="Ủy ban nhân dân tỉnh Quảng Ngãi", short_name="UBND", unit=qn),
            "ubnd_sonha": AgencyFactory(name="Ủy ban nhân dân huyện Sơn Hà", short_name="UBND", unit=sonha),
            "tckh_sonha": AgencyFactory(
                name="Phòng Tài chính - Kế hoạch huyện Sơn Hà", short_name="TCKH", kind="phong", unit=sonha
            ),
            "ubnd_sontay": AgencyFactory(name="Ủy ban nhân dân huyện Sơn Tây", short_name="UBND", unit=sontay),
            "ubnd_ngochoi": AgencyFactory(name="Ủy ban nhân dân huyện Ngọc Hồi", short_name="UBND", unit=ngochoi),
            "nn_ngochoi": AgencyFactory(
                name="Phòng Nông nghiệp và Phát triển nông thôn huyện Ngọc Hồi",
                short_name="NNPTNT",
                kind="phong",
                unit=ngochoi,
            ),
            "tckh_ngochoi": AgencyFactory(
                name="Phòng Tài chính - Kế hoạch huyện Ngọc Hồi", short_name="TCKH", kind="phong", unit=ngochoi
            ),
            "ubnd_dt_huyen": AgencyFactory(name="Ủy ban nhân dân huyện Tháp Mười", short_name="UBND", unit=thapmuoi),
            "nn_dt_huyen": AgencyFactory(
                name="Phòng Nông nghiệp và Phát triển nông thôn huyện Tháp Mười",
                short_name="NNPTNT",
                kind="phong",
                unit=thapmuoi,
            ),
            "ubnd_laichau": AgencyFactory(name="Ủy ban nhân dân tỉnh Lai Châu", short_name="UBND", unit=laichau),
            "hnd_laichau": AgencyFactory(name="Hội Nông dân tỉnh Lai Châu", short_name="HND", kind="hnd", unit=laichau),
        }
        # Governing bodies as in the demo: a Phòng drafts its People's Committee's plans, and
        # only those (issue 12: a planner imports plans for the issuers whose plans they write).
        for office, body in (("nn_ngochoi", "ubnd_ngochoi"), ("tckh_ngochoi", "ubnd_ngochoi"),
                             ("tckh_sonha", "ubnd_sonha"), ("nn_dt_huyen", "ubnd_dt_huyen")):
            a[office].parent = a[body]
            a[office].save()
        users = {
            "quangngai": UserFactory(username="quangngai", agency=a["lmhtx_qn"], is_planner=True),
            "lanhdao": UserFactory(username="lanhdao", agency=a["ubnd_qn"], is_leader=True),
            "sonha": UserFactory(username="sonha", agency=a["tckh_sonha"], is_reporter=True),
            "ngochoi": UserFactory(username="ngochoi", agency=a["nn_ngochoi"], is_planner=True),
            "dongthap": UserFactory(username="dongthap", agency=a["nn_dt_huyen"], is_planner=True),
            "laichau": UserFactory(username="laichau", agency=a["hnd_laichau"], is_planner=True),
            # The planners who enter seed 002 (UBND huyện Sơn Hà's) and 004 (UBND tỉnh Lai Châu's).
            "sonha_planner": UserFactory(username="sonha_planner", agency=a["tckh_sonha"], is_planner=True),
            "laichau_ubnd": UserFactory(username="laichau_ubnd", agency=a["ubnd_laichau"], is_planner=True),
        }
        units = {
            "qn": qn,
            "sonha": sonha,
            "sontay": sontay,
            "kontum": kontum,
            "ngochoi": ngochoi,
            "dongthap": dongthap,
            "thapmuoi": thapmuoi,
            "laichau": laichau,
        }
        return {"agencies": a, "users": users, "units": units}

    @pytest.fixture(autouse=True)
    def dispatch_at_once(monkeypatch):
        """The reading is sent to Celery after the upload's commit (``core.dispatch.dispatch``);
        the test database wraps each test in a transaction that never commits, so here the work
        is sent at once — eager Celery runs it as a worker would after the commit. Tests of the
        order itself (``test_async_django.py``) capture the on-commit callbacks instead."""
        from core import dispatch

        monkeypatch.setattr(dispatch, "dispatch", lambda task, *args, **kwargs: dispatch.send(task, *args, **kwargs))

    @pytest.fixture
    def seed_path():
        from tests.planimport.expected_seeds import SEED_DIR as DIR
        from tests.planimport.expected_seeds import SEED_FILES

        return lambda key: DIR / SEED_FILES[key]
