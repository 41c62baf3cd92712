"""App configs that give third-party apps a translatable name in the admin.

django-axes declares no ``verbose_name``, so the admin index showed its label "Axes" in
English. Its models and the other vendored apps' strings are translated in
locale_vendor/vi (see docs/i18n.md).
"""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _


class AxesConfig(AxesAppConfig):
    verbose_name = _("Login lockouts")
