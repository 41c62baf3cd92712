"""Language selection: Vietnamese unless the user picked English with the switcher.

Django's LocaleMiddleware follows the browser's Accept-Language header, so a civil servant
whose browser is set to English would get English pages. The portal is Vietnamese by
default; only the language cookie set by the switcher (``set_language``) changes that.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class PortalLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _ in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
