"""The read model of approved values (``dashboards.models.TargetPeriodValue``, issue 17)
always equals a computation from scratch after every transition that can change what is
approved: approve, return, reopen, a deleted report and plan amendments deleting targets
(issue 11). The dashboards' latest value follows it."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from dashboards import selectors as s
from dashboards.models import TargetPeriodValue
from dashboards.services import target_values_expected, target_values_rebuild, target_values_stored
from plans import services as plan_services
from reports import services
from reports.models import Obligation
from tests.reports.factories import build_cycle, full_data

pytestmark = pytest.mark.django_db


def assert_in_sync():
    stored = target_values_stored()
    assert stored == target_values_expected()
    return stored


def _submit(ob, reporter, cycle, **values):
    ob.refresh_from_db()
    services.obligation_save_draft(obligation=ob, acting_user=reporter, version=ob.version, data=full_data(cycle, **values))
    return services.obligation_submit(obligation=Obligation.objects.get(pk=ob.pk), acting_user=reporter)


def _latest(cycle):
    return {k: p.value for k, p in s.latest_values([cycle["t_sum"], cycle["t_avg"]]).items()}


def test_every_transition_keeps_the_table_equal_to_a_fresh_computation(
    province_agency, agency_a, agency_b, reporter_a, reporter_b, planner
):
    cycle = build_cycle(receiver=province_agency, reporters=[agency_a, agency_b])
    services.obligations_generate(plan=cycle["plan"])
    first = Obligation.objects.filter(period__requirement=cycle["req"], kind="submission").order_by("period__start")
    q1 = first.first().period
    ob_a, ob_b = first.get(period=q1, agency=agency_a), first.get(period=q1, agency=agency_b)
    assert assert_in_sync() == {}

    services.obligation_approve(obligation=_submit(ob_a, reporter_a, cycle, value="10"), acting_user=planner)
    assert len(assert_in_sync()) == 2
    assert _latest(cycle)[cycle["t_sum"].pk] == Decimal(10)

    returned = services.obligation_return(obligation=_submit(ob_b, reporter_b, cycle, value="7"), acting_user=planner,
                                          reason="Thiếu số liệu")
    assert returned.status == "returned"
    assert_in_sync()
    assert _latest(cycle)[cycle["t_sum"].pk] == Decimal(10)  # a returned report does not count

    services.obligation_approve(obligation=_submit(ob_b, reporter_b, cycle, value="7", pct="80", weight="1"),
                                acting_user=planner)
    assert_in_sync()
    latest = _latest(cycle)
    assert latest[cycle["t_sum"].pk] == Decimal(17)  # sum of both districts
    assert latest[cycle["t_avg"].pk] == Decimal(56)  # (50×4 + 80×1) / 5

    services.obligation_reopen(obligation=Obligation.objects.get(pk=ob_a.pk), acting_user=planner, reason="Sai số")
    assert_in_sync()
    assert _latest(cycle)[cycle["t_sum"].pk] == Decimal(7)

    # A later period approved becomes the latest value; deleting that approved report
    # (an administrator's delete) takes it out again.
    q2_a = first.filter(agency=agency_a).exclude(period=q1).first()
    q2_a = services.obligation_approve(obligation=_submit(q2_a, reporter_a, cycle, value="12"), acting_user=planner)
    assert_in_sync()
    assert _latest(cycle)[cycle["t_sum"].pk] == Decimal(12)
    Obligation.objects.get(pk=q2_a.pk).delete()
    assert_in_sync()
    assert _latest(cycle)[cycle["t_sum"].pk] == Decimal(7)

    # Plan amendment (issue 11): a target approved reports answered cannot be deleted, the
    # table is unchanged.
    before = assert_in_sync()
    plan_services.plan_amendment_open(plan=cycle["plan"], acting_user=planner, reason="Điều chỉnh chỉ tiêu")
    with pytest.raises(plan_services.RowsInUse):
        plan_services.plan_update(plan=cycle["plan"], acting_user=planner,
                                  targets=[{"id": cycle["t_sum"].pk, "DELETE": True}])
    assert assert_in_sync() == before


def test_amendment_deleting_a_target_with_draft_entries_only(province_agency, agency_a, reporter_a, planner):
    answered = build_cycle(receiver=province_agency, reporters=[agency_a])
    services.obligations_generate(plan=answered["plan"])
    ob = Obligation.objects.filter(period__requirement=answered["req"], agency=agency_a).order_by("period__start").first()
    services.obligation_approve(obligation=_submit(ob, reporter_a, answered), acting_user=planner)

    drafted = build_cycle(receiver=province_agency, reporters=[agency_a])
    services.obligations_generate(plan=drafted["plan"])
    draft = Obligation.objects.filter(period__requirement=drafted["req"], agency=agency_a).order_by("period__start").first()
    services.obligation_save_draft(obligation=draft, acting_user=reporter_a, version=draft.version, data=full_data(drafted))
    plan_services.plan_amendment_open(plan=drafted["plan"], acting_user=planner, reason="Bỏ chỉ tiêu trùng")
    plan_services.plan_update(plan=drafted["plan"], acting_user=planner, targets=[{"id": drafted["t_sum"].pk, "DELETE": True}])
    assert len(assert_in_sync()) == 2


def test_rebuild_and_check_command(province_agency, agency_a, reporter_a, planner, capsys):
    cycle = build_cycle(receiver=province_agency, reporters=[agency_a])
    services.obligations_generate(plan=cycle["plan"])
    ob = Obligation.objects.filter(period__requirement=cycle["req"], agency=agency_a).order_by("period__start").first()
    services.obligation_approve(obligation=_submit(ob, reporter_a, cycle), acting_user=planner)
    stored = assert_in_sync()
    TargetPeriodValue.objects.all().delete()  # as after a bulk load that bypassed the services
    with pytest.raises(Exception, match="differs"):
        call_command("rebuild_target_values", "--check")
    call_command("rebuild_target_values")
    assert assert_in_sync() == stored
    call_command("rebuild_target_values", "--check")
    assert "OK: 2 rows." in capsys.readouterr().out
    assert target_values_rebuild() == 2
