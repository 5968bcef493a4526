"""Read one input document as text: decoding, size limit, binary and empty files."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BinaryInput, InputError, TooLarge

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
FALLBACK_ENCODING = "cp1252"


@dataclass
class Input:
    doc: str
    text: str
    warnings: list[str] = field(default_factory=list)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16 text has NULs too: it has a BOM, and we decode it below.
        return not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and ctrl / len(head) > 0.1


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Text of the bytes: UTF-8 (a BOM kept as U+FEFF), UTF-16 with a BOM, else cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), [f"{name}: decoded as UTF-16 (byte-order mark)"]
    if _looks_binary(data):
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
        return InputError(f"{path}: no such file")
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
        p = Path(path)
        doc = p.stem
        try:
            size = p.stat().st_size
            if size > max_bytes:
                raise TooLarge(
                    f"{path}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit; "
                    f"raise it with --max-size (in MB), and it is processed in pieces"
                )
            with open(p, "rb") as f:
                data = f.read(max_bytes + 1)
        except OSError as e:
            raise os_error(path, e) from None
    if len(data) > max_bytes:
        raise TooLarge(f"{path}: over the {max_bytes / 1e6:.0f} MB limit; raise it with --max-size (in MB)")
    text, warnings = decode(data, path)
    # Match open(path, encoding="utf-8", newline=""): nothing else is changed.
    return Input(doc, text, warnings)
