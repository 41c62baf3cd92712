"""Run-in headings ("1. Mục tiêu chung: Tiếp tục …") become a short heading and a body, not a
paragraph-long heading shown in capitals and cut at 255 characters (seen on the plan page)."""

from planimport.reader import read_text
from planimport.services import _split_run_in_heading, import_prefill
from tests.planimport.expected_seeds import seed_text


def test_seed_001_general_objective_is_a_heading_and_a_body(planner):
    prefill = import_prefill(data=read_text(seed_text("001")).to_dict(), user=planner)
    general = next(r for r in prefill.rows["sections"] if r["title"].startswith("Mục tiêu chung"))
    assert general["title"] == "Mục tiêu chung"
    assert general["body"].startswith("Tiếp tục củng cố, đổi mới, phát triển")
    assert all(len(r["title"]) <= 255 for r in prefill.rows["sections"])


def test_split_only_long_run_in_headings():
    short = {"title": "Mục tiêu: cụ thể", "body": "x"}
    _split_run_in_heading(short)
    assert short == {"title": "Mục tiêu: cụ thể", "body": "x"}  # short: a heading as written
    no_colon = {"title": "Củng cố, nâng cao chất lượng hoạt động của các hợp tác xã nông nghiệp hiện có trên địa bàn", "body": ""}
    row = dict(no_colon)
    _split_run_in_heading(row)
    assert row == no_colon
    long_head = {"title": "A" * 70 + ": rest of the sentence", "body": ""}
    _split_run_in_heading(long_head)
    assert long_head["title"].startswith("A" * 70 + ":")  # the colon is not after a short heading
    run_in = {"title": "Mục tiêu cụ thể đến năm 2025: Phấn đấu củng cố, kiện toàn các hợp tác xã hiện có", "body": "- Bảo đảm 60%"}
    _split_run_in_heading(run_in)
    assert run_in == {"title": "Mục tiêu cụ thể đến năm 2025", "body": "Phấn đấu củng cố, kiện toàn các hợp tác xã hiện có\n- Bảo đảm 60%"}
