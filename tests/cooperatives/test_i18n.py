"""The registry's Vietnamese catalogue is complete, and every template compiles."""

import re
from pathlib import Path

import pytest
from django.template.loader import get_template
from django.utils import translation

APP = Path(__file__).resolve().parents[2] / "cooperatives"
PO = APP / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def entries():
    """(block, msgid, msgstr) of each entry; continuation lines are joined."""
    text = PO.read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        parts = {"msgid": "", "msgstr": ""}
        current = None
        for line in block.splitlines():
            match = re.match(r'^(msgid|msgstr)(?:\[0\])? "(.*)"$', line)
            if match:
                current = match.group(1)
                parts[current] += match.group(2)
            elif current and line.startswith('"'):
                parts[current] += line.strip()[1:-1]
        yield block, parts["msgid"], parts["msgstr"]


def test_catalogue_complete_and_not_fuzzy():
    """Every msgid has a Vietnamese msgstr and no entry is fuzzy."""
    missing = [msgid for block, msgid, msgstr in entries() if msgid and not msgstr]
    fuzzy = [msgid for block, msgid, _s in entries() if msgid and "#, fuzzy" in block]
    assert missing == [] and fuzzy == []


def test_messages_are_vietnamese():
    from cooperatives.importing import _error

    with translation.override("vi"):
        assert _error(14, "Doanh thu", translation.gettext("not a number")) == "Dòng 14, cột Doanh thu: không phải số"


@pytest.mark.parametrize(
    "name", sorted(str(p.relative_to(APP / "templates")) for p in (APP / "templates").rglob("*.html"))
)
def test_template_compiles(name):
    assert get_template(name)
