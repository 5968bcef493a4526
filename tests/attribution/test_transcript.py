"""Transcripts: each answer a speaker label in capitals opens is one quote, the label its source, the colon its cue."""

import pytest

from quotegraph.attribution.transcript import labelled, transcript_answers
from quotegraph.model import Quote, Span

EXCHANGE = (
    "On Sunday's show, Pence spoke about the debate. Partial transcript as follows:\n\n"
    "\"WALLACE: Let's start with the debate. Will she be there?\n\n"
    "\"PENCE: Well, look, she will not be attending the debate tomorrow night.\n\n"
    "\"WALLACE: But, Governor, as The Wall Street Journal wrote, voters care about his temperament.\n\n"
    "\"GOV. MIKE PENCE: And that's why he is on his way to the White House.\""
)


def _span(text: str, part: str, nth: int = 0) -> Span:
    at = -1
    for _ in range(nth + 1):
        at = text.index(part, at + 1)
    return Span.of(text, at, at + len(part))


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            EXCHANGE,
            [
                ("WALLACE", "Let's start with the debate. Will she be there?"),
                ("PENCE", "Well, look, she will not be attending the debate tomorrow night."),
                ("WALLACE", "But, Governor, as The Wall Street Journal wrote, voters care about his temperament."),
                ("GOV. MIKE PENCE", "And that's why he is on his way to the White House."),  # the closing mark left out
            ],
        ),
        # Without quotation marks, a name in capitals and a no-break space after the colon.
        ("KATE BOULDUAN: Why not debate?\n\nJOEL BENENSON:\u00a0This is a man who never ran a negative ad.\n\nBOULDUAN: Why not?",
         [("KATE BOULDUAN", "Why not debate?"), ("JOEL BENENSON", "This is a man who never ran a negative ad."), ("BOULDUAN", "Why not?")]),
        # One label is no transcript; nor are headings, nor one speaker's labels alone.
        ("Intro.\n\nTRUMP: We will win.\n\nThe rally ended.", []),
        ("UPDATE: The vote was moved.\n\nCORRECTION: An earlier version misspelled a name.", []),
        ("CLINTON: We will win.\n\nCLINTON: And we will govern.", []),
        # A label inside a paragraph, or in lower case, is none.
        ("He said: WALLACE: no.\n\nShe said: PENCE: yes.", []),
    ],
)
def test_labelled_answers(text, expected):
    assert [(label.text, answer.text) for label, _, answer in labelled(text)] == expected


def test_answers_replace_what_the_tagger_made_of_them():
    text = EXCHANGE
    taggers = [
        # the label read as a source, its content running into the next answer
        Quote("direct", _span(text, ":", 1), [_span(text, "PENCE", 1)], [Span.of(text, _span(text, "Well, look").start, _span(text, "But, Governor").end)]),
        # a fragment of an answer from no source
        Quote("direct", _span(text, "will not"), [], [_span(text, "be attending the debate")]),
        # a report inside an answer: a statement of its own
        Quote("indirect", _span(text, "wrote"), [_span(text, "The Wall Street Journal")], [_span(text, "voters care about his temperament")]),
        # before the transcript: kept as it is
        Quote("indirect", _span(text, "spoke"), [_span(text, "Pence")], [_span(text, "about the debate")]),
    ]
    out = transcript_answers(text, taggers)
    got = [(q.sources[0].text if q.sources else None, q.cue.text if q.cue else None, [c.text for c in q.contents]) for q in out]
    assert got == [
        ("Pence", "spoke", ["about the debate"]),
        ("WALLACE", ":", ["Let's start with the debate. Will she be there?"]),
        ("PENCE", ":", ["Well, look, she will not be attending the debate tomorrow night."]),
        ("WALLACE", ":", ["But, Governor, as The Wall Street Journal wrote, voters care about his temperament."]),
        ("The Wall Street Journal", "wrote", ["voters care about his temperament"]),
        ("GOV. MIKE PENCE", ":", ["And that's why he is on his way to the White House."]),
    ]
    assert all(q.kind == "direct" for q in out if q.cue and q.cue.text == ":")


def test_no_transcript_leaves_the_quotes_alone():
    text = "Holt said the budget grows.\n\nUPDATE: The vote was moved."
    quotes = [Quote("indirect", _span(text, "said"), [_span(text, "Holt")], [_span(text, "the budget grows")])]
    assert transcript_answers(text, quotes) == quotes
