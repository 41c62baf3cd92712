"""core.sandbox (issue 12): parsing runs in a child process under a memory and time limit, so a
bomb kills only the child and the caller gets a Vietnamese message naming the limit."""

import os
import signal
import subprocess

import pytest
from django.utils import translation

from core import sandbox
from tests.sandbox_targets import bomb_bytes


@pytest.fixture
def children(monkeypatch):
    """The child processes run_parser starts, to see how each ended."""
    started = []

    class Recorded(subprocess.Popen):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            started.append(self)

    monkeypatch.setattr(sandbox.subprocess, "Popen", Recorded)
    return started


def _group_is_gone(child) -> bool:
    try:
        os.killpg(child.pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_result_comes_back():
    assert sandbox.run_parser("tests.sandbox_targets.echo", ["a", 1, None]) == {"echo": ["a", 1, None]}


def test_decompression_bomb_is_stopped_by_the_memory_limit(tmp_path, children):
    """600 MB inflated at once (a 2,7 MB file) under the default 512 MiB limit: the child dies of
    MemoryError, the caller (this process) goes on and gets the reason; a second parse works."""
    path = tmp_path / "bomb.z"
    path.write_bytes(bomb_bytes(600))
    with translation.override("vi"), pytest.raises(sandbox.ParseFailed) as caught:
        sandbox.run_parser("tests.sandbox_targets.inflate", str(path))
    assert caught.value.reason == "memory"
    assert "512 MB" in caught.value.message
    assert "bộ nhớ" in caught.value.message
    # the child itself met the limit (MemoryError → its own exit code), nothing had to kill it
    assert [child.returncode for child in children] == [sandbox.EXIT_MEMORY]
    assert sandbox.run_parser("tests.sandbox_targets.echo", "still here") == {"echo": "still here"}


def test_endless_parse_is_stopped_by_the_time_limit(children):
    """A parse still running at the time limit is killed there (with its whole process group),
    not waited for: the 60 s sleep never wakes."""
    with translation.override("vi"), pytest.raises(sandbox.ParseFailed) as caught:
        sandbox.run_parser("tests.sandbox_targets.sleep", 60, timeout=1)
    assert [child.returncode for child in children] == [-signal.SIGKILL]
    assert _group_is_gone(children[0])
    assert caught.value.reason == "timeout"
    assert "1 giây" in caught.value.message


def test_a_child_that_dies_is_a_message():
    with translation.override("vi"), pytest.raises(sandbox.ParseFailed) as caught:
        sandbox.run_parser("tests.sandbox_targets.no_such_function")
    assert caught.value.reason == "crash"
    assert caught.value.message
