"""Factories for the registry (organisations and yearly records)."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from cooperatives.models import Organisation, OrganisationKind, OrganisationStatus, Rating, Sector, YearlyRecord
from core.text import fold
from tests.directory.factories import CommuneFactory


def sector(code: str) -> Sector:
    """A sector from the data migration (e.g. "nong-nghiep")."""
    return Sector.objects.get(code=code)


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    kind = OrganisationKind.COOPERATIVE
    name = factory.Sequence(lambda n: f"Hợp tác xã Nông nghiệp số {n}")
    commune = factory.SubFactory(CommuneFactory)
    founded = datetime.date(2015, 3, 1)
    status = OrganisationStatus.ACTIVE
    registration_code = ""
    search_text = factory.LazyAttribute(lambda o: fold(f"{o.name} {o.registration_code}"))

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if create and extracted:
            self.sectors.set(extracted)
            self.is_agricultural = any(s.is_agricultural for s in extracted)
            Organisation.objects.filter(pk=self.pk).update(is_agricultural=self.is_agricultural)


class YearlyRecordFactory(DjangoModelFactory):
    class Meta:
        model = YearlyRecord

    organisation = factory.SubFactory(OrganisationFactory)
    year = 2024
    members = 20
    workers = 10
    managers = 5
    managers_degree = 1
    managers_trained = 4
    revenue = Decimal("900000000")
    profit = Decimal("150000000")
    avg_income = Decimal("45000000")
    rating = Rating.FAIR
