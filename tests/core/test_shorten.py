"""Titles cut for lists: at a word boundary, never a leading "…" nor a dangling separator (issue 18).

The report list on a phone showed plan titles as "… – Về việc phát triển…": the reference of a
draft without a number ("…" or "…/KH-UBND") led the label. The real seed titles
(``plans.demo.TITLES``, from ../shared/seeds/) are cut at every length from 10 to their own.
"""

import pytest
from django.template import Context, Template

from core.text import labelled, shorten
from plans.demo import TITLES

SEPARATORS = " ,;:.-–—/(“\"'…"


def _words(text):
    return text.replace("“", " ").replace("”", " ").split()


@pytest.mark.parametrize("code", sorted(TITLES))
def test_seed_titles_cut_at_a_word_without_dangling_separator(code):
    title = TITLES[code]
    for limit in range(10, len(title) + 5):
        out = shorten(title, limit)
        assert len(out) <= limit, (limit, out)
        if len(title) <= limit:
            assert out == title
            continue
        body = out[:-1]
        assert out.endswith("…") and not body.endswith(tuple(SEPARATORS)), (limit, out)
        assert body and body[0] not in SEPARATORS, (limit, out)
        assert title.startswith(body), (limit, out)
        # a whole word: the title continues with a space (or the cut is inside a first word
        # longer than the limit, which no seed title has at these lengths)
        assert title[len(body)] in " ,;:.-–”", (limit, out, title[len(body):len(body) + 5])


def test_nothing_but_separators_is_cut_inside_the_word_not_to_a_bare_ellipsis():
    assert shorten("– – – Hợp-tác-xã-nông-nghiệp-Sơn-Hà", 12) == "Hợp-tác-xã…"
    assert shorten("Hợptácxãnôngnghiệp", 8) == "Hợptácx…"
    assert shorten("“ Hợptácxãnôngnghiệp", 8) == "“ Hợptá…"
    assert shorten("… – Về việc phát triển", 12) == "Về việc…"
    assert shorten("… – ngắn", 12) == "ngắn"
    assert shorten("-5% so với kế hoạch năm trước", 12) == "-5% so với…"


def test_a_title_shortened_twice_has_one_ellipsis():
    once = shorten(TITLES["004"], 120)
    assert shorten(once, 80).count("…") == 1


class _Plan:
    def __init__(self, reference, title):
        self.reference, self.title = reference, title


@pytest.mark.parametrize("code", sorted(TITLES))
@pytest.mark.parametrize("reference,leads", [("567/KH-LMHTX", True), ("…/KH-UBND", False), ("…", False), ("", False)])
def test_doc_label_filter_never_starts_with_an_ellipsis_or_a_dash(code, reference, leads):
    """{{ plan|doc_label:80 }} as the report lists use it, with each seed title."""
    out = Template("{% load coopplan %}{{ p|doc_label:80 }}").render(Context({"p": _Plan(reference, TITLES[code])}))
    out = out.replace("&quot;", '"')
    assert not out.startswith(tuple(SEPARATORS)), out
    if leads:
        assert out.startswith(f"{reference} – ")
        rest = out[len(reference) + 3:]
    else:
        assert "–" not in out[:3] and not out.startswith(reference or "\0"), out
        rest = out
    assert rest == shorten(TITLES[code], 80) and len(rest) <= 80


def test_plan_str_is_the_label(db):
    from tests.plans.factories import PlanFactory

    draft = PlanFactory.build(number=None, symbol="KH-UBND", title=TITLES["002"])
    assert str(draft) == TITLES["002"]
    numbered = PlanFactory.build(number=567, symbol="KH-LMHTX", title=TITLES["000"])
    assert str(numbered) == labelled("567/KH-LMHTX", TITLES["000"], 120) and str(numbered).startswith("567/KH-LMHTX – ")
