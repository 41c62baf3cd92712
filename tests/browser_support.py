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
