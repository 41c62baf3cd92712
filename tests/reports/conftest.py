"""The reports tests' shared cycle: province receiver, districts A and B reporting quarterly."""

import datetime

import pytest

from reports import services
from reports.models import Obligation, ObligationKind
from tests.reports.factories import build_cycle


@pytest.fixture
def cycle(province_agency, agency_a, agency_b):
    data = build_cycle(receiver=province_agency, reporters=[agency_a, agency_b])
    services.obligations_generate(plan=data["plan"])
    q1 = data["req"].periods.get(label="Quý I/2024")
    data["period"] = q1
    data["ob_a"] = Obligation.objects.get(period=q1, agency=agency_a)
    data["ob_b"] = Obligation.objects.get(period=q1, agency=agency_b)
    data["cons"] = Obligation.objects.get(period=q1, agency=province_agency, kind=ObligationKind.CONSOLIDATION)
    return data


@pytest.fixture
def day():
    return datetime.date(2024, 3, 18)
