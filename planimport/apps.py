from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanimportConfig(AppConfig):
    name = "planimport"
    verbose_name = _("Plan import")
