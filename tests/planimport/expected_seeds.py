"""Hand-written expected extractions of the five seed plans (``../shared/seeds/00*.txt``).

Written from reading the documents, not from the reader's output. Decisions worth knowing:

* money is in đồng (900 triệu đồng/HTX/năm → 900000000, unit "đồng/HTX/năm");
* seed 001's fifth target ("phấn đấu mỗi xã có ít nhất 01 hợp tác xã nông nghiệp") is in V.5, outside
  "Mục tiêu cụ thể"; the "chiếm trên 80%" of its last target bullet describes an area, not a target;
* seed 004 2030 "ít nhất từ 10 hợp tác xã, 40 tổ hợp tác": "ít nhất" covers both numbers (>= 40 THT);
* seed 000 is an event plan: the "30 cán bộ" are participants, not a target; its tasks are the
  bullets of IV.1 (three) and the paragraph of IV.2;
* seed 002's deadlines 05/12/2024 and 10/12/2024 are the reports of the plan's year → "annual";
* a task's lead is the first agency listed after "Đơn vị/Cơ quan thực hiện/chủ trì".

``EXPECTED[name]`` uses the keys of ``Extraction.to_dict()``; targets, tasks and reporting entries
list only the keys that are checked.
"""

from tests.paths import SEED_DIR  # noqa: F401 (re-exported for the reader tests)

SEED_FILES = {
    "000": "000_1209aab4f2653f60.txt",
    "001": "001_f5d23d8c80671bfb.txt",
    "002": "002_fec0763cab2326f0.txt",
    "003": "003_54eb0dc4fd6d94a6.txt",
    "004": "004_bb2f39672d149aae.txt",
}


def T(year, comparator, value, unit, value_max=None, baseline=None, baseline_year=None, scope="area"):
    return {
        "year": year,
        "comparator": comparator,
        "value": value,
        "value_max": value_max,
        "unit": unit,
        "baseline": baseline,
        "baseline_year": baseline_year,
        "scope": scope,
    }


def K(number, lead=None, coordinating=(), timeframe=None, text_starts=""):
    return {
        "number": number,
        "lead": lead,
        "coordinating": list(coordinating),
        "timeframe": timeframe,
        "text_starts": text_starts,
    }


def R(frequency, due_rule, reporters, receiver, due_dates=(), via=None):
    return {
        "frequency": frequency,
        "due_rule": due_rule,
        "due_dates": list(due_dates),
        "reporters": reporters,
        "receiver": receiver,
        "via": via,
    }


NN = "Phòng Nông nghiệp và Phát triển nông thôn"
XA = "Ủy ban nhân dân các xã, thị trấn"
TCKH = "Phòng Tài chính - Kế hoạch"
KTHT = "Phòng Kinh tế và Hạ tầng"
UBH = "Ủy ban nhân dân huyện"
AUTH_KT = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]

EXPECTED = {
    "000": {
        "issuer": "Liên minh Hợp tác xã tỉnh Quảng Ngãi",
        "issuer_unsure": True,
        "number": 567,
        "symbol": "KH-LMHTX",
        "place": "Quảng Ngãi",
        "date": "2024-10-10",
        "title_starts": "Tổ chức Hội nghị nhân rộng mô hình “Thu hút thành viên liên kết",
        "kind": "event",
        "period_start": "2024-10-16",
        "period_end": "2024-10-16",
        "legal_bases": [
            {
                "kind": "Quyết định",
                "number": "1368/QĐ-UBND",
                "date": "2023-12-12",
                "issuer": "Chủ tịch UBND tỉnh Quảng Ngãi",
                "title_starts": "giao dự toán thu chi ngân sách",
            },
            {
                "kind": "Quyết định",
                "number": "519/QĐ-LMHTX",
                "date": "2023-12-28",
                "issuer": "Chủ tịch Liên minh Hợp tác xã tỉnh Quảng Ngãi",
                "title_starts": "giao dự toán ngân sách nhà nước năm 2024",
            },
        ],
        "implements": None,
        "targets": [],
        "tasks": [
            K("IV.1-1", "Phòng Chính sách và Hỗ trợ", [], None, "Tham mưu chuẩn bị toàn bộ nội dung"),
            K(
                "IV.1-2",
                "Phòng Chính sách và Hỗ trợ",
                ["HTX SXNLN&TMDV Sơn Bua"],
                None,
                "Phối hợp với HTX SXNLN&TMDV Sơn Bua bố trí",
            ),
            K(
                "IV.1-3",
                "Phòng Chính sách và Hỗ trợ",
                ["Văn phòng", "Kế toán cơ quan"],
                None,
                "Phối hợp với Văn phòng, Kế toán",
            ),
            K(
                "IV.2",
                "HTX Sản xuất NLN&TMDV Sơn Bua",
                ["Phòng Chính sách và Hỗ trợ"],
                None,
                "Phối hợp với Phòng Chính sách",
            ),
        ],
        "budget": {
            "total_vnd": 25270000,
            "approximate": True,
            "sources": [{"kind": "state_budget", "reference": "1368/QĐ-UBND"}],
        },
        "reporting": [],
        "signer": {"authority_lines": ["TM. THƯỜNG TRỰC", "PHÓ CHỦ TỊCH"], "name": "Hồ Quý Nhân"},
        "recipients": [
            "UBND tỉnh (báo cáo)",
            "UBND huyện Sơn Tây",
            "LMHTX tỉnh: PCTPT, các PCT; Văn phòng; Phòng CS&HT",
            "HTX SXNLN&TMDV Sơn Bua",
            "Các HTX tham gia",
        ],
        "filing": "VT",
        "participants_with_count": [30],
        "event": {
            "date": "2024-10-16",
            "time": "09:00",
            "place": "HTX SXNLN&TMDV Sơn Bua, thôn Huy Em, xã Sơn Mùa, huyện Sơn Tây, tỉnh Quảng Ngãi",
        },
    },
    "001": {
        "issuer": "Ủy ban nhân dân huyện Ngọc Hồi",
        "issuer_unsure": False,
        "number": None,
        "symbol": "KH-UBND",
        "place": "Ngọc Hồi",  # the document writes "Ngọc Hôi"; corrected with a warning
        "date": None,
        "year": 2023,
        "title_starts": "Củng cố, kiện toàn, phát triển các hợp tác xã nông nghiệp trên địa bàn huyện",
        "kind": "phase",
        "period_start": "2023-01-01",
        "period_end": "2025-12-31",
        "legal_bases": [
            {
                "kind": "Kế hoạch",
                "number": "4025/KH-UBND",
                "date": "2023-12-01",
                "issuer": "Ủy ban nhân dân tỉnh Kon Tum",
                "title_starts": "củng cố, kiện toàn, phát triển hợp tác xã nông nghiệp",
            },
        ],
        "implements": "4025/KH-UBND",
        "targets": [
            T(2025, "=", 17, "HTX", baseline=15, baseline_year=2023),
            T(2025, ">", 60, "%"),
            T(2025, ">=", 30, "%"),
            T(2025, ">=", 1, "HTX"),
            T(2025, ">=", 1, "HTX", scope="per_commune"),
        ],
        "tasks": [
            K("III.1", None, [], None, "Củng cố, nâng cao chất lượng hoạt động của các HTXNN"),
            K("III.2", None, [], None, "Hỗ trợ hợp tác xã nông nghiệp mới thành lập"),
            K("IV.1", NN, [TCKH, XA], "2023-2025", "Hỗ trợ đào tạo, tập huấn"),
            K("IV.2", NN, [KTHT, XA], "2023-2025", "Hỗ trợ xây dựng sản phẩm OCOP"),
            K("IV.3", NN, [KTHT, TCKH, XA], "2023-2025", "Hỗ trợ xây dựng các chuỗi liên kết"),
            K("IV.4", "Các phòng, ban, ngành", [XA], "2023-2025", "Hỗ trợ đầu tư kết cấu hạ tầng"),
        ],
        "budget": {"total_vnd": None, "approximate": False, "sources": []},
        "reporting": [
            R("quarterly", "day_of_last_month:25", NN, UBH),
            R("half_year", "day_month:15/06", NN, UBH),
            R("annual", "day_month:15/12", NN, UBH),
            R("quarterly", "day_of_last_month:25", XA, UBH, via=NN),
            R("half_year", "day_month:15/06", XA, UBH, via=NN),
            R("annual", "day_month:15/12", XA, UBH, via=NN),
        ],
        "signer": {"authority_lines": AUTH_KT, "name": "Nguyễn Văn Việt"},
        "recipients": [
            "UBND tỉnh",
            "Sở NN&PTNT tỉnh",
            "TT Huyện ủy",
            "TT HĐND huyện",
            "UBMTTQVN huyện, các Đoàn thể huyện",
            "Chủ tịch, các PCT UBND huyện",
            "CVP, các PVP phụ trách",
            "Các phòng, ban liên quan",
            "UBND các xã, thị trấn",
            "Trang Thông tin và Điện tử huyện",
        ],
        "filing": "VT-TH",
    },
    "002": {
        "issuer": "Ủy ban nhân dân huyện Sơn Hà",
        "issuer_unsure": True,
        "number": None,
        "symbol": None,
        "place": None,
        "date": None,
        "title_starts": "Về việc phát triển kinh tế tập thể, hợp tác xã năm 2024",
        "kind": "annual",
        "period_start": "2024-01-01",
        "period_end": "2024-12-31",
        "legal_bases": [
            {
                "kind": "Công văn",
                "number": "993/UBND-KTN",
                "date": "2024-02-28",
                "issuer": "UBND tỉnh Quảng Ngãi",
                "title_starts": "triển khai thực hiện kế hoạch phát triển kinh tế tập thể",
            },
        ],
        "implements": "993/UBND-KTN",
        "targets": [
            T(2024, "=", 23, "HTX"),
            T(2024, "range", 1, "thành viên/HTX", value_max=5, scope="per_htx"),
            T(2024, "~", 70, "%"),
            T(2024, "~", 230, "người"),
            T(2024, "=", 20, "%"),
            T(2024, "=", 80, "%"),
            T(2024, "=", 900000000, "đồng/HTX/năm", scope="per_htx"),
            T(2024, "=", 150000000, "đồng/HTX/năm", scope="per_htx"),
            T(2024, "=", 45000000, "đồng/người/năm", scope="per_person"),
        ],
        "tasks": [
            K(
                "III.1",
                "Ủy ban MTTQ Việt Nam",
                [
                    "Các tổ chức chính trị - xã hội huyện",
                    TCKH,
                    "Phòng Nông nghiệp và PTNT",
                    "Trung tâm Truyền thông - Văn hóa - Thể thao",
                    XA,
                    "Các cơ quan có liên quan",
                ],
                "ongoing",
                "Đẩy mạnh công tác tuyên truyền",
            ),
            K(
                "III.2",
                TCKH,
                ["Phòng Nông nghiệp và PTNT", KTHT, "Các cơ quan, đơn vị có liên quan", XA],
                "ongoing",
                "Đổi mới phương thức sản xuất kinh doanh",
            ),
            K(
                "III.3",
                TCKH,
                ["Phòng Nông nghiệp và PTNT", KTHT, "Các cơ quan, đơn vị có liên quan"],
                "ongoing",
                "Phối hợp với Liên minh HTX tỉnh",
            ),
            K(
                "III.4",
                "Ủy ban Mặt trận Tổ quốc Việt Nam",
                ["Các tổ chức chính trị - xã hội huyện"],
                "ongoing",
                "Phát huy vai trò của Mặt trận Tổ quốc",
            ),
        ],
        "budget": {"total_vnd": None, "approximate": False, "sources": []},
        "reporting": [
            R("annual", "date:2024-12-05", "Các phòng, ban, đơn vị thuộc huyện; " + XA, UBH, ["2024-12-05"], via=TCKH),
            R("annual", "date:2024-12-10", TCKH, UBH, ["2024-12-10"]),
        ],
        "signer": {"authority_lines": [], "name": "Phan Anh Quang"},
        "recipients": [
            "Sở KH&ĐT",
            "CT, các PCT UBND huyện",
            "Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội huyện",
            "Các phòng, ban, đơn vị thuộc huyện",
            "UBND các xã, thị trấn",
        ],
        "filing": "VT, TH",
    },
    "003": {
        "issuer": "Ủy ban nhân dân huyện",
        "issuer_unsure": True,
        "number": None,
        "symbol": None,
        "place": None,
        "date": None,
        "title_starts": "Hỗ trợ phát triển và nâng cao chất lượng Hội quán trên địa bàn Huyện giai đoạn 2021 - 2025",
        "kind": "phase",
        "period_start": "2021-01-01",
        "period_end": "2025-12-31",
        "legal_bases": [
            {
                "kind": "Kế hoạch",
                "number": "128/KH-UBND",
                "date": "2021-04-22",
                "issuer": "Ủy ban nhân dân tỉnh Đồng Tháp",
                "title_starts": "hỗ trợ phát triển và nâng cao chất lượng Hội quán",
            },
        ],
        "implements": "128/KH-UBND",
        "targets": [
            T(2025, ">=", 1, "HTX"),
            T(2025, ">=", 8, "mã số vùng trồng"),
            T(2025, "=", 1, "chuỗi"),
            T(2025, ">=", 1, "Hội quán"),
        ],
        "tasks": [
            K("III.1", text_starts="Tăng cường công tác quản lý Nhà nước"),
            K("III.2", text_starts="Thực hiện đồng bộ các cơ chế, chính sách"),
            K("III.3", text_starts="Tuyên truyền, đào tạo, tập huấn"),
            K("III.4", text_starts="Duy trì và nâng cao chất lượng hoạt động"),
            K("III.5", text_starts="Phát triển các Hội quán có mô hình hay"),
            K("III.6", text_starts="Xúc tiến thương mại, du lịch"),
            K("III.7", text_starts="Hỗ trợ, hướng dẫn các Hội quán có đủ điều kiện"),
        ],
        "budget": {"total_vnd": None, "approximate": False, "sources": [{"kind": "integrated", "reference": None}]},
        "reporting": [
            R(
                "half_year",
                "day_month:20/05",
                "Các cơ quan Huyện có liên quan; Ủy ban nhân dân xã, thị trấn",
                "Phòng Nông nghiệp và Phát triển Nông thôn Huyện",
            ),
            R(
                "annual",
                "day_month:20/11",
                "Các cơ quan Huyện có liên quan; Ủy ban nhân dân xã, thị trấn",
                "Phòng Nông nghiệp và Phát triển Nông thôn Huyện",
            ),
        ],
        "signer": {"authority_lines": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "name": "Lê Chí Thiện"},
        "recipients": [
            "Sở NNPTNT Tỉnh",
            "TT/HU, TT/HĐND Huyện",
            "CT, các PCT/UBND Huyện",
            "UBMTTQ, các đoàn thể Huyện",
            "Các ngành Huyện có liên quan",
            "UBND xã, thị trấn",
            "LĐVP (đ/c Mỹ)",
        ],
        "filing": "VT, VPUBND(B)",
        "lead_agency": NN,
        "responsibilities": [
            NN,
            KTHT,
            "Phòng Văn hóa và Thông tin",
            TCKH,
            "Trung tâm Dịch vụ Nông nghiệp",
            "Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội Huyện",
            "Ủy ban nhân dân xã, thị trấn",
            "Các Hội quán trên địa bàn",
        ],
    },
    "004": {
        "issuer": "Ủy ban nhân dân tỉnh Lai Châu",
        "issuer_unsure": True,
        "number": None,
        "symbol": "KH-UBND",
        "place": "Lai Châu",
        "date": None,
        "year": 2024,
        "title_starts": "Thực hiện Quyết định số 182/QĐ-TTg ngày 20 tháng 02 năm 2024 của Thủ tướng Chính phủ",
        "kind": "implementing",
        "period_start": "2024-01-01",
        "period_end": "2030-12-31",
        "legal_bases": [
            {
                "kind": "Quyết định",
                "number": "182/QĐ-TTg",
                "date": "2024-02-20",
                "issuer": "Thủ tướng Chính phủ",
                "title_starts": "phê duyệt Đề án “Hội Nông dân Việt Nam tham gia phát triển kinh tế tập thể",
            },
        ],
        "implements": "182/QĐ-TTg",
        "targets": [
            T(2025, ">", 3, "HTX"),
            T(2025, ">", 10, "THT"),
            T(2025, "=", 100, "%"),
            T(2025, ">", 200, "hộ"),
            T(2025, ">", 10, "%"),
            T(2025, ">", 30, "%"),
            T(2025, ">", 50, "%"),
            T(2025, "=", 100, "%"),
            T(2025, "=", 70, "%"),
            T(2030, ">=", 10, "HTX"),
            T(2030, ">=", 40, "THT"),
            T(2030, ">", 15, "HTX"),
            T(2030, ">", 1200, "hộ"),
            T(2030, ">", 15, "%"),
            T(2030, ">", 50, "%"),
            T(2030, ">", 70, "%"),
            T(2030, "=", 100, "%"),
            T(2030, "=", 90, "%"),
        ],
        "tasks": [
            K("IV.1", text_starts="Thông tin, tuyên truyền, vận động, tập huấn"),
            K("IV.2", text_starts="Củng cố, nâng cao chất lượng, hiệu quả hoạt động"),
            K("IV.3", text_starts="Tư vấn, hướng dẫn, hỗ trợ hội viên, nông dân"),
            K("IV.4", text_starts="Nâng cao chất lượng nguồn nhân lực"),
            K("IV.5", text_starts="Nâng cao chất lượng các hoạt động tham gia hỗ trợ"),
            K("IV.6", text_starts="Tăng cường hợp tác về phát triển kinh tế tập thể"),
        ],
        "budget": {
            "total_vnd": None,
            "approximate": False,
            "sources": [
                {"kind": "state_budget", "reference": None},
                {"kind": "integrated", "reference": None},
                {"kind": "mobilized", "reference": None},
            ],
        },
        "reporting": [],
        "signer": {"authority_lines": AUTH_KT, "name": "Hà Trọng Hải"},
        "recipients": [
            "Thường trực Tỉnh ủy (b/c)",
            "Thường trực HĐND tỉnh (b/c)",
            "Chủ tịch, các PCT UBND tỉnh",
            "Ủy ban MTTQ Việt Nam, các đoàn thể tỉnh",
            "Các sở, ngành: Nông nghiệp và PTNT, Kế hoạch và Đầu tư, Tài chính, Lao động - Thương binh và Xã hội, "
            "Thông tin và Truyền thông, Công Thương; Ban Dân tộc tỉnh",
            "Liên minh Hợp tác xã tỉnh",
            "UBND các huyện, thành phố",
            "VP UBND tỉnh: V1, V3",
        ],
        "filing": "VT, Kt9",
        "lead_agency": "Hội Nông dân tỉnh",
        "responsibilities": [
            "Hội Nông dân tỉnh",
            "Sở Kế hoạch và Đầu tư",
            "Sở Tài chính",
            "Sở Nông nghiệp và Phát triển nông thôn",
            "Sở Lao động - Thương binh và Xã hội",
            "Sở Thông tin và Truyền thông",
            "Sở Công Thương",
            "Ban Dân tộc tỉnh",
            "Liên minh Hợp tác xã tỉnh",
            "Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội, tổ chức xã hội tỉnh",
            "Ủy ban nhân dân các huyện, thành phố",
        ],
    },
}


def seed_text(key: str) -> str:
    return (SEED_DIR / SEED_FILES[key]).read_text(encoding="utf-8")
