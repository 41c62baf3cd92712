"""Indicator for targets such as "mỗi xã có ít nhất 01 HTX nông nghiệp" (seed 001, unit HTX/xã)."""

from django.db import migrations

CODE = "agri_htx_min_per_commune"


def load(apps, schema_editor):
    Indicator = apps.get_model("cooperatives", "Indicator")
    Indicator.objects.update_or_create(
        code=CODE,
        defaults={
            "name": "Số HTX nông nghiệp ít nhất ở một xã",
            "unit": "HTX/xã",
            "computation": "commune_min",
            "params": {"kinds": ["htx"], "agricultural": True},
            "description": "Số HTX nông nghiệp đang hoạt động của xã có ít HTX nhất trong địa bàn (xã có hiệu lực ngày "
            "01/01 của năm); đạt chỉ tiêu '≥ 01 HTX/xã' khi giá trị ≥ 1.",
        },
    )


def unload(apps, schema_editor):
    apps.get_model("cooperatives", "Indicator").objects.filter(code=CODE).delete()


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0003_sectors_and_indicators")]

    operations = [migrations.RunPython(load, unload)]
