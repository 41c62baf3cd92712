"""Small server-side chart helpers (inline SVG sparklines need no JavaScript and print)."""

from decimal import Decimal

WIDTH, HEIGHT, PAD = 100, 24, 2


def sparkline_points(values, width: int = WIDTH, height: int = HEIGHT) -> str:
    """SVG ``points`` for a polyline through ``values`` (None skipped); "" under two values.

    The y axis runs from the smallest to the largest value so a flat series is a middle line.
    """
    # A Decimal is used as it is (``Decimal(str(v))`` gives the same number): the progress page
    # draws one line per target, 380 values on a national plan (issue 17).
    pts = [(i, v if type(v) is Decimal else Decimal(str(v))) for i, v in enumerate(values) if v is not None]
    if len(pts) < 2:
        return ""
    numbers = [v for _i, v in pts]
    lo, hi = min(numbers), max(numbers)
    span = hi - lo
    last = len(values) - 1 or 1
    inner_width, inner_height = width - 2 * PAD, height - 2 * PAD
    if span == 0:
        y = f"{height / 2:.1f}"
        return " ".join(f"{PAD + inner_width * i / last:.1f},{y}" for i, _v in pts)
    return " ".join(f"{PAD + inner_width * i / last:.1f},{PAD + inner_height * float((hi - v) / span):.1f}" for i, v in pts)
