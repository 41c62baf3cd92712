"""Follow a logged-in user's links the way ../shared/tools/smoke.py does (GET only, never a
delete/logout/sign link) and return every page that answered a server error."""

import re
import time
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

SKIP = re.compile(
    r"logout|delete|xoa|/admin/|set_language|i18n/|/static/|/media/|javascript:|mailto:|sign|reopen", re.I
)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def crawl(client, start: str = "/", max_pages: int = 150):
    """``(visited, problems, slowest)``: pages fetched, ``"url -> status"`` of every 5xx or
    exception, and the slowest page as ``(seconds, url)``."""
    seen, queue, problems, slowest = set(), deque([start]), [], (0.0, "")
    while queue and len(seen) < max_pages:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        started = time.perf_counter()
        try:
            response = client.get(url)
        except Exception as exc:  # noqa: BLE001 - the test client re-raises the view's exception
            problems.append(f"{url} raised {exc!r}")
            continue
        slowest = max(slowest, (time.perf_counter() - started, url))
        if response.status_code >= 500:
            problems.append(f"{url} -> {response.status_code}")
        if response.status_code in (301, 302) and response.get("Location"):
            queue.append(urljoin(url, response["Location"]))
        if "html" not in response.get("Content-Type", ""):
            continue
        parser = _Links()
        parser.feed(response.content.decode("utf-8", "replace"))
        for href in parser.links:
            parts = urlparse(urljoin(url, href))
            if parts.netloc not in ("", "testserver"):
                continue
            path = parts.path + ("?" + parts.query if parts.query else "")
            if not SKIP.search(path) and path not in seen:
                queue.append(path)
    return len(seen), problems, slowest
