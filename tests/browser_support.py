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
    wrapper = page.locator(f"select[name='{name}'] + .ts-wrapper")
    wrapper.locator(".ts-control").click()
    page.keyboard.type(typed)
    option = wrapper.locator(f".ts-dropdown .option[data-value='{value}']")
    option.click()
    if "multi" in (wrapper.get_attribute("class") or ""):
        page.keyboard.press("Escape")
