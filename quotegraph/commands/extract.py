"""The ``extract`` and ``eval`` commands: attributions of files, and their score against a gold folder."""

from __future__ import annotations

import json
import sys
from typing import IO

import click

from ..errors import QuotegraphError
from ..model import Article
from .options import MIN_CONFIDENCE_OPTION
from .progress import progress_bar


def format_text(art: Article) -> str:
    lines = [f"== {art.doc}: {len(art.quotes)} attributions (body {art.body[0]}-{art.body[1]}, "
             f"{len(art.boilerplate)} boilerplate lines set aside)"]
    for n, q in enumerate(art.quotes, 1):
        sp = q.speaker
        who = "(no source)"
        if sp is not None:
            who = sp.name + (f", {sp.role}" if sp.role else "") + f" [{sp.type}]"
        elif q.sources:
            who = f"{q.sources[0].text!r} [unresolved]"
        src = f" ← {q.sources[0].text!r}" if q.sources and sp and q.sources[0].text != sp.name else ""
        cue = q.cue.text if q.cue else "-"
        content = " … ".join(c.text.replace("\n", " ") for c in q.contents)
        if len(content) > 300:
            content = content[:297] + "..."
        lines.append(f"{n:>3}. {who}{src} | cue: {cue!r} | {q.kind} | conf {q.confidence:.2f}")
        lines.append(f"     {content}")
    return "\n".join(lines)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "text"]), default="jsonl", show_default=True,
              help="jsonl: one line per document; json: one array; text: a listing for people.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Write here (default stdout).")
@click.option("--jobs", type=int, default=0, help="Worker processes (default: one per core this process may use).")
@click.option("--max-size", type=float, default=20.0, show_default=True, help="Largest input file, in MB of 1,000,000 bytes.")
@MIN_CONFIDENCE_OPTION
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def extract(paths: tuple[str, ...], fmt: str, output: IO[str], jobs: int, max_size: float, min_confidence: float, quiet: bool) -> None:
    """Print every attributed statement of news articles.

    PATHS are text, HTML, WARC / WARC.gz or JSONL files (read as ingest reads them:
    a page's article text, not its markup), directories (recursively), globs or -
    for stdin; web addresses are not fetched. One line per record (a file, a WARC
    page, a JSONL line). A record that is empty, no article or not in English is
    skipped, saying why, and its line has "skipped" and no quotes. Exits 1 if any
    record failed (missing, unreadable, binary, too large); the others are still processed.

    \b
    Example:
        quotegraph extract examples/defence-dialogue.txt --format text
        quotegraph extract articles/ -o quotes.jsonl
        quotegraph extract page.html crawl.warc.gz dump.jsonl
    """
    from ..batch.extract import run
    from ..ingest.reader import MB

    failed = 0
    records = []
    with progress_bar("extracting", quiet, bytes_=True) as bar:
        try:
            for res in run(paths, jobs or None, int(max_size * MB), progress=lambda done, total: bar.update(done, total)):
                for w in res.warnings:
                    click.echo(f"warning: {w}", err=True)
                if res.skipped:
                    click.echo(f"{res.path}: skipped: {res.skipped}", err=True)
                    # A line all the same, so that the output stays aligned with the inputs.
                    rec: dict[str, object] = {"doc": res.doc, "quotes": [], "skipped": res.skipped}
                    text = f"== {res.doc}: skipped: {res.skipped}"
                elif res.error or res.article is None:
                    failed += 1
                    click.echo(f"error: {res.error}", err=True)
                    continue
                else:
                    art = res.article.confident(min_confidence)
                    rec = art.to_json()
                    text = format_text(art)
                if fmt == "jsonl":
                    output.write(json.dumps(rec, ensure_ascii=False) + "\n")
                    output.flush()
                elif fmt == "text":
                    output.write(text + "\n\n")
                    output.flush()
                else:
                    records.append(rec)
        except Exception as e:  # noqa: BLE001 - what was done is still written (below), with one line saying why it stopped
            failed += 1
            message = str(e) if isinstance(e, QuotegraphError) else f"{type(e).__name__}: {e}"
            click.echo(f"error: extraction stopped ({message})", err=True)
    if fmt == "json":
        json.dump(records, output, ensure_ascii=False, indent=2)
        output.write("\n")
    if failed:
        click.echo(f"{failed} file(s) failed", err=True)
        sys.exit(1)


@click.command(name="eval")
@click.option("--gold", required=True, type=click.Path(exists=True, file_okay=False), help="PolNeAR-style folder (text/, attributions/).")
@click.option("--pred", type=click.Path(exists=True, dir_okay=False), help="Predictions JSONL; default: run extraction on the gold texts.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--save-pred", type=click.Path(dir_okay=False), help="Also write the predictions made to this JSONL file.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def eval_cmd(gold: str, pred: str | None, as_json: bool, save_pred: str | None, quiet: bool) -> None:
    """Score attributions against a PolNeAR-style gold folder.

    Metrics are those of the reference scorer (attribution, content exact and
    partial, token and span P/R/F1 per role).

    \b
    Example:
        quotegraph eval --gold ../shared/corpora/polnear/dev
        quotegraph eval --gold ../shared/corpora/polnear/dev --pred preds.jsonl --json
    """
    from ..eval.run import evaluate_folder
    from ..eval.score import format_table

    with progress_bar("extracting the gold texts", quiet or pred is not None, bytes_=True) as bar:
        res, stats = evaluate_folder(gold, pred, save_pred, progress=lambda done, total: bar.update(done, total))
    if as_json:
        click.echo(json.dumps({"metrics": res, "stats": stats}, indent=2))
    else:
        click.echo(format_table(res, stats))


def register(cli: click.Group) -> None:
    cli.add_command(extract)
    cli.add_command(eval_cmd)
