"""Demo registry for the seed areas (``manage.py load_demo`` runs it after the plans).

The organisations are illustrative (plausible names and products of each area, not an
official list) and chosen to be consistent with the seed plans:

* huyện Sơn Hà (seed 002): 23 HTX active in 2024 (one transport HTX dissolved in 2023, one new
  in 2025), three THT; 2024 figures near the plan's targets (≈70 % rated khá or better, ≈230
  workers, ~20 % / ~80 % of managers with a degree / with training, ~900 / ~150 triệu đồng
  average revenue / profit, ~45 triệu đồng income);
* huyện Ngọc Hồi (seed 001): 15 agricultural HTX at the end of 2023 (the plan's baseline), one
  new in 2024, one still being founded in xã Sa Loong — so "17 by 2025" is approached, not met,
  and one commune still has no agricultural HTX; two non-agricultural HTX and three THT;
* huyện Tháp Mười, Đồng Tháp (seed 003, the demo's stated district): nine Hội quán, five HTX —
  HTX Nông nghiệp Trường Xuân founded in 2022 from Hội quán Trường Xuân — and four THT; growing-
  area codes rising to 9 in 2025; Hội quán Sen Hồng Mỹ Hòa runs rural tourism;
* tỉnh Lai Châu (seed 004): HTX, THT and professional farmers' chapters, of which four HTX and
  twelve THT founded in 2024–2025 with the support of Hội Nông dân tỉnh Lai Châu;
* huyện Sơn Tây (seed 000): HTX SXNLN&TMDV Sơn Bua in xã Sơn Mùa, host of the 2024 conference.

Figures for 2021–2025 come from a seeded random generator, so every run produces the same
data; everything is written through ``cooperatives.services`` and only when it differs, so
running the loader twice changes nothing. Finally the seed plans' targets are linked to the
registry indicators that measure them.
"""

from __future__ import annotations

import datetime
import random
import zlib
from dataclasses import dataclass, field
from decimal import Decimal

from directory.models import AdministrativeUnit, UnitLevel

from . import services
from .models import Indicator, Organisation, Sector

YEARS = range(2021, 2026)
M = 1_000_000


@dataclass
class Spec:
    kind: str
    name: str
    commune: str  # commune name (or "kind:name" when the name is ambiguous)
    founded: datetime.date | None
    sectors: tuple[str, ...] = ("nong-nghiep",)
    products: str = ""
    code: str = ""
    status: str = "active"
    dissolved: datetime.date | None = None
    founded_from: str = ""
    supported_by: str = ""
    revenue: int = 0  # typical revenue in 2024, triệu đồng (0: none recorded)
    size: int = 20  # members in 2024
    workers: int = 0
    flags: dict = field(
        default_factory=dict
    )  # per-year overrides: {"high_tech": 2025, "tourism": 2021, "codes": {2023: 2}}
    area: str = ""


D = datetime.date


def _htx(name, commune, founded, revenue, size, workers, sectors=("nong-nghiep",), products="", **kw):
    return Spec(
        "htx", name, commune, founded, tuple(sectors), products, revenue=revenue, size=size, workers=workers, **kw
    )


def _tht(name, commune, founded, revenue=150, size=9, sectors=("nong-nghiep",), products="", **kw):
    return Spec("tht", name, commune, founded, tuple(sectors), products, revenue=revenue, size=size, workers=0, **kw)


def _hq(name, commune, founded, size=35, products="", **kw):
    return Spec("hoiquan", name, commune, founded, ("nong-nghiep",), products, revenue=0, size=size, **kw)


SON_HA = [
    _htx("HTX Nông nghiệp Sơn Hạ", "Sơn Hạ", D(2016, 3, 12), 1150, 48, 12, products="Lúa, keo giống, dịch vụ thủy lợi"),
    _htx("HTX Nông nghiệp Sơn Thành", "Sơn Thành", D(2017, 5, 20), 980, 40, 11, products="Lúa, ngô, dịch vụ vật tư"),
    _htx(
        "HTX Nông lâm nghiệp Sơn Nham",
        "Sơn Nham",
        D(2018, 8, 1),
        860,
        35,
        10,
        ("nong-nghiep", "lam-nghiep"),
        "Keo, quế",
    ),
    _htx("HTX Dịch vụ nông nghiệp Sơn Bao", "Sơn Bao", D(2015, 11, 5), 720, 31, 9, products="Dịch vụ làm đất, giống"),
    _htx("HTX Nông nghiệp Sơn Linh", "Sơn Linh", D(2019, 2, 14), 650, 28, 8, products="Lúa, heo"),
    _htx(
        "HTX Sản xuất kinh doanh dịch vụ tổng hợp Sơn Giang",
        "Sơn Giang",
        D(2014, 6, 30),
        1320,
        55,
        14,
        ("nong-nghiep", "thuong-mai-dich-vu"),
        "Vật tư nông nghiệp, nông sản",
    ),
    _htx("HTX Nông nghiệp Sơn Trung", "Sơn Trung", D(2018, 4, 2), 700, 30, 9, products="Lúa, mì"),
    _htx("HTX Quế Sơn Thượng", "Sơn Thượng", D(2020, 9, 9), 930, 36, 10, ("lam-nghiep",), "Quế vỏ, tinh dầu quế"),
    _htx(
        "HTX Nông lâm nghiệp Sơn Cao",
        "Sơn Cao",
        D(2017, 10, 18),
        800,
        33,
        9,
        ("nong-nghiep", "lam-nghiep"),
        "Keo, mật ong",
    ),
    _htx("HTX Nông nghiệp Sơn Hải", "Sơn Hải", D(2019, 7, 7), 560, 24, 8, products="Lúa, bò"),
    _htx(
        "HTX Dịch vụ tổng hợp Sơn Thủy",
        "Sơn Thủy",
        D(2016, 1, 25),
        880,
        27,
        9,
        ("thuong-mai-dich-vu",),
        "Tạp hóa, vật tư",
    ),
    _htx("HTX Nông nghiệp Sơn Kỳ", "Sơn Kỳ", D(2018, 12, 3), 610, 26, 8, products="Lúa, heo kiềng sắt"),
    _htx("HTX Nông nghiệp Sơn Ba", "Sơn Ba", D(2020, 3, 16), 540, 22, 7, products="Lúa, ngô"),
    _htx(
        "HTX Thương mại dịch vụ Di Lăng",
        "Di Lăng",
        D(2013, 4, 11),
        1650,
        38,
        13,
        ("thuong-mai-dich-vu",),
        "Bán lẻ, đặc sản Sơn Hà",
    ),
    _htx(
        "HTX Vệ sinh môi trường Di Lăng", "Di Lăng", D(2015, 8, 19), 1040, 18, 14, ("moi-truong",), "Thu gom rác thải"
    ),
    _htx(
        "HTX Dược liệu Sơn Hà",
        "Sơn Bao",
        D(2021, 5, 6),
        760,
        29,
        10,
        products="Sâm dây, đinh lăng",
        flags={"ocop": 2023},
    ),
    _htx(
        "HTX Chăn nuôi heo kiềng sắt Sơn Thành",
        "Sơn Thành",
        D(2020, 11, 2),
        990,
        25,
        9,
        products="Heo kiềng sắt",
        flags={"ocop": 2022},
    ),
    _htx("HTX Mây tre đan Sơn Hạ", "Sơn Hạ", D(2014, 2, 20), 460, 34, 11, ("cong-nghiep-xay-dung",), "Mây tre đan"),
    _htx("HTX Rau an toàn Di Lăng", "Di Lăng", D(2019, 10, 10), 690, 21, 8, products="Rau an toàn VietGAP"),
    _htx("HTX Keo giống Sơn Linh", "Sơn Linh", D(2017, 3, 28), 1210, 30, 11, ("lam-nghiep",), "Cây keo giống"),
    _htx("HTX Nông sản Sơn Giang", "Sơn Giang", D(2020, 6, 1), 830, 27, 9, products="Mì, cà phê"),
    _htx(
        "HTX Xây dựng Sơn Hà",
        "Di Lăng",
        D(2012, 9, 15),
        1480,
        15,
        12,
        ("cong-nghiep-xay-dung",),
        "Xây dựng công trình nông thôn",
    ),
    _htx(
        "HTX Dịch vụ du lịch cộng đồng Làng Teng",
        "Sơn Kỳ",
        D(2021, 7, 22),
        420,
        20,
        7,
        ("du-lich", "nong-nghiep"),
        "Homestay, thổ cẩm",
        flags={"tourism": 2022},
    ),
    _htx(
        "HTX Dịch vụ vận tải Sơn Hà",
        "Di Lăng",
        D(2011, 5, 3),
        700,
        14,
        8,
        ("van-tai",),
        "Vận tải hành khách",
        status="dissolved",
        dissolved=D(2023, 9, 30),
    ),
    _htx("HTX Nông nghiệp hữu cơ Sơn Trung", "Sơn Trung", D(2025, 4, 15), 300, 12, 5, products="Rau, lúa hữu cơ"),
    _tht("Tổ hợp tác trồng quế Sơn Thượng", "Sơn Thượng", D(2019, 3, 1), 120, 8, ("lam-nghiep",), "Quế"),
    _tht("Tổ hợp tác nuôi ong Sơn Cao", "Sơn Cao", D(2020, 4, 1), 90, 7, products="Mật ong"),
    _tht("Tổ hợp tác dệt thổ cẩm Sơn Ba", "Sơn Ba", D(2018, 5, 1), 70, 12, ("cong-nghiep-xay-dung",), "Thổ cẩm"),
]

NGOC_HOI = [
    _htx("HTX Nông nghiệp Plei Kần", "Plei Kần", D(2017, 4, 3), 900, 30, 9, products="Cà phê, mì"),
    _htx(
        "HTX Chanh dây Ngọc Hồi", "Plei Kần", D(2019, 6, 12), 1400, 42, 12, products="Chanh dây", flags={"ocop": 2022}
    ),
    _htx("HTX Nông nghiệp Đắk Ang", "Đắk Ang", D(2018, 3, 8), 620, 25, 8, products="Mì, lúa"),
    _htx("HTX Cà phê Đắk Ang", "Đắk Ang", D(2020, 10, 1), 780, 27, 8, products="Cà phê"),
    _htx("HTX Nông nghiệp Đắk Dục", "Đắk Dục", D(2016, 8, 20), 540, 22, 7, products="Lúa, mì"),
    _htx("HTX Dịch vụ nông nghiệp Đắk Dục", "Đắk Dục", D(2021, 2, 2), 450, 18, 6, products="Dịch vụ vật tư"),
    _htx("HTX Nông nghiệp Đắk Nông", "Đắk Nông", D(2017, 11, 11), 600, 24, 7, products="Cà phê, cao su"),
    _htx("HTX Rau sạch Đắk Nông", "Đắk Nông", D(2021, 9, 14), 380, 15, 6, products="Rau"),
    _htx("HTX Nông nghiệp Đắk Xú", "Đắk Xú", D(2019, 1, 9), 560, 21, 7, products="Lúa, mì"),
    _htx("HTX Mì Đắk Xú", "Đắk Xú", D(2022, 5, 5), 720, 19, 7, products="Mì lát"),
    _htx("HTX Nông nghiệp Đắk Kan", "Đắk Kan", D(2018, 7, 16), 480, 20, 6, products="Lúa, cá"),
    _htx("HTX Cao su Đắk Kan", "Đắk Kan", D(2020, 12, 1), 1100, 26, 9, products="Mủ cao su"),
    _htx("HTX Nông nghiệp Bờ Y", "Bờ Y", D(2016, 5, 25), 650, 23, 7, products="Cà phê, mì"),
    _htx("HTX Dược liệu Bờ Y", "Bờ Y", D(2023, 3, 3), 350, 14, 5, products="Sâm dây, đảng sâm"),
    _htx("HTX Chăn nuôi Plei Kần", "Plei Kần", D(2023, 8, 18), 410, 12, 5, products="Bò, heo"),
    _htx(
        "HTX Nông nghiệp công nghệ cao Ngọc Hồi",
        "Đắk Nông",
        D(2024, 6, 10),
        900,
        11,
        8,
        products="Dưa lưới, rau nhà màng",
        flags={"high_tech": 2025},
    ),
    _htx("HTX Nông nghiệp Sa Loong", "Sa Loong", None, 0, 8, 0, products="Mì, lúa", status="planned"),
    _htx("HTX Vận tải Ngọc Hồi", "Plei Kần", D(2012, 3, 1), 1600, 20, 15, ("van-tai",), "Vận tải hàng hóa"),
    _htx(
        "HTX Thương mại dịch vụ Bờ Y",
        "Bờ Y",
        D(2019, 9, 9),
        1250,
        17,
        8,
        ("thuong-mai-dich-vu",),
        "Thương mại cửa khẩu",
    ),
    _tht("Tổ hợp tác trồng chanh dây Đắk Xú", "Đắk Xú", D(2021, 4, 1), 160, 10, products="Chanh dây"),
    _tht("Tổ hợp tác nuôi cá Đắk Kan", "Đắk Kan", D(2022, 3, 1), 90, 7, ("thuy-san",), "Cá nước ngọt"),
    _tht("Tổ hợp tác sản xuất mì Sa Loong", "Sa Loong", D(2020, 6, 1), 120, 11, products="Mì"),
]

THAP_MUOI = [
    _hq(
        "Hội quán Sen Hồng Mỹ Hòa",
        "Mỹ Hòa",
        D(2018, 5, 19),
        45,
        "Sen, du lịch đồng sen",
        flags={"tourism": 2021, "codes": {2024: 1, 2025: 1}},
    ),
    _hq("Hội quán Trường Xuân", "Trường Xuân", D(2017, 9, 2), 52, "Lúa", flags={"codes": {2021: 1, 2022: 1, 2025: 1}}),
    _hq("Hội quán Mỹ Quý", "Mỹ Quý", D(2018, 3, 26), 38, "Lúa, cá"),
    _hq("Hội quán Thạnh Lợi", "Thạnh Lợi", D(2019, 1, 15), 30, "Lúa"),
    _hq("Hội quán Hưng Thạnh", "Hưng Thạnh", D(2019, 8, 8), 33, "Lúa, xoài"),
    _hq(
        "Hội quán Xoài Mỹ Đông",
        "Mỹ Đông",
        D(2018, 11, 20),
        41,
        "Xoài",
        flags={"codes": {2022: 1, 2023: 2, 2024: 2, 2025: 2}},
    ),
    _hq("Hội quán Lúa sạch Tân Kiều", "Tân Kiều", D(2020, 2, 2), 36, "Lúa sạch"),
    _hq("Hội quán Phú Điền", "Phú Điền", D(2020, 7, 7), 28, "Lúa, sen"),
    _hq("Hội quán Láng Biển", "Láng Biển", D(2021, 3, 3), 26, "Cá đồng"),
    _htx(
        "HTX Nông nghiệp Trường Xuân",
        "Trường Xuân",
        D(2022, 8, 16),
        1300,
        47,
        10,
        products="Lúa chất lượng cao",
        founded_from="Hội quán Trường Xuân",
        flags={"codes": {2023: 2, 2024: 2, 2025: 3}, "traceability": 2024},
    ),
    _htx(
        "HTX Dịch vụ nông nghiệp Mỹ An",
        "thị trấn:Mỹ An",
        D(2015, 4, 4),
        1900,
        60,
        14,
        products="Dịch vụ bơm tưới, lúa giống",
    ),
    _htx(
        "HTX Lúa sạch Tân Kiều",
        "Tân Kiều",
        D(2019, 10, 2),
        1100,
        35,
        9,
        products="Lúa sạch",
        flags={"codes": {2023: 1, 2024: 2, 2025: 2}, "traceability": 2024},
    ),
    _htx("HTX Nông nghiệp Mỹ Quý", "Mỹ Quý", D(2017, 12, 12), 950, 33, 8, products="Lúa"),
    _htx("HTX Thủy sản Đốc Binh Kiều", "Đốc Binh Kiều", D(2020, 5, 20), 800, 21, 7, ("thuy-san",), "Cá lóc, cá rô"),
    _tht("Tổ hợp tác sản xuất lúa Phú Điền", "Phú Điền", D(2019, 6, 1), 200, 12, products="Lúa"),
    _tht("Tổ hợp tác trồng sen Mỹ Hòa", "Mỹ Hòa", D(2020, 8, 1), 180, 9, products="Sen", flags={"tourism": 2023}),
    _tht("Tổ hợp tác nuôi cá đồng Láng Biển", "Láng Biển", D(2021, 9, 1), 120, 8, ("thuy-san",), "Cá đồng"),
    _tht("Tổ hợp tác xoài Thanh Mỹ", "Thanh Mỹ", D(2022, 4, 1), 160, 10, products="Xoài"),
]

LAI_CHAU = [
    _htx(
        "HTX Chè Tam Đường", "Tam Đường", D(2015, 3, 3), 2100, 52, 18, products="Chè Shan tuyết", flags={"ocop": 2021}
    ),
    _htx("HTX Nông nghiệp Bình Lư", "Bình Lư", D(2018, 6, 6), 700, 26, 8, products="Lúa, rau"),
    _htx("HTX Dược liệu Sìn Hồ", "Sìn Hồ", D(2019, 8, 8), 650, 24, 8, products="Thảo quả, sâm Lai Châu"),
    _htx(
        "HTX Gạo Séng Cù Than Uyên",
        "Mường Than",
        D(2016, 10, 10),
        1500,
        45,
        12,
        products="Gạo Séng Cù",
        flags={"ocop": 2022},
    ),
    _htx("HTX Chè Tân Uyên", "Tân Uyên", D(2014, 4, 4), 1800, 40, 15, products="Chè"),
    _htx("HTX Nông nghiệp Phong Thổ", "Phong Thổ", D(2017, 2, 2), 520, 20, 6, products="Lúa, ngô"),
    _htx(
        "HTX Chăn nuôi Nậm Nhùn", "Nậm Nhùn", D(2024, 3, 15), 280, 9, 4, products="Bò, dê", supported_by="hnd_laichau"
    ),
    _htx(
        "HTX Nông nghiệp Nậm Tăm",
        "Nậm Tăm",
        D(2024, 9, 1),
        260,
        8,
        4,
        products="Lúa, thảo quả",
        supported_by="hnd_laichau",
    ),
    _htx(
        "HTX Rau an toàn Sùng Phài",
        "Sùng Phài",
        D(2025, 2, 20),
        200,
        8,
        4,
        products="Rau an toàn",
        supported_by="hnd_laichau",
    ),
    _htx(
        "HTX Mắc ca Khun Há",
        "Khun Há",
        D(2025, 5, 5),
        150,
        10,
        4,
        ("nong-nghiep", "lam-nghiep"),
        "Mắc ca",
        supported_by="hnd_laichau",
    ),
    *[
        _tht(
            f"Tổ hợp tác {product} {commune}",
            commune,
            D(year, month, 1),
            90 + 10 * i,
            6 + i % 5,
            products=product.capitalize(),
            supported_by="hnd_laichau",
        )
        for i, (product, commune, year, month) in enumerate(
            [
                ("chăn nuôi lợn", "Thèn Sin", 2024, 2),
                ("trồng chè", "Bản Bo", 2024, 3),
                ("nuôi cá", "Mường Khoa", 2024, 4),
                ("trồng rau", "San Thàng", 2024, 5),
                ("trồng thảo quả", "Tả Ngảo", 2024, 7),
                ("nuôi ong", "Pa Vây Sử", 2024, 9),
                ("trồng lúa", "Phúc Than", 2025, 1),
                ("trồng mắc ca", "Nà Tăm", 2025, 2),
                ("nuôi gà", "Hua Bun", 2025, 3),
                ("trồng dược liệu", "Tà Tổng", 2025, 4),
                ("trồng chuối", "Pắc Ta", 2025, 6),
                ("trồng cây ăn quả", "Mường So", 2025, 8),
            ]
        )
    ],
    _tht("Tổ hợp tác dệt thổ cẩm Bản Lang", "Bản Lang", D(2019, 5, 1), 60, 10, ("cong-nghiep-xay-dung",), "Thổ cẩm"),
    _tht("Tổ hợp tác trồng chè Tả Lèng", "Tả Lèng", D(2020, 1, 1), 140, 9, products="Chè"),
    Spec(
        "chihoi",
        "Chi hội nông dân nghề nghiệp trồng chè Bản Hon",
        "Bản Hon",
        D(2021, 5, 1),
        ("nong-nghiep",),
        "Chè",
        size=22,
    ),
    Spec(
        "chihoi",
        "Chi hội nông dân nghề nghiệp chăn nuôi Mường Kim",
        "Mường Kim",
        D(2022, 3, 1),
        ("nong-nghiep",),
        "Trâu, bò",
        size=18,
    ),
    Spec(
        "chihoi",
        "Tổ hội nông dân nghề nghiệp trồng lúa Phúc Khoa",
        "Phúc Khoa",
        D(2022, 9, 1),
        ("nong-nghiep",),
        "Lúa",
        size=15,
    ),
    Spec(
        "chihoi",
        "Chi hội nông dân nghề nghiệp trồng rau Đông Phong",
        "phường:Đông Phong",
        D(2023, 4, 1),
        ("nong-nghiep",),
        "Rau",
        size=16,
    ),
]

SON_TAY = [
    _htx(
        "Hợp tác xã Sản xuất nông lâm nghiệp và Thương mại dịch vụ Sơn Bua",
        "Sơn Mùa",
        D(2018, 7, 20),
        1350,
        44,
        12,
        ("nong-nghiep", "lam-nghiep", "thuong-mai-dich-vu"),
        "Quế, keo, vật tư nông nghiệp",
        flags={"ocop": 2023},
    ),
    _htx("HTX Nông nghiệp Sơn Tân", "Sơn Tân", D(2019, 4, 4), 560, 22, 7, products="Lúa, mì"),
    _htx("HTX Quế Sơn Tinh", "Sơn Tinh", D(2020, 8, 8), 720, 25, 8, ("lam-nghiep",), "Quế"),
    _tht("Tổ hợp tác trồng sâm Sơn Long", "Sơn Long", D(2021, 6, 1), 110, 7, products="Sâm dây"),
]

# area key (directory.demo.unit), tax-code prefix, specs, share of rated HTX good/fair and of
# organisations in a value chain by year — the ranks decide who gets them.
AREAS = [
    (
        "sonha",
        "4300",
        SON_HA,
        {2021: 55, 2022: 60, 2023: 65, 2024: 70, 2025: 73},
        {2021: 8, 2022: 12, 2023: 15, 2024: 18, 2025: 22},
    ),
    (
        "ngochoi",
        "6100",
        NGOC_HOI,
        {2021: 45, 2022: 48, 2023: 52, 2024: 56, 2025: 62},
        {2021: 10, 2022: 15, 2023: 20, 2024: 26, 2025: 32},
    ),
    (
        "thapmuoi",
        "1400",
        THAP_MUOI,
        {2021: 60, 2022: 64, 2023: 68, 2024: 72, 2025: 75},
        {2021: 20, 2022: 25, 2023: 30, 2024: 35, 2025: 40},
    ),
    (
        "laichau_old",
        "6200",
        LAI_CHAU,
        {2021: 50, 2022: 55, 2023: 58, 2024: 60, 2025: 66},
        {2021: 15, 2022: 18, 2023: 22, 2024: 28, 2025: 33},
    ),
    (
        "sontay",
        "4300",
        SON_TAY,
        {2021: 60, 2022: 60, 2023: 65, 2024: 70, 2025: 70},
        {2021: 20, 2022: 25, 2023: 30, 2024: 30, 2025: 35},
    ),
]

# seed plan → {target code: indicator code}; every milestone of the target is linked.
TARGET_LINKS = {
    "001": {
        "T1": "htx_agri_active",
        "T2": "kttt_rated_good_share",
        "T3": "kttt_value_chain_share",
        "T4": "htx_high_tech",
        "T5": "agri_htx_min_per_commune",
    },
    "002": {
        "T1": "htx_active",
        "T3": "htx_rated_good_share",
        "T4": "htx_workers",
        "T5": "htx_managers_degree_share",
        "T6": "htx_managers_trained_share",
        "T7": "htx_avg_revenue",
        "T8": "htx_avg_profit",
        "T9": "htx_avg_income",
    },
    "003": {"T1": "htx_from_hoiquan", "T2": "growing_area_codes", "T4": "hoiquan_tourism"},
    "004": {"T1": "htx_supported_hnd", "T2": "tht_supported_hnd"},
}


def _rng(*parts) -> random.Random:
    return random.Random(zlib.crc32("|".join(str(p) for p in parts).encode()))


def _communes(area_unit: AdministrativeUnit) -> dict[str, AdministrativeUnit]:
    """Communes under ``area_unit`` by name, and by "kind:name" (two communes may share a name)."""
    out = {}
    for commune in AdministrativeUnit.objects.filter(path__startswith=area_unit.path, level=UnitLevel.COMMUNE):
        out.setdefault(commune.name, commune)
        out[f"{commune.kind}:{commune.name}"] = commune
    return out


def _code(prefix: str, spec: Spec) -> str:
    if spec.kind not in ("htx", "lhhtx") or spec.status == "planned":
        return ""
    return f"{prefix}{zlib.crc32(spec.name.encode()) % 1_000_000:06d}"


def _years(spec: Spec) -> list[int]:
    if spec.founded is None:
        return []
    last = spec.dissolved.year - 1 if spec.dissolved else max(YEARS)
    return [y for y in YEARS if spec.founded.year <= y <= last]


def _figures(spec: Spec, year: int) -> dict:
    """One year's figures, deterministic in (name, year)."""
    rng = _rng(spec.name, year)
    base = _rng(spec.name)
    age = year - 2024
    members = max(2, spec.size + age * base.randint(1, 3) + rng.randint(-1, 1))
    data = {
        "members": members,
        "households": max(2, round(members * base.uniform(0.85, 1.0))),
        "ocop_products": 1 if spec.flags.get("ocop") and year >= spec.flags["ocop"] else 0,
        "growing_area_codes": spec.flags.get("codes", {}).get(year, 0),
        "tourism": bool(spec.flags.get("tourism") and year >= spec.flags["tourism"]),
        "high_tech": bool(spec.flags.get("high_tech") and year >= spec.flags["high_tech"]),
        "traceability": bool(spec.flags.get("traceability") and year >= spec.flags["traceability"]),
        "credit_access": rng.random() < (0.35 + 0.05 * (year - 2021)),
    }
    if spec.kind in ("htx", "lhhtx"):
        managers = base.randint(3, 5)
        data.update(
            workers=max(2, spec.workers + rng.randint(-1, 1) + min(age, 0)),
            managers=managers,
            managers_degree=1 if base.random() < 0.6 else 0,
            managers_trained=max(1, managers - (1 if rng.random() < 0.3 else 0)),
        )
    elif spec.kind == "tht":
        data.update(managers=1, managers_degree=0, managers_trained=1)
    if spec.revenue:
        factor = {2021: 0.74, 2022: 0.82, 2023: 0.91, 2024: 1.0, 2025: 1.07}[year] * rng.uniform(0.93, 1.07)
        revenue = round(spec.revenue * factor) * M
        margin = base.uniform(0.11, 0.21) * rng.uniform(0.85, 1.15)
        data.update(
            revenue=Decimal(revenue),
            profit=Decimal(round(revenue * margin / M) * M),
            avg_income=Decimal(
                round(base.uniform(38, 52) * {2021: 0.86, 2022: 0.9, 2023: 0.95, 2024: 1.0, 2025: 1.05}[year]) * M
            ),
        )
        if spec.kind in ("htx", "lhhtx"):
            data["charter_capital"] = Decimal(round(spec.revenue * base.uniform(0.3, 0.8)) * M)
    return data


def _assign_ranked(rows: list[tuple[Spec, dict]], year: int, share: int, apply) -> None:
    """Give the top ``share`` % of ``rows`` (ranked by a per-organisation quality plus a yearly
    wobble) the first treatment and the others the second."""
    ranked = sorted(rows, key=lambda r: -(_rng(r[0].name).random() + 0.15 * _rng(r[0].name, year, "q").random()))
    top = round(len(ranked) * share / 100)
    for index, (spec, data) in enumerate(ranked):
        apply(spec, data, index, top, len(ranked))


def _rate(spec, data, index, top, total):
    if index < top:
        data["rating"] = "tot" if index < max(1, top // 3) else "kha"
    else:
        data["rating"] = "yeu" if index >= total - max(1, (total - top) // 4) else "tb"


def _chain(spec, data, index, top, total):
    data["value_chain"] = index < top


def _plan_area(prefix, specs, good, chain) -> dict[str, dict[int, dict]]:
    records: dict[str, dict[int, dict]] = {spec.name: {} for spec in specs}
    for year in YEARS:
        rows = [(s, _figures(s, year)) for s in specs if year in _years(s)]
        htx = [r for r in rows if r[0].kind in ("htx", "lhhtx")]
        _assign_ranked(htx, year, good[year], _rate)
        _assign_ranked(rows, year, chain[year], _chain)
        for spec, data in rows:
            data.setdefault("rating", "none")
            records[spec.name][year] = data
    return records


def _upsert(spec: Spec, *, commune, code, sectors, founded_from, supporting_agency) -> tuple[Organisation, bool]:
    fields = {
        "kind": spec.kind,
        "name": spec.name,
        "registration_code": code,
        "commune": commune,
        "founded": spec.founded,
        "dissolved": spec.dissolved,
        "status": spec.status,
        "main_products": spec.products,
        "founded_from": founded_from,
        "supporting_agency": supporting_agency,
    }
    existing = (
        Organisation.objects.filter(kind=spec.kind, registration_code=code).first()
        if code
        else Organisation.objects.filter(kind=spec.kind, name=spec.name, commune=commune).first()
    )
    if existing is None:
        return services.organisation_create(acting_user=None, sectors=sectors, **fields), True
    same_sectors = set(existing.sectors.values_list("pk", flat=True)) == {s.pk for s in sectors}
    if all(getattr(existing, k) == v for k, v in fields.items()) and same_sectors:
        return existing, False
    return services.organisation_update(organisation=existing, acting_user=None, sectors=sectors, **fields), False


def load(*, stdout, today: datetime.date) -> None:
    """Create or update the demo registry and link the seed targets (idempotent)."""
    from directory import demo as directory_demo

    sectors = {s.code: s for s in Sector.objects.all()}
    created = records_written = 0
    total = 0
    for area_key, prefix, specs, good, chain in AREAS:
        area = directory_demo.unit(area_key)
        communes = _communes(area)
        by_name: dict[str, Organisation] = {}
        planned = _plan_area(prefix, specs, good, chain)
        for spec in specs:
            commune = communes.get(spec.commune)
            if commune is None:
                stdout.write(f"cooperatives: commune {spec.commune!r} not found under {area}; skipped {spec.name}\n")
                continue
            agency = directory_demo.agency(spec.supported_by) if spec.supported_by else None
            org, was_created = _upsert(
                spec,
                commune=commune,
                code=_code(prefix, spec),
                sectors=[sectors[c] for c in spec.sectors],
                founded_from=by_name.get(spec.founded_from) if spec.founded_from else None,
                supporting_agency=agency,
            )
            by_name[spec.name] = org
            created += was_created
            total += 1
            existing = {r.year: r for r in org.records.all()}
            for year, data in planned[spec.name].items():
                record = existing.get(year)
                if record is not None and all(getattr(record, k) == v for k, v in data.items()):
                    continue
                services.record_upsert(organisation=org, year=year, acting_user=None, **data)
                records_written += 1
    linked = link_targets()
    stdout.write(
        f"cooperatives: {total} organisations ({created} new), {records_written} yearly records written, "
        f"{linked} seed targets linked to indicators\n"
    )


def link_targets() -> int:
    """Point the seed plans' targets at the registry indicators that measure them. A plain
    update of one reference column: the link is metadata about how a target is measured,
    not plan content, so it goes around the plan's content freeze."""
    from plans.demo import seed_plan
    from plans.models import Plan, PlanTarget

    indicators = {i.code: i for i in Indicator.objects.all()}
    changed = 0
    for seed, links in TARGET_LINKS.items():
        try:
            plan = seed_plan(seed)
        except Plan.DoesNotExist:
            continue
        for target_code, indicator_code in links.items():
            indicator = indicators.get(indicator_code)
            if indicator is None:
                continue
            changed += (
                PlanTarget.objects.filter(plan=plan, code=target_code)
                .exclude(indicator=indicator)
                .update(indicator=indicator)
            )
    return changed
