"""How every browser test starts Chromium: Debian's /usr/bin/chromium through Playwright.

Never a downloaded browser (``make install`` installs the Debian package). The flags keep
Chromium from reaching for Google's services, which this closed network refuses.
"""

import os
from pathlib import Path

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pick(page, name: str, value, typed: str) -> None:
    """Choose ``value`` in the autocomplete select ``name`` (Tom Select, issue 17) as a person
    does: open the box, type ``typed``, click the option the server offers."""
    chosen = page.eval_on_selector(f"select[name='{name}']", "s => Array.from(s.selectedOptions).map(o => o.value)")
    if str(value) in chosen:
        return
    wrapper = open_and_type(page, name, typed)
    option = wrapper.locator(f".ts-dropdown .option[data-value='{value}']")
    option.click()
    if "multi" in (wrapper.get_attribute("class") or ""):
        page.keyboard.press("Escape")


def open_and_type(page, name: str, typed: str):
    """Open the autocomplete select ``name`` and type ``typed`` into its search box; returns the
    Tom Select wrapper. One click must open the list (it did not after the plan's dates changed,
    until static/js/autocomplete.js asked again). The keys go to the search box itself (focused
    first), not to whatever holds the focus just after the click: on a loaded machine the box
    takes it a moment later, and keys sent before then were lost."""
    wrapper = page.locator(f"select[name='{name}'] + .ts-wrapper")
    wrapper.locator(".ts-control").click()
    wrapper.locator(".ts-dropdown").wait_for(state="visible")
    single = wrapper.locator(".dropdown-input")
    box = single if single.count() else wrapper.locator(".ts-control input")
    box.press_sequentially(typed)
    return wrapper


def log_in(page, base_url: str, username: str, password: str) -> None:
    """Sign in through the login form, as a person does, and wait for the home page."""
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base_url}/")
