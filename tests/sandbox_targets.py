"""Functions the sandbox tests run in the limited child process (``core.sandbox``): plain Python."""

import time
import zlib


def inflate(path: str) -> int:
    """Inflate a whole zlib stream with no budget: a decompression bomb, as a careless parser would."""
    with open(path, "rb") as handle:
        return len(zlib.decompress(handle.read()))


def sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "woke"


def echo(value):
    return {"echo": value}


def bomb_bytes(megabytes: int) -> bytes:
    """zlib data that inflates to ``megabytes`` MB of zeros (about 1/1000 of that on disk)."""
    compressor = zlib.compressobj(1)
    chunk = b"\0" * (1024 * 1024)
    return b"".join([*(compressor.compress(chunk) for _ in range(megabytes)), compressor.flush()])
