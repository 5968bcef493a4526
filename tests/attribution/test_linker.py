import json

import pytest

from quotegraph.attribution.decode import _paragraphs, ends_sentence, group_spans, spans_from_tags
from quotegraph.attribution.encoding import gold_tags, words_of
from quotegraph.attribution.linker import FEATURES, Context, Linker, load_linker, pair_features


def tagged_spans(text: str, marks: dict[str, str]):
    words = words_of(text)
    atts = []
    for sub, role in marks.items():
        s = text.index(sub)
        atts.append({"cue": [], "source": [], "content": [], role: [(s, s + len(sub))]})
    return words, spans_from_tags(gold_tags(words, atts))


def context(text, words, spans):
    n_word, n_end = [0], [0]
    for k, w in enumerate(words):
        n_word.append(n_word[-1] + w.text[0].isalnum())
        n_end.append(n_end[-1] + ends_sentence(words, k))
    return Context.of(words, _paragraphs(text, words), n_word, n_end, spans)


TWO_CUES = "“We will win,” she said. “They will lose,” Smith added."
TWO_CUES_MARKS = {"We will win": "content", "she": "source", "said": "cue", "They will lose": "content", "Smith": "source", "added": "cue"}


@pytest.mark.parametrize(
    "content, cue, expected",
    [
        # content before its own cue: quote mark and comma between, nothing else
        ("We will win", "said", {"cue_before": 0, "ends_after": 0, "cues_between": 0, "quote_marks_between": 1, "comma_between": 1, "sources_between": 1}),
        # the second content after the first cue: a sentence end and an opening quote mark between
        ("They will lose", "said", {"cue_before": 1, "ends_before": 1, "cues_between": 0, "quote_marks_between": 1, "comma_between": 0}),
        # the first content to the second cue: the first cue, another content and a sentence end lie between
        ("We will win", "added", {"cue_before": 0, "ends_after": 1, "cues_between": 1, "contents_between": 1, "sources_between": 2}),
    ],
)
def test_linker_pair_features(content, cue, expected):
    words, spans = tagged_spans(TWO_CUES, TWO_CUES_MARKS)
    ctx = context(TWO_CUES, words, spans)

    def span(sub):
        a = TWO_CUES.index(sub)
        return next(s for s in spans if words[s.first].start == a)

    x = dict(zip(FEATURES, pair_features(ctx, span(content), span(cue), 0, 0, 2)))
    assert len(x) == len(FEATURES)
    for name, value in expected.items():
        assert x[name] == value, name


def test_linker_pair_features_pronoun_and_colon():
    text = "He said: the plan works."
    words, spans = tagged_spans(text, {"He": "source", "said": "cue", "the plan works": "content"})
    ctx = context(text, words, spans)
    src, cue, con = spans
    xs = dict(zip(FEATURES, pair_features(ctx, src, cue, 0, 0, 1)))
    xc = dict(zip(FEATURES, pair_features(ctx, con, cue, 1, 0, 1)))
    assert xs["pronoun"] == 1 and xs["adjacent"] == 1 and xs["cue_before"] == 0
    assert xc["colon_before_span"] == 1 and xc["cue_before"] == 1 and xc["hand_first"] == 1


# A content between a far cue before it and a near cue after it: the hand rule takes the near one.
FAR_NEAR = "Jones said on Monday, after a long meeting with all of the staff, that the plan works, Smith added."
FAR_NEAR_MARKS = {"Jones": "source", "said": "cue", "that the plan works": "content", "Smith": "source", "added": "cue"}


def cue_of_content(linker, trace=None):
    words, spans = tagged_spans(FAR_NEAR, FAR_NEAR_MARKS)
    groups = group_spans(FAR_NEAR, words, spans, linker=linker, trace=trace)
    assert len(groups) == 1
    c = groups[0].cue
    return FAR_NEAR[words[c.first].start : words[c.last].end]


def weights(**named):
    return tuple(float(named.get(f, 0.0)) for f in FEATURES)


@pytest.mark.parametrize(
    "linker, cue",
    [
        (None, "added"),  # the hand rules: the cheapest cue
        (Linker((), ()), "added"),  # a linker with no weights links as the hand rules do
        (Linker(weights(cue_before=5.0), ()), "said"),  # one that prefers a cue before the content
        (Linker(weights(hand_first=5.0), ()), "added"),
        (Linker((), weights(cue_before=5.0)), "added"),  # source weights only: contents by the hand rule
    ],
)
def test_linker_decoder_takes_the_best_scored_cue(linker, cue):
    assert cue_of_content(linker) == cue


def test_linker_trace_gets_every_candidate_link():
    trace = []
    cue_of_content(Linker((), ()), trace)
    assert {role for role, *_ in trace} == {"CON", "SRC"}
    assert sum(1 for role, *_ in trace if role == "CON") == 2  # the content: both cues
    assert all(len(x) == len(FEATURES) for *_, x in trace)


def test_linker_choice_is_a_softmax():
    lk = Linker(weights(cue_before=1.0), ())
    p = lk.choice("CON", [weights(cue_before=1.0), weights()])
    assert p[0] > p[1] and abs(sum(p) - 1) < 1e-9


@pytest.mark.parametrize(
    "content, features, use, loaded",
    [
        ([0.0] * len(FEATURES), list(FEATURES), {"content": True, "source": False}, True),
        ([0.0] * len(FEATURES), list(FEATURES), {"content": False, "source": False}, False),  # hand rules won
        ([0.0] * 3, ["bias", "x", "y"], {"content": True, "source": False}, False),  # other features
    ],
)
def test_linker_load(tmp_path, content, features, use, loaded):
    f = tmp_path / "linker.json"
    f.write_text(json.dumps({"features": features, "content": content, "source": content, "use": use}))
    lk = load_linker(str(f))
    assert (lk is not None) == loaded
    if lk is not None:
        assert lk.links("CON") and not lk.links("SRC")


def test_linker_shipped_links_what_won_on_dev():
    lk = load_linker()
    assert lk is not None and lk.links("CON") and not lk.links("SRC")
