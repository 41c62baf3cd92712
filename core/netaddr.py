"""The client's address, proxy-aware only behind a configured trusted proxy.

``X-Forwarded-For`` is written by the client as much as by proxies, so it is believed only
when ``TRUSTED_PROXY_COUNT`` (N > 0) says how many reverse proxies of ours stand in front of
the portal: each appends the address it saw, so the client is the N-th entry from the right.
With ``TRUSTED_PROXY_IPS`` set, the header is used only when the request really comes from
one of those proxies. Without a configured proxy the socket address (REMOTE_ADDR) is used.

Used by django-axes (``AXES_CLIENT_IP_CALLABLE``): the login lockout is keyed on
username + this address, so behind the proxy one attacker cannot lock out everybody.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def _valid(text: str) -> str | None:
    try:
        return str(ipaddress.ip_address(text.strip().strip("[]")))
    except ValueError:
        return None


def _from_trusted_proxy(remote: str) -> bool:
    networks = getattr(settings, "TRUSTED_PROXY_IPS", []) or []
    if not networks:
        return True
    try:
        address = ipaddress.ip_address(remote)
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(net, strict=False) for net in networks)


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or ""
    count = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if count <= 0 or not _from_trusted_proxy(remote):
        return remote
    chain = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(chain) < count:
        return remote
    return _valid(chain[-count]) or remote
