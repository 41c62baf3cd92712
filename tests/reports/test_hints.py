"""Hints on the report form (issue 15): shown beside the field, never silently entered; from the
reporting agency's own area and the period's year; from approved reports only; the source named.

Observed: a commune's Q1/2023 form was pre-filled with 16 organisations, the whole district's
2025 count; forms were pre-filled from the previous period even when that report was returned."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from cooperatives.models import Indicator
from reports import excel, services
from reports.forms import ObligationForm
from reports.models import Obligation
from reports.selectors import form_lines
from tests.cooperatives.factories import OrganisationFactory
from tests.directory.factories import AgencyFactory, CommuneFactory, UserFactory
from tests.reports.factories import build_cycle, full_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def commune_cycle(district_a, commune_a):
    """A district's plan 2023–2025 whose target T1 (milestone 2025) is the registry's count of
    active HTX; commune A reports quarterly. Registry: 1 HTX in commune A since 2015; in a
    neighbouring commune of the district 2 since 2015 and 1 founded in 2024."""
    district = AgencyFactory(unit=district_a, name="UBND huyện A", kind="ubnd")
    commune = AgencyFactory(unit=commune_a, name="UBND xã A", kind="ubnd")
    cycle = build_cycle(receiver=district, reporters=[commune], start=datetime.date(2023, 1, 1),
                        end=datetime.date(2025, 12, 31))
    t = cycle["t_sum"]
    t.indicator = Indicator.objects.get(code="htx_active")
    t.save()
    services.obligations_generate(plan=cycle["plan"])
    neighbour = CommuneFactory(parent=district_a, name="Xã bên")
    OrganisationFactory(commune=commune_a)
    OrganisationFactory(commune=neighbour)
    OrganisationFactory(commune=neighbour)
    OrganisationFactory(commune=neighbour, founded=datetime.date(2024, 5, 1))
    cycle["commune"] = commune
    cycle["reporter"] = UserFactory(agency=commune, is_reporter=True)
    cycle["planner"] = UserFactory(agency=district, is_planner=True)
    cycle["q1"] = Obligation.objects.get(period__requirement=cycle["req"], period__label="Quý I/2023", agency=commune)
    return cycle


def _line(ob, target):
    return next(li for li in form_lines(ob)["targets"] if li.target.pk == target.pk)


class TestRegistryHint:
    def test_case_commune_q1_2023_is_hinted_with_its_own_2023_count(self, commune_cycle, commune_a):
        """Observed: the commune's Q1/2023 form showed the district's 2025 count (4 here). Now: 1, "xã …, năm 2023"."""
        line = _line(commune_cycle["q1"], commune_cycle["t_sum"])
        assert line.registry.value == Decimal(1)
        with translation.override("vi"):
            label = _line(commune_cycle["q1"], commune_cycle["t_sum"]).registry.label
        assert commune_a.name in label and "2023" in label

    def test_hint_is_never_entered_in_the_field(self, commune_cycle):
        """The form's value field stays empty; the hint is shown beside it, with its source."""
        ob = commune_cycle["q1"]
        form = ObligationForm(lines=form_lines(ob), obligation=ob)
        assert form.initial[f"value_{commune_cycle['t_sum'].pk}"] is None

    def test_form_page_names_the_source(self, client_for, commune_cycle, commune_a):
        with translation.override("vi"):
            page = client_for(commune_cycle["reporter"]).get(
                reverse("reports:obligation_edit", args=[commune_cycle["q1"].pk]), HTTP_ACCEPT_LANGUAGE="vi"
            ).content.decode()
        assert f"{commune_a.name}, năm 2023" in page
        field = page.split(f'name="value_{commune_cycle["t_sum"].pk}"')[1].split(">")[0]
        assert 'value="' not in field  # nothing entered

    def test_excel_form_keeps_hints_out_of_the_value_cells(self, commune_cycle, commune_a):
        """The offline form: value cell empty, hint column names the registry's area and year."""
        ob = commune_cycle["q1"]
        with translation.override("vi"):
            data = excel.build_workbook(ob, form_lines(ob))
        ws = load_workbook(io.BytesIO(data))[excel.SHEET_TARGETS]
        row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == commune_cycle["t_sum"].pk)
        assert row[5] is None
        assert f"{commune_a.name}, năm 2023" in row[7] and ": 1" in row[7]


class TestPreviousReportHint:
    def test_case_returned_previous_report_gives_no_hint(self, cycle, reporter_a, planner):
        """Observed: Q2 pre-filled from a Q1 report that had been returned. A returned report is no source."""
        ob = cycle["ob_a"]
        services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=0, data=full_data(cycle, value="12"))
        ob.refresh_from_db()
        services.obligation_submit(obligation=ob, acting_user=reporter_a)
        services.obligation_return(obligation=ob, acting_user=planner, reason="Sai số liệu")
        q2 = Obligation.objects.get(period__requirement=cycle["req"], period__label="Quý II/2024", agency=ob.agency)
        line = _line(q2, cycle["t_sum"])
        assert line.last is None and line.last_label == ""
        assert ObligationForm(lines=form_lines(q2), obligation=q2).initial[f"value_{cycle['t_sum'].pk}"] is None

    def test_hint_comes_from_the_latest_approved_report_and_names_it(self, cycle, reporter_a, planner):
        """Q1 approved (12), Q2 returned (99): Q3's hint is 12 from "Quý I/2024"."""
        q1 = cycle["ob_a"]
        services.obligation_save_draft(obligation=q1, acting_user=reporter_a, version=0, data=full_data(cycle, value="12"))
        q1.refresh_from_db()
        services.obligation_submit(obligation=q1, acting_user=reporter_a)
        services.obligation_approve(obligation=q1, acting_user=planner)
        q2 = Obligation.objects.get(period__requirement=cycle["req"], period__label="Quý II/2024", agency=q1.agency)
        data = full_data(cycle, value="99")
        # 12 → 99 is flagged (reports/validation.py): submitting it needs an explanation.
        data["values"][cycle["t_sum"].pk]["explanation"] = "Đã bao gồm HTX của huyện cũ."
        services.obligation_save_draft(obligation=q2, acting_user=reporter_a, version=0, data=data)
        q2.refresh_from_db()
        services.obligation_submit(obligation=q2, acting_user=reporter_a)
        services.obligation_return(obligation=q2, acting_user=planner, reason="Sai số liệu")
        q3 = Obligation.objects.get(period__requirement=cycle["req"], period__label="Quý III/2024", agency=q1.agency)
        line = _line(q3, cycle["t_sum"])
        assert (line.last, line.last_label) == (Decimal("12"), "Quý I/2024")
