"""``ingest --date-from-name`` (issue 15, point 1): a date read from each input file's name for the
records that give none; a page's or record's own date wins, as with ``--published``."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from quotegraph.cli import cli
from quotegraph.corpus import ingest
from tests.ingest.pages import Story, page, write_jsonl
from tests.store.fakes import FAKE

TEXT = "Roads to be fixed\n\n“We will fix the {what},” said Ann Lee.\n"


def _dates(db: str) -> dict[str, tuple[str | None, str | None]]:
    rows = sqlite3.connect(db).execute("SELECT location, published, published_granularity FROM articles").fetchall()
    return {loc.rsplit("/", 1)[-1]: (pub, gran) for loc, pub, gran in rows}


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (
            None,
            {
                "2016-02-16_roads.txt": ("2016-02-16", "day"),
                "untitled.txt": (None, None),  # a name without the date gives none
                "2017-05-01_dump.jsonl:1": ("2019-05-02", "day"),  # the record's own date wins
                "2017-05-01_dump.jsonl:2": ("2017-05-01", "day"),  # a record without one: its file's
                "2018-01-09_page.html": ("2016-09-14", "day"),  # the page's own date wins
            },
        ),
        (
            "2021-03",
            {
                "2016-02-16_roads.txt": ("2016-02-16", "day"),  # the name's date before --published
                "untitled.txt": ("2021-03", "month"),
                "2017-05-01_dump.jsonl:1": ("2019-05-02", "day"),
                "2017-05-01_dump.jsonl:2": ("2017-05-01", "day"),
                "2018-01-09_page.html": ("2016-09-14", "day"),
            },
        ),
    ],
    ids=["alone", "with-published"],
)
def test_ingest_date_from_name_for_records_that_give_none(tmp_path, published, expected):
    (tmp_path / "2016-02-16_roads.txt").write_text(TEXT.format(what="roads"), encoding="utf-8")
    (tmp_path / "untitled.txt").write_text(TEXT.format(what="bridges"), encoding="utf-8")
    write_jsonl(tmp_path / "2017-05-01_dump.jsonl", [Story("Port reopens", ["“It is open,” said Bo Chan."], "https://x.example.com/b", "2019-05-02")])
    with open(tmp_path / "2017-05-01_dump.jsonl", "a", encoding="utf-8") as f:
        f.write('{"text": "Dock news\\n\\n“The dock is shut,” said Cy Dee."}\n')
    story = Story("Mayor speaks", ["“We will build it this year,” said Maria Lopez."], "https://x.example.com/p")
    (tmp_path / "2018-01-09_page.html").write_text(page(story), encoding="utf-8")
    db = str(tmp_path / "c.db")
    s = ingest([str(tmp_path)], db=db, jobs=1, extractor=FAKE, date_from_name="%Y-%m-%d", published=published)
    assert s.articles == 5 and s.failures == 0
    assert _dates(db) == expected


def test_ingest_cli_date_from_name_and_the_undated_warning(tmp_path):
    (tmp_path / "2016-02-16_roads.txt").write_text(TEXT.format(what="roads"), encoding="utf-8")
    (tmp_path / "roads.txt").write_text(TEXT.format(what="bridges"), encoding="utf-8")
    base = ["ingest", "--jobs", "1", "--extractor", FAKE, "--date-from-name", "%Y-%m-%d"]
    res = CliRunner().invoke(cli, [*base, str(tmp_path / "2016-02-16_roads.txt"), "--db", str(tmp_path / "a.db")])
    assert res.exit_code == 0 and "publication date" not in res.output
    assert _dates(str(tmp_path / "a.db")) == {"2016-02-16_roads.txt": ("2016-02-16", "day")}
    # A name that does not match is no date: the warning for an undated ingest still fires.
    res = CliRunner().invoke(cli, [*base, str(tmp_path / "roads.txt"), "--db", str(tmp_path / "b.db")])
    assert res.exit_code == 0 and "none of the 1 new articles has a publication date" in res.output and "--date-from-name" in res.output


@pytest.mark.parametrize(("pattern", "message"), [("%m-%d", "has no year"), ("%Y-%q", "%q is not a date part")])
def test_ingest_cli_date_from_name_a_bad_pattern_is_a_usage_error_before_any_work(tmp_path, pattern, message):
    (tmp_path / "a.txt").write_text(TEXT.format(what="roads"), encoding="utf-8")
    db = tmp_path / "c.db"
    res = CliRunner().invoke(cli, ["ingest", str(tmp_path / "a.txt"), "--db", str(db), "--extractor", FAKE, "--date-from-name", pattern])
    assert res.exit_code == 2 and "--date-from-name" in res.output and message in res.output and "Traceback" not in res.output
    assert not db.exists()
