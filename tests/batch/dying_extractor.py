"""An extractor whose worker processes die as they start (importing it kills any process but the main one)."""

from __future__ import annotations

import multiprocessing
import os

from tests.store.fakes import extract_many

if multiprocessing.parent_process() is not None:
    os._exit(3)

__all__ = ["extract_many"]
