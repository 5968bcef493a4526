"""scripts/slim_tagger.py: the attention nodes it drops never change an unpadded window's output."""

from __future__ import annotations

import importlib.util

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper

from quotegraph.attribution.tagger import MODEL_DIR

from ..conftest import ROOT

_spec = importlib.util.spec_from_file_location("slim_tagger", ROOT / "scripts" / "slim_tagger.py")
assert _spec is not None and _spec.loader is not None
slim_tagger = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(slim_tagger)


def attention_graph() -> onnx.ModelProto:
    """Scores Q·Kᵀ, the mask added as Where(mask, 0, -inf), softmax, then the NaN guard: as
    torch.onnx.export writes one layer of transformers' BERT attention."""
    f = TensorProto.FLOAT
    zero = helper.make_tensor("zero", f, [], [0.0])
    neg = helper.make_tensor("neg", f, [], [float("-inf")])
    nodes = [
        helper.make_node("MatMul", ["q", "kt"], ["scores"]),
        helper.make_node("Where", ["mask", "zero", "neg"], ["additive"]),
        helper.make_node("Add", ["scores", "additive"], ["masked"]),
        helper.make_node("Softmax", ["masked"], ["p"], axis=-1),
        helper.make_node("IsNaN", ["p"], ["nan"]),
        helper.make_node("Where", ["nan", "zero", "p"], ["probs"]),
        helper.make_node("MatMul", ["probs", "v"], ["context"]),
    ]
    graph = helper.make_graph(
        nodes,
        "attention",
        [
            helper.make_tensor_value_info("q", f, [1, 4, 3]),
            helper.make_tensor_value_info("kt", f, [1, 3, 4]),
            helper.make_tensor_value_info("mask", TensorProto.BOOL, [1, 4, 4]),
            helper.make_tensor_value_info("v", f, [1, 4, 3]),
        ],
        [helper.make_tensor_value_info("context", f, [1, 4, 3])],
        initializer=[zero, neg],
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


def run(model: onnx.ModelProto, feeds: dict) -> np.ndarray:
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    wanted = {i.name for i in session.get_inputs()}
    return session.run(None, {k: v for k, v in feeds.items() if k in wanted})[0]


def test_slim_drops_the_mask_and_the_guard_and_keeps_the_output():
    model = attention_graph()
    rng = np.random.default_rng(0)
    feeds = {
        "q": rng.normal(size=(1, 4, 3)).astype(np.float32),
        "kt": rng.normal(size=(1, 3, 4)).astype(np.float32),
        "mask": np.ones((1, 4, 4), dtype=bool),  # the tagger never pads
        "v": rng.normal(size=(1, 4, 3)).astype(np.float32),
    }
    before = run(model, feeds)
    assert slim_tagger.slim(model) == (1, 1)
    onnx.checker.check_model(model)
    assert [n.op_type for n in model.graph.node] == ["MatMul", "Softmax", "MatMul"]
    assert {i.name for i in model.graph.initializer} == set()
    np.testing.assert_array_equal(run(model, feeds), before)
    assert slim_tagger.slim(model) == (0, 0)  # a slim graph is left as it is


@pytest.mark.parametrize(
    "nodes",
    [
        # a Where whose condition is no IsNaN of its own third input is no guard
        [helper.make_node("IsNaN", ["x"], ["c"]), helper.make_node("Where", ["c", "zero", "y"], ["out"])],
        # an Add of something other than scores and a Where is no mask
        [helper.make_node("Where", ["m", "zero", "y"], ["w"]), helper.make_node("Add", ["x", "w"], ["out"])],
    ],
)
def test_slim_leaves_other_nodes(nodes):
    f = TensorProto.FLOAT
    graph = helper.make_graph(
        nodes,
        "other",
        [helper.make_tensor_value_info("x", f, [2]), helper.make_tensor_value_info("y", f, [2]),
         helper.make_tensor_value_info("m", TensorProto.BOOL, [2])],
        [helper.make_tensor_value_info("out", f, [2])],
        initializer=[helper.make_tensor("zero", f, [], [0.0])],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    assert slim_tagger.slim(model) == (0, 0)
    assert [n.op_type for n in model.graph.node] == [n.op_type for n in nodes]


def test_the_shipped_tagger_is_slim():
    model = onnx.load(str(MODEL_DIR / "model.onnx"))
    ops = {n.op_type for n in model.graph.node}
    assert "IsNaN" not in ops
    assert slim_tagger.slim(model) == (0, 0)
