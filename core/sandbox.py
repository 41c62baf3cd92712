"""Parsing uploaded files in a child process under a memory and time limit (issue 12).

The upload checks (``core.uploads``) refuse what can be recognised from the container; what is
left — a parser's time and memory on a file that passed them — is bounded here. A Celery task
(never the request) calls ``run_parser("package.module.function", *args)``: a fresh Python
process (``python -m core.sandbox``) sets ``RLIMIT_AS`` (``UPLOAD_PARSE_MEMORY_BYTES``, 512 MiB)
and ``RLIMIT_CPU`` on itself before importing anything, calls the function (plain Python, no
Django: the readers are pure), writes its JSON result to a temporary file and exits. The parent
waits at most ``timeout`` seconds, then kills the child's whole process group (LibreOffice
converting a .doc included). A bomb therefore kills only the child; the worker process and its
database connection survive, and the task records ``ParseFailed.message``: Vietnamese, naming
the limit that stopped the reading.

Why a subprocess and not ``setrlimit`` in the worker: a prefork child that lowers its own
address-space limit keeps it for every later task, and CPython cannot always recover from a
``MemoryError`` ("Cannot recover from MemoryErrors" aborts the process).
"""

from __future__ import annotations

import datetime
import json
import os
import signal
import subprocess
import sys
import tempfile

DEFAULT_MEMORY_BYTES = 512 * 1024 * 1024
DEFAULT_TIMEOUT_SECONDS = 60
MAX_RESULT_BYTES = 64 * 1024 * 1024
EXIT_MEMORY = 3
EXIT_CRASH = 4


class ParseFailed(Exception):
    """The child did not produce a result: ``reason`` is "memory", "timeout" or "crash";
    ``message`` is the user's explanation (in the active language; the tasks store it in
    Vietnamese) naming the limit."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason
        self.message = message


def json_safe(value):
    """A cell value a reader may return from the child: JSON types as they are, dates and times
    as ISO text (the parent turns them back), anything else as its text."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (datetime.date, datetime.time, datetime.datetime)):
        return value.isoformat()
    return str(value)


def memory_limit() -> int:
    from django.conf import settings

    return int(getattr(settings, "UPLOAD_PARSE_MEMORY_BYTES", DEFAULT_MEMORY_BYTES))


def _message(reason: str, *, memory: int, timeout: float) -> str:
    from django.utils.translation import gettext as _

    from core.formatting import format_number

    if reason == "memory":
        return _(
            "The file could not be read: reading it needed more than %(limit)s MB of memory, the limit "
            "for one file, so it was stopped. Split the document or remove what it does not need, then upload it again."
        ) % {"limit": format_number(memory / 1048576, 0)}
    if reason == "timeout":
        return _(
            "The file could not be read: reading it took longer than %(seconds)s seconds, the limit "
            "for one file, so it was stopped. Split the document or remove what it does not need, then upload it again."
        ) % {"seconds": format_number(timeout, 0)}
    return _("The file could not be read: the reader stopped unexpectedly. Save it again and upload it, or try again.")


def limit_message(reason: str, *, timeout: float) -> str:
    """The Vietnamese explanation of a limit ("memory", "timeout", "crash") for a reading the
    caller stopped itself (e.g. a child that wrote as much data as the memory limit)."""
    return _message(reason, memory=memory_limit(), timeout=timeout)


def run_parser(function: str, *args, timeout: float = DEFAULT_TIMEOUT_SECONDS, memory_bytes: int | None = None):
    """``function(*args)`` (a dotted path; JSON arguments and result) in a limited child process.

    Returns the function's result; raises ``ParseFailed`` when the child ran out of memory or
    time, or died. The function's own expected failures belong in its result (e.g. a reader's
    "scanned PDF" message), not in exceptions."""
    from django.conf import settings

    memory = int(memory_bytes or memory_limit())
    base_dir = str(settings.BASE_DIR)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (base_dir, os.environ.get("PYTHONPATH")) if p)}
    with tempfile.TemporaryDirectory(prefix="coopplan-parse-") as tmp:
        out_path = os.path.join(tmp, "result.json")
        request = json.dumps({"function": function, "args": list(args), "out": out_path,
                              "memory": memory, "cpu": int(timeout) + 1})  # fmt: skip
        child = subprocess.Popen(
            [sys.executable, "-m", "core.sandbox"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=base_dir,
            env=env,
            start_new_session=True,  # its own process group: a timeout kills LibreOffice too
        )
        try:
            _out, err = child.communicate(request.encode(), timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(child)
            child.communicate()
            raise ParseFailed("timeout", _message("timeout", memory=memory, timeout=timeout)) from None
        finally:
            if child.poll() is None:
                _kill_group(child)
        err_text = (err or b"")[-4000:].decode("utf-8", "replace")
        if child.returncode == EXIT_MEMORY or "MemoryError" in err_text:
            raise ParseFailed("memory", _message("memory", memory=memory, timeout=timeout))
        if child.returncode in (-signal.SIGXCPU, -signal.SIGKILL) or "CPU time limit" in err_text:
            raise ParseFailed("timeout", _message("timeout", memory=memory, timeout=timeout))
        if child.returncode != 0 or not os.path.exists(out_path):
            _log_crash(function, child.returncode, err_text)
            raise ParseFailed("crash", _message("crash", memory=memory, timeout=timeout))
        if os.path.getsize(out_path) > MAX_RESULT_BYTES:
            raise ParseFailed("memory", _message("memory", memory=memory, timeout=timeout))
        with open(out_path, encoding="utf-8") as handle:
            return json.load(handle)


def _kill_group(child: subprocess.Popen) -> None:
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    child.wait()


def _log_crash(function: str, returncode: int, err_text: str) -> None:
    import logging

    logging.getLogger(__name__).error(
        "sandbox: %s ended with exit code %s without a result:\n%s", function, returncode, err_text
    )


# --------------------------------------------------------------------------- the child
def _child() -> int:
    import importlib
    import resource

    request = json.loads(sys.stdin.read())
    # Limits first, before the parser (or anything it imports) allocates.
    resource.setrlimit(resource.RLIMIT_AS, (request["memory"], request["memory"]))
    resource.setrlimit(resource.RLIMIT_CPU, (request["cpu"], request["cpu"] + 1))
    try:
        module_name, _dot, name = request["function"].rpartition(".")
        function = getattr(importlib.import_module(module_name), name)
        result = function(*request["args"])
        payload = json.dumps(result, ensure_ascii=False, default=str)
    except MemoryError:
        os.write(2, b"MemoryError\n")
        return EXIT_MEMORY
    with open(request["out"], "w", encoding="utf-8") as handle:
        handle.write(payload)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(_child())
    except MemoryError:
        os.write(2, b"MemoryError\n")
        os._exit(EXIT_MEMORY)
