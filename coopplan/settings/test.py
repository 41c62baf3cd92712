"""Settings for the test suite: the base file with fast, isolated services."""

import tempfile

from .base import *  # noqa: F403
from .base import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_URL = "memory://"
CELERY_RESULT_BACKEND = "cache+memory://"
MEDIA_ROOT = tempfile.mkdtemp(prefix="coopplan-test-media-")
# An existing (empty) STATIC_ROOT keeps whitenoise from warning on every request.
STATIC_ROOT = tempfile.mkdtemp(prefix="coopplan-test-static-")
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
AXES_ENABLED = False
SECURE_SSL_REDIRECT = False
