import pytest

from quotegraph.attribution.decode import decode, spans_from_tags
from quotegraph.attribution.encoding import gold_tags, words_of
from quotegraph.attribution.extract import join_adjacent
from quotegraph.model import Span


def tagged(text: str, marks: dict[str, str]) -> tuple[list, list[str]]:
    """Words of ``text`` and tags from ``marks``: {substring: role}, each substring a span."""
    words = words_of(text)
    atts = []
    for sub, role in marks.items():
        s = text.index(sub)
        atts.append({"cue": [], "source": [], "content": [], role: [(s, s + len(sub))]})
    return words, gold_tags(words, atts)


@pytest.mark.parametrize(
    "tags, expected",
    [
        (["B-CUE", "I-CUE", "O"], [("CUE", 0, 1)]),
        (["I-CON", "I-CON"], [("CON", 0, 1)]),  # an I- with nothing before starts a span
        (["B-CON", "B-CON", "I-CON"], [("CON", 0, 0), ("CON", 1, 2)]),
        (["B-SRC", "I-CUE"], [("SRC", 0, 0), ("CUE", 1, 1)]),
        (["O", "O"], []),
    ],
)
def test_decode_spans_from_tags(tags, expected):
    assert [(s.role, s.first, s.last) for s in spans_from_tags(tags)] == expected


CASES = [
    # text, {substring: role}, expected [(cue, source, [contents])]
    (
        "He said the plan would work.",
        {"He": "source", "said": "cue", "the plan would work": "content"},
        [("said", "He", ["the plan would work"])],
    ),
    (
        "“We will win,” she said. “They will lose,” Smith added.",
        {"We will win": "content", "she": "source", "said": "cue", "They will lose": "content", "Smith": "source", "added": "cue"},
        [("said", "she", ["We will win"]), ("added", "Smith", ["They will lose"])],
    ),
    (
        "“It is over,” he said, noting that “we lost.”",
        {"It is over": "content", "he": "source", "said": "cue", "noting": "cue", "that “we lost.”": "content"},
        [("said", "he", ["It is over"]), ("noting", "he", ["that “we lost.”"])],
    ),
    (
        "Talks will go on, it was added.",
        {"Talks will go on": "content", "added": "cue"},
        [("added", None, ["Talks will go on"])],
    ),
    (
        "No cue here: just content.",  # content with no cue is no attribution
        {"just content": "content"},
        [],
    ),
]


@pytest.mark.parametrize("text, marks, expected", CASES)
def test_decode_groups_cue_source_content(text, marks, expected):
    words, tags = tagged(text, marks)
    got = decode(text, words, tags)
    norm = []
    for q in got:
        cue = text[slice(*q["cue"][0])] if q["cue"] else None
        src = text[slice(*q["source"][0])] if q["source"] else None
        norm.append((cue, src, [text[slice(*c)] for c in q["content"]]))
    assert norm == expected


def test_decode_content_split_by_cue_is_one_attribution():
    text = "“First part,” he said, “and second part.”"
    words, tags = tagged(text, {"First part": "content", "he": "source", "said": "cue"})
    s = text.index("and second part")
    tags2 = gold_tags(words, [{"cue": [], "source": [], "content": [(s, s + len("and second part"))]}])
    merged = [a if a != "O" else b for a, b in zip(tags, tags2)]
    got = decode(text, words, merged)
    assert len(got) == 1 and len(got[0]["content"]) == 2


def test_decode_does_not_link_across_paragraphs():
    text = "Markets fell.\n“Prices will rise,” the minister said."
    words, tags = tagged(text, {"Markets fell": "content", "Prices will rise": "content", "the minister": "source", "said": "cue"})
    got = decode(text, words, tags, keep_orphans=True)
    cueless = [q for q in got if not q["cue"]]
    assert len(cueless) == 1 and text[slice(*cueless[0]["content"][0])] == "Markets fell"


def test_decode_last_sentence_of_a_run_goes_to_the_cue_after_it():
    """Regression: "X described A. B, Guterres said." tagged as one content run is two attributions."""
    text = "The chief described terrorism as an affront. Terrorism threatens peace, Guterres said."
    words, tags = tagged(
        text,
        {"The chief": "source", "described": "cue", "terrorism as an affront. Terrorism threatens peace": "content",
         "Guterres": "source", "said.": "cue"},
    )
    got = decode(text, words, tags)
    contents = sorted(text[slice(*q["content"][0])] for q in got)
    assert contents == ["Terrorism threatens peace", "terrorism as an affront."]


def test_decode_it_was_added_has_no_source():
    import numpy as np

    from quotegraph.attribution.encoding import LABELS
    from quotegraph.attribution.extract import quotes_from_probs

    text = "Talks will go on, it was added."
    words, tags = tagged(text, {"Talks will go on": "content", "it": "source", "was added": "cue"})
    probs = np.full((len(tags), len(LABELS)), 0.01)
    for i, t in enumerate(tags):
        probs[i, LABELS.index(t)] = 0.94
    (q,) = quotes_from_probs(text, words, probs)
    assert q.cue.text == "was added" and q.sources == []


@pytest.mark.parametrize(
    "text, tagged_as, has_source",
    [
        # The tagger also takes "will be discussed" for a cue and hands it the "it".
        ("Issues will be discussed during the talks, it was added.",
         {"Issues": "content", "will be discussed during": "cue", "the talks": "content", "it": "source", "was added": "cue"}, False),
        ("Talks will go on, it is learnt.", {"Talks will go on": "content", "it": "source", "is learnt": "cue"}, False),
        ("Talks will go on, it said.", {"Talks will go on": "content", "it": "source", "said": "cue"}, True),
        ("It was a good day, it said.", {"It was a good day": "content", "it": "source", "said": "cue"}, True),
    ],
)
def test_it_before_a_passive_verb_is_no_source(text, tagged_as, has_source):
    import numpy as np

    from quotegraph.attribution.encoding import LABELS
    from quotegraph.attribution.extract import quotes_from_probs

    words, tags = tagged(text, tagged_as)
    probs = np.full((len(tags), len(LABELS)), 0.01)
    for i, t in enumerate(tags):
        probs[i, LABELS.index(t)] = 0.94
    quotes = quotes_from_probs(text, words, probs)
    assert quotes and all(bool(q.sources) == has_source for q in quotes)


@pytest.mark.parametrize(
    "text, source, cue, kept",
    [
        ("Peacekeepers have been accused of abuse.", "Peacekeepers", "have been accused of", False),
        ("The plan was widely criticized as weak.", "The plan", "was widely criticized as", False),
        ("The minister said the plan was weak.", "The minister", "said", True),
        ("Talks were, the minister added, over.", "the minister", "added", True),
    ],
)
def test_decode_subject_of_a_passive_cue_is_no_source(text, source, cue, kept):
    import numpy as np

    from quotegraph.attribution.encoding import LABELS
    from quotegraph.attribution.extract import quotes_from_probs

    content = text[text.index(cue) + len(cue) :].strip(" .,") or "over"
    words, tags = tagged(text, {source: "source", cue: "cue", content: "content"})
    probs = np.full((len(tags), len(LABELS)), 0.01)
    for i, t in enumerate(tags):
        probs[i, LABELS.index(t)] = 0.94
    (q,) = quotes_from_probs(text, words, probs)
    assert bool(q.sources) is kept


@pytest.mark.parametrize(
    "text, marks, expected",
    [
        # A cue inside content, the sentence closed by a cue with no content: one attribution.
        ("Issues will be discussed during the talks, it was added.",
         {"Issues": "content", "will be discussed during": "cue", "the talks": "content", "was added": "cue"},
         [("was added", "Issues will be discussed during the talks")]),
        # The closing cue has content of its own after it: both stay.
        ("Issues will be discussed during the talks, he added that more would come.",
         {"Issues": "content", "will be discussed during": "cue", "the talks": "content", "added": "cue",
          "that more would come": "content"},
         [("will be discussed during", "Issues | the talks"), ("added", "that more would come")]),
        # No cue closes the sentence: nothing absorbed.
        ("Issues will be discussed during the talks.",
         {"Issues": "content", "will be discussed during": "cue", "the talks": "content"},
         [("will be discussed during", "Issues | the talks")]),
    ],
)
def test_decode_cue_inside_content_before_a_closing_cue(text, marks, expected):
    words, tags = tagged(text, marks)
    got = [(text[slice(*q["cue"][0])], " | ".join(text[slice(*c)] for c in q["content"])) for q in decode(text, words, tags)]
    assert got == expected


@pytest.mark.parametrize(
    "text, stop_index, ends",
    [
        ("He said so. Then he left.", 0, True),
        ("the U.S. military said so", 0, False),  # the stop after "U"
        ("the U.S. military said so", 1, False),  # the stop after "S"
        ("Sen. Warren said so.", 0, False),
        ("On Jan. 5 he said so.", 0, False),
        ("John G. Roberts spoke.", 0, False),
        ("Acme Corp. said so.", 0, False),
        ("It ended . Then more.", 0, True),  # a stop apart from the word before
        ("Really? Yes!", 0, True),
        ("Really? Yes!", 1, True),
    ],
)
def test_decode_abbreviations_and_initials_end_no_sentence(text, stop_index, ends):
    from quotegraph.attribution.decode import SENTENCE_END, ends_sentence
    from quotegraph.attribution.encoding import words_of

    words = words_of(text)
    stops = [k for k, w in enumerate(words) if w.text in SENTENCE_END]
    assert ends_sentence(words, stops[stop_index]) is ends


@pytest.mark.parametrize(
    "text, spans, expected",
    [
        # Two sentences of one quotation, tagged as two spans, are one ...
        ("He said the cuts hurt. It was the worst thing, he added.", ["the cuts hurt.", "It was the worst thing"],
         ["the cuts hurt. It was the worst thing"]),
        # ... and so are spans split at a space inside a sentence ...
        ("She said the plan would fail badly.", ["the plan", "would fail badly"], ["the plan would fail badly"]),
        # ... or at a comma the tagger left out ...
        ("After some challenges, the company beat expectations, Smith said.", ["After some challenges", "the company beat expectations"],
         ["After some challenges, the company beat expectations"]),
        # ... but not at a dash ...
        ("She said the plan would fail — and it did.", ["the plan would fail", "and it did"], ["the plan would fail", "and it did"]),
        # ... nor across words between them ...
        ("She said the plan, he added, would fail.", ["the plan", "would fail"], ["the plan", "would fail"]),
        # ... or across a paragraph break.
        ("She said the plan would fail.\n\nIt would cost more.", ["the plan would fail.", "It would cost more."],
         ["the plan would fail.", "It would cost more."]),
    ],
)
def test_adjacent_content_spans_are_one(text, spans, expected):
    got = join_adjacent(text, [Span.of(text, text.index(s), text.index(s) + len(s)) for s in spans])
    assert [s.text for s in got] == expected
