"""Store commands of the ``quotegraph`` CLI: ingest, search, speakers, speaker, export.

A thin click layer: each command parses options and calls the library.
"""

from __future__ import annotations

import csv
import json
import sys
from typing import IO

import click

from ..ingest.reader import MB
from ..model import KINDS, SearchQuery
from ..store.records import MAX_HITS
from .errors import cli_errors
from .options import DB_OPTION, EXTRACTOR_OPTION, MIN_CONFIDENCE_OPTION
from .progress import progress_bar


def _open(db: str):  # type: ignore[no-untyped-def]
    from ..store.db import open_store

    with cli_errors():
        return open_store(db, create=False)


def _given_date(value: str | None) -> str | None:
    """A date given on the command line, as the store keeps it; a bad one is a usage error."""
    if value is None:
        return None
    from ..ingest.pubdate import parse_date

    got = parse_date(value.strip())
    if got is None:
        raise click.BadParameter(f"{value!r} is not a date: give YYYY-MM-DD, YYYY-MM or YYYY", param_hint="--published")
    return got[0]


def _name_pattern(value: str | None) -> str | None:
    """A --date-from-name pattern, checked before any work; one that finds no date is a usage error."""
    if value is None:
        return None
    from ..errors import NamePatternError
    from ..ingest.namedate import NameDate

    try:
        NameDate(value)
    except NamePatternError as e:
        raise click.BadParameter(str(e), param_hint="--date-from-name") from None
    return value


@click.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--jobs", type=int, default=0, help="Worker processes (default: one per core this process may use).")
@click.option("--batch", type=int, default=4, show_default=True, help="Articles per worker task and per committed transaction.")
@click.option("--max-size", type=float, default=20.0, show_default=True, help="Largest file or record (a WARC page, a JSONL text), in MB of 1,000,000 bytes.")
@click.option("--strict", is_flag=True, help="Exit 1 if any record failed (by default failures are logged and skipped).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@MIN_CONFIDENCE_OPTION
@click.option("--outlet", help="The outlet of inputs that name none (plain text, JSONL without 'outlet', pages without a site name).")
@click.option("--published", help="The publication date (YYYY-MM-DD, YYYY-MM or YYYY) of inputs that give none.")
@click.option(
    "--date-from-name",
    metavar="PATTERN",
    help="Read the publication date of inputs that give none from their file names: %Y-%m-%d finds "
    "2016-02-16 in 2016-02-16_title.txt; also %Y%m%d, %d.%m.%Y, %d %B %Y, %Y-%m (a month), %Y/%m/%d "
    "(folders 2016/02/16/). A name without the date gives none (then --published, if given).",
    callback=lambda ctx, param, value: _name_pattern(value),
)
@EXTRACTOR_OPTION
def ingest(
    paths: tuple[str, ...],
    db: str,
    jobs: int,
    batch: int,
    max_size: float,
    strict: bool,
    quiet: bool,
    min_confidence: float,
    outlet: str | None,
    published: str | None,
    date_from_name: str | None,
    extractor: str,
) -> None:
    """Store every attributed statement of news files in a corpus database.

    PATHS are text, HTML, WARC / WARC.gz or JSONL files (detected by content and
    extension), directories (recursively), globs, fsspec addresses (s3://...) or -
    for stdin; web addresses are not fetched (give WARC files or a crawler's
    output). An output folder of `quotegraph batch` is loaded without extracting again. The same article twice
    (same URL or same text) is stored once; a re-run after a crash resumes. A
    record that cannot be read (corrupt, cut short, too large) is a failure,
    logged with its location; one that is no English article (empty, another
    language, not HTML, no article in the page) is skipped and counted. Exits 1
    if a named input does not exist, and with --strict if any record failed.

    \b
    Example:
        quotegraph ingest crawl.warc.gz pages/ --db news.db
        quotegraph ingest dump.jsonl --strict
        quotegraph ingest build/crawl --db news.db   # a quotegraph batch output
        quotegraph ingest texts/ --date-from-name %Y-%m-%d --outlet "The Example"
    """
    from ..corpus import ingest as run_ingest

    given = _given_date(published)
    with progress_bar("ingesting", quiet, bytes_=True) as bar:

        def progress(s):  # type: ignore[no-untyped-def]
            bar.update(
                s.bytes_done,
                s.bytes_total or None,
                description=f"ingesting: {s.articles} stored, {s.duplicates} already there, {s.skipped} skipped, {s.failures} failed",
            )

        summary = run_ingest(
            paths,
            db=db,
            jobs=jobs or None,
            batch=batch,
            max_bytes=int(max_size * MB),
            extractor=extractor,
            progress=progress,
            min_confidence=min_confidence,
            outlet=(outlet or "").strip() or None,
            published=given,
            date_from_name=date_from_name,
        )
    if not quiet:
        t = summary.totals
        reasons = ", ".join(f"{r} {n}" for r, n in sorted(summary.skip_reasons.items(), key=lambda x: (-x[1], x[0])))
        click.echo(
            f"{summary.articles} new articles ({summary.duplicates} already stored), {summary.statements} new statements "
            f"({summary.unconfident} quotes under --min-confidence left out), "
            f"{summary.skipped} skipped{f' ({reasons})' if reasons else ''}, "
            f"{summary.failures} failures in {summary.seconds:.1f}s; {db} holds {t.get('articles', 0)} articles, "
            f"{t.get('statements', 0)} statements, {t.get('speakers', 0)} speakers",
            err=True,
        )
    if summary.articles and summary.undated == summary.articles:
        click.echo(
            f"warning: none of the {summary.articles} new articles has a publication date, so they stay out of timelines "
            "and date filters; give --published or --date-from-name for inputs that carry none",
            err=True,
        )
    if summary.missing or (strict and summary.failures):
        sys.exit(1)


MAX_COUNT = 1_000_000_000  # --limit / --top: more than any store holds, and within SQLite's 64-bit integers


def _count(ctx: click.Context, param: click.Parameter, value: int | None) -> int | None:
    """A count option (--limit, --top): a whole number from 1 to MAX_COUNT, else one line and exit 1."""
    if value is not None and not 1 <= value <= MAX_COUNT:
        raise click.ClickException(f"--{param.name} {value}: give a whole number from 1 to {MAX_COUNT:,}")
    return value


FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="table for people, json or csv for programs.",
)


@click.command()
@click.argument("text", default="")
@DB_OPTION
@click.option("--speaker", help="Speaker name or alias (part of it is enough).")
@click.option("--role", help="Role or affiliation (part of it is enough).")
@click.option("--outlet", help="Outlet name (part of it is enough).")
@click.option("--since", help="Published on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).")
@click.option("--until", help="Published on or before this date.")
@click.option("--kind", type=click.Choice(KINDS), help="Only this kind of statement.")
@click.option("--limit", type=int, default=20, show_default=True, callback=_count, help="At most this many statements.")
@FORMAT
def search(
    text: str,
    db: str,
    speaker: str | None,
    role: str | None,
    outlet: str | None,
    since: str | None,
    until: str | None,
    kind: str | None,
    limit: int,
    fmt: str,
) -> None:
    """Find statements by words (the syntax SQLite FTS5 reads, ranked by BM25) and filters.

    TEXT may use "phrases", OR, NOT and prefix*; leave it out to filter only.

    \b
    Example:
        quotegraph search "emergency room" --speaker Clinton --since 2016-09
        quotegraph search vigilant --kind direct --format json
    """
    from ..store.search import search as run_search

    with cli_errors({"text": "TEXT"}):
        query = SearchQuery(text, speaker, role, outlet, since, until, kind, limit)
    store = _open(db)
    try:
        with cli_errors():
            hits = run_search(store.conn, query)
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps([h.to_json() for h in hits], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(["statement", "speaker", "kind", "first_seen", "occurrences", "outlets", "drift", "text"])
        for h in hits:
            w.writerow([h.statement_id, h.speaker, h.kind, h.first_seen, h.occurrences, ";".join(h.outlets), int(h.drift), h.text])
    else:
        if not hits:
            click.echo("no statements found", err=True)
        for h in hits:
            where = ", ".join(h.outlets[:3]) + (" …" if len(h.outlets) > 3 else "")
            flag = " [drift]" if h.drift else ""
            click.echo(f"#{h.statement_id} {h.speaker or '(no speaker)'} | {h.kind} | {h.first_seen or 'undated'} | {h.occurrences}x {where}{flag}")
            click.echo(f"    {_short(h.text)}")


def _short(text: str, n: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 3] + "..."


@click.command()
@DB_OPTION
@click.option("--top", type=int, default=20, show_default=True, callback=_count, help="How many speakers.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def speakers(db: str, top: int, fmt: str) -> None:
    """List the speakers with the most statements.

    \b
    Example:
        quotegraph speakers --top 10
    """
    from ..store.queries import top_speakers

    store = _open(db)
    try:
        rows = top_speakers(store.conn, top)
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(["id", "name", "type", "statements", "occurrences", "first_seen", "last_seen", "aliases"])
        for r in rows:
            w.writerow([r.id, r.name, r.type, r.statements, r.occurrences, r.first_seen or "", r.last_seen or "", ";".join(r.aliases)])
        return
    for r in rows:
        also = [a for a in r.aliases if a != r.name][:3]
        click.echo(
            f"{r.id:>6}  {r.name} [{r.type}]  {r.statements} statements, {r.occurrences} occurrences, "
            f"{r.first_seen or '?'} – {r.last_seen or '?'}" + (f"  (also: {', '.join(also)})" if also else "")
        )


@click.command()
@click.argument("name")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def speaker(name: str, db: str, fmt: str) -> None:
    """Show one speaker: aliases, role timeline, statements by month, samples, link evidence.

    NAME is a name or alias (part of it is enough) or the id `quotegraph speakers` prints;
    a name that fits several speakers lists them with their ids.

    \b
    Example:
        quotegraph speaker "Antonio Guterres"
        quotegraph speaker 27
    """
    from ..store.queries import find_speakers, profile

    name = name.strip()
    if not name:
        raise click.ClickException("give a speaker's name (part of it is enough); `quotegraph speakers` lists them")
    store = _open(db)
    try:
        if name.isdigit():
            found = store.conn.execute("SELECT id FROM speakers WHERE id = ?", (int(name),)).fetchone() if len(name) < 19 else None
            ids = [found[0]] if found else []
        else:
            ids = find_speakers(store.conn, name)
        profiles = [profile(store.conn, sid) for sid in ids[:10]]
    finally:
        store.close()
    if not profiles:
        what = f"with id {name}" if name.isdigit() else f"named {name!r}"
        raise click.ClickException(f"no speaker {what}; `quotegraph speakers` lists them")
    if len(profiles) > 1 and fmt == "table":
        click.echo(f"{len(ids)} speakers fit {name!r}; give one's id (quotegraph speaker ID):", err=True)
        for p in profiles:
            s = p.speaker
            click.echo(f"{s.id:>6}  {s.name} [{s.type}]  {s.statements} statements, {s.occurrences} occurrences")
        return
    if fmt == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "speaker": p.speaker.__dict__,
                        "roles": p.roles,
                        "by_month": p.by_month,
                        "samples": p.samples,
                        "links": p.links,
                        "merges": p.merges,
                        "genders": p.genders,
                    }
                    for p in profiles
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    out: IO[str] = sys.stdout
    for p in profiles:
        s = p.speaker
        out.write(f"{s.name} [{s.type}] (id {s.id}): {s.statements} statements, {s.occurrences} occurrences\n")
        out.write(f"  aliases: {', '.join(s.aliases)}\n")
        if s.type == "PERSON":
            weak = " (weaker evidence)" if s.gender_evidence == "first-name" else ""
            said = "; ".join(f"{g['gender']} by {g['evidence']} {g['mentions']}x" for g in p.genders)
            out.write(f"  gender: {s.gender or 'unknown'}" + (f", from {s.gender_evidence}{weak}" if s.gender else "") + (f"  ({said})" if said else "") + "\n")
        for m in p.merges:
            out.write(f"  written as {m['alias']!r} ({m['mentions']}x): {m['rule'] or '?'}, {m['evidence'] or ''}\n")
        for r in p.roles:
            out.write(f"  role: {r['role']}  {r['first_seen'] or '?'} – {r['last_seen'] or '?'} ({r['mentions']}x)\n")
        out.write("  by month: " + ", ".join(f"{m} {n}" for m, n in p.by_month) + "\n")
        for smp in p.samples:
            out.write(f"  #{smp['statement']} {smp['first_seen'] or 'undated'} {smp['occurrences']}x: {_short(str(smp['text']), 200)}\n")
        for link in p.links:
            out.write(f"  linked ({link['rule']}, {link['mentions']}x): {link['evidence']}\n")
        out.write("\n")


@click.command()
@DB_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet", "citron"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one article per line in the extract shape plus metadata; csv and parquet (to a file, -o): the same rows, "
    "one per quote (canonical speaker, source as written, cue, content, outlet, date, ...); citron: BBC Citron's annotation format.",
)
@click.option("--search", "text", help="Only the articles carrying statements of this search (same syntax as search).")
@click.option("--speaker", help="With --search or alone: only statements of this speaker.")
@click.option("--since", help="Published on or after this date.")
@click.option("--until", help="Published on or before this date.")
@click.option("--text", "with_text", is_flag=True, help="jsonl: include the article text.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-", help="Write here (default stdout; parquet needs a file).")
def export(
    db: str,
    fmt: str,
    text: str | None,
    speaker: str | None,
    since: str | None,
    until: str | None,
    with_text: bool,
    output: str,
) -> None:
    """Export the store, or the articles of a search.

    CSV and Parquet have one row per quote: the canonical speaker (speaker, speaker_id)
    with the role and type the article gives and the speaker's gender and its evidence,
    the source as written (source: "he") and the name the article resolved it to
    (speaker_name), cue, content, kind, outlet, published, url and confidence.

    \b
    Example:
        quotegraph export --format jsonl -o corpus.jsonl
        quotegraph export --format csv --search "emergency room" -o quotes.csv
        quotegraph export --format parquet -o quotes.parquet
    """
    from ..store.export import export as run_export
    from ..store.export import export_parquet
    from ..store.search import search as run_search

    if with_text and fmt != "jsonl":
        raise click.UsageError(f"--text adds the article text to jsonl records; --format {fmt} has no place for it")
    if fmt == "parquet" and output == "-":
        raise click.UsageError("--format parquet writes a file: give it with -o FILE.parquet")

    with cli_errors({"text": "--search"}):
        query = SearchQuery(text or "", speaker=speaker, since=since, until=until, limit=MAX_HITS)
    store = _open(db)
    try:
        with cli_errors({"text": "--search"}):
            ids = [h.statement_id for h in run_search(store.conn, query)] if query.text or query.filtered else None
            if fmt == "parquet":
                n = export_parquet(store.conn, output, ids)
            else:
                # CSV writes its own line ends (newline=""); stdout as UTF-8 whatever the locale.
                newline = "" if fmt == "csv" else None
                opened = click.open_file("-", "w", encoding="utf-8") if output == "-" else open(output, "w", encoding="utf-8", newline=newline)
                with opened as out:
                    n = run_export(store.conn, fmt, out, ids, with_text=with_text)
    except OSError as e:
        raise click.ClickException(f"{output}: cannot write ({e.strerror or e})") from None
    finally:
        store.close()
    click.echo(f"{n} records written", err=True)


def register(cli: click.Group) -> None:
    """Attach the store commands to the ``quotegraph`` group."""
    for cmd in (ingest, search, speakers, speaker, export):
        cli.add_command(cmd)
