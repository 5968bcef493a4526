"""The learned cue / source / content tagger: int8 ONNX MiniLM, loaded once per process."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelMissing
from .decode import Word
from .encoding import LABELS, STRIDE, WINDOW, plan, softmax, word_logits

logger = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "tagger"
__all__ = ["Tagger", "load_tagger", "WINDOW", "STRIDE"]
# Windows run one at a time: int8 dynamic quantisation scales activations per batch, so a window
# run with others would tag differently by its company; alone, a text always gets the same tags
# (and needs no padding). The shipped graph ignores attention_mask (scripts/slim_tagger.py removed the
# mask and the softmax NaN guard, which never change an unpadded window): never feed it a padded batch.


@dataclass
class Tagger:
    session: Any  # onnxruntime.InferenceSession
    tokenizer: Any  # tokenizers.Tokenizer
    meta: dict

    @property
    def version(self) -> str:
        return str(self.meta.get("version", "?"))

    def word_probs(self, text: str, words: Sequence[Word]) -> np.ndarray:
        """Label probabilities of every word, shape (len(words), len(LABELS))."""
        return self.word_probs_many([(text, words)])[0]

    def word_probs_many(self, docs: Sequence[tuple[str, Sequence[Word]]]) -> list[np.ndarray]:
        """Like ``word_probs`` for several texts (each window run alone)."""
        tok = self.tokenizer
        cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
        result = []
        for text, words in docs:
            p = plan(tok, text, words)
            outs = []
            for s, e in p.spans:
                ids = np.array([[cls, *p.pieces.ids[s:e], sep]], dtype=np.int64)
                out = self.session.run(["logits"], {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0]  # type: ignore[attr-defined]
                outs.append(out[0, 1:-1])
            result.append(softmax(word_logits(p, outs)))
        return result


@lru_cache(maxsize=2)
def load_tagger(model_dir: str | None = None, threads: int | None = None) -> Tagger:
    """The tagger shipped in the package (or at ``model_dir``); loaded once per process."""
    import onnxruntime as ort
    from tokenizers import Tokenizer

    path = Path(model_dir) if model_dir else MODEL_DIR
    onnx_file, tok_file, meta_file = path / "model.onnx", path / "tokenizer.json", path / "meta.json"
    for f in (onnx_file, tok_file, meta_file):
        if not f.exists():
            raise ModelMissing(
                f"tagger model file {f} is missing: reinstall quotegraph, or rebuild it with "
                "`python scripts/train_tagger.py`"
            )
    meta = json.loads(meta_file.read_text())
    if list(meta.get("labels", [])) != list(LABELS):
        raise ModelMissing(f"tagger at {path} has labels {meta.get('labels')}, expected {list(LABELS)}: rebuild it")
    opts = ort.SessionOptions()
    n = threads or int(os.environ.get("QUOTEGRAPH_THREADS", "0")) or (os.cpu_count() or 1)
    opts.intra_op_num_threads = n
    opts.inter_op_num_threads = 1
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # The arena keeps the largest batch's buffers for good.
    opts.enable_cpu_mem_arena = False
    session = ort.InferenceSession(str(onnx_file), opts, providers=["CPUExecutionProvider"])
    tok = Tokenizer.from_file(str(tok_file))
    tok.no_padding()
    tok.no_truncation()
    logger.debug("loaded tagger %s from %s", meta.get("version"), path)
    return Tagger(session, tok, meta)
