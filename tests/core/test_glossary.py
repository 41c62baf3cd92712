"""The UI follows docs/glossary.md: one word per concept (issue 18)."""

import re
from pathlib import Path

from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]


def _templates():
    return [p for p in ROOT.glob("*/templates/**/*.html") if ".venv" not in p.parts] + list((ROOT / "templates").glob("**/*.html"))


def test_filter_buttons_use_the_verb():
    """Every filter button translates "Filter" as the verb ("Lọc"), never the bare msgid
    (which Django's admin catalogue renders "Bộ lọc")."""
    bare = [str(p.relative_to(ROOT)) for p in _templates() if re.search(r'translate "Filter" %\}', p.read_text(encoding="utf-8"))]
    assert not bare, bare
    with translation.override("vi"):
        assert Template('{% load i18n %}{% translate "Filter" context "verb" %}').render(Context()) == "Lọc"


def test_report_list_button_says_loc(client_for, planner):
    """The reports list's button reads "Lọc", like the plan list's."""
    for url in (reverse("reports:obligation_list"), reverse("plans:plan_list")):
        page = client_for(planner).get(url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
        assert re.search(r'type="submit"[^>]*>(<i[^>]*></i>)?\s*Lọc\s*</button>', page), url


def test_shorten_filter_cuts_at_a_word():
    """Long titles in lists end with "…" after a whole word."""
    text = "Củng cố, kiện toàn, phát triển các hợp tác xã nông nghiệp trên địa bàn huyện Ngọc Hồi giai đoạn 2023 - 2025"
    out = Template("{% load coopplan %}{{ t|shorten:60 }}").render(Context({"t": text}))
    assert out.endswith("…") and len(out) <= 60 and text.startswith(out[:-1]) and text[len(out) - 1] == " "


def test_plan_list_explains_draft_and_in_force_badges(client_for, planner):
    """"Dự thảo" beside "Đang thực hiện" is explained on the plan list (issue 18)."""
    page = client_for(planner).get(reverse("plans:plan_list"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "data-badge-legend" in page and "cổng chỉ có bản sao chưa ghi số, ngày" in page


def test_list_filters_have_no_dashes(client_for, planner):
    """The empty choice of list filters reads "— Tất cả —", never "---------" (issue 18)."""
    for url in (reverse("reports:obligation_list"), reverse("plans:plan_list"), reverse("directory:agency_list")):
        page = client_for(planner).get(url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
        assert "---------" not in page, url
    assert "— Tất cả —" in client_for(planner).get(reverse("reports:obligation_list"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
