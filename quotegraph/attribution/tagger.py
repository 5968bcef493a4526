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
from .encoding import LABELS, headline_window, to_pieces, windows

logger = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "tagger"
WINDOW = 254  # pieces per window, [CLS] and [SEP] aside
STRIDE = 224  # overlap of 30 pieces: dev F1 within 0.005 of stride 192, 15% faster
BATCH = 1  # windows per ONNX run: int8 dynamic quantisation scales activations per batch, so a window run
# with others would tag differently by its company; one at a time, a text always gets the same tags (and no padding).


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
        """Like ``word_probs`` for several texts, their windows batched together."""
        tok = self.tokenizer
        cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
        jobs = []  # (doc index, piece start, piece end)
        pieces = []
        opens: list[set[int]] = []  # window starts with no left edge, per doc
        for d, (text, words) in enumerate(docs):
            pcs = to_pieces(tok, text, words)
            pieces.append(pcs)
            anchors = [i for i, w in enumerate(pcs.word_of) if w < 0]  # paragraph markers
            ws = list(windows(len(pcs.ids), WINDOW, STRIDE, anchors))
            # The first window of the body (after a headline's own window) has no left edge either.
            opens.append({0, anchors[0]} if headline_window(len(pcs.ids), WINDOW, anchors) else {0})
            for s, e in ws:
                jobs.append((d, s, e))
        piece_logits = [np.zeros((len(p.ids), len(LABELS)), dtype=np.float32) for p in pieces]
        best = [np.full(len(p.ids), -1) for p in pieces]
        # Windows of like length together keep padding small.
        jobs.sort(key=lambda j: j[2] - j[1])
        for b in range(0, len(jobs), BATCH):
            chunk = jobs[b : b + BATCH]
            n = max(e - s for _, s, e in chunk) + 2
            ids = np.zeros((len(chunk), n), dtype=np.int64)
            mask = np.zeros((len(chunk), n), dtype=np.int64)
            for r, (d, s, e) in enumerate(chunk):
                row = [cls, *pieces[d].ids[s:e], sep]
                ids[r, : len(row)] = row
                mask[r, : len(row)] = 1
            out = self.session.run(["logits"], {"input_ids": ids, "attention_mask": mask})[0]  # type: ignore[attr-defined]
            for r, (d, s, e) in enumerate(chunk):
                total = len(pieces[d].ids)
                k = np.arange(s, e)
                left = (k - s) if s not in opens[d] else np.full(e - s, total)
                right = (e - 1 - k) if e < total else np.full(e - s, total)
                central = np.minimum(left, right)
                take = central > best[d][s:e]
                best[d][s:e][take] = central[take]
                piece_logits[d][s:e][take] = out[r, 1 : 1 + e - s][take]
        result = []
        for p, lg in zip(pieces, piece_logits):
            word_lg = lg[p.first_piece] if p.first_piece else np.zeros((0, len(LABELS)), dtype=np.float32)
            z = np.exp(word_lg - word_lg.max(-1, keepdims=True))
            result.append(z / z.sum(-1, keepdims=True))
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
