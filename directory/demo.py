"""Demo agencies and users (``manage.py load_demo`` runs this first).

The agencies are the issuers and reporting bodies of the five seed plans (see
``../shared/seeds/README.md``), at the administrative units those plans refer to. Other
apps' loaders reach them through ``agency(key)`` and ``unit(key)``, never by name, so the
names below can be corrected in one place.

Assumptions the seed documents do not settle, stated here once:
* Seed 003 names no district of Đồng Tháp; the demo files it under huyện Tháp Mười.
* District and commune offices of the seed plans ended with their units on 30/06/2025
  (``valid_to``) and name a successor (``successor``): the agency their staff and records
  moved to. A district's People's Committee and its offices pass to the People's Committee
  (or its Phòng Kinh tế) of the commune that took over the district seat, as the mapping
  library ``vietnamadminunits`` names it: thị trấn Di Lăng → xã Sơn Hà, thị trấn Plei Kần →
  xã Bờ Y (Quảng Ngãi), thị trấn Mỹ An → xã Tháp Mười, the seat of Sơn Tây → xã Sơn Tây.
* Phòng Tài chính - Kế hoạch huyện Sơn Hà passes to UBND xã Sơn Hà (DOMAIN.md's stable
  surface: the demo reporter ``sonha`` works there now and still reads the office's records).
* The Liên minh HTX, UBND, Sở Tài chính, Sở Nông nghiệp và Môi trường and Hội Nông dân of a
  province sit at the province in force since 01/07/2025; its area includes the old
  provinces that merged into it.
* The live plan (2026–2027) names only agencies alive today: those with ``valid_from`` on or
  after 01/07/2025 or without ``valid_to``.

Everything is written through ``directory.services`` (create or update, save only on a
difference), so running it again changes nothing.
"""

from datetime import date

from .models import AdministrativeUnit, Agency, AgencyKind, UnitLevel
from .services import agency_upsert, user_upsert
from .units import CURRENT_VALID_FROM, PREVIOUS_VALID_TO

DEMO_PASSWORD = "coopplan-demo"

# key → (code, level, current?) of a unit loaded by ``load_units``.
UNITS = {
    "qn": ("51", UnitLevel.PROVINCE, True),
    "qn_old": ("51", UnitLevel.PROVINCE, False),
    "kontum_old": ("62", UnitLevel.PROVINCE, False),
    "dongthap_old": ("87", UnitLevel.PROVINCE, False),
    "dongthap": ("82", UnitLevel.PROVINCE, True),
    "laichau": ("12", UnitLevel.PROVINCE, True),
    "laichau_old": ("12", UnitLevel.PROVINCE, False),
    "sonha": ("529", UnitLevel.DISTRICT, False),
    "sontay": ("530", UnitLevel.DISTRICT, False),
    "ngochoi": ("611", UnitLevel.DISTRICT, False),
    "pleikan": ("23377", UnitLevel.COMMUNE, False),
    "thapmuoi": ("872", UnitLevel.DISTRICT, False),
    # communes in force since 01/07/2025 (successors of the district seats above)
    "xa_sonha": ("21289", UnitLevel.COMMUNE, True),
    "xa_sontay": ("21340", UnitLevel.COMMUNE, True),
    "boy": ("23377", UnitLevel.COMMUNE, True),
    "xa_thapmuoi": ("30037", UnitLevel.COMMUNE, True),
}

# Bodies abolished on 30/06/2025 (``valid_to``) → the key of the agency that succeeded them.
ENDED = {
    "ubnd_sonha": "ubnd_xa_sonha",
    "tckh_sonha": "ubnd_xa_sonha",
    "ubnd_sontay": "ubnd_xa_sontay",
    "ubnd_ngochoi": "ubnd_boy",
    "nn_ngochoi": "kt_boy",
    "ubnd_pleikan": "ubnd_boy",
    "ubnd_dt_huyen": "ubnd_xa_thapmuoi",
    "nn_dt_huyen": "kt_thapmuoi",
}

# key → agency fields; "parent" names another key (defined earlier in this dict).
AGENCIES = {
    "ubnd_qn": {
        "name": "Ủy ban nhân dân tỉnh Quảng Ngãi", "short_name": "UBND", "kind": AgencyKind.PEOPLES_COMMITTEE,
        "unit": "qn", "header_name": "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI", "place_name": "Quảng Ngãi",
        "email": "ubnd@quangngai.coopplan.example",
    },
    "lmhtx_qn": {
        "name": "Liên minh Hợp tác xã tỉnh Quảng Ngãi", "short_name": "LMHTX", "kind": AgencyKind.COOP_ALLIANCE,
        "unit": "qn", "header_name": "LIÊN MINH HỢP TÁC XÃ\nTỈNH QUẢNG NGÃI", "place_name": "Quảng Ngãi",
        "email": "lmhtx@quangngai.coopplan.example",
    },
    "stc_qn": {
        "name": "Sở Tài chính tỉnh Quảng Ngãi", "short_name": "STC", "kind": AgencyKind.DEPARTMENT,
        "unit": "qn", "parent": "ubnd_qn", "header_name": "SỞ TÀI CHÍNH", "place_name": "Quảng Ngãi",
        "email": "stc@quangngai.coopplan.example", "valid_from": CURRENT_VALID_FROM,
    },
    "snnmt_qn": {
        "name": "Sở Nông nghiệp và Môi trường tỉnh Quảng Ngãi", "short_name": "SNNMT", "kind": AgencyKind.DEPARTMENT,
        "unit": "qn", "parent": "ubnd_qn", "header_name": "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "place_name": "Quảng Ngãi",
        "email": "snnmt@quangngai.coopplan.example", "valid_from": CURRENT_VALID_FROM,
    },
    "ubnd_xa_sonha": {
        "name": "Ủy ban nhân dân xã Sơn Hà", "short_name": "UBND", "kind": AgencyKind.PEOPLES_COMMITTEE,
        "unit": "xa_sonha", "header_name": "ỦY BAN NHÂN DÂN\nXÃ SƠN HÀ", "place_name": "Sơn Hà",
        "email": "ubnd@xasonha.coopplan.example", "valid_from": CURRENT_VALID_FROM,
    },
    "ubnd_xa_sontay": {
        "name": "Ủy ban nhân dân xã Sơn Tây", "short_name": "UBND", "kind": AgencyKind.PEOPLES_COMMITTEE,
        "unit": "xa_sontay", "header_name": "ỦY BAN NHÂN DÂN\nXÃ SƠN TÂY", "place_name": "Sơn Tây",
        "valid_from": CURRENT_VALID_FROM,
    },
    "ubnd_boy": {
        "name": "Ủy ban nhân dân xã Bờ Y", "short_name": "UBND", "kind": AgencyKind.PEOPLES_COMMITTEE,
        "unit": "boy", "header_name": "ỦY BAN NHÂN DÂN\nXÃ BỜ Y", "place_name": "Bờ Y",
        "email": "ubnd@xaboy.coopplan.example", "valid_from": CURRENT_VALID_FROM,
    },
    "kt_boy": {
        "name": "Phòng Kinh tế xã Bờ Y", "short_name": "PKT", "kind": AgencyKind.OFFICE,
        "unit": "boy", "parent": "ubnd_boy", "header_name": "PHÒNG KINH TẾ", "place_name": "Bờ Y",
        "email": "kinhte@xaboy.coopplan.example", "valid_from": CURRENT_VALID_FROM,
    },
    "ubnd_xa_thapmuoi": {
        "name": "Ủy ban nhân dân xã Tháp Mười", "short_name": "UBND", "kind": AgencyKind.PEOPLES_COMMITTEE,
        "unit": "xa_thapmuoi", "header_name": "ỦY BAN NHÂN DÂN\nXÃ THÁP MƯỜI", "place_name": "Tháp Mười",
        "valid_from": CURRENT_VALID_FROM,
    },
    "kt_thapmuoi": {
        "name": "Phòng Kinh tế xã Tháp Mười", "short_name": "PKT", "kind": AgencyKind.OFFICE,
        "unit": "xa_thapmuoi", "parent": "ubnd_xa_thapmuoi", "header_name": "PHÒNG KINH TẾ", "place_name": "Tháp Mười",
        "email": "kinhte@xathapmuoi.coopplan.example", "valid_from": CURRENT_VALID_FROM,
    },
    "ubnd_sonha": {
        "name": "Ủy ban nhân dân huyện Sơn Hà", "short_name": "UBND", "kind": AgencyKind.PEOPLES_COMMITTEE,
        "unit": "sonha", "header_name": "ỦY BAN NHÂN DÂN\nHUYỆN SƠN HÀ", "place_name": "Sơn Hà",
    },
    "tckh_sonha": {
        "name": "Phòng Tài chính - Kế hoạch huyện Sơn Hà", "short_name": "TCKH", "kind": AgencyKind.OFFICE,
        "unit": "sonha", "parent": "ubnd_sonha", "header_name": "PHÒNG TÀI CHÍNH - KẾ HOẠCH", "place_name": "Sơn Hà",
        "email": "tckh@sonha.coopplan.example",
    },
    "ubnd_sontay": {
        "name": "Ủy ban nhân dân huyện Sơn Tây", "short_name": "UBND", "kind": AgencyKind.PEOPLES_COMMITTEE,
        "unit": "sontay", "header_name": "ỦY BAN NHÂN DÂN\nHUYỆN SƠN TÂY", "place_name": "Sơn Tây",
    },
    "ubnd_ngochoi": {
        "name": "Ủy ban nhân dân huyện Ngọc Hồi", "short_name": "UBND", "kind": AgencyKind.PEOPLES_COMMITTEE,
        "unit": "ngochoi", "header_name": "ỦY BAN NHÂN DÂN\nHUYỆN NGỌC HỒI", "place_name": "Ngọc Hồi",
    },
    "nn_ngochoi": {
        "name": "Phòng Nông nghiệp và Phát triển nông thôn huyện Ngọc Hồi", "short_name": "NNPTNT",
        "kind": AgencyKind.OFFICE, "unit": "ngochoi", "parent": "ubnd_ngochoi",
        "header_name": "PHÒNG NÔNG NGHIỆP\nVÀ PHÁT TRIỂN NÔNG THÔN", "place_name": "Ngọc Hồi",
        "email": "nnptnt@ngochoi.coopplan.example",
    },
    "ubnd_pleikan": {
        "name": "Ủy ban nhân dân thị trấn Plei Kần", "short_name": "UBND", "kind": AgencyKind.PEOPLES_COMMITTEE,
        "unit": "pleikan", "header_name": "ỦY BAN NHÂN DÂN\nTHỊ TRẤN PLEI KẦN", "place_name": "Plei Kần",
        "email": "ubnd@pleikan.coopplan.example",
    },
    "ubnd_dt_huyen": {
        "name": "Ủy ban nhân dân huyện Tháp Mười", "short_name": "UBND", "kind": AgencyKind.PEOPLES_COMMITTEE,
        "unit": "thapmuoi", "header_name": "ỦY BAN NHÂN DÂN\nHUYỆN THÁP MƯỜI", "place_name": "Tháp Mười",
    },
    "nn_dt_huyen": {
        "name": "Phòng Nông nghiệp và Phát triển nông thôn huyện Tháp Mười", "short_name": "NNPTNT",
        "kind": AgencyKind.OFFICE, "unit": "thapmuoi", "parent": "ubnd_dt_huyen",
        "header_name": "PHÒNG NÔNG NGHIỆP\nVÀ PHÁT TRIỂN NÔNG THÔN", "place_name": "Tháp Mười",
        "email": "nnptnt@thapmuoi.coopplan.example",
    },
    "ubnd_laichau": {
        "name": "Ủy ban nhân dân tỉnh Lai Châu", "short_name": "UBND", "kind": AgencyKind.PEOPLES_COMMITTEE,
        "unit": "laichau", "header_name": "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU", "place_name": "Lai Châu",
    },
    "hnd_laichau": {
        "name": "Hội Nông dân tỉnh Lai Châu", "short_name": "HND", "kind": AgencyKind.FARMERS_UNION,
        "unit": "laichau", "header_name": "HỘI NÔNG DÂN\nTỈNH LAI CHÂU", "place_name": "Lai Châu",
        "email": "hoinongdan@laichau.coopplan.example",
    },
}

# The demo accounts of DOMAIN.md "Stable surface"; all with password ``coopplan-demo``.
USERS = [
    {"username": "admin", "full_name": "Quản trị hệ thống", "position": "Quản trị cổng thông tin", "agency": None,
     "is_superuser": True, "is_staff": True},
    {"username": "quangngai", "full_name": "Nguyễn Thị Thu Hà", "position": "Chuyên viên Phòng Chính sách và Hỗ trợ",
     "agency": "lmhtx_qn", "is_planner": True},
    {"username": "lanhdao", "full_name": "Trần Văn Phúc", "position": "Phó Chủ tịch", "agency": "ubnd_qn",
     "is_leader": True},
    # The Liên minh HTX signs its own plans (seed 000: TM. THƯỜNG TRỰC / PHÓ CHỦ TỊCH / Hồ Quý Nhân):
    # its leader is the signer a planner of the Liên minh chooses (issue 18).
    {"username": "lienminh", "full_name": "Hồ Quý Nhân", "position": "Phó Chủ tịch Liên minh Hợp tác xã tỉnh",
     "agency": "lmhtx_qn", "is_leader": True},
    {"username": "vanthu", "full_name": "Phạm Thị Mỹ Linh", "position": "Văn thư Văn phòng UBND tỉnh", "agency": "ubnd_qn",
     "is_clerk": True},
    {"username": "sotaichinh", "full_name": "Huỳnh Minh Quân",
     "position": "Chuyên viên Phòng Doanh nghiệp, kinh tế tập thể và tư nhân", "agency": "stc_qn", "is_planner": True},
    {"username": "sonha", "full_name": "Đinh Văn Lâm", "position": "Công chức Tài chính - Kế toán", "agency": "ubnd_xa_sonha",
     "is_reporter": True, "formerly": "tckh_sonha"},
    {"username": "ngochoi", "full_name": "Lê Thị Hồng Nhung", "position": "Chuyên viên", "agency": "kt_boy",
     "is_planner": True, "formerly": "nn_ngochoi"},
    {"username": "xa_ngochoi", "full_name": "A Tuấn", "position": "Công chức Nông nghiệp - Môi trường",
     "agency": "ubnd_boy", "is_reporter": True, "formerly": "ubnd_pleikan"},
    {"username": "dongthap", "full_name": "Võ Thị Kim Ngân", "position": "Chuyên viên", "agency": "kt_thapmuoi",
     "is_planner": True, "formerly": "nn_dt_huyen"},
    {"username": "laichau", "full_name": "Lò Văn Thắng", "position": "Phó Trưởng ban Kinh tế", "agency": "hnd_laichau",
     "is_planner": True},
]


def unit(key: str) -> AdministrativeUnit:
    """The demo's administrative unit ``key`` (see ``UNITS``); ``load_units`` must have run."""
    code, level, current = UNITS[key]
    qs = AdministrativeUnit.objects.filter(code=code, level=level)
    return qs.get(valid_from=CURRENT_VALID_FROM) if current else qs.get(valid_from__isnull=True)


def agency(key: str) -> Agency:
    """The demo agency ``key`` (see ``AGENCIES``); ``load`` must have run."""
    spec = AGENCIES[key]
    return Agency.objects.select_related("unit", "parent").get(name=spec["name"], unit=unit(spec["unit"]))


def account_rows() -> list[dict]:
    """The demo accounts for printing: username, roles, agency."""
    rows = []
    for spec in USERS:
        roles = [r for r, flag in (("planner", "is_planner"), ("reporter", "is_reporter"), ("leader", "is_leader"), ("clerk", "is_clerk")) if spec.get(flag)]
        if spec.get("is_superuser"):
            roles = ["admin"]
        rows.append({
            "username": spec["username"],
            "roles": ", ".join(roles),
            "agency": AGENCIES[spec["agency"]]["name"] if spec["agency"] else "",
            "formerly": AGENCIES[spec["formerly"]]["name"] if spec.get("formerly") else "",
            "password": DEMO_PASSWORD,
        })
    return rows


def load(*, stdout, today: date) -> None:
    """Create or update the demo agencies and accounts (idempotent)."""
    agencies: dict[str, Agency] = {}
    created = 0
    for key, spec in AGENCIES.items():
        fields = {k: v for k, v in spec.items() if k not in ("name", "unit", "parent")}
        if key in ENDED:  # successors are defined above the bodies they took over
            fields.update(valid_to=PREVIOUS_VALID_TO, successor=agencies[ENDED[key]])
        obj, was_created = agency_upsert(
            name=spec["name"],
            unit=unit(spec["unit"]),
            parent=agencies[spec["parent"]] if spec.get("parent") else None,
            **fields,
        )
        agencies[key] = obj
        created += was_created
    users_created = 0
    for spec in USERS:
        fields = {
            "full_name": spec["full_name"],
            "position": spec["position"],
            "email": f"{spec['username']}@coopplan.example",
            "agency": agencies[spec["agency"]] if spec["agency"] else None,
            "is_planner": spec.get("is_planner", False),
            "is_reporter": spec.get("is_reporter", False),
            "is_leader": spec.get("is_leader", False),
            "is_clerk": spec.get("is_clerk", False),
            "is_staff": spec.get("is_staff", False),
            "is_superuser": spec.get("is_superuser", False),
            "is_active": True,
        }
        _, was_created = user_upsert(username=spec["username"], password=DEMO_PASSWORD, **fields)
        users_created += was_created
    stdout.write(f"directory: {len(AGENCIES)} agencies ({created} new), {len(USERS)} accounts ({users_created} new)\n")
