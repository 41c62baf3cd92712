"""Factories for units, agencies and users (shared by every app's tests)."""

import factory
from factory.django import DjangoModelFactory

from core.text import fold
from directory.models import AdministrativeUnit, Agency, AgencyKind, UnitLevel, User


class UnitFactory(DjangoModelFactory):
    class Meta:
        model = AdministrativeUnit

    code = factory.Sequence(lambda n: f"{90000 + n}")
    name = factory.Sequence(lambda n: f"Đơn vị {n}")
    kind = "tỉnh"
    level = UnitLevel.PROVINCE
    parent = None

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        unit = super()._create(model_class, *args, **kwargs)
        unit.rebuild_path()
        unit.search_text = unit.build_search_text()
        model_class.objects.filter(pk=unit.pk).update(path=unit.path, search_text=unit.search_text)
        return unit


class ProvinceFactory(UnitFactory):
    kind = "tỉnh"
    level = UnitLevel.PROVINCE
    name = factory.Sequence(lambda n: f"Tỉnh {n}")


class DistrictFactory(UnitFactory):
    kind = "huyện"
    level = UnitLevel.DISTRICT
    name = factory.Sequence(lambda n: f"Huyện {n}")
    parent = factory.SubFactory(ProvinceFactory)


class CommuneFactory(UnitFactory):
    kind = "xã"
    level = UnitLevel.COMMUNE
    name = factory.Sequence(lambda n: f"Xã {n}")
    parent = factory.SubFactory(DistrictFactory)


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Cơ quan {n}")
    short_name = "UBND"
    kind = AgencyKind.PEOPLES_COMMITTEE
    unit = factory.SubFactory(DistrictFactory)
    # As directory.services fills it, so accent-free search finds factory-made agencies too.
    search_text = factory.LazyAttribute(lambda o: fold(f"{o.name} {o.short_name}"))


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Faker("name", locale="vi_VN")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.vn")
    agency = factory.SubFactory(AgencyFactory)
    password = factory.PostGenerationMethodCall("set_password", "pw-test-123")

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        # set_password only changes the instance: store the hash (and nothing else).
        if create and results:
            instance.save(update_fields=["password"])
