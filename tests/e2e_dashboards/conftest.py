"""What the dashboards' browser tests share: the dashboards' data set and a frozen today."""

import pytest

from tests.dashboards.conftest import TODAY, world  # noqa: F401  (the data set fixture)

PASSWORD = "pw-test-123"  # tests.directory.factories.UserFactory


@pytest.fixture
def frozen_today(monkeypatch, settings):
    """The live server's thread reads today's date from django.utils.timezone.localdate."""
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)
    settings.DASHBOARDS_CACHE_SECONDS = 0
