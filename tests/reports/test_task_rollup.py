"""A task's consolidated status (issue 15): all agencies done → done; any behind → behind;
otherwise in progress, with the count ("1/2 đơn vị đã hoàn thành"). Observed: the province's
consolidation said "Đã hoàn thành" because 1 of 8 reporters said so."""

import pytest
from django.urls import reverse
from django.utils import translation

from reports import services
from reports.models import TaskStatus
from tests.reports.factories import full_data

pytestmark = pytest.mark.django_db

DONE, DELAYED, IN_PROGRESS, NOT_STARTED, ONGOING = (
    TaskStatus.DONE, TaskStatus.DELAYED, TaskStatus.IN_PROGRESS, TaskStatus.NOT_STARTED, TaskStatus.ONGOING,
)


class TestRule:
    def test_case_one_of_eight_done_is_not_done(self):
        """Observed: 1 of 8 agencies reporting done (the others silent) is in progress, 1/8."""
        r = services.task_rollup([DONE], 8)
        assert (r.status, r.done, r.total) == (IN_PROGRESS, 1, 8)

    def test_all_done_is_done(self):
        assert services.task_rollup([DONE] * 8, 8).status == DONE

    def test_any_delayed_is_delayed_even_with_others_done(self):
        r = services.task_rollup([DONE, DONE, DELAYED], 3)
        assert (r.status, r.done, r.delayed) == (DELAYED, 2, 1)

    def test_otherwise_in_progress(self):
        assert services.task_rollup([DONE, ONGOING, NOT_STARTED], 3).status == IN_PROGRESS

    def test_nothing_started_is_not_started(self):
        """Nobody reported, or every report says not started: not started (never "in progress")."""
        assert services.task_rollup([], 5).status == NOT_STARTED
        assert services.task_rollup([NOT_STARTED, NOT_STARTED], 2).status == NOT_STARTED

    def test_label_is_vietnamese(self):
        with translation.override("vi"):
            assert services.task_rollup([DONE, DONE, DONE], 8).label == "3/8 đơn vị đã hoàn thành"


def _approved(cycle, ob, reporter, planner, status):
    data = full_data(cycle)
    data["tasks"] = {cycle["task"].pk: {"status": status, "account": f"Báo cáo của {ob.agency}"}}
    services.obligation_save_draft(obligation=ob, acting_user=reporter, version=None, data=data)
    ob.refresh_from_db()
    services.obligation_submit(obligation=ob, acting_user=reporter)
    services.obligation_approve(obligation=ob, acting_user=planner)


class TestConsolidation:
    def test_case_one_agency_done_does_not_make_the_consolidation_done(self, cycle, reporter_a, planner):
        """Only A approved (done), B silent: the consolidation's task is in progress with "1/2 đơn vị đã hoàn thành"."""
        _approved(cycle, cycle["ob_a"], reporter_a, planner, DONE)
        services.consolidation_build(obligation=cycle["cons"], acting_user=planner)
        progress = cycle["cons"].task_progress.get(task=cycle["task"])
        assert progress.status == IN_PROGRESS
        assert progress.account.startswith("1/2 đơn vị đã hoàn thành.")

    def test_all_agencies_done_makes_it_done(self, cycle, reporter_a, reporter_b, planner):
        _approved(cycle, cycle["ob_a"], reporter_a, planner, DONE)
        _approved(cycle, cycle["ob_b"], reporter_b, planner, DONE)
        services.consolidation_build(obligation=cycle["cons"], acting_user=planner)
        progress = cycle["cons"].task_progress.get(task=cycle["task"])
        assert progress.status == DONE and progress.account.startswith("2/2 đơn vị đã hoàn thành.")

    def test_one_behind_makes_it_behind(self, cycle, reporter_a, reporter_b, planner):
        _approved(cycle, cycle["ob_a"], reporter_a, planner, DONE)
        _approved(cycle, cycle["ob_b"], reporter_b, planner, DELAYED)
        services.consolidation_build(obligation=cycle["cons"], acting_user=planner)
        assert cycle["cons"].task_progress.get(task=cycle["task"]).status == DELAYED

    def test_consolidation_page_shows_the_count(self, client_for, cycle, reporter_a, planner):
        """The consolidation page lists each task's rollup with the count."""
        _approved(cycle, cycle["ob_a"], reporter_a, planner, DONE)
        with translation.override("vi"):
            response = client_for(planner).get(
                reverse("reports:consolidation", args=[cycle["cons"].pk]), HTTP_ACCEPT_LANGUAGE="vi"
            )
        rows = response.context["task_rows"]
        assert [(r["task"], r["rollup"].status, r["rollup"].done, r["rollup"].total) for r in rows] == [
            (cycle["task"], IN_PROGRESS, 1, 2)
        ]
        assert "1/2 đơn vị đã hoàn thành" in response.content.decode()
