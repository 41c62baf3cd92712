"""Browser fixtures: Playwright on Debian's chromium (never a downloaded browser), screenshots in tmp_path.

Every test here is marked ``browser`` and skipped when /usr/bin/chromium is absent.
"""

from pathlib import Path

import pytest

from tests.browser_support import CHROMIUM, LAUNCH_ARGS, log_in

PASSWORD = "pw-test-123"  # tests.directory.factories.UserFactory


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    skip = pytest.mark.skip(reason="needs Debian's chromium at /usr/bin/chromium")
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
            if not CHROMIUM.exists():
                item.add_marker(skip)


@pytest.fixture
def browser(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop in this thread
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield b
        finally:
            b.close()


class Session:
    """One user's browser context on the live server, with numbered full-page screenshots."""

    def __init__(self, browser, live_server, user, shots: Path, width=1366):
        self.base = live_server.url
        self.shots = shots
        self.context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
        self.page = self.context.new_page()
        log_in(self.page, self.base, user.username, PASSWORD)

    def go(self, path):
        self.page.goto(self.base + path)
        return self.page

    def shot(self, name):
        self.shots.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(self.shots / f"{name}.png"), full_page=True)

    def messages(self) -> str:
        return " || ".join(t.strip() for t in self.page.locator(".alert").all_inner_texts())


@pytest.fixture
def session_for(browser, live_server, tmp_path):
    def make(user, width=1366):
        return Session(browser, live_server, user, tmp_path / "shots", width=width)

    return make
