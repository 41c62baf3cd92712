"""The lists' choice labels are read from ``core.listtools.set_choice_labels`` (translated once
per page) instead of ``get_FOO_display`` per row and cell (issue 17). The pages must read the
same: each list is rendered with the fast labels and with labels taken from
``get_FOO_display`` itself, in Vietnamese and English, and the two pages must be identical."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from core import listtools
from plans.models import PlanKind, PlanStatus
from reports import services as report_services
from tests.cooperatives.factories import OrganisationFactory
from tests.plans.factories import IssuedPlanFactory, PlanFactory
from tests.reports.factories import build_cycle

pytestmark = pytest.mark.django_db


def _reference_labels(objects, **choices_by_field):
    for obj in objects:
        for field in choices_by_field:
            setattr(obj, f"{field}_label", getattr(obj, f"get_{field}_display")())
    return objects


def _page(client, url, language):
    body = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)
    return re.sub(r'"X-CSRFToken": "[^"]+"', "", body)


@pytest.fixture
def lists_data(province_agency, agency_a, agency_b, commune_a):
    for i, kind in enumerate(PlanKind.values):
        PlanFactory(issuer=agency_a, kind=kind, title=f"Kế hoạch {i}", in_force=bool(i % 2))
    IssuedPlanFactory(issuer=agency_a, title="Kế hoạch đã ban hành")
    for i, status in enumerate(("active", "suspended", "dissolved", "planned")):
        OrganisationFactory(commune=commune_a, status=status, name=f"HTX {i}")
    cycle = build_cycle(receiver=province_agency, reporters=[agency_a, agency_b])
    report_services.obligations_generate(plan=cycle["plan"])
    return cycle


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("name", ["plans:plan_list", "reports:obligation_list", "cooperatives:organisation_list"])
def test_fast_labels_read_as_get_display(lists_data, client_for, admin_user, monkeypatch, name, language):
    client = client_for(admin_user)
    url = reverse(name)
    with translation.override(language):
        fast = _page(client, url, language)
        monkeypatch.setattr(listtools, "set_choice_labels", _reference_labels)
        for module in ("plans.views", "reports.views", "cooperatives.views"):
            monkeypatch.setattr(f"{module}.set_choice_labels", _reference_labels)
        reference = _page(client, url, language)
    assert fast == reference
    assert fast.count('<tr>') > 4  # the rows are there


def test_labels_are_those_of_the_choices():
    class Row:
        def __init__(self, kind, status):
            self.kind, self.status = kind, status

    rows = listtools.set_choice_labels([Row("annual", "draft"), Row("nonsense", None)], kind=PlanKind.choices, status=PlanStatus.choices)
    with translation.override("vi"):
        rows_vi = listtools.set_choice_labels([Row("annual", "draft")], kind=PlanKind.choices, status=PlanStatus.choices)
    assert rows[0].status_label == str(PlanStatus.DRAFT.label) and rows[1].kind_label == "nonsense" and rows[1].status_label is None
    with translation.override("vi"):
        assert rows_vi[0].kind_label == str(PlanKind("annual").label)


@pytest.mark.parametrize(
    "viewname",
    ["plans:plan_detail", "cooperatives:organisation_detail", "reports:obligation_detail"],
)
@pytest.mark.parametrize("pk", [1, 7, 987654321, 123456789012])
def test_url_around_pk_writes_the_reversed_url_for_any_key(viewname, pk):
    """The row writers reverse a detail URL once per page (``url_around_pk``) and put each
    row's key between the two parts: the result is ``reverse``'s for every key, the marker's
    own value and a longer key included."""
    head, tail = listtools.url_around_pk(viewname)
    assert f"{head}{pk}{tail}" == listtools.esc(reverse(viewname, args=[pk]))
