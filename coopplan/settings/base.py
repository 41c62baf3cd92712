"""CoopPlan settings: one file, every value from the environment (django-environ).

With no environment at all the portal runs for a developer: SQLite, Celery eager, console
e-mail, DEBUG on. Production is the same file with DEBUG off and the variables of
``.env.example`` set; ``manage.py check --deploy`` then reports nothing.
"""

from pathlib import Path

from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .environment import PortalEnv

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Empty means unset; a value that cannot be read stops the start naming its variable (environment.py).
env = PortalEnv()
if (BASE_DIR / ".env").is_file():
    env.read_env(str(BASE_DIR / ".env"))

# ------------------------------------------------------------------------------
# GENERAL
# ------------------------------------------------------------------------------
# An empty DEBUG ("DEBUG=" in a template) means off, not the default: on would also start the
# portal with the development SECRET_KEY below.
DEBUG = False if env.is_empty("DEBUG") else env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-local-development-only-key-do-not-use-in-production"
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
TIME_ZONE = env("TIME_ZONE", default="Asia/Ho_Chi_Minh")
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["coopplan.formats"]
# locale_vendor/: hand-kept Vietnamese for third-party apps without one (django-axes,
# django_celery_beat, simple_history, django-filter); makemessages never rewrites it.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_vendor"]
SITE_NAME = env("SITE_NAME", default="CoopPlan")

# ------------------------------------------------------------------------------
# DATABASES
# ------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + a busy timeout let the eager Celery tasks and the dev server share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # PostgreSQL's default random_page_cost (4) assumes spinning disks and makes the planner
        # scan whole tables instead of using the area/period indexes; 1.1 suits SSDs
        # (measured in docs/benchmarks.md: target progress 84 → 35 ms on the national data set).
        page_cost = env.float("PG_RANDOM_PAGE_COST", default=1.1)
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = f"-c random_page_cost={page_cost}"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ------------------------------------------------------------------------------
# APPS
# ------------------------------------------------------------------------------
DJANGO_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "core.admin_site.CoopPlanAdminConfig",  # django.contrib.admin, superusers only (issue 12)
]
THIRD_PARTY_APPS = [
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_celery_beat",
    "simple_history",
    "core.vendor_apps.AxesConfig",
]
LOCAL_APPS = [
    "core",
    "directory",
    "plans",
    "cooperatives",
    "reports",
    "documents",
    "dashboards",
    "planimport",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

# ------------------------------------------------------------------------------
# AUTHENTICATION
# ------------------------------------------------------------------------------
AUTH_USER_MODEL = "directory.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend reading the user with their agency and unit in one query (issue 17).
    # Sessions opened under "django.contrib.auth.backends.ModelBackend" before it sign in once more.
    "core.auth.UserWithAgencyBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes: lock an account+IP pair after repeated failures (brute-force protection).
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.25)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The real client address (core/netaddr.py): X-Forwarded-For only from our own reverse proxies.
AXES_CLIENT_IP_CALLABLE = "core.netaddr.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

# ------------------------------------------------------------------------------
# MIDDLEWARE
# ------------------------------------------------------------------------------
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]
ROOT_URLCONF = "coopplan.urls"
WSGI_APPLICATION = "coopplan.wsgi.application"

# ------------------------------------------------------------------------------
# TEMPLATES, STATIC, MEDIA
# ------------------------------------------------------------------------------
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.portal",
            ],
        },
    },
]
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
# List filters: an empty choice reads "— Tất cả —", not Django's "---------" (issue 18).
FILTERS_EMPTY_CHOICE_LABEL = _("— All —")
STATIC_URL = "/static/"
# An empty value counts as unset (an empty path would mean the current directory).
STATIC_ROOT = Path(env("STATIC_ROOT", default="") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default="") or BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploads: Excel imports and attachments are checked again by their own validators.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20000
IMPORT_MAX_UPLOAD_BYTES = env.int("IMPORT_MAX_UPLOAD_BYTES", default=30 * 1024 * 1024)
ATTACHMENT_MAX_BYTES = env.int("ATTACHMENT_MAX_BYTES", default=20 * 1024 * 1024)
PLANIMPORT_MAX_UPLOAD_BYTES = env.int("PLANIMPORT_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
# Uploads are checked before parsing (core/uploads.py, docs/security.md): the unpacked size of
# an office file and the rows of the offline report form are bounded too.
PLANIMPORT_MAX_UNCOMPRESSED_BYTES = env.int("PLANIMPORT_MAX_UNCOMPRESSED_BYTES", default=40 * 1024 * 1024)
PLANIMPORT_MAX_DOCUMENT_XML_BYTES = env.int("PLANIMPORT_MAX_DOCUMENT_XML_BYTES", default=4 * 1024 * 1024)
PLANIMPORT_MAX_PDF_PAGES = env.int("PLANIMPORT_MAX_PDF_PAGES", default=150)
PLANIMPORT_MAX_PDF_INFLATED_BYTES = env.int("PLANIMPORT_MAX_PDF_INFLATED_BYTES", default=16 * 1024 * 1024)
# Parsing happens in a Celery task, in a child process limited to this much address space and
# time (core/sandbox.py): a bomb that passed the checks kills only the child.
UPLOAD_PARSE_MEMORY_BYTES = env.int("UPLOAD_PARSE_MEMORY_BYTES", default=512 * 1024 * 1024)
PLANIMPORT_PARSE_TIMEOUT_SECONDS = env.int("PLANIMPORT_PARSE_TIMEOUT_SECONDS", default=120)
# Scanned plans (no text layer) are recognised with ocrmypdf + Tesseract (Vietnamese) in the same
# child process, a few pages per step so the page shows progress (docs/import.md).
PLANIMPORT_OCR = env.bool("PLANIMPORT_OCR", default=True)
PLANIMPORT_OCR_MAX_PAGES = env.int("PLANIMPORT_OCR_MAX_PAGES", default=60)
PLANIMPORT_OCR_PAGES_PER_STEP = env.int("PLANIMPORT_OCR_PAGES_PER_STEP", default=4)
PLANIMPORT_OCR_SECONDS_PER_PAGE = env.int("PLANIMPORT_OCR_SECONDS_PER_PAGE", default=40)
REPORT_FORM_PARSE_TIMEOUT_SECONDS = env.int("REPORT_FORM_PARSE_TIMEOUT_SECONDS", default=60)
# The registry list (up to IMPORT_MAX_ROWS rows) is read in the same kind of child (issue 12).
IMPORT_PARSE_TIMEOUT_SECONDS = env.int("IMPORT_PARSE_TIMEOUT_SECONDS", default=300)
REPORT_FORM_MAX_BYTES = env.int("REPORT_FORM_MAX_BYTES", default=5 * 1024 * 1024)
REPORT_FORM_MAX_UNCOMPRESSED_BYTES = env.int("REPORT_FORM_MAX_UNCOMPRESSED_BYTES", default=25 * 1024 * 1024)
REPORT_FORM_MAX_ROWS = env.int("REPORT_FORM_MAX_ROWS", default=5000)
# Validation rules for reported values (reports/validation.py, docs/reporting.md): shares as
# fractions (0.5 = 50 %). A flagged value saves; submitting it needs an explanation. The admin
# edits them (reports.ValidationThresholds: a default row, a row per plan); these apply without a row.
REPORT_VALIDATION = {
    "JUMP_SHARE": env.float("REPORT_JUMP_SHARE", default=0.5),
    "REGISTRY_TOLERANCE": env.float("REPORT_REGISTRY_TOLERANCE", default=0.1),
    "MAX_TIMES_TARGET": env.float("REPORT_MAX_TIMES_TARGET", default=3),
}

# ------------------------------------------------------------------------------
# SECURITY (HTTPS flags default on outside DEBUG; switch off for an HTTP-only intranet)
# ------------------------------------------------------------------------------
HTTPS = env.bool("HTTPS", default=not DEBUG)
BEHIND_PROXY = env.bool("BEHIND_PROXY", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
# How many reverse proxies of ours append to X-Forwarded-For (0: the header is ignored), and
# optionally their addresses/networks (the header is believed only from them).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1 if BEHIND_PROXY else 0)
TRUSTED_PROXY_IPS = env.list("TRUSTED_PROXY_IPS", default=[])
# The container healthcheck calls /healthz over plain HTTP inside the container.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Content-Security-Policy and Permissions-Policy (core.middleware.SecurityHeadersMiddleware):
# scripts only from the portal's static files (no inline scripts), no plugins, no framing.
CONTENT_SECURITY_POLICY = env(
    "CONTENT_SECURITY_POLICY",
    default=(
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
        "frame-ancestors 'none'"
    ),
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=HTTPS)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=HTTPS)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=HTTPS)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=HTTPS)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=HTTPS)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# Database sessions (Django's), read with a statement built once per process (core/sessions.py).
SESSION_ENGINE = "core.sessions"
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = env.list("SILENCED_SYSTEM_CHECKS", default=[])

# ------------------------------------------------------------------------------
# CACHE, E-MAIL
# ------------------------------------------------------------------------------
REDIS_URL = env.redis_url("REDIS_URL", default="")
# With Redis down the cache answers "not cached" and pages compute instead (core.dispatch);
# the short timeouts bound what one call costs, CACHE_RETRY_SECONDS how often Redis is retried.
CACHE_RETRY_SECONDS = env.float("CACHE_RETRY_SECONDS", default=30)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.dispatch.FailSafeRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": env.float("CACHE_CONNECT_TIMEOUT", default=1.0),
                "socket_timeout": env.float("CACHE_SOCKET_TIMEOUT", default=2.0),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="CoopPlan <no-reply@coopplan.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# ------------------------------------------------------------------------------
# CELERY
# ------------------------------------------------------------------------------
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_RESULT_EXTENDED = True
CELERY_TASK_TIME_LIMIT = 30 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 25 * 60
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A request must not wait ~20 s on a broker that is down (core.dispatch catches the failure and
# leaves the work pending for the sweep): short connection timeouts, and no results stored —
# nothing reads them, and subscribing to the result store is what hung while Redis was down.
CELERY_BROKER_CONNECTION_TIMEOUT = env.float("CELERY_BROKER_CONNECTION_TIMEOUT", default=2.0)
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": CELERY_BROKER_CONNECTION_TIMEOUT}
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {
    "retry_policy": {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}
}
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BEAT_SCHEDULE = {
    "generate-periods": {
        "task": "reports.tasks.generate_periods",
        "schedule": crontab(hour=6, minute=30),
    },
    "send-deadline-reminders": {
        "task": "reports.tasks.send_deadline_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    "escalate-overdue": {
        "task": "reports.tasks.escalate_overdue",
        "schedule": crontab(hour=7, minute=5),
    },
    # Work left pending while the broker was down, or running in a killed worker (core.dispatch).
    "redispatch-stuck": {
        "task": "core.tasks.redispatch_stuck",
        "schedule": crontab(minute="*/2"),
    },
}
# core.dispatch.sweep(): work recorded but not started after DISPATCH_PENDING_SECONDS is sent
# again; a render running (without progress) for RENDER_STUCK_SECONDS is started again; an
# import running for IMPORT_STUCK_SECONDS (its task is killed after 30 min) becomes
# "failed, can be retried". See docs/operations.md.
DISPATCH_PENDING_SECONDS = env.int("DISPATCH_PENDING_SECONDS", default=120)
RENDER_STUCK_SECONDS = env.int("RENDER_STUCK_SECONDS", default=10 * 60)
IMPORT_STUCK_SECONDS = env.int("IMPORT_STUCK_SECONDS", default=40 * 60)
# A plan document or report form "reading" this long (the task is killed after 5 min) failed.
PLANIMPORT_STUCK_SECONDS = env.int("PLANIMPORT_STUCK_SECONDS", default=10 * 60)
DISPATCH_SWEEPERS = [
    "documents.services.documents_sweep",
    "cooperatives.services.import_batches_sweep",
    "planimport.services.import_sessions_sweep",
    "reports.services.excel_uploads_sweep",
    "core.outbox.outbox_sweep",
]
# E-mails go through the outbox (core.outbox): one failing to send is tried again by the sweep
# until this many attempts, then stays "failed" in the admin.
EMAIL_OUTBOX_MAX_ATTEMPTS = env.int("EMAIL_OUTBOX_MAX_ATTEMPTS", default=5)

# ------------------------------------------------------------------------------
# DOMAIN SETTINGS
# ------------------------------------------------------------------------------
# Passphrases of agencies' PKCS#12 files are encrypted with a key derived from SECRET_KEY,
# or come from the environment as SIGNING_PASSPHRASE_<AGENCY_ID>.
SIGNING_DEMO_PASSPHRASE = env("SIGNING_DEMO_PASSPHRASE", default="")
# RFC 3161 timestamp authority (TSA): when set, every signature carries a timestamp token from
# it, and signing is refused (nothing numbered) while it does not answer. Empty: no timestamp.
SIGNING_TSA_URL = env("SIGNING_TSA_URL", default="")
SIGNING_TSA_USERNAME = env("SIGNING_TSA_USERNAME", default="")
SIGNING_TSA_PASSWORD = env("SIGNING_TSA_PASSWORD", default="")
SIGNING_TSA_TIMEOUT = env.int("SIGNING_TSA_TIMEOUT", default=10)
# Where the demo CA's certificates say its CRL is (documents:demo_crl, /documents/pki/demo-ca.crl
# on this portal); empty: a placeholder under .invalid (the validator is given the CRL, never fetches).
SIGNING_DEMO_CRL_URL = env("SIGNING_DEMO_CRL_URL", default="")
REMINDER_DEFAULT_OFFSETS = [7, 3, 1]
ESCALATION_EVERY_DAYS = 3
ESCALATION_MAX_ROUNDS = env.int("ESCALATION_MAX_ROUNDS", default=5)
# Leaders' dashboards cache their figures (Redis when REDIS_URL is set); every write that leaves
# a history row invalidates them. 0 turns the cache off.
DASHBOARDS_CACHE_SECONDS = env.int("DASHBOARDS_CACHE_SECONDS", default=600)

# ------------------------------------------------------------------------------
# LOGGING
# ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(asctime)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
        # axes logs a banner at INFO on every start, which drowns management commands' output.
        "axes": {"level": env("AXES_LOG_LEVEL", default="WARNING")},
    },
}
ADMINS = [("Admin", a) for a in env.list("ADMIN_EMAILS", default=[])]
