import re

import pytest

from quotegraph.errors import BinaryInput, InputError, TooLarge, WebAddress
from quotegraph.ingest.reader import MB, read_input


def test_reader_utf8_with_bom_keeps_bom(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("\ufeffHe said “yes”.\r\n".encode())
    inp = read_input(str(p))
    assert inp.doc == "a"
    assert inp.text == "\ufeffHe said “yes”.\r\n"
    assert inp.warnings == []


def test_reader_cp1252_falls_back_with_warning(tmp_path):
    p = tmp_path / "b.txt"
    p.write_bytes("He said \u201cyes\u201d, caf\u00e9.".encode("cp1252"))
    inp = read_input(str(p))
    assert inp.text == "He said \u201cyes\u201d, caf\u00e9."
    assert inp.warnings and "cp1252" in inp.warnings[0]


@pytest.mark.parametrize(
    "data, error",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), BinaryInput),
        (bytes(range(32)) * 10, BinaryInput),
    ],
)
def test_reader_binary_refused(tmp_path, data, error):
    p = tmp_path / "c.txt"
    p.write_bytes(data)
    with pytest.raises(error, match="binary"):
        read_input(str(p))


def test_reader_missing_file():
    with pytest.raises(InputError, match="no such file"):
        read_input("/nonexistent/x.txt")


def test_reader_too_large_names_limit_and_option(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"word " * 300_000)
    with pytest.raises(TooLarge, match="--max-size"):
        read_input(str(p), max_bytes=1_000_000)


def test_reader_empty_file_is_text(tmp_path):
    p = tmp_path / "e.txt"
    p.write_bytes(b"")
    assert read_input(str(p)).text == ""


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"\x00" + b"He said yes. " * 1000, True),
        (b"He said yes. " * 1000 + b"\x00", True),  # regression (issue 10): a NUL after the first 8 KB passed
        (b"He said yes. " * 1000 + b"\x00" + b"More text. " * 1000, True),
        (b"He said yes. " * 1000 + bytes(range(1, 9)) * 2000, True),  # control bytes after the first 8 KB
        ("\ufeffHe said “yes”.".encode("utf-16"), False),  # UTF-16 has NULs, and a BOM
        (b"He said yes.\tTabs,\r\nline ends and \x1b escapes are text.", False),
    ],
)
def test_reader_binary_is_one_rule_for_the_whole_file(tmp_path, data, binary):
    p = tmp_path / "f.txt"
    p.write_bytes(data)
    if binary:
        with pytest.raises(BinaryInput, match="binary"):
            read_input(str(p))
    else:
        assert "He said" in read_input(str(p)).text


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xfe" + "He said yes.".encode("utf-16-le") + b"x",  # a BOM, then an odd number of bytes
        b"\xff\xfe" + "He said ".encode("utf-16-le") + b"\x00\xd8" + "yes.".encode("utf-16-le"),  # a lone surrogate
        b"\xfe\xff" + b"\x00H\x00i" + b"\xdc\x00",  # big-endian, a lone low surrogate
    ],
)
def test_reader_malformed_utf16_is_one_line_error(tmp_path, data):
    """Regression (issue 10): a malformed UTF-16 file raised UnicodeDecodeError (a traceback) in extract."""
    p = tmp_path / "u.txt"
    p.write_bytes(data)
    with pytest.raises(InputError, match=r"u\.txt: not valid UTF-16") as e:
        read_input(str(p))
    assert "\n" not in str(e.value)


@pytest.mark.parametrize(
    ("max_mb", "size", "message"),
    [
        (20, 20_000_001, "20.0 MB is over the 20 MB limit (1 MB = 1,000,000 bytes)"),  # regression: said "21 MB"
        (1, 1_500_000, "1.5 MB is over the 1 MB limit"),
        (0.5, 600_000, "0.6 MB is over the 0.5 MB limit"),
    ],
)
def test_reader_size_limit_is_in_mb_of_a_million_bytes(tmp_path, max_mb, size, message):
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * size)
    with pytest.raises(TooLarge, match=re.escape(message)):
        read_input(str(p), max_bytes=int(max_mb * MB))
    p.write_bytes(b"a" * int(max_mb * MB))  # exactly at the limit: read
    assert len(read_input(str(p), max_bytes=int(max_mb * MB)).text) == int(max_mb * MB)


@pytest.mark.parametrize(("path", "message"), [("https://example.com/story", "not a crawler"), ("http://x.org/a.txt", "WARC")])
def test_reader_web_address_is_never_fetched(path, message):
    with pytest.raises(WebAddress, match=message):
        read_input(path)
