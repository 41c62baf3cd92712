"""The demo data the phone and list browser tests share (``tests.browser_support.load_demo``),
as of ``tests.browser_support.TODAY``."""

import pytest

from tests.browser_support import TODAY, load_demo


@pytest.fixture
def demo(transactional_db):
    """Directory and plan demo data, and the reports of seed plan 001 generated."""
    return load_demo(TODAY)


@pytest.fixture
def registry_demo(transactional_db):
    """``demo`` with the demo registry (its long cooperative names)."""
    return load_demo(TODAY, registry=True)
