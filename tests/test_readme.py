"""The README's commands run as written, and what it shows is what they print (issue 15, point 9).

The two commands come first, exactly two; `.ci/run` calls the second; the first's ingest runs on a
temporary database and the web app is opened on it (no server started); the `console` examples print
the lines they show; the JSON example is what `quotegraph extract` writes; every relative link in the
README and docs/ names a file (and heading) that exists.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
# What a user's `.venv/bin/quotegraph` is, in the environment running the tests.
QUOTEGRAPH = Path(sys.executable).with_name("quotegraph")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.M | re.S)
# "..." in an example stands for what was left out: a list's other items, a listing's other lines.
ELIDED = re.compile(r"\.\.\.,\s*|,\s*\.\.\.")
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
IMAGE_MAX_BYTES = 300_000
# The order a user reads in (issue 15, point 9).
SECTIONS = ["Two commands", "What it does", "Install", "Command line", "Python", "spaCy", "Datasette", "Web app and REST API"]


def readme() -> str:
    return README.read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def fenced(text: str, lang: str | None = None) -> list[str]:
    return [body for kind, body in FENCE.findall(text) if lang is None or kind == lang]


def two_commands() -> list[str]:
    return [body.strip() for body in fenced(section(readme(), "Two commands"))]


def main_steps() -> list[list[str]]:
    return [shlex.split(part) for part in two_commands()[0].split(" && ")]


def quotegraph_exe() -> str:
    exe = str(QUOTEGRAPH) if QUOTEGRAPH.exists() else shutil.which("quotegraph")
    if exe is None:
        pytest.fail("no quotegraph command installed beside this Python: run the README's test command (pip install -e '.[test]')")
    return exe


def run_quotegraph(argv: list[str]) -> subprocess.CompletedProcess:
    """A README command line `.venv/bin/quotegraph ARGS...`, run from the repository root."""
    assert argv[0] == ".venv/bin/quotegraph", argv
    res = subprocess.run([quotegraph_exe(), *argv[1:]], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert res.returncode == 0, f"{shlex.join(argv)} exited {res.returncode}: {res.stderr[-2000:]}"
    return res


def db_option(argv: list[str]) -> str:
    return argv[argv.index("--db") + 1]


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_readme_sections_in_a_users_order():
    headings = re.findall(r"^## (.+)$", readme(), re.M)
    assert headings[: len(SECTIONS)] == SECTIONS


def test_readme_two_commands_exactly_two_one_line_each():
    commands = two_commands()
    assert len(commands) == 2, commands
    assert all("\n" not in c for c in commands)
    main, tests = commands
    assert main.startswith("python3 -m venv .venv && ") and tests.startswith("python3 -m venv .venv && ")
    assert tests.endswith(".venv/bin/python -m pytest")


def test_readme_main_command_ingests_the_example_then_serves_it():
    steps = main_steps()
    assert steps[0] == ["python3", "-m", "venv", ".venv"]
    assert steps[1][:2] == [".venv/bin/pip", "install"] and steps[1][-2:] == ["-e", "."]
    ingest, serve = steps[2:]
    assert ingest[:3] == [".venv/bin/quotegraph", "ingest", "examples"]
    assert serve[:2] == [".venv/bin/quotegraph", "serve"]
    assert db_option(ingest) == db_option(serve)
    assert (ROOT / "examples").is_dir()


def test_readme_ci_runs_the_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = [line.strip() for line in ci.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert two_commands()[1] in lines, ".ci/run no longer runs the README's test command"


@pytest.mark.model
def test_readme_main_command_stores_the_example(tmp_path):
    ingest = main_steps()[2]
    db = tmp_path / db_option(ingest)
    argv = list(ingest)
    argv[argv.index("--db") + 1] = str(db)
    run_quotegraph(argv)

    import quotegraph

    statements, speakers = (int(n) for n in re.search(r"the example's (\d+) statements, by (\d+) speakers", readme()).groups())
    with quotegraph.Store(str(db)) as store:
        assert len(store.articles(with_text=False)) == 1
        assert len(store.statements()) == statements
        assert len(store.speakers()) == speakers

    # What the serve step shows on it: the web app over that database, without starting a server.
    from fastapi.testclient import TestClient

    from quotegraph.serve.app import create_app

    with TestClient(create_app(str(db))) as client:
        page = client.get("/articles/1")
        assert page.status_code == 200
        assert "Antonio Guterres" in page.text and 'id="q1"' in page.text


@pytest.mark.model
def test_readme_console_examples_print_what_they_show():
    examples = fenced(readme(), "console")
    assert examples
    for example in examples:
        command, *shown = example.rstrip("\n").split("\n")
        assert command.startswith("$ "), command
        printed = run_quotegraph(shlex.split(command[2:])).stdout.splitlines()
        at = 0
        for line in shown:
            if line == "...":
                continue
            assert line in printed[at:], f"`{command[2:]}` does not print, in this order: {line!r}"
            at = printed.index(line, at) + 1


@pytest.mark.model
def test_readme_json_example_is_what_extract_writes():
    text = readme()
    [example] = [b for b in fenced(text, "json") if '"doc": "defence-dialogue"' in b]
    shown = json.loads(ELIDED.sub("", example))
    path = re.search(r"of `quotegraph extract (examples/[^`\s]+)`", text).group(1)
    [line] = run_quotegraph([".venv/bin/quotegraph", "extract", path]).stdout.splitlines()
    written = json.loads(line)

    for key in shown.keys() - {"boilerplate", "quotes"}:
        assert shown[key] == written[key], key
    assert written["boilerplate"][: len(shown["boilerplate"])] == shown["boilerplate"]
    assert shown["quotes"]
    for quote in shown["quotes"]:
        same = [q for q in written["quotes"] if q["cue"] == quote["cue"]]
        assert same, f"no quote with the cue {quote['cue']}"
        got = same[0]
        assert quote.keys() == got.keys(), "the example's quote has other fields than extract writes"
        assert quote["speaker"].keys() == got["speaker"].keys(), "the example's speaker has other fields than extract writes"
        for key in quote.keys() - {"confidence"}:
            assert quote[key] == got[key], key
        assert quote["confidence"] == round(got["confidence"], 2)


@pytest.mark.parametrize("doc", [README, *DOCS], ids=lambda p: str(p.relative_to(ROOT)))
def test_readme_relative_links_point_to_files_and_headings(doc):
    for target in LINK.findall(doc.read_text(encoding="utf-8")):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # http:, https:, mailto:
            continue
        name, _, anchor = target.partition("#")
        path = (doc.parent / name).resolve() if name else doc
        assert path.exists(), f"{doc.name}: link to {target}: no such file"
        if anchor and path.suffix == ".md":
            headings = re.findall(r"^#+ (.+)$", path.read_text(encoding="utf-8"), re.M)
            assert anchor in {slug(h) for h in headings}, f"{doc.name}: link to {target}: no such heading"
        if path.suffix == ".png":
            assert path.stat().st_size <= IMAGE_MAX_BYTES, f"{path.name} is {path.stat().st_size} bytes"
