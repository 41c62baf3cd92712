"""The state changes of the list tools (issue 18): a user's display settings and saved filters.

Each is one transaction that first locks the user's row, the one place every list change of
that user queues behind (two tabs saving the 20th filter, or the same name, at once). A refusal
is a ``ValidationError`` with a Vietnamese message; the views only translate form input and
messages.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from .listtools import MAX_SAVED_FILTERS, ListSpec, clean_query
from .models import ListPreference, SavedFilter, saved_filter_key


def _lock_user(user) -> None:
    get_user_model().objects.select_for_update().only("pk").get(pk=user.pk)


def _duplicate(name: str) -> ValidationError:
    return ValidationError(
        _("You already have a saved filter named “%(name)s” on this list; choose another name.") % {"name": name},
        code="duplicate",
    )


def list_preferences_save(*, user, spec: ListSpec, page_size: int, shown: set[str]) -> ListPreference:
    """Remember ``user``'s page size and the optional columns to show on ``spec``'s list (the
    required ones are always shown)."""
    hidden = [key for key in spec.optional_keys if key not in shown]
    with transaction.atomic():
        _lock_user(user)
        preference, _created = ListPreference.objects.update_or_create(
            user=user, list_key=spec.key, defaults={"page_size": page_size, "hidden_columns": hidden}
        )
    return preference


def saved_filter_create(*, user, spec: ListSpec, name: str, query: str) -> SavedFilter:
    """Save ``query`` (cleaned: filters and ordering only) under ``name`` on ``spec``'s list:
    names unique per user and list whatever their case, Unicode form and runs of spaces
    (``saved_filter_key``), at most ``MAX_SAVED_FILTERS``."""
    query = clean_query(spec, query)
    try:
        with transaction.atomic():
            _lock_user(user)
            # The user's names on this list (at most MAX_SAVED_FILTERS) as names are compared
            # (``SavedFilter.name_key``, also the database's uniqueness on both databases).
            keys = set(SavedFilter.objects.filter(user=user, list_key=spec.key).values_list("name_key", flat=True))
            if saved_filter_key(name) in keys:
                raise _duplicate(name)
            if len(keys) >= MAX_SAVED_FILTERS:
                raise ValidationError(
                    _("You can keep at most %(max)d saved filters per list; delete one first.") % {"max": MAX_SAVED_FILTERS},
                    code="too_many",
                )
            return SavedFilter.objects.create(user=user, list_key=spec.key, name=name, query=query)
    except IntegrityError as exc:  # the database's own uniqueness, should the lock ever be bypassed
        raise _duplicate(name) from exc


def saved_filter_delete(*, user, pk: int) -> SavedFilter | None:
    """Delete one of ``user``'s saved filters; None when it is not theirs (or gone)."""
    with transaction.atomic():
        _lock_user(user)
        saved = SavedFilter.objects.select_for_update().filter(pk=pk, user=user).first()
        if saved is not None:
            saved.delete()
    return saved
