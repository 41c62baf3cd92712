"""The lists' filter sets copy their filters without ``deepcopy`` (``core.filtersets``, issue 17).

Each list's filter set (plans, reports, registry) is built twice on the same request — with
``LeanFilterSet.__init__`` and with django-filter's own deep-copying ``BaseFilterSet.__init__`` —
for a scoped planner, a reporter and an administrator, unbound, with every filter chosen and with
bad input, in Vietnamese and English: the same validity and errors, the same form (every field
as the page writes it) and the same filtered query (SQL). Then what a shallow copy could share
between requests: a request's querysets and period choices never reach the class's filters or
another request's, and a ``method=`` filter calls its own filter set's method.
"""

from unittest import mock

import django_filters
import pytest
from django.test import RequestFactory
from django.utils import translation

from cooperatives.filtersets import OrganisationFilterSet
from cooperatives.models import Organisation
from core.filterfields import render_filter_field
from core.filtersets import LeanFilterSet
from plans.filtersets import PlanFilterSet
from plans.models import Plan
from reports import selectors as report_selectors
from reports.filtersets import ObligationFilterSet
from reports.models import Obligation
from tests.core.test_filter_fields import _states, chosen  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def _plans(data, user):
    request = RequestFactory().get("/plans/", data or {})
    request.user = user
    return PlanFilterSet(data, Plan.objects.all(), request=request)


def _reports(data, user):
    request = RequestFactory().get("/reports/", data or {})
    request.user = user
    return ObligationFilterSet(
        data, Obligation.objects.all(), request=request,
        plans=report_selectors.obligation_filter_plans(user), agencies=report_selectors.obligation_filter_agencies(user),
        periods=[*report_selectors.obligation_filter_periods(user), "Năm 2024 <có dấu & ký tự>"],
    )


def _registry(data, user):
    return OrganisationFilterSet(data, Organisation.objects.all(), user=user)


BUILDERS = {"plans": _plans, "reports": _reports, "registry": _registry}


def _seen(filterset) -> tuple:
    valid = filterset.is_valid() if filterset.is_bound else None
    errors = {k: [str(e) for e in v] for k, v in filterset.errors.items()} if filterset.is_bound else {}
    fields = [render_filter_field(filterset.form[name]) for name in filterset.form.fields]
    return valid, errors, fields, str(filterset.qs.query)


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("kind", ["plans", "reports", "registry"])
def test_lean_filter_sets_are_django_filters(kind, language, chosen, planner_a, reporter_a, admin_user):  # noqa: F811
    compared = 0
    with translation.override(language):
        for user in (planner_a, reporter_a, admin_user):
            for data in _states(kind, chosen):
                new = BUILDERS[kind](data, user)
                with mock.patch.object(LeanFilterSet, "__init__", django_filters.filterset.BaseFilterSet.__init__):
                    former = BUILDERS[kind](data, user)
                assert type(new.filters) is type(former.filters)
                assert list(new.filters) == list(former.filters)
                assert _seen(new) == _seen(former), (kind, user.username, data)
                compared += 1
    assert compared == 3 * len(_states(kind, chosen))


def test_a_requests_querysets_and_choices_stay_its_own(chosen, planner_a, admin_user):  # noqa: F811
    base_issuer = PlanFilterSet.base_filters["issuer"]
    base_extra = dict(base_issuer.extra)
    base_periods = list(ObligationFilterSet.base_filters["period"].extra.get("choices") or [])

    scoped = _plans({"issuer": str(chosen["agency"].pk)}, planner_a)
    assert scoped.form.is_bound  # the form field is made from this request's queryset
    everyone = _plans({}, admin_user)
    assert everyone.form.is_bound
    assert scoped.filters["issuer"] is not base_issuer
    assert scoped.filters["issuer"].extra is not base_issuer.extra
    assert PlanFilterSet.base_filters["issuer"].extra == base_extra
    assert not hasattr(base_issuer, "_field") and "parent" not in vars(base_issuer)
    assert str(scoped.form.fields["issuer"].queryset.query) != str(everyone.form.fields["issuer"].queryset.query)
    assert str(scoped.form.fields["issuer"].queryset.query) == str(scoped.filters["issuer"].queryset.query)

    mine = ObligationFilterSet({}, Obligation.objects.all(), periods=["Quý I/2026"])
    theirs = ObligationFilterSet({}, Obligation.objects.all(), periods=["Năm 2020"])
    assert [c for c, _ in mine.form.fields["period"].choices if c] == ["Quý I/2026"]
    assert [c for c, _ in theirs.form.fields["period"].choices if c] == ["Năm 2020"]
    assert list(ObligationFilterSet.base_filters["period"].extra.get("choices") or []) == base_periods
    # A third request without periods of its own gets the class's choices, not the last request's.
    assert "Năm 2020" not in str(ObligationFilterSet({}, Obligation.objects.all()).form.fields["period"].choices)


def test_method_filters_call_their_own_filter_set(planner_a):
    filterset = _plans({"q": "hợp tác"}, planner_a)
    assert filterset.filters["q"].filter.f is filterset.filters["q"]
    assert filterset.filters["q"].parent is filterset
    assert "search_text" in str(filterset.qs.query.where) and not _plans({}, planner_a).qs.query.where
    assert filterset.filters["issuer"].model is Plan
