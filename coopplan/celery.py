"""Celery application (Celery's "First steps with Django" layout).

With ``REDIS_URL`` set, Redis is the broker and the result backend; without it the
settings turn on ``CELERY_TASK_ALWAYS_EAGER`` so the portal runs with no broker at all.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coopplan.settings.base")

app = Celery("coopplan")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
