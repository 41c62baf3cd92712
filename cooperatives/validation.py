"""Fast model validation for the registry import (issue 17).

``Model.full_clean`` per row (``clean_fields``: ``to_python``, ``validate``, every validator,
for every field) was a fifth of a 50,000-row import check. ``FastRules`` checks the same rules
with plain comparisons, read once from the model's own field definitions (max length,
blank/null, choices, min/max and decimal validators), then calls the model's ``clean()``
on the row's values. It only answers "would ``full_clean`` pass?": when it says no, the caller
runs the real ``full_clean`` on a model instance for the messages, so the messages are the
model's own. A field with a validator it does not know is checked by the field itself.

``tests/cooperatives/test_validation.py`` runs a table of bad rows through both, so the two
cannot drift apart.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core import validators as dj_validators
from django.core.exceptions import ValidationError
from django.db import models

_KNOWN = (
    dj_validators.MinValueValidator,
    dj_validators.MaxValueValidator,
    dj_validators.MaxLengthValidator,
    dj_validators.DecimalValidator,
    dj_validators.ProhibitNullCharactersValidator,
)


class Draft:
    """A model's values without a model instance (the import check builds no instances)."""

    def __init__(self, defaults: dict, **values):
        self.__dict__.update(defaults)
        self.__dict__.update(values)
        self.pk = None


class FastRules:
    """``FastRules(Model, exclude).passes(obj)`` is True only when
    ``obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)``
    would raise nothing (``obj``: a model instance or a ``Draft``). False means "not sure":
    the caller runs the real ``full_clean`` (a value of an unexpected type, any error)."""

    def __init__(self, model: type[models.Model], exclude):
        self.model = model
        self.checks = []
        self.defaults = {}
        for field in model._meta.concrete_fields:
            self.defaults[field.attname] = field.get_default()
            if field.name in exclude:
                continue
            self.checks.append(self._rule(field))

    def draft(self, **values) -> Draft:
        return Draft(self.defaults, **values)

    @staticmethod
    def _rule(field):
        low = high = max_length = digits = None
        slow = False
        no_nul = False
        for validator in field.validators:
            if isinstance(validator, dj_validators.MinValueValidator):
                limit = validator.limit_value
                low = limit if low is None else max(low, limit)
            elif isinstance(validator, dj_validators.MaxValueValidator):
                limit = validator.limit_value
                high = limit if high is None else min(high, limit)
            elif isinstance(validator, dj_validators.MaxLengthValidator):
                max_length = validator.limit_value
            elif isinstance(validator, dj_validators.DecimalValidator):
                digits = validator
            elif isinstance(validator, dj_validators.ProhibitNullCharactersValidator):
                no_nul = True
            else:
                slow = True
        if callable(low) or callable(high) or callable(max_length):
            slow = True
        if isinstance(field, models.BooleanField):
            kind = bool
        elif isinstance(field, models.DecimalField):
            kind = Decimal
        elif isinstance(field, models.IntegerField | models.AutoField):
            kind = int
        elif isinstance(field, models.DateTimeField):
            kind = datetime.datetime
        elif isinstance(field, models.DateField):
            kind = datetime.date
        elif isinstance(field, models.CharField | models.TextField) and type(field).to_python in (
            models.CharField.to_python,
            models.TextField.to_python,
        ):
            kind = str
        else:
            slow = True
            kind = object
        choices = {value for value, _label in field.flatchoices} if field.choices else None
        return (
            field.attname,
            field,
            kind,
            field.blank or not field.editable,  # Field.validate() skips non-editable fields
            tuple(field.empty_values),
            choices if field.editable else None,
            low,
            high,
            max_length,
            digits,
            no_nul,
            slow,
        )

    def passes(self, obj) -> bool:
        for attname, field, kind, may_be_empty, empty, choices, low, high, max_length, digits, no_nul, slow in self.checks:
            value = getattr(obj, attname)
            if value in empty:
                if may_be_empty:
                    continue
                return False  # None on a non-null field or an empty required value
            if slow:
                try:
                    field.clean(value, obj)
                except ValidationError:
                    return False
                continue
            if kind is str:
                if not isinstance(value, str) or (no_nul and "\x00" in value):  # str or a TextChoices member
                    return False
                if max_length is not None and len(value) > max_length:
                    return False
            elif kind is int:
                if type(value) is not int and (not isinstance(value, int) or isinstance(value, bool)):
                    return False
            elif kind is Decimal:
                if type(value) is int:
                    value = Decimal(value)
                elif type(value) is not Decimal or not value.is_finite():
                    return False
                if digits is not None:
                    try:
                        digits(value)
                    except ValidationError:
                        return False
            elif kind is bool:
                if type(value) is not bool:
                    return False
            elif kind is datetime.date:
                if type(value) is not datetime.date:
                    return False
            elif kind is datetime.datetime:
                if type(value) is not datetime.datetime:
                    return False
            if choices is not None and value not in choices:
                return False
            if low is not None and value < low:
                return False
            if high is not None and value > high:
                return False
        try:
            self.model.clean(obj)
        except Exception:  # noqa: BLE001 - any complaint sends the row to the model's own full_clean
            return False
        return True
