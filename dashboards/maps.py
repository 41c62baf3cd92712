"""The dashboards' commune map, drawn on the server as SVG (no tile server, no script).

Points are communes at the coordinates ``vietnamadminunits`` gives them (loaded into
``AdministrativeUnit.latitude``/``longitude`` by ``load_units``), projected
equirectangularly onto the bounding box of the area's points: x grows with longitude
shrunk by cos(mean latitude), y with decreasing latitude, so a province keeps its shape.
A commune with a figure is a circle whose *area* is proportional to the figure; communes
at zero are small grey dots (one path). Every circle has a ``<title>`` (a tooltip, read by
screen readers); the whole picture has a title and a description, and the same numbers are
in the table under it. The SVG has a ``viewBox`` and no fixed size: CSS sets its width to
100 % of its box (a 390 px phone, a printed page).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

VIEW_WIDTH = 1000
MAX_HEIGHT = 2200  # the whole country is about 2.2 times as tall as it is wide
PADDING = 40  # more than the largest radius: a circle at the edge is not cut
R_MIN, R_MAX, R_ZERO = 5.0, 24.0, 4.0
# Fill and stroke per layer, as attributes (the page's CSS repeats them; a PDF renderer without
# the page's stylesheet still colours the map).
COLOURS = {"registry": ("#2f6690", "#163a56"), "missing": ("#b02a37", "#5c0f16")}
ZERO_COLOUR = "#868e96"


@dataclass(frozen=True)
class Projection:
    """Longitude/latitude → viewBox coordinates, fitted to a bounding box."""

    lon_min: float
    lat_max: float
    scale: float
    shrink: float  # cos(mean latitude): a degree of longitude is shorter than one of latitude
    x_offset: float
    width: float
    height: float

    @classmethod
    def fit(cls, points: list[tuple[float, float]]) -> Projection:
        """Fit ``[(lat, lon)]`` into ``VIEW_WIDTH`` wide (at most ``MAX_HEIGHT`` tall)."""
        lats = [p[0] for p in points] or [0.0]
        lons = [p[1] for p in points] or [0.0]
        lat_min, lat_max, lon_min, lon_max = min(lats), max(lats), min(lons), max(lons)
        # A single commune, or communes on one line: give the box some extent.
        if lat_max - lat_min < 0.02:
            lat_min, lat_max = lat_min - 0.01, lat_max + 0.01
        if lon_max - lon_min < 0.02:
            lon_min, lon_max = lon_min - 0.01, lon_max + 0.01
        shrink = math.cos(math.radians((lat_min + lat_max) / 2))
        span_x = (lon_max - lon_min) * shrink
        span_y = lat_max - lat_min
        inner = VIEW_WIDTH - 2 * PADDING
        scale = min(inner / span_x, (MAX_HEIGHT - 2 * PADDING) / span_y)
        height = max(span_y * scale + 2 * PADDING, 240.0)
        x_offset = (VIEW_WIDTH - span_x * scale) / 2
        y_extra = (height - 2 * PADDING - span_y * scale) / 2
        return cls(lon_min, lat_max + y_extra / scale, scale, shrink, x_offset, VIEW_WIDTH, height)

    def __call__(self, lat: float, lon: float) -> tuple[float, float]:
        x = self.x_offset + (lon - self.lon_min) * self.shrink * self.scale
        y = PADDING + (self.lat_max - lat) * self.scale
        return round(x, 1), round(y, 1)


def radius(count: int, largest: int) -> float:
    """The circle of ``count`` when the largest figure is ``largest``: area ∝ count."""
    if count <= 0 or largest <= 0:
        return R_ZERO
    return round(R_MIN + (R_MAX - R_MIN) * math.sqrt(count / largest), 1)


def legend_values(largest: int) -> list[int]:
    """Up to three round figures for the legend: 1, about half the largest, the largest."""
    if largest <= 0:
        return []
    values = [1]
    half = largest // 2
    if half > 1:
        magnitude = 10 ** (len(str(half)) - 1)
        values.append(max(2, round(half / magnitude) * magnitude))
    if largest > values[-1]:
        values.append(largest)
    return values


def aspect(rows) -> float:
    """Width / height of the map of ``rows`` (the page caps the map's width with it, so the
    map is never taller than the screen and always scaled by its width, as the legend is)."""
    project = Projection.fit([(r.latitude, r.longitude) for r in rows if r.located])
    return round(project.width / round(project.height), 4)


def render_svg(rows, *, layer: str, title: str, description: str, point_label, zero_label: str) -> SafeString:
    """The SVG of the located ``rows`` (``selectors.MapRow``).

    ``point_label(row)`` is a row's tooltip; ``zero_label`` the tooltip of the dots at zero
    (it receives ``%(count)s``). Circles are drawn largest first, so a small one is never
    hidden under a large one.
    """
    located = [r for r in rows if r.located]
    project = Projection.fit([(r.latitude, r.longitude) for r in located])
    largest = max((r.count for r in located), default=0)
    zero_parts = []
    for r in located:
        if not r.count:
            x, y = project(r.latitude, r.longitude)
            zero_parts.append(f"M{x - R_ZERO} {y}a{R_ZERO} {R_ZERO} 0 1 0 {2 * R_ZERO} 0a{R_ZERO} {R_ZERO} 0 1 0 {-2 * R_ZERO} 0")
    zeros = ""
    if zero_parts:
        zeros = format_html(
            '<path class="map-zero" fill="{}" d="{}"><title>{}</title></path>',
            ZERO_COLOUR,
            "".join(zero_parts),
            zero_label % {"count": len(zero_parts)},
        )
    fill, stroke = COLOURS.get(layer, COLOURS["registry"])
    circles = format_html_join(
        "",
        '<circle class="map-point" cx="{}" cy="{}" r="{}" data-unit="{}"><title>{}</title></circle>',
        (
            (*project(r.latitude, r.longitude), radius(r.count, largest), r.unit_id, point_label(r))
            for r in sorted((r for r in located if r.count), key=lambda r: (-r.count, r.unit_id))
        ),
    )
    return format_html(
        '<svg class="commune-map map-{}" viewBox="0 0 {} {}" role="img" aria-labelledby="map-title map-desc" '
        'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">'
        '<title id="map-title">{}</title><desc id="map-desc">{}</desc>'
        '{}<g fill="{}" fill-opacity="0.7" stroke="{}" stroke-width="1">{}</g></svg>',
        layer,
        project.width,
        round(project.height),
        title,
        description,
        zeros,
        fill,
        stroke,
        circles,
    )


def legend(largest: int) -> list[dict]:
    """Legend entries ``{"value", "r", "size", "c", "percent"}``, the grey dot of 0 first: the
    radius in the map's units, the side of a small square SVG that holds that circle, its
    centre, and that side as a share of the map's width."""
    entries = []
    for value in [0, *legend_values(largest)]:
        r = radius(value, largest)
        size = round(2 * r + 2, 1)
        # ``percent``: the legend's SVG is that share of the map's width, so its circle is
        # drawn at the map's scale.
        entries.append({"value": value, "r": r, "size": size, "c": round(r + 1, 1), "percent": size * 100 / VIEW_WIDTH})
    return entries

