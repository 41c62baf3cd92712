"""Every Vietnamese catalogue in the repository is complete: no empty and no fuzzy entry.

Pages are Vietnamese by default; a msgid left untranslated shows English to a civil
servant, and a fuzzy entry is silently ignored by compilemessages (the English shows too).
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SKIP_DIRS = {".venv", "node_modules", "staticfiles", ".git"}
VENDOR_CATALOGUE = ROOT / "locale_vendor" / "vi" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdifr]|\{(\w+)\}")


def catalogues() -> list[Path]:
    found = []
    for path in ROOT.rglob("locale/vi/LC_MESSAGES/django.po"):
        if not SKIP_DIRS.intersection(path.relative_to(ROOT).parts):
            found.append(path)
    # Hand-kept Vietnamese for third-party apps that ship none (see docs/contributing.md).
    found.append(VENDOR_CATALOGUE)
    return sorted(found)


def entries(path: Path):
    """Yield (line, flags, msgid, [msgstr…]) for every entry of a .po file."""
    block: list[str] = []
    start = 1
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines() + [""], start=1):
        if line.strip():
            if not block:
                start = number
            block.append(line)
            continue
        if block:
            yield start, *parse_block(block)
            block = []


def parse_block(lines):
    flags, fields, current = set(), {}, None
    for line in lines:
        if line.startswith("#,"):
            flags.update(f.strip() for f in line[2:].split(","))
        elif line.startswith("#~"):
            return {"obsolete"}, None, []
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            fields[current] += ast.literal_eval(line)
        else:
            keyword, _, value = line.partition(" ")
            current = keyword
            fields[current] = ast.literal_eval(value)
    msgstrs = [v for k, v in fields.items() if k.startswith("msgstr")]
    return flags, fields.get("msgid"), msgstrs


def test_parser_sees_problems(tmp_path):
    """The checker itself notices a fuzzy and an empty entry."""
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr "Language: vi\\n"\n\n#, fuzzy\nmsgid "Plans"\nmsgstr "Kế hoạch"\n\n'
        'msgid "Reports"\nmsgstr ""\n\n#, python-format\nmsgid "Hello, %(name)s"\nmsgstr "Xin chào"\n',
        encoding="utf-8",
    )
    flags = [(f, m, s) for _, f, m, s in entries(po)]
    assert flags[1] == ({"fuzzy"}, "Plans", ["Kế hoạch"])
    assert flags[2] == (set(), "Reports", [""])
    assert set(PLACEHOLDER.findall(flags[3][1])) - set(PLACEHOLDER.findall(flags[3][2][0]))


def test_there_are_catalogues():
    """The project and the directory app at least have their catalogues."""
    names = {str(p.relative_to(ROOT)) for p in catalogues()}
    assert "locale/vi/LC_MESSAGES/django.po" in names
    assert "directory/locale/vi/LC_MESSAGES/django.po" in names
    assert "locale_vendor/vi/LC_MESSAGES/django.po" in names


def test_vendor_catalogue_is_loaded_and_not_rewritten():
    """Django reads locale_vendor/ after the project catalogue; makemessages.sh never writes it."""
    from django.conf import settings

    paths = [Path(p) for p in settings.LOCALE_PATHS]
    assert paths.index(ROOT / "locale") < paths.index(ROOT / "locale_vendor")
    assert "locale_vendor" not in (ROOT / "scripts" / "makemessages.sh").read_text(encoding="utf-8")


def test_vendor_catalogue_translates_axes_and_celery_beat():
    """The admin names of django-axes and django_celery_beat models come out Vietnamese."""
    from axes.models import AccessAttempt
    from django.utils import translation
    from django_celery_beat.models import ClockedSchedule, PeriodicTask

    with translation.override("vi"):
        assert str(AccessAttempt._meta.verbose_name_plural) == "Lượt thử đăng nhập"
        assert str(PeriodicTask._meta.verbose_name_plural) == "Tác vụ định kỳ"
        assert str(ClockedSchedule._meta.verbose_name) == "lịch chạy một lần"


@pytest.mark.parametrize("po", catalogues(), ids=lambda p: str(p.relative_to(ROOT)))
def test_catalogue_complete(po):
    """No untranslated, fuzzy or placeholder-mismatched entry (the header may not be fuzzy either)."""
    problems = []
    for line, flags, msgid, msgstrs in entries(po):
        if "obsolete" in flags:
            continue
        if "fuzzy" in flags:
            problems.append(f"{po.name}:{line}: fuzzy entry {msgid!r}")
            continue
        if msgid == "":
            continue
        if not msgstrs or any(not s for s in msgstrs):
            problems.append(f"{po.relative_to(ROOT)}:{line}: untranslated {msgid!r}")
            continue
        wanted = {m for m in PLACEHOLDER.findall(msgid) if "python-format" in flags or "python-brace-format" in flags}
        for s in msgstrs:
            if wanted - set(PLACEHOLDER.findall(s)):
                problems.append(f"{po.relative_to(ROOT)}:{line}: placeholders of {msgid!r} missing in {s!r}")
    assert not problems, "\n".join(problems)
