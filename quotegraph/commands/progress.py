"""The progress bar of the long commands (extract, eval, ingest, batch), defined once, with the CLI's error edge
(``cli_errors``) around the work it shows.

A bar shows what is done of a total, the time taken and the time left, on stderr; it is drawn only
when stderr is a terminal and not ``--quiet``. ``QUOTEGRAPH_PROGRESS=1`` draws it anyway (tests, logs
read live), ``QUOTEGRAPH_PROGRESS=0`` never.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .errors import cli_errors

FORCE_ENV = "QUOTEGRAPH_PROGRESS"


def shown(quiet: bool = False) -> bool:
    """Whether a bar is drawn: not quiet, and stderr a terminal (or forced by ``QUOTEGRAPH_PROGRESS``)."""
    force = os.environ.get(FORCE_ENV, "")
    if quiet or force == "0":
        return False
    return force == "1" or sys.stderr.isatty()


class Bar:
    """A rich progress bar of one task; every method does nothing when the bar is not shown."""

    def __init__(self, description: str, show: bool, bytes_: bool = False) -> None:
        self._progress: Any = None
        self._task: Any = None
        if not show:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        console = Console(file=sys.stderr, force_terminal=os.environ.get(FORCE_ENV) == "1" or None)
        count = DownloadColumn() if bytes_ else MofNCompleteColumn()
        self._progress = Progress(
            TextColumn("{task.description}"), BarColumn(), count, TimeElapsedColumn(), TimeRemainingColumn(), transient=True, console=console,
            redirect_stdout=False,  # the output itself is no log line: it stays on stdout
        )
        self._task = self._progress.add_task(description, total=None)
        self._progress.start()

    def update(self, completed: float | None = None, total: float | None = None, description: str | None = None) -> None:
        if self._progress is None:
            return
        kw: dict[str, Any] = {}
        if completed is not None:
            kw["completed"] = completed
        if total is not None:
            kw["total"] = total
        if description is not None:
            kw["description"] = description
        self._progress.update(self._task, **kw)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


@contextmanager
def progress_bar(description: str, quiet: bool = False, bytes_: bool = False) -> Iterator[Bar]:
    """A ``Bar`` for the work inside the block, closed at its end; a ``QuotegraphError`` raised there
    becomes a one-line usage error (``click.ClickException``). ``bytes_``: the counts are bytes."""
    bar = Bar(description, shown(quiet), bytes_)
    try:
        with cli_errors():
            yield bar
    finally:
        bar.close()
