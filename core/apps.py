from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        # Each app's lists.py registers its lists' columns with core.listtools.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("lists")
