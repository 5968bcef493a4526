"""Quotes over several paragraphs: each continuation paragraph is a content span of the quote it continues."""

import pytest

from quotegraph.attribution.continuation import continue_quotes, paragraphs
from quotegraph.attribution.extract import quoted_mask
from quotegraph.model import Quote, Span


def _quote(text: str, source: str | None, cue: str, content: str, kind: str = "direct") -> Quote:
    def span(part: str) -> Span:
        s = text.index(part)
        return Span.of(text, s, s + len(part))

    return Quote(kind, span(cue), [span(source)] if source else [], [span(content)])  # type: ignore[arg-type]


def _run(text: str, quotes: list[Quote]) -> list[list[str]]:
    out = continue_quotes(text, quotes, quoted_mask(text, 0, len(text)))
    return [[c.text for c in q.contents] for q in out]


OPEN_STYLE = (
    "Holt said on Tuesday: “We made hard choices.\n\n"
    "“The parks budget grows by four percent.\n\n"
    "“The library will open on Sundays.”\n\n"
    "Diaz said he would vote against it."
)
CLOSED_STYLE = (
    "“We have made hard choices this year, and we stand by them,” Holt said.\n\n"
    "“The parks budget grows by four percent.”\n\n"
    "Diaz said he would vote against it."
)


@pytest.mark.parametrize(
    "text, quotes, expected",
    [
        # Newspaper style: an opening mark on each paragraph, one closing mark at the end.
        (
            OPEN_STYLE,
            [("Holt", "said", "“We made hard choices."), ("Diaz", "said", "he would vote against it")],
            [
                ["“We made hard choices.", "“The parks budget grows by four percent.", "“The library will open on Sundays.”"],
                ["he would vote against it"],
            ],
        ),
        # A quoted paragraph right after a speaker's closed quote, with no cue, is theirs.
        (
            CLOSED_STYLE,
            [("Holt", "said", "“We have made hard choices this year, and we stand by them,”"), ("Diaz", "said", "he would vote against it")],
            [["“We have made hard choices this year, and we stand by them,”", "“The parks budget grows by four percent.”"], ["he would vote against it"]],
        ),
        # Someone else named after the quotation: not a continuation.
        (
            "“We have made hard choices this year, and we stand by them,” Holt said.\n\n“Parks matter to families.” — Maria, 34",
            [("Holt", "said", "“We have made hard choices this year, and we stand by them,”")],
            [["“We have made hard choices this year, and we stand by them,”"]],
        ),
        # A transcript's speaker label starts another speaker.
        (
            "PENCE said: \"Well, the question is why she did it.\n\n\"WALLACE: Do you see those two as equivalent?",
            [("PENCE", "said", "\"Well, the question is why she did it.")],
            [["\"Well, the question is why she did it."]],
        ),
        # A scare quote closed before is no speech to continue.
        (
            "She described it as “homicidal ideation.”\n\n“Melanie thought the whole thing was outrageous.”",
            [("She", "described", "it as “homicidal ideation.”", "mixed")],
            [["it as “homicidal ideation.”"]],
        ),
        # British style, single marks: the same two ways.
        (
            "Holt said: 'We made hard choices.\n\n'The parks budget grows by four percent.'\n\nDiaz said he would vote against it.",
            [("Holt", "said", "'We made hard choices."), ("Diaz", "said", "he would vote against it")],
            [["'We made hard choices.", "'The parks budget grows by four percent.'"], ["he would vote against it"]],
        ),
        (
            "'We have made hard choices this year, and we stand by them,' Holt said. 'They are all we have left.\n\n"
            "'I just grabbed the budget and went for it.'",
            [("Holt", "said", "'We have made hard choices this year, and we stand by them,'")],
            [["'We have made hard choices this year, and we stand by them,'", "'I just grabbed the budget and went for it.'"]],
        ),
        # A paragraph that only starts with an apostrophe opens no quotation.
        (
            "'We have made hard choices this year, and we stand by them,' Holt said.\n\n'90s budgets were smaller, the council's papers show.",
            [("Holt", "said", "'We have made hard choices this year, and we stand by them,'")],
            [["'We have made hard choices this year, and we stand by them,'"]],
        ),
        # A section heading in quotation marks after a quote is no continuation.
        (
            "“We have made hard choices this year, and we stand by them,” Holt said.\n\n“Legend in the Coal Fields.”\n\nLater that year",
            [("Holt", "said", "“We have made hard choices this year, and we stand by them,”")],
            [["“We have made hard choices this year, and we stand by them,”"]],
        ),
        (
            "'We have made hard choices this year, and we stand by them,' Holt said.\n\n'Coal Isn't the Villain.'\n\nLater that year",
            [("Holt", "said", "'We have made hard choices this year, and we stand by them,'")],
            [["'We have made hard choices this year, and we stand by them,'"]],
        ),
        # Two apostrophes for each mark, as some archives write them.
        (
            "''We have made hard choices this year, and we stand by them,'' Holt said.\n\n''The parks budget grows by four percent.''",
            [("Holt", "said", "''We have made hard choices this year, and we stand by them,''")],
            [["''We have made hard choices this year, and we stand by them,''", "''The parks budget grows by four percent.''"]],
        ),
        # A stage direction or a writer's sign-off in a paragraph opened by a mark goes on with no one's quotation.
        (
            "Holt said: \"We made hard choices.\n\n\"(CROSSTALK.)\n\n\"[APPLAUSE]\n\n\"Follow Pam Key on Twitter @pamkeyNEN.\"",
            [("Holt", "said", "\"We made hard choices.")],
            [["\"We made hard choices."]],
        ),
        (
            "Holt said: \"We made hard choices.\n\n\"(The parks budget) grows by four percent.\"",
            [("Holt", "said", "\"We made hard choices.")],
            [["\"We made hard choices.", "\"(The parks budget) grows by four percent.\""]],
        ),
        # A paragraph that does not open a quotation continues nothing.
        (
            "“We have made hard choices this year, and we stand by them,” Holt said.\n\nThe parks budget grows.",
            [("Holt", "said", "“We have made hard choices this year, and we stand by them,”")],
            [["“We have made hard choices this year, and we stand by them,”"]],
        ),
    ],
)
def test_continuation_paragraphs_join_the_quote(text, quotes, expected):
    built = [_quote(text, *q) for q in quotes]
    assert _run(text, built) == expected


def test_continuation_paragraph_with_its_own_source_stays_apart():
    text = "“We made hard choices,” Holt said.\n\n“It is wrong,” Diaz said of the plan, which he opposes."
    quotes = [_quote(text, "Holt", "said", "“We made hard choices,”"), _quote(text, "Diaz", "said of", "“It is wrong,”")]
    assert _run(text, quotes) == [["“We made hard choices,”"], ["“It is wrong,”"]]


def test_continuation_drops_the_taggers_fragments_inside_an_open_quotation():
    text = OPEN_STYLE.replace("on Sundays", "on Sundays, which residents have asked for")
    fragment = _quote(text, None, "have asked for", "“The library will open on Sundays, which residents")
    quotes = [_quote(text, "Holt", "said", "“We made hard choices."), fragment]
    out = continue_quotes(text, quotes, quoted_mask(text, 0, len(text)))
    assert len(out) == 1 and len(out[0].contents) == 3 and out[0].speaker is None and out[0].sources[0].text == "Holt"
    # Each continuation is a whole paragraph of the text, at its offsets.
    assert [(c.start, c.end) for c in out[0].contents[1:]] == paragraphs(text)[1:3]


def test_continuation_moves_content_another_cue_had_taken():
    text = OPEN_STYLE
    other = _quote(text, "Diaz", "said", "“The parks budget grows by four percent.")  # the tagger's wrong grouping
    quotes = [_quote(text, "Holt", "said", "“We made hard choices."), other]
    got = _run(text, quotes)
    assert got == [["“We made hard choices.", "“The parks budget grows by four percent.", "“The library will open on Sundays.”"]]


@pytest.mark.model
@pytest.mark.parametrize("closing", ["”", ""])
def test_continuation_twenty_paragraphs_all_credited_to_the_speaker(closing):
    """Regression (issue 10, point 7): 18-20 of 20 paragraphs vanished, the first went to the headline."""
    from quotegraph import extract

    paras = [f"“Point number {i} of the plan is that the council will fund {i} new projects in the north this year." for i in range(1, 21)]
    paras[-1] += closing
    text = "City unveils budget\n\nMayor Dana Holt said in a statement on Tuesday:\n\n" + "\n\n".join(paras) + "\n\nRob Diaz said he would vote against it.\n"
    quotes = extract(text).quotes
    holt = [q for q in quotes if q.speaker is not None and q.speaker.name == "Dana Holt"]
    assert len(holt) == 1
    assert [c.text for c in holt[0].contents] == paras
    assert not any(q for q in quotes if q is not holt[0] and any("Point number" in c.text for c in q.contents))


@pytest.mark.model
def test_continuation_in_british_single_marks_end_to_end():
    """A tabloid's quotation in single marks, continued in the next paragraph: one direct quote of the speaker."""
    from quotegraph import extract

    text = (
        "Pensioner fights off burglar\n\n"
        "Margaret Hollis, from Bolton, said she woke at 3am to hear someone downstairs.\n\n"
        "'I wasn't going to let him take my husband's medals,' she said. 'They are all I have left of him.\n\n"
        "'I just grabbed my stick and went for him. He ran off like a frightened rabbit.'\n\n"
        "Police said a man had been arrested.\n"
    )
    quotes = extract(text).quotes
    medals = next(q for q in quotes if any("medals" in c.text for c in q.contents))
    assert medals.speaker is not None and medals.speaker.name == "Margaret Hollis"
    assert medals.kind == "direct"
    assert medals.contents[-1].text == "'I just grabbed my stick and went for him. He ran off like a frightened rabbit.'"
    assert not any(q is not medals and any("rabbit" in c.text for c in q.contents) for q in quotes)
