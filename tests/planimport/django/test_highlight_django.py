"""Source segmentation for highlighting (planimport.highlight) and section kinds."""

from planimport.highlight import Item, segments
from planimport.services import section_kind


def test_segments_cover_the_text_in_order():
    """Concatenated segments give the text back; each segment lists the items covering it."""
    text = "III. KINH PHÍ\nTổng kinh phí 25,27 triệu đồng.\nIV. TỔ CHỨC"
    items = [
        Item(id="sections-2", kind="section", span=(0, 45), visible=False),
        Item(id="budget_lines-0", kind="budget", span=(14, 45), unsure=True),
        Item(id="bad", kind="target", span=(50, 10)),  # an empty/invalid span is ignored
    ]
    result = segments(text, items)
    assert "".join(s.text for s in result) == text
    first, second, last = result
    assert first.items == ["sections-2"] and first.kind == ""
    assert second.items == ["budget_lines-0", "sections-2"]  # visible item first, for clicks
    assert second.kind == "budget" and second.unsure
    assert last.items == []


def test_segments_without_items():
    """A text without items is one plain segment."""
    assert [s.text for s in segments("abc", [])] == ["abc"]


def test_section_kind_from_heading():
    """Headings give the section kind; an unknown heading is "other"."""
    assert section_kind("MỤC ĐÍCH, YÊU CẦU") == "purpose"
    assert section_kind("Mục tiêu cụ thể đến năm 2025") == "objectives"
    assert section_kind("KINH PHÍ THỰC HIỆN") == "budget"
    assert section_kind("TỔ CHỨC THỰC HIỆN") == "implementation"
    assert section_kind("Hội nghị") == "other"
