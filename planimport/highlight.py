"""Cut the source text into segments so every extracted item can be highlighted by its span.

Spans may nest or overlap (a target inside a section, a task inside "Tổ chức thực hiện").
The text is split at every span boundary; each segment lists the ids of the items covering
it, and takes the look of the narrowest visible item, so the page can mark and scroll to
any item without nesting HTML elements across each other.
"""

from dataclasses import dataclass, field


@dataclass
class Item:
    """One extracted item: its id on the page, its kind (CSS class), span and doubt."""

    id: str
    kind: str
    span: tuple[int, int]
    unsure: bool = False
    label: str = ""
    visible: bool = True  # sections are clickable but not coloured: they would cover everything


@dataclass
class Segment:
    text: str
    items: list[str] = field(default_factory=list)
    kind: str = ""
    unsure: bool = False


def valid_span(span, length: int) -> tuple[int, int] | None:
    if not span or len(span) != 2:
        return None
    try:
        start, end = int(span[0]), int(span[1])
    except (TypeError, ValueError):
        return None
    start, end = max(0, start), min(length, end)
    return (start, end) if end > start else None


def segments(text: str, items: list[Item]) -> list[Segment]:
    """The text in order as segments; the concatenated ``text`` of all segments is ``text``."""
    items = [i for i in items if valid_span(i.span, len(text))]
    bounds = {0, len(text)}
    for item in items:
        start, end = valid_span(item.span, len(text))
        bounds.update((start, end))
    cuts = sorted(bounds)
    result = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [i for i in items if i.span[0] <= start and i.span[1] >= end]
        # Visible items first (a click on a budget passage opens the budget row, not the
        # section around it), then the narrowest.
        covering.sort(key=lambda i: (not i.visible, i.span[1] - i.span[0]))
        shown = [i for i in covering if i.visible]
        result.append(
            Segment(
                text=text[start:end],
                items=[i.id for i in covering],
                kind=shown[0].kind if shown else "",
                unsure=any(i.unsure for i in shown[:1]),
            )
        )
    return result
