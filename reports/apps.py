from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reporting")

    def ready(self):
        from plans.providers import register_target_value_provider

        from .selectors import reported_target_values

        # The plan page shows the latest approved (consolidated) value beside each target.
        register_target_value_provider("reported", _("Reported"), reported_target_values)
