"""WSGI entry point (gunicorn coopplan.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coopplan.settings.base")
application = get_wsgi_application()
