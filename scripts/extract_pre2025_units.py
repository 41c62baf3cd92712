#!/usr/bin/env python
"""Regenerate directory/data/pre2025_units.json from vietnam-provinces 0.6.0.

The current release of ``vietnam-provinces`` (2025.10.1) only knows the units in force since
01/07/2025 (34 provinces, communes directly under them). Plans and reports of 2021–2025 refer
to the earlier provinces, districts and communes, so the portal keeps those of the four
provinces of the seed plans. They come from release 0.6.0 of the same package (data version
2025-01-04, General Statistics Office codes), which is not installed: this script reads its
wheel and writes only the subset the portal needs.

    pip download --no-deps vietnam-provinces==0.6.0 -d /tmp/vp06
    python scripts/extract_pre2025_units.py /tmp/vp06/vietnam_provinces-0.6.0-py3-none-any.whl
"""

import json
import sys
import zipfile
from pathlib import Path

# Old province code → code of the province it became part of on 01/07/2025
# (Resolution 202/2025/QH15): Kon Tum merged into Quảng Ngãi, Đồng Tháp and Tiền Giang into
# Đồng Tháp (which took Tiền Giang's code 82), Lai Châu kept its territory and code.
SEED_PROVINCES = {"51": "51", "62": "51", "87": "82", "12": "12"}
PREFIXES = ("Thành phố", "Thị xã", "Thị trấn", "Huyện", "Quận", "Phường", "Tỉnh", "Xã")
WIDTH = {"province": 2, "district": 3, "commune": 5}


def split_name(full: str) -> tuple[str, str]:
    """"Thị trấn Plei Kần" → ("thị trấn", "Plei Kần"): the kind is the name's generic noun."""
    for prefix in PREFIXES:
        if full.startswith(prefix + " "):
            return prefix.lower(), full[len(prefix) + 1 :].strip()
    raise ValueError(f"no generic noun in {full!r}")


def unit(record: dict, level: str) -> dict:
    kind, name = split_name(record["name"])
    return {"code": str(record["code"]).zfill(WIDTH[level]), "name": name, "kind": kind}


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as zf:
        data = json.loads(zf.read("vietnam_provinces/data/nested-divisions.json"))
        version = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
    provinces = []
    for p in data:
        code = str(p["code"]).zfill(2)
        if code not in SEED_PROVINCES:
            continue
        province = unit(p, "province") | {"successor": SEED_PROVINCES[code], "districts": []}
        for d in p["districts"]:
            district = unit(d, "district") | {"communes": [unit(w, "commune") for w in d["wards"]]}
            province["districts"].append(district)
        provinces.append(province)
    out = {
        "source": (
            "vietnam-provinces 0.6.0 (PyPI, data version 2025-01-04, codes of the General Statistics "
            f"Office), {version.split('/')[0]}; extracted by scripts/extract_pre2025_units.py"
        ),
        "valid_to": "2025-06-30",
        "provinces": sorted(provinces, key=lambda p: p["code"]),
    }
    target = Path(__file__).resolve().parent.parent / "directory" / "data" / "pre2025_units.json"
    target.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main(sys.argv[1])
