"""Small server-side chart helpers (inline SVG sparklines need no JavaScript and print)."""

from decimal import Decimal

WIDTH, HEIGHT, PAD = 100, 24, 2


def sparkline_points(values, width: int = WIDTH, height: int = HEIGHT) -> str:
    """SVG ``points`` for a polyline through ``values`` (None skipped); "" under two values.

    The y axis runs from the smallest to the largest value so a flat series is a middle line.
    """
    pts = [(i, Decimal(str(v))) for i, v in enumerate(values) if v is not None]
    if len(pts) < 2:
        return ""
    lo = min(v for _i, v in pts)
    hi = max(v for _i, v in pts)
    span = hi - lo
    last = len(values) - 1 or 1
    out = []
    for i, v in pts:
        x = PAD + (width - 2 * PAD) * i / last
        y = height / 2 if span == 0 else PAD + (height - 2 * PAD) * float((hi - v) / span)
        out.append(f"{x:.1f},{y:.1f}")
    return " ".join(out)
