"""The Doc extensions' msgpack encoding: records and list-valued extensions come back equal."""

import pytest
import srsly

from quotegraph.model import Quote, Span, Speaker
from quotegraph.nlp.extensions import Held, decode, encode, register

TEXT = "“We must be vigilant,” he said."
QUOTE = Quote(
    "direct",
    Span.of(TEXT, 26, 30),
    [Span.of(TEXT, 23, 25)],
    [Span.of(TEXT, 0, 22)],
    Speaker("Antonio Guterres", "UN Secretary-General", "PERSON", "pronoun", Span(0, 16, "Antonio Guterres")),
    0.97,
)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("quotes", [QUOTE, Quote("indirect", None, [], [Span.of(TEXT, 0, 5)])]),
        ("quotes", []),
        ("body", (3, 40)),
        ("boilerplate", [(0, 2), (41, 50)]),
        ("boilerplate", []),
    ],
)
@pytest.mark.parametrize("use_list", [True, False])
def test_extensions_held_values_come_back_equal(name, value, use_list):
    register()
    data = srsly.msgpack_dumps({name: Held(name, value)})
    back = srsly.msgpack_loads(data, use_list=use_list)[name]
    assert isinstance(back, Held)
    assert back.value == value and type(back.value) is type(value)


def test_extensions_codec_passes_other_values_on():
    assert encode(3, chain=lambda o: ("chained", o)) == ("chained", 3)
    assert decode({"a": 1}) == {"a": 1}
    assert decode(encode(QUOTE.cue)) == QUOTE.cue
