"""Reference data: the sectors (lĩnh vực) and the indicator catalogue.

The catalogue is a frozen copy here (migrations must not import code that may change);
``cooperatives.indicators`` implements each ``computation`` key. Re-running is harmless:
rows are matched by code and updated.
"""

from django.db import migrations

SECTORS = [
    ("nong-nghiep", "Nông nghiệp", True),
    ("lam-nghiep", "Lâm nghiệp", True),
    ("thuy-san", "Thủy sản", True),
    ("diem-nghiep", "Diêm nghiệp", True),
    ("cong-nghiep-xay-dung", "Công nghiệp - Tiểu thủ công nghiệp - Xây dựng", False),
    ("thuong-mai-dich-vu", "Thương mại - Dịch vụ", False),
    ("van-tai", "Vận tải", False),
    ("tin-dung", "Quỹ tín dụng nhân dân", False),
    ("moi-truong", "Môi trường - Nước sạch", False),
    ("du-lich", "Du lịch", False),
    ("khac", "Lĩnh vực khác", False),
]

HTX = ["htx"]
ALL = ["htx", "lhhtx", "tht", "hoiquan", "chihoi"]

# (code, name, unit, computation, params, description)
INDICATORS = [
    ("htx_active", "Số HTX đang hoạt động", "HTX", "org_count", {"kinds": HTX, "state": "active"},
     "Số HTX đang hoạt động tại ngày 31/12 của năm trên địa bàn."),
    ("htx_agri_active", "Số HTX nông nghiệp đang hoạt động", "HTX", "org_count",
     {"kinds": HTX, "state": "active", "agricultural": True},
     "Số HTX có ít nhất một lĩnh vực nông, lâm, thủy sản, diêm nghiệp, đang hoạt động tại ngày 31/12."),
    ("lhhtx_active", "Số liên hiệp HTX đang hoạt động", "LHHTX", "org_count", {"kinds": ["lhhtx"], "state": "active"}, ""),
    ("tht_active", "Số tổ hợp tác đang hoạt động", "THT", "org_count", {"kinds": ["tht"], "state": "active"}, ""),
    ("hoiquan_active", "Số Hội quán đang hoạt động", "Hội quán", "org_count", {"kinds": ["hoiquan"], "state": "active"}, ""),
    ("chihoi_active", "Số chi, tổ hội nông dân nghề nghiệp đang hoạt động", "chi/tổ hội", "org_count",
     {"kinds": ["chihoi"], "state": "active"}, ""),
    ("kttt_active", "Số tổ chức kinh tế tập thể đang hoạt động", "tổ chức", "org_count", {"kinds": ALL, "state": "active"},
     "HTX, liên hiệp HTX, tổ hợp tác, Hội quán và chi/tổ hội nghề nghiệp đang hoạt động tại ngày 31/12."),
    ("htx_suspended", "Số HTX tạm ngừng hoạt động", "HTX", "org_count", {"kinds": HTX, "state": "suspended"}, ""),
    ("htx_dissolved", "Số HTX giải thể trong năm", "HTX", "org_count", {"kinds": HTX, "state": "dissolved"},
     "Số HTX có ngày giải thể trong năm."),
    ("htx_new", "Số HTX thành lập mới trong năm", "HTX", "org_count", {"kinds": HTX, "state": "new"},
     "Số HTX có ngày thành lập trong năm."),
    ("htx_agri_new", "Số HTX nông nghiệp thành lập mới trong năm", "HTX", "org_count",
     {"kinds": HTX, "state": "new", "agricultural": True}, ""),
    ("tht_new", "Số tổ hợp tác thành lập mới trong năm", "THT", "org_count", {"kinds": ["tht"], "state": "new"}, ""),
    ("htx_rated_good_share", "Tỷ lệ HTX xếp loại khá trở lên", "%", "record_share",
     {"kinds": HTX, "ratings": ["tot", "kha"]},
     "Số HTX xếp loại tốt hoặc khá trong năm / số HTX được xếp loại trong năm (không tính HTX chưa xếp loại) × 100."),
    ("kttt_rated_good_share", "Tỷ lệ tổ chức kinh tế tập thể đạt loại tốt, khá", "%", "record_share",
     {"kinds": ALL, "ratings": ["tot", "kha"]},
     "Như trên, cho mọi loại hình tổ chức kinh tế tập thể."),
    ("htx_avg_revenue", "Doanh thu bình quân của HTX", "triệu đồng/HTX/năm", "record_avg",
     {"kinds": HTX, "field": "revenue", "scale": 1000000, "places": 2},
     "Trung bình cộng doanh thu năm của các HTX có số liệu doanh thu, đổi ra triệu đồng."),
    ("htx_avg_profit", "Lợi nhuận bình quân của HTX", "triệu đồng/HTX/năm", "record_avg",
     {"kinds": HTX, "field": "profit", "scale": 1000000, "places": 2},
     "Trung bình cộng lợi nhuận năm của các HTX có số liệu lợi nhuận, đổi ra triệu đồng."),
    ("htx_avg_income", "Thu nhập bình quân của thành viên HTX", "triệu đồng/người/năm", "record_avg",
     {"kinds": HTX, "field": "avg_income", "scale": 1000000, "places": 2},
     "Trung bình cộng (không gia quyền) thu nhập bình quân thành viên do các HTX báo cáo, đổi ra triệu đồng."),
    ("htx_workers", "Tổng số lao động thường xuyên trong HTX", "người", "record_sum", {"kinds": HTX, "field": "workers"},
     "Tổng số lao động thường xuyên (kể cả cán bộ quản lý) trong số liệu năm của các HTX."),
    ("htx_members", "Tổng số thành viên HTX", "thành viên", "record_sum", {"kinds": HTX, "field": "members"}, ""),
    ("htx_managers_degree_share", "Tỷ lệ cán bộ quản lý HTX có trình độ cao đẳng, đại học trở lên", "%", "record_ratio",
     {"kinds": HTX, "numerator": "managers_degree", "denominator": "managers"},
     "Tổng số cán bộ quản lý có trình độ CĐ/ĐH / tổng số cán bộ quản lý × 100 (HTX có đủ hai số liệu)."),
    ("htx_managers_trained_share", "Tỷ lệ cán bộ quản lý HTX qua đào tạo sơ cấp, trung cấp", "%", "record_ratio",
     {"kinds": HTX, "numerator": "managers_trained", "denominator": "managers"},
     "Tổng số cán bộ quản lý đã qua đào tạo sơ cấp/trung cấp / tổng số cán bộ quản lý × 100."),
    ("htx_high_tech", "Số HTX ứng dụng công nghệ cao", "HTX", "record_count", {"kinds": HTX, "flag": "high_tech"},
     "Số HTX có số liệu năm ghi nhận ứng dụng công nghệ cao."),
    ("htx_value_chain_share", "Tỷ lệ HTX tham gia liên kết chuỗi giá trị", "%", "record_share",
     {"kinds": HTX, "flag": "value_chain"}, "Số HTX có liên kết chuỗi / số HTX có số liệu năm × 100."),
    ("kttt_value_chain_share", "Tỷ lệ tổ chức kinh tế tập thể tham gia liên kết chuỗi giá trị", "%", "record_share",
     {"kinds": ALL, "flag": "value_chain"}, "Như trên, cho mọi loại hình tổ chức kinh tế tập thể."),
    ("htx_credit_access_share", "Tỷ lệ HTX tiếp cận được vốn tín dụng", "%", "record_share",
     {"kinds": HTX, "flag": "credit_access"}, ""),
    ("growing_area_codes", "Số mã số vùng trồng được cấp", "mã số", "record_sum", {"kinds": ALL, "field": "growing_area_codes"},
     "Tổng số mã số vùng trồng trong số liệu năm của mọi tổ chức kinh tế tập thể."),
    ("ocop_products", "Số sản phẩm OCOP", "sản phẩm", "record_sum", {"kinds": ALL, "field": "ocop_products"}, ""),
    ("hoiquan_tourism", "Số Hội quán gắn với du lịch nông thôn", "Hội quán", "record_count",
     {"kinds": ["hoiquan"], "flag": "tourism"}, ""),
    ("htx_from_hoiquan", "Số HTX thành lập từ Hội quán", "HTX", "org_count",
     {"kinds": HTX, "state": "existing", "founded_from_kind": "hoiquan"},
     "Số HTX còn tồn tại tại ngày 31/12 được hình thành từ một Hội quán (lũy kế)."),
    ("htx_supported_hnd", "Số HTX do Hội Nông dân hỗ trợ thành lập", "HTX", "org_count",
     {"kinds": HTX, "state": "existing", "supported_by_kind": "hnd"}, "Lũy kế đến 31/12."),
    ("tht_supported_hnd", "Số tổ hợp tác do Hội Nông dân hỗ trợ thành lập", "THT", "org_count",
     {"kinds": ["tht"], "state": "existing", "supported_by_kind": "hnd"}, "Lũy kế đến 31/12."),
    ("communes_with_agri_htx", "Số xã có ít nhất 01 HTX nông nghiệp", "xã", "commune_coverage",
     {"kinds": HTX, "agricultural": True, "mode": "count"},
     "Số xã, phường, thị trấn của địa bàn (có hiệu lực ngày 01/01 của năm) có ít nhất một HTX nông nghiệp đang hoạt động."),
    ("communes_with_agri_htx_share", "Tỷ lệ xã có ít nhất 01 HTX nông nghiệp", "%", "commune_coverage",
     {"kinds": HTX, "agricultural": True, "mode": "share"}, "Số xã như trên / tổng số xã của địa bàn × 100."),
]


def load(apps, schema_editor):
    Sector = apps.get_model("cooperatives", "Sector")
    Indicator = apps.get_model("cooperatives", "Indicator")
    for code, name, agricultural in SECTORS:
        Sector.objects.update_or_create(code=code, defaults={"name": name, "is_agricultural": agricultural})
    for code, name, unit, computation, params, description in INDICATORS:
        Indicator.objects.update_or_create(
            code=code,
            defaults={"name": name, "unit": unit, "computation": computation, "params": params, "description": description},
        )


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0002_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
