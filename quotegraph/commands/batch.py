"""The ``batch`` command: extraction on a Dask cluster into a Parquet dataset."""

from __future__ import annotations

import logging
import sys
from typing import Any

import click

from .options import EXTRACTOR_OPTION
from .progress import progress_bar


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Output folder: articles/ and quotes/ Parquet parts, _manifest.json.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes of the local cluster [default: one per core this process may use].")
@click.option("--scheduler", metavar="ADDRESS", help="Run on an existing Dask cluster (tcp://host:8786) instead of a local one.")
@click.option("--overwrite", is_flag=True, help="Start again: remove the parts of an earlier run in --out.")
@click.option("--max-size", type=float, default=20.0, show_default=True, help="Largest file or record (a WARC page, a JSONL text), in MB of 1,000,000 bytes.")
@click.option("--part-size", type=float, default=64.0, show_default=True, help="Input MB per part: a larger WARC or JSONL file is split in ranges of records.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@EXTRACTOR_OPTION
def batch(
    paths: tuple[str, ...], out: str, workers: int | None, scheduler: str | None, overwrite: bool, max_size: float, part_size: float,
    quiet: bool, extractor: str,
) -> None:
    """Extract news files on a Dask cluster into a Parquet dataset.

    PATHS are text, HTML, WARC / WARC.gz or JSONL files, folders, globs or fsspec
    addresses (s3://, gs://, az:// with their fsspec package); web addresses are
    not fetched. Every record is a row of OUT/articles/ (its article, or why it was
    skipped or failed), every quote a row of OUT/quotes/. A re-run skips finished
    parts; `quotegraph ingest OUT` loads the result into a store without extracting
    again. Exits 1 if an input does not exist or a part could not be written.

    \b
    Example:
        quotegraph batch crawl/*.warc.gz --out build/crawl --workers 8
        quotegraph batch s3://bucket/news/ --out /shared/news --scheduler tcp://head:8786
        quotegraph ingest build/crawl --db news.db
    """
    from ..batch.cluster import run_batch
    from ..ingest.reader import MB

    # distributed sets its loggers to INFO when imported: they say what -v asks for, as ours do.
    logging.getLogger("distributed").setLevel(max(logging.getLogger().getEffectiveLevel(), logging.INFO))

    def progress(event: str, value: Any) -> None:
        if event == "start" and not quiet:
            where = f"dashboard {value.dashboard}" if value.dashboard else "no dashboard (install bokeh for one)"
            click.echo(
                f"{value.workers} workers (scheduler {value.scheduler}), {value.parts - value.done_before} parts to do "
                f"({value.done_before} done before); {where}",
                err=True,
            )
        elif event == "total":
            bar.update(total=value)
        elif event == "advance":
            bar.update(completed=value)
        elif event == "records":
            bar.update(description=f"{value} records")

    with progress_bar("0 records", quiet, bytes_=True) as bar:
        summary = run_batch(paths, out, workers=workers, scheduler=scheduler, overwrite=overwrite, max_bytes=int(max_size * MB),
                            part_bytes=int(part_size * MB), extractor=extractor, progress=progress)
    if not quiet:
        if not summary.written and not summary.failed_parts:
            click.echo(f"{summary.out}: all {summary.parts} parts done before; nothing written", err=True)
        else:
            click.echo(
                f"{summary.written} parts written ({summary.done_before} done before): {summary.records} records, {summary.articles} articles, "
                f"{summary.quotes} quotes, {summary.skipped} skipped, {summary.failures} failed, in {summary.seconds:.1f}s; "
                f"{len(summary.failed_parts)} parts could not be written",
                err=True,
            )
    for line in summary.failed_parts:
        click.echo(f"error: {line}", err=True)
    if summary.failed_parts:
        sys.exit(1)


def register(cli: click.Group) -> None:
    cli.add_command(batch)
