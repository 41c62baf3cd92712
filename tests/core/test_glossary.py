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


def test_draft_reads_du_thao_for_plans_and_ban_nhap_for_reports():
    """One msgid "Draft", two words (docs/glossary.md): a context each, so Django's merged
    catalogue no longer gives reports the plan's "Dự thảo" (issue 18)."""
    from plans.models import PlanStatus
    from reports.models import ObligationStatus

    with translation.override("vi"):
        assert str(PlanStatus.DRAFT.label) == "Dự thảo"
        assert str(ObligationStatus.DRAFT.label) == "Bản nháp"
        assert Template('{% load i18n %}{% translate "Draft" context "plan status" %}').render(Context()) == "Dự thảo"


def test_draft_badges_on_the_pages(client_for, reporter_a, planner, agency_a, province_agency):
    """A draft report's badge reads "Bản nháp" on the report list; a draft plan's "Dự thảo" on the plan list."""
    from reports import services
    from reports.models import Obligation
    from tests.plans.factories import PlanFactory
    from tests.reports.factories import build_cycle, full_data

    cycle = build_cycle(receiver=province_agency, reporters=[agency_a])
    services.obligations_generate(plan=cycle["plan"])
    ob = Obligation.objects.filter(agency=agency_a).order_by("period__start").first()
    services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=0, data=full_data(cycle))
    PlanFactory(issuer=province_agency, title="Kế hoạch còn dự thảo")
    reports = client_for(reporter_a).get(reverse("reports:obligation_list"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert re.search(r'class="badge text-bg-warning">Bản nháp<', reports) and ">Dự thảo<" not in reports
    plans = client_for(planner).get(reverse("plans:plan_list"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert re.search(r'class="badge text-bg-secondary">Dự thảo<', plans) and "Bản nháp" not in plans
