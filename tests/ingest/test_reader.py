import pytest

from quotegraph.errors import BinaryInput, InputError, TooLarge
from quotegraph.ingest.reader import read_input


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
