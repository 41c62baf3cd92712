"""The portal's own classes of a kind (every form, every filter set), found rather than listed,
for the tests that walk them all (tests/core/test_every_form.py, tests/core/test_date_inputs.py)."""

import importlib

from django.urls import get_resolver

PROJECT_APPS = ("core", "directory", "plans", "cooperatives", "reports", "documents", "dashboards", "planimport")
# Modules that define forms or filter sets; the URLconf imports the views (and what they import),
# these catch a form no view imports yet.
MODULES = ("forms", "admin", "listviews", "views", "filtersets")


def project_subclasses(base, *, skip_admin: bool = False) -> list[type]:
    """Every subclass of ``base``, transitively, defined in one of the portal's apps (in
    ``<app>.admin`` modules too unless ``skip_admin``), in a stable order."""
    get_resolver().url_patterns  # noqa: B018 - imports every view
    for app in PROJECT_APPS:
        for module in MODULES:
            try:
                importlib.import_module(f"{app}.{module}")
            except ModuleNotFoundError:
                continue
    found, todo = {}, list(base.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        module = cls.__module__
        if module.split(".")[0] in PROJECT_APPS and not (skip_admin and module.endswith(".admin")):
            found[cls] = None
    return sorted(found, key=lambda c: f"{c.__module__}.{c.__qualname__}")
