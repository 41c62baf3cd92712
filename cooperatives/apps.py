from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperativesConfig(AppConfig):
    name = "cooperatives"
    verbose_name = _("Cooperative registry")

    def ready(self):
        # The plans app shows each provider's value beside a target; the registry's value is
        # the linked indicator computed over the plan's area (see indicators.target_values).
        from plans import providers

        from .indicators import area_target_values, target_values

        providers.register_target_value_provider("registry", _("Registry"), target_values)
        # The report form's hints: the reporting agency's own area, the period's year.
        providers.register_area_value_provider("registry", area_target_values)
