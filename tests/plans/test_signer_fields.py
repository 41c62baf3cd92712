"""The plan form's signature block (issue 18): help texts say what goes where, the signer's
title repeated among the authority lines (it printed "PHÓ CHỦ TỊCH" twice) or an authority line
typed as the title is refused in Vietnamese, and the signing user is a leader of the plan's
issuer — a Liên minh HTX plan offers the Liên minh's leaders, not the People's Committee's."""

import pytest
from django.urls import reverse
from django.utils import translation

from plans.forms import plan_form_bundle, signature_errors
from tests.browser_support import CHROMIUM, LAUNCH_ARGS, log_in, pick
from tests.directory.factories import AgencyFactory, UserFactory
from tests.plans.factories import PlanFactory
from tests.plans.helpers import page_form_data, plan_post

pytestmark = pytest.mark.django_db

HEADER = {
    "symbol": "KH-LMHTX",
    "title": "Kế hoạch phát triển hợp tác xã",
    "kind": "annual",
    "period_start": "01/01/2024",
    "period_end": "31/12/2025",
}
REPEATED_VI = "“Phó Chủ tịch” là chức vụ của người ký: chỉ ghi ở ô “Chức vụ người ký”, nếu không sẽ in hai lần."


def _bundle(user, plan=None, **header):
    data = plan_post({"issuer": user.agency.pk, **HEADER, **header})
    return plan_form_bundle(user=user, plan=plan, data=data)


class TestSignatureErrors:
    def test_the_usual_blocks_pass(self):
        """Seed 001's and seed 000's blocks, a head signing alone and an acting head are fine."""
        assert signature_errors(authority="TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", title="PHÓ CHỦ TỊCH") == {}
        assert signature_errors(authority="TM. THƯỜNG TRỰC", title="PHÓ CHỦ TỊCH") == {}
        assert signature_errors(authority="", title="CHỦ TỊCH") == {}
        assert signature_errors(authority="", title="Q. GIÁM ĐỐC") == {}
        assert signature_errors(authority="KT. CHỦ TỊCH", title="") == {}

    def test_title_repeated_in_the_authority_lines(self):
        """Compared as printed: capitals, spaces and a trailing dot do not hide the repeat."""
        errors = signature_errors(authority="TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPhó  Chủ tịch.", title="PHÓ CHỦ TỊCH")
        assert set(errors) == {"signer_authority"} and errors["signer_authority"].code == "title_repeated"

    def test_authority_line_typed_as_the_title(self):
        errors = signature_errors(authority="TM. ỦY BAN NHÂN DÂN", title="KT. CHỦ TỊCH")
        assert set(errors) == {"signer_title"} and errors["signer_title"].code == "title_is_authority"


class TestPlanForm:
    def test_repeat_is_refused_in_vietnamese(self, planner):
        with translation.override("vi"):
            bundle = _bundle(
                planner, signer_authority="TM. THƯỜNG TRỰC\nPhó Chủ tịch", signer_title="PHÓ CHỦ TỊCH"
            )
            assert not bundle.is_valid()
            assert [str(m) for m in bundle.form.errors["signer_authority"]] == [REPEATED_VI]
            bundle = _bundle(planner, signer_authority="TM. THƯỜNG TRỰC", signer_title="KT. CHỦ TỊCH")
            assert not bundle.is_valid()
            message = " ".join(bundle.form.errors["signer_title"])
            assert "KT." in message and "dòng thẩm quyền" in message

    def test_edit_page_explains_the_fields_and_keeps_the_plan_on_a_repeat(self, client_for, planner, province_agency):
        """The page says what goes where; a repeated title comes back with the message, nothing saved."""
        plan = PlanFactory(issuer=province_agency, signer_authority="TM. THƯỜNG TRỰC", signer_title="PHÓ CHỦ TỊCH")
        c = client_for(planner)
        url = reverse("plans:plan_update", args=[plan.pk])
        with translation.override("vi"):
            body = c.get(url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
            assert "Không ghi chức vụ của người ký ở đây" in body
            assert "in một lần dưới các dòng thẩm quyền" in body
            assert 'placeholder="PHÓ CHỦ TỊCH"' in body
            data = page_form_data(c, url, "targets-TOTAL_FORMS")
            data["signer_authority"] = "TM. THƯỜNG TRỰC\nPHÓ CHỦ TỊCH"
            response = c.post(url, data, HTTP_ACCEPT_LANGUAGE="vi")
        assert response.status_code == 200 and "nếu không sẽ in hai lần" in response.content.decode()
        plan.refresh_from_db()
        assert plan.signer_authority == "TM. THƯỜNG TRỰC"


@pytest.fixture
def leaders(province, province_agency):
    ubnd = AgencyFactory(name="Ủy ban nhân dân tỉnh Quảng Ngãi", unit=province)
    stc = AgencyFactory(name="Sở Tài chính tỉnh Quảng Ngãi", short_name="STC", kind="so", unit=province, parent=ubnd)
    return {
        "ubnd": UserFactory(username="ld_ubnd", full_name="Trần Văn Phúc", position="Phó Chủ tịch", agency=ubnd,
                            is_leader=True),
        "stc": UserFactory(username="ld_stc", full_name="Lê Minh Sở", position="Giám đốc", agency=stc, is_leader=True),
        "lmhtx": UserFactory(username="ld_lmhtx", full_name="Hồ Quý Nhân", position="Phó Chủ tịch",
                             agency=province_agency, is_leader=True),
        "planner_stc": UserFactory(username="pl_stc", agency=stc, is_planner=True),
    }


class TestSigners:
    def test_alliance_plan_offers_its_own_leaders(self, planner, province_agency, leaders):
        """A Liên minh HTX plan offers the Liên minh's leader, named with position and agency; the
        People's Committee's leader (another issuer's) is neither offered nor accepted."""
        plan = PlanFactory(issuer=province_agency)
        field = plan_form_bundle(user=planner, plan=plan).form.fields["signer_user"]
        assert list(field.queryset) == [leaders["lmhtx"]]
        label = dict((str(v), lbl) for v, lbl in field.choices)[str(leaders["lmhtx"].pk)]
        assert label == "Hồ Quý Nhân – Phó Chủ tịch, Liên minh Hợp tác xã tỉnh Quảng Ngãi"
        assert not _bundle(planner, signer_user=leaders["ubnd"].pk).is_valid()
        bundle = _bundle(planner, signer_user=leaders["lmhtx"].pk)
        assert bundle.is_valid(), bundle.form.errors

    def test_signer_must_lead_the_issuer(self, leaders):
        """Sở Tài chính drafts for UBND tỉnh: both agencies' leaders are offered, the issuer's
        first; the Sở's director cannot sign the People's Committee's plan."""
        planner_stc = leaders["planner_stc"]
        ubnd = leaders["ubnd"].agency
        plan = PlanFactory(issuer=ubnd)
        offered = list(plan_form_bundle(user=planner_stc, plan=plan).form.fields["signer_user"].queryset)
        assert offered == [leaders["ubnd"], leaders["stc"]]
        with translation.override("vi"):
            data = plan_post({**HEADER, "issuer": ubnd.pk, "signer_user": leaders["stc"].pk})
            bundle = plan_form_bundle(user=planner_stc, plan=None, data=data)
            assert not bundle.is_valid()
            message = " ".join(bundle.form.errors["signer_user"])
            assert "Lê Minh Sở" in message and "không phải là lãnh đạo của Ủy ban nhân dân tỉnh Quảng Ngãi" in message
        data = plan_post({**HEADER, "issuer": ubnd.pk, "signer_user": leaders["ubnd"].pk})
        bundle = plan_form_bundle(user=planner_stc, plan=None, data=data)
        assert bundle.is_valid(), bundle.form.errors

    def test_leaders_of_the_issuer_on_the_page_first(self, leaders):
        """The order follows the issuer the page shows, not only the saved plan's: a new plan's
        form sent back with an error lists the leaders of the issuer chosen in it first."""
        planner_stc = leaders["planner_stc"]
        ubnd, stc = leaders["ubnd"].agency, leaders["stc"].agency
        for issuer, first in ((ubnd, "ubnd"), (stc, "stc")):
            data = plan_post({**HEADER, "title": "", "issuer": issuer.pk})
            bundle = plan_form_bundle(user=planner_stc, plan=None, data=data)
            assert not bundle.is_valid()
            assert list(bundle.form.fields["signer_user"].queryset)[0] == leaders[first], issuer
        unbound = plan_form_bundle(user=planner_stc, initial={"issuer": ubnd}).form
        assert list(unbound.fields["signer_user"].queryset)[0] == leaders["ubnd"]

    def test_options_say_whose_leader_for_the_script(self, client_for, leaders):
        """Each leader's option names their agency (data-agency) and the select names the issuer
        field it follows, for static/js/signer-order.js (loaded as a file: CSP allows no inline JS)."""
        c = client_for(leaders["planner_stc"])
        body = c.get(reverse("plans:plan_create")).content.decode()
        assert 'data-leaders-first-for="issuer"' in body
        for key in ("ubnd", "stc"):
            user = leaders[key]
            assert f'value="{user.pk}" data-agency="{user.agency_id}"' in body, key
        assert "plans/signer-order.js" in body


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_signer_choices_follow_the_issuer_live(transactional_db, live_server, leaders, monkeypatch, tmp_path):
    """Sở Tài chính drafts a plan: its own director is offered first; the planner switches the
    issuer to UBND tỉnh and, without reloading, the People's Committee's leader comes first; back
    to the Sở, the director again. The choice made stays chosen; no CSP violation."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    planner_stc = leaders["planner_stc"]
    ubnd, stc = leaders["ubnd"].agency, leaders["stc"].agency
    first_leader = "() => { const o = document.querySelector('select[name=signer_user] option[data-agency]'); return o && o.dataset.agency; }"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
            violations = []
            page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
            log_in(page, live_server.url, planner_stc.username, "pw-test-123")
            page.goto(f"{live_server.url}{reverse('plans:plan_create')}")
            assert page.input_value("select[name=issuer]") == str(stc.pk)
            assert page.evaluate(first_leader) == str(stc.pk)
            page.select_option("select[name=signer_user]", str(leaders["stc"].pk))
            pick(page, "issuer", ubnd.pk, "uy ban")
            page.wait_for_function(f"() => ({first_leader})() === '{ubnd.pk}'", timeout=15_000)
            page.screenshot(path=str(tmp_path / "signer_after_issuer_ubnd.png"), full_page=True)
            labels = page.eval_on_selector_all("select[name=signer_user] option[data-agency]", "os => os.map(o => o.text)")
            assert labels[0].startswith("Trần Văn Phúc") and labels[1].startswith("Lê Minh Sở"), labels
            assert page.input_value("select[name=signer_user]") == str(leaders["stc"].pk)  # kept
            pick(page, "issuer", stc.pk, "tai chinh")
            page.wait_for_function(f"() => ({first_leader})() === '{stc.pk}'", timeout=15_000)
            assert violations == [], violations
        finally:
            browser.close()
