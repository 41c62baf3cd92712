"""Reading the settings' environment variables (django-environ, with two rules of ours).

1. A variable set to an empty or blank value counts as unset: an ``.env`` template or a compose
   file often leaves ``DATABASE_URL=`` or ``CONN_MAX_AGE=``, and what the user means is "the
   default" (SQLite, 60 s…), not a crash deep in Django (``KeyError: 'ENGINE'``) or a silent
   ``False`` (an empty ``AXES_ENABLED`` used to switch the brute-force lock off).
2. A value that cannot be read is an ``ImproperlyConfigured`` naming the variable and saying what
   it should look like: ``CONN_MAX_AGE='sixty'``, ``AXES_ENABLED='ture'`` (django-environ reads
   any word but its true ones as ``False``), ``DATABASE_URL='postgres//…'``. Connection URLs are
   never echoed back (they carry passwords), only their scheme.

DEBUG is the one exception the settings make themselves (base.py): an empty DEBUG means off.
"""

import warnings
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = ("true", "on", "ok", "y", "yes", "1")
FALSE_WORDS = ("false", "off", "n", "no", "0")
REDIS_SCHEMES = ("redis", "rediss", "unix")
_KINDS = {int: "a whole number, e.g. 60", float: "a number, e.g. 1.5 (with a dot)"}


def is_blank(value) -> bool:
    return isinstance(value, str) and not value.strip()


def _scheme(url: str) -> str:
    return url.split("://", 1)[0] if "://" in url else "(none)"


class PortalEnv(environ.Env):
    """``environ.Env`` where empty means unset and an unreadable value names its variable."""

    def is_empty(self, var: str) -> bool:
        """Whether the variable is set to an empty or blank value."""
        return is_blank(self.ENVIRON.get(f"{self.prefix}{var}"))

    def get_value(self, var, cast=None, default=environ.Env.NOTSET, parse_default=False):
        value = self.ENVIRON.get(f"{self.prefix}{var}")
        if value is not None and is_blank(value):
            if default is self.NOTSET:
                raise ImproperlyConfigured(f"{var} is set but empty: give it a value or remove it.")
            if parse_default and default is not None:
                return self.parse_value(default, cast)
            return default
        if cast is None and self.smart_cast and default is not None and not isinstance(default, environ.NoValue):
            cast = type(default)
        if value is not None and cast is bool and value.strip().lower() not in TRUE_WORDS + FALSE_WORDS:
            raise ImproperlyConfigured(f"{var}={value!r} is not a yes/no value: write True or False.")
        try:
            return super().get_value(var, cast=cast, default=default, parse_default=parse_default)
        except (ValueError, TypeError) as exc:
            kind = _KINDS.get(cast, "a value of another form")
            raise ImproperlyConfigured(f"{var}={value!r} cannot be read: it must be {kind}.") from exc

    def list(self, var, cast=None, default=environ.Env.NOTSET):
        """Comma-separated items, each stripped; empty items (``a,,b,``) are dropped."""
        value = super().list(var, cast=cast, default=default)
        if not isinstance(value, list) or value is default:
            return value
        return [item.strip() if isinstance(item, str) else item for item in value if not is_blank(item)]

    def db_url(self, var="DATABASE_URL", default=environ.Env.NOTSET, engine=None):
        """A database URL whose scheme Django knows; a port that is a number."""
        url = self.get_value(var, default=default)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # django-environ warns of an unknown engine: we raise
            try:
                config = self.db_url_config(url, engine=engine)
            except (ValueError, TypeError):
                # Not the parser's message: it quotes the part it read as the port, which is a
                # piece of the password when the password holds a "/" or "?" not %-encoded.
                raise ImproperlyConfigured(
                    f"{var} (scheme {_scheme(url)}) cannot be read: its port must be a number, and a "
                    "password's / ? @ : written %2F %3F %40 %3A; "
                    "e.g. postgres://user:password@host:5432/name or sqlite:////path/db.sqlite3."
                ) from None
        known = set(self.DB_SCHEMES.values())
        if config.get("ENGINE") not in known:
            raise ImproperlyConfigured(
                f"{var} (scheme {_scheme(url)}) is not a database URL Django can use; "
                "e.g. postgres://user:password@host:5432/name or sqlite:////path/db.sqlite3."
            )
        if config["ENGINE"] != "django.db.backends.sqlite3" and not config.get("NAME"):
            raise ImproperlyConfigured(f"{var} (scheme {_scheme(url)}) names no database: add /name at its end.")
        return config

    db = db_url

    def email_url(self, var="EMAIL_URL", default=environ.Env.NOTSET, backend=None):
        url = self.get_value(var, default=default)
        try:
            return self.email_url_config(url, backend=backend)
        except (ImproperlyConfigured, ValueError, TypeError):
            raise ImproperlyConfigured(
                f"{var} (scheme {_scheme(url)}) is not an e-mail URL; "
                "e.g. consolemail:// or smtp+tls://user:password@smtp.example.vn:587."
            ) from None

    email = email_url

    def redis_url(self, var="REDIS_URL", default=""):
        """A Redis URL (redis://, rediss://, unix://) or ``default`` when unset/empty."""
        url = self.get_value(var, default=default)
        if not url:
            return url
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises ValueError on a port that is not a number
        except ValueError:
            parts = None
        if parts is None or parts.scheme not in REDIS_SCHEMES or not (parts.hostname or parts.path):
            raise ImproperlyConfigured(
                f"{var} (scheme {_scheme(url)}) is not a Redis URL; e.g. redis://127.0.0.1:6379/0."
            )
        return url
