"""How far a run is through its inputs, in bytes, from the locations of the records done."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..errors import RecordError
from .reader import input_size
from .sources import expand

_OFFSET = re.compile(r"^(?P<file>.+)@(?P<offset>\d+)$")  # a WARC record: FILE@OFFSET
_LINE = re.compile(r"^(?P<file>.+):\d+$")  # a JSONL line: FILE:LINE


class Position:
    """The input files of a run, their sizes, and how many of their bytes are done.

    A record located ``FILE@OFFSET`` (a WARC page) puts the run at that offset of its file; one
    located ``FILE:LINE`` (a JSONL line) at the start of its file; a file read whole at its end.
    The files before the current one are done (records come in input order). Stdin has no size.
    """

    def __init__(self, paths: Iterable[str]) -> None:
        files = [f for f in expand(paths) if not isinstance(f, RecordError) and f != "-"]
        self.sizes = {f: input_size(f) or 0 for f in files}
        self._before: dict[str, int] = {}
        total = 0
        for f in files:
            self._before.setdefault(f, total)
            total += self.sizes[f]
        self.total = total
        self.done = 0

    def seen(self, location: str) -> int:
        """The bytes done once the record at ``location`` is; never less than before."""
        if location in self.sizes:
            at = self._before[location] + self.sizes[location]
        elif (m := _OFFSET.match(location)) and m["file"] in self.sizes:
            at = self._before[m["file"]] + min(int(m["offset"]), self.sizes[m["file"]])
        elif (m := _LINE.match(location)) and m["file"] in self.sizes:
            at = self._before[m["file"]]
        else:
            return self.done
        self.done = max(self.done, at)
        return self.done
