#!/usr/bin/env python3
"""Drop from the tagger's ONNX graph the attention nodes that never change its output here.

    .venv/bin/pip install onnx        (in the '.[train]' extra)
    .venv/bin/python scripts/slim_tagger.py quotegraph/models/tagger/model.onnx

The tagger runs one window at a time, never padded (``quotegraph.attribution.tagger``), so
every attention mask it is given is all ones. The graph that ``torch.onnx.export`` writes for
transformers' BERT still builds, in each of its six layers:

- an additive mask, ``Where(mask, 0, -inf)``, added to the attention scores: all zeros here;
- a guard after the softmax, ``Where(IsNaN(p), 0, p)``, for rows whose keys are all masked:
  none here (a row always sees at least itself).

They took about a tenth of the tagger's time on one core (the guard alone a third of the
kernel time in onnxruntime's profiler, its broadcast ``Where`` being slow). ``slim`` removes
both; the tags are bitwise the same for every unpadded input (checked on PolNeAR dev:
``benchmarks/accuracy.py`` rows unchanged). ``attention_mask`` stays an input of the graph,
ignored: **the slimmed graph must not be fed padded batches**. ``scripts/train_tagger.py``
slims every model it exports; a graph already slim is left as it is.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


def _producers(graph: Any) -> dict[str, Any]:
    return {out: node for node in graph.node for out in node.output}


def _prune(graph: Any) -> None:
    """Remove nodes whose outputs nothing reads (repeatedly), then unread initializers."""
    outputs = {o.name for o in graph.output}
    while True:
        used = {x for n in graph.node for x in n.input} | outputs
        keep = [n for n in graph.node if any(o in used for o in n.output)]
        if len(keep) == len(graph.node):
            break
        del graph.node[:]
        graph.node.extend(keep)
    used = {x for n in graph.node for x in n.input}
    inits = [i for i in graph.initializer if i.name in used]
    del graph.initializer[:]
    graph.initializer.extend(inits)


def slim(model: Any) -> tuple[int, int]:
    """Remove the softmax NaN guards and the additive attention masks from an ONNX ``model``
    (in place); returns how many of each were removed."""
    graph = model.graph
    prod = _producers(graph)
    rename: dict[str, str] = {}
    guards = masks = 0
    outputs = {o.name for o in graph.output}  # a graph's own output is never rerouted
    for node in graph.node:
        if node.op_type != "Where" or len(node.input) != 3 or node.output[0] in outputs:
            continue
        cond = prod.get(node.input[0])
        # Where(IsNaN(p), 0, p) -> p
        if cond is not None and cond.op_type == "IsNaN" and cond.input[0] == node.input[2]:
            rename[node.output[0]] = node.input[2]
            guards += 1
    for node in graph.node:
        # Add(scores, Where(mask, 0, -inf)) -> scores, where scores come from a MatMul (Q·Kᵀ)
        if node.op_type != "Add" or len(node.input) != 2 or node.output[0] in outputs:
            continue
        left, right = (prod.get(x) for x in node.input)
        if left is not None and right is not None and left.op_type == "MatMul" and right.op_type == "Where":
            rename[node.output[0]] = node.input[0]
            masks += 1
    for node in graph.node:
        for i, name in enumerate(node.input):
            while name in rename:
                name = rename[name]
            node.input[i] = name
    _prune(graph)
    return guards, masks


def slim_file(src: str, dst: str | None = None) -> tuple[int, int]:
    import onnx

    model = onnx.load(src)
    counts = slim(model)
    onnx.checker.check_model(model)
    onnx.save(model, dst or src)
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model", help="an ONNX file, rewritten in place unless --out is given")
    ap.add_argument("--out", help="write the slimmed graph here")
    args = ap.parse_args()
    guards, masks = slim_file(args.model, args.out)
    print(f"removed {guards} softmax NaN guards and {masks} attention masks; wrote {args.out or args.model}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
