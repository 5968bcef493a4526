"""An extractor that loads in the parent process and fails in a worker's set-up (what a worker without the models
meets): for tests/cli/test_extractor_option.py."""

import os

if os.environ.get("QUOTEGRAPH_THREADS") == "1":  # set by a worker process before it loads the extractor
    raise RuntimeError("the models are not installed here")


def extract_many(items):  # pragma: no cover - never reached: the worker cannot load this module
    raise AssertionError("not reached")
