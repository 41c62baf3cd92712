"""Values other apps contribute to a plan's targets, without plans importing those apps.

The registry contributes the value computed from its indicators; the reporting cycle
contributes the latest reported (consolidated) value. Each app registers a provider in its
``AppConfig.ready()``::

    register_target_value_provider("registry", _("Registry"), values_for_targets)

A provider is ``fn(plan, targets) -> {target_id: TargetValue}`` and must run a constant
number of queries whatever the number of targets.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class TargetValue:
    value: Decimal | None
    label: str = ""  # e.g. the period "Quý III/2024" or "năm 2024"
    history: tuple = ()  # past values, oldest first, for sparklines: ((label, value), ...)


_PROVIDERS: dict[str, tuple[str, Callable]] = {}


def register_target_value_provider(key: str, label, fn: Callable) -> None:
    _PROVIDERS[key] = (label, fn)


def target_values(plan, targets: Iterable) -> dict[str, dict[int, TargetValue]]:
    """``{provider_key: {target_id: TargetValue}}`` for every registered provider."""
    targets = list(targets)
    return {key: fn(plan, targets) for key, (_label, fn) in _PROVIDERS.items()}


def provider_labels() -> dict[str, str]:
    return {key: label for key, (label, _fn) in _PROVIDERS.items()}


# --- values for one area and year (the report form's hints, issue 15) --------------------
# ``fn(targets, *, unit, year) -> {target_id: TargetValue}``: the value of each linked target
# computed over ``unit``'s own area for ``year`` (the registry: a commune's form is hinted with
# the commune's count for the period's year, never the plan issuer's whole district).
_AREA_PROVIDERS: dict[str, Callable] = {}


def register_area_value_provider(key: str, fn: Callable) -> None:
    _AREA_PROVIDERS[key] = fn


def area_values(key: str, targets: Iterable, *, unit, year: int) -> dict[int, TargetValue]:
    """The ``key`` provider's values for ``unit``'s area in ``year`` ({} when not registered)."""
    fn = _AREA_PROVIDERS.get(key)
    return fn(list(targets), unit=unit, year=year) if fn and unit is not None else {}
