"""Read one input document as text: decoding, size limit, binary and empty files."""

from __future__ import annotations

import io
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import NO_FILESYSTEM, NOT_A_CRAWLER, TOO_LARGE, BinaryInput, InputError, NotFound, TooLarge, WebAddress

MB = 1_000_000  # --max-size is in MB of 1,000,000 bytes: what "MB" means to users
DEFAULT_MAX_BYTES = 20 * MB
FALLBACK_ENCODING = "cp1252"
BOMS_UTF16 = (b"\xff\xfe", b"\xfe\xff")
# Control bytes that do not occur in text (tab, line feed, form feed, carriage return and escape do).
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 32 and b not in (9, 10, 12, 13, 27)))
_WEB = re.compile(r"(?i)^https?://")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")


@dataclass
class Input:
    doc: str
    text: str
    warnings: list[str] = field(default_factory=list)


def is_web_address(path: str) -> bool:
    return bool(_WEB.match(path))


def web_address(path: str) -> WebAddress:
    """The one-line error for an http(s) address given as an input."""
    return WebAddress(f"{path}: {NOT_A_CRAWLER}")


def is_url(path: str) -> bool:
    """An fsspec address (``s3://bucket/key``, ``memory://x``, ``file:///tmp/a``), not a web address."""
    return bool(_URL.match(path)) and not is_web_address(path)


def url_fs(path: str) -> tuple[Any, str]:
    """(fsspec filesystem, path within it) of an address; ``InputError`` when it cannot be opened here."""
    scheme = path.split("://", 1)[0]
    try:
        from fsspec.core import url_to_fs

        return url_to_fs(path)  # type: ignore[no-any-return]
    except (ImportError, ValueError) as e:
        raise InputError(f"{path}: " + NO_FILESYSTEM.format(scheme=scheme, reason=str(e) or type(e).__name__)) from None


def open_binary(path: str) -> BinaryIO:
    """A file or fsspec address opened for reading bytes; ``InputError`` with a clear message otherwise."""
    if is_web_address(path):
        raise web_address(path)
    try:
        if is_url(path):
            fs, inner = url_fs(path)
            return fs.open(inner, "rb")  # type: ignore[no-any-return]
        return open(path, "rb")  # noqa: SIM115 - closed by the caller
    except OSError as e:
        raise os_error(path, e) from None


def input_size(path: str, f: BinaryIO | None = None) -> int | None:
    """The size in bytes of a file or fsspec address (None when it cannot be told)."""
    try:
        if f is not None and hasattr(f, "fileno"):
            return os.fstat(f.fileno()).st_size
    except (OSError, io.UnsupportedOperation):
        pass
    try:
        if is_url(path):
            fs, inner = url_fs(path)
            return int(fs.size(inner))
        return os.stat(path).st_size
    except (OSError, InputError, TypeError, ValueError):
        return None


def too_large(where: str, max_bytes: int, size: int | None = None) -> TooLarge:
    """The one-line error for an input over the size limit (``size`` in bytes when known)."""
    what = f"{size / MB:.1f} MB is " if size is not None else ""
    return TooLarge(f"{where}: {what}" + TOO_LARGE.format(limit=max_bytes / MB))


def line_limit(max_bytes: int) -> int:
    """The longest JSONL line read: JSON writes a character in at most 6 bytes, plus 1 MB of other fields."""
    return 6 * max_bytes + MB


def looks_binary(data: bytes) -> bool:
    """A NUL byte anywhere, or more than 10% control bytes, in the whole of the data (UTF-16 with a BOM aside)."""
    if data.startswith(BOMS_UTF16):
        return False
    if b"\x00" in data:
        return True
    ctrl = len(data.translate(None, _NOT_CONTROL))
    return bool(data) and ctrl / len(data) > 0.1


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Text of the bytes: UTF-8 (a BOM kept as U+FEFF), UTF-16 with a BOM, else cp1252."""
    if data.startswith(BOMS_UTF16):
        try:
            return data.decode("utf-16"), [f"{name}: decoded as UTF-16 (byte-order mark)"]
        except UnicodeDecodeError as e:
            raise InputError(f"{name}: not valid UTF-16 although it starts with a UTF-16 byte-order mark ({e.reason} at byte {e.start})") from None
    if looks_binary(data):
        raise BinaryInput(f"{name}: looks like a binary file, not text; give a .txt article")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as e:
        warning = (
            f"{name}: not valid UTF-8 (byte {e.start}); decoded as {FALLBACK_ENCODING} instead, "
            "so offsets are into that decoded text"
        )
        try:
            return data.decode(FALLBACK_ENCODING), [warning]
        except UnicodeDecodeError:
            return data.decode("latin-1"), [warning.replace(FALLBACK_ENCODING, "latin-1")]


def os_error(path: str, e: OSError) -> InputError:
    """The one-line error for a file that cannot be opened or read."""
    if isinstance(e, FileNotFoundError):
        return NotFound(f"{path}: no such file or directory")
    if isinstance(e, IsADirectoryError):
        return InputError(f"{path}: is a directory")
    if isinstance(e, PermissionError):
        return InputError(f"{path}: permission denied")
    return InputError(f"{path}: cannot be read ({e.strerror or e})")


def read_input(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Input:
    """Read a file (``-`` for stdin) as an article text; raises ``InputError`` with a clear message."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        doc = "stdin"
    else:
        if is_web_address(path):
            raise web_address(path)
        doc = Path(path.split("://", 1)[-1]).stem
        try:
            with open_binary(path) as f:
                size = input_size(path, f)
                if size is not None and size > max_bytes:
                    raise too_large(path, max_bytes, size)
                data = f.read(max_bytes + 1)
        except OSError as e:
            raise os_error(path, e) from None
    if len(data) > max_bytes:
        raise too_large(path, max_bytes)
    text, warnings = decode(data, path)
    # Match open(path, encoding="utf-8", newline=""): nothing else is changed.
    return Input(doc, text, warnings)
