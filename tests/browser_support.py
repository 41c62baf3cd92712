"""How every browser test starts Chromium: Debian's /usr/bin/chromium through Playwright.

Never a downloaded browser (``make install`` installs the Debian package). The flags keep
Chromium from reaching for Google's services, which this closed network refuses.
"""

import os
from datetime import date
from pathlib import Path

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# The day the browser tests load the demo data as of (``load_demo``), and the phone they use.
TODAY = date(2026, 11, 25)
PHONE = {"width": 390, "height": 844}
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


def fill_date(page, name: str, day: str) -> None:
    """Type ``day`` (dd/mm/yyyy, as the box shows it) into the date box ``name`` (issue 18: a text
    box with a calendar, static/js/datepicker.js) and leave it as a person does, the calendar
    closed so that it covers nothing the test clicks next."""
    box = page.locator(f"input[name='{name}']")
    box.fill(day)
    box.blur()
    page.wait_for_function("() => !document.querySelector('.datepicker.active')")


def open_and_type(page, name: str, typed: str):
    """Open the autocomplete select ``name`` and type ``typed`` into its search box; returns the
    Tom Select wrapper.

    A multiple select is opened by clicking its text input: the middle of its box may be a
    chosen item, and clicking a chip selects the chip (Tom Select's behaviour) instead of
    opening the list. A click that leaves the list shut is repeated, as a person would: under
    CI's load a single box clicked again after the plan's dates changed stayed shut about one
    run in ten (Tom Select's click toggles a box it believes open; why it believed so was not
    established — a probe found ``document.hasFocus()`` true, so not that). The keys go to the
    search box itself (focused first), never blind to whatever holds the focus (keys sent
    before the box took it were lost)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    wrapper = page.locator(f"select[name='{name}'] + .ts-wrapper")
    multiple = "multi" in (wrapper.get_attribute("class") or "")
    target = wrapper.locator(".ts-control input") if multiple else wrapper.locator(".ts-control")
    for attempt in range(3):
        target.click()
        try:
            wrapper.locator(".ts-dropdown").wait_for(state="visible", timeout=5000)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
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


def load_demo(today, *, registry: bool = False, reports_of: str | None = "001"):
    """The demo data the phone and list browser tests share, loaded as of ``today``: units,
    directory and plans; with ``registry`` the demo registry (after the sectors and indicators
    of the data migration, which an earlier transactional test's flush removed); with
    ``reports_of`` the periods and reports of that seed plan. Returns that plan (or None)."""
    import importlib
    from io import StringIO

    from django.apps import apps

    from directory import demo as directory_demo
    from directory.units import units_load
    from plans import demo as plans_demo

    units_load()
    out = StringIO()
    directory_demo.load(stdout=out, today=today)
    plans_demo.load(stdout=out, today=today)
    if registry:
        from cooperatives import demo as cooperatives_demo

        importlib.import_module("cooperatives.migrations.0003_sectors_and_indicators").load(apps, None)
        cooperatives_demo.load(stdout=out, today=today)
    if reports_of is None:
        return None
    from reports import services

    plan = plans_demo.seed_plan(reports_of)
    services.obligations_generate(plan=plan, acting_user=None)
    return plan
