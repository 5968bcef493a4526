"""Batch partitions: ranges of a large WARC or JSONL read exactly the records of the whole file;
globs and fsspec addresses as inputs."""

from __future__ import annotations

import pytest

from quotegraph.batch.plan import plan, split_file
from quotegraph.errors import InputError
from quotegraph.ingest.sources import check_inputs, expand, iter_records
from tests.ingest.pages import Story, write_jsonl, write_warc


def stories(n: int) -> list[Story]:
    return [Story(f"Story {i}", [f"“Point number {i} is the important one,” said Ann Lee."], f"https://x.example.com/{i}") for i in range(n)]


def _seen(records):
    return [(type(r).__name__, r.location, getattr(r, "payload", None)) for r in records]


@pytest.mark.parametrize("name", ["a.warc.gz", "a.warc", "a.jsonl"])
def test_plan_ranges_read_the_records_of_the_whole_file(tmp_path, name):
    path = tmp_path / name
    (write_jsonl if name.endswith("jsonl") else write_warc)(path, stories(9))
    pieces = split_file(str(path), part_bytes=path.stat().st_size // 4)
    assert len(pieces) >= 3 and pieces[0].start == 0 and pieces[-1].end is None
    assert all(a.end == b.start for a, b in zip(pieces, pieces[1:]))
    ranged = [r for p in pieces for r in p.records()]
    assert _seen(ranged) == _seen(iter_records([str(path)]))


def test_plan_small_files_share_a_part_large_ones_are_split(tmp_path):
    write_warc(tmp_path / "big.warc.gz", stories(9))
    for i in range(3):
        (tmp_path / f"t{i}.txt").write_text("“Fine,” said Ann Lee.\n")
    p = plan([str(tmp_path)], part_bytes=2000)
    kinds = [[x.kind for x in part.pieces] for part in p.parts]
    assert kinds[:-1] == [["warc"]] * (len(kinds) - 1) and kinds[-1] == [None, None, None]
    assert len({part.name for part in p.parts}) == len(p.parts)
    assert [part.name for part in plan([str(tmp_path)], part_bytes=2000).parts] == [part.name for part in p.parts]


def test_plan_refuses_stdin():
    with pytest.raises(InputError, match="standard input"):
        plan(["-"])


def test_inputs_glob_matches_files_in_order(tmp_path):
    for name in ("b.txt", "a.txt", "c.html"):
        (tmp_path / name).write_text("x")
    assert list(expand([str(tmp_path / "*.txt")])) == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert check_inputs([str(tmp_path / "*.txt")]) == {}
    assert "no such file" in str(check_inputs([str(tmp_path / "*.jsonl")])[str(tmp_path / "*.jsonl")])


def test_inputs_fsspec_memory_filesystem(tmp_path):
    fsspec = pytest.importorskip("fsspec")
    write_warc(tmp_path / "a.warc.gz", stories(2))
    fs = fsspec.filesystem("memory")
    fs.pipe("/qg-test/crawl/a.warc.gz", (tmp_path / "a.warc.gz").read_bytes())
    fs.pipe("/qg-test/crawl/notes.bin", b"\x00")
    try:
        assert list(expand(["memory://qg-test/crawl"])) == ["memory:///qg-test/crawl/a.warc.gz"]
        records = [r for r in iter_records(["memory://qg-test/crawl/*.warc.gz"]) if type(r).__name__ == "RawRecord"]
        assert [r.url for r in records] == ["https://x.example.com/0", "https://x.example.com/1"]
        assert records[0].location.startswith("memory:///qg-test/crawl/a.warc.gz@")
        assert "no such file" in str(check_inputs(["memory://qg-test/none.warc"])["memory://qg-test/none.warc"])
        assert "nosuchfs://" in str(check_inputs(["nosuchfs://x/y"])["nosuchfs://x/y"])
    finally:
        fs.rm("/qg-test", recursive=True)


def test_plan_a_small_batch_still_spreads_over_workers(tmp_path):
    """Regression: 300 articles in 4 WARC files made one part at the default part size (two of 225
    and 75 articles at 0.5 MB), so a second worker had little or nothing to do."""
    for k in range(4):
        words = [" ".join(f"w{k}x{i}y{j}" for j in range(1500)) for i in range(12)]  # text gzip cannot shrink much
        write_warc(tmp_path / f"crawl-{k}.warc.gz", [Story(f"Story {k} {i}", [words[i]], f"https://x.example.com/{k}/{i}") for i in range(12)])
    parts = plan([str(tmp_path)]).parts
    assert len(parts) >= 8
    sizes = sorted(p.size for p in parts)
    assert sizes[-1] <= 3 * sizes[len(sizes) // 2]  # no part holds most of the work
    assert [p.name for p in plan([str(tmp_path)]).parts] == [p.name for p in parts]  # a re-run makes the same parts
