"""Choice fields are scoped like the pages (issue 12).

Every ModelChoiceField / ModelMultipleChoiceField of the portal's forms and formsets, one test
each: an id the user may not reach (another province's plan, agency, unit, organisation or
leader) is refused server-side, with the portal's Vietnamese message, and a reachable one is
accepted. The forms' querysets are the scope (the autocomplete widgets use them too).

Fields with a global catalogue and no area (a target's indicator, an organisation's sectors)
and fields limited to the edited plan's own rows (a task's targets, a budget line's task, a
requirement's "consolidates") are not area-scoped; the plan rows are checked below as well.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from core.forms import NOT_AVAILABLE
from tests.directory.factories import AgencyFactory, CommuneFactory, DistrictFactory, ProvinceFactory, UserFactory
from tests.plans.factories import IssuedPlanFactory, PlanFactory, PlanTargetFactory
from tests.plans.helpers import plan_post

pytestmark = pytest.mark.django_db

VI_NOT_AVAILABLE = "Lựa chọn này không dành cho bạn. Hãy chọn một mục trong danh sách."

HEADER = {
    "symbol": "KH-UBND",
    "title": "Kế hoạch phát triển hợp tác xã",
    "kind": "annual",
    "period_start": "01/01/2024",
    "period_end": "31/12/2025",
}


@pytest.fixture
def elsewhere(db):
    """Another province: its agency, a district and commune, a leader, an issued plan."""
    province = ProvinceFactory(name="Lai Châu (nơi khác)")
    district = DistrictFactory(name="Tam Đường (nơi khác)", parent=province)
    commune = CommuneFactory(name="Bình Lư (nơi khác)", parent=district)
    agency = AgencyFactory(name="Ủy ban nhân dân tỉnh Lai Châu (nơi khác)", unit=province)
    leader = UserFactory(username="lanhdao_laichau", agency=agency, is_leader=True)
    plan = IssuedPlanFactory(issuer=agency, title="Kế hoạch mật của tỉnh khác")
    return {"province": province, "district": district, "commune": commune, "agency": agency, "leader": leader,
            "plan": plan}


def test_the_message_is_vietnamese():
    with translation.override("vi"):
        assert str(NOT_AVAILABLE) == VI_NOT_AVAILABLE


# --- the plan form and its formsets -------------------------------------------------------------

def _plan_bundle(user, rows=None, plan=None, **header):
    from plans.forms import plan_form_bundle

    data = plan_post({"issuer": user.agency.pk, **HEADER, **header}, rows)
    return plan_form_bundle(user=user, plan=plan, data=data)


def _errors(bundle, prefix=None):
    if prefix is None:
        return bundle.form.errors
    return bundle.formsets[prefix].forms[0].errors


PLAN_FIELDS = [
    # (prefix or None for the header, field, row builder(out-of-scope objects) -> value)
    (None, "implements_plan", lambda e: e["plan"].pk),
    (None, "issuer", lambda e: e["agency"].pk),
    (None, "signer_user", lambda e: e["leader"].pk),
    ("legal_bases", "linked_plan", lambda e: e["plan"].pk),
    ("tasks", "lead_agency", lambda e: e["agency"].pk),
    ("tasks", "coordinating_agencies", lambda e: [e["agency"].pk]),
    ("responsibilities", "agency", lambda e: e["agency"].pk),
    ("reporting_requirements", "receiver", lambda e: e["agency"].pk),
    ("reporting_requirements", "reporters", lambda e: [e["agency"].pk]),
]

ROW_BASE = {
    "legal_bases": {"verb": "Căn cứ", "kind": "decision", "number": "1368/QĐ-UBND"},
    "tasks": {"title": "Tuyên truyền", "text": "Tuyên truyền về kinh tế tập thể", "timeframe_kind": "ongoing"},
    "responsibilities": {"text": "Theo dõi, đôn đốc"},
    "reporting_requirements": {"name": "Báo cáo năm", "frequency": "annual", "due_rule": "day_month",
                               "due_day": "15", "due_month": "12"},
}


@pytest.mark.parametrize(("prefix", "name", "value"), PLAN_FIELDS, ids=[f"{p or 'plan'}.{n}" for p, n, _v in PLAN_FIELDS])
def test_plan_form_refuses_an_out_of_scope_id(planner, elsewhere, prefix, name, value):
    with translation.override("vi"):
        if prefix is None:
            bundle = _plan_bundle(planner, **{name: value(elsewhere)})
        else:
            bundle = _plan_bundle(planner, {prefix: [{**ROW_BASE[prefix], name: value(elsewhere)}]})
        assert not bundle.is_valid()
        assert VI_NOT_AVAILABLE in _errors(bundle, prefix).get(name, []), _errors(bundle, prefix)


def test_linked_plan_in_scope_is_accepted(planner, agency_a):
    """A plan of the user's area links; the saved row names it."""
    own = IssuedPlanFactory(issuer=agency_a)
    bundle = _plan_bundle(planner, {"legal_bases": [{**ROW_BASE["legal_bases"], "linked_plan": own.pk}]})
    assert bundle.is_valid(), _errors(bundle, "legal_bases")
    assert bundle.collections()["legal_bases"][0]["linked_plan"] == own


def test_plan_rows_refuse_another_plans_rows(planner, province_agency):
    """A task's targets come from the edited plan only (another plan's target id is refused)."""
    plan = PlanFactory(issuer=province_agency)
    other_target = PlanTargetFactory(plan=PlanFactory(issuer=province_agency))
    with translation.override("vi"):
        bundle = _plan_bundle(
            planner, {"tasks": [{**ROW_BASE["tasks"], "targets": [other_target.pk]}]}, plan=plan
        )
        assert not bundle.is_valid()
        assert VI_NOT_AVAILABLE in _errors(bundle, "tasks")["targets"]


def test_legal_basis_link_to_another_provinces_plan_is_refused_on_the_page(client_for, planner, province_agency, elsewhere):
    """The review's leak end to end: posting another province's plan id as the linked plan
    saves nothing, and the history never names that plan."""
    plan = PlanFactory(issuer=province_agency)
    client = client_for(planner)
    data = plan_post(
        {"issuer": province_agency.pk, **HEADER, "version": plan.version},
        {"legal_bases": [{**ROW_BASE["legal_bases"], "linked_plan": elsewhere["plan"].pk}]},
    )
    response = client.post(reverse("plans:plan_update", args=[plan.pk]), data, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    assert VI_NOT_AVAILABLE in response.content.decode()
    assert not plan.legal_bases.exists()
    history = client.get(reverse("plans:plan_history", args=[plan.pk])).content.decode()
    assert "Kế hoạch mật của tỉnh khác" not in history


def test_history_names_a_linked_plan_only_for_readers_who_may_see_it(planner, province_agency, elsewhere):
    """A link saved before the form was scoped: the history shows "#id", not the title."""
    from plans.history import plan_history
    from plans.models import LegalBasis

    plan = PlanFactory(issuer=province_agency)
    LegalBasis.objects.create(plan=plan, kind="decision", number="1/QĐ", linked_plan=elsewhere["plan"])
    text = " ".join(f"{c.old} {c.new}" for e in plan_history(plan, planner) for c in e.changes)
    assert "Kế hoạch mật của tỉnh khác" not in text
    root = UserFactory(username="root_hist", agency=None, is_superuser=True)
    text = " ".join(f"{c.old} {c.new}" for e in plan_history(plan, root) for c in e.changes)
    assert "Kế hoạch mật của tỉnh khác" in text


def test_supersede_by_refuses_another_provinces_plan(planner, province_agency, elsewhere):
    from plans.forms import SupersedeForm

    plan = IssuedPlanFactory(issuer=province_agency)
    with translation.override("vi"):
        form = SupersedeForm({"by": elsewhere["plan"].pk}, plan=plan, user=planner)
        assert not form.is_valid()
        assert form.errors["by"] == [VI_NOT_AVAILABLE]
    own = IssuedPlanFactory(issuer=province_agency)
    assert SupersedeForm({"by": own.pk}, plan=plan, user=planner).is_valid()


# --- the registry --------------------------------------------------------------------------------

def _organisation_form(user, instance=None, **values):
    from cooperatives.forms import OrganisationForm

    data = {"kind": "htx", "name": "Hợp tác xã Nông nghiệp Sơn Hạ", "status": "active", **values}
    return OrganisationForm(data, user=user, instance=instance)


@pytest.mark.parametrize("field", ["supporting_agency", "commune", "founded_from"])
def test_organisation_form_refuses_an_out_of_scope_id(planner_a, commune_a, elsewhere, field):
    from tests.cooperatives.factories import OrganisationFactory

    values = {"commune": commune_a.pk, "founded": "01/03/2015"}
    if field == "supporting_agency":
        values[field] = elsewhere["agency"].pk
    elif field == "commune":
        values[field] = elsewhere["commune"].pk
    else:
        values[field] = OrganisationFactory(kind="tht", commune=elsewhere["commune"]).pk
    with translation.override("vi"):
        form = _organisation_form(planner_a, **values)
        assert not form.is_valid()
        assert form.errors[field] == [VI_NOT_AVAILABLE]


def test_supporting_agency_offers_the_province_only(planner_a, commune_a, province_agency, agency_b, elsewhere):
    """A district planner may name the provincial Liên minh HTX or another district's office of
    the same province, never an agency of another province; a value saved earlier stays valid."""
    from tests.cooperatives.factories import OrganisationFactory

    form = _organisation_form(planner_a)
    offered = set(form.fields["supporting_agency"].queryset)
    assert province_agency in offered and agency_b in offered and elsewhere["agency"] not in offered
    assert _organisation_form(
        planner_a, commune=commune_a.pk, founded="01/03/2015", supporting_agency=province_agency.pk
    ).is_valid()
    legacy = OrganisationFactory(commune=commune_a, supporting_agency=elsewhere["agency"])
    assert _organisation_form(
        planner_a, instance=legacy, commune=commune_a.pk, founded="01/03/2015",
        supporting_agency=elsewhere["agency"].pk, version=legacy.version,
    ).is_valid()


# --- plan import and signing ---------------------------------------------------------------------

def test_new_issuer_unit_refuses_another_provinces_unit(planner_a, elsewhere):
    from planimport.forms import NewIssuerForm

    with translation.override("vi"):
        form = NewIssuerForm(
            {"new_issuer-create": "on", "new_issuer-name": "UBND xã", "new_issuer-unit": elsewhere["district"].pk},
            user=planner_a,
        )
        assert not form.is_valid()
        assert VI_NOT_AVAILABLE in form.errors["unit"]


def test_signature_leader_refuses_another_agencys_leader(province_agency, elsewhere):
    from documents.forms import SubmitForSignatureForm
    from documents.services import signing_leaders

    plan = PlanFactory(issuer=province_agency)
    UserFactory(username="lanhdao_qn", agency=province_agency, is_leader=True)
    with translation.override("vi"):
        form = SubmitForSignatureForm({"leader": elsewhere["leader"].pk}, leaders=signing_leaders(plan))
        assert not form.is_valid()
        assert form.errors["leader"] == [VI_NOT_AVAILABLE]


def test_task_in_scope_agencies_are_accepted(planner, agency_a, agency_b):
    """The province's own agencies are offered and accepted (the scope is not too narrow)."""
    bundle = _plan_bundle(planner, {"tasks": [{**ROW_BASE["tasks"], "lead_agency": agency_a.pk,
                                               "coordinating_agencies": [agency_b.pk]}]})
    assert bundle.is_valid(), _errors(bundle, "tasks")
