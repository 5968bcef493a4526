import re

import pytest

from quotegraph.model import Quote, Span
from quotegraph.speakers.resolve import Mention, _role_after, _role_before, clean_role, resolve_speakers


def mentions_of(text: str, names: dict[str, str]) -> list[Mention]:
    out = []
    for name, label in names.items():
        for m in re.finditer(re.escape(name), text):
            out.append(Mention(m.start(), m.end(), label))
    # the longest mention wins where two overlap, as an NER model would give
    out.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for m in out:
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    return kept


def quote_at(text: str, source: str, nth: int = 0) -> Quote:
    """A quote whose source is the ``nth`` occurrence of ``source`` as whole words ("he" is not the one inside "they")."""
    starts = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(source)}(?!\w)", text)]
    s = starts[nth]
    return Quote("indirect", None, [Span.of(text, s, s + len(source))], [Span.of(text, 0, 1)])


def word_at(text: str, word: str, nth: int = 0) -> int:
    """Where the ``nth`` occurrence of ``word`` as a whole word starts in ``text`` (-1: the last)."""
    return [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text)][nth]


def resolved(text: str, names: dict[str, str], source: str, published: str, nth: int = 0) -> Quote:
    """A quote whose source is the ``nth`` ``source`` in ``text`` (-1: the last), resolved with ``names`` as the
    recogniser's mentions."""
    q = quote_at(text, source, nth)
    resolve_speakers(text, [q], mentions_of(text, names), published)
    return q


def resolved_at(text: str, names: dict[str, str], at: int, length: int, published: str = "2016-05-01") -> Quote:
    """A quote whose source (and content) is the ``length`` characters at ``at``, resolved with ``names`` as the
    recogniser's mentions."""
    q = Quote("indirect", None, [Span.of(text, at, at + length)], [Span.of(text, at, at + length)])
    resolve_speakers(text, [q], mentions_of(text, names), published)
    return q


def resolved_last(text: str, names: dict[str, str], source: str) -> Quote:
    """A quote whose source (and content) is the last ``source`` of ``text`` set under a headline, resolved with
    ``names`` as the recogniser's mentions."""
    text = "Headline\n\n" + text
    return resolved_at(text, names, text.rindex(source), len(source))


def resolved_all(text: str, names: dict[str, str], spans: list[tuple[int, int]], published: str = "2016-05-01") -> list[Quote]:
    """One quote per ``(start, end)`` source span (its content the same span), all resolved together, in order."""
    quotes = [Quote("indirect", None, [Span.of(text, a, b)], [Span.of(text, a, b)]) for a, b in spans]
    resolve_speakers(text, quotes, mentions_of(text, names), published)
    return quotes


def said(text: str, names: dict[str, str], source: str, published: str) -> Quote:
    """A quote whose source is the first ``source`` in ``text`` ("Hale said": the span leaves " said" out), resolved."""
    at = text.index(source)
    end = at + len(source.removesuffix(" said"))
    q = Quote("indirect", None, [Span.of(text, at, end)], [Span.of(text, end, end + 3)])
    resolve_speakers(text, [q], mentions_of(text, names), published)
    return q


CASES = [
    # text, entities, (source, nth occurrence), expected (name, role, type)
    (
        "UN Secretary-General Antonio Guterres spoke. Later he said more.",
        {"Antonio Guterres": "PERSON"},
        ("he", 0),
        ("Antonio Guterres", "UN Secretary-General", "PERSON"),
    ),
    (
        "US Defence Secretary Lloyd Austin visited. Austin said it was good.",
        {"Lloyd Austin": "PERSON", "Austin": "PERSON"},
        ("Austin", 1),
        ("Lloyd Austin", "US Defence Secretary", "PERSON"),
    ),
    (
        "UN Secretary-General Antonio Guterres spoke. The UN chief said it was bad.",
        {"Antonio Guterres": "PERSON"},
        ("The UN chief", 0),
        ("Antonio Guterres", "UN Secretary-General", "PERSON"),
    ),
    (
        "UN Secretary-General Antonio Guterres spoke. Then the secretary-general said so.",
        {"Antonio Guterres": "PERSON"},
        ("the secretary-general", 0),
        ("Antonio Guterres", "UN Secretary-General", "PERSON"),
    ),
    (
        "Hillary Clinton, the Democratic presidential nominee, spoke. The nominee said it.",
        {"Hillary Clinton": "PERSON"},
        ("The nominee", 0),
        ("Hillary Clinton", "Democratic presidential nominee", "PERSON"),
    ),
    (
        "Foreign Office Spokesperson said it was fine.",
        {},
        ("Foreign Office Spokesperson", 0),
        ("Foreign Office Spokesperson", None, "DESCRIPTION"),
    ),
    (
        "The Pentagon said it was fine.",
        {"Pentagon": "ORG"},
        ("The Pentagon", 0),
        ("Pentagon", None, "ORG"),
    ),
    (
        "Imran Khan spoke. Sadiq Khan spoke. Sadiq Khan said yes.",
        {"Imran Khan": "PERSON", "Sadiq Khan": "PERSON"},
        ("Sadiq Khan", 1),
        ("Sadiq Khan", None, "PERSON"),
    ),
    (
        "Fallows's rally was loud. Mr. Fallows said it was huge.",
        {"Fallows": "PERSON"},
        ("Mr. Fallows", 0),
        ("Fallows", None, "PERSON"),
    ),
    # A public figure named by surname alone gets the full name from people_en.json.
    (
        "Trump's rally was loud. Mr. Trump said it was huge.",
        {"Trump": "PERSON"},
        ("Mr. Trump", 0),
        ("Donald Trump", None, "PERSON"),
    ),
    # ... of agreeing gender, and not the one of that surname the article names in full.
    (
        "Michelle Obama spoke first. Then Mr. Obama said the ballot mattered.",
        {"Michelle Obama": "PERSON", "Obama": "PERSON"},
        ("Mr. Obama", 0),
        ("Barack Obama", None, "PERSON"),
    ),
    (
        "Michelle Obama spoke first. Then Mrs. Obama said the ballot mattered.",
        {"Michelle Obama": "PERSON", "Obama": "PERSON"},
        ("Mrs. Obama", 0),
        ("Michelle Obama", None, "PERSON"),
    ),
    # The title written with a shared surname picks whose role it is.
    (
        "Michelle Obama spoke. Mr. Obama came later. President Obama said it was a wake-up call.",
        {"Michelle Obama": "PERSON", "Obama": "PERSON"},
        ("President Obama", 0),
        ("Barack Obama", "President", "PERSON"),
    ),
    # A name after a comma is another person, not an apposition giving a role.
    (
        "Hillary Clinton, President Obama said, is ready. The president said so.",
        {"Hillary Clinton": "PERSON", "Obama": "PERSON"},
        ("The president", 0),
        ("Barack Obama", "President", "PERSON"),
    ),
    # A title before two names is the first one's.
    (
        "He blamed the policies of President Obama and Clinton. The president said no.",
        {"Obama": "PERSON", "Clinton": "PERSON"},
        ("The president", 0),
        ("Barack Obama", "President", "PERSON"),
    ),
    # "of New York" is where the person is from.
    (
        "It matters, said Representative Charles B. Rangel of New York.",
        {"Charles B. Rangel": "PERSON", "New York": "GPE"},
        ("Representative Charles B. Rangel of New York", 0),
        ("Charles B. Rangel", "Representative", "PERSON"),
    ),
    # A generational suffix does not make two people one.
    (
        "Joseph R. Biden Jr. spoke. Chief Justice John G. Roberts Jr. said the law was clear.",
        {"Joseph R. Biden Jr.": "PERSON", "John G. Roberts Jr.": "PERSON"},
        ("Chief Justice John G. Roberts Jr.", 0),
        ("John G. Roberts Jr.", "Chief Justice", "PERSON"),
    ),
    # A description matches the roles of a public figure the article names.
    (
        "Hillary Clinton and Donald Trump campaigned. The New York businessman said he would win.",
        {"Hillary Clinton": "PERSON", "Donald Trump": "PERSON"},
        ("The New York businessman", 0),
        ("Donald Trump", "New York businessman", "PERSON"),  # the description is the role the article gives him
    ),
    (
        "Barack Obama spoke in Ohio. Obama met Joe Biden there. Obama left. The president said it was fine.",
        {"Barack Obama": "PERSON", "Obama": "PERSON", "Joe Biden": "PERSON"},
        ("The president", 0),
        ("Barack Obama", "president", "PERSON"),  # what the article calls him, with no other role given
    ),
    # Title words the recogniser took into the name are the role.
    (
        "Billionaire Donald Trump praised the reporter. Trump said he was good.",
        {"Billionaire Donald Trump": "PERSON", "Trump": "PERSON"},
        ("Trump", 1),
        ("Donald Trump", "Billionaire", "PERSON"),
    ),
    # A title stays in force over a later description: Rendell is still the former governor.
    (
        "Former Pennsylvania Gov. Ed Rendell agreed. Rendell, a Clinton surrogate, said he was fine. Rendell added more.",
        {"Ed Rendell": "PERSON", "Rendell": "ORG"},
        ("Rendell", 2),
        ("Ed Rendell", "Former Pennsylvania Governor", "PERSON"),
    ),
    # A person's name the recogniser typed otherwise, after a dateline, is that person.
    (
        "ROME - Bernie Sanders met the pope. The Democratic presidential candidate said it was personal. Sanders said more.",
        {"ROME - Bernie Sanders": "ORG", "Sanders": "PERSON"},
        ("The Democratic presidential candidate", 0),
        ("Bernie Sanders", "Democratic presidential candidate", "PERSON"),
    ),
    # A pronoun opening a sentence is the subject of the sentence before, not the person quoted last.
    (
        "“It is a disgrace,” said Jim Clyburn. Trump has record low support. He recently pitched himself to voters.",
        {"Jim Clyburn": "PERSON", "Trump": "PERSON"},
        ("He", 0),
        ("Donald Trump", None, "PERSON"),
    ),
    # ... and a pronoun inside a sentence the subject of its own sentence, named before it.
    (
        "“He failed,” Obama said. Romney was never able to shake that image, cemented with his comment.",
        {"Obama": "PERSON", "Romney": "PERSON"},
        ("his", 0),
        ("Mitt Romney", None, "PERSON"),
    ),
    # ... but after a quote, "he said" is still the person quoted.
    (
        "Trump has record low support. “Look at how they suffer,” he said in August.",
        {"Trump": "PERSON"},
        ("he", 0),
        ("Donald Trump", None, "PERSON"),
    ),
    # A first name alone, where one person of the article has it: that person.
    (
        "Hillary Clinton spoke. Trump said Hillary was wrong. Hillary said she was right.",
        {"Hillary Clinton": "PERSON", "Trump": "PERSON", "Hillary": "PERSON"},
        ("Hillary", 1),
        ("Hillary Clinton", None, "PERSON"),
    ),
    # The name after a possessive is the person: "BlazeTV’s Glenn Beck".
    (
        "BlazeTV’s Glenn Beck asked a question.",
        {"BlazeTV’s": "ORG"},
        ("BlazeTV’s Glenn Beck", 0),
        ("Glenn Beck", None, "PERSON"),
    ),
    # "the former CEO of Hewlett-Packard" is a person, not the company.
    (
        "Carly Fiorina, the former CEO of Hewlett-Packard, said she would run.",
        {"Carly Fiorina": "PERSON", "Hewlett-Packard": "ORG"},
        ("the former CEO of Hewlett-Packard", 0),
        ("Carly Fiorina", "former CEO of Hewlett-Packard", "PERSON"),
    ),
    # A description set off by a comma from a name is that name.
    (
        "The ads come from Our Principles PAC, a Super PAC aimed at Trump, and others.",
        {"Our Principles PAC": "ORG", "Trump": "PERSON"},
        ("a Super PAC", 0),
        ("Our Principles PAC", "Super PAC", "ORG"),
    ),
    (
        "A Clinton ally, Virginia Gov. Terry McAuliffe, said she would change her mind.",
        {"Clinton": "PERSON", "Terry McAuliffe": "PERSON"},
        ("A Clinton ally", 0),
        ("Terry McAuliffe", "Virginia Governor", "PERSON"),
    ),
    # ... also where the recogniser missed the name, and a capitalised "Our" is part of it.
    (
        "The ads come from Our Principles PAC, a Super PAC aimed at Trump, and others.",
        {"Super PAC": "ORG", "Trump": "PERSON"},
        ("a Super PAC", 0),
        ("Our Principles PAC", "Super PAC", "ORG"),
    ),
    # ... but not a place the recogniser typed ORG: the mayor is no organisation.
    (
        "Mayor Bill de Blasio visited the site. In Chelsea, the mayor said the blast was intentional.",
        {"Bill de Blasio": "PERSON", "Chelsea": "ORG"},
        ("the mayor", 0),
        ("Bill de Blasio", "Mayor", "PERSON"),
    ),
    # Lower-case words modifying a role's head belong to it, and roles joined by "and".
    (
        "Real estate mogul and reality television star Donald Trump on Sunday tweeted a chart. Trump said it was right.",
        {"Donald Trump": "PERSON", "Trump": "PERSON"},
        ("Trump", 1),
        ("Donald Trump", "Real estate mogul and reality television star", "PERSON"),
    ),
    # ... but not across a verb: "described" ends the role before it.
    (
        "New Jersey Governor Chris Christie described Democratic presidential nominee Hillary Clinton as unfit. Clinton said no.",
        {"Chris Christie": "PERSON", "Hillary Clinton": "PERSON", "Clinton": "PERSON"},
        ("Clinton", 1),
        ("Hillary Clinton", "Democratic presidential nominee", "PERSON"),
    ),
    # A courtesy title after a role is no part of it.
    (
        "Democratic presidential candidate Sen. Bernie Sanders spoke. Sanders said more.",
        {"Bernie Sanders": "PERSON", "Sanders": "PERSON"},
        ("Sanders", 1),
        ("Bernie Sanders", "Democratic presidential candidate", "PERSON"),
    ),
    # A headline's words before a full name are no part of it.
    (
        "Benghazi Widow Dorothy Woods Speaks Out\n\nDorothy Woods, whose husband died, spoke. Benghazi Widow Dorothy Woods said more.",
        {"Dorothy Woods": "PERSON"},
        ("Benghazi Widow Dorothy Woods", 1),
        ("Dorothy Woods", None, "PERSON"),
    ),
    # A name with a lower-case particle ends a description: "... cleric Anwar al-Awlaki".
    (
        "The video shows the al Qaeda-linked Islamic extremist cleric Anwar al-Awlaki, who was killed in 2011.",
        {"Anwar al-Awlaki": "PERSON"},
        ("the al Qaeda-linked Islamic extremist cleric Anwar al-Awlaki", 0),
        ("Anwar al-Awlaki", "al Qaeda-linked Islamic extremist cleric", "PERSON"),
    ),
    # A name with "the" is no description: "the Associated Press" is not the congresswoman after it.
    (
        "Graham told the Associated Press, Gwen Graham said, that she would vote.",
        {"the Associated Press": "ORG", "Gwen Graham": "PERSON"},
        ("the Associated Press", 0),
        ("Associated Press", None, "ORG"),
    ),
    # "Fox" is the Fox News the article names.
    (
        "Fox News said the debate would go on. Fox said Trump was wrong.",
        {"Fox News": "ORG", "Fox": "ORG", "Trump": "PERSON"},
        ("Fox", 1),
        ("Fox News", None, "ORG"),
    ),
    # What an outlet writes is the outlet's: "the editorial board", "The editorial".
    (
        "The Wall Street Journal ran a piece on Sunday. The editorial board wrote that the plan would fail.",
        {"The Wall Street Journal": "ORG"},
        ("The editorial board", 0),
        ("Wall Street Journal", None, "ORG"),
    ),
    # What an article calls an organisation is its role.
    (
        "American Crossroads, a super PAC aligned with Karl Rove, ran ads. American Crossroads said they worked.",
        {"American Crossroads": "ORG", "Karl Rove": "PERSON"},
        ("American Crossroads", 1),
        ("American Crossroads", "super PAC", "ORG"),
    ),
    (
        "The Dow fell with the oil giant Exxon Mobil. Exxon Mobil said profits fell.",
        {"Exxon Mobil": "ORG"},
        ("Exxon Mobil", 1),
        ("Exxon Mobil", "oil giant", "ORG"),
    ),
    (
        "The senator spoke. A spokesman for the campaign said nothing.",
        {},
        ("A spokesman for the campaign", 0),
        ("spokesman for the campaign", None, "DESCRIPTION"),
    ),
    (
        "Officials met. A spokesman said nothing.",
        {},
        ("A spokesman", 0),
        ("spokesman", None, "DESCRIPTION"),
    ),
    # An apposition that names a person only inside it is a role ("the Clinton campaign").
    (
        "Minyon Moore, a senior adviser to the Clinton campaign, called it a win. Ms. Moore said more.",
        {"Minyon Moore": "PERSON", "Clinton": "PERSON", "Moore": "PERSON"},
        ("Ms. Moore", 0),
        ("Minyon Moore", "senior adviser to the Clinton campaign", "PERSON"),
    ),
    # A title word ending a name is a surname.
    (
        "It matters, said Charlie King, a prominent New York Democrat.",
        {"Charlie King": "PERSON", "New York": "GPE"},
        ("Charlie King, a prominent New York Democrat", 0),
        ("Charlie King", "prominent New York Democrat", "PERSON"),
    ),
    # "His lawyer" is not someone who is another person's lawyer, nor the possessor.
    (
        "Cheryl Mills, Clinton's lawyer, spoke. Bryan Pagliano refused to testify. His lawyer said he would not.",
        {"Cheryl Mills": "PERSON", "Clinton": "PERSON", "Bryan Pagliano": "PERSON"},
        ("His lawyer", 0),
        ("lawyer", None, "DESCRIPTION"),
    ),
    # Descriptions of organisations go to the one the article names.
    (
        "The New York Daily News ran a cover on Monday. The newspaper said the senator had failed.",
        {"The New York Daily News": "ORG"},
        ("The newspaper", 0),
        ("New York Daily News", None, "ORG"),
    ),
    (
        "The Public Policy Institute of California polled voters. The institute said turnout would rise.",
        {"The Public Policy Institute of California": "ORG"},
        ("The institute", 0),
        ("Public Policy Institute of California", None, "ORG"),
    ),
    (
        "Jeb Bush spoke in Iowa. His campaign said he would win.",
        {"Jeb Bush": "PERSON"},
        ("His campaign", 0),
        ("Bush campaign", None, "ORG"),
    ),
    (
        "Hillary Clinton spoke. Hillary Clinton's campaign said she would win.",
        {"Hillary Clinton": "PERSON"},
        ("Hillary Clinton's campaign", 0),
        ("Clinton campaign", None, "ORG"),
    ),
    (
        "The Clinton campaign spent more. Hillary Clinton spoke in Ohio. The campaign said it would spend more.",
        {"Clinton": "PERSON", "Hillary Clinton": "PERSON", "Ohio": "GPE"},
        ("The campaign", 0),
        ("Clinton campaign", None, "ORG"),
    ),
    # "which" after an organisation is it; "who" after a name and its apposition is that person.
    (
        "The profile ran in the Daily Beast, which reported that he was angry.",
        {"the Daily Beast": "ORG"},
        ("which", 0),
        ("Daily Beast", None, "ORG"),
    ),
    (
        "Wasserman Schultz beat Tim Canova, a law professor, who said the race was unfair.",
        {"Wasserman Schultz": "PERSON", "Tim Canova": "PERSON"},
        ("who", 0),
        ("Tim Canova", "law professor", "PERSON"),
    ),
    # An organisation has the fullest name the article gives it.
    (
        "The New York Daily News ran a cover. The Daily News said the senator failed.",
        {"The New York Daily News": "ORG", "The Daily News": "ORG"},
        ("The Daily News", 0),
        ("New York Daily News", None, "ORG"),
    ),
    # A poll is named by who ran it, where the recogniser saw no organisation ("Gallup Poll"), and a determiner is
    # no part of an organisation's name; a date before a poll's head is no pollster.
    (
        "Trump rose. A national Gallup Poll taken last week found him ahead.",
        {"last week": "DATE"},
        ("A national Gallup Poll taken last week", 0),
        ("Gallup poll", None, "ORG"),
    ),
    (
        "Trump rose. A Field Poll of the race found him ahead.",
        {},
        ("A Field Poll of the race", 0),
        ("Field poll", None, "ORG"),
    ),
    (
        "Trump rose, according to a Suffolk University/Boston Globe Poll released Sunday.",
        {"a Suffolk University/Boston Globe Poll": "ORG"},
        ("a Suffolk University/Boston Globe Poll", 0),
        ("Suffolk University/Boston Globe Poll", None, "ORG"),
    ),
    (
        "Trump rose. The April survey found him ahead.",
        {"April": "DATE"},
        ("The April survey", 0),
        ("April survey", None, "DESCRIPTION"),
    ),
    # A name the recogniser typed ORG, after a person's title, is a person's ("chief strategist Guy Cecil").
    (
        "The ad ran. In a statement, Priorities USA chief strategist Guy Cecil said: “Karl Rove is wrong.”",
        {"Priorities USA": "ORG", "Guy Cecil": "ORG", "Karl Rove": "PERSON"},
        ("Priorities USA chief strategist Guy Cecil", 0),
        ("Guy Cecil", "Priorities USA chief strategist", "PERSON"),
    ),
    # ... and no writer's qualifier for one ("the so-called Islamic State").
    (
        "The so-called Islamic State claimed the attack. Islamic State said it would strike again.",
        {"so-called Islamic State": "ORG", "Islamic State": "ORG"},
        ("Islamic State", 1),
        ("Islamic State", None, "ORG"),
    ),
    # A role before the name, set off by commas: the name is the speaker, the role theirs.
    (
        "The plot thickens. That group is run by a Soviet agent, Channing Tatum, who escapes.",
        {"Channing Tatum": "PERSON"},
        ("a Soviet agent, Channing Tatum,", 0),
        ("Channing Tatum", "Soviet agent", "PERSON"),
    ),
    (
        "The trial went on. Marsh's attorney, Lena Ortiz, said the case was weak. Ortiz left.",
        {"Marsh": "PERSON", "Lena Ortiz": "PERSON", "Ortiz": "PERSON"},
        ("Ortiz", 0),
        ("Lena Ortiz", "Marsh's attorney", "PERSON"),
    ),
    # Two roles of one person joined by "and" are not two speakers.
    (
        "Real estate mogul and reality television star Donald Trump tweeted a chart.",
        {"Donald Trump": "PERSON"},
        ("Real estate mogul and reality television star Donald Trump", 0),
        ("Donald Trump", "Real estate mogul and reality television star", "PERSON"),  # lower-case modifiers read too
    ),
    # A title inside a quotation is the speaker's words, not a role the article gives.
    (
        "Cruz wrote: \"I will vote for the Republican nominee, Donald Trump,\" he said. Trump thanked him.",
        {"Cruz": "PERSON", "Donald Trump": "PERSON", "Trump": "PERSON"},
        ("Trump", 0),
        ("Donald Trump", None, "PERSON"),
    ),
    (
        "Janet Moore quit.\n\n'I have worked tirelessly, but it is clear that Councillor Peter Hale and his allies want a change,' she said.\n\n"
        "Mr Hale said he was sad.",
        {"Janet Moore": "PERSON", "Peter Hale": "PERSON", "Hale": "PERSON"},
        ("Mr Hale", 0),
        ("Peter Hale", None, "PERSON"),
    ),
    (
        "Bernie Sanders spoke. Sanders himself said the race was close.",
        {"Bernie Sanders": "PERSON", "Sanders": "PERSON"},
        ("Sanders himself", 0),
        ("Bernie Sanders", None, "PERSON"),
    ),
    # A company's description goes to the latest organisation named that is no outlet or public body.
    (
        "Shares of Exxon Mobil fell, the Commerce Department said. The company said profits halved.",
        {"Exxon Mobil": "ORG", "the Commerce Department": "ORG"},
        ("The company", 0),
        ("Exxon Mobil", None, "ORG"),
    ),
    (
        "Duke Energy said 120,000 customers had lost power, the Commerce Department said. The utility said crews were out.",
        {"Duke Energy": "ORG", "the Commerce Department": "ORG"},
        ("The utility", 0),
        ("Duke Energy", None, "ORG"),
    ),
    # The name right before "which" or "who" is its antecedent, whatever the recogniser labelled it.
    (
        "He was recently profiled in the Daily Beast, which ran a long story.",
        {},
        ("which", 0),
        ("Daily Beast", None, "ORG"),
    ),
    (
        "Tim Canova lost. Canova, who cited trade, said he would run again.",
        {"Tim Canova": "PERSON", "Canova": "ORG"},
        ("who", 0),
        ("Tim Canova", None, "PERSON"),
    ),
    # Two named people joined by "and" are several speakers, neither alone.
    (
        "The bill stalled. Sens. Jon Tester (D-Mont.) and David Vitter (R-La.) said it would pass.",
        {"Jon Tester": "PERSON", "David Vitter": "PERSON"},
        ("Sens. Jon Tester (D-Mont.) and David Vitter (R-La.)", 0),
        ("Sens. Jon Tester (D-Mont.) and David Vitter (R-La.)", None, "DESCRIPTION"),
    ),
    # A source the tagger cut inside a name is the name the text goes on with.
    (
        "Dana Holt spoke. “We will fix the roads,” said Mayor Dana Holt on Monday.",
        {"Dana Holt": "PERSON", "Mayor Dana Holt": "PERSON"},
        ("Mayor Dana", 0),
        ("Dana Holt", "Mayor", "PERSON"),
    ),
    # What a person wrote is theirs.
    (
        "Donald Trump was in Iowa. Trump's tweet said the poll was rigged.",
        {"Donald Trump": "PERSON", "Trump": "PERSON", "Iowa": "GPE"},
        ("Trump's tweet", 0),
        ("Donald Trump", None, "PERSON"),
    ),
    # A poll is named by who ran it.
    (
        "Voters are split, according to a new poll from USA TODAY/Suffolk University released Monday.",
        {"USA TODAY/Suffolk University": "ORG"},
        ("a new poll from USA TODAY/Suffolk University", 0),
        ("USA TODAY/Suffolk University poll", None, "ORG"),
    ),
    (
        "Tom Baker, a retired judge, fell ill. Baker's doctor said he was recovering.",
        {"Tom Baker": "PERSON", "Baker": "PERSON"},
        ("Baker's doctor", 0),
        ("Baker's doctor", None, "DESCRIPTION"),
    ),
]


@pytest.mark.parametrize("text, ents, source, expected", CASES)
def test_resolve_source_to_canonical_speaker(text, ents, source, expected):
    q = quote_at(text, *source)
    resolve_speakers(text, [q], mentions_of(text, ents))
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.role, q.speaker.type) == expected


def test_resolve_pronoun_prefers_last_quoted_person():
    text = "Barack Obama said it. He met Joe Biden. He said more."
    ents = {"Barack Obama": "PERSON", "Joe Biden": "PERSON"}
    q1, q2 = quote_at(text, "Barack Obama"), quote_at(text, "He", 1)
    resolve_speakers(text, [q1, q2], mentions_of(text, ents))
    assert q2.speaker is not None and q2.speaker.name == "Barack Obama"


@pytest.mark.parametrize(
    "published, expected",
    # Undated, both have been president: the one named last.
    [("2016-09-19", "Barack Obama"), ("2018-03-01", "Donald Trump"), (None, "Barack Obama")],
)
def test_resolve_description_uses_roles_held_when_published(published, expected):
    # Neither role is written in the article: only the date says who "the president" is.
    text = "Donald Trump and Barack Obama met. The president said the talks went well."
    q = quote_at(text, "The president")
    resolve_speakers(text, [q], mentions_of(text, {"Donald Trump": "PERSON", "Barack Obama": "PERSON"}), published)
    got = q.speaker.name if q.speaker is not None and q.speaker.type == "PERSON" else None
    assert got == expected


def test_resolve_source_less_quote_has_no_speaker():
    text = "Talks will go on, it was added."
    q = Quote("indirect", None, [], [Span.of(text, 0, 16)])
    resolve_speakers(text, [q], [])
    assert q.speaker is None


@pytest.mark.parametrize("source", ["the", "The", "a", "the ,"])
def test_resolve_source_of_only_a_determiner_has_no_speaker(source):
    text = f"Talks will go on, {source} said."
    q = quote_at(text, source)
    resolve_speakers(text, [q], [])
    assert q.speaker is None


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("US Defence Secretary Lloyd Austin said", "Lloyd Austin", "US Defence Secretary"),
        ("Meanwhile, UN Secretary-General Antonio Guterres on Sunday", "Antonio Guterres", "UN Secretary-General"),
        ("Yesterday Donald Trump said", "Donald Trump", None),
        ("Secretary of State John Kerry said", "John Kerry", "Secretary of State"),
        # A sentence end is no part of a title; an abbreviated one is.
        ("He was the Republican candidate. By Donald Trump", "Donald Trump", None),
        ("the Trans-Pacific Partnership. Republican nominee Donald Trump said", "Donald Trump", "Republican nominee"),
        ("Sen. Bernie Sanders said", "Bernie Sanders", "Senator"),  # abbreviated titles are spelled out
        # a title with its place, then the courtesy before the name: the title; a role serving the one named: theirs is after it
        ("the bill. Speaker of the House Rep. Paul Ryan said", "Paul Ryan", "Speaker of the House"),
        ("the race. An adviser to Ohio Gov. John Kasich said", "John Kasich", "Ohio Governor"),
        # A dash opening the line (an attribution line under a quote) is no part of the title.
        ("in her speech.\n\n-President Obama, tweeting after it", "Obama", "President"),
        ("Vice President-elect Mike Pence said", "Mike Pence", "Vice President-elect"),
        # A sentence that ends in a capitalised word is no title ("Cookie Poll."); a title joined by a
        # preposition is another's ("a spokeswoman for Gore's campaign").
        ("recipes for the magazine's Presidential Cookie Poll. Bill Clinton submitted", "Bill Clinton", None),
        ("said Kiki Lane, a spokeswoman for Gore's 2000 campaign", "Gore", None),
        # A day is no part of a title; "of" joins a title to its place only after a title word.
        ("Donald Trump called Wednesday for Supreme Court Justice Ruth Bader Ginsburg to resign", "Ruth Bader Ginsburg", "Supreme Court Justice"),
        ("as former secretary of state Hillary Clinton said", "Hillary Clinton", "former secretary of state"),
        ("Minyon Moore, a senior adviser to the Clinton campaign, said", "Clinton", None),
        ("Republican party boss Reince Priebus said", "Reince Priebus", "Republican party boss"),
        # A title before "and" is the other one's: "the former secretary of State and Sanders".
        ("Mook acknowledged the former secretary of State and Sanders had split the contests", "Sanders", None),
        # An affiliation joined by "and" is none: the role is before it.
        ("Mitchell interviewed presidential candidate and proud progressive Bernie Sanders.", "Bernie Sanders", "presidential candidate"),
        # A role that says whom the person stands against is one, with more words than the bare word; a title nearer
        # the name is the title.
        ("swipes at Senate colleague and presidential campaign rival Marco Rubio", "Marco Rubio", "Senate colleague and presidential campaign rival"),
        ("Trump has slammed chief rival Ted Cruz", "Ted Cruz", "chief rival"),
        ("Beck will endorse Trump rival Sen. Ted Cruz at a rally", "Ted Cruz", "Senator"),
        ("Rival Hillary Clinton Laughs.", "Hillary Clinton", None),
        # No sentence debris: a name and "and" before a title, a verb, a comparison, a day.
        ("Others include film star Danny DeVito and singer Bette Midler.", "Bette Midler", "singer"),
        ("Delaware Governor Jack Markell and Senator Chris Coons said", "Chris Coons", "Senator"),
        ("with former President Bill Clinton and Democratic presidential candidate Hillary Clinton", "Hillary Clinton", "Democratic presidential candidate"),
        ("McConnell and Senator Chuck Grassley met", "Chuck Grassley", "Senator"),
        ("Ways and Means Committee Chairman Paul Ryan said", "Paul Ryan", "Ways and Means Committee Chairman"),
        ("Real estate mogul and reality television star Donald Trump", "Donald Trump", "Real estate mogul and reality television star"),
        ("Sanders could defeat presumptive GOP nominee Donald Trump", "Donald Trump", "presumptive GOP nominee"),
        ("some 40 percent chose former Maryland Governor Martin O'Malley", "Martin O'Malley", "former Maryland Governor"),
        ("he would be worse than President Obama", "Obama", "President"),
        ("Yesterday former Gov. Jeb Bush said", "Jeb Bush", "former Governor"),
        ("Sen. Marco Rubio and former Gov. Jeb Bush have", "Jeb Bush", "former Governor"),
        ("the former tech executive Carly Fiorina", "Carly Fiorina", "former tech executive"),
        # A verb opening a sentence or a page's prompt is no part of a title; a name's word is ("Judicial Watch").
        ("Take Idaho Republican Senator Mike Crapo, who", "Mike Crapo", "Idaho Republican Senator"),
        ("Follow Breitbart News investigative reporter Lee Stran on Twitter", "Lee Stran", "Breitbart News investigative reporter"),
        ("said Judicial Watch President Tom Fitt.", "Tom Fitt", "Judicial Watch President"),
        ("causes. First lady Michelle Oba has focused on obesity.", "Michelle Oba", "First lady"),
        ("spoke. Later the Democratic rival Hillary Clin, the", "Hillary Clin", "Democratic rival"),
        ("said Speaker of the House Paul Rya on Monday", "Paul Rya", "Speaker of the House"),
        ("said Secretary of the Treasury Jack Le on Monday", "Jack Le", "Secretary of the Treasury"),
        ("said Former first lady Laura Bus on Friday", "Laura Bus", "Former first lady"),
        # A lower-case word before a capitalised title is no part of it, but for a place's or a time's ("state Sen.").
        ("but she should face no charges, a recommendation Attorney General Loretta Lyn adopted.", "Loretta Lyn", "Attorney General"),
        ("it is impossible to ignore Admiral Harry Harr's record", "Harry Harr", "Admiral"),
        ("many polls show Senator Bernie Sand ahead", "Bernie Sand", "Senator"),
        ("whose views resemble Senator Elizabeth Warr's", "Elizabeth Warr", "Senator"),
        ("the very moderate Governor John Kasi said", "John Kasi", "Governor"),
        ("Ohio state Sen. Jane Dow said", "Jane Dow", "Ohio state Senator"),
        ("the late Justice Antonin Scal wrote", "Antonin Scal", "late Justice"),
        ("Estate mogul and reality television star Donald Trum said", "Donald Trum", "Estate mogul and reality television star"),
        # A dateline is no part of a title; a role set off by a dash before the name is one.
        ("WASHINGTON -- President Barack Oba said", "Barack Oba", "President"),
        ("CONCORD, N.H. - Sen. Bernie Sand said", "Bernie Sand", "Senator"),
        ("A former Republican presidential candidate -- John McCai, who lost", "John McCai", "former Republican presidential candidate"),
        # What a role may become is part of it; an adverb is not.
        ("good news for a would-be president Donald Trum, who", "Donald Trum", "would-be president"),
        ("the eventual nominee Mitt Romn said", "Mitt Romn", "eventual nominee"),
        # Occupations of the news that are roles ...
        ("said NSA leaker Edward Snowd on Monday", "Edward Snowd", "NSA leaker"),
        ("said hedge funder Marc Lasr on Monday", "Marc Lasr", "hedge funder"),
        ("said the hacker Marcel Lehe on Monday", "Marcel Lehe", "hacker"),
        ("said the demographer Alan Abram on Monday", "Alan Abram", "demographer"),
        ("said Olympic swimmer Jane Led on Monday", "Jane Led", "Olympic swimmer"),
        # ... a kinship is not.
        ("said Benghazi widow Dorothy Wood on Monday", "Dorothy Wood", None),
        # A word that opens the sentence is no part of it.
        ("asked for volunteers. So Labor Secretary Thomas Pere stopped writing", "Thomas Pere", "Labor Secretary"),
        ("lobbyist and GOP strategist Charlie Blac said", "Charlie Blac", "lobbyist and GOP strategist"),
        ("It was likely President Barack Oba who", "Barack Oba", "President"),
    ],
)
def test_resolve_role_before_name(text, name, role):
    assert _role_before(text, text.index(name)) == role


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Lloyd Austin, the US Defence Secretary, said", "Lloyd Austin", "US Defence Secretary"),
        ("Lloyd Austin, who retired, said", "Lloyd Austin", None),
        # A role the relative clause gives; a clause that gives none is none.
        ("Mel Verr, who served as chief of staff to the first lady, said", "Mel Verr", "chief of staff to the first lady"),
        ("Mel Verr, who is the mayor of Boston, said", "Mel Verr", "mayor of Boston"),
        ("Mel Verr, who is running for Senate, said", "Mel Verr", None),
        # Without an article: a capitalised title or a title word, not a verb, nor a title before another's name.
        ("Trent Lot, who was Republican Senate majority leader under Bush, told", "Trent Lot", "Republican Senate majority leader under Bush"),
        ("Jo Bo, who is chairman of the board, said", "Jo Bo", "chairman of the board"),
        ("Whit Ayr, who is Rubio's campaign pollster, said", "Whit Ayr", "Rubio's campaign pollster"),
        ("Jo Bo, who was arrested in May, said", "Jo Bo", None),
        ("Stephen Mil, who was Sen. Jeff Sessions’ main immigration guy.", "Stephen Mil", None),
        # A speech verb ends the apposition; capitalised words inside a name are no clause words.
        ("Tony Anto, president and CEO of the Restaurant Association stated that", "Tony Anto", "president and CEO of the Restaurant Association"),
        ("Jen Gree, director of the Mommy and Me literacy program, said", "Jen Gree", "director of the Mommy and Me literacy program"),
        ("Kev Hech, a Border Patrol tunneling expert, said", "Kev Hech", "Border Patrol tunneling expert"),
        # An age before the apposition, a parenthesis after it.
        ("Khizr Khan, 66, a lawyer, said", "Khizr Khan", "lawyer"),
        ("Jeff Bech, chairman of America Rising (a Republican PAC), tweeted", "Jeff Bech", "chairman of America Rising"),
        # Two appositions joined: the first.
        ("Len Burm, director of the Tax Policy Center and a professor at Syracuse University, said", "Len Burm", "director of the Tax Policy Center"),
        # A plural in a name after "of" stays plural.
        ("Roger Alt, founder of Evercore Partners, said", "Roger Alt", "founder of Evercore Partners"),
        # Occupations are roles too.
        ("Jim Benn, a retired steelworker, said", "Jim Benn", "retired steelworker"),
        # An apposition the writer did not close: it ends at the verb.
        ("Gary Byr, a former Secret Service agent has written a book", "Gary Byr", "former Secret Service agent"),
        ("Huma Abe, who was a top adviser to Mrs. Clinton, emailed", "Huma Abe", "top adviser"),
        ("Gale Benn, a homemaker from Ohio, said", "Gale Benn", "homemaker from Ohio"),
        # A comma that ends a phrase opening the sentence ends no apposition: what follows is the subject.
        ("In an interview with hosts Joe Scar and Mika Brez, the Democratic presidential candidate stated that", "Mika Brez", None),
        ("During a call with Joe Scar, the candidate said", "Joe Scar", None),
        ("In Ohio, Joe Scar, the candidate said", "Joe Scar", "candidate"),
        # A phrase that opens with a preposition is no apposition.
        ("Don Trum, with 329 delegates, needs more", "Don Trum", None),
        ("Don Trum, for years a registered Democrat, said", "Don Trum", None),
        ("Ralph Nad, excoriated by Democrats for tipping the 2000 election, said", "Ralph Nad", None),
        ("under George W. Bush, told lawmakers on a recent visit to Capitol Hill, that", "George W. Bush", None),
        # An attribution set in after a name is no apposition; a copula after the comma still gives the role.
        ("Clint, a top aide said, “is very confident”", "Clint", None),
        ("whose father-in-law, Leon Kuch, was president of Ukraine from 1994 to 2005, has", "Leon Kuch", "president of Ukraine"),
        # Initials and initialisms inside a name end no apposition; one before a sentence's first word does.
        ("Scott Ree, political strategist for the U.S. Chamber of Commerce, said", "Scott Ree", "political strategist for the U.S. Chamber of Commerce"),
        ("Rich Trum, president of the A.F.L.-C.I.O., said", "Rich Trum", "president of the A.F.L.-C.I.O"),
        ("Mike Petr, president of the Thomas B. Fordham Institute, said", "Mike Petr", "president of the Thomas B. Fordham Institute"),
        ("Greg Hick, a diplomat in the U.S. He said", "Greg Hick", "diplomat in the U.S"),
        ("David Pet, a former C.I.A. director, said", "David Pet", "former C.I.A. director"),
        # Where the person lives, after an age or alone, before the apposition; alone it is none.
        ("Jane Dow, 45, of Columbus, a nurse, said", "Jane Dow", "nurse"),
        ("Jane Dow, of Columbus, Ohio, a nurse, said", "Jane Dow", "nurse"),
        ("Jane Dow, 45, of Columbus, said", "Jane Dow", None),
        # Set off by a pair of dashes or by brackets, opening with an article; a quantifier or an adverb opens none.
        ("Jane Dow — a nurse — said", "Jane Dow", "nurse"),
        ("New Jersey’s Steve Lon — a former Cruz adviser — and Colorado’s", "Steve Lon", "former Cruz adviser"),
        ("both Bern San and Don Trum — both candidates whom millions distrust — flirt", "Don Trum", None),
        ("Marco Rub -- perhaps the most likely consensus candidate -- stayed", "Marco Rub", None),
        ("Maria Lop (a nurse) said", "Maria Lop", "nurse"),
        ("Jeff Chaf (R-Utah) said", "Jeff Chaf", None),
        # An adverb or a reflexive set in the apposition is no part of it.
        ("Maria Lop, herself a nurse, said", "Maria Lop", "nurse"),
        ("Maria Lop, a nurse herself, said", "Maria Lop", "nurse"),
        ("Maria Lop, now a nurse, said", "Maria Lop", "nurse"),
        ("Maria Lop, formerly a nurse, said", "Maria Lop", "former nurse"),
        # A plural head names several people, not the one named; a participle's phrase no role ...
        ("peppered Mr. Trum, his family members and advisers with suggestions on strategy. So", "Mr. Trum", None),
        ("resist Donald Trum, the two million members of the union would", "Donald Trum", None),
        ("was a setback for Trum, whose attorneys argued that", "Trum", None),
        ("and Mr. Oba, running for president, was returning", "Mr. Oba", None),
        # ... but after two names joined it is each one's.
        ("Blair Effr and Robert A. Pruz, the firm's co-founders, said", "Robert A. Pruz", "firm's co-founders"),
        # An abbreviated title alone after the comma is the next name's.
        ("who has voted for Donald Trum, Sen. Graham has come out in support", "Donald Trum", None),
        ("who has voted for Donald Trum, Gov. Jane Dow has come out in support", "Donald Trum", None),
        # Appointed, named or elected to it, in a participle's phrase or a relative clause.
        ("Jack Dor, recently named the company's chief executive, is out", "Jack Dor", "company's chief executive"),
        ("Mary Jon, appointed the city's police chief last year, said", "Mary Jon", "city's police chief"),
        ("Tom Bak, who was named the team's head coach in May, said", "Tom Bak", "team's head coach"),
        ("Tom Bak, who was elected as mayor in 2010, said", "Tom Bak", "mayor"),
        ("Tom Bak, who was named head coach in May, said", "Tom Bak", "head coach"),
        ("Jane Dow, who was appointed by Obama, said", "Jane Dow", None),
        ("Jane Dow, who was named in the lawsuit, said", "Jane Dow", None),
        # Nouns that name a person by what they are to others head a role too (lexicon: person_heads).
        ("Morton Blackwell, the conservative icon who founded the Leadership Institute, has endorsed Cruz", "Morton Blackwell",
         "conservative icon"),
        ("Tim Canova, a political novice, is raising money", "Tim Canova", "political novice"),
    ],
)
def test_resolve_role_after_name(text, name, role):
    assert _role_after(text, text.index(name) + len(name)) == role


@pytest.mark.parametrize(
    "text, source, ner, expected",
    [
        # The NER model's "person" whose last word names an organisation is the organisation.
        ("Rich Lowry edits it. National Review said the plan was weak.", "National Review",
         {"Rich Lowry": "PERSON", "National Review": "PERSON"}, ("National Review", "ORG")),
        ("The Washington Post reported that talks failed.", "The Washington Post",
         {"Washington Post": "PERSON"}, ("Washington Post", "ORG")),
        # A person stays a person.
        ("Rich Lowry said the plan was weak.", "Rich Lowry", {"Rich Lowry": "PERSON"}, ("Rich Lowry", "PERSON")),
    ],
)
def test_resolve_person_named_like_an_organisation_is_one(text, source, ner, expected):
    q = quote_at(text, source)
    resolve_speakers(text, [q], mentions_of(text, ner))
    assert q.speaker is not None and (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    "written, role",
    [
        ("When President", "President"),  # a clause word before it
        ("I can state unequivocally", None),  # a clause, no role
        ("chairman of Mrs.", "chairman"),  # a name cut off after a courtesy title
        ("former aide to Senator", "former aide"),  # whom the role served, cut off at their title
        ("national co-chair for Sen.", "national co-chair"),
        ("Secretary of State", "Secretary of State"),  # ... not an office's own words
        ("Mr. Rubio and Senator", "Senator"),  # another person's name joined to the title: the title alone
        ("Ohio Governor John Kasich and Senator", "Senator"),
        ("director of the Norman Lear Center for media and society", "director of the Norman Lear Center for media and society"),
        ("campaign aide.", "campaign aide"),
        ("Former Pennsylvania Gov.", "Former Pennsylvania Governor"),
        ("Lt. Gov.", "Lieutenant Governor"),
        ("Rep.", "Representative"),
        ("director of debate at the University of Michigan", "director of debate at the University of Michigan"),
        ("Secretary of State", "Secretary of State"),
        ("Acme founder and co-CEO", "Acme founder and co-CEO"),
        ("the Tigers' coach", "Tigers' coach"),  # no article
        ("a high school chemistry teacher", "high school chemistry teacher"),
        ("As for the very moderate Governor", "very moderate Governor"),  # clause and edge words before it
        ("former", None),  # what modifies a role is none
        ("most powerful collisions of the primary campaign so far", None),  # its head is no title
        ("presumptive Democratic nominee and strong favorite to win the election", "presumptive Democratic nominee"),
        ("labor secretary during", "labor secretary"),
        ("underscoring party divisions over a nominee", None),
        ("pulled Rep. King aside after the event", None),  # a verb and its object
        ("another unaligned Iowa Republican strategist", "unaligned Iowa Republican strategist"),
        ("retired Army General", "retired Army General"),  # a clause, no role
        ("radio host in Cape Breton", "radio host"),
        # A long run of capitalised words after "in" that does not end the role: read in linear time (the first pattern
        # for a place after a role backtracked for ever on this and hung a batch worker).
        ("director in " + " ".join(["AAAAAAA"] * 24) + " of it", None),  # "it": a clause word
        ("Democracy for America’s executive director", "Democracy for America’s executive director"),  # headed by director
        ("deputy", "deputy"),
        ("", None),
        # When they held it is no part of it.
        ("Hillary Clinton’s chief of staff during the Clinton administration", "Hillary Clinton’s chief of staff"),
        ("secretary of State at the time", "secretary of State"),
        # when the role was held, as a clause: no part of it
        ("accomplished attorney and political activist by the time her husband landed in the White House", "accomplished attorney and political activist"),
        ("senior adviser before she joined the campaign", "senior adviser"),
        # what follows the head and says more about the person: a relative clause, a dash, where they are now, a participle
        ("president of the Union for Reform Judaism which represents about 900 congregations", "president of the Union for Reform Judaism"),
        ("former National Security Agency lawyer now at the Brookings Institution", "former National Security Agency lawyer"),
        ("former chairman of the Council of Economic Advisers — were not to be dismissed", "former chairman of the Council of Economic Advisers"),
        ("American contractor accused of spying", "American contractor"),
        # ... but not a participle that modifies the head after it
        ("chief operating officer", "chief operating officer"),
        ("Democratic pollster working for Priorities USA", "Democratic pollster"),
        ("executive director of One Wisconsin Now", "executive director of One Wisconsin Now"),
        ("even after federal judge ruled that the school scammed students", None),
        ("fun-loving airline pilot with a gift for imitating W.C. Fields", "fun-loving airline pilot"),
        # An adverb before the role, a reflexive after it; a verb after the adverb is no role.
        ("now Prime Minister", "Prime Minister"),
        ("currently executive director of the group", "executive director of the group"),
        ("previously an aide to the mayor", "former aide to the mayor"),
        ("nurse herself", "nurse"),
        ("now smears New York Times reporters on behalf of Amazon", None),
        ("now running", None),
        # A name and "and" before a title: the title is the next name's; a place's name before "and" is no person's.
        ("senior politics editor Charlie Mahtesian and campaigns editor", "campaigns editor"),
        ("Former U.N. Ambassador John Bolton and Breitbart News National Security editor", "Breitbart News National Security editor"),
        ("Donald J. Trump and Senator", "Senator"),
        ("former Pennsylvania governor and two-term Philadelphia mayor", "former Pennsylvania governor and two-term Philadelphia mayor"),
        ("Rubio and Ohio Governor", "Ohio Governor"),
        ("Hollande and Indian Prime Minister", "Indian Prime Minister"),
        ("Democrat and former Oklahoma state senator", "Democrat and former Oklahoma state senator"),
        ("Arjay and Frances Miller Chair in Federal Economic Policy", "Arjay and Frances Miller Chair"),
        # A headline in capitals run into the text is no part of a role; an acronym or two are.
        ("KILLED IN DEADLY ISTANBUL EXPLOSION Turkish President", "Turkish President"),
        ("GOP VP nominee", "GOP VP nominee"),
        ("Ways and Means Committee Chairman", "Ways and Means Committee Chairman"),
        # A participle's phrase, or an adverb and a participle, is no role.
        ("greeted by an organizer at a field office", None),
        ("excoriated by Democrats for tipping the 2000 election", None),
        ("recently criticised the company's chief executive", None),
        # What the person was appointed to is their role.
        ("recently named the company's chief executive", "company's chief executive"),
        ("appointed the city's police chief", "city's police chief"),
        ("named as head coach", "head coach"),
        ("elected president of the union last year", "elected president of the union"),
        ("newly elected senator", "newly elected senator"),
        ("recently retired general", "recently retired general"),
        ("highly decorated veteran", "highly decorated veteran"),
    ],
)
def test_resolve_clean_role_is_a_noun_phrase(written, role):
    from quotegraph.speakers.resolve import clean_role

    assert clean_role(written) == role


@pytest.mark.parametrize(
    "text, ents, gender",
    [
        # No first name or title to go by: the article's pronouns say.
        ("Pat Quinlan spoke on Monday. He said the plan was sound. Quinlan left. He smiled.", {"Pat Quinlan": "PERSON", "Quinlan": "PERSON"}, "m"),
        ("Pat Quinlan spoke on Monday. She said the plan was sound.", {"Pat Quinlan": "PERSON"}, "f"),
        # A courtesy title outweighs pronouns.
        ("Mrs. Pat Quinlan spoke on Monday. He said the plan was sound. Mrs. Quinlan left. He smiled.", {"Pat Quinlan": "PERSON", "Quinlan": "PERSON"}, "f"),
        # Another person named between the mention and the pronoun: no evidence.
        ("Pat Quinlan met Ann Lee on Monday. She said the plan was sound.", {"Pat Quinlan": "PERSON", "Ann Lee": "PERSON"}, None),
    ],
)
def test_resolve_gender_from_the_articles_pronouns(text, ents, gender):
    from quotegraph.speakers.resolve import Resolver

    mentions = []
    for name, label in ents.items():
        for m in re.finditer(re.escape(name), text):
            if not any(s <= m.start() < e for s, e, _ in mentions):
                mentions.append((m.start(), m.end(), label))
    r = Resolver(text, [Mention(s, e, lab) for s, e, lab in sorted(mentions)])
    quinlan = next(e for e in r.persons if "Quinlan" in e.name)
    assert quinlan.gender == gender


def test_resolve_a_role_given_later_is_carried_by_earlier_quotes():
    text = "Trump said it first. Later the businessman replied."
    quotes = [quote_at(text, "Trump"), quote_at(text, "the businessman")]
    resolve_speakers(text, quotes, mentions_of(text, {"Trump": "PERSON"}), "2016-02-01")
    assert [(q.speaker.name, q.speaker.role) for q in quotes] == [("Donald Trump", "businessman"), ("Donald Trump", "businessman")]


@pytest.mark.parametrize(
    ("text", "names", "source", "gender"),
    [
        # The article's own pronoun for the person, over a first-names list.
        (
            "Jordan Lee spoke in Ohio. She said so. Lee left early. She was tired. Lee spoke. She smiled. Lee said it again.",
            {"Jordan Lee": "PERSON", "Lee": "PERSON"},
            ("Lee", 3),
            ("female", "pronoun"),
        ),
        # ... but two pronouns against a first name leave the gender unknown (disputed), not guessed.
        (
            "Jordan Lee spoke in Ohio. She said so. Lee left early. She was tired. Lee said it again.",
            {"Jordan Lee": "PERSON", "Lee": "PERSON"},
            ("Lee", 2),
            (None, None),
        ),
        # One pronoun alone is no evidence to keep.
        ("Kofi Annan spoke. She left. Annan said it was fine.", {"Kofi Annan": "PERSON", "Annan": "PERSON"}, ("Annan", 1), (None, None)),
        # A title.
        ("Mrs. Ana Bell arrived. Bell said it was fine.", {"Ana Bell": "PERSON", "Bell": "PERSON"}, ("Bell", 1), ("female", "title")),
        # A first name alone: weaker evidence, marked so.
        ("Maria Lopez arrived. “It is fine,” Lopez said.", {"Maria Lopez": "PERSON", "Lopez": "PERSON"}, ("Lopez", 1), ("female", "first-name")),
        # The public-figures table.
        ("Obama spoke. Obama said it was fine.", {"Obama": "PERSON"}, ("Obama", 1), ("male", "known")),
        # The public-figures table is not overridden by a nearby possessive that is someone else's.
        (
            "The union head worries what Donald Trump is stirring up in her members, because she thinks he can win. "
            "Trump said so. Trump left, and her members cheered. Trump said more.",
            {"Donald Trump": "PERSON", "Trump": "PERSON"},
            ("Trump", 2),
            ("male", "known"),
        ),
        # No evidence at all.
        ("Quinn Vale arrived. Vale said it was fine.", {"Quinn Vale": "PERSON", "Vale": "PERSON"}, ("Vale", 1), (None, None)),
    ],
)
def test_resolve_gender_with_its_evidence(text, names, source, gender):
    q = quote_at(text, *source)
    resolve_speakers(text, [q], mentions_of(text, names), "2016-02-01")
    assert (q.speaker.gender, q.speaker.gender_evidence) == gender


def test_resolve_the_poll_is_the_poll_quoted_last():
    text = "The poll by the Public Policy Institute of California found a tie. The poll also said more."
    quotes = [quote_at(text, "The poll by the Public Policy Institute of California"), quote_at(text, "The poll", 1)]
    resolve_speakers(text, quotes, mentions_of(text, {"Public Policy Institute of California": "ORG"}), "2016-05-27")
    assert [(q.speaker.name, q.speaker.type) for q in quotes] == [("Public Policy Institute of California poll", "ORG")] * 2


@pytest.mark.parametrize(
    ("text", "names", "sources", "expected"),
    [
        # A name the recogniser typed ORG, with a usual first name, is a person; so is its surname.
        (
            "Carly Fiorina spoke on Fox. Fiorina said Clinton would play the woman card. “It is wrong,” she said.",
            {"Carly Fiorina": "ORG", "Fiorina": "ORG", "Clinton": "PERSON"},
            ["Fiorina", "she"],
            ["Carly Fiorina", "Carly Fiorina"],
        ),
        # A full name the recogniser missed, once a source, is a person the surname finds later.
        (
            "Dinesh D’Souza made a prediction. D’Souza said Hillary would win.",
            {"Hillary": "PERSON"},
            ["Dinesh D’Souza", "D’Souza said"],
            ["Dinesh D’Souza", "Dinesh D’Souza"],
        ),
    ],
)
def test_resolve_people_the_recogniser_missed(text, names, sources, expected):
    quotes = []
    for src in sources:
        s = text.index(src) if src != "Fiorina" else text.index("Fiorina said")
        e = s + len(src.replace(" said", ""))
        quotes.append(Quote("indirect", None, [Span.of(text, s, e)], [Span.of(text, 0, 1)]))
    resolve_speakers(text, quotes, mentions_of(text, names), "2016-01-01")
    assert [q.speaker.name for q in quotes] == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A surname the recogniser missed is still the person: the role it is given there counts.
        (
            "The new hosts are Anna Palmer and Jake Sherman. As a young reporter covering lobbying, Palmer met many sources. “It changed me,” Palmer said.",
            {"Anna Palmer": "PERSON", "Jake Sherman": "PERSON"},
            "Palmer said",
            ("Anna Palmer", "young reporter"),
        ),
        (
            "The rise of Christoph Blocher changed Swiss politics. Interestingly Blocher, a wealthy industrialist, "
            "became the voice of farmers. “We are strong,” Blocher said.",
            {"Christoph Blocher": "PERSON"},
            "Blocher said",
            ("Christoph Blocher", "wealthy industrialist"),
        ),
        # Not inside a quotation: that is what someone else calls her.
        (
            "Anna Palmer arrived. “We know Palmer, a liar,” the critic said. “Fine,” Palmer said.",
            {"Anna Palmer": "PERSON"},
            "Palmer said",
            ("Anna Palmer", None),
        ),
        # Not a surname two people of the article share.
        (
            "George Bush and Jeb Bush spoke. Interestingly Bush, a former governor, was calm. “Fine,” Bush said.",
            {"George Bush": "PERSON", "Jeb Bush": "PERSON"},
            "Bush said",
            (None, None),
        ),
        # A surname misspelt by a letter is the person, whatever the recogniser typed it.
        ("Gary Byrne wrote a book. Bryne went on to say it was true.", {"Gary Byrne": "PERSON", "Bryne": "GPE"}, "Bryne", ("Gary Byrne", None)),
        ("Steve Sweeney spoke in Edison. “No,” Sweeny said.", {"Steve Sweeney": "PERSON", "Sweeny": "PERSON"}, "Sweeny said", ("Steve Sweeney", None)),
        # Not when the spelling is another person's of the article, nor two letters off, nor a family.
        ("Steve Sweeney and Kate Sweeny spoke. Sweeny said no.", {"Steve Sweeney": "PERSON", "Kate Sweeny": "PERSON"}, "Sweeny said", ("Kate Sweeny", None)),
        ("Elise Labott wrote to aides. Labbot said no.", {"Elise Labott": "PERSON", "Labbot": "PERSON"}, "Labbot said", ("Labbot", None)),
        ("Hillary Clinton spoke. The Clintons said no.", {"Hillary Clinton": "PERSON", "Clintons": "PERSON"}, "The Clintons said", ("Clintons", None)),
    ],
)
def test_resolve_surnames_the_recogniser_missed_or_the_writer_misspelt(text, names, source, expected):
    q = said(text, names, source, "2016-01-01")
    got = (q.speaker.name, q.speaker.role) if q.speaker is not None else (None, None)
    if expected[0] is None:  # shared surname: whoever it is, not the role of the unrecognised mention
        assert got[1] != "former governor"
    else:
        assert got == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A people's adjective before "and" names no one: one speaker, with two roles' words.
        (
            "Popular Christian and corporate speaker Lance Wallnau said Trump is anointed.",
            {"Popular Christian": "NORP", "Lance Wallnau": "PERSON"},
            "Popular Christian and corporate speaker Lance Wallnau said",
            ("Lance Wallnau", "PERSON"),
        ),
        # Its plural does: several speakers, a description.
        (
            "Democrats and senator Lance Wallnau said no.",
            {"Democrats": "NORP", "Lance Wallnau": "PERSON"},
            "Democrats and senator Lance Wallnau said",
            ("Democrats and senator Lance Wallnau", "DESCRIPTION"),
        ),
        # A title and a name the recogniser took for a work: the person, with the title for role.
        (
            "Phoenix Mayor Greg Stanton wrote a letter. “This is unacceptable,” Stanton wrote.",
            {"Phoenix Mayor Greg Stanton": "WORK_OF_ART", "Stanton": "ORG"},
            "Stanton",
            ("Greg Stanton", "PERSON"),
        ),
        # A mention that runs over a comma into a full name: the name is a person.
        (
            "“It was his first attempt,” said his best friend at Lehigh, Bruce Turry, who remembered him.",
            {"Lehigh, Bruce Turry": "ORG"},
            "his best friend at Lehigh, Bruce Turry",
            ("Bruce Turry", "PERSON"),
        ),
    ],
)
def test_resolve_names_inside_what_the_recogniser_typed_otherwise(text, names, source, expected):
    q = resolved(text, names, source, "2016-01-01") if not source.endswith(" said") else said(text, names, source, "2016-01-01")
    if source == "Stanton":
        q = quote_at(text, source, 1)
        resolve_speakers(text, [q], mentions_of(text, names), "2016-01-01")
        assert q.speaker.role == "Phoenix Mayor"
    assert (q.speaker.name, q.speaker.type) == expected


def test_resolve_the_second_of_two_names_under_a_plural_role_is_a_person_whatever_its_type():
    text = ("Data firm grows.\n\nThe firm is run by two former data strategists, Matt Braynard and Witold Chrabaszcz, and sells data. "
            "Chrabaszcz said the lists were clean.")
    names = {"Matt Braynard": "PERSON", "Witold Chrabaszcz": "ORG", "Chrabaszcz": "ORG"}
    q = resolved(text, names, "Chrabaszcz", "2016-01-05", 1)
    assert (q.speaker.name, q.speaker.type, q.speaker.role) == ("Witold Chrabaszcz", "PERSON", "former data strategist")


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # A lede's indefinite description is the person the article introduces next, who holds its role.
        (
            "Ex-chairman calls for plan.\n\nA former Democratic National Committee chairman says President Barack Obama should act now.\n\n"
            "“Now is the time,” said Don Fowler, who helmed the party in the 1990s.",
            {"Barack Obama": "PERSON", "Don Fowler": "PERSON"},
            ("Don Fowler", "former Democratic National Committee chairman"),
        ),
        # After a wire service's dateline.
        (
            "Ex-chairman calls for plan.\n\nWASHINGTON, Sept. 12 (AP) — A former Democratic National Committee chairman says "
            "President Barack Obama should act now.\n\n“Now is the time,” said Don Fowler, who helmed the party in the 1990s.",
            {"Barack Obama": "PERSON", "Don Fowler": "PERSON"},
            ("Don Fowler", "former Democratic National Committee chairman"),
        ),
        # The first one introduced as a speaker: not a name in a quotation, nor someone only mentioned.
        (
            "Lawmaker wants Trump banned.\n\nA lawmaker in the Philippines is calling for Donald Trump to be banned.\n\n"
            "\"He is no Trojan horse,\" Joey Salce said in a bill.",
            {"Donald Trump": "PERSON", "Trojan": "PERSON", "Joey Salce": "PERSON"},
            ("Joey Salce", "lawmaker"),
        ),
        (
            "Union chief says Trump can win.\n\nThe head of the Service Employees International Union is worried about Donald Trump.\n\n"
            "In an interview with David Axel on his podcast, Mary Kay Henri said her union is going into hyperdrive.",
            {"Donald Trump": "PERSON", "David Axel": "PERSON", "Mary Kay Henri": "PERSON"},
            ("Mary Kay Henri", "head of the Service Employees International Union"),
        ),
        # Not someone whose known role is another.
        (
            "Talks stall.\n\nA State Department spokesman says the talks have stalled.\n\n“We are patient,” said Secretary of State John Kerry.",
            {"John Kerry": "PERSON"},
            ("former Democratic National Committee chairman", None),
        ),
        # Not after someone was named: then it is someone not named.
        (
            "Talks stall.\n\nJohn Kerry spoke. A former Democratic National Committee chairman says the talks have stalled.\n\n“Now,” said Don Fowler.",
            {"John Kerry": "PERSON", "Don Fowler": "PERSON"},
            ("former Democratic National Committee chairman", None),
        ),
    ],
)
def test_resolve_a_ledes_description_is_the_person_introduced_next_as_a_speaker(text, names, expected):
    sources = ("A former Democratic National Committee chairman", "A State Department spokesman", "A lawmaker in the Philippines",
               "The head of the Service Employees International Union")
    source = next(d for d in sources if d in text)
    q = resolved(text, names, source, "2016-09-12")
    got = (q.speaker.name, q.speaker.role)
    if expected[1] is None:
        assert q.speaker.type == "DESCRIPTION", got
    else:
        assert got == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # A tabloid's lede: a person described by age and kin, named next with a brief apposition before the verb; no role.
        (
            "Pensioner fights off burglar.\n\nAn 82-year-old widow has told how she fought off a burglar.\n\n"
            "Margaret Hollis, from Bolton, said she woke at 3am.",
            {"Margaret Hollis": "PERSON", "Bolton": "GPE"},
            ("Margaret Hollis", "PERSON"),
        ),
        # ... not one of the other gender.
        (
            "Pensioner fights off burglar.\n\nAn 82-year-old widow has told how she fought off a burglar.\n\n"
            "Her neighbour Mr Tom Hollis, 54, said he heard her shout.",
            {"Tom Hollis": "PERSON"},
            ("82-year-old widow", "DESCRIPTION"),
        ),
    ],
)
def test_resolve_a_ledes_generic_person_is_the_person_introduced_next(text, names, expected):
    q = resolved(text, names, "An 82-year-old widow", "2016-09-12")
    assert (q.speaker.name, q.speaker.type) == expected
    if expected[1] == "PERSON":
        assert q.speaker.role is None


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # A headline's description: the person the body opens with ...
        (
            "Woman Reveals What Trump Did.\n\nBetsy Sharpe of Burke County, Georgia, knows Donald Trump well. “He saved us,” she said.",
            {"Betsy Sharpe": "PERSON", "Donald Trump": "PERSON"},
            ("Betsy Sharpe", "PERSON"),
        ),
        # ... or the one the lede describes, with the headline's words for role.
        (
            "Philippine lawmaker wants Trump banned.\n\nA lawmaker in the Philippines is calling for Donald Trump to be banned.\n\n"
            "\"It is baseless,\" Joey Salce said.",
            {"Donald Trump": "PERSON", "Joey Salce": "PERSON"},
            ("Joey Salce", "PERSON"),
        ),
        # Not a man for a woman's headline.
        (
            "Woman Reveals What Trump Did.\n\nMr. Bob Sharpe of Burke County knows Donald Trump well. “He saved us,” he said.",
            {"Bob Sharpe": "PERSON", "Donald Trump": "PERSON"},
            ("Woman", "DESCRIPTION"),
        ),
    ],
)
def test_resolve_a_headlines_description_is_whom_the_article_opens_with(text, names, expected):
    source = text.split()[0] if text.startswith("Woman") else "Philippine lawmaker"
    q = resolved(text, names, source, "2016-02-17")
    assert (q.speaker.name, q.speaker.type) == expected
    if expected[0] == "Joey Salce":
        assert q.speaker.role == "Philippine lawmaker"


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # The start of a place's name the article gives is the place, though a first name opens it.
        (
            "Families of those killed at Sandy Hook Elementary School spoke. Jill Soto lost her sister. The Sandy Hook shooter "
            "used a rifle. “It is deadly,” she added.",
            {"Sandy Hook Elementary School": "ORG", "Jill Soto": "PERSON", "Sandy Hook": "PERSON"},
            "she added",
            "Jill Soto",
        ),
        # A town the article writes with its state is no person where the recogniser says so elsewhere.
        (
            "George Zimm shot him in Sanford, Florida. A Sanford police officer arrived. “I am free,” he said.",
            {"George Zimm": "PERSON", "Sanford": "PERSON", "Florida": "GPE"},
            "he said",
            "George Zimm",
        ),
    ],
)
def test_resolve_places_the_recogniser_took_for_people(text, names, source, expected):
    ms = mentions_of(text, names)
    if "Florida" in text:  # the recogniser typed the first "Sanford" a place, the second a person
        first = text.index("Sanford")
        ms = [Mention(m.start, m.end, "GPE") if m.start == first else m for m in ms]
    at = text.index(source)
    q = Quote("indirect", None, [Span.of(text, at, at + len(source.split()[0]))], [Span.of(text, 0, 1)])
    resolve_speakers(text, [q], ms, "2016-01-01")
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("the Florida Republican", "Marco Rubio"),  # a word of his roles besides the party
        ("the lifelong Republican", "Donald Trump"),  # none: the person most mentioned, as before
    ],
)
def test_resolve_an_affiliation_with_a_word_of_someones_roles_is_them(source, expected):
    text = (
        "Donald Trump won again. Trump said he was pleased. Trump also spoke of Marco Rubio, who lost his home state. "
        f"Asked about it, {source} said he would go on."
    )
    q = resolved(text, {"Donald Trump": "PERSON", "Trump": "PERSON", "Marco Rubio": "PERSON"}, source, "2016-03-16")
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("text", "names", "source"),
    [
        # A name in capitals the recogniser missed is an organisation's, never a person's.
        ("Many trips were secretly funded, USA TODAY found. The trips went on, USA TODAY reported.", {}, "USA TODAY"),
        # ... also before what it wrote, where the recogniser took a part of it for a place.
        ("The donors gave money, a USA TODAY analysis found.", {"USA": "GPE"}, "a USA TODAY analysis"),
    ],
)
def test_resolve_a_name_in_capitals_is_an_organisation(text, names, source):
    q = resolved(text, names, source, "2016-08-24")
    assert (q.speaker.name, q.speaker.type) == ("USA TODAY", "ORG")


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("the conservative nationalist Swiss People’s Party", "Swiss People’s Party"),  # adjectives before a name
        ("the nonpartisan Congressional Budget Office", "Congressional Budget Office"),
    ],
)
def test_resolve_an_organisations_name_without_the_writers_adjectives(source, name):
    text = f"In the late 1990s, {source} began to campaign on the issue, it said."
    q = resolved(text, {name: "ORG"}, source, "2016-03-21")
    assert (q.speaker.name, q.speaker.type) == (name, "ORG")


@pytest.mark.parametrize("surname", ["Carpenter", "Judge", "Bishop", "Cook", "Fisher"])
def test_resolve_a_surname_that_is_also_an_occupation_set_off_after_a_role(surname):
    """The description is the phrase before the comma: "Carter’s press secretary, Peter Judge" is Peter Judge."""
    text = f"Ash Carter spoke. “No,” said Carter’s press secretary, Peter {surname}, on Monday."
    q = resolved(text, {"Ash Carter": "PERSON", "Carter": "PERSON", f"Peter {surname}": "PERSON"}, f"Carter’s press secretary, Peter {surname}", "2016-01-01")
    assert (q.speaker.name, q.speaker.role) == (f"Peter {surname}", "Carter’s press secretary")


def test_resolve_a_definite_description_after_a_quote_is_the_person_just_quoted():
    text = "Trump is fair game, Carly Fiorina said Monday. But, the former CEO of Hewlett-Packard added, it is not the way to win."
    quotes = [quote_at(text, "Carly Fiorina"), quote_at(text, "the former CEO of Hewlett-Packard")]
    resolve_speakers(text, quotes, mentions_of(text, {"Trump": "PERSON", "Carly Fiorina": "PERSON", "Hewlett-Packard": "ORG"}), "2015-12-28")
    assert [(q.speaker.name, q.speaker.role) for q in quotes] == [("Carly Fiorina", "former CEO"), ("Carly Fiorina", "former CEO")]


def test_resolve_a_lede_description_is_the_person_the_next_sentence_opens_with():
    text = (
        "Speechwriter reveals his vote.\n\n"
        "The lifelong Republican who wrote the speech says he won't vote for Donald Trump this fall. "
        "Richard Cross, a former staff member, wrote in an op-ed that he penned the remarks."
    )
    quotes = [quote_at(text, "The lifelong Republican who wrote the speech"), quote_at(text, "Richard Cross")]
    resolve_speakers(text, quotes, mentions_of(text, {"Donald Trump": "PERSON", "Richard Cross": "PERSON"}), "2016-08-17")
    # Cross, not Trump whom the sentence names after it; and a party is no role.
    assert [(q.speaker.name, q.speaker.role) for q in quotes] == [("Richard Cross", "former staff member")] * 2


@pytest.mark.parametrize(
    ("text", "names", "sources", "expected"),
    [
        # "the campaign", none named: the campaign of the candidate the article is about.
        (
            "Hillary Clinton will propose a plan. Clinton spoke in Iowa. Clinton said it would work. The plan, the campaign told reporters, costs little.",
            {"Hillary Clinton": "PERSON", "Clinton": "PERSON"},
            ["the campaign"],
            [("Clinton campaign", "ORG")],
        ),
        # "The agency": the public body named last.
        (
            "The State Department released the emails on Friday. The agency said more would follow.",
            {"The State Department": "ORG"},
            ["The agency"],
            [("State Department", "ORG")],
        ),
        # "The Super PAC": the one quoted last, though the recogniser missed its name.
        (
            "The ads come from Our Principles PAC, a Super PAC aimed at Trump. The Super PAC also plans mailings.",
            {"Super PAC": "ORG", "Trump": "PERSON"},
            ["a Super PAC", "The Super PAC"],
            [("Our Principles PAC", "ORG"), ("Our Principles PAC", "ORG")],
        ),
        # "a new statewide poll" named in the next sentence.
        (
            "Clinton leads in a new statewide poll. The poll by the Public Policy Institute of California found a tie.",
            {"Clinton": "PERSON", "Public Policy Institute of California": "ORG"},
            ["a new statewide poll"],
            [("Public Policy Institute of California poll", "ORG")],
        ),
    ],
)
def test_resolve_organisations_described(text, names, sources, expected):
    quotes = [quote_at(text, src) for src in sources]
    resolve_speakers(text, quotes, mentions_of(text, names), "2016-01-29")
    assert [(q.speaker.name, q.speaker.type) for q in quotes] == expected


def test_resolve_a_plural_title_before_coordinated_names_is_each_ones_title():
    text = "Reps. Chris Collins (R-N.Y.) and Duncan Hunter (R-Calif.) on Wednesday endorsed him. Collins said so. Hunter said more."
    quotes = [quote_at(text, "Collins", 1), quote_at(text, "Hunter", 1)]
    names = {"Chris Collins": "PERSON", "Duncan Hunter": "PERSON", "Collins": "PERSON", "Hunter": "PERSON"}
    resolve_speakers(text, quotes, mentions_of(text, names), "2016-02-24")
    assert [(q.speaker.name, q.speaker.role) for q in quotes] == [("Chris Collins", "Representative"), ("Duncan Hunter", "Representative")]


def test_resolve_a_title_outranks_a_relation_and_an_affiliation_is_cut():
    text = (
        "Sanders, runner-up to Hillary Clinton for the nomination, spoke on Sunday. "
        "Sanders, a senator from the state of Vermont and self-described democratic socialist, said more. Sanders left."
    )
    quotes = [quote_at(text, "Sanders", 2)]
    resolve_speakers(text, quotes, mentions_of(text, {"Sanders": "PERSON", "Hillary Clinton": "PERSON"}), "2016-06-28")
    assert quotes[0].speaker.role == "senator from the state of Vermont"


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # Appositives split into name and role, wherever they stand.
        ("Marsh's attorney, Lena Ortiz, said the case was weak. Ortiz added more.", {"Marsh": "PERSON", "Lena Ortiz": "PERSON", "Ortiz": "PERSON"},
         ("Ortiz", 1), ("Lena Ortiz", "Marsh's attorney", "PERSON")),
        ("Acme founder and co-CEO Maya Lind said sales rose. Lind said more.", {"Acme": "ORG", "Maya Lind": "PERSON", "Lind": "PERSON"},
         ("Lind", 1), ("Maya Lind", "Acme founder and co-CEO", "PERSON")),
        ("Joe Park, the Tigers' coach, said the team was ready. Park said more.", {"Joe Park": "PERSON", "Tigers": "ORG", "Park": "PERSON"},
         ("Park", 1), ("Joe Park", "Tigers' coach", "PERSON")),
        # A full name set off after its role may end the sentence; a surname alone there takes no role of it.
        ("Holdouts included Ryan and the party’s 2012 nominee, Mitt Romney. Romney went after Trump.",
         {"Ryan": "PERSON", "Mitt Romney": "PERSON", "Romney": "PERSON", "Trump": "PERSON"},
         ("Romney", 1), ("Mitt Romney", "party’s 2012 nominee", "PERSON")),
        ("Democratic front-runner Hillary Clinton spoke. Critics named its first-term secretary of state, Clinton. Clinton said more.",
         {"Hillary Clinton": "PERSON", "Clinton": "PERSON"}, ("Clinton", 2), ("Hillary Clinton", "Democratic front-runner", "PERSON")),
        # A description, then a title and the name after a comma: that person, with that title.
        ("Another diplomat, former special envoy to Chile Paul Danner, said talks failed. Danner said more.",
         {"Chile": "GPE", "Paul Danner": "PERSON", "Danner": "ORG"},
         ("Another diplomat, former special envoy to Chile Paul Danner,", 0), ("Paul Danner", "former special envoy to Chile", "PERSON")),
        ("Another diplomat, former special envoy to Chile Paul Danner, said talks failed. Danner said more.",
         {"Chile": "GPE", "Paul Danner": "PERSON", "Danner": "ORG"}, ("Danner", 1), ("Paul Danner", "former special envoy to Chile", "PERSON")),
        # ... or an age and the name after it.
        ("The suit was brought for six voters. One of them, 91-year-old Rosa Whitaker of Macon, said she had voted.",
         {"Rosa Whitaker": "PERSON", "Macon": "GPE"},
         ("One of them, 91-year-old Rosa Whitaker of Macon,", 0), ("Rosa Whitaker", None, "PERSON")),
        # ... or an organisation's name after its description.
        ("Nimbus cut jobs. The company's largest rival, Stratus, declined to comment.", {"Nimbus": "ORG", "Stratus": "ORG"},
         ("The company's largest rival, Stratus,", 0), ("Stratus", None, "ORG")),
        ("Nimbus cut jobs. Its rival, the Stratus brand, declined to comment.", {"Nimbus": "ORG", "Stratus": "ORG"},
         ("Its rival, the Stratus brand,", 0), ("rival, the Stratus brand", None, "DESCRIPTION")),
        # An organisation named first keeps the source: "American Crossroads, a super PAC founded by Karl Rove".
        ("American Crossroads, a super PAC founded by Republican strategist Karl Rove, said so.",
         {"American Crossroads": "ORG", "Karl Rove": "PERSON"},
         ("American Crossroads, a super PAC founded by Republican strategist Karl Rove,", 0), ("American Crossroads", "super PAC", "ORG")),
        # A source the tagger opened on a comma: the name after it.
        (", and Suu Kyi, a Nobel Peace Prize winner who had spent 15 years under house arrest, said so.",
         {"Suu Kyi": "PERSON"}, (", and Suu Kyi, a Nobel Peace Prize winner who had spent 15 years under house arrest,", 0),
         ("Suu Kyi", None, "PERSON")),
        # Epithets are no part of a name; a clause word is no part of a role.
        ("Crooked Jane Roe said nothing. Jane Roe said more.", {"Crooked Jane Roe": "PERSON", "Jane Roe": "PERSON"},
         ("Crooked Jane Roe", 0), ("Jane Roe", None, "PERSON")),
        ("When President Obama spoke, Obama said it was fine.", {"Obama": "PERSON"}, ("Obama", 1), ("Barack Obama", "President", "PERSON")),
        # "X's doctor" is not X; "Acme's CEO" is the person introduced as Acme's co-CEO, not another CEO.
        ("Tom Baker's doctor said he was fine. Tom Baker said he was tired.", {"Tom Baker": "PERSON"},
         ("Tom Baker's doctor", 0), ("Tom Baker's doctor", None, "DESCRIPTION")),
        ("Acme founder and co-CEO Maya Lind spoke. Globex CEO John Hart spoke too. Acme's CEO praised the deal.",
         {"Acme": "ORG", "Maya Lind": "PERSON", "Globex": "ORG", "John Hart": "PERSON"}, ("Acme's CEO", 0), ("Maya Lind", "Acme founder and co-CEO", "PERSON")),
        # A pronoun against the gender of the only person named resolves to no one.
        ("The rappers, both of whom the singer Ana Bell has feuded with, were there. He has consistently denied the claims.", {"Ana Bell": "PERSON"},
         ("He", 0), None),
    ],
)
def test_resolve_the_issues_patterns(text, names, source, expected):
    q = quote_at(text, *source)
    resolve_speakers(text, [q], mentions_of(text, names), "2020-01-01")
    assert (None if q.speaker is None else (q.speaker.name, q.speaker.role, q.speaker.type)) == expected


def test_resolve_a_pronoun_after_a_topic_set_off_by_dashes_is_the_topic():
    text = (
        "“We will win,” said Ted Cruz. As for the very moderate Governor Kasich—endorsed in New Hampshire by the Times—"
        "he devoted enormous resources to that small state."
    )
    he = text.index("he devoted")
    quotes = [quote_at(text, "Ted Cruz"), Quote("indirect", None, [Span.of(text, he, he + 2)], [Span.of(text, he, he + 10)])]
    resolve_speakers(text, quotes, mentions_of(text, {"Ted Cruz": "PERSON", "Kasich": "PERSON", "the Times": "ORG"}), "2016-02-10")
    assert [q.speaker.name for q in quotes] == ["Ted Cruz", "John Kasich"]


@pytest.mark.parametrize(
    ("text", "names", "sources", "expected"),
    [
        # An acronym of a name the article gives is that organisation.
        (
            "The Associated Press first reported the story. The AP said the talks had ended.",
            {"The Associated Press": "ORG", "AP": "ORG"},
            ["The AP"],
            [("Associated Press", None, "ORG")],
        ),
        (
            "Mary Kay Henry leads the Service Employees International Union. SEIU said it would endorse.",
            {"Mary Kay Henry": "PERSON", "Service Employees International Union": "ORG", "SEIU": "ORG"},
            ["SEIU"],
            [("Service Employees International Union", None, "ORG")],
        ),
        # An acronym and what it is: "the BLM group" is the Black Lives Matter the article names.
        (
            "Black Lives Matter protested on Monday. The BLM group said the police must change.",
            {"Black Lives Matter": "ORG"},
            ["The BLM group"],
            [("Black Lives Matter", None, "ORG")],
        ),
        # Two names with the same initials: the acronym stays as written.
        (
            "The American Party and the Alaska Partnership met. AP said nothing.",
            {"American Party": "ORG", "Alaska Partnership": "ORG", "AP": "ORG"},
            ["AP"],
            [("AP", None, "ORG")],
        ),
        # A name the article calls an organisation in an apposition is one, with that role, whatever the
        # recogniser typed it; a description standing for it gives every quote of it its role.
        (
            "American Crossroads, a super PAC aligned with Karl Rove, released an ad. American Crossroads said it would air.",
            {"American Crossroads": "PERSON", "Karl Rove": "PERSON"},
            ["American Crossroads"],
            [("American Crossroads", "super PAC", "ORG")],
        ),
        (
            "The ads come from Our Principles PAC, which opposes Trump. The group said so. The Super PAC also plans mailings.",
            {"Our Principles PAC": "ORG", "Trump": "PERSON"},
            ["Our Principles PAC", "The Super PAC"],
            [("Our Principles PAC", "Super PAC", "ORG"), ("Our Principles PAC", "Super PAC", "ORG")],
        ),
        # A person's apposition makes no organisation: "a Clinton surrogate" is a person's role.
        (
            "Ed Rendell, a Clinton surrogate, spoke. Rendell said it was over.",
            {"Ed Rendell": "PERSON", "Rendell": "PERSON", "Clinton": "PERSON"},
            ["Rendell"],
            [("Ed Rendell", "Clinton surrogate", "PERSON")],
        ),
    ],
)
def test_resolve_organisations_by_acronym_and_apposition(text, names, sources, expected):
    quotes = [quote_at(text, src, 1 if src == "American Crossroads" else 0) for src in sources]
    resolve_speakers(text, quotes, mentions_of(text, names), "2016-01-29")
    assert [(q.speaker.name, q.speaker.role, q.speaker.type) for q in quotes] == expected


def test_resolve_the_outlets_pieces_are_the_outlet():
    """"The pair of editorials", "The piece": what an outlet writes is the outlet's (the newspaper named last)."""
    text = "The Washington Post endorsed Clinton on Sunday. The pair of editorials said she was ready. The piece added more."
    quotes = [quote_at(text, "The pair of editorials"), quote_at(text, "The piece")]
    resolve_speakers(text, quotes, mentions_of(text, {"The Washington Post": "ORG", "Clinton": "PERSON"}), "2016-01-29")
    assert [(q.speaker.name, q.speaker.type) for q in quotes] == [("Washington Post", "ORG"), ("Washington Post", "ORG")]


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        ("Last year’s FBI statistics show that most victims knew the killer.", {"FBI": "ORG"}, "Last year’s FBI statistics", ("FBI", "ORG")),
        (
            "A Pew Research Center study found that most adults agree.",
            {"Pew Research Center": "ORG"},
            "A Pew Research Center study",
            ("Pew Research Center", "ORG"),
        ),
        (
            "Recently hacked Democratic National Committee documents show the plan.",
            {"Democratic National Committee": "ORG"},
            "Recently hacked Democratic National Committee documents",
            ("Democratic National Committee", "ORG"),
        ),
        # No organisation named in it: a description of no one.
        ("The statistics show that most victims knew the killer.", {}, "The statistics", ("statistics", "DESCRIPTION")),
    ],
)
def test_resolve_what_an_organisation_publishes_is_the_organisations(text, names, source, expected):
    q = resolved(text, names, source, "2016-01-29")
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # "the Sanders camp" is the campaign.
        ("Bernie Sanders spoke in Iowa. The Sanders camp said it would win.", {"Bernie Sanders": "PERSON"}, "The Sanders camp", ("Sanders campaign", "ORG")),
        # A description that ends an organisation's name is that organisation.
        (
            "The Congressional Budget Office released figures. The budget office said the deficit would grow.",
            {"The Congressional Budget Office": "ORG"},
            "The budget office",
            ("Congressional Budget Office", "ORG"),
        ),
        # "The report": whose the article said it was.
        (
            "An Associated Press report found many donors. The report said half of them met her.",
            {"Associated Press": "ORG"},
            "The report",
            ("Associated Press", "ORG"),
        ),
        (
            "Future45 released an ad on Monday. The ad says the plan failed.",
            {"Future45": "ORG"},
            "The ad",
            ("Future45", "ORG"),
        ),
        (
            "The findings come in a report from the State Department inspector general. The report says rules were broken.",
            {"State Department": "ORG"},
            "The report",
            ("State Department", "ORG"),
        ),
        # Who set up or created the thing ("has set up a website called ...").
        (
            "Rob Calab, a radio host in Nova Scotia, has set up a website called Cape Breton If Trump Wins. The website says come.",
            {"Rob Calab": "PERSON", "Nova Scotia": "GPE"},
            "The website",
            ("Rob Calab", "PERSON"),
        ),
        # Nobody said whose: a description of no one.
        ("A report came out on Monday. The report said rules were broken.", {}, "The report", ("report", "DESCRIPTION")),
        # What an organisation publishes, named after a preposition.
        (
            "Ferguson ranks low, according to the most recent data available from the FBI for last year.",
            {"FBI": "ORG", "Ferguson": "GPE"},
            "the most recent data available from the FBI",
            ("FBI", "ORG"),
        ),
        # Who a lawsuit was filed by, and "the suit" afterwards.
        (
            "The lawsuit filed by a former staffer named Brad Podl, an Air Force major, says he was fired. The suit says more.",
            {"Brad Podl": "ORG", "Air Force": "ORG"},
            "The lawsuit filed by a former staffer named Brad Podl, an Air Force major,",
            ("Brad Podl", "PERSON"),
        ),
        (
            "The lawsuit filed by a former staffer named Brad Podl, an Air Force major, says he was fired. The suit says more.",
            {"Brad Podl": "ORG", "Air Force": "ORG"},
            "The suit",
            ("Brad Podl", "PERSON"),
        ),
        # Someone's office is that person's office, however the article writes the person.
        (
            "Congressman Trey Gow said no. Congressman Trey Gow's office said no.",
            {"Trey Gow": "PERSON"},
            "Congressman Trey Gow's office",
            ("Trey Gow’s office", "ORG"),
        ),
        ("Congressman Trey Gow said no. Later, Gow's office said no.", {"Trey Gow": "PERSON", "Gow": "PERSON"}, "Gow's office", ("Trey Gow’s office", "ORG")),
        # Someone of a person described is not that person.
        (
            "Al Gor will skip it. Citing obligations, the former vice president's spokeswoman told reporters. Al Gor, the former vice president, said no.",
            {"Al Gor": "PERSON"},
            "the former vice president's spokeswoman",
            ("former vice president's spokeswoman", "DESCRIPTION"),
        ),
    ],
)
def test_resolve_authors_of_what_is_quoted(text, names, source, expected):
    q = resolved(text, names, source, "2016-01-29")
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A public figure's surname the recogniser typed ORG, the article never naming them in full.
        ("Earlier in the week, Trump called for a special prosecutor.", {"Trump": "ORG"}, "Trump", ("Donald Trump", "PERSON")),
        # A place is left a place, whoever shares its name.
        ("Warren said the plant would close.", {"Warren": "GPE"}, "Warren", ("Warren", "GPE")),
    ],
)
def test_resolve_a_public_figure_typed_as_an_organisation(text, names, source, expected):
    q = resolved(text, names, source, "2016-08-24")
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("text", "names", "sources", "expected"),
    [
        # A paper "The" heads that the recogniser left untyped, and "a ... newspaper" the next sentence names.
        (
            "A Baton Rouge newspaper called on her to visit. The Advocate had chided him. The newspaper said she must go, wrote the editors of The Advocate.",
            {},
            ["A Baton Rouge newspaper", "The Advocate", "The newspaper"],
            [("Advocate", "ORG"), ("Advocate", "ORG"), ("Advocate", "ORG")],
        ),
        (
            "Al Gor will skip it. The Tennessean first reported the decision.",
            {"Al Gor": "PERSON", "Tennessean": "NORP"},
            ["The Tennessean"],
            [("Tennessean", "ORG")],
        ),
        # A title of a person is no paper's name.
        ("Al Gor spoke. The Senator said no.", {"Al Gor": "PERSON"}, ["The Senator"], [("Senator", "DESCRIPTION")]),
    ],
)
def test_resolve_papers_the_recogniser_missed(text, names, sources, expected):
    quotes = [quote_at(text, src) for src in sources]
    resolve_speakers(text, quotes, mentions_of(text, names), "2016-08-27")
    assert [(q.speaker.name, q.speaker.type) for q in quotes] == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A sentence ending in "lady." gives the next sentence's surname no gender: Bernie is still Sanders.
        (
            "Hillary Clinton, Bernie Sanders and others spoke. It was said by Clinton, the former first lady.\n\nSanders, the senator from Vermont, said no.",
            {"Hillary Clinton": "PERSON", "Bernie Sanders": "PERSON", "Clinton": "PERSON", "Sanders": "PERSON"},
            "Sanders, the senator from Vermont,",
            ("Bernie Sanders", "PERSON"),
        ),
        # "The group": an association, coalition, caucus ... named last, before a company of another kind.
        (
            "Celebrities went on Twitter to cheer. The National Rifle Association says it is wrong. The nation’s largest gun group is angry.",
            {"Twitter": "ORG", "The National Rifle Association": "ORG"},
            "The nation’s largest gun group",
            ("National Rifle Association", "ORG"),
        ),
        (
            "Boca West Country Club opened. Players left, according to the National Golf Foundation. Courses closed, the group says.",
            {"Boca West Country Club": "ORG", "the National Golf Foundation": "ORG"},
            "the group",
            ("National Golf Foundation", "ORG"),
        ),
        # A lower-case word the recogniser took for an organisation names none.
        (
            "Sanders suggests the former secretary of state is captive. Julian Assange should be freed, the rights group says.",
            {"Sanders": "PERSON", "state": "ORG", "Julian Assange": "PERSON"},
            "the rights group",
            ("rights group", "DESCRIPTION"),
        ),
        # A short name the lexicon spells out, where the article names it in full: "the Fed" is the Federal Reserve.
        (
            "The chair of the Federal Reserve spoke. The central bank held rates. The Fed does not want to stall growth.",
            {"the Federal Reserve": "ORG", "Fed": "ORG"},
            "The Fed",
            ("Federal Reserve", "ORG"),
        ),
        # "The organization": the organisation named last, whatever kind of body it is.
        (
            "Fox News reported it. The Heritage Foundation notes the wage is low. The organization also points out more.",
            {"Fox News": "ORG", "The Heritage Foundation": "ORG"},
            "The organization",
            ("Heritage Foundation", "ORG"),
        ),
    ],
)
def test_resolve_sentence_ends_and_organisations_named_last(text, names, source, expected):
    q = resolved(text, names, source, "2016-01-26")
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ted Cruz spoke in Iowa on Monday.\n\nIn an interview, Trump said the Texas senator could not make deals. "
        "Cruz said he would. Later, aides said the Texas senator's first presidential debate went well.",
        # a verb of speech after the description: it is the subject
        "Ted Cruz spoke in Iowa on Monday.\n\nCrowds waited six hours to hear the Texas senator speak. Trump mocked him. Cruz said he would win.",
    ],
)
def test_resolve_a_description_outside_the_sources_is_a_role_of_who_it_names(text):
    q = resolved(text, {"Ted Cruz": "PERSON", "Cruz": "PERSON", "Trump": "PERSON"}, "Cruz", "2016-01-26", 1)
    assert (q.speaker.name, q.speaker.role) == ("Ted Cruz", "Texas senator")


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A person introduced by what they are.
        (
            "The suit was filed by a former staffer named Brad Podl on Monday. Podl said he was fired.",
            {"Brad Podl": "PERSON", "Podl": "PERSON"},
            "Podl",
            ("Brad Podl", "former staffer"),
        ),
        # ... but "called" after a description with no article is a verb: no role.
        (
            "In January one lawmaker called Donald Trump a prince. Trump said nothing.",
            {"Donald Trump": "PERSON", "Trump": "PERSON"},
            "Trump",
            ("Donald Trump", None),
        ),
        # A name introduced with an apposition is the full name, whichever word is used alone later.
        (
            "Shen Xinch, a doctoral candidate at Georgia Tech, wrote a post. Shen said the party was split.",
            {"Shen Xinch": "PERSON", "Shen": "PERSON"},
            "Shen",
            ("Shen Xinch", "doctoral candidate at Georgia Tech"),
        ),
        # What the article calls an organisation where it does not name it.
        (
            "Verizon cut jobs. Workers objected to the telecom giant's attempts to move them. Verizon said it had no choice.",
            {"Verizon": "ORG"},
            "Verizon said",
            ("Verizon", "telecom giant"),
        ),
        # A name is no description: "the Environmental Protection Agency" gives the department no role.
        (
            "The State Department released it. Staff of the Environmental Protection Agency wrote too. The State Department said so.",
            {"State Department": "ORG"},
            "The State Department said",
            ("State Department", None),
        ),
    ],
)
def test_resolve_roles_introduced_and_described(text, names, source, expected):
    q = quote_at(text, source)
    q.sources[0] = Span.of(text, q.sources[0].start, q.sources[0].start + len(source.removesuffix(" said")))
    resolve_speakers(text, [q], mentions_of(text, names), "2016-05-29")
    assert (q.speaker.name, q.speaker.role) == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # Someone's office whatever title goes before the name; the words after "from" name who made a statement.
        (
            "Paul Ryan met him. House Speaker Paul Ryan's office said the meeting was set.",
            {"Paul Ryan": "PERSON"},
            "House Speaker Paul Ryan's office",
            ("Paul Ryan’s office", "ORG", None),
        ),
        (
            "Paul Ryan met him. A statement from Ryan's office said the meeting was set.",
            {"Paul Ryan": "PERSON", "Ryan": "PERSON"},
            "A statement from Ryan's office",
            ("Paul Ryan’s office", "ORG", None),
        ),
        # A body named by its initials is what a description of its kind names: "the bureau" is the FBI.
        ("The FBI opened a case in July. Months later, the bureau said it was closed.", {"FBI": "ORG"}, "the bureau", ("FBI", "ORG", None)),
        ("Ken Starr led Baylor University. The school said he would stay.", {"Ken Starr": "PERSON", "Baylor University": "ORG"}, "The school",
         ("Baylor University", "ORG", None)),
        # A name the recogniser typed ORG that ends in a title word is the organisation ("HuffPost Pollster").
        ("President Obama spoke. HuffPost Pollster, which aggregates polls, shows him ahead.", {"Obama": "PERSON", "HuffPost Pollster": "ORG"},
         "HuffPost Pollster", ("HuffPost Pollster", "ORG", None)),
        # Initials after a person's possessive are an organisation, not a titled person.
        ("Barack Obama spoke. President Barack Obama's DOJ said it would sue.", {"Barack Obama": "PERSON"}, "President Barack Obama's DOJ",
         ("DOJ", "ORG", None)),
        # An editor's brackets are no part of a name.
        ("Sanders asked for [Hillary] Clinton's records. [Hillary] Clinton said no.", {"Sanders": "PERSON", "[Hillary] Clinton": "PERSON"},
         "[Hillary] Clinton said", ("Hillary Clinton", "PERSON", None)),
    ],
)
def test_resolve_offices_bodies_and_names_typed_otherwise(text, names, source, expected):
    q = quote_at(text, source)
    q.sources[0] = Span.of(text, q.sources[0].start, q.sources[0].start + len(source.removesuffix(" said")))
    resolve_speakers(text, [q], mentions_of(text, names), "2016-05-06")
    assert (q.speaker.name, q.speaker.type, q.speaker.role) == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # An age stands for the person named last; a group is nobody in particular, whatever its adjective.
        ("English comedian Pete Seraf made the video. The 43-year-old said it was a joke.", {"Pete Seraf": "PERSON"}, "The 43-year-old",
         ("Pete Seraf", "PERSON")),
        ("Donald Trump leads. Both are viewed with suspicion by the Republican establishment.", {"Donald Trump": "PERSON"},
         "the Republican establishment", ("Republican establishment", "DESCRIPTION")),
        # A time word is no part of a head: "The party today" is the party named last.
        ("The Republican Party won in 1860. The party today says it is the party of Lincoln.", {"The Republican Party": "ORG"}, "The party today",
         ("Republican Party", "ORG")),
        # "the results of" a poll are the poll's.
        ("A new poll is out. The results of the latest Quinnipiac University poll show a tie.", {"Quinnipiac University": "ORG"},
         "The results of the latest Quinnipiac University poll", ("Quinnipiac University poll", "ORG")),
        # A bare title, then the name: that person ("a spokesman for ... Hillary Clinton" is someone else).
        ("The event began. Then master of ceremonies Asab Alt spoke.", {"Asab Alt": "PERSON"}, "master of ceremonies Asab Alt", ("Asab Alt", "PERSON")),
        ("Hillary Clinton spoke. A spokesman for Democratic candidate Hillary Clinton said more.", {"Hillary Clinton": "PERSON"},
         "A spokesman for Democratic candidate Hillary Clinton", ("spokesman for Democratic candidate Hillary Clinton", "DESCRIPTION")),
    ],
)
def test_resolve_ages_groups_times_and_bare_titles(text, names, source, expected):
    q = resolved(text, names, source, "2016-02-02")
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A pronoun is not the person its own clause names after it: "he told Hannity".
        (
            "“We will build a wall,” Trump added.\n\nSean Hannity asked Trump how high.\n\n“Very high,” he told Hannity.",
            {"Trump": "PERSON", "Sean Hannity": "PERSON", "Hannity": "PERSON"},
            "he",
            ("Donald Trump", "PERSON", None),
        ),
        # A poll named by initials the article spells out is that organisation's poll.
        (
            "The Public Policy Institute of California ran a survey. The PPIC poll found a tie.",
            {"The Public Policy Institute of California": "ORG", "PPIC": "ORG"},
            "The PPIC poll",
            ("Public Policy Institute of California poll", "ORG", None),
        ),
        # Lower-case words before "newspaper" name no paper; several committees are no one body.
        (
            "The Wall Street Journal wrote it. The conservative-leaning newspaper said so.",
            {"The Wall Street Journal": "ORG"},
            "The conservative-leaning newspaper",
            ("Wall Street Journal", "ORG", "conservative-leaning newspaper"),
        ),
        ("Two House Committees asked for more.", {"House": "ORG"}, "Two House Committees", ("House Committees", "DESCRIPTION", None)),
        # Roles: a duration and a place end no role; "and" joins roles with titles for heads only.
        (
            "Joe Biden, who served as a US senator for 36 years, spoke. Biden said more.",
            {"Joe Biden": "PERSON", "Biden": "PERSON"},
            "Biden",
            ("Joe Biden", "PERSON", "US senator"),
        ),
        (
            "Rob Cal, a radio host in Cape Breton, built the site. Cal said more.",
            {"Rob Cal": "PERSON", "Cal": "PERSON"},
            "Cal",
            ("Rob Cal", "PERSON", "radio host"),
        ),
    ],
)
def test_resolve_clauses_polls_and_roles_of_the_fifth_set(text, names, source, expected):
    q = quote_at(text, source, text.count(source) - 1)
    resolve_speakers(text, [q], mentions_of(text, names), "2016-08-25")
    assert (q.speaker.name, q.speaker.type, q.speaker.role) == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # "who" after a definite description: whom the description names.
        (
            "George W. Bush, the former president, campaigned. But Mr. Trump's words may have affected the former president, who spent days there.",
            {"George W. Bush": "PERSON", "Trump": "PERSON"},
            "who",
            "George W. Bush",
        ),
        # "who" after an apposition: not a person named before a name the recogniser missed.
        (
            "It got $250,000 from Will Ober, an investor who backed Jeb Bush, and $100,000 from Harlan Crow, a Texas developer, who had supported others.",
            {"Will Ober": "PERSON", "Jeb Bush": "PERSON"},
            "who",
            None,
        ),
        # ... but an organisation's capitalised words in an apposition are no one: the name before it.
        (
            "“You don't know,” said R. Gil Kerl, the United States Customs and Border Protection commissioner, who conceded it.",
            {"R. Gil Kerl": "PERSON", "United States Customs and Border Protection": "ORG"},
            "who",
            "R. Gil Kerl",
        ),
    ],
)
def test_resolve_relative_pronouns_after_descriptions(text, names, source, expected):
    at = word_at(text, source, -1)
    q = Quote("indirect", None, [Span.of(text, at, at + len(source))], [Span.of(text, 0, 1)])
    resolve_speakers(text, [q], mentions_of(text, names), "2016-03-22")
    assert (q.speaker.name if q.speaker else None) == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A candidate's team is the campaign.
        ("Republican nominee Donald Trump spoke. The Trump team said it would appeal.", {"Donald Trump": "PERSON", "Trump": "PERSON"},
         "The Trump team", ("Trump campaign", "ORG")),
        # The head ends before a participle: "The report published Tuesday" is the report's author's.
        ("An Associated Press report found many donors. The report published Tuesday said half met her.", {"Associated Press": "ORG"},
         "The report published Tuesday", ("Associated Press", "ORG")),
        # ... but not after a pronoun, nor at "named".
        ("Everyone I interviewed said the same.", {}, "Everyone I interviewed", ("Everyone I interviewed", "DESCRIPTION")),
        ("He met an even-then-famous New York City entrepreneur named Donald Trump. Trump said no.", {"Donald Trump": "PERSON", "Trump": "PERSON"},
         "an even-then-famous New York City entrepreneur named Donald Trump", ("Donald Trump", "PERSON")),
    ],
)
def test_resolve_teams_and_participles(text, names, source, expected):
    q = resolved(text, names, source, "2016-09-21")
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # What an organisation or a person publishes, its name right before the head.
        ("USA TODAY looked into it. USA TODAY's reporting found two donors.", {"USA TODAY": "ORG"}, "USA TODAY's reporting", ("USA TODAY", "ORG")),
        # "TODAY" in a name is no time word.
        ("Sansun USA sold it. USA TODAY said so.", {"Sansun USA": "ORG", "USA TODAY": "ORG"}, "USA TODAY", ("USA TODAY", "ORG")),
        ("Abdul Yild worked there. Yild's LinkedIn page says he was a manager.", {"Abdul Yild": "PERSON", "Yild": "PERSON"}, "Yild's LinkedIn page",
         ("Abdul Yild", "PERSON")),
        # The most mentioned person is not a lawmaker nobody calls them.
        ("Donald Trump spoke. Trump said more. Trump said it again. The lawmaker said Trump was unwelcome.", {"Donald Trump": "PERSON", "Trump": "PERSON"},
         "The lawmaker", ("lawmaker", "DESCRIPTION")),
        # A role that matches outranks the lede's next subject.
        (
            "Hillary Clinton is running. On Friday the Democratic presidential candidate said so. Mika Brez hosts the show.",
            {"Hillary Clinton": "PERSON", "Mika Brez": "PERSON"},
            "the Democratic presidential candidate",
            ("Hillary Clinton", "PERSON"),
        ),
    ],
)
def test_resolve_publications_and_descriptions_of_the_sixth_set(text, names, source, expected):
    q = resolved(text, names, source, "2016-02-26")
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A pronoun opening the main clause after a fronted one is the one person that clause names.
        (
            "Romney accused Barack Obama of bungling it. In an example of how sensitive Obama is about his legacy, he used the speech to answer.",
            {"Romney": "PERSON", "Barack Obama": "PERSON", "Obama": "PERSON"},
            "he",
            "Barack Obama",
        ),
        # A possessive in a sentence that names one person is theirs.
        (
            "Rep. Sean Duffy introduced Mike Pence. “ISIS could rise,” Duffy said. The causes are debated, and Pence is not alone in his contention.",
            {"Sean Duffy": "PERSON", "Mike Pence": "PERSON", "Duffy": "PERSON", "Pence": "PERSON"},
            "his",
            "Mike Pence",
        ),
    ],
)
def test_resolve_pronouns_in_the_sentence_of_one_person(text, names, source, expected):
    # Each quote where an article has it: the speaker quoted just before the pronoun is someone else.
    at = word_at(text, source, -1)
    q = Quote("indirect", None, [Span.of(text, at, at + len(source))], [Span.of(text, at + len(source) + 1, len(text))])
    said = re.search(r"(Duffy|Romney) (?:said|accused)", text)
    other = Quote("indirect", None, [Span.of(text, said.start(1), said.end(1))], [Span.of(text, said.end(), said.end() + 5)])
    resolve_speakers(text, [q, other], mentions_of(text, names), "2016-08-11")
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A site's name is an organisation; a possessive inside an organisation's name stays; "Staff" in a title is no name.
        ("GunBroker.com sold the gun.", {}, "GunBroker.com", ("GunBroker.com", "ORG")),
        ("Britain's Parliament debated it.", {"Britain": "GPE"}, "Britain's Parliament", ("Britain's Parliament", "ORG")),
        ("RNC Chief of Staff Katie Walsh said so.", {"RNC": "ORG"}, "RNC Chief of Staff Katie Walsh", ("Katie Walsh", "PERSON")),
    ],
)
def test_resolve_sites_possessive_names_and_titles(text, names, source, expected):
    q = resolved(text, names, source, "2016-05-26")
    assert (q.speaker.name, q.speaker.type) == expected


LETTERS = (
    "Trump claims he is worth $10 billion, Sen. Tom Hale said.\n\nTrump reminds me of a salesman, and I am not buying.\n\n"
    "Martin Litwak.\n\nOlympia, Wash.\n\nFACEBOOK.\n\nI think Trump will win anyway.\n\nErnie Helton.\n"
)
OPED = (
    "Government is collapsing around the world, Sen. Tom Hale said. This, I predict, will not end well.\n\n"
    "Glenn Harlan Reynolds, a University of Tennessee law professor, is a member of USA TODAY's Board of Contributors."
)


@pytest.mark.parametrize(
    ("text", "names", "source", "nth", "expected"),
    [
        # Letters to the editor: the first person is the signature that follows, not the person named last.
        (LETTERS, {"Tom Hale": "PERSON", "Martin Litwak": "PERSON", "Ernie Helton": "PERSON"}, "me", 0, ("Martin Litwak", None, "PERSON")),
        (LETTERS, {"Tom Hale": "PERSON", "Martin Litwak": "PERSON", "Ernie Helton": "PERSON"}, "I", 1, ("Ernie Helton", None, "PERSON")),
        # An op-ed's author line, whatever the recogniser took the name for.
        (OPED, {"Tom Hale": "PERSON", "Glenn Harlan Reynolds": "ORG"}, "I", 0,
         ("Glenn Harlan Reynolds", "University of Tennessee law professor", "PERSON")),
        (OPED, {"Tom Hale": "PERSON", "Glenn Harlan Reynolds": "PERSON"}, "I", 0,
         ("Glenn Harlan Reynolds", "University of Tennessee law professor", "PERSON")),
        # A column's headline that opens with its writer's name.
        ("Ann Coulter: And Then There Was the One.\n\nSen. Tom Hale spoke. I always hoped I’d see this once.", {"Tom Hale": "PERSON"}, "I", 0,
         ("Ann Coulter", None, "PERSON")),
        # No writer named: no one (not the senator).
        ("Sen. Tom Hale spoke in Iowa on Monday. I think he is wrong about taxes.", {"Tom Hale": "PERSON"}, "I", 0, None),
        ("Sen. Tom Hale spoke. I disagree with him.\n\nThe Heritage Foundation is a think tank in Washington.", {"Tom Hale": "PERSON"}, "I", 0, None),
    ],
)
def test_resolve_first_person_to_the_writer(text, names, source, nth, expected):
    at = word_at(text, source, nth)
    q = Quote("indirect", None, [Span.of(text, at, at + len(source))], [Span.of(text, at + len(source) + 1, at + len(source) + 8)])
    resolve_speakers(text, [q], mentions_of(text, names), "2016-06-07")
    got = (q.speaker.name, q.speaker.role, q.speaker.type) if q.speaker else None
    assert got == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # A relative pronoun after a group is no one's.
        ("Sen. Tom Hale spoke. More than half of the respondents who support Hale are young.", {"Tom Hale": "PERSON", "Hale": "PERSON"}, None),
        ("Tom Hale won, drawing the ire of lawmakers who thought he went too far.", {"Tom Hale": "PERSON"}, None),
        ("Gov. Tom Hale may have helped him persuade Sanders’ supporters who are skeptical.", {"Tom Hale": "PERSON"}, None),
        ("Tom Hale spoke to the 400 people who came out in 2008.", {"Tom Hale": "PERSON"}, None),
        ("Voters like Tom Hale, compared with 64 percent who say the same of Ann Ray.", {"Tom Hale": "PERSON", "Ann Ray": "PERSON"}, None),
        ("It will help candidates such as Marco Rubio and John Kasich, who show an understanding of economics.",
         {"Marco Rubio": "PERSON", "John Kasich": "PERSON"}, None),
        # A plural verb: a group ("such as Borders, who are drawn to him").
        ("Sanders courts younger voters such as Wayne Borders, who are drawn to his message.", {"Wayne Borders": "PERSON"}, None),
        # Two names joined with a past tense: the last one.
        ("Celebrities like Patti LaBelle and Stevie Wonder, who joked of the museum, came.",
         {"Patti LaBelle": "PERSON", "Stevie Wonder": "PERSON"}, "Stevie Wonder"),
        # "whose" alone is the name before it; "whose members" are a group.
        ("Unlike Ted Cruz, whose campaign collapsed, Kasich stayed in.", {"Ted Cruz": "PERSON", "Kasich": "PERSON"}, "Ted Cruz"),
        # A singular noun: the person.
        ("$100,000 came from Harlan Crow, a Texas real estate developer, who had supported Rubio.", {"Harlan Crow": "PERSON"}, "Harlan Crow"),
    ],
)
def test_resolve_who_after_a_group(text, names, expected):
    q = resolved(text, names, "whose" if "whose" in text else "who", "2016-05-26")
    assert (q.speaker.name if q.speaker else None) == expected


def test_resolve_whose_with_a_noun_is_a_group():
    text = "Donald Trump met the group, whose members said they were pleased."
    q = resolved(text, {"Donald Trump": "PERSON"}, "whose members", "2016-03-22")
    assert q.speaker.type == "DESCRIPTION"


def test_resolve_a_pronoun_never_means_a_letters_signature():
    text = ("Trump claims he is worth $10 billion.\n\nTrump reminds me of a salesman.\n\nErnie Helton.\n\n"
            "Everyone can see this guy is a fraud except his followers. He knows this scam will hurt him.")
    names = {"Trump": "PERSON", "Ernie Helton": "PERSON"}
    me, he = quote_at(text, "me"), quote_at(text, "He knows")
    he.sources = [Span.of(text, he.sources[0].start, he.sources[0].start + 2)]
    resolve_speakers(text, [me, he], mentions_of(text, names), "2016-06-07")
    assert (me.speaker.name, he.speaker.name) == ("Ernie Helton", "Donald Trump")


@pytest.mark.parametrize(
    ("text", "names", "source", "role"),
    [
        # A year or span of years after a role is no part of it.
        ("Ms. Brainard, a Fed governor  since 2014, has emerged as an advocate.", {"Brainard": "PERSON"}, "Ms. Brainard", "Fed governor"),
        ("Tom Hale, a Fed governor from 2010 to 2014, said so.", {"Tom Hale": "PERSON"}, "Tom Hale", "Fed governor"),
        # A role that ends in whom it served: the role before the preposition.
        ("“I don’t think so,” said Ari Fleischer, former White House press secretary to George W. Bush, who attended.",
         {"Ari Fleischer": "PERSON", "George W. Bush": "PERSON"}, "Ari Fleischer", "former White House press secretary"),
        ("“Be worried,” said Dr. Harold Varmus, the Nobel Prize-winning former NIH director under President Bill Clinton.",
         {"Harold Varmus": "PERSON", "Bill Clinton": "PERSON"}, "Dr. Harold Varmus", "Nobel Prize-winning former NIH director"),
        ("“Aim high,” said Gene B. Sperling, a former top economic adviser to President Bill Clinton and President Obama, who spoke.",
         {"Gene B. Sperling": "PERSON", "Bill Clinton": "PERSON", "Obama": "PERSON"}, "Gene B. Sperling", "former top economic adviser"),
        # A plural apposition given to one person is their role in the singular.
        ("Blair W. Effron and Robert A. Pruzan, the firm's co-founders, flanked him. Mr. Pruzan said so.",
         {"Blair W. Effron": "PERSON", "Robert A. Pruzan": "PERSON", "Pruzan": "PERSON"}, "Mr. Pruzan", "firm's co-founder"),
        ("Anna Palmer and Jake Sherman, two of the most aggressive and best-sourced reporters, will lead. Mr. Sherman said so.",
         {"Anna Palmer": "PERSON", "Jake Sherman": "PERSON", "Sherman": "PERSON"}, "Mr. Sherman", "most aggressive and best-sourced reporter"),
        # A place or an organisation the recogniser took for a person is no one the role served.
        ("“No,” said Sara Walker, 44, a home-care aide from Nashua who attended the rally.",
         {"Sara Walker": "PERSON", "Nashua": "PERSON"}, "Sara Walker", "home-care aide from Nashua"),
        ("“Tight,” said Dan Gerstein, director of Gotham Ghostwriters and an analyst in New York City.",
         {"Dan Gerstein": "PERSON", "Gotham Ghostwriters": "PERSON"}, "Dan Gerstein", "director of Gotham Ghostwriters"),
        # Occupations are roles.
        ("“It hurts,” said Alan Berger, a gynecologist from Englewood, New Jersey, who knows Trump.",
         {"Alan Berger": "PERSON"}, "Alan Berger", "gynecologist from Englewood"),
        ("County freeholder Ernest D. Coursey said it was important.", {"Ernest D. Coursey": "PERSON"}, "County freeholder Ernest D. Coursey",
         "County freeholder"),
        ('"We made mistakes," Maricopa County Recorder Helen Purcell said.', {"Helen Purcell": "PERSON"}, "Maricopa County Recorder Helen Purcell",
         "Maricopa County Recorder"),
        ("Leslie Feldman, 34, a plaintiff in the lawsuit, waited for hours.", {"Leslie Feldman": "PERSON"}, "Leslie Feldman", "plaintiff in the lawsuit"),
        ("“Hello,” said Eva Miller, a retired worker from a nuclear plant.", {"Eva Miller": "PERSON"}, "Eva Miller", "retired worker from a nuclear plant"),
        ("“No,” said Bree Maxwell, a 31-year-old Sanders volunteer in Richland County who goes to colleges.",  # an age is no part of it
         {"Bree Maxwell": "PERSON", "Sanders": "PERSON"}, "Bree Maxwell", "Sanders volunteer"),
        ("“Yes,” said Robert Stone, a 59-year-old from Hilton Head, South Carolina, who voted.", {"Robert Stone": "PERSON"}, "Robert Stone", None),
        ("Dave Hale, a speechwriter for the campaign, spoke.", {"Dave Hale": "PERSON"}, "Dave Hale", "speechwriter for the campaign"),

    ],
)
def test_resolve_roles_with_years_patrons_and_occupations(text, names, source, role):
    q = resolved(text, names, source, "2016-04-15")
    assert q.speaker.role == role


PAIR = "NEW YORK (AP) — Democratic presidential candidates Hillary Clinton and Bernie Sanders were on opposing sides of the issue."


@pytest.mark.parametrize(
    ("text", "names", "source", "role"),
    [
        # A plural title before coordinated names is each one's title, in the singular.
        (PAIR, {"Hillary Clinton": "PERSON", "Bernie Sanders": "PERSON"}, "Hillary Clinton", "Democratic presidential candidate"),
        (PAIR, {"Hillary Clinton": "PERSON", "Bernie Sanders": "PERSON"}, "Bernie Sanders", "Democratic presidential candidate"),
        # "under" a title: the person's title is the one after it.
        ("“Be worried,” said Dr. Harold Varmus, the former NIH director under President Bill Clinton.",
         {"Harold Varmus": "PERSON", "Bill Clinton": "PERSON"}, "Bill Clinton", "President"),
        ("Former under secretary Lael Brainard spoke.", {"Lael Brainard": "PERSON"}, "Lael Brainard", "Former under secretary"),
    ],
)
def test_resolve_plural_titles_and_titles_under_others(text, names, source, role):
    q = resolved(text, names, source, "2016-04-01")
    assert q.speaker.role == role


@pytest.mark.parametrize(
    ("text", "names", "source", "nth", "expected"),
    [
        # A family name written first: the article's later "Mr. Lou" and "Xi" are the person introduced in full.
        ("The finance minister, Lou Jiwei, suggested otherwise. Mr. Lou said the complaints were unfair.",
         {"Lou Jiwei": "PERSON", "Lou": "PERSON"}, "Mr. Lou", 0, ("Lou Jiwei", "finance minister")),
        ("In 2013, Chinese President Xi Jinping chose Astana. Xi said the road was open.",
         {"Xi Jinping": "PERSON", "Xi": "PERSON"}, "Xi said", 0, ("Xi Jinping", "Chinese President")),
        # A kinship word gives the gender a title would: "she" is not the husband named last.
        ("Rachel Berg, a philanthropist, spoke. Along with her husband, Milton Berg, a money manager, she has given to many candidates.",
         {"Rachel Berg": "PERSON", "Milton Berg": "PERSON"}, "she", 0, ("Rachel Berg", "philanthropist")),
    ],
)
def test_resolve_family_names_first_and_kinship(text, names, source, nth, expected):
    at = word_at(text, source, nth)
    end = at + len(source.split(" said")[0])
    q = Quote("indirect", None, [Span.of(text, at, end)], [Span.of(text, end + 1, end + 5)])
    resolve_speakers(text, [q], mentions_of(text, names), "2016-06-07")
    assert (q.speaker.name, q.speaker.role) == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # A definite description that names a person is the subject of its sentence; a pronoun after a clause
        # opener ("While") looks back to it, not to the person quoted last.
        ("The presumptive nominee, Donald Trump, spoke. “We pray for them,” Romney tweeted after the attack. Meanwhile, the current GOP nominee’s support "
         "is unprecedented. While he’s said marriage is between a man and a woman, he’s also feted gay friends.",
         {"Donald Trump": "PERSON", "Romney": "PERSON"}, "Donald Trump"),
        # A name that modifies a title is no subject: "Trump campaign spokesman Jason Miller told ...".
        ("Trump campaign spokesman Jason Miller told The Post that the policy would extend to single mothers. However, he could not explain it.",
         {"Trump": "PERSON", "Jason Miller": "PERSON"}, "Jason Miller"),
    ],
)
def test_resolve_pronouns_after_descriptions_and_clause_openers(text, names, expected):
    at = [m.start() for m in re.finditer(r"\bhe\b", text)][0]
    q = Quote("indirect", None, [Span.of(text, at, at + 2)], [Span.of(text, at + 3, at + 10)])
    said = re.search(r"(Romney) tweeted|(Jason Miller) told", text)
    k = 1 if said.group(1) else 2
    other = Quote("indirect", None, [Span.of(text, said.start(k), said.end(k))], [Span.of(text, said.end(), said.end() + 5)])
    resolve_speakers(text, [q, other], mentions_of(text, names), "2016-07-11")
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "role"),
    [
        # What the article says a person is or works as, where it gives no title.
        ("When Kashiya Nwanguma learned that Trump would campaign in Louisville, where she is a student, she printed signs. Ms. Nwanguma said so.",
         {"Kashiya Nwanguma": "PERSON", "Nwanguma": "PERSON", "Trump": "PERSON"}, "Ms. Nwanguma", "student"),
        ("Hillary Clinton spoke. Donors gave out of gratitude for her work as New York’s junior senator to rebuild the district. Clinton said so.",
         {"Hillary Clinton": "PERSON", "Clinton": "PERSON"}, "Clinton said", "New York’s junior senator"),
        ("Tom Hale was a lawyer in the private sector before he ran. Hale said so.", {"Tom Hale": "PERSON", "Hale": "PERSON"}, "Hale said", "lawyer"),
        ("The emails came while Hillary Clinton served as secretary of state. Clinton said so.",
         {"Hillary Clinton": "PERSON", "Clinton": "PERSON"}, "Clinton said", "secretary of state"),
        ("Tom Hale worked as a mail clerk in the 1990s. Hale said so.", {"Tom Hale": "PERSON", "Hale": "PERSON"}, "Hale said", "mail clerk"),
        # A term of office: "he won election to a second term as Chicago mayor", "his second term as governor".
        ("Rahm Emanuel may have thought the worst was over in April, when he won election to a second term as Chicago mayor. Emanuel said so.",
         {"Rahm Emanuel": "PERSON", "Emanuel": "PERSON"}, "Emanuel said", "Chicago mayor"),
        ("Tom Hale cut taxes in his second term as governor of Ohio. Hale said so.", {"Tom Hale": "PERSON", "Hale": "PERSON"},
         "Hale said", "governor of Ohio"),
        ("Tom Hale spoke. He criticized a term as broad as that. Hale said so.", {"Tom Hale": "PERSON", "Hale": "PERSON"}, "Hale said", None),
        # A title after the copula with no article; a participle after it is none ("has been running a campaign").
        ("Emanuel worked with Hillary Clinton when Clinton was Secretary of State. Clinton said so.",
         {"Emanuel": "PERSON", "Hillary Clinton": "PERSON", "Clinton": "PERSON"}, "Clinton said", "Secretary of State"),
        ("Hillary Clinton used a private server while she was secretary of state from 2009-2013. Clinton said so.",
         {"Hillary Clinton": "PERSON", "Clinton": "PERSON"}, "Clinton said", "secretary of state"),
        ("With Hillary Clinton serving as secretary of State at the time, Republicans saw a chance. Clinton said so.",
         {"Hillary Clinton": "PERSON", "Clinton": "PERSON"}, "Clinton said", "secretary of State"),
        ("Tom Hale has been running a flagrantly racist campaign. Hale said so.", {"Tom Hale": "PERSON", "Hale": "PERSON"}, "Hale said", None),
        ("Tom Hale met her while he was running for governor of Arkansas. Hale said so.", {"Tom Hale": "PERSON", "Hale": "PERSON"}, "Hale said", None),
        ("The move comes from Ann Ray. She’s a delegate from Ohio and a lawyer. Ray said so.",  # the copula contracted
         {"Ann Ray": "PERSON", "Ray": "PERSON"}, "Ray said", "delegate from Ohio"),
        ("Trump met Sadiq Khan. Khan, a Muslim, was elected as mayor of London last week. Khan said so.",
         {"Trump": "PERSON", "Sadiq Khan": "PERSON", "Khan": "PERSON"}, "Khan said", "mayor of London"),
        # A description in a double object: "give the billionaire candidate some of his own medicine".
        ("Marco Rubio mocked Donald Trump, and the senator felt he had to give the billionaire candidate some of his own medicine. Trump said no.",
         {"Marco Rubio": "PERSON", "Donald Trump": "PERSON", "Trump": "PERSON"}, "Trump said", "billionaire candidate"),
        # A role a sentence opens with: "As an investor in Valeant, Mr. Ackman ...".
        ("William A. Ackman lost money. As an investor in Valeant, Mr. Ackman lost more. Ackman said so.",
         {"William A. Ackman": "PERSON", "Ackman": "PERSON"}, "Ackman said", "investor"),
        ("Tom Hale spoke. A lawyer, Hale has long handed out copies of the Constitution. Hale said so.",
         {"Tom Hale": "PERSON", "Hale": "PERSON"}, "Hale said", "lawyer"),
        # "Another ...", "One ...", "A second ..." open a role set off before the name as "A ..." does; "One of ..." does not.
        ("Dick Dever spoke. Another delegate on the Cruz slate, Jim Poolman, said he was leaning Cruz.",
         {"Dick Dever": "PERSON", "Jim Poolman": "PERSON"}, "Jim Poolman", "delegate"),
        ("Dick Dever spoke. One delegate not on the Cruz slate, Kelly Schmidt, said she liked Trump.",
         {"Dick Dever": "PERSON", "Kelly Schmidt": "PERSON"}, "Kelly Schmidt", "delegate"),
        ("Dick Dever spoke. One of the authors of that report, Ari Fleischer, said he was wrong.",
         {"Dick Dever": "PERSON", "Ari Fleischer": "PERSON"}, "Ari Fleischer", None),
        ("Donald Trump spoke. The Republican Party’s presumed White House nominee, Trump has won the support of many. Trump said so.",
         {"Donald Trump": "PERSON", "Trump": "PERSON"}, "Trump said", "Republican Party’s presumed White House nominee"),
        ("Tom Hale spoke. A day later, Hale left. Hale said so.", {"Tom Hale": "PERSON", "Hale": "PERSON"}, "Hale said", None),
        # A title the article gives wins; a party is no role; a predicate with no title word is none.
        ("Sen. Tom Hale, who is a lawyer, spoke. Hale said so.", {"Tom Hale": "PERSON", "Hale": "PERSON"}, "Hale said", "Senator"),
        ("Ann Ray spoke in Ohio. She is a Democrat. Ray said so.", {"Ann Ray": "PERSON", "Ray": "PERSON"}, "Ray said", None),
        ("Ann Ray spoke in Ohio. She is a serial liar. Ray said so.", {"Ann Ray": "PERSON", "Ray": "PERSON"}, "Ray said", None),
        # Whom another's role served is given no part of it: "for Mrs. Clinton" is no place of a title.
        ("Neera Tanden, a former campaign worker for Mrs. Clinton, spoke. Clinton said so.",
         {"Neera Tanden": "PERSON", "Clinton": "PERSON"}, "Clinton said", None),
    ],
)
def test_resolve_roles_from_predicates(text, names, source, role):
    q = said(text, names, source, "2016-03-12")
    assert q.speaker.role == role


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A headline's description names the person of the body whose role it gives.
        ("London's Muslim mayor rebuffs Trump\n\nDonald Trump made an offer. Sadiq Khan was elected as mayor of London last week. Khan said no.",
         {"Donald Trump": "PERSON", "Sadiq Khan": "PERSON", "Khan": "PERSON"}, "London's Muslim mayor", ("Sadiq Khan", "PERSON")),
        # What a person said or wrote, named by their possessive: theirs.
        ("Sen. Tom Hale spoke in Iowa. Tom Hale’s anti-Muslim rhetoric drew protests.", {"Tom Hale": "PERSON"}, "Tom Hale’s anti-Muslim rhetoric",
         ("Tom Hale", "PERSON")),
    ],
)
def test_resolve_headline_descriptions_and_what_people_said(text, names, source, expected):
    at = text.rindex(source) if "rhetoric" in source else text.index(source)
    q = Quote("indirect", None, [Span.of(text, at, at + len(source))], [Span.of(text, at, at + 3)])
    resolve_speakers(text, [q], mentions_of(text, names), "2016-05-11")
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A definite description by a generic person noun: the person named last, of the gender it gives.
        ("David Seacord parked his bike at Washington and Broad Streets, ahead of protesters heading to FDR park. "
         "The 68-year-old Oregon native drove from the West Coast.",
         {"David Seacord": "PERSON", "Broad Streets": "PERSON", "FDR": "PERSON"}, "The 68-year-old Oregon native", "David Seacord"),
        ("Joe Biden spoke in Scranton. Ann Ray listened. “That’s Hillary Clinton,” said the man who built his career on it.",
         {"Joe Biden": "PERSON", "Ann Ray": "PERSON", "Hillary Clinton": "PERSON"}, "the man who built his career on it", "Joe Biden"),
        # A place named after a person is no one: "Kennedy airport"; a surname that is a place word still names a person.
        ("Arsenio Hall flew in to Kennedy airport on Monday. Hall said it was late.", {"Arsenio Hall": "PERSON", "Hall": "PERSON", "Kennedy": "PERSON"},
         "Hall said", "Arsenio Hall"),
    ],
)
def test_resolve_generic_descriptions_and_places(text, names, source, expected):
    q = said(text, names, source, "2016-07-26")
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A description naming a party is no one of the other party.
        ("Donald Trump spoke on CBS. The GOP front-runner said Democratic front-runner Hillary Clinton caused death.",
         {"Donald Trump": "PERSON", "Hillary Clinton": "PERSON"}, "The GOP front-runner", ("Donald Trump", "GOP front-runner")),
        # A compound's title is its head: a nominee-in-waiting is a nominee, and a role.
        ("Now that it is game on with Hillary Clinton, Donald Trump will try another pivot. The Republican nominee-in-waiting will seek unity.",
         {"Donald Trump": "PERSON", "Hillary Clinton": "PERSON"}, "The Republican nominee-in-waiting", ("Donald Trump", "Republican nominee-in-waiting")),
    ],
)
def test_resolve_parties_and_compound_titles(text, names, source, expected):
    q = resolved(text, names, source, "2016-01-04")
    assert (q.speaker.name, q.speaker.role) == expected


def test_resolve_a_name_in_quotation_marks():
    text = "'SNL' has fun with Clinton\n\nThe show aired on Saturday. SNL writers said so."
    q = resolved(text, {"SNL": "ORG"}, "'SNL'", "2016-04-10")
    assert (q.speaker.name, q.speaker.type) == ("SNL", "ORG")


@pytest.mark.parametrize(
    ("text", "names", "source", "role"),
    [
        # A preposition before a title is no part of it.
        ("Hillary Clinton threw her weight behind President Barack Obama’s advice. Obama said so.",
         {"Hillary Clinton": "PERSON", "Barack Obama": "PERSON", "Obama": "PERSON"}, "Obama said", "President"),
        # A participle opening a sentence is no one ("Conceding that ..."): the pronoun is the person named before.
        ("President Barack Obama spoke in London. Conceding that the choice was theirs, he urged Britons to stay. Obama said so.",
         {"Barack Obama": "PERSON", "Conceding": "PERSON", "Obama": "PERSON"}, "he", "President"),
    ],
)
def test_resolve_prepositions_and_participles(text, names, source, role):
    at = re.search(rf"\b{source}\b", text).start()
    end = at + len(source.removesuffix(" said"))
    q = Quote("indirect", None, [Span.of(text, at, end)], [Span.of(text, end, end + 3)])
    resolve_speakers(text, [q], mentions_of(text, names), "2016-04-23")
    assert (q.speaker.name, q.speaker.role) == ("Barack Obama", role)


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A sentence's first word the recogniser took into a name is no part of it.
        ("Ann Coulter wrote a column. Maybe Trump is the one. Trump said so.", {"Ann Coulter": "PERSON", "Maybe Trump": "PERSON", "Trump": "PERSON"},
         "Trump said", ("Donald Trump", "PERSON")),
        ("Ann Coulter wrote a column. Maybe Trump is the Manchurian Candidate. Trump said so.",
         {"Ann Coulter": "PERSON", "Maybe Trump": "PERSON", "Trump": "PERSON"}, "Trump said", ("Donald Trump", "PERSON")),
        # A wrong quotation mark for an apostrophe is still a possessive.
        ("Donald Trump‘s comments drew fire. Trump said so.", {"Donald Trump‘s": "PERSON", "Trump": "PERSON"}, "Trump said", ("Donald Trump", "PERSON")),
        # An acronym is no surname; a name is no youth wing's.
        ("Members of the Junge SVP marched. The SVP has used this to launch initiatives.", {"Junge SVP": "PERSON", "SVP": "PERSON"},
         "The SVP", ("SVP", "ORG")),
        # An outlet's person is a person, its name written after the outlet's.
        ("Kasich appeared with Fox News Sean Hannity on Thursday. Hannity said so.", {"Fox News Sean Hannity": "ORG", "Hannity": "PERSON"},
         "Hannity said", ("Sean Hannity", "PERSON")),
        # An outlet's person is a person.
        ("As Commentary’s Noah Rothman noted, the race is open.", {"Commentary’s Noah Rothman": "ORG"}, "Commentary’s Noah Rothman",
         ("Noah Rothman", "PERSON")),
    ],
)
def test_resolve_names_the_recogniser_garbled(text, names, source, expected):
    q = said(text, names, source, "2016-05-04")
    assert (q.speaker.name, q.speaker.type) == expected
    assert q.speaker.role is None  # the title of a work ("the Manchurian Candidate") is no role


ZELDIN = ("Republican Rep. Lee Zeldin of New York, a Trump supporter, said it will help.\n\n“It helps,” he said outside the building.\n\n"
          "On the eve of the meetings, Trump eased his defiant tone. Asked on Fox News who leads the party, he said Ryan.")


@pytest.mark.parametrize(
    ("source", "nth", "expected"),
    [
        # A person's name, then where they are from, after a party's name.
        ("Republican Rep. Lee Zeldin of New York", 0, "Lee Zeldin"),
        # A pronoun opening the main clause after a fronted phrase naming no one: the subject of the sentence before,
        # itself after a fronted phrase ("On the eve of the meetings, Trump ..."), not the person quoted last.
        ("he", 1, "Donald Trump"),
    ],
)
def test_resolve_fronted_phrases_and_places_after_names(source, nth, expected):
    names = {"Lee Zeldin": "PERSON", "New York": "GPE", "Trump": "PERSON", "Ryan": "PERSON", "Fox News": "ORG"}
    starts = [m.start() for m in re.finditer(rf"\b{source}\b", ZELDIN)]
    zeldin = Span.of(ZELDIN, 0, len("Republican Rep. Lee Zeldin of New York"))
    first_he = Span.of(ZELDIN, starts[0], starts[0] + 2) if source == "he" else None
    quotes = [Quote("indirect", None, [zeldin], [Span.of(ZELDIN, 70, 80)])]
    if first_he is not None:
        quotes.append(Quote("direct", None, [first_he], [Span.of(ZELDIN, first_he.start - 14, first_he.start - 3)]))
        target = Quote("indirect", None, [Span.of(ZELDIN, starts[nth], starts[nth] + 2)], [Span.of(ZELDIN, starts[nth] + 8, starts[nth] + 12)])
        quotes.append(target)
    else:
        target = quotes[0]
    resolve_speakers(ZELDIN, quotes, mentions_of(ZELDIN, names), "2016-05-12")
    assert target.speaker.name == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("visiting fellow at the Brookings Institution", "visiting fellow at the Brookings Institution"),  # a participle that modifies a title
        ("acting director", "acting director"),
        ("professor and visiting scholar", "professor and visiting scholar"),
        # ... and one that can, after the head with no head after it, starts a clause too
        ("Iranian journalist visiting Nice on vacation", "Iranian journalist"),
        ("Democratic pollster working for Priorities USA", "Democratic pollster"),  # a participle after the head starts a clause
        ("former Vermont Democratic governor challenged by Sanders in 1986", "former Vermont Democratic governor"),
        ("lawyer based in Ohio", "lawyer"),  # ... whose complement the tail took first
        ("Iowa Republican operative unaligned in 2016", "Iowa Republican operative"),  # a modifier before a head, a participle after it
        ("senator elected in 2010", "senator"),
        ("unaligned delegate", "unaligned delegate"),
        ("Republican nominee-in-waiting", "Republican nominee-in-waiting"),  # a compound is no participle
        ("wealthy industrialist", "wealthy industrialist"),
        ("underscoring party divisions over a nominee", None),
        ("plumbing contractor", "plumbing contractor"),  # a word in -ing before a person's word modifies it
        ("IT professional from Seattle", "IT professional from Seattle"),
    ],
)
def test_clean_role_participles(role, expected):
    assert clean_role(role) == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A poll is named by all who ran it ("Reuters/Ipsos") and the word the article calls it by ("survey" too).
        ("Sanders leads in a Reuters/Ipsos poll released Monday.", {"Reuters": "ORG"}, "a Reuters/Ipsos poll", "Reuters/Ipsos poll"),
        ("A recent survey by Comcast Xfinity found that viewers stayed.", {"Comcast Xfinity": "ORG"}, "A recent survey by Comcast Xfinity",
         "Comcast Xfinity survey"),
        ("A new CNN/ORC poll shows a tie.", {"ORC": "ORG"}, "A new CNN/ORC poll", "CNN/ORC poll"),
        # What a person plans is theirs.
        ("Hillary Clinton spoke in Ohio. Her “clawback” plan would take back bonuses.", {"Hillary Clinton": "PERSON"}, "Her “clawback” plan",
         "Hillary Clinton"),
    ],
)
def test_resolve_polls_named_as_written_and_plans(text, names, source, expected):
    q = resolved(text, names, source, "2016-08-16")
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # Several speakers are none of them alone.
        ("Playbook changes hands.\n\nAnna Palmer and Jake Sherman will write it. Both Palmer and Sherman said so.",
         {"Anna Palmer": "PERSON", "Jake Sherman": "PERSON", "Palmer": "PERSON", "Sherman": "PERSON"}, "Both Palmer and Sherman",
         ("Both Palmer and Sherman", "DESCRIPTION")),
        ("Trump, Ryan pledge to work together\n\nDonald Trump met Paul Ryan on Thursday.", {"Donald Trump": "PERSON", "Paul Ryan": "PERSON"},
         "Trump, Ryan", ("Trump, Ryan", "DESCRIPTION")),
        # A familiar first name is the person the article names in full ("Mike" for Mike Allen).
        ("Playbook changes hands.\n\nMike Allen built it. They are aware of Mike’s talent, and Mike said so.", {"Mike Allen": "PERSON", "Mike": "PERSON"},
         "Mike said", ("Mike Allen", "PERSON")),
    ],
)
def test_resolve_several_speakers_and_first_names(text, names, source, expected):
    q = said(text, names, source, "2016-07-11")
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        # An organisation's name the recogniser missed, by the word that names it as one.
        ("Ferguson was not among the cities. The report by the Department of Justice found otherwise.", "the Department of Justice",
         ("Department of Justice", "ORG")),
        ("Turnout rose, the Florida Department of State said on Monday.", "the Florida Department of State", ("Florida Department of State", "ORG")),
    ],
)
def test_resolve_organisations_the_recogniser_missed(text, source, expected):
    q = resolved(text, {}, source, "2016-03-17")
    assert (q.speaker.name, q.speaker.type) == expected


def test_resolve_census_first_names_give_gender():
    # "Brett" and "Harlan" are in the Census lists only: "she" is not Brett O'Donnell, "who" after Harlan Crow is him.
    from quotegraph.speakers.names import lexicon

    assert {"brett", "harlan", "todd"} <= lexicon().male and "lou" not in lexicon().male | lexicon().female  # unisex: no gender
    text = "Karen Robison spoke first. Brett O’Donnell, a strategist, agreed. “It was hard,” she said."
    q = resolved(text, {"Karen Robison": "PERSON", "Brett O’Donnell": "PERSON"}, "she", "2016-01-27")
    assert q.speaker.name == "Karen Robison"


def test_resolve_a_source_naming_a_department_before_the_person():
    text = "Few unions held out, UMWA Director of Government Affairs Phil Smith told POLITICO."
    q = resolved(text, {"UMWA": "ORG", "Phil Smith": "PERSON", "POLITICO": "ORG"}, "UMWA Director of Government Affairs Phil Smith", "2016-06-10")
    assert (q.speaker.name, q.speaker.role) == ("Phil Smith", "UMWA Director of Government Affairs")


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A people is a group, no paper: "The Iranians", "The Saudis".
        ("Talks resumed in Vienna. The Iranians said they would not yield.", {"Iranians": "NORP"}, "The Iranians", "DESCRIPTION"),
        ("The memo reached Congress. The Saudis deny any role.", {"Saudis": "NORP"}, "The Saudis", "DESCRIPTION"),
        # A paper the recogniser took for a people is still a paper.
        ("The county voted. The Tennessean first reported the count.", {"Tennessean": "NORP"}, "The Tennessean", "ORG"),
    ],
)
def test_resolve_peoples_and_papers(text, names, source, expected):
    q = resolved(text, names, source, "2016-05-19")
    assert q.speaker.type == expected


@pytest.mark.parametrize(
    ("text", "names", "published", "expected"),
    [
        # "the administration": the president's in office that year, where the article names him ...
        ("President Barack Obama spoke on Monday. The rule, the administration said, takes effect in May.", {"Barack Obama": "PERSON"},
         "2016-05-02", ("Obama administration", "ORG")),
        # ... or the one the article names.
        ("The Bush administration wrote the rule. Later the administration said it would stay.", {}, "2016-05-02", ("Bush administration", "ORG")),
        # No president in office: no one.
        ("Donald Trump spoke on Monday. The rule, the administration said, takes effect in May.", {"Donald Trump": "PERSON"}, "2015-11-24",
         ("administration", "DESCRIPTION")),
    ],
)
def test_resolve_the_administration(text, names, published, expected):
    q = resolved(text, names, "the administration", published)
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A description, then the name after a comma: the name, even with a person's thing in the description.
        ("Cruz won the slate. Another delegate on the Cruz slate, Jim Poolman, said he backs Cruz.", {"Cruz": "PERSON", "Jim Poolman": "PERSON"},
         "Another delegate on the Cruz slate, Jim Poolman", "Jim Poolman"),
        ("Obama spoke. A former Republican presidential candidate -- John McCain -- disagreed.", {"Obama": "PERSON", "John McCain": "PERSON"},
         "A former Republican presidential candidate -- John McCain", "John McCain"),
    ],
)
def test_resolve_the_name_after_a_description(text, names, source, expected):
    q = resolved(text, names, source, "2016-04-03")
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # "Post" in an outlet's name is no blog post: the person it employs, named after it, speaks.
        ("He spoke. Washington Post columnist Margaret Sullivan wrote that it was wrong.", {"Washington Post": "ORG", "Margaret Sullivan": "PERSON"},
         "Washington Post columnist Margaret Sullivan", ("Margaret Sullivan", "PERSON", "Washington Post columnist")),
        ("He spoke. Post Editor-in-Chief Martin Baron said so.", {"Post": "ORG", "Martin Baron": "PERSON"}, "Post Editor-in-Chief Martin Baron",
         ("Martin Baron", "PERSON", "Post Editor-in-Chief")),
        # ... and "The Post" alone is the paper.
        ("The Washington Post reported it on Monday. The Post said so.", {"Washington Post": "ORG", "Post": "ORG"}, "The Post",
         ("Washington Post", "ORG", None)),
    ],
)
def test_resolve_an_outlets_people(text, names, source, expected):
    q = resolved(text, names, source, "2016-05-12") if source != "The Post" else said(text, names, "The Post said", "2016-05-12")
    assert (q.speaker.name, q.speaker.type, q.speaker.role) == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A person, then where they work or come from: the person.
        ("Taxes rose. James Pethokoukis of the American Enterprise Institute said so.", {"James Pethokoukis": "PERSON", "American Enterprise Institute": "ORG"},
         "James Pethokoukis of the American Enterprise Institute", "James Pethokoukis"),
        ("Turnout fell, said political scientist Dossym Satpayev in Almaty.", {"Dossym Satpayev": "PERSON", "Almaty": "GPE"},
         "political scientist Dossym Satpayev in Almaty", "Dossym Satpayev"),
        ("He wrote to my friend Andy McCarthy at the National Review.", {"Andy McCarthy": "PERSON", "National Review": "ORG"},
         "my friend Andy McCarthy at the National Review", "Andy McCarthy"),
    ],
)
def test_resolve_a_person_then_where_they_work(text, names, source, expected):
    q = resolved(text, names, source, "2016-02-03")
    assert (q.speaker.name, q.speaker.type) == (expected, "PERSON")


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # Two roles joined by "and" before one name are one person's, whatever names the first role ("English", "USA TODAY").
        ("The voice was uncanny, said English comedian and actor Peter Serafinowicz.", {"English": "NORP", "Peter Serafinowicz": "PERSON"},
         "English comedian and actor Peter Serafinowicz", ("Peter Serafinowicz", "PERSON")),
        ("Rates rose, wrote USA TODAY contributor and monetary historian David Marsh.", {"USA TODAY": "ORG", "David Marsh": "PERSON"},
         "USA TODAY contributor and monetary historian David Marsh", ("David Marsh", "PERSON")),
        # Two who speak are several: "The Clinton campaign and DNC", "Sanders and Clinton".
        ("The Clinton campaign and DNC declined to comment.", {"Clinton": "PERSON", "DNC": "ORG"}, "The Clinton campaign and DNC",
         ("Clinton campaign and DNC", "DESCRIPTION")),
    ],
)
def test_resolve_joined_roles_and_several_speakers(text, names, source, expected):
    q = resolved(text, names, source, "2015-12-16")
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A headline's words before a name the body gives in full are no part of it.
        ("Liberal Oscar-winner Sarandon stays out\n\nThe actress Susan Sarandon will not back Hillary Clinton.",
         {"Liberal Oscar-winner Sarandon": "PERSON", "Susan Sarandon": "PERSON", "Hillary Clinton": "PERSON"}, "Liberal Oscar-winner Sarandon",
         "Susan Sarandon"),
        # ... but a first name is never dropped: Bill Clinton is no Hillary Clinton.
        ("Bill Clinton spoke\n\nHillary Clinton spoke in Iowa on Monday.", {"Bill Clinton": "PERSON", "Hillary Clinton": "PERSON"}, "Bill Clinton",
         "Bill Clinton"),
    ],
)
def test_resolve_words_before_a_known_name(text, names, source, expected):
    q = resolved(text, names, source, "2016-03-29")
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "They": the organisation quoted last, if recent ...
        ("Verizon said it was proud of its staff. They also said the deal was fair.", "Verizon"),
        # ... unless a group of people is named since, in its sentence or the one before: the group, no one of it.
        ("Verizon said it was proud of its staff. Workers objected to the moves. They also said the deal was unfair.", None),
        ("Verizon said it was proud of its staff. Democratic superdelegates met. They also said the deal was unfair.", None),
        # a plural in "-ees" names people, whatever the lexicon lists ("attendees", "retirees"; not "fees")
        ("Verizon said it was proud of its staff. The attendees at the party are skeptical. They also booed.", None),
        ("Verizon said it was proud of its staff. The fees at the party are high. They also said the deal was fair.", "Verizon"),
        # A capitalised plural inside a sentence is a name's ("Republicans"), no group the pronoun follows.
        ("Verizon said it was proud of its staff. The deal that Republicans want is fair. They also said so.", "Verizon"),
    ],
)
def test_resolve_they_is_a_group_named_since_the_organisation(text, expected):
    ents = {"Verizon": "ORG"}
    org = quote_at(text, "Verizon")
    they = quote_at(text, "They")
    resolve_speakers(text, [org, they], mentions_of(text, ents), "2016-05-29")
    got = they.speaker.name if they.speaker is not None and they.speaker.type != "DESCRIPTION" else None
    assert got == expected


@pytest.mark.parametrize(
    ("text", "ents", "source", "expected"),
    [
        # "which" / "that" after a name: the organisation it names ...
        ("The profile ran in the Daily Beast, which reported that he was angry.", {"the Daily Beast": "ORG"}, "which", "Daily Beast"),
        ("Thiel differs from the Republican National Committee’s platform planks that support the rights of parents.",
         {"the Republican National Committee’s": "ORG"}, "that", "Republican National Committee"),
        # ... not a place that modifies the noun the clause is about, nor a place before a restrictive "that".
        ("A trial is set for the Wisconsin lawsuit, which challenges the voter ID law.", {"Wisconsin": "GPE"}, "which", None),
        ("The PAC answered an ad targeting Iowa that attacks Clinton as a tool of Wall Street.", {"Iowa": "GPE"}, "that", None),
    ],
)
def test_resolve_relative_pronoun_names_the_organisation_before_it(text, ents, source, expected):
    q = resolved(text, ents, source, "2016-04-15")
    got = q.speaker.name if q.speaker is not None and q.speaker.type != "DESCRIPTION" else None
    assert got == expected


@pytest.mark.parametrize(
    "text, names, source, expected",
    [
        # A description after a phrase that opens the sentence and ends in a name is no apposition of that name.
        (
            "Clinton says Trump is mean.\n\nHillary Clinton spoke on Friday. In an interview with Morning Joe hosts Joe Scar and "
            "Mika Brez, the Democratic presidential candidate stated that Trump was mean.",
            {"Hillary Clinton": "PERSON", "Clinton": "PERSON", "Trump": "PERSON", "Joe Scar": "PERSON", "Mika Brez": "PERSON"},
            "the Democratic presidential candidate",
            ("Hillary Clinton", "Democratic presidential candidate"),
        ),
        # A campaign described by its candidate is no person ("the campaign of the former senator").
        (
            "Rick Santo turned his sights on Cruz. Senator Marco Rubio spoke. And Santo turned on Cruz, with the campaign "
            "of the former senator from Pennsylvania saying Cruz was weak.",
            {"Rick Santo": "PERSON", "Santo": "PERSON", "Cruz": "PERSON", "Marco Rubio": "PERSON"},
            "the campaign of the former senator from Pennsylvania",
            ("campaign of the former senator from Pennsylvania", None),
        ),
    ],
)
def test_resolve_descriptions_after_a_fronted_phrase_and_of_a_campaign(text, names, source, expected):
    sp = resolved(text, names, source, "2016-02-26").speaker
    assert (sp.name, sp.role) == expected


def test_resolve_a_role_of_whom_one_stands_against_gives_way_to_any_other():
    text = ("Cruz attacked Senate colleague and campaign rival Marco Rubio on Friday. Rubio said it was sad. Later the "
            "Florida senator said more.")
    names = {"Cruz": "PERSON", "Marco Rubio": "PERSON", "Rubio": "PERSON"}
    q1, q2 = quote_at(text, "Rubio", 1), quote_at(text, "the Florida senator")
    resolve_speakers(text, [q1, q2], mentions_of(text, names), "2015-11-13")
    assert (q1.speaker.name, q1.speaker.role) == ("Marco Rubio", "Florida senator")


@pytest.mark.parametrize(
    "text, names, source, role",
    [
        # A plural role set off by commas from two names joined by "and" is each one's.
        (
            "Blair Effa and Robert Pruza, the firm's co-founders, flanked Mr. Rubin. Mr. Effa said it works.",
            {"Blair Effa": "PERSON", "Robert Pruza": "PERSON", "Rubin": "PERSON", "Effa": "PERSON"},
            "Mr. Effa",
            "firm's co-founder",
        ),
        (
            "The team is led by two former data strategists, Matt Bray and Witold Chra, and others. Bray said it works.",
            {"Matt Bray": "PERSON", "Witold Chra": "ORG", "Bray": "PERSON"},
            "Bray",
            "former data strategist",
        ),
        # A singular one is the last name's alone; a party is no role.
        (
            "Blair Effa and Robert Pruza, the firm's founder, met Mr. Rubin. Mr. Effa said it works.",
            {"Blair Effa": "PERSON", "Robert Pruza": "PERSON", "Rubin": "PERSON", "Effa": "PERSON"},
            "Mr. Effa",
            None,
        ),
        (
            "The race tightened between Republicans, Donald Trum and Ted Cru, this week. Cru said it works.",
            {"Donald Trum": "PERSON", "Ted Cru": "PERSON", "Cru": "PERSON"},
            "Cru",
            None,
        ),
        # A description a comma ends is a role the article gives; one that ends a sentence may say what someone would be.
        (
            "Donald Trump spoke. \"It works,\" said the New York businessman, who campaigned Monday. Trump said more.",
            {"Donald Trump": "PERSON", "Trump": "PERSON"},
            "Trump said"[:5],
            "New York businessman",
        ),
        (
            "Hillary Clint spoke. Stephanopoulos asked whether she would pick a woman should she be the nominee. Clint said no.",
            {"Hillary Clint": "PERSON", "Clint": "PERSON", "Stephanopoulos": "PERSON"},
            "Clint said"[:5],
            None,
        ),
    ],
)
def test_resolve_roles_of_pairs_and_of_descriptions_a_comma_ends(text, names, source, role):
    q = resolved(text, names, source, "2016-01-26", -1)
    assert q.speaker.role == role


def test_resolve_a_description_past_the_lede_is_not_someone_named_only_after_it():
    # "The candidate" is Kasich, whom the article is about, not Trump, whom the public-figures table calls a candidate
    # and the article names only later.
    text = ("Kasich Reveals His Plan.\n\nOhio Gov. John Kasich received a warm reception on Friday. Hannity asked Kasich "
            "about his path.\n\nThe candidate said he does not believe any rival will win. Donald Trump, with 329 delegates, "
            "needs more delegates.")
    names = {"John Kasich": "PERSON", "Kasich": "PERSON", "Hannity": "PERSON", "Donald Trump": "PERSON"}
    assert resolved(text, names, "The candidate", "2016-03-04").speaker.name == "John Kasich"


def test_resolve_a_mention_of_nothing_but_spaces_names_no_one():
    # A recogniser's mention over blank lines (found by the fuzz test): "which" after it is no organisation named "".
    text = "Sen. Sen. Sen. Sen. Sen. \n\n \n\n which"
    q = quote_at(text, "\n\n \n\n which")
    resolve_speakers(text, [q], [Mention(25, 27, "ORG")], None)
    assert q.speaker is None


@pytest.mark.parametrize(
    "text, names, source, expected",
    [
        # An acronym is what the article says it stands for, in any language's letters.
        (
            "In the 1990s, the conservative Swiss People’s Party, or SVP, rose. Later the SVP said it would win.",
            {"Swiss People’s Party": "ORG", "SVP": "ORG"},
            "the SVP",
            "Swiss People’s Party",
        ),
        (
            "The watchdog group Citizens for Responsibility and Ethics in Washington (CREW) asked. CREW said it was ignored.",
            {"CREW": "ORG"},  # the recogniser missed the full name
            "CREW said"[:4],
            "Citizens for Responsibility and Ethics in Washington",
        ),
    ],
)
def test_resolve_an_acronym_is_what_the_article_says_it_stands_for(text, names, source, expected):
    q = resolved(text, names, source, "2016-03-21", -1)
    assert q.speaker.name == expected


def test_resolve_a_shared_surname_is_whom_the_article_named_in_full_before_it():
    # The public-figures table gives "Bush" alone to George W. Bush; after "Jeb Bush", "Mr. Bush" is Jeb, even where a
    # bare "Bush" (a headline's) came first and George W. Bush is named later.
    text = ("The party of Bush yields.\nThe party of Bush.\n\nAfter Jeb Bush's exit, the party is adrift. Mr. Bush, the former "
            "governor of Florida, had been the favorite. The party of George W. Bush is now Trump's.")
    names = {"Bush": "PERSON", "Jeb Bush": "PERSON", "Mr. Bush": "PERSON", "George W. Bush": "PERSON"}
    sp = resolved(text, names, "Mr. Bush", "2016-02-22").speaker
    assert (sp.name, sp.role) == ("Jeb Bush", "former governor of Florida")


def test_resolve_a_name_that_modifies_a_plural_of_people_takes_no_title_before_it():
    text = "Trump is surrounded by veteran Clinton haters. Hillary Clinton said she was ready. Clinton said more."
    q = resolved(text, {"Trump": "PERSON", "Hillary Clinton": "PERSON", "Clinton": "PERSON"}, "Clinton", "2016-09-01", 2)
    assert (q.speaker.name, q.speaker.role) == ("Hillary Clinton", None)


@pytest.mark.parametrize(
    "text, source, role",
    [
        # An organisation's apposition with an initialism in it, and a participle before its head ("banking").
        ("FDIC accused.\n\nThe FDIC, a major U.S. banking regulator which keeps data on banks, said it was hacked.",
         "The FDIC", "major U.S. banking regulator"),
        ("Tax works.\n\nThe price rose. Teck, the Canadian mining company, says it pays more.", "Teck", "Canadian mining company"),
        ("Donors sit out.\n\nDonors, targeted by a civil rights advocacy group called Color of Change, left. Color of Change said so.",
         "Color of Change said"[:15], "civil rights advocacy group"),
    ],
)
def test_resolve_an_organisations_role_from_its_apposition(text, source, role):
    q = quote_at(text, source, -1)
    name = source.removeprefix("The ")
    resolve_speakers(text, [q], mentions_of(text, {name: "ORG"}), "2016-07-14")
    assert (q.speaker.type, q.speaker.role) == ("ORG", role)


def test_resolve_an_indefinite_description_is_the_one_named_later_with_its_title():
    text = ("Report on donors.\n\nWASHINGTON, Aug. 24 (UPI) — A spokesman for Democratic presidential candidate Hillary Clint called the "
            "report misleading. The campaign disputed it.\n\nClint campaign spokesman Brian Fall said on Tuesday that it "
            "was cherry-picked.")
    names = {"Hillary Clint": "PERSON", "Clint": "PERSON", "Brian Fall": "PERSON"}
    sp = resolved(text, names, "A spokesman for Democratic presidential candidate Hillary Clint", "2016-08-24").speaker
    assert sp.name == "Brian Fall"
    # Past the lede and without whom they serve named in it, "a spokesman" stays a description.
    text2 = text.replace("A spokesman for Democratic presidential candidate Hillary Clint", "Hillary Clint spoke. A spokesman")
    assert resolved(text2, names, "A spokesman", "2016-08-24").speaker.type == "DESCRIPTION"


def test_resolve_what_a_person_has_after_the_head_is_no_part_of_the_role():
    # "with a gift ..." ends the role, and takes the name it holds with it ("W.C. Fields" is no one the role served).
    text = "As Freddy Trum, a fun-loving airline pilot with a gift for imitating W.C. Fields, joked, Donald listened. Freddy said more."
    names = {"Freddy Trum": "PERSON", "W.C. Fields": "PERSON", "Donald": "PERSON", "Freddy": "PERSON"}
    q = resolved(text, names, "Freddy", "2016-01-04", 1)
    assert (q.speaker.name, q.speaker.role) == ("Freddy Trum", "fun-loving airline pilot")


def test_resolve_a_party_alone_is_no_role_and_leaves_the_title():
    text = ("Sanders won. Hillary Clin, a Democrat, said she would fight on. Later the Democratic rival Hillary Clin, "
            "the former secretary of state, spoke. Clin said more.")
    q = resolved(text, {"Hillary Clin": "PERSON", "Clin": "PERSON", "Sanders": "PERSON"}, "Clin", "2016-03-15", 2)
    assert q.speaker.role == "Democratic rival"


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a name that modifies the noun of an apposition is not whom "who" follows
        ("Immunity granted.\n\nAlso protected was Heather Samuelson, a Clinton campaign staffer-turned-legal assistant who sorted the emails.",
         {"Heather Samuelson": "PERSON", "Clinton": "PERSON"}, "Heather Samuelson"),
        # "who" after a description said of the subject ("He was a desperate man who"); a generational suffix is no acronym
        ("The farm was lost.\n\nIn 1986, Leonard Dozier Hill III was going to lose the farm. He was a desperate man who took his own life.",
         {"Leonard Dozier Hill III": "PERSON"}, "Leonard Dozier Hill III"),
    ],
)
def test_resolve_who_after_an_apposition_or_a_predicate(text, names, expected):
    q = resolved(text, names, "who", "2016-02-17")
    assert q.speaker is not None and (q.speaker.name, q.speaker.type) == (expected, "PERSON")


def test_resolve_which_after_what_a_person_said_is_that_person_and_no_later_pronoun_is():
    text = ("Biden spoke.\n\nJoe Biden said the danger grew because of Mr. Trump's remarks, which have included praise for dictators. "
            "He said more.")
    names = {"Joe Biden": "PERSON", "Biden": "PERSON", "Mr. Trump": "PERSON"}
    which, he = quote_at(text, "which"), quote_at(text, "He")
    resolve_speakers(text, [which, he], mentions_of(text, names), "2016-08-17")
    assert (which.speaker.name, he.speaker.name) == ("Donald Trump", "Joe Biden")  # a public figure by surname


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Sanders spoke.\n\nSanders, a senator from the state of Vermont and self-described democratic socialist, said growth stalled.",
         {"Sanders": "PERSON"}, "Bernie Sanders"),
        ("She died.\n\nIn her time, Mrs. Schlafly was one of the most polarizing figures in public life, a self-described housewife.",
         {"Schlafly": "PERSON"}, "Schlafly"),
    ],
)
def test_resolve_self_of_self_described_is_whom_the_description_is_of(text, names, expected):
    q = resolved(text, names, "self", "2016-09-07")
    assert (q.speaker.name, q.speaker.type) == (expected, "PERSON")


def test_resolve_a_first_name_before_a_surname_that_is_also_a_title_is_the_whole_name():
    text = "Grassley faces a race.\n\nHe will face former Iowa Lt. Gov. Patty Judge (D). Judge said she would win."
    q = resolved(text, {"Grassley": "PERSON", "Patty": "PERSON"}, "she", "2016-06-08")
    assert (q.speaker.name, q.speaker.role) == ("Patty Judge", "former Iowa Lieutenant Governor")


@pytest.mark.parametrize(
    "source",
    ["the most recent RealClearPolitics average of national polls", "the RealClearPolitics polling average", "a RealClearPolitics average of recent polls"],
)
def test_resolve_a_poll_average_is_named_by_who_makes_it(source):
    text = f"Clinton leads.\n\nShe is ahead by five points in {source}, the figures show."
    q = resolved(text, {"Clinton": "PERSON"}, source, "2016-06-03")
    assert (q.speaker.name, q.speaker.type) == ("RealClearPolitics average", "ORG")


@pytest.mark.parametrize(
    ("text", "names", "source", "role"),
    [
        # words before the name up to their head, a capitalised modifier or an owner's possessive before them
        ("Clinton spoke.\n\nStan Greenberg, co-founder of the Democratic polling firm Democracy Corps, applauded. Democracy Corps said it worked.",
         {"Stan Greenberg": "PERSON", "Democracy Corps": "ORG"}, "Democracy Corps", "Democratic polling firm"),
        ("China invests.\n\nChina's state-owned investment giant CITIC runs an oil field. CITIC says it has a fund.",
         {"China": "GPE", "CITIC": "ORG"}, "CITIC", "state-owned investment giant"),
        # an outlet's head noun after its name
        ("Trump has fans.\n\nAs the nationalist Global Times tabloid noted on Thursday, he has fans. The Global Times said more.",
         {"Global Times": "ORG"}, "Global Times", "tabloid"),
        # introduced by what it is called (lexicon introducing_verbs)
        ("Ads ran.\n\nThey hired a civil rights advocacy group known as Color of Change for the ads. Color of Change said so.",
         {"Color of Change": "ORG"}, "Color of Change", "civil rights advocacy group"),
        ("Ads ran.\n\nA civil rights advocacy group called Color of Change ran the ads. Color of Change said so.",
         {"Color of Change": "ORG"}, "Color of Change", "civil rights advocacy group"),
        # no head right before the name: no role ("the U.S. Court of Appeals for the 3rd Circuit")
        ("The court ruled.\n\nThe U.S. Court of Appeals for the 3rd Circuit ruled on Monday. The 3rd Circuit said the law stands.",
         {"3rd Circuit": "ORG"}, "3rd Circuit", None),
    ],
)
def test_resolve_what_an_article_calls_an_organisation_before_or_after_its_name(text, names, source, role):
    q = resolved(text, names, source, "2016-03-04", -1)
    assert (q.speaker.type, q.speaker.role) == ("ORG", role)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a full name typed ORG, set off by a person's role: a person (initials and a suffix aside, it is two words)
        ("Obama spoke.\n\nThey did their part, Vann R. Newkirk II, a writer for The Atlantic, said on Twitter.",
         {"Vann R. Newkirk II": "ORG", "Atlantic": "ORG"}, ("Vann R. Newkirk II", "PERSON", "writer for The Atlantic")),
        # not after a definite phrase, which may be someone else's
        ("Clinton spoke.\n\nAccording to Western Journalism, the former secretary of state Hillary Clinton lied. Western Journalism said so.",
         {"Western Journalism": "ORG", "Hillary Clinton": "PERSON"}, ("Western Journalism", "ORG", None)),
    ],
)
def test_resolve_a_name_typed_org_set_off_by_a_persons_role_is_a_person(text, names, expected):
    source = expected[0]
    q = resolved(text, names, source, "2016-09-19", -1)
    assert (q.speaker.name, q.speaker.type, q.speaker.role) == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "role"),
    [
        # a party with the chamber or place before it says which seat
        ("Trump gains.\n\nHouse Republican Thomas Massie now said Trump had a chance. Massie said more.",
         {"Thomas Massie": "PERSON", "Massie": "PERSON"}, "Massie", "House Republican"),
        # an apposition ended by a speech verb that opens a quotation
        ("Wages rose.\n\nAnthony Anton, president and CEO of Washington Restaurant Association stated, “It’s not a political problem.” Anton said more.",
         {"Anthony Anton": "PERSON", "Anton": "PERSON"}, "Anton", "president and CEO of Washington Restaurant Association"),
        # ... but not an attribution set in a sentence that goes on inside the quotation
        ("The campaign spoke.\n\nClinton, a top aide said, “is very confident.” Clinton said more.",
         {"Clinton": "PERSON"}, "Clinton", None),
    ],
)
def test_resolve_roles_of_a_seat_and_of_an_apposition_before_a_quotation(text, names, source, role):
    q = resolved(text, names, source, "2016-07-21", -1)
    assert q.speaker.role == role


@pytest.mark.parametrize(
    "text, names, source, expected",
    [
        # The one person named before whom the article gives that party: a tag after the name, a word before it, a role.
        ("Sen. Jon Test (D-Mont.) spoke. The Democrat said the plan would fail.", {"Jon Test": "PERSON", "Democrat": "NORP"},
         "The Democrat", ("Jon Test", "Senator")),
        ("Sen. Bob Cork, R-Tenn., spoke. The Republican said the plan would fail.", {"Bob Cork": "PERSON", "Republican": "NORP"},
         "The Republican", ("Bob Cork", "Senator")),
        ("Democrat Jane Dow spoke. The Democrat said the plan would fail.", {"Jane Dow": "PERSON", "Democrat": "NORP"},
         "The Democrat", ("Jane Dow", None)),
        ("Ben Cars, a Republican presidential candidate, spoke. The Republican said the plan would fail.",
         {"Ben Cars": "PERSON", "Republican": "NORP"}, "The Republican", ("Ben Cars", "Republican presidential candidate")),
        # Its other words must be a role of theirs, and they of no other party ("the Nevada Democrat" is the Nevada senator).
        ("Nevada Sen. Harry Rei spoke, and so did Jane Dow (D-Ohio). The Nevada Democrat said the plan would fail.",
         {"Harry Rei": "PERSON", "Jane Dow": "PERSON", "Nevada Democrat": "GPE"}, "The Nevada Democrat", ("Harry Rei", "Nevada Senator")),
        # Two of that party, or none: no one.
        ("Sen. Jon Test (D-Mont.) and Sen. Jane Dow (D-Ohio) spoke. The Democrat said the plan would fail.",
         {"Jon Test": "PERSON", "Jane Dow": "PERSON", "Democrat": "NORP"}, "The Democrat", None),
        ("Jane Dow spoke. The Republican said the plan would fail.", {"Jane Dow": "PERSON", "Republican": "NORP"}, "The Republican", None),
        ("Sen. Jon Test (D-Mont.) spoke. The Republican said the plan would fail.", {"Jon Test": "PERSON", "Republican": "NORP"},
         "The Republican", None),
    ],
)
def test_resolve_a_party_description_is_the_one_person_of_that_party(text, names, source, expected):
    q = resolved(text, names, source, "2016-05-01")
    got = None if q.speaker is None or q.speaker.type != "PERSON" else (q.speaker.name, q.speaker.role)
    assert got == expected


@pytest.mark.parametrize(
    "text, names, source, expected",
    [
        # "It" is the organisation that is the subject of its sentence or, opening one, of the sentence before.
        ("The Ohio Voters League filed suit on Monday. It said the plan would fail.", {"Ohio Voters League": "ORG"}, "It",
         ("Ohio Voters League", "ORG")),
        ("Acme Industries lost the case, and it said it would appeal.", {"Acme Industries": "ORG"}, "it", ("Acme Industries", "ORG")),
        # An abbreviation before a lower-case word ends no sentence.
        ("Acme Corp. lost the case, and it said it would appeal.", {"Acme Corp.": "ORG"}, "it", ("Acme Corp.", "ORG")),
        # Not a place, a person, an organisation that only modifies the subject, or one inside a quotation.
        ("Ohio filed suit on Monday. It said the plan would fail.", {"Ohio": "GPE"}, "It", None),
        ("Jane Dow filed suit on Monday. It said the plan would fail.", {"Jane Dow": "PERSON"}, "It", None),
        ("Acme's chief executive filed suit on Monday. It said the plan would fail.", {"Acme": "ORG"}, "It", None),
        # (but "it" for a thing made or written is whose the thing is, as the description itself would be)
        ("The Acme report came out on Monday. It said the plan would fail.", {"Acme": "ORG"}, "It", ("Acme", "ORG")),
        ("The report came out on Monday. It said the plan would fail.", {}, "It", None),
        ("“Acme Corp. filed suit on Monday. It said the plan would fail.”", {"Acme Corp.": "ORG"}, "It", None),
        # "the league", "the university": the organisation whose name ends with the head.
        ("The Ohio Voters League filed suit on Monday. In a statement, the league said the plan would fail.",
         {"Ohio Voters League": "ORG"}, "the league", ("Ohio Voters League", "ORG")),
        ("Columbia University cut its fees. The university said the plan would help.", {"Columbia University": "ORG"},
         "The university", ("Columbia University", "ORG")),
    ],
)
def test_resolve_an_organisation_by_salience_and_by_its_names_head(text, names, source, expected):
    q = resolved(text, names, source, "2016-05-01")
    assert (None if q.speaker is None or q.speaker.type == "DESCRIPTION" else (q.speaker.name, q.speaker.type)) == expected


@pytest.mark.parametrize(
    "text, names, source, expected",
    [
        # A name the recogniser missed that ends in an organisation's word is that organisation, no person.
        ("Pastor Kev Swan spoke on his radio show, Right Wing Watch first reported.", {"Kev Swan": "PERSON"}, "Right Wing Watch",
         ("Right Wing Watch", "ORG")),
        ("The samples are problematic, Pew Research said.", {}, "Pew Research", ("Pew Research", "ORG")),
        # A first name before an outlet's word is a person ("Michael Bloomberg"); a party's member from a place is no place.
        ("Michael Bloomberg said so.", {"Michael Bloomberg": "PERSON"}, "Michael Bloomberg",
         ("Michael Bloomberg", "PERSON")),
        ("Voters were angry, a New Hampshire Democrat said.", {"New Hampshire Democrat": "GPE"}, "a New Hampshire Democrat",
         ("New Hampshire Democrat", "DESCRIPTION")),
        ("Militants use the site, and Twitter said it would act.", {"Twitter": "PERSON"}, "Twitter", ("Twitter", "ORG")),
        # An organisation named before by its first word alone; not a person's name.
        ("The poll was done by Pew Research. Pew said turnout would rise.", {"Pew Research": "ORG"}, "Pew", ("Pew Research", "ORG")),
        ("Jon Clint spoke at the Clint Foundation. Clint said turnout would rise.", {"Jon Clint": "PERSON", "Clint Foundation": "ORG"},
         "Clint", ("Jon Clint", "PERSON")),
        # An adverb opening a sentence, taken for a name, is no one a pronoun can stand for.
        ("Mark Kant studies loans.\n\nNationally, debt rose. “It is bad,” he said.", {"Mark Kant": "PERSON", "Nationally": "PERSON"}, "he",
         ("Mark Kant", "PERSON")),
    ],
)
def test_resolve_organisations_and_adverbs_the_recogniser_took_for_people(text, names, source, expected):
    q = resolved("Headline\n\n" + text, names, source, "2016-05-01", nth=-1)
    assert (None if q.speaker is None else (q.speaker.name, q.speaker.type)) == expected


@pytest.mark.parametrize(
    "text, names, expected",
    [
        # A title before a name that opens a clause ending in a preposition is the other's ("the federal judge Trump was
        # referring to is Gonzalo Curiel").
        ("Donald Trum spoke. The federal judge Trum was referring to is Gonzalo Curi.",
         {"Donald Trum": "PERSON", "Trum": "PERSON", "Gonzalo Curi": "PERSON"}, {"Donald Trum": [], "Gonzalo Curi": []}),
        # A name that modifies a person's noun after it takes no title before it ("longtime Trump critic").
        ("Rick Wils, a Republican political consultant and longtime Trum critic, spoke. Trum spoke.",
         {"Rick Wils": "PERSON", "Trum": "PERSON"}, {"Rick Wils": ["Republican political consultant and longtime Trum critic"], "Trum": []}),
        # A possessive's title is its own: "FDIC Chairman Martin Gruenberg's predecessor".
        ("Hackers reached the computer of FDIC Chairman Martin Gruen’s predecessor.", {"Martin Gruen’s": "PERSON"},
         {"Martin Gruen": ["FDIC Chairman"]}),
        # An adverb or a participle the recogniser took into a name is no part of it.
        ("Certainly Donald Trum has gone the other way, he said.", {"Certainly Donald Trum": "PERSON"}, {"Donald Trum": []}),
        ("Entrusting Donald Trum with the codes is a risk.", {"Entrusting Donald Trum": "PERSON"}, {"Donald Trum": []}),
    ],
)
def test_resolve_names_and_titles_the_clause_around_them_rules_out(text, names, expected):
    from quotegraph.speakers.resolve import Resolver

    r = Resolver("Headline\n\n" + text, mentions_of("Headline\n\n" + text, names), 2016)
    assert {e.name: [role for _, role in e.roles] for e in r.persons} == expected


@pytest.mark.parametrize(
    "apposition",
    [", a frequent critic of Trump,", " — a frequent critic of Trump —", " (a frequent critic of Trump)", ", 61, of Seneca, a frequent critic of Trump,"],
)
def test_resolve_an_indefinite_apposition_describes_and_leaves_the_title_in_force(apposition):
    # "Sen. Lindsey Graham ... Graham — a frequent critic of Trump — said": he is still the senator.
    text = f"Sen. Lindsey Grah spoke on Monday. Grah{apposition} said the plan would fail. Later Grah said more."
    q = resolved(text, {"Lindsey Grah": "PERSON", "Grah": "PERSON"}, "Grah", "2016-05-01", nth=-1)
    assert (q.speaker.name, q.speaker.role) == ("Lindsey Grah", "Senator")


@pytest.mark.parametrize(
    "text, names, source, expected",
    [
        # A short form is the fullest name the text writes, also where the recogniser missed it.
        ("The Miami Herald reported on Monday that turnout fell. The Herald said the decline was steep.", {"Herald": "ORG"}, "The Herald",
         "Miami Herald"),
        ("A Quinnipiac University poll found that turnout fell. Quinnipiac said the decline was steep.",
         {"Quinnipiac University": "ORG", "Quinnipiac": "ORG"}, "Quinnipiac", "Quinnipiac University"),
        ("The Brookings Institution reported that turnout fell. Brookings said the decline was steep.", {"Brookings": "ORG"}, "Brookings",
         "Brookings Institution"),
        # Not a headline's words, a quantifier or a sentence opener before it, and no brand extended.
        ("Final Demand To Fox.\n\nFox News said the decline was steep. Fox said more.", {"Fox News": "ORG", "Fox": "ORG"}, "Fox", "Fox News"),
        ("All CNN anchors were there. CNN said the decline was steep.", {"CNN": "ORG"}, "CNN", "CNN"),
        ("As POLITICO reported, turnout fell. POLITICO said the decline was steep.", {"POLITICO": "ORG"}, "POLITICO", "POLITICO"),
    ],
)
def test_resolve_an_organisations_short_form_is_its_fullest_name(text, names, source, expected):
    q = resolved("Headline\n\n" + text, names, source, "2016-05-01", nth=-1)
    assert q.speaker is not None and (q.speaker.name, q.speaker.type) == (expected, "ORG")


@pytest.mark.parametrize(
    "text, names, source, nth, expected",
    [
        # No one before it in the body: whom the headline names (the recogniser reads no names there) ...
        ("Trump fires up G.O.P. base.\n\nHis popularity, even after he criticized President George W. Bush, shows more. Donald J. Trump spoke.",
         {"George W. Bush": "PERSON", "Donald J. Trump": "PERSON"}, "he", 0, "Donald J. Trump"),
        ("A shaky act for Kelly Ayot.\n\nAs she seeks reelection, she keeps away from Gov. Maggie Hass. Sen. Kelly Ayot said no.",
         {"Maggie Hass": "PERSON", "Kelly Ayot": "PERSON"}, "she", 0, "Kelly Ayot"),
        # ... else the person named next, outside the pronoun's clause and no preposition's object ...
        ("Judge Gave Hillary Bad News – She’s Going To HATE It.\n\nA federal judge granted a request into whether Hillary Clint erred.",
         {"Hillary Clint": "PERSON"}, "She", 0, "Hillary Clint"),
        ("Tim Alle Got Asked.\n\nAlready an icon for his portrayal of Tim Tay in a hit series, veteran comedian Tim Alle hit a milestone.",
         {"Tim Tay": "PERSON", "Tim Alle": "PERSON"}, "his", 0, "Tim Alle"),
        ("Headline\n\nShe asked Cecile Rich what impact the law had.", {"Cecile Rich": "PERSON"}, "She", 0, None),
        # ... of the pronoun's gender, and not one of two people sharing the surname the headline writes.
        ("Headline\n\nShe said the plan would fail. John Smit, the mayor, agreed.", {"John Smit": "PERSON"}, "She", 0, None),
        ("The Gray family drama.\n\nAs the campaign fell apart, he blasted out a call. Lola Gray and Alan Gray spoke.",
         {"Lola Gray": "PERSON", "Alan Gray": "PERSON"}, "he", 0, "Alan Gray"),
        ("The Gray family drama.\n\nAs the campaign fell apart, she blasted out a call. Jo Gray and Alan Gray spoke.",
         {"Jo Gray": "PERSON", "Alan Gray": "PERSON"}, "she", 0, "Jo Gray"),
    ],
)
def test_resolve_a_pronoun_with_no_one_before_it(text, names, source, nth, expected):
    q = resolved_at(text, names, word_at(text, source, nth), len(source))
    assert (q.speaker.name if q.speaker else None) == expected


def test_resolve_the_headline_tells_no_one_of_two_people_sharing_its_surname():
    from quotegraph.speakers.resolve import Resolver

    text = "The Gray family drama.\n\nAs the campaign fell apart, he blasted out a call. Chris Gray and Alan Gray spoke. Ed Lowe too."
    r = Resolver(text, mentions_of(text, {"Chris Gray": "PERSON", "Alan Gray": "PERSON", "Ed Lowe": "PERSON"}), 2016)
    assert r._named_in_headline(text.index("he blasted"), "m", set()) is None
    one = text.replace("Chris Gray and ", "")
    r = Resolver(one, mentions_of(one, {"Alan Gray": "PERSON", "Ed Lowe": "PERSON"}), 2016)
    assert r._named_in_headline(one.index("he blasted"), "m", set()).name == "Alan Gray"


@pytest.mark.parametrize(
    "text, names, expected",
    [
        # A definite description of an organisation as the subject, of the sentence before or of its own before "it" ...
        ("The Supreme Court heard the case. Even with a conservative majority, the court has been a target. Shortly after it ruled, "
         "Sen. Ted Cru proposed limits.", {"Supreme Court": "ORG", "Ted Cru": "PERSON"}, "Supreme Court"),
        ("Mannatech sells supplements. The company in 2009 agreed to a settlement. It did not admit wrongdoing.", {"Mannatech": "ORG"},
         "Mannatech"),
        ("Mannatech sells supplements. In 2009, the firm agreed to a settlement, though it did not admit wrongdoing.", {"Mannatech": "ORG"},
         "Mannatech"),
        # ... not one a person's verb governs, nor one before a preposition, nor one no organisation named answers.
        ("The Supreme Court heard the case. Jane Smit criticized the court on Monday. Shortly after it ruled, she spoke.",
         {"Supreme Court": "ORG", "Jane Smit": "PERSON"}, None),
        ("Mannatech sells supplements. The firm of Jane Smit agreed to a settlement. It did not admit wrongdoing.",
         {"Mannatech": "ORG", "Jane Smit": "PERSON"}, None),
        ("The case went on. The court has been a target. Shortly after it ruled, many spoke.", {}, None),
    ],
)
def test_resolve_it_after_an_organisation_described_as_the_subject(text, names, expected):
    text = "Headline\n\n" + text
    q = resolved_at(text, names, word_at(text, "it", -1) if " it " in text else word_at(text, "It", -1), 2)
    assert (q.speaker.name if q.speaker else None) == expected


@pytest.mark.parametrize(
    "text, names, expected",
    [
        # Someone named in a sentence that writes "a woman" or "the woman" as another person is not the woman ...
        ("The Post sent its reporter Stephanie McCrum to watch the convention with the woman and her boyfriend.\n\n"
         "The woman disputes the idea that she needed help.", {"Stephanie McCrum": "PERSON"}, "woman"),
        ("At a town hall, a young woman asked Mrs. Hillary Clint about the claims.\n\n“Should we believe them?” the woman said.",
         {"Hillary Clint": "PERSON"}, "woman"),
        # ... but one the description is set beside is.
        ("A woman, Jane Dow, spoke at the rally on Monday. The crowd cheered.\n\nThe woman said she needed help.", {"Jane Dow": "PERSON"},
         "Jane Dow"),
    ],
)
def test_resolve_a_generic_description_is_not_someone_named_beside_it(text, names, expected):
    text = "Headline\n\n" + text
    q = resolved_at(text, names, text.rindex("he woman") - 1, 9)
    assert q.speaker is not None and q.speaker.name == expected


@pytest.mark.parametrize(
    "text, names, sources, expected",
    [
        # A first name joined to another's full name shares the surname: two people, each "Mr." or "Ms." their own.
        ("The parents, Khizr and Ghazala Khan, spoke on Monday. Mr. Khan said the plan was wrong. Ms. Khan said she agreed.",
         {"Khizr": "PERSON", "Ghazala Khan": "PERSON", "Khan": "PERSON"}, ["Mr. Khan", "Ms. Khan"], ["Khizr Khan", "Ghazala Khan"]),
        # A surname before "and" is no first name, nor one after a title ("Secretary Clinton and Governor O'Malley").
        ("Donald Trum spoke first. Later Trum and Hillary Clint met. Trum said the plan was wrong.",
         {"Donald Trum": "PERSON", "Trum": "PERSON", "Hillary Clint": "PERSON"}, ["Trum said"], ["Donald Trum"]),
        ("Hillary Clint spoke. He will debate Secretary Clint and Governor Martin O'Mall on Monday. Clint said she agreed.",
         {"Hillary Clint": "PERSON", "Clint": "PERSON", "Martin O'Mall": "PERSON"}, ["Clint said"], ["Hillary Clint"]),
    ],
)
def test_resolve_a_first_name_joined_to_a_full_name(text, names, sources, expected):
    text = "Headline\n\n" + text
    qs = []
    for src in sources:
        at = text.index(src)
        n = len(src.removesuffix(" said"))
        qs.append(Quote("indirect", None, [Span.of(text, at, at + n)], [Span.of(text, at, at + n)]))
    resolve_speakers(text, qs, mentions_of(text, names), "2016-08-01")
    assert [q.speaker.name if q.speaker else None for q in qs] == expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("The parents, Khizr and Ghazala Khan, spoke.", "Khizr", ["Khizr", "Khan"]),
        ("Bill and Hillary Clinton spoke.", "Bill", ["Bill", "Clinton"]),
        ("Sanders will debate Secretary Clinton and Governor Martin O'Malley on Monday.", "Clinton", None),
        ("Sanders will debate Clinton and Governor O'Malley on Monday.", "Clinton", None),
        ("Trump spoke. Later Trump and Hillary Clinton met.", "Trump", None),
    ],
)
def test_resolve_the_full_name_a_paired_first_name_takes(text, name, expected):
    from quotegraph.speakers.resolve import Resolver

    r = Resolver(text, [], 2016)
    at = text.rindex(name)
    assert r._paired_name(Mention(at, at + len(name), "PERSON")) == expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        # What the article calls a "person" in an apposition with an organisation's head makes it one ...
        ("Xinho, the official Chinese news agency, said the admiral was wrong. Xinho said more.", "Xinho", ("ORG", "official Chinese news agency")),
        # ... not a person's word that governs the organisation, nor a head that is a person's too.
        ("John Smit, a spokesman for the company, said the plan was wrong. Smit said more.", "Smit", ("PERSON", "spokesman for the company")),
        ("Bob Maso, a retired Postal Service letter carrier, said the plan was wrong. Maso said more.", "Maso",
         ("PERSON", "retired Postal Service letter carrier")),
    ],
)
def test_resolve_a_person_the_article_calls_an_organisation(text, name, expected):
    text = "Headline\n\n" + text
    full = text[: text.index(",")].strip().split("\n")[-1]
    q = resolved_at(text, {full: "PERSON", name: "PERSON"}, text.rindex(name), len(name))
    assert (q.speaker.type, q.speaker.role) == expected


@pytest.mark.parametrize(
    "text, names, source, expected",
    [
        # A family is several people, no one person ...
        ("Bill Clint and Hillary Clint arrived on Monday. The Clints said the plan was wrong.",
         {"Bill Clint": "PERSON", "Hillary Clint": "PERSON", "Clints": "PERSON"}, "The Clints", ("Clints", "DESCRIPTION")),
        ("Mary Jone spoke. The Jonees said the plan was wrong.", {"Mary Jone": "PERSON", "Jonees": "PERSON"}, "The Jonees", ("Jonees", "DESCRIPTION")),
        # ... but a name that ends in "s", with no singular written, is a name.
        ("The Simmons said the plan was wrong.", {"Simmons": "PERSON"}, "The Simmons", ("Simmons", "PERSON")),
        ("Ted Cruz spoke. Cruz said the plan was wrong.", {"Ted Cruz": "PERSON", "Cruz": "PERSON"}, "Cruz", ("Ted Cruz", "PERSON")),
    ],
)
def test_resolve_a_family_is_several_people(text, names, source, expected):
    q = resolved_last(text, names, source)
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    "text, names, expected",
    [
        # The sentence before opens with a "person" of no known gender, and names one the pronoun's gender fits: that one.
        ("Coal miners are still smarting from remarks Hillary Clint made. When she was talking, she offered a sound bite.",
         {"Coal": "PERSON", "Hillary Clint": "PERSON"}, "Hillary Clint"),
        # ... one of whose gender only a pronoun told is no evidence against the subject.
        ("Florent Grob is a former captain and Medal of Honor winner. But on Thursday night, he spoke out.",
         {"Florent Grob": "PERSON", "Medal of Honor winner": "PERSON"}, "Florent Grob"),
    ],
)
def test_resolve_a_pronoun_goes_to_the_person_its_gender_fits_over_an_unknown_subject(text, names, expected):
    text = "Headline\n\n" + text
    word = "she" if " she " in text else "he"
    q = resolved_at(text, names, word_at(text, word, 0), len(word), "2016-07-06")
    assert q.speaker is not None and q.speaker.name == expected


@pytest.mark.parametrize(
    "text, names, expected",
    [
        # A quotation opens the sentence; the sentence before introduces one person of the pronoun's gender and quotes
        # no one: that person, not the one quoted last (Mary or Bill Jonas, whose quote is resolved first).
        ("“The plan is bad,” Mary Jonas said.\n\nOne local woman, Karen Robbe, pulled Rep. Steve Kingsley aside after the "
         "event.\n\n“I’m so glad you came,” she told him.",
         {"Mary Jonas": "PERSON", "Karen Robbe": "PERSON", "Steve Kingsley": "PERSON"}, "Karen Robbe"),
        ("“The plan is bad,” Bill Jonas said. Recently, Herman Cane, the former candidate, was asked by a caller why men "
         "come here. “So they can hurt us,” he said.",
         {"Bill Jonas": "PERSON", "Herman Cane": "PERSON"}, "Herman Cane"),
        # ... or one named before in the article, where the sentence tells what they did (``_narrated_subject``) ...
        ("Herman Cane spoke on Monday. “The plan is bad,” Bill Jonas said. Later Herman Cane left the room. "
         "“It will fail,” he said.",
         {"Bill Jonas": "PERSON", "Herman Cane": "PERSON"}, "Herman Cane"),
        # ... or the one person of its gender it names, though named before and only as its object ...
        ("Herman Cane spoke on Monday. “The plan is bad,” Bill Jonas said. Later the crowd cheered Herman Cane. "
         "“It will fail,” he said.",
         {"Bill Jonas": "PERSON", "Herman Cane": "PERSON"}, "Herman Cane"),
        # ... nor where another of that gender is named beside them ...
        ("“The plan is bad,” Bill Jonas said. Officer Tim Smithe holds up the gun used by Bill Jonas in the trial. "
         "“The gun works,” he added.",
         {"Bill Jonas": "PERSON", "Tim Smithe": "PERSON"}, "Bill Jonas"),
        # ... nor after a pronoun of that gender in that sentence (its person goes on) ...
        ("“The plan is bad,” Bill Jonas said. He attended the rally, though he may vote for Bernard Sandes. "
         "“I ask my wife,” he said.",
         {"Bill Jonas": "PERSON", "Bernard Sandes": "PERSON"}, "Bill Jonas"),
        # ... nor in a fronted phrase ...
        ("“The plan is bad,” Bill Jonas said. In a talk with Alan Minkov about his project, the actor spoke of it. "
         "“Just imagine,” he said.",
         {"Bill Jonas": "PERSON", "Alan Minkov": "PERSON"}, "Bill Jonas"),
        # ... nor where that sentence quotes someone (the person quoted last of the pronoun's gender decides).
        ("“The plan is bad,” Bill Jonas said. Herman Cane was at the rally too, Mary Jonas said. “It will work,” he said.",
         {"Bill Jonas": "PERSON", "Herman Cane": "PERSON", "Mary Jonas": "PERSON"}, "Bill Jonas"),
    ],
)
def test_resolve_a_pronoun_after_an_opening_quotation_is_the_person_just_introduced(text, names, expected):
    text = "Headline\n\n" + text
    word = "she" if " she " in text else "he"
    sources = [m.span() for m in re.finditer(r"(?:Mary Jonas|Bill Jonas|Herman Cane)(?= said)", text)]
    sources.append([m.span() for m in re.finditer(rf"\b{word}\b", text)][-1])
    quotes = resolved_all(text, names, sources, "2016-05-01")
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name == expected


@pytest.mark.parametrize(
    "text, names, source, expected",
    [
        # A thing the article says someone made (a verb of making, the thing its object) is theirs: "the ad" ...
        ("The American Action Nexus says it will spend nearly $150,000 on a TV ad in the district. The ad touts his record.",
         {"American Action Nexus": "ORG"}, "The ad", ("American Action Nexus", "ORG")),
        ("Bernard Sandes is releasing a new 30-second ad that urges voters to act. The ad says nothing will change.",
         {"Bernard Sandes": "PERSON"}, "The ad", ("Bernard Sandes", "PERSON")),
        # ... and the thing itself, where it is the source.
        ("Bernard Sandes is releasing a new 30-second ad that urges voters to act.",
         {"Bernard Sandes": "PERSON"}, "a new 30-second ad", ("Bernard Sandes", "PERSON")),
        # Not where another preposition governs it, no verb of making is there, or another name stands between; a
        # person's campaign is the campaign's, not theirs.
        ("Sarah Palen posted her message under a headline that said the plan works.",
         {"Sarah Palen": "PERSON"}, "a headline", ("headline", "DESCRIPTION")),
        ("John Smithe appears in a new ad for the group. The ad says the plan works.",
         {"John Smithe": "PERSON"}, "The ad", ("ad", "DESCRIPTION")),
        ("The Acme Group said on Monday that John Smithe, a former aide of the governor, had quietly posted a long video. "
         "The video shows the plan.",
         {"Acme Group": "ORG", "John Smithe": "PERSON"}, "The video", ("video", "DESCRIPTION")),
        ("Mary Clintan's campaign sent out an email appeal on Monday. The email said the plan works.",
         {"Mary Clintan": "PERSON"}, "The email", ("Clintan campaign", "ORG")),
        # A candidate's campaign opening the sentence is the maker: the campaign.
        ("The Crux campaign sent a fundraising email on Wednesday. “I can win,” the email said.",
         {"Crux": "PERSON"}, "the email", ("Crux campaign", "ORG")),
    ],
)
def test_resolve_a_made_thing_is_its_makers(text, names, source, expected):
    q = resolved_last(text, names, source)
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    "text, names, source, expected",
    [
        # A group with examples named is the group, no one of them ...
        ("Experts like Paul Baum, a Canadian geophysicist, say the wall will fail.",
         {"Paul Baum": "PERSON"}, "Experts like Paul Baum", ("Experts like Paul Baum", "DESCRIPTION")),
        ("Political outsiders such as Ben Carsen say the system is rigged.",
         {"Ben Carsen": "PERSON"}, "Political outsiders such as Ben Carsen", ("Political outsiders such as Ben Carsen", "DESCRIPTION")),
        ("Groups like the Wisconsin Club for Growing say the court is biased.",
         {"Wisconsin Club for Growing": "ORG"}, "Groups like the Wisconsin Club for Growing",
         ("Groups like the Wisconsin Club for Growing", "DESCRIPTION")),
        # ... but a singular head with "like" after it is no such group.
        ("Paul Baum, a geophysicist like his father, says the wall will fail.",
         {"Paul Baum": "PERSON"}, "Paul Baum", ("Paul Baum", "PERSON")),
    ],
)
def test_resolve_a_group_with_examples_is_the_group(text, names, source, expected):
    q = resolved_last(text, names, source)
    assert (q.speaker.name, q.speaker.type) == expected


def test_resolve_the_one_person_named_as_an_example_stays_the_one_a_later_pronoun_means():
    text = ("Headline\n\nExperts like Paul Baum, a Canadian geophysicist, say the wall will fail. The tunnels are deep. "
            "“It can be done,” he said.")
    names = {"Paul Baum": "PERSON"}
    first = text.index("Experts like Paul Baum")
    he = text.rindex("he said")
    quotes = resolved_all(text, names, [(first, first + 22), (he, he + 2)], "2016-05-01")
    assert quotes[0].speaker.type == "DESCRIPTION" and quotes[0].speaker.role is None
    assert quotes[1].speaker.name == "Paul Baum"


@pytest.mark.parametrize(
    "text, sources, names, expected",
    [
        # A pronoun opening its sentence after a sentence that opens with one of its gender too: whom that one means,
        # not the man quoted between.
        ("Paul Manafrt arrived in Kiev in 2004. He also had a voice in decisions, said a former spokesman, Oleg Volosh. "
         "He persuaded the government to lower tariffs.",
         ["Oleg Volosh"], {"Paul Manafrt": "PERSON", "Oleg Volosh": "PERSON"}, "Paul Manafrt"),
        # Not where the sentence before opens with a quotation ('“... He is a hater,” Donald Trmp said'): the person
        # quoted last.
        ("Judge Gonzalo Curel ordered the release, Gonzalo Curel said. “I have a judge. He is a hater,” Donald Trmp said. "
         "He also suggested action.",
         ["Gonzalo Curel said", "Donald Trmp"], {"Gonzalo Curel": "PERSON", "Donald Trmp": "PERSON"}, "Donald Trmp"),
    ],
)
def test_resolve_a_pronoun_goes_on_from_the_pronoun_that_opens_the_sentence_before(text, sources, names, expected):
    text = "Headline\n\n" + text
    spans = []
    for source in sources:
        at = text.index(source)
        spans.append((at, at + len(source.removesuffix(" said"))))
    he = text.rindex("He ")
    spans.append((he, he + 2))
    quotes = resolved_all(text, names, spans, "2016-05-01")
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name == expected


@pytest.mark.parametrize(
    "text, names, expected",
    [
        # A pronoun opening its sentence whose sentence before has no subject it could mean: the one person of its gender
        # that sentence names, not the man quoted last.
        ("“It is over,” Ed Randell said. When Democrats meet in July, it is assumed that Bernard Sandes has earned a slot. "
         "Beyond that, he has also made clear he will seek to shape the platform.",
         {"Ed Randell": "PERSON", "Bernard Sandes": "PERSON"}, "Bernard Sandes"),
        ("“It is over,” Ed Randell said. That is more than you can say for others. Just look at House Speaker Paul Rian. "
         "He said he gets his ideas from a novel.",
         {"Ed Randell": "PERSON", "Paul Rian": "PERSON"}, "Paul Rian"),
        # Not where it names two of that gender, nor where it quotes someone.
        ("“It is over,” Ed Randell said. Clinton sharpened her knife to bloody Bernard Sandes and Jeb Bosh. He has attacked her.",
         {"Ed Randell": "PERSON", "Bernard Sandes": "PERSON", "Jeb Bosh": "PERSON"}, "Ed Randell"),
        ("“It is over,” Ed Randell said. In any case, Bernard Sandes said the race is close. He has attacked her.",
         {"Ed Randell": "PERSON", "Bernard Sandes": "PERSON"}, "Bernard Sandes"),
    ],
)
def test_resolve_a_pronoun_opening_its_sentence_is_the_one_person_the_sentence_before_names(text, names, expected):
    text = "Headline\n\n" + text
    sources = [m.span() for m in re.finditer(r"(?:Ed Randell|Bernard Sandes)(?= said)", text)]
    he = [m.start() for m in re.finditer(r"\b[Hh]e\b", text)][0]  # the pronoun that opens the last sentence, the first one
    sources.append((he, he + 2))
    quotes = resolved_all(text, names, sources, "2016-05-01")
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name == expected


FILLER = "The prosecution played 20 minutes of clips from the show for the court, in which the host discusses guns. " * 3


@pytest.mark.parametrize(
    "text, names, expected",
    [
        # "the judge": the one person the article gives a judge's role, named before or after it; not the man just quoted.
        ("“I am a journalist,” Pete Santill said. As the judge read his decision, Santill smiled. " + FILLER + "U.S. "
         "District Judge Michael Mosmann called a clip distasteful.",
         {"Pete Santill": "PERSON", "Santill": "PERSON", "Michael Mosmann": "PERSON"}, ("Michael Mosmann", "U.S. District Judge")),
        # Two judges named: neither.
        ("“I am a journalist,” Pete Santill said. As the judge read his decision, Santill smiled. Judge Ann Berry and "
         "Judge Michael Mosmann agreed.",
         {"Pete Santill": "PERSON", "Santill": "PERSON", "Ann Berry": "PERSON", "Michael Mosmann": "PERSON"}, None),
    ],
)
def test_resolve_a_title_alone_is_the_one_person_the_article_gives_it(text, names, expected):
    # (the judge is named more than the resolver's description_ahead, 300 characters, after "the judge")
    text = "Headline\n\n" + text
    at = text.index("Pete Santill said")
    judge = text.index("the judge")
    quotes = resolved_all(text, names, [(at, at + 12), (judge, judge + 9)], "2016-05-01")
    sp = quotes[1].speaker
    if expected is None:
        assert sp.name != "Pete Santill" and quotes[0].speaker.role != "judge"
    else:
        assert (sp.name, sp.role) == expected
        assert quotes[0].speaker.role != "judge"  # the man quoted just before is no judge


def test_resolve_a_description_is_no_headline_word_quoted_as_a_name():
    # The headline's "Network has offered ..." made an organisation "Network", which "the network" then took.
    text = ("Network has offered Ailes a deal.\n\nThe style of Fox News proved effective, Fox News said on Monday. "
            "An issue seized upon by the network would take on urgency, the network said.")
    names = {"Network": "ORG", "Fox News": "ORG"}
    spans = [(0, 7), (text.rindex("the network"), text.rindex("the network") + 11)]
    quotes = resolved_all(text, names, spans, "2016-07-25")
    assert quotes[0].speaker.name == "Network"
    assert (quotes[1].speaker.name, quotes[1].speaker.type) == ("Fox News", "ORG")


@pytest.mark.parametrize(
    "text, source, expected",
    [
        # A dated paper is a study, not the outlet named last ...
        ("Reuters’ Luciana Lopes argued the plan would fail. The tax would still raise $110 billion a year, the 2009 paper said.",
         "the 2009 paper", ("2009 paper", "DESCRIPTION")),
        # ... where "the paper" is the outlet.
        ("The Chicago Tribune ran the story on Monday. The tax would still raise $110 billion a year, the paper said.",
         "the paper", ("Chicago Tribune", "ORG")),
    ],
)
def test_resolve_a_dated_paper_is_no_outlet(text, source, expected):
    text = "Headline\n\n" + text
    names = {"Reuters": "ORG", "Luciana Lopes": "PERSON", "Chicago Tribune": "ORG"}
    q = resolved_at(text, {k: v for k, v in names.items() if k in text}, text.rindex(source), len(source))
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    "text, names, source, role",
    [
        # A relative clause after an organisation's head ends the role ...
        ("“I want it,” says Misha Shahe, 32, of Chicago, an account executive for a tech firm that sells storage.",
         {"Misha Shahe": "PERSON", "Chicago": "GPE"}, "Misha Shahe", "account executive for a tech firm"),
        # ... what a person took over as is their role, up to "after" ...
        ("Helen Aguirra Ferre, who took over as head of Hispanic communications after the director quit, said it.",
         {"Helen Aguirra Ferre": "PERSON"}, "Helen Aguirra Ferre", "head of Hispanic communications"),
        # ... a role set off before a name whose affiliation follows it ...
        ("“The term was odd,” said another leading Supreme Court advocate, Andrew J. Pincas of the law firm Mayer Browne.",
         {"Andrew J. Pincas": "PERSON", "Mayer Browne": "ORG"}, "Andrew J. Pincas", "leading Supreme Court advocate"),
        # ... but not the employer of the name before it in a list.
        ("Donors include Blair Effran of Centerview Partners, Marc Lasri of Avenue Capital Group and others. “It is fine,” "
         "Marc Lasri said.",
         {"Blair Effran": "PERSON", "Centerview Partners": "ORG", "Marc Lasri": "PERSON", "Avenue Capital Group": "ORG"},
         "Marc Lasri", None),
    ],
)
def test_resolve_roles_in_clauses_and_lists(text, names, source, role):
    q = resolved_last(text, names, source)
    assert (q.speaker.name, q.speaker.role) == (source, role)


@pytest.mark.parametrize(
    "text, names, source, expected",
    [
        # An acronym the recogniser typed a place is the organisation the article spells out ...
        ("The National Rifle Association opposed the bill. The NRA said the bill was flawed.",
         {"National Rifle Association": "ORG", "NRA": "GPE"}, "NRA", ("National Rifle Association", "ORG")),
        # ... where no mention covers the spelled-out name too ...
        ("Black Lives Matter activists marched on Monday. BLM said it would protest again.",
         {"BLM": "ORG"}, "BLM", ("Black Lives Matter", "ORG")),
        # ... but an acronym spelled out twice, two ways, stays as written ...
        ("Black Lives Matter marched. Big Local Media filmed it. BLM said it would protest again.",
         {"BLM": "ORG"}, "BLM", ("BLM", "ORG")),
        # ... and so does one whose letters are only a person's name.
        ("Ann Parker Collins spoke on Monday. APC said it would protest again.",
         {"Ann Parker Collins": "PERSON", "APC": "ORG"}, "APC", ("APC", "ORG")),
    ],
)
def test_resolve_an_acronym_is_the_organisation_the_article_spells_out(text, names, source, expected):
    q = resolved_last(text, names, source)
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    "text, names, source, expected",
    [
        # A party before a name the recogniser took for an organisation is no part of it (a role, as annotators take it) ...
        ("Democrat Elijah Cummings said they are unloading on her.",
         {"Democrat Elijah Cummings": "ORG"}, "Democrat Elijah Cummings", ("Elijah Cummings", "PERSON", "Democrat")),
        # ... nor where the recogniser found only the party; the title before it is the role.
        ("“They are unloading on her,” said Oversight ranking Democrat Elijah Cummings (D-Md.). “They are here.”",
         {"Democrat": "NORP"}, "Oversight ranking Democrat Elijah Cummings (D-Md.)",
         ("Elijah Cummings", "PERSON", "Oversight ranking Democrat")),
    ],
)
def test_resolve_a_party_before_a_name_is_no_part_of_it(text, names, source, expected):
    q = resolved_last(text, names, source)
    assert (q.speaker.name, q.speaker.type, q.speaker.role) == expected


@pytest.mark.parametrize(
    "text, names, source, expected",
    [
        # An outlet's name with what the article calls it is the outlet ...
        ("But as the nationalist Global Times tabloid noted in an op-ed Thursday, the candidate “has earned fans.”",
         {"Global Times": "ORG"}, "nationalist Global Times tabloid", ("Global Times", "ORG")),
        # ... not where the capitalised words name a place: no outlet is called Texas.
        ("As a Texas newspaper noted on Thursday, the candidate “has earned fans.”",
         {"Texas": "GPE"}, "a Texas newspaper", ("Texas newspaper", "ORG")),
    ],
)
def test_resolve_an_outlet_described_is_the_outlet(text, names, source, expected):
    q = resolved_last(text, names, source)
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    "text, source, expected",
    [
        # A poll is named by who ran it and the word the article calls it by ...
        ("A recent CNN survey found that 40 percent of voters back the plan.", "A recent CNN survey", "CNN survey"),
        ("A recent CNN poll found that 40 percent of voters back the plan.", "A recent CNN poll", "CNN poll"),
        # ... the word the article uses most where it uses both.
        ("The survey, conducted by CNN, found that 40 percent back it. The poll was the third this month; polls vary.",
         "The survey, conducted by CNN,", "CNN poll"),
    ],
)
def test_resolve_a_poll_keeps_the_word_the_article_calls_it_by(text, source, expected):
    text = "Headline\n\n" + text
    q = resolved_at(text, {"CNN": "ORG"}, text.index(source), len(source))
    assert (q.speaker.name, q.speaker.type) == (expected, "ORG")


@pytest.mark.parametrize(
    "text, names, source, expected",
    [
        # A role written as its initials is the one person the article gives that role ...
        ("The State Department inspector general, Steve Linick, reviewed the emails. The IG report found that staff "
         "had not searched them.", {"Steve Linick": "PERSON", "State Department": "ORG", "IG": "ORG"}, "The IG report",
         ("Steve Linick", "PERSON")),
        ("Attorney General Loretta Lynch met the press. The AG said no charges would follow.",
         {"Loretta Lynch": "PERSON", "AG": "ORG"}, "The AG", ("Loretta Lynch", "PERSON")),
        # ... not where the article gives it to two people ...
        ("The State Department inspector general, Steve Linick, and the Pentagon inspector general, Glenn Fine, met. "
         "The IG said the review went on.", {"Steve Linick": "PERSON", "Glenn Fine": "PERSON", "IG": "ORG"}, "The IG",
         ("IG", "ORG")),
        # ... or to no one.
        ("The review went on for months. The IG said the review went on.", {"IG": "ORG"}, "The IG", ("IG", "ORG")),
    ],
)
def test_resolve_a_role_written_as_initials_is_its_holder(text, names, source, expected):
    q = resolved_last(text, names, source)
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    "text, names, source, expected",
    [
        # "the lawyer" is the one person the article gives a role headed by "lawyer", though its last word is another ...
        ("Pete Santill said he would stay. The city waited too long, the lawyer said on Monday. Ann Marie Staudenmaier, "
         "a lawyer with the Washington Legal Clinic for the Homeless, has filed a suit.",
         {"Pete Santill": "PERSON", "Ann Marie Staudenmaier": "PERSON", "Washington Legal Clinic for the Homeless": "ORG"},
         "the lawyer", "Ann Marie Staudenmaier"),
        # ... (not a person whose role only ends in it).
        ("Pete Santill said he would stay. The city waited too long, the lawyer said on Monday. Ann Marie Staudenmaier, "
         "a legal aid volunteer for a clinic that employs a lawyer, has filed a suit.",
         {"Pete Santill": "PERSON", "Ann Marie Staudenmaier": "PERSON"}, "the lawyer", None),
    ],
)
def test_resolve_a_title_alone_is_its_one_holder_by_the_role_head(text, names, source, expected):
    text = "Headline\n\n" + text
    q = resolved_at(text, names, text.index(source), len(source))
    assert (q.speaker.name if q.speaker.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    "text, names, source, expected",
    [
        # "it" after a sentence that a candidate's campaign opens is that campaign ...
        ("Donald Trump hired a data firm. The Trump campaign has spent little on voter data, according to its reports. "
         "It showed $200,000 in payments for list rentals.", {"Donald Trump": "PERSON", "Trump": "PERSON"}, "It",
         ("Trump campaign", "ORG")),
        # ... and "it" inside that sentence ...
        ("Hillary Clinton left for Flint. The Clinton campaign is now braced for a fight it expects to last into the spring.",
         {"Hillary Clinton": "PERSON", "Clinton": "PERSON"}, "it", ("Clinton campaign", "ORG")),
        # ... and "they" after a campaign in a clause of its own sentence, no one else named between ...
        ("Hillary Clinton won Warren's backing. It was one the Clinton campaign had long coveted because they are hoping "
         "it will help.", {"Hillary Clinton": "PERSON", "Warren": "PERSON", "Clinton": "PERSON"}, "they", ("Clinton campaign", "ORG")),
        ("Hillary Clinton won. It was one the Clinton campaign had long coveted because Democrats say they are hoping for it.",
         {"Hillary Clinton": "PERSON", "Clinton": "PERSON"}, "they", None),
        # ... but not a campaign of no one the article names.
        ("The Smith campaign has spent little on voter data. It showed $200,000 in payments.", {}, "It", None),
    ],
)
def test_resolve_it_after_a_campaign_opening_the_sentence_is_the_campaign(text, names, source, expected):
    q = resolved_last(text, names, source)
    assert ((q.speaker.name, q.speaker.type) if q.speaker else None) == expected


@pytest.mark.parametrize(
    "text, names, source, expected",
    [
        # A description that is an organisation's own name is that organisation, not another of its kind named before ...
        ("The Justice Department opened a review. Officials met on Monday. The emails were sent in 2012, the State "
         "Department said.", {"Justice Department": "ORG", "State Department": "ORG"}, "the State Department",
         "State Department"),
        # ... "the House" is no White House ...
        ("Both chambers have approved the bill. The White House objected. The House is likely to vote on it, aides said.",
         {"White House": "ORG", "House": "ORG"}, "The House", "House"),
        # ... while "the White House" stays itself ...
        ("The House passed the bill. Officials met on Monday. The White House also blasted congressional Republicans.",
         {"House": "ORG", "The White House": "ORG"}, "The White House", "White House"),
        # ... and a generic one ("The Super PAC") is still the one named before.
        ("Our Principles PAC is spending $2 million. The Super PAC said the ads would run in May.",
         {"Our Principles PAC": "ORG", "Super PAC": "ORG"}, "The Super PAC", "Our Principles PAC"),
    ],
)
def test_resolve_a_description_that_is_a_name_is_that_organisation(text, names, source, expected):
    q = resolved_last(text, names, source)
    assert (q.speaker.name, q.speaker.type) == (expected, "ORG")


@pytest.mark.parametrize(
    "text, source, expected",
    [
        # A public figure named by a first name as a person's kin is that figure, whose roles a description then finds ...
        ("Hillary Clinton attacked Sanders on Monday. Clinton's husband, Bill, hurled the kitchen sink at Sanders in a speech "
         "Sunday. But the former president showed restraint on Monday.", "the former president", ("Bill Clinton", "PERSON")),
        # ... but kin nobody knows stay a first name ("Barden" later is the father).
        ("Mark Barden's son, Daniel, was killed at the school. Barden now leads a group, he said.", "Barden",
         ("Mark Barden", "PERSON")),
    ],
)
def test_resolve_a_public_figure_named_as_kin(text, source, expected):
    text = "Headline\n\n" + text
    names = {"Hillary Clinton": "PERSON", "Clinton": "PERSON", "Bill": "PERSON", "Sanders": "PERSON", "Mark Barden": "PERSON",
             "Daniel": "PERSON", "Barden": "PERSON"}
    q = resolved_at(text, {k: v for k, v in names.items() if k in text}, text.rindex(source), len(source))
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    "text, names, expected",
    [
        # "the senior Cruz adviser" after "a senior Cruz adviser" is that unnamed adviser, not the person quoted between ...
        ("“That can go a long way,” said a senior Cruz adviser. Chairman Roger Wicker (R-Miss.) said he expects Cruz to play "
         "a role. “I think politicians are practical people,” said the senior Cruz adviser.",
         {"Roger Wicker": "PERSON", "Cruz": "PERSON"}, ("senior Cruz adviser", "DESCRIPTION")),
        # ... unless the article named the adviser where it introduced them.
        ("“That can go a long way,” said a senior Cruz adviser, Jason Miller. Chairman Roger Wicker said he expects Cruz "
         "to play a role. “I think so,” said the senior Cruz adviser.",
         {"Jason Miller": "PERSON", "Roger Wicker": "PERSON", "Cruz": "PERSON"}, ("Jason Miller", "PERSON")),
    ],
)
def test_resolve_a_definite_description_after_the_same_indefinite_is_that_unnamed_one(text, names, expected):
    text = "Headline\n\n" + text
    spans = [(text.index(s), text.index(s) + len(s)) for s in ("a senior Cruz adviser", "Roger Wicker")]
    spans.append((text.rindex("the senior Cruz adviser"), text.rindex("the senior Cruz adviser") + len("the senior Cruz adviser")))
    q = resolved_all(text, names, spans)[-1]  # (the Wicker quote just before would take it otherwise)
    assert (q.speaker.name, q.speaker.type) == expected


def test_resolve_a_pronoun_after_a_fronted_phrase_of_another_gender_is_the_subject_before():
    # "Mr. Sanders's campaign vowed ... As word of Mrs. Clinton's victories rolled in, he gave a speech": Sanders, whose
    # campaign opens the sentence before, not the man quoted before it.
    text = ("Headline\n\n“You are not going to win by proposing incremental changes,” Mr. Murphy said. Mr. Sanders's campaign "
            "vowed Tuesday to remain in the fight. As word of Mrs. Clinton's victories rolled in on Tuesday, he gave a defiant speech.")
    names = {"Murphy": "PERSON", "Sanders": "PERSON", "Clinton": "PERSON"}
    spans = [(text.index("Mr. Murphy"), text.index("Mr. Murphy") + 10), (text.index(" he gave") + 1, text.index(" he gave") + 3)]
    q = resolved_all(text, names, spans)[-1]
    assert q.speaker.name == "Bernie Sanders"  # (the public figure the surname names)


@pytest.mark.parametrize(
    "text, role",
    [
        # An imperative opening the sentence is no part of the role after it ...
        ("MEXICO CITY (UPI) — Count former Mexican President Felipe Calderon among Trump's critics. Felipe Calderon said it.",
         "former Mexican President"),
        ("Consider former Mexican President Felipe Calderon. Felipe Calderon said it.", "former Mexican President"),
        # ... while a title opening it is the role.
        ("Former Mexican President Felipe Calderon spoke. Felipe Calderon said it.", "Former Mexican President"),
    ],
)
def test_resolve_an_imperative_opening_the_sentence_is_no_role(text, role):
    text = "Headline\n\n" + text
    q = resolved_at(text, {"Felipe Calderon": "PERSON", "Trump": "PERSON"}, text.rindex("Felipe Calderon"), len("Felipe Calderon"))
    assert (q.speaker.name, q.speaker.role) == ("Felipe Calderon", role)


@pytest.mark.parametrize(
    "before, role",
    [
        # A page's caption run into the text is no part of a title ...
        ("Kasich And BushASSOCIATED PRESSOhio Gov.", "Governor"),
        ("JEWEL SAMAD via Getty ImagesRepublican presidential candidate", "presidential candidate"),
        # ... but capitals inside a name or a plural acronym are no run-together words.
        ("McDonald's Chief Executive", "McDonald's Chief Executive"),
    ],
)
def test_resolve_words_run_together_are_no_role(before, role):
    text = f"Headline\n\n{before} John Kasich answers a question. John Kasich said it."
    q = resolved_at(text, {"John Kasich": "PERSON"}, text.rindex("John Kasich"), len("John Kasich"))
    assert q.speaker.role == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # A verb after the description's head, known by its form, where the description opens a sentence or a clause
        # (Ben Carson, a public figure, was a retired neurosurgeon in 2016).
        ("Ben Carson spoke on Monday.\n\nThe retired neurosurgeon addressed his concerns later. Carson said so.", "retired neurosurgeon"),
        ("Ben Carson spoke on Monday.\n\nIn a new poll, the retired neurosurgeon wins a third of voters. Carson said so.", "retired neurosurgeon"),
        ("Ben Carson spoke on Monday.\n\nThe retired neurosurgeon -- who has been in a scuffle -- regretted it. Carson said so.",
         "retired neurosurgeon"),
        # ... not after a preposition, where the word after it is a participle ("with the neurosurgeon focused on ...").
        ("Ben Carson spoke on Monday.\n\nAides insist that, with the retired neurosurgeon focused on Iowa, all is well. Carson said so.", None),
        # A description repeating part of a fuller role given before it gives none of its own.
        ("Ben Carson spoke on Monday.\n\nThe retired neurosurgeon addressed his concerns. Later the neurosurgeon sounded off. Carson said so.",
         "retired neurosurgeon"),
        # After "of" the description names someone ("a defense of the neurosurgeon"), after "one of" no one in particular.
        ("Ben Carson spoke on Monday.\n\nThe editorial is a rousing defense of the retired neurosurgeon and his record. Carson said so.",
         "retired neurosurgeon"),
        ("Ben Carson spoke on Monday.\n\nHe is one of the retired neurosurgeon and his friends. Carson said so.", None),
        # A description after a copula with a clause of its own says what the subject is, not who it names.
        ("Ben Carson spoke on Monday.\n\nMr. Cruz said he was the retired neurosurgeon who had shown he could win. Carson said so.", None),
    ],
)
def test_resolve_a_description_ended_by_a_verb_is_a_role_of_who_it_names(text, role):
    q = resolved_last(text, {"Ben Carson": "PERSON", "Carson": "PERSON"}, "Carson")
    assert (q.speaker.name, q.speaker.role) == ("Ben Carson", role)


def test_resolve_a_descriptions_head_keeps_its_of_phrase():
    text = "Hillary Clinton spoke on Monday.\n\nPolls reinforced perceptions of the former secretary of state as strong. Clinton said so."
    q = resolved_last(text, {"Hillary Clinton": "PERSON", "Clinton": "PERSON"}, "Clinton")
    assert (q.speaker.name, q.speaker.role) == ("Hillary Clinton", "former secretary of state")


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # A first name the recogniser left out of a name that opens with none: the person's full name.
        ("Representative Debbie Wasserman Schultz of Florida spoke. Wasserman Schultz said so.", {"Wasserman Schultz": "PERSON"},
         "Debbie Wasserman Schultz"),
        # ... not a word that opens a question, nor a first name that already opens the name.
        ("Will Wasserman Schultz run again? Wasserman Schultz said so.", {"Wasserman Schultz": "PERSON"}, "Wasserman Schultz"),
        ("Aides to Ann Tom Hale spoke. Tom Hale said so.", {"Tom Hale": "PERSON"}, "Tom Hale"),
    ],
)
def test_resolve_a_first_name_left_out_by_the_recogniser_is_part_of_the_name(text, names, expected):
    q = resolved_last(text, names, text.split(". ")[-1].removesuffix(" said so."))
    assert q.speaker.name == expected


def test_resolve_a_pronoun_after_a_name_in_a_fronted_phrase_is_the_subject():
    text = ("With Merrick Garland, President Barack Obama made the safe choice for the Supreme Court. "
            "He is trying to call the Republicans' bluff.")
    q = resolved_last(text, {"Merrick Garland": "PERSON", "Barack Obama": "PERSON"}, "He")
    assert q.speaker.name == "Barack Obama"


@pytest.mark.parametrize("mark", ["''", '"'])
def test_resolve_a_role_inside_two_apostrophes_is_a_quotations_not_the_articles(mark):
    # Some newspapers' archives write a quotation mark as two apostrophes: what they hold is the speaker's words.
    text = (f"Vladimir Putin spoke of Donald Trump in Moscow on Thursday. {mark}It is up to the voters. But he is an absolute "
            f"leader of the presidential race,{mark} the Russian leader said.")
    q = resolved_last(text, {"Vladimir Putin": "PERSON", "Donald Trump": "PERSON"}, "the Russian leader")
    assert q.speaker.name != "Donald Trump"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # A lower-case word after a modal or an infinitive's "to" is a verb, no title; the title may be its object.
        ("The conference is expected to host Tom Hale's two rivals. Hale said so.", None),
        ("Ryan will face challenger Tom Hale in a primary. Hale said so.", "challenger"),
        # "according to" is no infinitive: the title after it is one.
        ("Many came, according to campaign manager Tom Hale. Hale said so.", "campaign manager"),
    ],
)
def test_resolve_a_verb_before_a_name_is_no_title(text, role):
    q = resolved_last(text, {"Tom Hale": "PERSON", "Hale": "PERSON"}, "Hale")
    assert (q.speaker.name, q.speaker.role) == ("Tom Hale", role)


def test_resolve_a_persons_name_ends_at_a_dash_set_off_by_spaces():
    # The recogniser ran the name over the dash into the next one's possessive.
    text = ("In an interview, Deborah Jordan Reynolds - Santilli's girlfriend and co-host on the show - spoke of it. "
            "Reynolds says the two met online.")
    q = resolved_last(text, {"Deborah Jordan Reynolds - Santilli's": "PERSON", "Reynolds": "ORG"}, "Reynolds")
    assert (q.speaker.name, q.speaker.type) == ("Deborah Jordan Reynolds", "PERSON")


def test_resolve_a_first_name_before_a_known_surname_the_recogniser_missed_is_a_person_of_their_own():
    text = ("Donald Trump spoke on Monday. His wife has spoken on only a few occasions.\n\n"
            "Ivanka Trump, 34, could be an effective bridge to female voters. She is an executive vice president of the "
            "Trump Organization and head of her own brand. She said so.")
    q = resolved_last(text, {"Donald Trump": "PERSON"}, "She")
    assert (q.speaker.name, q.speaker.role) == ("Ivanka Trump", "executive vice president of the Trump Organization")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "who" after a noun phrase that follows the name is that noun phrase's, not the name's ...
        ("There is no overlap with Tom Hale's team, a White House official who spoke anonymously said.", None),
        # ... unless the noun phrase is an apposition (after a place) or a predicate of the name.
        ("Gov. Tom Hale of Ohio, a Republican who has refused to endorse Mr. Trump, said so.", "Tom Hale"),
        ("Tom Hale is the state attorney who charged Zimmerman with murder.", "Tom Hale"),
    ],
)
def test_resolve_who_after_a_noun_phrase_after_a_name(text, expected):
    q = resolved_last(text, {"Tom Hale": "PERSON", "Trump": "PERSON", "Zimmerman": "PERSON"}, "who")
    assert (q.speaker.name if q.speaker is not None and q.speaker.type != "DESCRIPTION" else None) == expected


def test_resolve_who_after_an_apposition_naming_anothers_possession_is_the_appositions_person():
    text = ("''It is fine,'' said Yevgeny E. Kopachko, a pollster with Mr. Yanukovych's former party who cooperated with "
            "Mr. Manafort for years.")
    q = resolved_last(text, {"Yevgeny E. Kopachko": "PERSON", "Yanukovych": "PERSON", "Manafort": "PERSON"}, "who")
    assert q.speaker.name == "Yevgeny E. Kopachko"


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        # "which" after what someone made or wrote is whose it is.
        ("For Ann Ray, the event presented a chance to roll out her jobs and infrastructure plan, which includes a bank.", "which", "Ann Ray"),
        ("Ann Ray spoke on Monday. The statements echo the rhetoric of her new Iowa ad, which promises to stop the Republicans.",
         "which", "Ann Ray"),
        # ... not after a thing of no one's.
        ("Ann Ray spoke on Monday. The statements echo the new rules, which promise to stop the Republicans.", "which", None),
    ],
)
def test_resolve_which_after_an_authored_thing_is_its_author(text, source, expected):
    q = resolved_last(text, {"Ann Ray": "PERSON"}, source)
    assert (q.speaker.name if q.speaker is not None and q.speaker.type != "DESCRIPTION" else None) == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A country's adjective the recogniser took for a person is none ("Kazakh" beside "Kazakhstan") ...
        ("Kazakhstan's foreign minister, Erlan Idrissov, plays down concerns. China may outnumber the Kazakh population by "
         "80 to 1, but its progress is good news, he says.",
         {"Kazakhstan": "GPE", "Erlan Idrissov": "PERSON", "China": "GPE", "Kazakh": "PERSON"}, "he", ("Erlan Idrissov", "PERSON")),
        # ... and "it" after a description it opens is the body the description names.
        ("Kazakhstan is growing. The Kazakh government is building a dry port at Khorgos in what it hopes will become a hub.",
         {"Kazakhstan": "GPE", "Kazakh": "PERSON", "Khorgos": "GPE"}, "it", ("Kazakh government", "ORG")),
        # A family's plural is no country: "Khan" beside "the Khans" is a person.
        ("The Khans spoke. Khizr Khan said his son died. Khan said so.", {"Khans": "GPE", "Khizr Khan": "PERSON", "Khan": "PERSON"}, "Khan",
         ("Khizr Khan", "PERSON")),
    ],
)
def test_resolve_a_countrys_adjective_is_no_person(text, names, source, expected):
    q = resolved_last(text, names, source)
    assert ((q.speaker.name, q.speaker.type) if q.speaker else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A title and a surname the recogniser missed: the public figure the surname alone means ...
        ('"She is ready," Clinton said.\n\n"Great speech."\n\n-President Obama, tweeting after the speech.', "Barack Obama"),
        # ... also where the article names another of that surname, whose roles the title is none of.
        ('Michelle Obama spoke. "She is ready," Clinton said.\n\n"Great speech."\n\n-President Obama, tweeting.', "Barack Obama"),
    ],
)
def test_resolve_a_title_and_surname_the_recogniser_missed_is_the_public_figure(text, expected):
    names = {"Clinton": "PERSON", "Michelle Obama": "PERSON"} if "Michelle" in text else {"Clinton": "PERSON"}
    q = resolved_last(text, names, "President Obama")
    assert (q.speaker.name, q.speaker.type) == (expected, "PERSON")


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # A title before "and" and a courtesy title is the other one's ("the president and Mrs. Clinton") ...
        ("Obama spoke. It reminded experts of the gulf between the president and Mrs. Hale, which emerged in 2008. Hale said so.", None),
        # ... a title after "and" stays the name's own ("Donald Trump and Sen. Ann Hale").
        ("Obama spoke. It reminded experts of the gulf between Donald Trump and Sen. Ann Hale. Hale said so.", "Senator"),
    ],
)
def test_resolve_a_title_before_and_a_courtesy_title_is_anothers(text, role):
    q = resolved_last(text, {"Obama": "PERSON", "Hale": "PERSON", "Ann Hale": "PERSON", "Donald Trump": "PERSON"}, "Hale")
    assert q.speaker.role == role


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # UTF-8 read as Windows-1252 where the page was made: the name and role as they were written.
        ("President FranÃ§ois Hollande", ("François Hollande", "President")),
        ("Mexican President Enrique PeÃ±a Nieto", ("Enrique Peña Nieto", "Mexican President")),
        # (a name written right is left as it is)
        ("President François Hollande", ("François Hollande", "President")),
    ],
)
def test_resolve_a_speakers_name_read_in_the_wrong_encoding_is_repaired(name, expected):
    text = f"{name} spoke in Paris on Monday. He said it was fine."
    person = name.split(" ", 1)[1] if name.startswith("President") else name.split(" ", 2)[2]
    q = resolved_last(text, {person: "PERSON"}, person)
    assert (q.speaker.name, q.speaker.role) == expected


def test_resolve_who_after_a_share_of_people_is_no_one_named():
    text = ("For Donald Trump, a majority of likely voters, 56%, have a negative response to his nomination, including 18% "
            "who say they would be dissatisfied.")
    q = resolved_last(text, {"Donald Trump": "PERSON"}, "who")
    assert q.speaker is None or q.speaker.type == "DESCRIPTION"


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # "PAC" alone is no organisation's name: the PAC the article names, else a description, never a speaker "PAC" that
        # every unnamed PAC of the store would share.
        ("A pro-Rubio super PAC spent $2 million on ads.", {"PAC": "ORG"}, "A pro-Rubio super PAC", ("pro-Rubio super PAC", "DESCRIPTION")),
        ("Our Principles PAC spent more on Monday. The PAC said so.", {"Our Principles PAC": "ORG", "PAC": "ORG"}, "The PAC",
         ("Our Principles PAC", "ORG")),
    ],
)
def test_resolve_a_kind_of_body_is_no_organisations_name(text, names, source, expected):
    q = resolved_last(text, names, source)
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        # A capitalised plural after "the", "most" ... is a group, no one's name ...
        ("Yet the Founding Fathers would be spinning in their graves, the paper said.", "the Founding Fathers", None),
        ("Most Millennials say they are worried about debt.", "Most Millennials", None),
        # ... but "the Clintons" of an article naming a Clinton is that family, and a full name the recogniser missed is a person.
        ("Dinesh DeSouza spoke. Dinesh DeSouza says the film is his best.", "Dinesh DeSouza", "Dinesh DeSouza"),
    ],
)
def test_resolve_a_capitalised_plural_after_a_determiner_is_a_group(text, source, expected):
    q = resolved_last(text, {}, source)
    assert (q.speaker.name if q.speaker is not None and q.speaker.type != "DESCRIPTION" else None) == expected


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        # What one person writes, after a name the article gives that person: theirs.
        ("Anne-Marie Slaughter wrote to Clinton often. Another Slaughter email urged action.", "Another Slaughter email", "Anne-Marie Slaughter"),
        # ... not after a name nobody of the article has.
        ("Anne-Marie Slaughter wrote to Clinton often. Another Benghazi email urged action.", "Another Benghazi email", None),
    ],
)
def test_resolve_what_one_person_writes_after_their_name_is_theirs(text, source, expected):
    q = resolved_last(text, {"Anne-Marie Slaughter": "PERSON", "Clinton": "PERSON", "Benghazi": "GPE"}, source)
    assert (q.speaker.name if q.speaker is not None and q.speaker.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # An "organisation" all in lower case is no name: a description ("an angry army of HP workers").
        ("HP cut jobs. An angry army of HP workers and retirees say the cuts were wrong.", {"HP": "ORG", "angry army": "ORG"},
         "An angry army of HP workers and retirees", ("angry army of HP workers and retirees", "DESCRIPTION")),
        # An attribution set in after a name is no apposition: "Clinton, a top aide said, ..." is the aide's.
        ("Nate Silver tweeted on Wednesday. Clinton, a top aide said, “is very confident” about the race.",
         {"Nate Silver": "PERSON", "Clinton": "PERSON"}, "a top aide", ("top aide", "DESCRIPTION")),
    ],
)
def test_resolve_no_name_and_no_apposition_give_a_description(text, names, source, expected):
    q = resolved_last(text, names, source)
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # People named in a relative clause of the source are not several speakers with the one it names ...
        ("Edwin M. Truman, a fellow at the institute who worked with Lael Brainard and Barack Obama", ("Edwin M. Truman", "PERSON")),
        # ... but two people joined by "and" before any such clause are.
        ("Lael Brainard and Barack Obama, who worked with Edwin M. Truman", ("Lael Brainard and Barack Obama, who worked with Edwin M. Truman", "DESCRIPTION")),
    ],
)
def test_resolve_people_named_in_a_relative_clause_of_the_source_are_not_its_speakers(source, expected):
    text = f"A headline.\n\n“She is an internationalist,” said {source}. “She knows.”"
    q = resolved_last(text, {"Edwin M. Truman": "PERSON", "Lael Brainard": "PERSON", "Barack Obama": "PERSON"}, source)
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("apposition", "role"),
    [
        # An apposition giving a past role "and now" another: the role in force is the one after "now" ...
        ("a campaign aide during her failed 2008 run and now director of the Georgetown University Institute of Politics and Public Service",
         "director of the Georgetown University Institute of Politics and Public Service"),
        ("a campaign aide in 2008 and now a professor at Yale", "professor at Yale"),
        # ... where what follows "now" is a role; else the first role stands.
        ("a campaign aide in 2008 and now retired", "campaign aide"),
    ],
)
def test_resolve_an_apposition_with_and_now_gives_the_role_in_force(apposition, role):
    text = f"Mo Elleithee, {apposition}, said it. Elleithee said more."
    q = resolved_last(text, {"Mo Elleithee": "PERSON", "Elleithee": "PERSON", "Georgetown University Institute of Politics": "ORG"}, "Elleithee")
    assert q.speaker.name == "Mo Elleithee" and q.speaker.role == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # A role set off before a name by a comma, with where the person works after "at" ...
        ("In one exchange, an executive at the Clinton Foundation, Douglas J. Band, sought a meeting. Mr. Band said it was true.",
         "executive at the Clinton Foundation"),
        # ... or closed by a semicolon after the name.
        ("The reporter in question is the network’s foreign affairs reporter, Douglas J. Band; and his emails show it. Mr. Band said it was true.",
         "foreign affairs reporter"),
        # (an organisation's name alone before the comma is no role)
        ("In one exchange, staff at the Clinton Foundation, Douglas J. Band, sought a meeting. Mr. Band said it was true.", None),
    ],
)
def test_resolve_a_role_before_a_name_set_off_by_a_comma(text, role):
    q = resolved_last(text, {"Douglas J. Band": "PERSON", "Mr. Band": "PERSON", "Clinton Foundation": "ORG"}, "Mr. Band")
    assert q.speaker.name == "Douglas J. Band" and q.speaker.role == role


@pytest.mark.parametrize(
    ("apposition", "role"),
    [
        # A role naming another person of the article as whom it serves is the role alone, as "Sanders' spokesman" reads ...
        ("a spokesman for Sanders", "spokesman"),
        ("a top adviser to Bernie Sanders", "top adviser"),
        # ... an organisation's name, a campaign or a group named after the person stays part of it.
        ("a spokesman for Exxon Mobil", "spokesman for Exxon Mobil"),
        ("a spokesman for Sanders’s campaign", "spokesman for Sanders’s campaign"),
        ("organizer of a group called Citizens for Sanders", "organizer of a group called Citizens for Sanders"),
    ],
)
def test_resolve_a_role_without_the_person_it_serves(apposition, role):
    text = f"Bernie Sanders spoke. Michael Briggs, {apposition}, said it. Briggs said more."
    q = resolved_last(text, {"Bernie Sanders": "PERSON", "Michael Briggs": "PERSON", "Briggs": "PERSON", "Exxon Mobil": "ORG"}, "Briggs")
    assert q.speaker.name == "Michael Briggs" and q.speaker.role == role


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        # A count, or a counterproposal, is its maker's, as a tally or a proposal is.
        ("Clinton leads by 271 delegates, according to a count by The Associated Press.", "a count by The Associated Press",
         "Associated Press"),
        ("The current Associated Press count shows Clinton ahead.", "The current Associated Press count", "Associated Press"),
        ("In 2008, the SVP launched an initiative. The SVP counterproposal argued that towns should decide.", "The SVP counterproposal", "SVP"),
    ],
)
def test_resolve_a_count_or_counterproposal_is_its_makers(text, source, expected):
    q = resolved_last(text, {"The Associated Press": "ORG", "Associated Press": "ORG", "SVP": "ORG", "Clinton": "PERSON"}, source)
    assert (q.speaker.name, q.speaker.type) == (expected, "ORG")


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A name the recogniser gives whose last word is a plural of a title is the place or body it names ...
        ("Clinton said it.\n\nThe United States has not publicly accused Russia.", {"Clinton": "PERSON", "The United States": "GPE"},
         "The United States", ("United States", "GPE")),
        ("Clinton said it.\n\nThe American Federation of Teachers endorsed her.", {"Clinton": "PERSON", "American Federation of Teachers": "ORG"},
         "The American Federation of Teachers", ("American Federation of Teachers", "ORG")),
        # ... a plural of a title it names no body in is a group.
        ("Clinton said it.\n\nThe teachers endorsed her.", {"Clinton": "PERSON"}, "The teachers", ("teachers", "DESCRIPTION")),
    ],
)
def test_resolve_a_name_ending_in_a_plural_title_is_no_group(text, names, source, expected):
    q = resolved_last(text, names, source)
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("headline", "names", "expected"),
    [
        # A headline's one word that the body names as a place or an organisation is that place or organisation ...
        ("Why Does Israel Refuse To Recognize It?", {"Israel": "GPE"}, ("Israel", "GPE")),
        ("U.S. Flexes Muscles As Asia Worries About A Row", {"Asia": "LOC"}, ("Asia", "GPE")),
        # ... one the body never names so stays a description.
        ("Why Does Israel Refuse To Recognize It?", {"Turkey": "GPE"}, ("Israel", "DESCRIPTION")),
    ],
)
def test_resolve_a_headline_word_the_body_names_is_that_place(headline, names, expected):
    source = "Israel" if "Israel" in headline else "Asia"
    text = f"{headline}\n\nOfficials in {next(iter(names))} said so on Monday."
    at = text.index(source)
    q = Quote("indirect", None, [Span.of(text, at, at + len(source))], [Span.of(text, at, at + len(source))])
    body = len(headline) + 2
    resolve_speakers(text, [q], [m for m in mentions_of(text, names) if m.start >= body], "2016-05-01")  # the headline's missed
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("source", "several"),
    [
        # Two named people joined by "and", each with a title, a party tag or an apposition closed by a comma: several ...
        ("Sen. Bernie Sanders (I-Vt.) and former Maryland Gov. Martin O’Malley", True),
        ("Jeb Bush, the former Florida governor, and Senator Marco Rubio of Florida", True),
        ("Bernie Sanders And Marco Rubio", True),
        # ... one person's two roles, or people named inside one person's apposition, are that person.
        ("Jeb Bush, a schoolteacher and Sanders supporter", False),
        ("Jeb Bush, a former adviser to President Bernie Sanders and President Marco Rubio", False),
        ("Jeb Bush, a staff member for Republicans such as Sen. Bernie Sanders and former Rep. Marco Rubio,", False),
    ],
)
def test_resolve_named_people_joined_by_and_with_their_roles_are_several(source, several):
    text = f"“We won,” said {source}. It was late."
    names = {"Bernie Sanders": "PERSON", "Martin O’Malley": "PERSON", "Jeb Bush": "PERSON", "Marco Rubio": "PERSON", "Sanders": "PERSON"}
    q = resolved_last(text, names, source)
    assert (q.speaker.type == "DESCRIPTION") == several
    assert several or q.speaker.name == "Jeb Bush"


@pytest.mark.parametrize(
    ("source", "several"),
    [
        # A pronoun and a named person, a named person and others: several speakers ...
        ("He and House Judiciary Committee Chairman Bob Goodlatte (R-Va.)", True),
        ("President Obama, Hillary Clinton, and other Democrats", True),
        ("Mr. Goodlatte, and others,", True),
        # ... "and other" inside an apposition or a clause is not the source's.
        ("Bob Goodlatte, who lost to Hillary Clinton and whose views on trade and other issues clashed with hers,", False),
    ],
)
def test_resolve_a_pronoun_or_others_beside_a_named_person_are_several(source, several):
    text = f"Bob Goodlatte spoke.\n\n“We won,” said {source}. It was late."
    names = {"Bob Goodlatte": "PERSON", "Mr. Goodlatte": "PERSON", "President Obama": "PERSON", "Hillary Clinton": "PERSON"}
    q = resolved_last(text, names, source)
    assert (q.speaker.type == "DESCRIPTION") == several


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the nonprofit" is the organisation named last that is no public body ...
        ("The European Centre hired the firm. Disclosure to the Justice Department was not required, based on the nonprofit's assurances.",
         "European Centre"),
        # ... "the organization" may be any.
        ("The European Centre hired the firm. Disclosure to the Justice Department was not required, based on the organization's assurances.",
         "Justice Department"),
    ],
)
def test_resolve_a_nonprofit_is_no_public_body(text, expected):
    source = "the nonprofit's" if "nonprofit" in text else "the organization's"
    q = resolved_last(text, {"European Centre": "ORG", "Justice Department": "ORG"}, source)
    assert (q.speaker.name, q.speaker.type) == (expected, "ORG")


@pytest.mark.parametrize(
    ("cut", "expected"),
    [
        # A source cut inside a word is read as the whole words it touches.
        ((0, -1), ("Barack Obama", "PERSON")),  # "Mr. Obam"
        ((1, 0), ("Barack Obama", "PERSON")),  # "r. Obama"
        ((0, 0), ("Barack Obama", "PERSON")),
    ],
)
def test_resolve_a_source_cut_inside_a_word_is_its_whole_words(cut, expected):
    text = "Headline\n\nPresident Barack Obama spoke on Sunday. “We are proud,” said Mr. Obama."
    at = text.rindex("Mr. Obama")
    q = resolved_at(text, {"Barack Obama": "PERSON", "Obama": "PERSON"}, at + cut[0], len("Mr. Obama") - cut[0] + cut[1])
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A report a person spoke of (the object of their verb) is not theirs ...
        ("A spokesman for Hillary Clinton called a report on the foundation “outrageous.” The report showed that donors met her.", None),
        # ... one they made, provided or said something in is.
        ("Peter Cook provided a written statement on Tuesday. The statement said the practice had stopped.", "Peter Cook"),
        ("Peter Cook released a report on Tuesday. The report said the practice had stopped.", "Peter Cook"),
    ],
)
def test_resolve_a_thing_a_person_spoke_of_is_not_theirs(text, expected):
    source = "The report" if "The report" in text else "The statement"
    q = resolved_last(text, {"Hillary Clinton": "PERSON", "Peter Cook": "PERSON"}, source)
    assert (q.speaker.name if q.speaker is not None and q.speaker.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        # "his" / "her" before a description is whom a "he" / "she" there would be: the subject of the sentence before,
        # not the person quoted last ...
        ("“We run a strong campaign,” said Jeff Weaver. Bernie Sanders appears to be spending more heavily. "
         "His campaign said he had $28 million left.", "His campaign", "Sanders campaign"),
        ("“We met her,” said Mary Baker. Hillary Clinton is nearing an agreement. But her team has not assumed it.",
         "her team", "Clinton campaign"),
        # ... and the person quoted last where the sentence before has no subject of that gender.
        ("“We run a strong campaign,” said Jeff Weaver. The donations came in. His campaign said it had $28 million left.",
         "His campaign", "Weaver campaign"),
    ],
)
def test_resolve_his_or_her_before_a_description_by_salience(text, source, expected):
    names = {"Jeff Weaver": "PERSON", "Bernie Sanders": "PERSON", "Mary Baker": "PERSON", "Hillary Clinton": "PERSON"}
    quoted = next(n for n in ("Jeff Weaver", "Mary Baker") if n in text)
    spans = [(text.index(quoted), text.index(quoted) + len(quoted)), (text.rindex(source), text.rindex(source) + len(source))]
    _, q = resolved_all(text, names, spans)
    assert q.speaker is not None and q.speaker.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the group" is the foundation, coalition ... the article named, before a company named since ...
        ("The Trayvon Martin Foundation did not comment, telling Fox 35 that it is focused on its work. "
         "“We are focused on our mission,” the group said.", "Trayvon Martin Foundation"),
        # ... and the company named last where no such body is.
        ("Acme Holdings did not comment, telling Fox 35 that it is focused on its work. “We are focused,” the group said.", "Fox 35"),
    ],
)
def test_resolve_the_group_is_a_body_of_its_kind_before_a_company(text, expected):
    q = resolved_last(text, {"Trayvon Martin Foundation": "ORG", "Fox 35": "ORG", "Acme Holdings": "ORG"}, "the group")
    assert (q.speaker.name, q.speaker.type) == (expected, "ORG")


def test_resolve_an_ordinal_description_names_no_organisation():
    # "the first group" (of voters) picks one of several named: no role of the organisation quoted
    text = ("Priorities USA Action announced an ad buy. “We will win,” Priorities USA Action said. Polls split voters in two; "
            "the campaign aims ads at the first group.")
    q = resolved_last(text, {"Priorities USA Action": "ORG"}, "Priorities USA Action")
    assert q.speaker.name == "Priorities USA Action" and q.speaker.role is None


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        # A description that "continued" or "added" after a quotation is the person just quoted where it fits them too ...
        ("continued, saying, “You need someone who understands economics.”", "Ben Carson"),
        ("added that “you need someone who understands economics.”", "Ben Carson"),
        # ... otherwise the person the description fits best.
        ("said, “You need someone who understands economics.”", "Donald Trump"),
    ],
)
def test_resolve_a_description_that_goes_on_is_the_person_just_quoted(after, expected):
    text = ("Carson on Trump.\n\nDonald Trump plans to empower the black community, Ben Carson said Monday.\n\n“They have to listen,” the retired "
            f"neurosurgeon told a radio show.\n\nThe former Republican presidential candidate {after}")
    spans = [(text.index("the retired neurosurgeon"), text.index("the retired neurosurgeon") + len("the retired neurosurgeon")),
             (text.index("The former"), text.index("The former") + len("The former Republican presidential candidate"))]
    _, q = resolved_all(text, {"Donald Trump": "PERSON", "Ben Carson": "PERSON"}, spans, "2016-07-18")
    assert q.speaker is not None and q.speaker.name == expected


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        # "The statement" after a quote said "in a statement" is that quote's speaker, a person or an organisation ...
        ("“There was no equivalent system,” Powell’s office said in a statement on Friday. The statement added that he used a server.",
         "Powell’s office", "Colin Powell’s office"),
        ("“There was no equivalent system,” said the Exxon Mobil Corporation in an emailed statement. The statement added that it "
         "used a server.", "the Exxon Mobil Corporation", "Exxon Mobil Corporation"),
        # ... not a speaker whose sentence only names a statement elsewhere.
        ("The Exxon Mobil Corporation, whose breaches were uncovered in a statement by the agency, spoke. “It was bad,” the Exxon "
         "Mobil Corporation said. The statement added that it used a server.", "the Exxon Mobil Corporation", "statement"),
    ],
)
def test_resolve_the_statement_is_the_speaker_quoted_saying_it(text, source, expected):
    text = "Headline\n\nColin Powell spoke on Monday. " + text
    at = text.rindex(source)
    spans = [(at, at + len(source)), (text.index("The statement"), text.index("The statement") + len("The statement"))]
    _, q = resolved_all(text, {"Colin Powell": "PERSON", "Exxon Mobil Corporation": "ORG"}, spans)
    assert q.speaker is not None and q.speaker.name == expected


@pytest.mark.parametrize(
    ("apposition", "role"),
    [
        # An apposition's role without an adverb of place after it ...
        ("the governor there,", "governor"),
        # ... without a work's title after "of" (in quotation marks or after an author) ...
        ("a co-author of ''Those Guys Have All the Fun: Inside the World of ESPN.''", "co-author"),
        ("a longtime Democratic Party activist and author of Let the People Rule: Theodore Roosevelt and the Primary.",
         "longtime Democratic Party activist and author"),
        # ... and cut before a relative clause after a noun.
        ("a history teacher at the high school that was hosting the convention,", "history teacher at the high school"),
        # A quotation opening after the description is no title: no role.
        ("the prime minister ''looked ashen,''", None),
    ],
)
def test_resolve_an_appositions_role_without_what_follows_its_head(apposition, role):
    text = f"Polls were close.\n\nJohn Kasich, {apposition} said the polls were wrong. Kasich said more."
    q = resolved_last(text, {"John Kasich": "PERSON", "Kasich": "PERSON"}, "Kasich")
    assert q.speaker.name == "John Kasich" and q.speaker.role == role


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # A poll run by two named jointly is named by both, each whole ("USA TODAY", "Washington Post") ...
        ("A USA TODAY/Suffolk University poll", "USA TODAY/Suffolk University poll"),
        ("a Washington Post/ABC News poll released Sunday", "Washington Post/ABC News poll"),
        ("a CNN/ORC poll", "CNN/ORC poll"),
    ],
)
def test_resolve_a_poll_run_jointly_is_named_by_both_whole(source, expected):
    text = f"Bloomberg may run.\n\nTrump leads, {source} found."
    q = resolved_last(text, {"Suffolk University": "ORG", "ABC News": "ORG", "ORC": "ORG"}, source)
    assert (q.speaker.name, q.speaker.type) == (expected, "ORG")


def test_resolve_a_new_poll_is_the_joint_poll_named_next():
    # "A new national poll" is the poll the text names next, by both its pollsters
    text = "Bloomberg may run.\n\nA new national poll suggests he could win. A USA TODAY/Suffolk University poll found that Trump leads."
    q = resolved_last(text, {"Suffolk University": "ORG"}, "A new national poll")
    assert (q.speaker.name, q.speaker.type) == ("USA TODAY/Suffolk University poll", "ORG")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A pronoun after a fronted phrase whose own pronoun of that gender stands before the one name it gives: not that
        # name, the subject of the sentence before ...
        ("Betsy Ebeling emerged in the emails. In her frequent correspondence with Hillary Clinton, she often used a nickname.",
         "Betsy Ebeling"),
        ("Kyle Babcock spoke. He's leaning toward John Kasich, he said.", "Kyle Babcock"),
        # ... the one name a fronted phrase gives, where no such pronoun stands before it.
        ("Betsy Ebeling emerged in the emails. In an example of how sensitive Hillary Clinton is about it, she often used a nickname.",
         "Hillary Clinton"),
    ],
)
def test_resolve_a_pronoun_after_a_fronted_phrase_with_a_pronoun_of_its_own(text, expected):
    source = "she" if "she often" in text else "he"
    q = resolved_last(text, {"Betsy Ebeling": "PERSON", "Hillary Clinton": "PERSON", "Kyle Babcock": "PERSON", "John Kasich": "PERSON"},
                      source)
    assert q.speaker is not None and q.speaker.name == expected


@pytest.mark.parametrize(
    ("said", "role"),
    [
        # What a sentence says a person is, the first of several things that is a role ...
        ("She is a grandmother and a former Spanish teacher.", "former Spanish teacher"),
        ("She is a former Spanish teacher and a grandmother.", "former Spanish teacher"),
        # ... and nothing from the sentence after.
        ("She is a grandmother. She and a friend teach Spanish.", None),
    ],
)
def test_resolve_a_predicate_role_is_the_first_thing_said_that_is_one(said, role):
    text = f"Betsy Ebeling lives in Chicago.\n\n{said} Ebeling said more."
    q = resolved_last(text, {"Betsy Ebeling": "PERSON", "Ebeling": "PERSON"}, "Ebeling")
    assert q.speaker.name == "Betsy Ebeling" and q.speaker.role == role


def test_resolve_a_clause_after_the_is_no_description():
    # "the more voters fear the candidate": "the" opens a clause there, whose words are no role
    text = "Donald Trump spoke.\n\nThe more politics gets polarized, the more voters fear the candidate at the pole. Trump said more."
    q = resolved_last(text, {"Donald Trump": "PERSON", "Trump": "PERSON"}, "Trump")
    assert q.speaker.name == "Donald Trump" and "voters" not in (q.speaker.role or "")


def test_resolve_an_apposition_describes_the_name_it_is_set_off_from():
    # "Facebook, the biggest social network," (a name the recogniser missed) is no role of the outlet named before
    text = ("Twitter's steps were reported by The New York Times. “We see it,” The New York Times said. "
            "He added that Facebook, the biggest social network, has also been aggressive.")
    q = resolved_last(text, {"The New York Times": "ORG"}, "The New York Times")
    assert q.speaker.name == "New York Times" and q.speaker.role is None


@pytest.mark.parametrize(
    ("apposition", "role"),
    [
        # A description with an infinitive after its head that picks someone out is no role ...
        ("the only Republican candidate to campaign in Wyoming,", None),
        # ... after any other head the infinitive ends the role ...
        ("attorney for one of four groups to file suit over the law,", "attorney for one of four groups"),
        # ... and after a head that takes "to" it says whom the role serves.
        ("an adviser to media and tech start-ups,", "adviser to media and tech start-ups"),
    ],
)
def test_resolve_an_infinitive_after_a_roles_head(apposition, role):
    text = f"Delegates met.\n\nRobert McDuff, {apposition} told delegates they could win. McDuff said more."
    q = resolved_last(text, {"Robert McDuff": "PERSON", "McDuff": "PERSON"}, "McDuff")
    assert q.speaker.name == "Robert McDuff" and q.speaker.role == role


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quotation opening its paragraph, "he said" after it, where the sentence before ends on a person and a verb of
        # their own: that person, not the one quoted last (also after a closing '' of the New York Times archive) ...
        ("''We will win,'' Mr. Trump said.\n\nWhen Mr. Trump defended it, Mr. Kasich forcefully differed.\n\n"
         "''I think they butchered those kids,'' he said.", "John Kasich"),
        ("“We will win,” Mr. Trump said.\n\nWhen Mr. Trump defended it, Mr. Kasich forcefully differed.\n\n"
         "“I think they butchered those kids,” he said.", "John Kasich"),
        ("“We will win,” Mr. Trump said.\n\nMr. Kasich was impressed.\n\n“He's got it,” he said.", "John Kasich"),
        # ... not a possessive's noun ("Sanders’ supporters"), nor a name inside a clause of the sentence.
        ("“We will win,” Mr. Trump said.\n\nMr. Kasich spoke about the hopes of Mr. Trump’s supporters.\n\n"
         "“They expect too much,” he said.", "Donald Trump"),
        ("“We will win,” Mr. Trump said.\n\nHe said the approach put forward by Mr. Kasich is insufficient.\n\n"
         "“They expect too much,” he said.", "Donald Trump"),
    ],
)
def test_resolve_he_said_after_a_sentence_ending_on_a_persons_verb(text, expected):
    spans = [(text.index("Mr. Trump said") , text.index("Mr. Trump said") + len("Mr. Trump")), (text.rindex(" he said") + 1, text.rindex(" he said") + 3)]
    _, q = resolved_all("Debate.\n\n" + text, {"Mr. Trump": "PERSON", "Mr. Kasich": "PERSON", "Donald Trump": "PERSON"},
                        [(a + 9, b + 9) for a, b in spans])
    assert q.speaker is not None and q.speaker.name == expected


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        # What the recogniser takes for a person but opens with a preposition or a plural's possessive is none, nor a title
        # opening with another language's article: a pronoun passes them by ...
        ({"Among Latinos": "PERSON", "Hillary Clinton": "PERSON"}, "Hillary Clinton"),
        ({"Der Spiegel": "PERSON", "Hillary Clinton": "PERSON"}, "Hillary Clinton"),
        # ... a person's name stays one.
        ({"Maria Lopez": "PERSON", "Hillary Clinton": "PERSON"}, "Maria Lopez"),
    ],
)
def test_resolve_no_person_opens_with_a_preposition_or_a_foreign_article(names, expected):
    other = next(n for n in names if n != "Hillary Clinton")
    text = f"Hillary Clinton campaigned in Texas.\n\nPolls were read by {other} on Monday. She said the polls were wrong."
    q = resolved_last(text, names, "She")
    assert q.speaker is not None and q.speaker.name == expected


@pytest.mark.parametrize(
    ("other", "name"),
    [
        # "the president" before anyone is named is the one president the article names: a vice president, a former
        # president hold no office it names
        ("Vice President Joe Biden", "Joe Biden"),
        ("former President George W. Bush", "George W. Bush"),
    ],
)
def test_resolve_the_president_is_the_one_president_named(other, name):
    text = (f"Commandos take on larger role.\n\nWhile the president has said he opposes it, exceptions are made.\n\n"
            f"Military officials spoke on Monday, and {other} spoke later, and more talks were held. Then President Barack Obama "
            "ordered troops.")
    q = resolved_at(text, {"Barack Obama": "PERSON", name: "PERSON"}, text.index("the president"), len("the president"), "2015-12-29")
    assert q.speaker is not None and q.speaker.name == "Barack Obama"


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # A two-word name whose first word is no first name, written in full somewhere, is the full name ...
        ("Opposition wins in Burma.\n\nRANGOON - Aung San Suu Kyi's allies predicted a victory. Suu Kyi said it was early.",
         {"Suu Kyi": "PERSON"}, "Aung San Suu Kyi"),
        ("Clinton's claim.\n\nHillary Rodham Clinton spoke. Rodham Clinton said it was early.", {"Rodham Clinton": "PERSON"},
         "Hillary Rodham Clinton"),
        # ... not with a title or an outlet's possessive before it.
        ("Polls.\n\nCo-anchor Norah O’Donnell spoke. Norah O’Donnell said it was early.", {"Norah O’Donnell": "PERSON"}, "Norah O’Donnell"),
    ],
)
def test_resolve_a_two_word_name_written_in_full_elsewhere(text, names, expected):
    q = resolved_at(text, names, text.rindex(next(iter(names))), len(next(iter(names))))
    assert q.speaker is not None and q.speaker.name == expected


def test_resolve_which_after_a_name_opened_by_a_preposition_is_the_name():
    # "In Congress, which acted quickly": Congress, not "In Congress"
    text = "Obama's plan leaves everyone unhappy.\n\nIn Congress, which acted quickly in Obama's first year, the plan met resistance."
    q = resolved_at(text, {"Congress": "ORG", "Obama": "PERSON"}, text.index("which"), len("which"))
    assert q.speaker is not None and (q.speaker.name, q.speaker.type) == ("Congress", "ORG")


def test_resolve_the_administration_is_no_sentences_the_administration():
    # "The administration" opening an earlier sentence names no administration: the president's, by the article's year
    text = ("Obama's plan leaves everyone unhappy.\n\nPresident Obama sent the plan on Tuesday. The administration has sought "
            "the money for years. “Why should I be surprised?” McCain said.\n\nThe administration said it was reviewing the plan.")
    q = resolved_at(text, {"Obama": "PERSON", "McCain": "PERSON"}, text.rindex("The administration"), len("The administration"), "2016-02-23")
    assert q.speaker is not None and (q.speaker.name, q.speaker.type) == ("Obama administration", "ORG")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the Russian leader" is the Russian president (a leader is a president, a chancellor, a premier ...) ...
        ("Putin praises Trump.\n\nPresident Vladimir V. Putin of Russia spoke. ''He is a bright man,'' the Russian leader said.",
         "Vladimir V. Putin"),
        # ... not a foreign minister.
        ("Lavrov speaks.\n\nRussian Foreign Minister Sergey Lavrov spoke. ''He is a bright man,'' the Russian leader said.", None),
    ],
)
def test_resolve_a_countrys_leader_is_its_president(text, expected):
    q = resolved_last(text.split("\n\n", 1)[1], {"Vladimir V. Putin": "PERSON", "Sergey Lavrov": "PERSON"}, "the Russian leader")
    assert (q.speaker.name if q.speaker is not None and q.speaker.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # A title with an "of" phrase, then a name: the name's, not a description of whoever holds a like title ...
        ("Secretary of State John F. Kerry", "John F. Kerry"),
        # ... a plural of a title before "of" is a group ("Opponents of ...").
        ("Opponents of the plan", None),
    ],
)
def test_resolve_a_title_with_of_then_a_name_is_the_names(source, expected):
    text = (f"Burma votes.\n\n“It was a good day,” White House press secretary Josh Earnest said.\n\n{source} said in a statement "
            "that the elections were an important step.")
    q = resolved_last(text, {"Josh Earnest": "PERSON", "John F. Kerry": "PERSON"}, source)
    assert (q.speaker.name if q.speaker is not None and q.speaker.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("quoted", "label", "expected"),
    [
        # "they" after a country quoted is its people or officials, no one named ...
        ("The United States", "GPE", None),
        # ... after a newspaper quoted, the newspaper.
        ("The Daily News", "ORG", "Daily News"),
    ],
)
def test_resolve_they_after_a_place_quoted_is_no_one(quoted, label, expected):
    text = f"Talks go on.\n\n{quoted} said on Monday that the talks would go on. They added that the deal was close."
    a, b = text.index(quoted), text.index("They")
    q = resolved_all(text, {quoted.removeprefix("The "): label}, [(a, a + len(quoted)), (b, b + 4)])[1]
    assert (q.speaker.name if q.speaker is not None else None) == expected


@pytest.mark.parametrize(
    ("source", "names", "expected"),
    [
        # A projection, research, a rule or regulation: what its maker says, as a report is ...
        ("A projection by the consulting firm Oxford Economics", {"Oxford Economics": "ORG"}, "Oxford Economics"),
        ("A new Labor Department rule", {"Labor Department": "ORG"}, "Labor Department"),
        ("Federal Election Commission regulations", {"Federal Election Commission": "ORG"}, "Federal Election Commission"),
        ("Supreme Court precedents", {"Supreme Court": "ORG"}, "Supreme Court"),
        # ... but an opinion editor is a person's job, not an opinion.
        ("Daily News opinion editor Josh Greenman", {"Daily News": "ORG", "Josh Greenman": "PERSON"}, "Josh Greenman"),
    ],
)
def test_resolve_a_projection_rule_or_research_is_its_makers(source, names, expected):
    text = f"Wages rise.\n\n{source} found that wages would rise by 2020."
    q = resolved_last(text, names, source)
    assert (q.speaker.name if q.speaker is not None and q.speaker.type != "DESCRIPTION" else None) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Names joined by "and", the second after a courtesy title: several people, no one of them ...
        ("The three scholars -- Mr. Tribe, Ms. Epstein and Mr. Amar --", None),
        ("Mr. Tribe and Ms. Epstein", None),
        # ... one name alone is that person.
        ("Mr. Tribe", "Laurence H. Tribe"),
    ],
)
def test_resolve_names_joined_after_courtesy_titles_are_several(source, expected):
    text = (f"Court.\n\nLaurence H. Tribe, Lee Epstein and Akhil Reed Amar wrote a letter. {source} said the Senate must act.")
    names = {"Laurence H. Tribe": "PERSON", "Lee Epstein": "PERSON", "Akhil Reed Amar": "PERSON", "Tribe": "PERSON", "Epstein": "PERSON",
             "Amar": "PERSON"}
    q = resolved_last(text, names, source)
    assert (q.speaker.name if q.speaker is not None and q.speaker.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # A state's legislature is an organisation, named by its state ...
        ("The Oklahoma legislature", "Oklahoma legislature"),
        ("the West Virginia legislature", "West Virginia legislature"),
        # ... as a parliament is.
        ("the U.K. parliament", "U.K. parliament"),
    ],
)
def test_resolve_a_places_legislature_is_an_organisation(source, expected):
    text = f"Bill fails.\n\nLast week, {source} voted down a religious-liberties bill."
    q = resolved_last(text, {"Oklahoma": "GPE", "West Virginia": "GPE", "U.K.": "GPE"}, source)
    assert (q.speaker.name, q.speaker.type) == (expected, "ORG")


@pytest.mark.parametrize(
    ("between", "expected"),
    [
        # "they" after a group of a people's plural named since the organisation quoted: that group, no one ...
        ("the chamber's small number of Democrats decided to mount a filibuster", None),
        ("many Republicans decided to mount a filibuster", None),
        # ... a plural that names a party's position, not a group, leaves the organisation ("a system that Republicans want").
        ("it backed a legal system that Republicans want", "Wall Street Journal"),
    ],
)
def test_resolve_they_after_a_peoples_plural_is_that_group(between, expected):
    text = f"Bill fails.\n\nThe Wall Street Journal opposed the bill. This week {between}. For hours, they spoke on many topics."
    a, b = text.index("The Wall Street Journal"), text.index("they")
    q = resolved_all(text, {"Wall Street Journal": "ORG", "Democrats": "NORP", "Republicans": "NORP"}, [(a, a + 23), (b, b + 4)])[1]
    assert (q.speaker.name if q.speaker is not None else None) == expected


@pytest.mark.parametrize(
    ("full", "names", "source", "same"),
    [
        # The first of two surnames is the person named in full ...
        ("Melba Acosta Febo", {"Melba Acosta Febo": "PERSON", "Acosta": "PERSON"}, "Ms. Acosta", True),
        ("Hillary Rodham Clinton", {"Hillary Rodham Clinton": "PERSON", "Rodham": "PERSON"}, "Ms. Rodham", True),
        # ... not a first name in the middle ("John Paul Jones" is no "Mr. Paul") ...
        ("John Paul Jones", {"John Paul Jones": "PERSON", "Paul": "PERSON"}, "Mr. Paul", False),
        # ... nor an initial's.
        ("George W. Bush", {"George W. Bush": "PERSON", "Bush": "PERSON"}, "Mr. Bush", True),
    ],
)
def test_resolve_the_first_of_two_surnames_is_the_person_named_in_full(full, names, source, same):
    text = f"Bank.\n\n“Guarantees are good,” said {full}, the president of the bank. In an interview, {source} acknowledged the debt."
    q = resolved_last(text, names, source)
    assert (q.speaker.name == full) == same


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # A one-word name the recogniser missed at the source and typed an organisation elsewhere: that organisation ...
        ("Twitter suspended accounts, Twitter said. ¶Twitter acknowledged that the issue remained tricky.", {"Twitter": "ORG"},
         ("Twitter", "ORG")),
        # ... not a word the article also writes in lower case ("State", "state") ...
        ("State ruled, the state said. ¶State acknowledged that the issue remained tricky.", {"State": "ORG"}, (None, "DESCRIPTION")),
        # ... nor a surname ("Maryam Violet").
        ("Maryam Violet spoke. Violet said no. ¶Violet acknowledged that the issue remained tricky.",
         {"Maryam Violet": "ORG", "Violet": "ORG"}, (None, "DESCRIPTION")),
    ],
)
def test_resolve_a_one_word_name_typed_an_organisation_elsewhere(text, names, expected):
    text = "Accounts.\n\n" + text.replace(" ¶", "\n\n")
    end = text.rindex(" acknowledged")
    start = text.rindex("\n", 0, end) + 1
    q = Quote("indirect", None, [Span.of(text, start, end)], [Span.of(text, start, end)])
    # the source itself is not recognised: only the article's other mentions are
    resolve_speakers(text, [q], [m for m in mentions_of(text, names) if m.start != start], "2016-05-01")
    name = q.speaker.name if q.speaker.type != "DESCRIPTION" else None
    assert (name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("opener", "expected"),
    [
        # A pronoun after a time phrase opens its sentence: the subject of the sentence before ...
        ("But on Sunday he", "Marty Walsh"),
        ("In 2015 he", "Marty Walsh"),
        ("Last week he", "Marty Walsh"),
        # ... not after a phrase that names a thing ("In that speech"): the person quoted last decides.
        ("In that speech he", "Joe Biden"),
    ],
)
def test_resolve_a_pronoun_after_a_time_phrase_is_the_subject_before(opener, expected):
    text = (f"Mayors.\n\n“We are ready,” said Joe Biden.\n\nMarty Walsh, a former labor leader, had close ties to Vice President Joe Biden. "
            f"{opener} finally gave Clinton a ringing endorsement.")
    at = text.rindex(" finally") - 2
    q = resolved_all(text, {"Joe Biden": "PERSON", "Marty Walsh": "PERSON"}, [(text.index("Joe Biden"), text.index("Joe Biden") + 9), (at, at + 2)])[1]
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # A people's plural the recogniser types a person is no person for a pronoun to mean ...
        ("Africans", "Angela Merkel"),
        ("Mexicans", "Angela Merkel"),
        # ... a surname ending in -ans stays a person.
        ("Evans", "Evans"),
    ],
)
def test_resolve_a_peoples_plural_is_no_person(word, expected):
    text = f"Hate.\n\nChancellor Angela Merkel spoke. A politician joked about {word}. In her speech, she said the hate must end."
    at = text.rindex("she said")
    q = resolved_at(text, {"Angela Merkel": "PERSON", word: "PERSON"}, at, 3)
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # "who" after what a copula says a named person is: that person ...
        ("Mrs. Schlafly was one of the most polarizing figures in American public life, a self-described housewife", "Phyllis Schlafly"),
        ("Phyllis Schlafly is a serial liar, rampant xenophobe, birther and bully", "Phyllis Schlafly"),
        # ... not where the clause is a group's ("one of two women who ... their").
        ("Phyllis Schlafly was one of two women", None),
    ],
)
def test_resolve_who_after_what_a_copula_says_a_person_is(said, expected):
    text = f"Schlafly.\n\nPhyllis Schlafly spoke on Monday.\n\n{said} who displayed a moral ferocity."
    q = resolved_last(text, {"Phyllis Schlafly": "PERSON", "Schlafly": "PERSON"}, "who")
    assert (q.speaker.name if q.speaker is not None else None) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # A candidate's team is the candidate's campaign ...
        ("her team", "Clinton campaign"),
        ("her campaign team", "Clinton campaign"),
        # ... someone else's team is theirs ("her legal team" is no campaign).
        ("her legal team", "Hillary Clinton’s team"),
    ],
)
def test_resolve_a_candidates_team_is_the_campaign(source, expected):
    text = (f"Race.\n\nDemocratic presidential candidate Hillary Clinton spoke in Ohio on Monday. Later, {source} said in a statement "
            "that the race was close.")
    q = resolved_last(text, {"Hillary Clinton": "PERSON"}, source)
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("source", "names", "expected"),
    [
        # One person with two capitalised titles joined by "and" ...
        ("former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell",
         {"Pennsylvania": "GPE", "Democratic National Committee": "ORG", "Ed Rendell": "PERSON"}, "Ed Rendell"),
        # ... a name whose surname reads as a plural title ...
        ("Dottie Deans, the chairwoman of the Vermont Democratic Party,", {"Dottie Deans": "PERSON", "Vermont Democratic Party": "ORG"},
         "Dottie Deans"),
        # ... a person whose apposition names two others under whom they served ...
        ("Grant Green, a national security official under Presidents Reagan and George W. Bush",
         {"Grant Green": "PERSON", "Reagan": "PERSON", "George W. Bush": "PERSON"}, "Grant Green"),
        # ... but two people joined are several.
        ("Grant Green and Ed Rendell", {"Grant Green": "PERSON", "Ed Rendell": "PERSON"}, None),
    ],
)
def test_resolve_one_person_with_titles_or_an_apposition_naming_others(source, names, expected):
    text = f"Race.\n\n{source} said the race was close."
    q = resolved_last(text, names, source)
    assert (q.speaker.name if q.speaker is not None and q.speaker.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # A short name is the fullest the article gives, not an edition of it ...
        ("The Times", "New York Times"),
        ("The New York Times", "New York Times"),
        # ... an edition named as the source is that edition.
        ("the International New York Times", "International New York Times"),
    ],
)
def test_resolve_an_outlets_name_is_not_its_editions(source, expected):
    text = (f"Jets.\n\nThe New York Times reviewed the jets. {source} said the fleet was old.\n\nCORRECTION:\n\n"
            "As published in the International New York Times.")
    q = resolved_at(text, {"New York Times": "ORG", "International New York Times": "ORG", "Times": "ORG"},
                    text.index(f"{source} said"), len(source))
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("apposition", "role"),
    [
        # An apposition that names whom the person serves, a title's abbreviation before that name's possessive ...
        ("Mr. Obama's deputy national security adviser", "Mr. Obama's deputy national security adviser"),
        ("a strategist for Mrs. Clinton's 2008 campaign", "strategist for Mrs. Clinton's 2008 campaign"),
        # ... (a sentence that ends on a title's abbreviation is no apposition's part).
        ("a deputy adviser", "deputy adviser"),
    ],
)
def test_resolve_an_apposition_through_a_titles_abbreviation(apposition, role):
    text = f"Paris.\n\nThe deal was good, said Benjamin J. Rhodes, {apposition}, on Monday."
    q = resolved(text, {"Benjamin J. Rhodes": "PERSON"}, "Benjamin J. Rhodes", "2015-11-18")
    assert q.speaker.role == role


@pytest.mark.parametrize(
    ("title", "role"),
    [
        # Heads of roles a person holds: a venture capitalist, a dictator, a coroner ...
        ("The venture capitalist", "venture capitalist"),
        ("Libyan dictator", "Libyan dictator"),
        ("county coroner", "county coroner"),
        # ... not a kin word ("his brother").
        ("his brother", None),
    ],
)
def test_resolve_more_role_heads(title, role):
    text = f"Fund.\n\n{title} Marc Andreessen said the fund was closed."
    q = resolved_last(text, {"Marc Andreessen": "PERSON"}, "Marc Andreessen")
    assert q.speaker.role == role


@pytest.mark.parametrize(
    ("apposition", "role"),
    [
        # A role that names whom it served after a title of several words: the role before "to" ...
        ("a former top aide to Senate Majority Leader Mitch McConnell", "former top aide"),
        ("a former speechwriter to Secretary of State Madeline Albright", "former speechwriter"),
        ("a director under President Bill Clinton", "director"),
    ],
)
def test_resolve_a_role_serving_a_person_with_a_long_title(apposition, role):
    text = f"PACs.\n\nThe money is there, said Steven Law, {apposition}, on Monday."
    q = resolved(text, {"Steven Law": "PERSON", "Mitch McConnell": "PERSON", "Madeline Albright": "PERSON", "Bill Clinton": "PERSON"},
                 "Steven Law", "2016-03-24")
    assert q.speaker.role == role


@pytest.mark.parametrize(
    ("source", "names", "expected"),
    [
        # Who made a report is named whole after "by", an "of" inside the name and all ...
        ("A 2009 report by the progressive Center for Economic and Policy Research", {"Center for Economic and Policy Research": "ORG"},
         "Center for Economic and Policy Research"),
        ("A report issued over the summer by the Organization for Economic Cooperation and Development",
         {"Organization for Economic Cooperation and Development": "ORG"}, "Organization for Economic Cooperation and Development"),
        # ... and a name the recogniser cut at a comma is made whole again.
        ("A report released in September by the National Academies of Sciences, Engineering and Medicine",
         {"National Academies of Sciences": "ORG", "Medicine": "ORG"}, "National Academies of Sciences, Engineering and Medicine"),
    ],
)
def test_resolve_a_reports_maker_named_whole_after_by(source, names, expected):
    text = f"Immigrants.\n\n{source} found that immigrants do well."
    q = resolved_last(text, names, source)
    assert (q.speaker.name, q.speaker.type) == (expected, "ORG")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # A description with a rank before its head ("deputy", "vice") is no one who holds the head alone ...
        ("its senior vice president", None),
        ("the deputy head of the delegation", None),
        # ... the head alone is.
        ("the president", "Barack Obama"),
    ],
)
def test_resolve_a_ranked_description_is_not_the_heads_holder(source, expected):
    text = f"Talks.\n\nPresident Barack Obama spoke in Singapore on Monday. Later, {source} said the talks would go on."
    q = resolved_last(text, {"Barack Obama": "PERSON"}, source)
    assert (q.speaker.name if q.speaker is not None and q.speaker.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("before", "quoted", "expected"),
    [
        # "inspector general" is an inspector general: neither a General nor the person just quoted ...
        ("Gen. George Washington crossed the Delaware.", False, None),
        ("“It was a mistake,” Hillary Clinton said.", True, None),
        # ... one the article calls an inspector general is.
        ("The State Department inspector general, Steve Linick, wrote the report.", False, "Steve Linick"),
    ],
)
def test_resolve_an_inspector_general_is_no_general(before, quoted, expected):
    text = f"Emails.\n\n{before} The State Department’s inspector general judged it much worse in a report."
    names = {"George Washington": "PERSON", "Hillary Clinton": "PERSON", "Steve Linick": "PERSON"}
    first = next(n for n in names if n in text)
    source = "The State Department’s inspector general"
    spans = [(text.index(first), text.index(first) + len(first))] if quoted else []
    q = resolved_all(text, names, [*spans, (text.index(source), text.index(source) + len(source))])[-1]
    assert (q.speaker.name if q.speaker is not None and q.speaker.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("source", "label", "expected"),
    [
        # A family the recogniser types an organisation, where the article names one of them: several people ...
        ("the Murdochs", "ORG", ("Murdochs", "DESCRIPTION")),
        ("the Murdochs", "PERSON", ("Murdochs", "DESCRIPTION")),
        # ... an organisation whose name ends in s stays one ("the Rockefellers" named nowhere in the singular aside).
        ("the Teamsters", "ORG", ("Teamsters", "ORG")),
    ],
)
def test_resolve_a_family_typed_an_organisation(source, label, expected):
    text = f"Fox.\n\nRupert Murdoch took over. Her decision will depend on how {source} decide to proceed."
    q = resolved_last(text, {"Rupert Murdoch": "PERSON", source.removeprefix("the "): label}, source)
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        # A pronoun in a sentence that opens with an unnamed person of its gender is that person, no one named ...
        ("A 29-year-old Berlin woman, meanwhile, received five months' probation after", None),
        # ... one of the other gender leaves it to the person named before ...
        ("A 29-year-old Berlin man, meanwhile, received five months' probation after", "Angela Merkel"),
        # ... and so does one the sentence names ("a woman named ...").
        ("A woman named Jane Roe received probation after", "Jane Roe"),
    ],
)
def test_resolve_a_pronoun_after_an_unnamed_subject(opening, expected):
    text = f"Hate.\n\nChancellor Angela Merkel spoke. {opening} she had posted comments on Facebook."
    q = resolved_last(text, {"Angela Merkel": "PERSON", "Jane Roe": "PERSON"}, "she")
    assert (q.speaker.name if q.speaker is not None else None) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # A surname before an organisation's name, typed a person ("Obama White House"), names no person: "Obama" is Obama ...
        ("the Obama White House", "Barack Obama"),
        # ... a first name before a surname the recogniser also typed a building stays a person's name.
        ("Marine Le Pen", "Marine Le Pen"),
    ],
)
def test_resolve_a_surname_before_an_organisations_name_is_no_person(written, expected):
    text = (f"Visit.\n\nPresident Obama met Sanders at the White House. Critics of {written} spoke, and Le Pen spoke too. "
            "Obama has stayed neutral in the race.")
    names = {"White House": "ORG", "Obama White House": "PERSON", "Marine Le Pen": "PERSON", "Le Pen": "FAC", "Obama": "PERSON"}
    source = "Obama" if "Obama" in written else "Le Pen"
    q = resolved_last(text, names, source if source == "Le Pen" else "Obama")
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A name that modifies the plural subject of its sentence is no subject for a pronoun there ...
        ("The Murdoch outlets have been standing in the way, he said.", "David Fenton"),
        # ... the name that is the subject is.
        ("Mr. Murdoch has been standing in the way, he said.", "Rupert Murdoch"),
    ],
)
def test_resolve_a_name_modifying_a_plural_subject_is_no_subject(sentence, expected):
    text = f"Ads.\n\nRupert Murdoch bought the paper. David Fenton, a strategist, said the goal was a deal. {sentence}"
    q = resolved_last(text, {"Rupert Murdoch": "PERSON", "David Fenton": "PERSON", "Murdoch": "PERSON"}, "he")
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # "who" after "the one" set off after a name is that person ...
        ("The Roger Ailes we know, the one", "Roger Ailes"),
        # ... not after another noun phrase ("the network").
        ("The Roger Ailes we know, the network", None),
    ],
)
def test_resolve_who_after_the_one_set_off_after_a_name(phrase, expected):
    text = f"Fox.\n\n{phrase} who built a network from scratch would not exist without Rupert Murdoch."
    q = resolved_last(text, {"Roger Ailes": "PERSON", "Rupert Murdoch": "PERSON"}, "who")
    assert (q.speaker.name if q.speaker is not None else None) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A superlative before a name makes a judgement of someone else, no title of the name ...
        ("Cruz is also the most able candidate Viguerie argues.", "pioneer in direct-mail fundraising"),
        ("Cruz is the best conservative candidate Viguerie argues.", "pioneer in direct-mail fundraising"),
        # ... a title before it stays the name's.
        ("Cruz is right, said former candidate Viguerie.", "former candidate"),
    ],
)
def test_role_a_superlative_before_a_name_is_no_title(sentence, expected):
    text = f"Richard Viguerie, the pioneer in direct-mail fundraising, backs Ted Cruz. {sentence}"
    q = resolved_last(text, {"Richard Viguerie": "PERSON", "Ted Cruz": "PERSON", "Cruz": "PERSON", "Viguerie": "PERSON"}, "Viguerie")
    assert q.speaker.name == "Richard Viguerie"
    assert q.speaker.role == expected


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        # A pronoun opening a list's item (a paragraph of one sentence, among several opening with it) under a headline
        # that announces a list is the person the headline names ...
        ("9 Offensive Things Donald Trump Has Said About Latinos.", "Donald Trump"),
        ("Five Things Donald Trump Has Said About Latinos.", "Donald Trump"),
        # ... under any other headline, news written a sentence a paragraph, it is the person quoted last.
        ("Donald Trump Has Said Offensive Things About Latinos.", "Felipe Calderón"),
    ],
)
def test_resolve_a_pronoun_opening_a_list_item(headline, expected):
    body = ("Here are the things Donald Trump has said.\n\nHe said Latinos love him.\n\n"
            "When Donald Trump announced his candidacy, he spoke of immigrants.\n\nHe said he would build a wall.\n\n"
            "Mexico's former president Felipe Calderón said: \u201cWe will not pay.\u201d\n\n"
            "He implied a federal judge was biased.\n\nThe judge ruled on Monday.")
    text = f"{headline}\n\n{body}"
    names = {"Donald Trump": "PERSON", "Felipe Calderón": "PERSON"}
    q = resolved_at(text, names, text.rindex("He implied"), 2)
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("quotation", "expected"),
    [
        # A pronoun after a quotation whose own sentence opens with a name is not that name: the quotation names them ...
        ("“Voters reject the establishment. George W. Bush got fewer votes than Al Gore,” he points out.", "Richard Viguerie"),
        ("“It is Trump who sounds angry. Cruz is responding with humor,” he adds.", "Richard Viguerie"),
        # ... the subject of the pronoun's own sentence outside quotation marks still is.
        ("George W. Bush got fewer votes than Al Gore, as he points out.", "George W. Bush"),
    ],
)
def test_resolve_a_pronoun_after_a_quotation_naming_someone(quotation, expected):
    text = f"Richard Viguerie backs Ted Cruz.\n\n“Cruz can win,” Viguerie says.\n\n{quotation}"
    names = {"Richard Viguerie": "PERSON", "Viguerie": "PERSON", "Ted Cruz": "PERSON", "Cruz": "PERSON", "Trump": "PERSON",
             "George W. Bush": "PERSON", "Al Gore": "PERSON"}
    q = resolved_last(text, names, "he")
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("introduced", "pronoun", "expected"),
    [
        # A job's title in the male form before a woman's first name ("Trump spokesman Hope Hicks") gives her no gender ...
        ("Trump spokesman Hope Hicks confirmed it.", "she", "Hope Hicks"),
        # ... before a man's it still makes him a man ...
        ("Trump spokesman Jason Miller confirmed it.", "she", "LeVell"),
        # ... and a courtesy title still does.
        ("Mr. Hope Hicks confirmed it.", "she", "LeVell"),
    ],
)
def test_gender_a_male_job_title_before_a_womans_first_name(introduced, pronoun, expected):
    text = (f"Dahlys Hamilton, a Trump supporter, spoke. LeVell said the group will raise no money. {introduced} "
            f"\"They are not affiliated with the campaign,\" {pronoun} said.")
    names = {"Dahlys Hamilton": "PERSON", "LeVell": "PERSON", "Hope Hicks": "PERSON", "Jason Miller": "PERSON"}
    q = resolved_last(text, names, pronoun)
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A pronoun reporting the clause its sentence opens with, a name its subject, after someone else was quoted, is
        # the one quoted ...
        ("Also, Trump isn't a conservative, he said.", "Joseph Hunter"),
        ("But Trump is a liberal, he added.", "Joseph Hunter"),
        ("Mr. Trump, who is not taking large donations, fits that bill for many people, he added.", "Joseph Hunter"),
        # (through a quotation of the one quoted, between)
        ("\"I need a candidate who's not going to lie to me.\" Mr. Trump fits that bill, he added.", "Joseph Hunter"),
        # ... not where a fronted clause opens the sentence ...
        ("When Trump spoke in Chicago, he said nothing.", "Donald Trump"),
        # ... nor where the sentence goes on after the verb (the pronoun then opens a clause of its own).
        ("Also, Trump isn't a conservative, he told the Post he had decided that the party was lost.", "Donald Trump"),
    ],
)
def test_resolve_a_pronoun_reporting_a_clause_about_someone_else(sentence, expected):
    text = ("Vote.\n\nDonald Trump spoke on Friday. Joseph Hunter, a blogger in Chicago, said he will not vote for Trump. "
            + sentence)
    names = {"Donald Trump": "PERSON", "Joseph Hunter": "PERSON", "Trump": "PERSON"}
    spans = [(text.index("Joseph Hunter, a blogger in Chicago,"), text.index(" said he will")), (text.rindex(" he ") + 1, text.rindex(" he ") + 3)]
    assert [q.speaker.name for q in resolved_all(text, names, spans)][-1] == expected


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # A pronoun after one of its gender that opens the sentence's first clause ("..., he has ..., and he has used
        # it") is whom that one stands for, through sentences opening with "He" and "There, he" ...
        ("He was picked to run the department. There, he investigated police forces. "
         "At the department, he has a bigger microphone, and he has used it.", "Thomas Perez"),
        ("He was picked to run the department. He was at home and silent on Twitter, his favorite medium.", "Thomas Perez"),
        # ... not where someone is named between the two.
        ("He was picked to run the department. There, he investigated police forces. "
         "At the department, he has a bigger microphone, and Bush says he has used it.", "Taylor Bush"),
    ],
)
def test_resolve_a_pronoun_chained_within_its_sentence(sentences, expected):
    text = ("Perez.\n\nOn the flight, Taylor Bush said he did not recognise the passenger. \u201cIt is an advantage,\u201d Bush said.\n\n"
            f"Thomas Perez is the sleeper in the Cabinet. {sentences}")
    names = {"Taylor Bush": "PERSON", "Bush": "PERSON", "Thomas Perez": "PERSON"}
    last = max(text.rfind(" he "), text.rfind(" his ")) + 1
    spans = [(text.index("Bush said."), text.index("Bush said.") + 4), (last, text.index(" ", last))]
    assert [q.speaker.name for q in resolved_all(text, names, spans)][-1] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A pronoun opening a clause joined by "and" to its sentence's first is that clause's subject, not its object ...
        ("On Friday night, in the 24th district, Sanders let Kingson speak first, and then, flanked by agents, he spent his "
         "speech praising him.", "Bernie Sanders"),
        ("On Friday night, in the 24th district, Sanders let Kingson speak first, but he spent his speech praising him.", "Bernie Sanders"),
        # ... and not where the first clause opens with no name.
        ("The crowd let Kingson speak first, and he spent his speech praising Sanders.", "Eric Kingson"),
    ],
)
def test_resolve_a_pronoun_opening_a_coordinated_clause(sentence, expected):
    text = f"Rally.\n\nBernie Sanders rallied for Eric Kingson. \u201cI will win,\u201d Kingson said. {sentence}"
    names = {"Bernie Sanders": "PERSON", "Eric Kingson": "PERSON", "Sanders": "PERSON", "Kingson": "PERSON"}
    spans = [(text.index("Kingson said"), text.index("Kingson said") + 7), (text.index(" he spent") + 1, text.index(" he spent") + 3)]
    assert [q.speaker.name for q in resolved_all(text, names, spans)][-1] == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        # A poll is named by an outlet the recogniser took for a place ("A recent Bloomberg poll"), not the poll named next ...
        ("GPE", "Bloomberg poll"),
        ("ORG", "Bloomberg poll"),
    ],
)
def test_resolve_a_poll_of_an_outlet_typed_a_place(label, expected):
    text = ("Polls.\n\nA recent Bloomberg poll showed that 55 percent of Sanders supporters back Clinton. "
            "Another recent NBC/Wall Street Journal poll found the same.")
    q = resolved_at(text, {"Bloomberg": label, "NBC": "ORG", "Wall Street Journal": "ORG"}, text.index("A recent"), len("A recent Bloomberg poll"))
    assert q.speaker.name == expected


def test_resolve_a_poll_of_a_place_is_no_pollster():
    # ... while a place still names none ("A recent Iowa poll": the poll named next).
    text = "Polls.\n\nA recent Iowa poll showed him ahead. The poll by the Des Moines Register found the same."
    q = resolved_at(text, {"Iowa": "GPE", "Des Moines Register": "ORG"}, text.index("A recent"), len("A recent Iowa poll"))
    assert q.speaker.name != "Iowa poll"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # "the new poll", after another poll was quoted, and "Latest poll" in a headline are the poll the article calls
        # the latest when it names who ran it ...
        ("the new poll", "New York Times/CBS News poll"),
        ("Latest poll", "New York Times/CBS News poll"),
        # ... "the poll" is still the poll quoted last ...
        ("The poll", "CBS News poll"),
        # ... and "many other polls" are no one's.
        ("many other polls", None),
    ],
)
def test_resolve_the_new_poll_and_many_other_polls(source, expected):
    text = ("Latest poll has Trump even with Clinton.\n\nClinton trails, according to the latest New York Times/CBS News poll. "
            "Her lead in a CBS News poll last month has evaporated. The two are tied, the new poll indicates. "
            "The poll found more. Yet many other polls show Clinton ahead.")
    names = {"New York Times/CBS News": "ORG", "CBS News": "ORG", "Trump": "PERSON", "Clinton": "PERSON"}
    spans = [(text.index("a CBS News poll"), text.index(" last month")), (text.index(source), text.index(source) + len(source))]
    sp = resolved_all(text, names, spans)[-1].speaker
    assert (sp.name if sp is not None and sp.type != "DESCRIPTION" else None) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # A name with a generational suffix after a comma the recogniser left out ("Brent Bozell, Jr.") is not the
        # person of the article whose suffix differs (Brent Bozell III) ...
        ("his father, Brent Bozell, Jr.", "Brent Bozell Jr."),
        # ... the same suffix, or none, still is that person.
        ("Brent Bozell III", "Brent Bozell III"),
        ("Bozell", "Brent Bozell III"),
    ],
)
def test_resolve_a_name_with_another_generational_suffix(source, expected):
    text = ("Bozell.\n\nBrent Bozell III, founder of the Media Research Center, backs Cruz. Cruz is right, says "
            "his father, Brent Bozell, Jr., who wrote the book. Bozell says so, and Brent Bozell III agrees.")
    names = {"Brent Bozell III": "PERSON", "Brent Bozell": "PERSON", "Bozell": "PERSON", "Cruz": "PERSON"}
    at = text.index(source, text.index("Cruz is right"))
    assert resolved_at(text, names, at, len(source)).speaker.name == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        # A known organisation's initials the recogniser types a place ("the F.B.I. report") are that organisation ...
        ("GPE", "F.B.I."),
        ("ORG", "F.B.I."),
    ],
)
def test_resolve_an_organisations_initials_typed_a_place(label, expected):
    text = "Email.\n\nVoters doubt her since the F.B.I. report on her email practices found she was careless."
    source = "the F.B.I. report on her email practices"
    q = resolved_at(text, {"F.B.I.": label}, text.index(source), len(source))
    assert q.speaker.name == expected and q.speaker.type == "ORG"


@pytest.mark.parametrize(
    ("source", "names", "expected"),
    [
        # Who ran a poll, named after "by" where the recogniser saw no organisation, names it ...
        ("polling by the A.F.L.-C.I.O.", {}, "A.F.L.-C.I.O. poll"),
        ("a recent poll by RealClearPolitics", {}, "RealClearPolitics poll"),
        # ... not a person nor a place so named.
        ("a recent poll by Ohio", {"Ohio": "GPE"}, None),
    ],
)
def test_resolve_a_pollster_named_after_by(source, names, expected):
    text = f"Unions.\n\nWhite men favored Obama by 20 points, according to {source}, even as others did not."
    sp = resolved_at(text, names, text.index(source), len(source)).speaker
    assert (sp.name if sp is not None and sp.type != "DESCRIPTION" else None) == expected


@pytest.mark.parametrize(
    ("between", "expected"),
    [
        # "the company" is the company named before, not a fund or a centre named since ...
        ("The Rockefeller Brothers Fund", "Exxon Mobil"),
        ("The Brennan Center", "Exxon Mobil"),
        # ... but a company named since is it.
        ("Chevron Corporation", "Chevron Corporation"),
    ],
)
def test_resolve_the_company_is_no_fund_nor_centre(between, expected):
    text = f"Exxon.\n\nExxon Mobil faces questions. {between} criticised it last week. The company said the articles were wrong."
    source = "The company"
    q = resolved_at(text, {"Exxon Mobil": "ORG", between: "ORG"}, text.index(source), len(source))
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        # What a dash sets off before a name is what the person was, no title of theirs ...
        ("As first lady and senator - and as a two-time candidate for president - Mrs. Clinton", None),
        # ... a title after the dash is ("JACKSON, Miss. - U.S. District Judge Carlton W. Reeves") ...
        ("JACKSON, Miss. - Senator Hillary Clinton", "Senator"),
        # ... and one with no dash stays whole.
        ("Former Secretary of State Hillary Clinton", "Former Secretary of State"),
    ],
)
def test_role_a_dash_before_a_name(opening, expected):
    text = f"Clinton.\n\n{opening} has redefined the role of women in politics."
    q = resolved_at(text, {"Clinton": "PERSON", "Hillary Clinton": "PERSON"}, text.index("Clinton", 10), len("Clinton"))
    assert q.speaker.role == expected


@pytest.mark.parametrize(
    ("written", "role"),
    [
        # A description after "and" that only says whom the person stands with, or picks them out of several, is no
        # part of the role ...
        ("former Democratic Party chairman in New Hampshire and longtime ally", "former Democratic Party chairman"),
        ("influential scholar of labor economics and one of the paper's authors", "influential scholar of labor economics"),
        # ... two roles joined by "and" stay, and so does a relation joined to a relation.
        ("president and chairwoman of the bank", "president and chairwoman of the bank"),
        ("Senate colleague and presidential campaign rival", "Senate colleague and presidential campaign rival"),
    ],
)
def test_clean_role_a_relation_after_and(written, role):
    assert clean_role(written) == role


@pytest.mark.parametrize(
    ("narration", "expected"),
    [
        # A pronoun after a quotation that opens its sentence, where the sentence before tells what a named person did,
        # is that person, not the one quoted before ...
        ("But Mr. Comey painted a different picture.", "James B. Comey"),
        ("Trump almost seemed to agree.", "Donald Trump"),
        # ... not where that sentence names another of the pronoun's gender ...
        ("But Mr. Comey painted a different picture than Mr. Trump.", "Barack Obama"),
        # ... nor where a description opens it (what the one quoted before said, retold) ...
        ("But the director could try to change the subject.", "Barack Obama"),
        # ... and where it quotes, the one person of the pronoun's gender it names still is (``_introduced_in``).
        ("But Mr. Comey said \u201cno.\u201d", "James B. Comey"),
    ],
)
def test_resolve_a_pronoun_after_a_quotation_narrated_before(narration, expected):
    text = ("Email.\n\nF.B.I. Director James B. Comey testified. Donald Trump spoke. President Obama backed her up. "
            "\u201cI don't think it posed a problem,\u201d Obama said.\n\n"
            f"{narration} \u201cHostile actors gained access,\u201d he said.")
    names = {"James B. Comey": "PERSON", "Comey": "PERSON", "Donald Trump": "PERSON", "Trump": "PERSON", "Obama": "PERSON"}
    spans = [(text.index("Obama said"), text.index("Obama said") + 5), (text.rindex(" he said") + 1, text.rindex(" he said") + 3)]
    assert [q.speaker.name for q in resolved_all(text, names, spans)][-1] == expected


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        # A pronoun after a quotation that opens its sentence is the one person of its gender the sentence before names,
        # though named earlier in the article too ...
        ("Then there's Axelrod.", "David Axelrod"),
        ("There is also the possibility that Mr. Axelrod, if asked, might help.", "David Axelrod"),
        # ... not one a question names (the one quoted answers it), nor one of two.
        ("But what if Axelrod helps?", "Carl Tobias"),
        ("Then there's Axelrod, and Mr. Plouffe.", "Carl Tobias"),
    ],
)
def test_resolve_a_pronoun_after_a_quotation_the_one_named_before(before, expected):
    text = ("Advisers.\n\nDavid Axelrod and David Plouffe advised Obama. \u201cThey will run out the clock,\u201d Carl Tobias said.\n\n"
            f"{before}\n\n\u201cKind of bewildering,\u201d he wrote.")
    names = {"David Axelrod": "PERSON", "Axelrod": "PERSON", "David Plouffe": "PERSON", "Plouffe": "PERSON", "Obama": "PERSON",
             "Carl Tobias": "PERSON"}
    spans = [(text.index("Carl Tobias said"), text.index("Carl Tobias said") + 11), (text.rindex(" he wrote") + 1, text.rindex(" he wrote") + 3)]
    assert [q.speaker.name for q in resolved_all(text, names, spans)][-1] == expected


@pytest.mark.parametrize(
    ("source", "names", "expected"),
    [
        # A source in brackets is the name inside them ...
        ("(Donald J. Trump)", {"Donald J. Trump": "PERSON"}, "Donald J. Trump"),
        # ... and someone's description set off before a name ("Elliott's father, the Rev. Charles Elliott Jr.,") is that name.
        ("Elliott's father, the Rev. Charles Elliott Jr.,", {"Charles Elliott Jr.": "PERSON"}, "Charles Elliott Jr."),
        ("Corker's usual negotiating partner, committee ranking Democrat Sen. Benjamin L. Cardin (Md.),",
         {"Corker": "PERSON", "Benjamin L. Cardin": "PERSON"}, "Benjamin L. Cardin"),
        # ... not several people's ("Trump's leading rivals, Sens. Ted Cruz and Marco Rubio,").
        ("Trump's leading rivals, Sens. Ted Cruz and Marco Rubio,", {"Trump": "PERSON", "Ted Cruz": "PERSON", "Marco Rubio": "PERSON"}, None),
    ],
)
def test_resolve_a_name_in_brackets_or_after_a_possessive_description(source, names, expected):
    text = f"Mourners.\n\nAt the service, {source} said the city would heal, and Donald J. Trump agreed."
    sp = resolved_at(text, names, text.index(source), len(source)).speaker
    assert (sp.name if sp is not None and sp.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("short", "expected"),
    [
        # A short name is the one the article gives in full with what it is for or of ...
        ("the Brennan Center", "Brennan Center for Justice"),
        ("the National Academies", "National Academies of Sciences, Engineering and Medicine"),
        # ... not where two such names begin with it.
        ("the Pew Research", "Pew Research"),
    ],
)
def test_resolve_a_short_name_is_the_full_name_with_what_it_is_for(short, expected):
    text = (f"Voting.\n\nThe Brennan Center for Justice and the National Academies of Sciences, Engineering and Medicine "
            f"and the Pew Research Center of Washington and the Pew Research Institute on Trust studied it. {short} said so.")
    names = {"Brennan Center for Justice": "ORG", "National Academies of Sciences, Engineering and Medicine": "ORG",
             "Pew Research Center of Washington": "ORG", "Pew Research Institute on Trust": "ORG",
             short.removeprefix("the "): "ORG"}
    q = resolved_at(text, names, text.rindex(short), len(short))
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A relative pronoun after "and" stands for the head of the relative clause its sentence opened before, not the
        # last name before "and" ...
        ("Senator Ted Cruz, who threatened to shut down the government over a bill by Jane Roe, and who has been hoping "
         "to win evangelicals, spoke.", "Ted Cruz"),
        # ... and without "and" it is the name just before it.
        ("Senator Ted Cruz spoke to Jane Roe, who has been hoping to win evangelicals.", "Jane Roe"),
    ],
)
def test_resolve_who_after_and_is_the_first_whos(sentence, expected):
    text = f"Cruz.\n\nDonald Trump praised Planned Parenthood. {sentence}"
    names = {"Ted Cruz": "PERSON", "Donald Trump": "PERSON", "Planned Parenthood": "ORG", "Jane Roe": "PERSON"}
    at = text.rindex("who has been")
    assert resolved_at(text, names, at, 3).speaker.name == expected


@pytest.mark.parametrize(
    ("headline", "body", "expected"),
    [
        # A headline's poll is the first poll the body says who ran ...
        ("Poll: Trump and Clinton hold narrow leads.", "Both lead, according to a new Quinnipiac University poll released Wednesday.",
         "Quinnipiac University poll"),
        ("Millennials hopeful, poll finds.", "The American dream lives, a poll of 1,000 people released by Rock the Vote found.",
         "Rock the Vote poll"),
        # ... not a party's voters ("a GOP poll"), nor in the plural ("Polls").
        ("Poll: Trump leads.", "Trump leads in a GOP poll of Iowa.", None),
        ("Polls: Trump leads.", "Trump leads in a new Quinnipiac University poll.", None),
    ],
)
def test_resolve_a_headlines_poll(headline, body, expected):
    text = f"{headline}\n\n{body}"
    source = "Polls" if headline.startswith("Polls") else "Poll" if headline.startswith("Poll") else "poll"
    names = {"Quinnipiac University": "ORG", "Rock the Vote": "ORG", "GOP": "ORG", "Trump": "PERSON", "Clinton": "PERSON"}
    sp = resolved_at(text, names, text.index(source), len(source)).speaker
    assert (sp.name if sp is not None and sp.type != "DESCRIPTION" else None) == expected


@pytest.mark.parametrize(
    ("source", "names", "expected"),
    [
        # What others file with a public body ("Federal Election Commission filings") is not the body's own word ...
        ("Federal Election Commission filings", {"Federal Election Commission": "ORG"}, None),
        ("Senate filings", {"Senate": "ORG"}, None),
        # ... what a body makes is ("Federal Election Commission statistics") ...
        ("Federal Election Commission statistics", {"Federal Election Commission": "ORG"}, "Federal Election Commission"),
        # ... and a study by several makers is no one's, one by a name with "and" in it its maker's.
        ("a study by Vanderbilt University and the Pennsylvania State University",
         {"Vanderbilt University": "ORG", "Pennsylvania State University": "ORG"}, None),
        ("a study by the Center for Economic and Policy Research", {"Center for Economic and Policy Research": "ORG"},
         "Center for Economic and Policy Research"),
    ],
)
def test_resolve_filings_and_studies_by_several(source, names, expected):
    text = f"Money.\n\nThe group spent $2 million last year, according to {source}, and more this year."
    sp = resolved_at(text, names, text.index(source), len(source)).speaker
    assert (sp.name if sp is not None and sp.type != "DESCRIPTION" else None) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # A plural description set off before a name is a group the name leads, no one of them ...
        ("The aides, led by campaign manager Terry Sullivan,", None),
        # ... a singular one is that name.
        ("The aide, campaign manager Terry Sullivan,", "Terry Sullivan"),
    ],
)
def test_resolve_a_plural_description_before_a_name(source, expected):
    text = f"Rubio.\n\nMarco Rubio trails. {source} said he will win."
    sp = resolved_at(text, {"Terry Sullivan": "PERSON", "Marco Rubio": "PERSON"}, text.index(source), len(source)).speaker
    assert (sp.name if sp is not None and sp.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # A quantified plural ("Several superdelegates supporting Sanders") is a group, not the person it names ...
        ("Several superdelegates supporting Sanders", None),
        ("Many aides to Sanders", None),
        # ... one of them named alone still is that person.
        ("Sanders", "Bernie Sanders"),
    ],
)
def test_resolve_a_quantified_plural_naming_someone(source, expected):
    text = f"Delegates.\n\nBernie Sanders spoke. {source} said they would wait for the convention."
    names = {"Bernie Sanders": "PERSON", "Sanders": "PERSON"}
    sp = resolved_at(text, names, text.index(source, 30), len(source)).speaker
    assert (sp.name if sp is not None and sp.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("text", "source", "names"),
    [
        # "The GOP" is the Republican Party, whether or not the article names it so, so that it is one speaker in every
        # article ...
        ("Rules.\n\nThe GOP said its rules were fair.", "The GOP", {"GOP": "ORG"}),
        ("Rules.\n\nThe Republican Party met. Later the GOP said its rules were fair.", "the GOP", {"GOP": "ORG", "Republican Party": "ORG"}),
        # ... and "the party" after it too.
        ("Rules.\n\nThe GOP met on Monday. The party said its rules were fair.", "The party", {"GOP": "ORG"}),
    ],
)
def test_resolve_the_gop_is_the_republican_party(text, source, names):
    q = resolved_at(text, names, text.index(source), len(source))
    assert q.speaker.name == "Republican Party"


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # "its" is the last organisation or place its sentence names before it ...
        ("And Washington is using the attacks to renew its calls for encryption limits.", {"Washington": "GPE"}, "Washington"),
        ("Robey Warshaw is advising SABMiller on its proposed sale.", {"Robey Warshaw": "ORG", "SABMiller": "ORG"}, "SABMiller"),
        # ... else the one the sentence before opens with ...
        ("Mississippi offers no protections. Its ban on adoptions was the last.", {"Mississippi": "GPE"}, "Mississippi"),
        # ... and none where only a person is named.
        ("Mr. Cruz spoke of its rules.", {"Cruz": "PERSON"}, None),
    ],
)
def test_resolve_its_owner(text, names, expected):
    text = f"News.\n\n{text}"
    at = text.lower().index("its ")
    sp = resolved_at(text, names, at, 3).speaker
    assert (sp.name if sp is not None and sp.type != "DESCRIPTION" else None) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The subject after a fronted phrase is the subject with its honorific too ...
        ("With one foot propping her board to a tilt, Ms. Gil gazed out across the concrete.", "Arianna Gil"),
        ("With one foot propping her board to a tilt, Gil gazed out across the concrete.", "Arianna Gil"),
        # ... and a possessor of a title is not the subject: the one with the title is ...
        ("On television, Mr. Sanders's campaign chairwoman, Arianna Gil, dismissed it.", "Arianna Gil"),
        ("Mr. Sanders's top aide, Arianna Gil, dismissed it.", "Arianna Gil"),
        # ... though the possessor of a campaign is ("Mrs. Clinton's campaign has been out of step ... she promised").
        ("For months, Ms. Gil's campaign has been out of step.", "Arianna Gil"),
    ],
)
def test_resolve_a_pronoun_after_a_fronted_subject(sentence, expected):
    text = (f"Skaters.\n\nArianna Gil and Nesa Guzman skate. ''We are here,'' said Ms. Guzman.\n\n"
            f"{sentence} ''I'll put it this way,'' she said.")
    names = {"Arianna Gil": "PERSON", "Gil": "PERSON", "Nesa Guzman": "PERSON", "Guzman": "PERSON", "Sanders": "PERSON"}
    quoted, at = text.index("Ms. Guzman."), text.index("she said")
    _, q = resolved_all(text, names, [(quoted, quoted + 10), (at, at + 3)])  # Ms. Guzman quoted last
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The possessor of a title is not the sentence's subject: the one with the title is ...
        ("Sanders's campaign manager, Jeff Weaver, appeared on MSNBC.", "Jeff Weaver"),
        ("Sanders's top aide, Jeff Weaver, appeared on MSNBC.", "Jeff Weaver"),
        # ... though the possessor of a campaign is.
        ("Sanders's campaign has languished, but Jeff Weaver appeared on MSNBC.", "Bernie Sanders"),
    ],
)
def test_resolve_the_possessor_of_a_title_is_no_subject(sentence, expected):
    text = f"Delegates.\n\nBernie Sanders won. ''We will fight on,'' Sanders said.\n\n{sentence} He also said the campaign could close the gap."
    names = {"Bernie Sanders": "PERSON", "Sanders": "PERSON", "Jeff Weaver": "PERSON"}
    quoted, at = text.index("Sanders said"), text.index("He also")
    _, q = resolved_all(text, names, [(quoted, quoted + 7), (at, at + 2)])
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A name modifying an organisation's noun ("a possible Trump administration") is no one a pronoun after it means ...
        ("So involved is Mr. Hannity that aides believed he wanted a role in a possible Trump administration -- something he denied.",
         "Sean Hannity"),
        ("So involved is Mr. Hannity that aides believed he wanted a job in the Trump campaign -- something he denied.", "Sean Hannity"),
        # ... a possessor still is.
        ("So involved is Mr. Hannity that aides doubted Mr. Trump's campaign -- something he denied.", "Donald J. Trump"),
    ],
)
def test_resolve_a_name_modifying_an_organisation_is_no_antecedent(sentence, expected):
    text = f"Pundit.\n\nThat person is Sean Hannity, a friend of Donald J. Trump.\n\n{sentence}"
    names = {"Sean Hannity": "PERSON", "Hannity": "PERSON", "Donald J. Trump": "PERSON", "Trump": "PERSON"}
    at = text.rindex("he denied")
    assert resolved_at(text, names, at, 2).speaker.name == expected


@pytest.mark.parametrize(
    ("label", "apposition", "expected"),
    [
        # A full name the recogniser typed a facility or a place, with a first name it does not know, is a person where
        # the article sets a person's role off after the surname alone ...
        ("FAC", "Tanden, head of the Center for American Progress,", "Neera Tanden"),
        ("GPE", "Tanden, head of the Center for American Progress,", "Neera Tanden"),
        ("FAC", "Tanden, a fellow at the Center for American Progress,", "Neera Tanden"),
        # ... not where what follows is no role.
        ("FAC", "Tanden, Texas and Ohio", None),
    ],
)
def test_resolve_a_name_typed_otherwise_with_a_role_after_its_surname(label, apposition, expected):
    text = f"Emails.\n\nAn email from Neera Tanden, meanwhile, reveals a regret. In a message, {apposition} recounted a conversation."
    names = {"Neera Tanden": label, "Tanden": "GPE", "Center for American Progress": "ORG"}
    q = resolved_at(text, names, text.index("Neera Tanden"), len("Neera Tanden"))
    assert (q.speaker.name if q.speaker is not None and q.speaker.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # A description two people fit is the one its own paragraph last names (outside quotation marks) ...
        ("Rubio stopped by his campaign headquarters. Walking into the office, the senator said his campaign was strong.", "Marco Rubio"),
        # ... else the one the article gives the title, as before.
        ("Walking into the office, the senator said his campaign was strong.", "Bernie Sanders"),
    ],
)
def test_resolve_a_description_two_people_fit_by_its_paragraph(paragraph, expected):
    text = (f"Vote.\n\nSen. Bernie Sanders (Vt.) spoke in Manchester. Marco Rubio, Chris Christie and Jeb Bush campaigned too.\n\n"
            f"{paragraph}")
    names = {"Bernie Sanders": "PERSON", "Marco Rubio": "PERSON", "Rubio": "PERSON", "Chris Christie": "PERSON", "Jeb Bush": "PERSON"}
    at = text.index("the senator")
    q = resolved_at(text, names, at, len("the senator"))
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # A relative pronoun after an apposition is its person's, not that of a name modifying a noun in it ...
        ("Harold Doley, a banker and former Reagan administration official who", "Harold Doley"),
        ("David Axelrod, President Barack Obama’s former top adviser, who", "David Axelrod"),
        ("Bob Mulholland, a California superdelegate and Clinton supporter who", "Bob Mulholland"),
        # ... and a name that is the apposition's own head still takes it.
        ("the adviser, Ronald Reagan, who", "Ronald Reagan"),
    ],
)
def test_resolve_a_relative_after_an_apposition_naming_someone_else(phrase, expected):
    text = f"Shakeup.\n\nBennett dismissed criticism from {phrase} has suggested the aides are paid too much."
    names = {"Harold Doley": "PERSON", "Reagan": "PERSON", "Ronald Reagan": "PERSON", "David Axelrod": "PERSON", "Barack Obama": "PERSON",
             "Bob Mulholland": "PERSON", "Clinton": "PERSON", "Bennett": "PERSON"}
    at = text.index("who")
    assert resolved_at(text, names, at, 3).speaker.name == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A quotation after a sentence that ends on whom what it tells of was sent or written by is theirs ...
        ("Clinton asks her assistant to print out recommendations, sent from her friend Jan Piercy, a banker.", "Jan Piercy"),
        ("Clinton asks her assistant to print out a memo written by Jan Piercy.", "Jan Piercy"),
        # ... not where the sentence ends otherwise.
        ("Clinton asks her assistant to print out recommendations for Jan Piercy and others to read tonight.", "Hillary Clinton"),
    ],
)
def test_resolve_a_quotation_after_its_sender(sentence, expected):
    text = f"Emails.\n\nHillary Clinton wrote often.\n\n{sentence} “I feel impatient to see leadership,” she writes."
    names = {"Hillary Clinton": "PERSON", "Clinton": "PERSON", "Jan Piercy": "PERSON"}
    hillary = text.index("Hillary Clinton")
    at = text.index("she writes")
    _, q = resolved_all(text, names, [(hillary, hillary + 15), (at, at + 3)])
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A pronoun reporting in a parenthesis right after its sentence's subject is not that subject ...
        ("The Republican nominee, he said, watched the Olympics for the pole vaulters.", "Gary Johnson"),
        ("Trump, he said, watched the Olympics for the pole vaulters.", "Gary Johnson"),
    ],
)
def test_resolve_a_parenthetical_reporter_is_not_the_subject(sentence, expected):
    text = (f"Johnson.\n\nDonald Trump, the Republican nominee, leads. Gary Johnson is more tactful. In his campaign speech, he tells one "
            f"joke about Trump. {sentence}")
    names = {"Donald Trump": "PERSON", "Trump": "PERSON", "Gary Johnson": "PERSON", "Johnson": "PERSON"}
    at = text.index(", he said") + 2
    assert resolved_at(text, names, at, 2).speaker.name == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # "the church" is the church the article names ...
        ("Fees.\n\nThe Living Church of God runs a college. The church said the fees were fair.", {"Living Church of God": "ORG"},
         "The church", "Living Church of God"),
        # ... "the center" a Centre, spelt the British way ...
        ("Fees.\n\nThe European Centre for a Modern Ukraine paid the firm. The center said the fees were fair.",
         {"European Centre for a Modern Ukraine": "ORG"}, "The center", "European Centre for a Modern Ukraine"),
        # ... under the full name the text gives where the recogniser cut it short ...
        ("Fees.\n\nThe European Centre for a Modern Ukraine paid the firm. The European Centre said the fees were fair.",
         {"European Centre": "ORG"}, "The European Centre", "European Centre for a Modern Ukraine"),
        # ... not a name with a date after it.
        ("Fees.\n\nThe Labor Department of January and the courts differ. The Labor Department said the fees were fair.",
         {"Labor Department": "ORG"}, "The Labor Department", "Labor Department"),
    ],
)
def test_resolve_an_organisation_by_its_head_and_fullest_name(text, names, source, expected):
    at = text.rindex(source)
    assert resolved_at(text, names, at, len(source)).speaker.name == expected


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        # A kinship word after a possessive is the one other person of the article with the possessor's surname and a
        # gender the word allows ...
        ({"Bill Clinton": "PERSON", "Hillary Clinton": "PERSON"}, "Hillary Clinton"),
        # ... none where two could be.
        ({"Bill Clinton": "PERSON", "Hillary Clinton": "PERSON", "Chelsea Clinton": "PERSON"}, None),
    ],
)
def test_resolve_a_kinship_word_to_the_one_person_it_can_mean(names, expected):
    others = ", ".join(n for n in names if n != "Bill Clinton")
    text = (f"Debate.\n\nThe article names {others}.\n\nBill Clinton’s stock answer then is likely to be repeated by his wife, "
            "who said she would not back down.")
    at = text.index("his wife")
    sp = resolved_at(text, names, at, len("his wife")).speaker
    assert (sp.name if sp is not None and sp.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A government named after its head: by a capital, a country, or its head's surname ...
        ("Coal.\n\nThe German government plans cuts. The government in Beijing said it would build more plants.", {"Beijing": "GPE"},
         "The government in Beijing", "Chinese government"),
        ("Oil.\n\nThe memo was sent. The government of Saudi Arabia said it would pay.", {"Saudi Arabia": "GPE"},
         "The government of Saudi Arabia", "Saudi government"),
        ("Ukraine.\n\nPetro O. Poroshenko won. The government of President Petro O. Poroshenko said it would act.",
         {"Petro O. Poroshenko": "PERSON"}, "The government of President Petro O. Poroshenko", "Poroshenko government"),
        # ... "the government" alone the one the article named by its adjective, however long before ...
        ("Nega.\n\nThe Ethiopian government detained Nega." + " He taught." * 600 + " The government said he was a terrorist.",
         {"Nega": "PERSON"}, "The government", "Ethiopian government"),
        # ... else that of the country the article names most ...
        ("Vote.\n\nSwitzerland votes. Voters in Switzerland like Blocher. The government said the vote was fair.",
         {"Switzerland": "GPE", "Blocher": "PERSON"}, "The government", "Swiss government"),
        # ... and no one's where that is the United States, or two countries are named as often.
        ("Vote.\n\nThe United States votes. Voters in the United States like Trump. The government said the vote was fair.",
         {"the United States": "GPE", "Trump": "PERSON"}, "The government", None),
        ("Vote.\n\nSwitzerland and France vote. The government said the vote was fair.",
         {"Switzerland": "GPE", "France": "GPE"}, "The government", None),
    ],
)
def test_resolve_the_government(text, names, source, expected):
    at = text.rindex(source)
    sp = resolved_at(text, names, at, len(source)).speaker
    assert (sp.name if sp is not None and sp.type == "ORG" else None) == expected


@pytest.mark.parametrize(
    ("sentence", "names", "expected"),
    [
        # An "it" inside its sentence is the one organisation the sentence names before it ...
        ("Documents from the Democratic National Committee began circulating after it announced a breach.",
         {"the Democratic National Committee": "ORG"}, "Democratic National Committee"),
        ("But when Mr. Hurt asked Norton to republish the book this year, it declined.", {"Norton": "ORG", "Hurt": "PERSON"}, "Norton"),
        # ... not where it names two, or a person after it, or where the "It" opens a sentence.
        ("Documents from the Democratic National Committee and Norton began circulating after it announced a breach.",
         {"the Democratic National Committee": "ORG", "Norton": "ORG"}, None),
        ("Documents from Norton reached Mr. Hurt after it announced a breach.", {"Norton": "ORG", "Hurt": "PERSON"}, None),
        ("They left the GOP. It declined to comment.", {"GOP": "ORG"}, None),
    ],
)
def test_resolve_it_inside_a_sentence_naming_one_organisation(sentence, names, expected):
    text = f"Books.\n\nThe story is old.\n\n{sentence}"
    at = text.rindex("it ") if " it " in sentence else text.rindex("It ")
    sp = resolved_at(text, names, at, 2).speaker
    assert (sp.name if sp is not None and sp.type == "ORG" else None) == expected


@pytest.mark.parametrize(
    ("headline", "body", "role"),
    [
        # A title the headline puts before the surname of someone the body gives no role is theirs ...
        ("Professor Nega's war", "Berhanu Nega was once one of Bucknell University's most popular professors.", "Professor"),
        # ... not where the body gives one, nor a courtesy title.
        ("Professor Nega's war", "Berhanu Nega, a rebel commander, spoke.", "rebel commander"),
        ("Mr. Nega's war", "Berhanu Nega was once one of Bucknell University's most popular professors.", None),
    ],
)
def test_resolve_a_role_from_the_headline(headline, body, role):
    text = f"{headline}\n\n{body} Nega said he would fight."
    q = said(text, {"Berhanu Nega": "PERSON", "Nega": "PERSON"}, "Nega said", "2016-09-03")
    assert q.speaker.role == role


@pytest.mark.parametrize(
    ("sentence", "label", "expected"),
    [
        # A surname the recogniser typed a place or an organisation is a person's where an indefinite person's role is
        # set off after it ...
        ("Nefzi, a chemistry professor and a member of the mosque's board, said he never saw him.", "GPE", ("Adel Nefzi", "chemistry professor")),
        ("Nefzi, a chemistry professor, said he never saw him.", "ORG", ("Adel Nefzi", "chemistry professor")),
        # ... not where the apposition calls it a place.
        ("Nefzi, a former Confederate state, said it never saw him.", "GPE", None),
    ],
)
def test_resolve_a_surname_typed_otherwise_with_a_role_apposed(sentence, label, expected):
    text = f"Mosque.\n\nInside the mosque, Adel Nefzi said they collect money. {sentence}"
    q = resolved_at(text, {"Nefzi": label}, text.rindex("Nefzi"), 5)
    sp = q.speaker
    assert ((sp.name, sp.role) if sp is not None and sp.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("later", "role"),
    [
        # A full name the recogniser missed where it recognised it before is a mention of that person, whose apposition
        # gives their role ...
        ("Ivanka Trump, who is executive vice president of development and acquisitions at her father's company, told the Times so.",
         "executive vice president of development"),
        # ... not where it modifies a noun or another name.
        ("The Ivanka Trump brand, which is a lawyer's dream, told the Times so.", None),
    ],
)
def test_resolve_a_full_name_the_recogniser_missed(later, role):
    text = f"Moms.\n\nIvanka Trump spoke at the convention. Donald Trump listened.\n\n{later} Ivanka Trump said she would."
    mentions = mentions_of(text, {"Ivanka Trump": "PERSON", "Donald Trump": "PERSON"})
    mentions = [m for m in mentions if not (text.index(later) <= m.start < text.index(later) + len(later))]  # missed there
    at = text.rindex("Ivanka Trump said")
    q = Quote("indirect", None, [Span.of(text, at, at + 12)], [Span.of(text, at, at + 12)])
    resolve_speakers(text, [q], mentions, "2016-08-09")
    assert q.speaker.role == role


@pytest.mark.parametrize(
    ("passage", "source", "expected"),
    [
        # A pronoun after a sentence that brings in someone unnamed by an indefinite description, with no one of its gender
        # named since, is that unnamed person, not someone named further back ...
        ("One woman adopted from Iran did not learn of her status until 2008. Until then, she used to vote.", "she", None),
        ("A man in the crowd shouted at the mayor. \"Go home,\" he said.", "he", None),
        ("One woman adopted from Iran did not learn of her status. \"I'm scared,\" said the woman.", "the woman", None),
        # ... not where someone of its gender is named since, nor where the description's head modifies another word.
        ("One woman adopted from Iran did not learn of it. Joy Alessi said so. Then she left.", "she", "Joy Alessi"),
        ("A chief reason she has given for staying is money.", "she", "Joy Alessi"),
        # (a head that gives no gender brings in no one: "A politician joked about it. In her speech, she said ...")
        ("A reporter for Agence France-Presse called it chaos. \"We saw people hit,\" she said.", "she", "Joy Alessi"),
        # (nor where no one of its gender is named before: the person named next may be the one described)
    ],
)
def test_resolve_a_pronoun_after_an_unnamed_person(passage, source, expected):
    text = f"Adoptees.\n\nJoy Alessi, 50, of Houston, found out at 42. Monte Haines served in the Army.\n\n{passage}"
    q = resolved_at(text, {"Joy Alessi": "PERSON", "Monte Haines": "PERSON", "Alessi": "PERSON"}, text.rindex(source), len(source))
    sp = q.speaker
    assert (sp.name if sp is not None and sp.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        # Title words before a name that end in a participle after a person's word are someone else's role: the name is
        # the participle's object ...
        ("James Hamilton, the Washington lawyer leading Mrs. Clinton's search, has begun vetting.", None),
        ("James Hamilton, the Washington lawyer visiting Hillary Clinton, has begun vetting.", None),
        # ... not a participle that modifies the title ("the visiting Senator").
        ("The visiting Senator Hillary Clinton has begun vetting.", "visiting Senator"),
    ],
)
def test_resolve_no_role_before_a_participles_object(sentence, role):
    text = f"Vetting.\n\n{sentence} Clinton said she would."
    q = said(text, {"James Hamilton": "PERSON", "Hillary Clinton": "PERSON", "Clinton": "PERSON"}, "Clinton said", "2016-06-28")
    assert q.speaker.role == role


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "the journalist" is a reporter, an anchor, a correspondent, a columnist ...: the one the paragraph names ...
        ("The network's nightly news anchor Ilia Calderón reacted with a letter. The Afro-Colombian journalist expressed concern.", "Ilia Calderón"),
        ("Ilia Calderón, a reporter for the network, reacted with a letter. The journalist expressed concern.", "Ilia Calderón"),
        # ... not someone whose role is no journalist's.
        ("The network's lawyer Ilia Calderón reacted with a letter. The journalist expressed concern.", "Maria Hinojosa"),
    ],
)
def test_resolve_the_journalist(sentence, expected):
    text = f"Latinos.\n\nMaria Hinojosa, a journalist, spoke about the election.\n\n{sentence}"
    at = text.rindex("The ")
    q = resolved_at(text, {"Maria Hinojosa": "PERSON", "Ilia Calderón": "PERSON"}, at, text.rindex("journalist") + 10 - at)
    sp = q.speaker
    assert (sp.name if sp is not None and sp.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("passage", "names", "source", "expected"),
    [
        # "the House" is the House, not an organisation whose name holds "White House" ...
        ("Peter Wehner, a former director of the White House Office of Strategic Initiatives, spoke. Even in the House, members said no.",
         {"White House Office of Strategic Initiatives": "ORG", "House": "ORG"}, "the House", "House"),
        # ... and a name the recogniser missed is not cut out of a longer one ("White House Office" gives no "House Office") ...
        ("The House met. The White House Office of Strategic Initiatives said no. The House said yes.", {"House": "ORG"}, "The House", "House"),
        # ... nor is a place the recogniser names elsewhere the one organisation named after it.
        ("Voters in Wisconsin, Ohio. The Greater Wisconsin Committee spent. The Wisconsin Alliance for Reform spent.",
         {"Wisconsin": "GPE", "Ohio": "GPE"}, "Wisconsin", "Wisconsin"),
    ],
)
def test_resolve_an_organisation_inside_a_longer_name(passage, names, source, expected):
    text = f"Speaker.\n\n{passage}"
    at = text.rindex(source)
    mentions = mentions_of(text, names)
    if source == "Wisconsin":  # the headline-like mention the recogniser typed an organisation
        at = text.index("Wisconsin")
        mentions = [Mention(m.start, m.end, "ORG") if m.start == at else m for m in mentions]
    q = Quote("indirect", None, [Span.of(text, at, at + len(source))], [Span.of(text, at, at + len(source))])
    resolve_speakers(text, [q], mentions, "2016-04-12")
    assert q.speaker is not None and q.speaker.name == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # A capitalised name the recogniser missed, an organisation's head in it, is that organisation, not one named before
        # whose kind its head says ...
        ("the State Department", ("State Department", None)),
        ("the Department of Justice", ("Department of Justice", None)),
        # ... while a lone capitalised head is a short form of one named before.
        ("the Foundation", ("Clinton Foundation", None)),
    ],
)
def test_resolve_an_organisations_name_the_recogniser_missed(source, expected):
    text = f"Donors.\n\nThe Clinton Foundation has accepted millions from countries that {source} said had concerns."
    q = resolved_at(text, {"Clinton Foundation": "ORG"}, text.index(source), len(source))
    assert (q.speaker.name, q.speaker.role) == expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # "which" after a phrase that names an organisation, set off by a comma, is that organisation ...
        ("That was welcome news to Clinton’s campaign, which has bristled at his comments.", "Clinton campaign"),
        ("That was welcome news to the union, which has bristled at his comments.", "Service Employees International Union"),
        # ... not where the phrase's head is no organisation's.
        ("That was welcome news to Clinton’s friends, which has bristled at his comments.", None),
    ],
)
def test_resolve_which_after_an_organisations_description(clause, expected):
    text = f"Unions.\n\nThe Service Employees International Union endorsed Hillary Clinton on Monday.\n\n{clause}"
    q = resolved_at(text, {"Service Employees International Union": "ORG", "Hillary Clinton": "PERSON", "Clinton": "PERSON"}, text.rindex("which"), 5)
    sp = q.speaker
    assert (sp.name if sp is not None and sp.type == "ORG" else None) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "who" after an apposition set off after where the person comes from is the person's ...
        ("It was backed by Sen. Dianne Feinstein of California, the ranking Democrat on the committee, who said none originated with her.",
         "Dianne Feinstein"),
        ("It was backed by Sen. Dianne Feinstein, the ranking Democrat on the committee, who said none originated with her.", "Dianne Feinstein"),
        # ... not after a phrase that names someone else the recogniser missed.
        ("It was backed by Sen. Dianne Feinstein and aides from Harlan Crow, a Texas developer, who said none originated with her.", None),
    ],
)
def test_resolve_who_after_an_origin_and_an_apposition(sentence, expected):
    text = f"Emails.\n\n{sentence}"
    q = resolved_at(text, {"Dianne Feinstein": "PERSON"}, text.index(" who ") + 1, 3)
    sp = q.speaker
    assert (sp.name if sp is not None and sp.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("apposition", "role"),
    [
        # An initialism with a hyphen after it ends no sentence inside an apposition.
        ("a D.C.-based Democratic strategist", "D.C.-based Democratic strategist"),
        ("a U.S.-born strategist", "U.S.-born strategist"),
    ],
)
def test_resolve_a_role_with_an_initialism(apposition, role):
    text = f"Lies.\n\n“The most powerful lie contains truth,” said Craig Varoga, {apposition}. Varoga said more."
    q = said(text, {"Craig Varoga": "PERSON", "Varoga": "PERSON"}, "Varoga said", "2016-08-17")
    assert q.speaker.role == role


@pytest.mark.parametrize("shared", [1, 2, 3])
def test_resolve_a_role_given_later_reaches_every_quote_sharing_a_source(shared):
    # Every quote of a person carries the role the article gives them later, also where several attributions share one
    # source ("Ayotte said ... and added ...").
    text = ("Senate.\n\nKelly Ayotte spoke in Concord. Ayotte said she would vote, and added she would not campaign. "
            "The senator said later that she was sure.")
    at, later = text.index("Ayotte said"), text.index("The senator")
    quotes = resolved_all(text, {"Kelly Ayotte": "PERSON", "Ayotte": "PERSON"}, [(at, at + 6)] * shared + [(later, later + 11)])
    assert [q.speaker.role for q in quotes] == ["senator"] * (shared + 1)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A pronoun inside a sentence whose main clause has one person of its gender for a subject, after what may stand
        # before a subject, is that person, not the one quoted last ...
        ("When it came to the pledge, however, Obama made no effort to introduce a carbon tax, which he favors.", "Barack Obama"),
        ("Obama made no effort to introduce a carbon tax, which he favors.", "Barack Obama"),
        # ... not where the name stands in a clause of its own.
        ("“I don't think the wisdom” -- that Obama is a liberal -- “is going to last,” he says.", "John Podesta"),
    ],
)
def test_resolve_a_pronoun_after_its_sentences_subject(sentence, expected):
    text = f"Climate.\n\nBarack Obama spoke on Friday. “It was the president's energy,” Podesta said.\n\n{sentence}"
    names = {"Barack Obama": "PERSON", "Obama": "PERSON", "Podesta": "PERSON"}
    pron = re.search(r"\b(?:he|she)\b", sentence)
    at = text.index(sentence) + pron.start()
    quotes = resolved_all(text, names, [(text.index("Podesta"), text.index("Podesta") + 7), (at, at + len(pron.group()))])
    sp = quotes[-1].speaker
    assert (sp.name if sp is not None and sp.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        # A person's name the recogniser ran over a colon ends there ...
        ("Marco Rubio: Retirement accounts", "Marco Rubio"),
        # ... and over a dash set off by spaces ...
        ("Marco Rubio - Retirement accounts", "Marco Rubio"),
        # ... and a title-case heading's verb is no part of it.
        ("Marco Rubio Explained accounts", "Marco Rubio"),
    ],
)
def test_resolve_a_name_ends_at_a_colon(heading, expected):
    text = f"Ideas.\n\n{heading} Two years ago, Senator Marco Rubio of Florida proposed a plan. He had in mind millions of people."
    mentions = [Mention(text.index(heading), text.index(heading) + len(heading) - len(" accounts"), "PERSON"),
                *mentions_of(text[text.index("Senator") :], {"Marco Rubio": "PERSON"})]
    mentions = mentions[:1] + [Mention(m.start + text.index("Senator"), m.end + text.index("Senator"), m.label) for m in mentions[1:]]
    at = text.index("He had")
    q = Quote("indirect", None, [Span.of(text, at, at + 2)], [Span.of(text, at, at + 2)])
    resolve_speakers(text, [q], mentions, "2016-07-11")
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("source", "names", "expected"),
    [
        # A spaced hyphen sets off what follows a name as a dash does: the name is the speaker ...
        ("Deborah Jordan Reynolds - Santilli's girlfriend and co-host on his channel", {"Deborah Jordan Reynolds": "PERSON", "Santilli": "PERSON"},
         ("Deborah Jordan Reynolds", "PERSON")),
        ("Deborah Jordan Reynolds -- Santilli's girlfriend and co-host on his channel", {"Deborah Jordan Reynolds": "PERSON", "Santilli": "PERSON"},
         ("Deborah Jordan Reynolds", "PERSON")),
        # ... and an organisation "its" opens is that organisation, not the one who runs it, named after the hyphen.
        ("Its Clinton Health Access Initiative - which is run by Ira C. Magaziner",
         {"Clinton Health Access Initiative": "ORG", "Ira C. Magaziner": "PERSON"},
         ("Clinton Health Access Initiative", "ORG")),
    ],
)
def test_resolve_a_source_a_spaced_hyphen_divides(source, names, expected):
    text = f"Foundation.\n\nThe occupation went on in Burns. {source} said the plan had worked."
    q = resolved_at(text, names, text.index(source), len(source))
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Two roles joined by "and" before one name are that person's, a possessor before them aside ...
        ("Clinton's chief pollster and strategist Joel Benenson", ("Joel Benenson", "PERSON")),
        # ... while two names joined by "and" are several speakers.
        ("Clinton's pollster Joel Benenson and Sanders's strategist Tad Devine",
         ("Clinton's pollster Joel Benenson and Sanders's strategist Tad Devine", "DESCRIPTION")),
    ],
)
def test_resolve_two_roles_of_one_person_after_a_possessor(source, expected):
    text = f"Judgment.\n\nHillary Clinton spoke. Bernie Sanders listened. Speaking to MSNBC, {source} said so."
    q = resolved_at(text, {"Hillary Clinton": "PERSON", "Clinton": "PERSON", "Bernie Sanders": "PERSON", "Sanders": "PERSON",
                           "Joel Benenson": "PERSON", "Tad Devine": "PERSON"}, text.index(source), len(source))
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("sentence", "names", "expected"),
    [
        # An organisation the recogniser often misses or types otherwise is one wherever the text names it ...
        ("The Islamic State asserted responsibility for that attack.", {"Islamic": "NORP"}, "Islamic State"),
        ("ISIS asserted responsibility for that attack.", {}, "Islamic State"),
        # ... and what it is called for short is its name ("ISIS" is the Islamic State).
        ("ISIS asserted responsibility for that attack.", {"ISIS": "ORG"}, "Islamic State"),
    ],
)
def test_resolve_a_known_organisation(sentence, names, expected):
    text = f"Attack.\n\nFrance was rocked by a terrorist attack in November. {sentence}"
    source = sentence.split(" asserted")[0]
    q = resolved_at(text, names, text.index(source), len(source))
    assert (q.speaker.name, q.speaker.type) == (expected, "ORG")


@pytest.mark.parametrize(
    ("apposition", "expected"),
    [
        # "whose organization" after a person is the organisation their role names ...
        ("Bobby Franklin, president of the National Venture Capital Association,", "National Venture Capital Association"),
        ("Bobby Franklin, a partner at Sequoia Capital,", "Sequoia Capital"),
        # ... and no one where the role names none.
        ("Bobby Franklin, a venture capitalist,", None),
    ],
)
def test_resolve_whose_organisation(apposition, expected):
    text = (f"Investors.\n\n{apposition} spoke on Monday. ''It is probably not the Trump we will see,'' said Mr. Franklin, "
            "whose organization does not endorse candidates.")
    q = resolved_at(text, {"Bobby Franklin": "PERSON", "Franklin": "PERSON", "National Venture Capital Association": "ORG", "Sequoia Capital": "ORG"},
                    text.index("whose organization"), len("whose organization"))
    sp = q.speaker
    assert (sp.name if sp is not None and sp.type == "ORG" else None) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "The email" after someone "emailed" is theirs, the verb's subject, an apposition aside ...
        ("Huma Abedin, vice chairwoman for Clinton’s campaign, emailed supporters on Monday.", "Huma Abedin"),
        ("The Sanders campaign emailed supporters on Monday.", "Sanders campaign"),
        # ... not where another person stands between the subject and the verb.
        ("Huma Abedin said Bernie Sanders emailed supporters on Monday.", None),
    ],
)
def test_resolve_an_authored_thing_after_its_verb(sentence, expected):
    text = f"Camp.\n\n{sentence}\n\nThe email goes on to say: “We have to be ready.”"
    q = resolved_at(text, {"Huma Abedin": "PERSON", "Clinton": "PERSON", "Bernie Sanders": "PERSON", "Sanders": "PERSON"},
                    text.index("The email"), 9)
    sp = q.speaker
    assert (sp.name if sp is not None and sp.type != "DESCRIPTION" else None) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # An affidavit, a chapter: authored things, their author's ...
        ("the affidavit", "Marc Bujnowski"),
        ("Frank’s chapters", "Thomas Frank"),
        # ... and a book with its title after the head.
        ("Thomas Frank’s new book Listen, Liberal", "Thomas Frank"),
    ],
)
def test_resolve_an_affidavit_and_chapters(source, expected):
    text = ("Charge.\n\nThe charge is explained in an affidavit written by Marc Bujnowski, a detective. Thomas Frank wrote a book.\n\n"
            f"Beyond the footage, {source} cited interviews with Fields.")
    q = resolved_at(text, {"Marc Bujnowski": "PERSON", "Thomas Frank": "PERSON", "Frank": "PERSON"}, text.rindex(source), len(source))
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Lower-case words between an article and a person's name are an epithet, no part of the name ...
        ("a newly elected Bush", "George W. Bush"),
        ("an angry Bush", "George W. Bush"),
        # ... not a name that modifies what follows it.
        ("the Bush administration", "Bush administration"),
    ],
)
def test_resolve_an_epithet_before_a_surname(source, expected):
    text = f"Schools.\n\nPresident George W. Bush signed the law in 2002.\n\nBack in 2000, {source} sought greater federal involvement."
    q = resolved_at(text, {"George W. Bush": "PERSON", "Bush": "PERSON"}, text.index(source), len(source))
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # A place with its state set off before a person's word is where the person lives, no speaker of its own ...
        ("one Coralville, Iowa, pastor", ("DESCRIPTION", None)),
        # ... while the place alone is the place.
        ("Coralville", ("GPE", "Coralville")),
    ],
)
def test_resolve_a_place_before_a_persons_word(source, expected):
    text = f"Rubio.\n\nIt was a message that left {source} puzzled about what Rubio believed. Coralville is in Iowa."
    q = resolved_at(text, {"Coralville": "GPE", "Iowa": "GPE", "Rubio": "PERSON"}, text.index(source), len(source))
    sp = q.speaker
    assert (sp.type, sp.name if sp.type != "DESCRIPTION" else None) == expected


@pytest.mark.parametrize(
    ("source", "names", "expected"),
    [
        # People the first one's apposition names as whom they served are no speakers beside them ...
        ("Rick Tyler, a former senior aide to Mr. Cruz and Newt Gingrich and currently a political analyst at MSNBC,",
         {"Rick Tyler": "PERSON", "Cruz": "PERSON", "Newt Gingrich": "PERSON", "MSNBC": "ORG"}, "Rick Tyler"),
        # ... nor is a name inside a role before an organisation's name and the role's head ("Clinton White House aide") ...
        ("former Clinton White House aide and current ABC News anchor George Stephanopoulos",
         {"Clinton": "PERSON", "White House": "ORG", "ABC News": "ORG", "George Stephanopoulos": "PERSON"}, "George Stephanopoulos"),
        # ... while two people joined with their roles are several.
        ("Sen. Bernie Sanders and former Maryland Gov. Martin O’Malley", {"Bernie Sanders": "PERSON", "Martin O’Malley": "PERSON"}, None),
    ],
)
def test_resolve_one_speaker_among_names_in_roles(source, names, expected):
    text = f"Politics.\n\nThe race went on. {source} said the party was split."
    q = resolved_at(text, names, text.index(source), len(source))
    sp = q.speaker
    assert (sp.name if sp is not None and sp.type == "PERSON" else None) == expected


@pytest.mark.parametrize("source", ["Donald J. Trump)", "(Donald J. Trump", "(Donald J. Trump)"])
def test_resolve_a_source_with_a_bracket_of_its_own(source):
    # A bracket the tagger took into a source on one side only is no part of the name.
    text = f"Politics.\n\nVoters like the nominee (Donald J. Trump) and his plans. {source} said so."
    ms = [Mention(m.start(), m.end(), "PERSON") for m in re.finditer("Donald J. Trump", text)]
    at = text.rindex(source)
    q = Quote("indirect", None, [Span.of(text, at, at + len(source))], [Span.of(text, at, at + len(source))])
    resolve_speakers(text, [q], ms, "2016-01-01")
    assert (q.speaker.name, q.speaker.type) == ("Donald J. Trump", "PERSON")


@pytest.mark.parametrize(
    ("source", "names", "expected"),
    [
        # A transcript's label with a first name in capitals is a person, whatever the recogniser typed it ...
        ("KATE BOULDUAN", {"KATE BOULDUAN": "ORG", "JOEL BENENSON": "ORG"}, ("PERSON", "Kate Boulduan")),
        ("JOEL BENENSON", {"KATE BOULDUAN": "ORG", "JOEL BENENSON": "ORG"}, ("PERSON", "Joel Benenson")),
        # ... and the bare surname of a later label the same person ...
        ("BOULDUAN", {"KATE BOULDUAN": "ORG", "JOEL BENENSON": "ORG"}, ("PERSON", "Kate Boulduan")),
        ("BENENSON", {}, ("PERSON", "Joel Benenson")),
        # ... named as the article writes the name where it does in small letters too.
        ("JOHN MCCAIN", {"JOHN MCCAIN": "PERSON", "McCain": "PERSON"}, ("PERSON", "John McCain")),
    ],
)
def test_resolve_a_transcripts_speaker_labels(source, names, expected):
    text = ("Debate.\n\nVideo transcript:\n\nKATE BOULDUAN: Why not debate?\n\nJOEL BENENSON: This is a man who said he'd never run "
            "a negative ad.\n\nJOHN MCCAIN: I agree with McCain's friends.\n\nBOULDUAN: So no debate?\n\nBENENSON: Not now.")
    at = text.rindex(source + ":")
    q = resolved_at(text, names, at, len(source))
    assert (q.speaker.type, q.speaker.name) == expected


@pytest.mark.parametrize(
    ("source", "names", "expected"),
    [
        # A lone surname labelling a transcript's answers is a person, named as a surname is ...
        ("WALLACE", {"WALLACE": "ORG"}, ("PERSON", "Wallace")),
        ("WALLACE", {}, ("PERSON", "Wallace")),
        # ... the person the article names in full where it does ...
        ("PENCE", {"Mike Pence": "PERSON"}, ("PERSON", "Mike Pence")),
        # ... and a label that says what the speaker is names no one.
        ("ANNOUNCER", {}, None),
    ],
)
def test_resolve_a_transcripts_surname_labels(source, names, expected):
    text = ("Politics.\n\nOn the show, Gov. Mike Pence spoke. Partial transcript as follows:\n\n\"WALLACE: Will she be there?\n\n"
            "\"PENCE: She will not.\n\n\"ANNOUNCER: We will be right back.\n\n\"WALLACE: Thank you.")
    at = text.rindex(source + ":")
    q = resolved_at(text, names, at, len(source))
    assert ((q.speaker.type, q.speaker.name) if q.speaker is not None and q.speaker.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("HILLARY CLINTON", "Hillary Clinton"),
        ("MARTIN O'MALLEY", "Martin O'Malley"),
        # Letters and numerals that are no name in capitals stay as they are.
        ("G-III", "G-III"),
    ],
)
def test_resolve_a_name_in_capitals(name, expected):
    text = f"Politics.\n\nThe race went on. {name} said the party was split."
    q = resolved_at(text, {name: "PERSON"}, text.index(name), len(name))
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # A heading in capitals that the tagger took for a source names no one ...
        ("HOW CHINA’S DECLINE AFFECTS THE REST OF THE WORLD", None),
        ("TWO MORE BITE THE DUST FOR THE NEXT GOP DEBATE STAGE", None),
        # ... while a name in capitals does.
        ("HILLARY CLINTON", "Hillary Clinton"),
    ],
)
def test_resolve_a_heading_in_capitals(source, expected):
    text = f"Morning Email.\n\nHillary Clinton spoke.\n\n{source} “The slowdown is fostering a cycle of decline,” the paper wrote."
    q = resolved_at(text, {"HILLARY CLINTON": "PERSON", "Hillary Clinton": "PERSON", "GOP": "ORG", "CHINA’S": "GPE", "DEBATE STAGE": "ORG"},
                    text.index(source), len(source))
    assert (q.speaker.name if q.speaker is not None else None) == expected


@pytest.mark.parametrize(
    "source",
    [
        # The candidate named after "campaign of", or the one a possessive description names, not the campaign quoted last.
        "The campaign of presumptive Democratic nominee Hillary Clinton",
        "The Democratic nominee's campaign",
    ],
)
def test_resolve_a_campaign_of_a_described_candidate(source):
    text = ("Politics.\n\nDemocratic nominee Hillary Clinton spoke in Ohio. Trump campaign spokeswoman Hope Hicks said all staffers "
            f"sign agreements. {source} did not reply.")
    q = resolved_at(text, {"Hillary Clinton": "PERSON", "Trump": "PERSON", "Hope Hicks": "PERSON"}, text.index(source), len(source))
    assert (q.speaker.name, q.speaker.type) == ("Clinton campaign", "ORG")


@pytest.mark.parametrize(
    ("source", "names", "expected"),
    [
        # A poll's maker is the organisation "from" or "by" names, not one named after it ...
        ("a just-released poll from Florida Atlantic University broadcast on MSNBC",
         {"Florida Atlantic University": "ORG", "MSNBC": "ORG"}, ("ORG", "Florida Atlantic University poll")),
        # ... an average's maker no determiner: "An average of 10 percent of voters" is no one's ...
        ("An average of 10 percent of registered voters", {}, ("DESCRIPTION", None)),
        ("A Real Clear Politics average of polls", {}, ("ORG", "Real Clear Politics average")),
        # ... a dash that closes an apposition no part of the name ...
        ("Trump’s running mate — Indiana Gov. Mike Pence —", {"Indiana": "GPE", "Mike Pence": "PERSON"}, ("PERSON", "Mike Pence")),
        # ... and a "VP" a title, no organisation.
        ("Trump’s potential VP", {"VP": "ORG"}, ("DESCRIPTION", None)),
    ],
)
def test_resolve_makers_and_appositions_set_off(source, names, expected):
    text = f"Politics.\n\nRepublican presidential nominee Donald Trump leads. {source} said so on Monday."
    q = resolved_at(text, {"Donald Trump": "PERSON", **names}, text.index(source), len(source))
    sp = q.speaker
    assert (sp.type, sp.name if sp.type != "DESCRIPTION" else None) == expected


@pytest.mark.parametrize(
    ("text", "source", "names", "expected"),
    [
        # A group set off before the people it lists is no one of them, nor its office sought their role ...
        ("The Republican senators running for president -- Ted Cruz of Texas, Lindsey Graham of South Carolina and Rand Paul of "
         "Kentucky -- voted for it.", "The Republican senators running for president -- Ted Cruz of Texas, Lindsey Graham of South "
         "Carolina and Rand Paul of Kentucky --", {"Ted Cruz": "PERSON", "Lindsey Graham": "PERSON", "Rand Paul": "PERSON"}, (None, None)),
        ("The senators running for president -- Ted Cruz of Texas and Rand Paul -- met. Cruz said it was right.", "Cruz",
         {"Ted Cruz": "PERSON", "Rand Paul": "PERSON", "Cruz": "PERSON"}, ("Ted Cruz", None)),
        # ... and a word that names a role by what it is no part of it.
        ("While Lewandowski maintains the title campaign manager and travels with the candidate, Trump hired others. "
         "Lewandowski said he was happy.", "Lewandowski",
         {"Lewandowski": "PERSON", "Trump": "PERSON"}, ("Corey Lewandowski", "campaign manager")),
    ],
)
def test_resolve_a_group_listed_after_a_dash_and_an_office_noun(text, source, names, expected):
    text = f"Politics.\n\n{text}"
    q = resolved_at(text, names, text.rindex(source), len(source))
    sp = q.speaker
    assert ((sp.name, sp.role) if sp is not None and sp.type == "PERSON" else (None, None)) == expected


@pytest.mark.parametrize(
    ("source", "names", "expected"),
    [
        # A name in capitals that opens a heading in capitals is the heading's, no speaker ...
        ("NEW HAMPSHIRE", {"NEW HAMPSHIRE": "ORG"}, None),
        ("U.N. PANEL", {"U.N. PANEL": "PERSON"}, None),
        # ... unless it is someone the article names.
        ("OBAMA", {"OBAMA": "PERSON"}, "Barack Obama"),
    ],
)
def test_resolve_a_name_opening_a_heading_in_capitals(source, names, expected):
    text = (f"Things to know.\n\nPresident Barack Obama spoke on Monday.\n\n{source} SHOWS STRONG TRUMP LEAD, BUT COULD IT BE MISLEADING?"
            " - Donald Trump has enjoyed a 20-point lead.")
    q = resolved_at(text, {"Barack Obama": "PERSON", "Donald Trump": "PERSON", **names}, text.index(source), len(source))
    assert (q.speaker.name if q.speaker is not None and q.speaker.type != "DESCRIPTION" else None) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # "No one", "nobody": no one named ...
        ("No one outside the board and a select group of top executives", ("DESCRIPTION", None)),
        # ... and a title in quotation marks no maker of the document it names (the "he" who released it is).
        ('the "Medicare for all" document he released', ("PERSON", "Bernie Sanders")),
    ],
)
def test_resolve_no_one_and_a_quoted_title(source, expected):
    text = f"Politics.\n\nThe plan would cost $1.38 trillion a year, according to {source}. Sanders spoke."
    q = resolved_at(text, {"\"Medicare": "ORG", "Sanders": "PERSON"}, text.index(source), len(source))
    sp = q.speaker
    assert (sp.type, sp.name if sp.type != "DESCRIPTION" else None) == expected


@pytest.mark.parametrize(
    ("source", "typed_at", "expected"),
    [
        # A one-word name the recogniser typed an organisation where it typed it is one where it missed it too ...
        ("The company", [0], ("ORG", "Wealth-X")),
        ("it", [0], ("ORG", "Wealth-X")),
        # ... not where it also typed it a person.
        ("The company", [0, 1], ("ORG", "Forbes")),
    ],
)
def test_resolve_an_organisation_where_the_recogniser_missed_it(source, typed_at, expected):
    text = ("Billionaires.\n\nForbes counts 1,810 billionaires. Wealth-X, a private wealth research firm, counts more. "
            "Forbes said it was right. Wealth-X counts 2,473 billionaires, and it said so on Monday. The company said so again.")
    found = [m.start() for m in re.finditer("Wealth-X", text)]
    ms = [Mention(a, a + len("Wealth-X"), "ORG" if k == 0 else "PERSON") for k, a in enumerate(found) if k in typed_at]
    ms += [Mention(m.start(), m.end(), "ORG") for m in re.finditer("Forbes", text)]
    at = text.rindex(source) if source != "it" else text.index("it said so")
    q = Quote("indirect", None, [Span.of(text, at, at + len(source))], [Span.of(text, at, at + len(source))])
    resolve_speakers(text, [q], sorted(ms, key=lambda m: m.start), "2016-01-01")
    assert (q.speaker.type, q.speaker.name) == expected


def test_resolve_no_fuller_name_that_joins_two_organisations():
    # "Alphabet and Facebook" is two companies, no fuller name of Facebook; "Organization for Economic Cooperation and
    # Development" one.
    text = ("Tech.\n\nAlphabet and Facebook said so. Alphabet grew. Facebook said it would not. Development slowed, said the "
            "Organization for Economic Cooperation and Development.")
    names = {"Alphabet and Facebook": "ORG", "Alphabet": "ORG", "Organization for Economic Cooperation and Development": "ORG"}
    at = text.index("Facebook said it")
    q = resolved_at(text, {**names, "Facebook": "ORG"}, at, len("Facebook"))
    assert q.speaker.name == "Facebook"


def test_resolve_an_it_inside_its_sentence_before_the_organisation_quoted_last():
    # "Forbes said ... Wealth-X counts ..., and it said": the organisation its own sentence opens with, not the one quoted last.
    text = "Billionaires.\n\nForbes said it counts 1,810 billionaires. Wealth-X counts 2,473 billionaires, and it said so on Monday."
    spans = [(text.index("Forbes said"), text.index("Forbes said") + 6), (text.index("it said"), text.index("it said") + 2)]
    quotes = resolved_all(text, {"Forbes": "ORG", "Wealth-X": "ORG"}, spans)
    assert [q.speaker.name for q in quotes] == ["Forbes", "Wealth-X"]


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        # "It says" after a sentence that names something written and who made it: its maker, before the one quoted last ...
        ("In his bill, Salceda cited a 2001 memorandum issued by the Philippine immigration agency.", "Philippine immigration agency"),
        # ... not where the sentence names no maker for it (the report it opened with stays unnamed) ...
        ("The report also detailed breaches in which Acme employees took sensitive documents with them.", None),
    ],
)
def test_resolve_it_says_after_a_written_thing_and_its_maker(before, expected):
    text = f"Trump.\n\nThe Philippine Star said the ban was likely. {before} It says foreigners who disrespect the country can be barred."
    names = {"Philippine Star": "ORG", "Salceda": "PERSON", "Philippine immigration agency": "ORG", "Acme": "ORG"}
    spans = [(text.index("The Philippine Star"), text.index("The Philippine Star") + 19), (text.index("It says"), text.index("It says") + 2)]
    quotes = resolved_all(text, names, spans)
    sp = quotes[1].speaker
    assert (sp.name if sp is not None and sp.type != "DESCRIPTION" and sp.name != "Philippine Star" else None) == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # An editor's note that the text is an excerpt of someone's book: the book's author writes its "I" ...
        ("Editor’s Note: The following is an exclusive excerpt from bestselling author Dinesh D’Souza’s new book.", "Dinesh D’Souza"),
        ("This article is adapted from Jane Roe's memoir.", "Jane Roe"),
        # ... not a person an excerpt is about.
        ("Editor’s Note: The following excerpts from the trial, in which Jane Roe testified, were released.", None),
    ],
)
def test_resolve_the_first_person_of_a_book_excerpt(note, expected):
    text = f"Excerpt.\n\n{note}\n\nThen Brafman exposed the tactics. The government refused to give me credit. I was angry."
    at = text.rindex("I was")
    q = resolved_at(text, {"Dinesh D’Souza": "PERSON", "Jane Roe": "PERSON", "Brafman": "PERSON"}, at, 1)
    assert (q.speaker.name if q.speaker is not None and q.speaker.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A nickname in quotation marks inside a name the recogniser cut there: one person, first name to surname ...
        ('The board member George "Jay" Keyworth spoke. Keyworth said he was angry.', {'Jay" Keyworth': "PERSON", "Keyworth": "PERSON"},
         "Keyworth", "George Jay Keyworth"),
        ("Marine John “Tig” Tiegen spoke. Tiegen said it was a mistake.", {"Tig” Tiegen": "PERSON", "Tiegen": "ORG"}, "Tiegen",
         "John Tig Tiegen"),
        # ... and initials the article gives a one-word hyphenated name: that organisation.
        ("Carly Fiorina ran Hewlett-Packard. Later, a still-struggling HP cut jobs.", {"Hewlett-Packard": "ORG", "HP": "ORG"},
         "a still-struggling HP", "Hewlett-Packard"),
    ],
)
def test_resolve_a_nickname_in_a_name_and_initials_of_a_hyphenated_name(text, names, source, expected):
    q = resolved_last(text, names, source)
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A newsroom's person word after its name: someone of it, not the paper ...
        ("The Washington Post reported it. He told a Post reporter that it was true.", {"The Washington Post": "ORG", "Post": "ORG"},
         "a Post reporter", None),
        ("The Washington Post reported it. A Post analysis said it was true.", {"The Washington Post": "ORG", "Post": "ORG"},
         "A Post analysis", "Washington Post"),
        # ... and a street the recogniser took for a person no one's surname.
        ("Outside the plant on Hermenegildo Galeana Street, a worker named Antonio Arroyo waited. Street said it was hard.",
         {"Hermenegildo Galeana Street": "PERSON", "Antonio Arroyo": "PERSON"}, "Street", None),
    ],
)
def test_resolve_a_newsrooms_person_and_a_street_named_as_a_person(text, names, source, expected):
    q = resolved_last(text, names, source)
    sp = q.speaker
    assert (sp.name if sp is not None and sp.type in {"ORG", "PERSON"} and sp.name != "Street" else None) == expected


def test_resolve_the_man_brought_in_by_a_sentence_that_names_others():
    # "One man ..., responding to Sanders’ description of the Bush administration’s role, interrupted": the names in the
    # sentence that brings the man in are no one "the man" may be.
    text = ("Latest.\n\nBernie Sanders is drawing animated crowds in New Hampshire.\n\nOne man in Manchester, responding to Sanders’ "
            "description of the Bush administration’s role in the recession, interrupted the candidate:\n\n“They stole the country,” "
            "the man shouted.")
    q = resolved_at(text, {"Bernie Sanders": "PERSON", "Sanders": "PERSON", "Bush": "PERSON"}, text.rindex("the man"), 7)
    assert q.speaker.type == "DESCRIPTION"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Something written "from" or "by" a person is theirs, before an organisation that only modifies its head ...
        ("White House-era documents from Diane D. Blair, a close friend of Mrs. Clinton's,", "Diane D. Blair"),
        # ... and one its relative clause says a "he" made is his.
        ('the "Medicare for all" document he released', "Bernie Sanders"),
    ],
)
def test_resolve_a_written_thing_from_a_person_or_that_he_made(source, expected):
    text = (f"Politics.\n\nSen. Bernie Sanders released details of his plan at the White House. The plan would cost $1 trillion, "
            f"according to {source}.")
    q = resolved_at(text, {"Bernie Sanders": "PERSON", "White House": "ORG", "Diane D. Blair": "PERSON", "Clinton": "PERSON",
                           '"Medicare': "ORG"}, text.index(source), len(source))
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("name", "label", "expected"),
    [
        # Initials that open a name make it an organisation's, whatever the recogniser typed it ...
        ("USA Today", "ORG", "ORG"),
        ("USA Today", "PERSON", "ORG"),
        ("RTL Info", "PERSON", "ORG"),
        # ... not a person's initials of two letters, nor a first name in capitals.
        ("JR Smith", "PERSON", "PERSON"),
        ("JOHN Smith", "PERSON", "PERSON"),
    ],
)
def test_resolve_a_name_opening_with_initials(name, label, expected):
    text = f"News.\n\nKristen Day, executive director of Democrats for Life, spoke, reports {name}. The group agreed."
    q = resolved_at(text, {name: label, "Kristen Day": "PERSON", "Democrats for Life": "ORG"}, text.index(name), len(name))
    assert q.speaker.type == expected


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        # A name right after an organisation's head noun is that organisation's, not a person in the apposition ...
        ("the Philadelphia-based investment company", "securities analyst for the Philadelphia-based investment company Janney Montgomery Scott"),
        # ... and so with a firm's.
        ("the law firm", "securities analyst for the law firm Janney Montgomery Scott"),
    ],
)
def test_resolve_a_name_after_an_organisations_head_in_an_apposition(before, expected):
    text = (f"Trump.\n\nIn 1990, Marvin Roffman said the Taj would fail. Roffman, a securities analyst for {before} Janney Montgomery "
            "Scott, recalled calls with Trump.")
    names = {"Marvin Roffman": "PERSON", "Roffman": "ORG", "Trump": "PERSON", "Janney Montgomery Scott": "PERSON", "Taj": "ORG"}
    q = resolved_at(text, names, text.index("Roffman, a"), len("Roffman"))
    assert (q.speaker.name, q.speaker.role) == ("Marvin Roffman", expected)


def test_resolve_a_role_a_who_clause_says_someone_was_becoming():
    # "John O'Donnell, who worked for Trump for three years, becoming president of Trump Plaza ...": his role.
    text = ("Trump.\n\nJohn O'Donnell, who worked for Trump for three years, becoming president of Trump Plaza Hotel and Casino in "
            "Atlantic City, wrote a book. O'Donnell said it was true.")
    q = resolved_last(text, {"John O'Donnell": "PERSON", "O'Donnell": "PERSON", "Trump": "PERSON", "Atlantic City": "GPE"}, "O'Donnell")
    assert (q.speaker.name, (q.speaker.role or "").split(" of ")[0]) == ("John O'Donnell", "president")


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # "X is one of those Carrier workers who ...": one of a plural of people, the singular her role ...
        ("is one of those Carrier workers who listened to the announcement", "Carrier worker"),
        ("was one of the senators who voted for it", "senator"),
        # ... not one of a plural of things.
        ("is one of those people who listened to the announcement", None),
    ],
)
def test_resolve_a_role_as_one_of_a_plural(said, expected):
    text = f"Carrier.\n\nJennifer Shanklin-Hawkins {said}. After 14 years on the line, she was angry. Shanklin-Hawkins said so."
    q = resolved_last(text, {"Jennifer Shanklin-Hawkins": "PERSON", "Shanklin-Hawkins": "PERSON", "Carrier": "ORG"}, "Shanklin-Hawkins")
    assert q.speaker.role == expected


@pytest.mark.parametrize("role", ["contestant", "finalist", "hotelier", "restaurateur"])
def test_resolve_more_words_of_a_persons_role(role):
    # "Sam Solovey, a contestant on Trump's reality TV show,": a role as any other.
    text = f"Trump.\n\nSam Solovey, a {role} on the show, spoke. Solovey said it was fun."
    q = resolved_last(text, {"Sam Solovey": "PERSON", "Solovey": "PERSON"}, "Solovey")
    assert (q.speaker.role or "").startswith(role)


@pytest.mark.parametrize(
    ("apposition", "expected"),
    [
        # An apposition set off by one spaced dash, up to a relative clause or the sentence's end, is a role ...
        ("Ayotte - the first-term senator from New Hampshire who is facing a tough race", "first-term senator from New Hampshire"),
        ("Ayotte - the first-term senator from New Hampshire.", "first-term senator from New Hampshire"),
        # ... not a clause after a dash.
        ("Ayotte - she was not there.", None),
    ],
)
def test_resolve_a_role_set_off_by_one_dash(apposition, expected):
    text = f"Politics.\n\nWe need Kelly Ayotte back in the Senate. It was the perfect set piece for {apposition} Ayotte said so."
    q = resolved_last(text, {"Kelly Ayotte": "PERSON", "Ayotte": "PERSON", "New Hampshire": "GPE"}, "Ayotte")
    assert q.speaker.role == expected


@pytest.mark.parametrize(
    ("text", "labelled", "source", "expected"),
    [
        # A place that speaks is those who work there: named as a place before, missed by the recogniser here ...
        ("He spoke in Downing Street on Monday.\n\nDowning Street insisted the UK was on course.", [("Downing Street", "LOC")],
         "Downing Street", ("Downing Street", "ORG")),
        # ... a street's name, never a person's ...
        ("Markets fell.\n\nWall Street shrugged off the news, traders said.", [], "Wall Street", ("Wall Street", "ORG")),
        # ... or typed a place or a building where it speaks.
        ("Talks end.\n\nThe Kremlin said the talks were useful.", [("Kremlin", "FAC")], "The Kremlin", ("Kremlin", "ORG")),
        # Not someone in or across a place.
        ("Tower talks.\n\nOne operative inside Trump Tower said the team was split.", [("Trump Tower", "FAC")],
         "One operative inside Trump Tower", ("operative inside Trump Tower", "DESCRIPTION")),
    ],
)
def test_resolve_a_place_that_speaks_is_an_organisation(text, labelled, source, expected):
    mentions = []
    for name, label in labelled:
        at = text.index(name)
        mentions.append(Mention(at, at + len(name), label))
    q = quote_at(text, source, -1)
    resolve_speakers(text, [q], mentions, "2023-09-20")
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # A group's name, a capitalised plural and the cause it stands for, where the recogniser saw a place in it ...
        ("Campaigners spoke.\n\nFriends of the Earth said the plan was a mistake.", {"Earth": "LOC"}, "Friends of the Earth",
         ("Friends of the Earth", "ORG")),
        ("Ads ran.\n\nThe Koch-backed group Americans for Prosperity said it would spend more.", {}, "Americans for Prosperity",
         ("Americans for Prosperity", "ORG")),
        ("Aid arrived.\n\nDoctors Without Borders said clinics were full.", {}, "Doctors Without Borders", ("Doctors Without Borders", "ORG")),
        # ... not people of a body, nor a title.
        ("The vote failed.\n\nMembers of Congress said it would return.", {"Congress": "ORG"}, "Members of Congress",
         ("Members of Congress", "DESCRIPTION")),
    ],
)
def test_resolve_a_groups_name_for_a_cause_is_an_organisation(text, names, source, expected):
    q = resolved(text, names, source, "2023-09-20")
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "I" outside quotation marks is the writer a byline names ...
        ("Our cities need trees\n\nBy Laura Chen\n\nEvery summer my street bakes. I believe we need shade.", "Laura Chen"),
        ("Our cities need trees\n\nBy Laura Chen and Tom Hale\n\nEvery summer my street bakes. I believe we need shade.", "Laura Chen"),
        # ... unless a signature closer to it names another.
        ("Our cities need trees\n\nBy Laura Chen\n\nEvery summer my street bakes. I believe we need shade.\n\nMaria Lopez.", "Maria Lopez"),
    ],
)
def test_resolve_i_is_the_writer_a_byline_names(text, expected):
    names = {"Laura Chen": "PERSON", "Tom Hale": "PERSON", "Maria Lopez": "PERSON"}
    q = resolved(text, {n: label for n, label in names.items() if n in text}, "I believe", "2023-09-20")
    q.sources[0] = Span.of(text, q.sources[0].start, q.sources[0].start + 1)
    resolve_speakers(text, [q], mentions_of(text, {n: label for n, label in names.items() if n in text}), "2023-09-20")
    assert q.speaker is not None and q.speaker.name == expected


@pytest.mark.parametrize(
    ("text", "author", "expected"),
    [
        # A page whose text signs nothing: "I" is the author its metadata names ...
        ("Our cities need trees\n\nEvery summer my street bakes. I believe we need shade.", "Laura Chen", "Laura Chen"),
        ("Our cities need trees\n\nEvery summer my street bakes. I believe we need shade.", "By Laura Chen", "Laura Chen"),
        # ... not several, a desk or an agency ...
        ("Our cities need trees\n\nEvery summer my street bakes. I believe we need shade.", "Laura Chen and Tom Hale", None),
        ("Our cities need trees\n\nEvery summer my street bakes. I believe we need shade.", "Associated Press", None),
        ("Our cities need trees\n\nEvery summer my street bakes. I believe we need shade.", "Staff reports", None),
        # ... and the text's own signature first.
        ("Our cities need trees\n\nEvery summer my street bakes. I believe we need shade.\n\nMaria Lopez.", "Laura Chen", "Maria Lopez"),
    ],
)
def test_resolve_i_is_the_metadata_author_where_the_text_signs_nothing(text, author, expected):
    q = quote_at(text, "I believe")
    q.sources[0] = Span.of(text, q.sources[0].start, q.sources[0].start + 1)
    resolve_speakers(text, [q], mentions_of(text, {"Maria Lopez": "PERSON"}), "2023-09-20", author)
    assert (q.speaker.name if q.speaker and q.speaker.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "I" in an answer an interview's label opens is the person of the label ...
        ("Chief speaks\n\nAngela Ruiz became chief in June.\n\nQ: Will every officer wear a camera?\n\n"
         "Ruiz: Yes. The council funded it, and I expect them on every officer by December.", "Angela Ruiz"),
        ("Chief speaks\n\nAngela Ruiz became chief in June.\n\nANGELA RUIZ: Yes. I expect them by December.", "Angela Ruiz"),
        # ... not where the label names no one of the article (the interviewer's "Q:"), nor outside such a paragraph.
        ("Chief speaks\n\nAngela Ruiz became chief in June.\n\nQ: Yes. I expect them by December.", None),
        ("Chief speaks\n\nAngela Ruiz became chief in June. Yes, I expect them by December.", None),
    ],
)
def test_resolve_i_in_an_answer_is_the_labels_person(text, expected):
    q = quote_at(text, "I expect")
    q.sources[0] = Span.of(text, q.sources[0].start, q.sources[0].start + 1)
    resolve_speakers(text, [q], mentions_of(text, {"Angela Ruiz": "PERSON", "Ruiz": "PERSON"}), "2023-09-20")
    assert (q.speaker.name if q.speaker and q.speaker.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A head and its "of" phrase in lower case, set off before the name after a determiner or a possessive: the role.
        ("Gov. Mark Ellis said his former chief of staff, Dana Price, had misled him. Price denied it.", "former chief of staff"),
        ("Rep. Duncan Hunter’s chief of staff, Dana Price, told reporters. Price denied it.", "chief of staff"),
        # Not a thing's "of" phrase ("the cost of housing"), nor a clause before the comma.
        ("Gov. Mark Ellis spoke of the cost of housing, Dana Price said. Price denied it.", None),
    ],
)
def test_resolve_a_head_of_role_set_off_before_the_name(text, expected):
    q = resolved(text, {"Mark Ellis": "PERSON", "Duncan Hunter": "PERSON", "Dana Price": "PERSON", "Price": "PERSON"}, "Price", "2023-09-20", -1)
    assert q.speaker is not None and q.speaker.name == "Dana Price" and q.speaker.role == expected


@pytest.mark.parametrize(
    ("text", "names", "source", "expected"),
    [
        # The journal that printed a study is not who says what it found ...
        ("Plastic found.\n\nParticles were found in heart tissue, according to a study published Tuesday in the journal Environmental Science.",
         {"Environmental Science": "ORG"}, "a study published Tuesday in the journal Environmental Science",
         ("study published Tuesday in the journal Environmental Science", "DESCRIPTION")),
        # ... its maker is.
        ("Poll out.\n\nVoters moved, according to a study by the Pew Research Center published Tuesday.", {"the Pew Research Center": "ORG"},
         "a study by the Pew Research Center", ("Pew Research Center", "ORG")),
    ],
)
def test_resolve_a_study_is_its_makers_not_its_journals(text, names, source, expected):
    q = resolved(text, names, source, "2023-09-20")
    assert (q.speaker.name, q.speaker.type) == expected


def test_resolve_the_department_is_no_court_named_before():
    """"The department" stands for an executive body the article names, not a court ("... appeared in Alameda County
    Superior Court ... Police said ... The department asked ...": the police, named by no name)."""
    text = ("Man charged.\n\nMarcus Bell appeared in Alameda County Superior Court on Monday. Police said a second suspect was at large. "
            "The department asked anyone with information to call.")
    q = resolved(text, {"Marcus Bell": "PERSON", "Alameda County Superior Court": "ORG"}, "The department", "2023-09-20")
    assert q.speaker.type == "DESCRIPTION"
    text = "Talks.\n\nThe State Department met the envoy. The agency said talks would go on."
    q = resolved(text, {"The State Department": "ORG"}, "The agency", "2023-09-20")
    assert (q.speaker.name, q.speaker.type) == ("State Department", "ORG")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A role of two words neither of which is a role's head alone (lexicon: compound_roles) ...
        ("Marcus Bell appeared in court. His public defender, Lisa Tran, said he was innocent. Tran said more.", "public defender"),
        ("Marcus Bell appeared in court. Public defender Lisa Tran said he was innocent. Tran said more.", "Public defender"),
        # ... but no single word of it: "a dogged defender of the law" gives none.
        ("Marcus Bell appeared in court. Lisa Tran has been a dogged defender of the law. Tran said more.", None),
    ],
)
def test_resolve_a_compound_role(text, expected):
    q = resolved(text, {"Marcus Bell": "PERSON", "Lisa Tran": "PERSON", "Tran": "PERSON"}, "Tran", "2023-09-20", -1)
    assert q.speaker is not None and q.speaker.name == "Lisa Tran" and q.speaker.role == expected


def test_resolve_a_name_the_recogniser_cut_after_a_particle():
    """"Ursula von" (PERSON) and "Leyen" (GPE): one person, whom "Von der Leyen" opening a sentence names."""
    text = ("EU pact.\n\nEuropean Commission President Ursula von der Leyen urged states to act. "
            "Von der Leyen told the European Parliament that the pact would work.")
    a = text.index("Ursula von")
    mentions = [Mention(a, a + len("Ursula von"), "PERSON")]
    mentions += [Mention(m.start(), m.end(), "GPE") for m in re.finditer("Leyen", text)]
    q = quote_at(text, "Von der Leyen", -1)
    resolve_speakers(text, [q], sorted(mentions, key=lambda m: m.start), "2023-09-20")
    assert (q.speaker.name, q.speaker.type, q.speaker.role) == ("Ursula von der Leyen", "PERSON", "European Commission President")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The quotation names the one quoted last in full or with a title: the speaker is someone else.
        ("Sanders spoke in Iowa. Jeff Weaver, his campaign manager, was upbeat. Sanders waved. "
         "“Senator Sanders's message could go toe to toe with anyone,” he said.", "Jeff Weaver"),
        ("Sanders spoke to reporters. Sanders met Trump. “Let me be clear that Donald Trump is unfit to be president,” he asserted.",
         "Bernie Sanders"),
        # A name the speaker gives themselves, reporting what others say of them, leaves them the speaker.
        ("Sanders met Trump. Sanders spoke. “They say Bernie Sanders should drop out,” he said.", "Bernie Sanders"),
        # A surname alone may be the speaker's own brand.
        ("Sanders met Trump. Trump spoke. “The Trump supporters were peaceful,” he said.", "Donald Trump"),
    ],
)
def test_resolve_a_pronoun_is_no_one_its_quotation_names(text, expected):
    names = {"Sanders": "PERSON", "Bernie Sanders": "PERSON", "Jeff Weaver": "PERSON", "Trump": "PERSON", "Donald Trump": "PERSON"}
    q = resolved(text, names, "he", "2016-02-10", -1)
    assert q.speaker is not None and q.speaker.name == expected


def test_resolve_the_leader_of_a_body_named_is_no_one_met_before():
    """"The leader of the Anti-Defamation League, Jonathan Greenblatt," is no leader named earlier (here Netanyahu,
    "the Israeli leader"): the "he" after it is Greenblatt."""
    text = ("Netanyahu rejects remarks.\n\nIsraeli Prime Minister Benjamin Netanyahu will meet Donald Trump. "
            "The Israeli leader frequently meets with members of Congress. Trump said he wants a shutdown. "
            "The leader of the Anti-Defamation League, Jonathan Greenblatt, warned that such a ban would be unacceptable. "
            "He said American Jews know all too well what can happen.")
    names = {"Benjamin Netanyahu": "PERSON", "Donald Trump": "PERSON", "Trump": "PERSON", "Jonathan Greenblatt": "PERSON",
             "the Anti-Defamation League": "ORG"}
    quotes = [quote_at(text, "The Israeli leader"), quote_at(text, "He", -1)]
    resolve_speakers(text, quotes, mentions_of(text, names), "2015-12-10")
    assert [q.speaker.name for q in quotes] == ["Benjamin Netanyahu", "Jonathan Greenblatt"]


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        # A pollster the recogniser takes for a place (lexicon: pollsters) still runs the poll ...
        ("Clinton leads.\n\nSome 55 percent of voters said so, according to a Quinnipiac poll conducted in February.",
         "a Quinnipiac poll conducted in February", "Quinnipiac poll"),
        ("Clinton leads.\n\nA Monmouth poll out Monday found Clinton ahead by 12 points.", "A Monmouth poll out Monday", "Monmouth poll"),
        # ... a place does not: "the Iowa poll" names no pollster.
        ("Clinton leads.\n\nThe Iowa poll found Clinton ahead by 12 points.", "The Iowa poll", None),
    ],
)
def test_resolve_a_poll_by_a_pollster_named_like_a_place(text, source, expected):
    names = {"Clinton": "PERSON", "Quinnipiac": "GPE", "Monmouth": "GPE", "Iowa": "GPE", "February": "DATE", "Monday": "DATE"}
    q = resolved(text, names, source, "2016-04-11")
    assert (q.speaker.name if q.speaker is not None and q.speaker.type == "ORG" else None) == expected


def test_resolve_a_double_surname_the_recogniser_cut():
    """"Enrique Peña" (PERSON) before "Nieto", where the article writes "Peña Nieto" elsewhere as a person's name: one
    person, Enrique Peña Nieto; not in a headline's title case ("America Ferrera Sent Donald Trump A Message")."""
    text = ("Trump meets Mexico's president.\n\nMexican President Enrique Peña Nieto met Donald Trump on Wednesday. "
            "Peña Nieto said the talks were frank. Later, he said Mexico would not pay.")
    a = text.index("Enrique Peña")
    b = text.index("Peña Nieto said")
    mentions = [Mention(a, a + len("Enrique Peña"), "PERSON"), Mention(b, b + len("Peña Nieto"), "PERSON")]
    mentions += mentions_of(text, {"Donald Trump": "PERSON"})
    quotes = [quote_at(text, "Peña Nieto", 1), quote_at(text, "he", -1)]
    resolve_speakers(text, quotes, sorted(mentions, key=lambda m: m.start), "2016-09-01")
    assert [q.speaker.name for q in quotes] == ["Enrique Peña Nieto", "Enrique Peña Nieto"]
    text = "America Ferrera Sent Donald Trump A Message About Latinos.\n\nFerrera Sent a letter. Donald Trump said nothing."
    q = resolved(text, {"America Ferrera": "PERSON", "Ferrera Sent": "PERSON", "Donald Trump": "PERSON"}, "Donald Trump", "2016-01-01", -1)
    assert q.speaker.name == "Donald Trump"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A pronoun in a phrase that opens its sentence and names no one: the main clause's subject after the comma.
        ("Trump said Mexico sends criminals. In his assessment of the real estate magnate, Calderon intimated disappointment.",
         "Felipe Calderon"),
        ("Rubio attacked the deal. While he refused to release violent criminals, Mr. Obama deemed the release worthwhile.",
         "Barack Obama"),
        # Not where the phrase names someone the pronoun may stand for ...
        ("Calderon spoke. In Trump's view of his critics, Calderon was wrong.", "Donald Trump"),
        # ... nor where the gender does not agree ...
        ("Trump spoke. In her assessment of the magnate, Calderon intimated disappointment.", None),
        # ... nor past the sentence's end, nor after a conjunction that opens it.
        ("Calderon spoke in Mexico.\n\nAnd he claims his critics are wrong.\n\nOn Monday, Trump refused to answer.", "Felipe Calderon"),
    ],
)
def test_resolve_a_pronoun_before_the_subject_it_stands_for(text, expected):
    names = {"Trump": "PERSON", "Calderon": "PERSON", "Felipe Calderon": "PERSON", "Rubio": "PERSON", "Mr. Obama": "PERSON"}
    text = "Headline.\n\nFelipe Calderon and Donald Trump met.\n\n" + text
    names["Donald Trump"] = "PERSON"
    word = "her" if " her " in text else "he" if " he " in text else "his"
    q = resolved(text, names, word, "2016-02-08", -1)
    assert (q.speaker.name if q.speaker is not None and q.speaker.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        # What a sentence says a person is, to the sentence's end: an initial's full stop ends nothing ("U.S.").
        ("Florent Groberg is a former U.S. Army captain who is a lifelong Republican.", "former U.S. Army captain"),
        ("Florent Groberg is a former U.S. Army captain and Medal of Honor winner.", "former U.S. Army captain"),
        ("Florent Groberg is a former Army captain. He backs Clinton.", "former Army captain"),
    ],
)
def test_resolve_a_role_the_sentence_gives_past_an_initial(sentence, role):
    text = f"Veteran backs Clinton.\n\n{sentence}\n\nGroberg said he would vote for Clinton."
    q = resolved(text, {"Florent Groberg": "PERSON", "Groberg": "PERSON", "U.S. Army": "ORG", "Army": "ORG", "Clinton": "PERSON"},
                 "Groberg", "2016-07-30", -1)
    assert (q.speaker.name, q.speaker.role) == ("Florent Groberg", role)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        # A full name written twice, once misspelt by a letter: the public figure, under the spelling that names them.
        (("Hilary Clinton", "Hillary Clinton"), "Hillary Clinton"),
        # Another first name is no misspelling: the first full name stays ("John Ellis Bush", then "Jeb Bush").
        (("John Ellis Bush", "Jeb Bush"), "John Ellis Bush"),
    ],
)
def test_resolve_a_full_name_misspelt_once_is_the_public_figure(names, expected):
    first, second = names
    text = (f"Campaign.\n\n{first} campaigned in Cincinnati on Monday.\n\n{second} and Senator Elizabeth Warren held an event. "
            f"Later, Mrs. Clinton and Mr. Bush spoke.")
    surname = first.split()[-1]
    source = "Mrs. Clinton" if surname == "Clinton" else "Mr. Bush"
    q = resolved(text, {first: "PERSON", second: "PERSON", "Elizabeth Warren": "PERSON", source: "PERSON"}, source, "2016-06-28")
    assert q.speaker.name == expected


def test_resolve_a_shared_surname_is_not_the_one_named_inside_anothers_apposition():
    """Two people of one surname: the bare surname is the one the sentence is about, not the one named only inside her
    apposition ("Patricia Smith, mother of Benghazi victim Sean Smith, ... Smith said")."""
    text = ("Clinton rebuked.\n\nFour Americans died: U.S. Ambassador Chris Stevens, information officer Sean Smith, and two others. "
            "Clinton blamed the video. However, Patricia Smith, mother of Benghazi victim Sean Smith, rejected Clinton's claim. "
            "“She lied to me,” Smith said.")
    names = {"Chris Stevens": "PERSON", "Sean Smith": "PERSON", "Patricia Smith": "PERSON", "Smith": "PERSON", "Clinton": "PERSON"}
    q = resolved(text, names, "Smith", "2016-03-15", -1)
    assert q.speaker.name == "Patricia Smith"


def test_resolve_a_pronoun_after_a_reported_sentence_is_its_teller():
    """"Even McCain ..., and Grassley ..., are in trouble, Tester said. He said Grassley could lose": the one the sentence
    before reports, where a verb of saying and their name end it, not its subject."""
    text = ("Democrats hopeful.\n\nSenator Jon Tester of Montana spoke on Thursday. Even McCain, chairman of the Armed Services "
            "Committee, and Grassley are in trouble, Tester said. He said Grassley could lose to Patty Judge.")
    names = {"Jon Tester": "PERSON", "McCain": "PERSON", "Grassley": "PERSON", "Tester": "PERSON", "Patty Judge": "PERSON"}
    q = resolved(text, names, "He", "2016-06-10", -1)
    assert q.speaker.name == "Jon Tester"


@pytest.mark.parametrize("tail", ["", "\nFollow her on Twitter"])
def test_resolve_i_is_the_writer_a_tagline_names_by_surname(tail):
    """A column's "I", where the page ends on a tagline that names the writer by surname ("Gaudiano is a Washington-based
    reporter for the USA TODAY NETWORK."), a stray line after it or not: the writer, with the tagline's role."""
    text = ("Sanders' endorsement.\n\nLast month, I asked Bernie Sanders if he would ever endorse me. He laughed.\n\n"
            "Politics is a tough game.\n\nGaudiano is a Washington-based reporter for the USA TODAY NETWORK." + tail)
    q = resolved(text, {"Bernie Sanders": "PERSON", "Gaudiano": "PERSON"}, "I", "2016-07-25")
    assert (q.speaker.name, q.speaker.role) == ("Gaudiano", "Washington-based reporter for the USA TODAY NETWORK")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Two people named with their places and titles are several speakers, no one of them ...
        ("Senator Ted Cruz of Texas and Senator Rand Paul of Kentucky", None),
        ("Gov. Chris Christie of New Jersey and Sen. Rand Paul", None),
        # ... one person with a place is one.
        ("Senator Ted Cruz of Texas", "Ted Cruz"),
    ],
)
def test_resolve_people_coordinated_with_places_and_titles(source, expected):
    text = f"Tax plans.\n\n{source} do it most explicitly, economists said."
    names = {"Ted Cruz": "PERSON", "Rand Paul": "PERSON", "Chris Christie": "PERSON", "Texas": "GPE", "Kentucky": "GPE", "New Jersey": "GPE"}
    q = resolved(text, names, source, "2015-11-24")
    assert (q.speaker.name if q.speaker is not None and q.speaker.type == "PERSON" else None) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Lower-case words between a possessive, or an article and an organisation's kind, and its name describe it ...
        ("Sanders's hometown Burlington Free Press", "Burlington Free Press"),
        ("the Koch-backed advocacy group Americans for Prosperity", "Americans for Prosperity"),
        # ... a poll by it, or a person of it, is something else.
        ("a new statewide poll by the Public Policy Institute of California", "Public Policy Institute of California poll"),
    ],
)
def test_resolve_an_organisation_named_after_its_description(source, expected):
    text = f"Sanders.\n\nSanders backed Obama. At the time, {source} wrote that he held off."
    names = {"Sanders": "PERSON", "Obama": "PERSON", "Burlington Free Press": "ORG", "Americans for Prosperity": "ORG",
             "the Public Policy Institute of California": "ORG"}
    q = resolved(text, names, source, "2016-06-09")
    assert (q.speaker.name, q.speaker.type) == (expected, "ORG")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "whose campaign" after a candidate: the candidate's campaign ...
        ("Presidential candidate Bernie Sanders edged out Clinton. Sanders, whose populist campaign harkened back to the state's roots, won.",
         ("Sanders campaign", "ORG")),
        # ... after someone running for nothing, no one's.
        ("The farmer Bob Sanders spoke. Sanders, whose populist campaign harkened back to the state's roots, won.", ("whose populist campaign", "DESCRIPTION")),
    ],
)
def test_resolve_whose_campaign_is_the_candidates(text, expected):
    text = "Oklahoma primary.\n\n" + text
    q = resolved(text, {"Bernie Sanders": "PERSON", "Bob Sanders": "PERSON", "Sanders": "PERSON", "Clinton": "PERSON"}, "whose populist campaign", "2016-03-02")
    assert (q.speaker.name, q.speaker.type) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The article's own bearer of a surname, named in full first and most, is its bare surname, not the public figure
        # the surname usually means, whom the writer keeps naming in full ...
        ("Ivanka Trump runs a clothing brand. Ivanka Trump has praised paid leave, and Donald Trump has not. "
         "Ivanka Trump's company offers eight weeks. Trump told Vogue that leave matters.", "Ivanka Trump"),
        ("Eric Trump says his charity got help. Donald Trump gave little, records show. Eric Trump disputed that. "
         "Trump said the gifts were in kind.", "Eric Trump"),
        # ... unless the article tells them apart by honorifics ("Mrs. Obama" hers, "Obama" his) ...
        ("Michelle Obama spoke on Tuesday. Michelle Obama praised the schools, as did Barack Obama. Mrs. Obama left early. "
         "Obama said the schools matter.", "Barack Obama"),
        # ... and the public figure stays the bare surname where the writer names him first or most.
        ("Donald Trump spoke on Tuesday. Donald Trump was joined by Ivanka Trump. Trump said the rally was big.", "Donald Trump"),
    ],
)
def test_resolve_a_surname_the_articles_own_bearer_shares_with_a_public_figure(text, expected):
    names = {n: "PERSON" for n in ("Ivanka Trump", "Donald Trump", "Eric Trump", "Michelle Obama", "Barack Obama", "Trump", "Obama")}
    q = resolved_last(text, names, text.split(". ")[-1].split()[0])
    assert q.speaker.name == expected


@pytest.mark.parametrize(
    ("middle", "expected"),
    [
        # A quotation the text credits by name, with no quote given for it: "he" after it is that person, not the one
        # quoted before.
        ("“The same criticism can be leveled against his critics,” said Christopher Preble, a Cato Institute scholar.", "Christopher Preble"),
        ("“The same criticism can be leveled against his critics,” Preble said.", "Christopher Preble"),
        ("“The same criticism can be leveled against his critics!” Preble told reporters.", "Christopher Preble"),
    ],
)
def test_resolve_a_pronoun_after_a_quotation_credited_in_the_text(middle, expected):
    text = ("Politics.\n\nChristopher Preble studies defence. Donald Trump said he would bomb them. " + middle
            + " “This debate is misleading,” he said.")
    names = {"Donald Trump": "PERSON", "Christopher Preble": "PERSON", "Preble": "PERSON"}
    at = text.index("Donald Trump")
    spans = [(at, at + len("Donald Trump")), (text.rindex(" he said") + 1, text.rindex(" he said") + 3)]
    quotes = resolved_all(text, names, spans)
    assert quotes[-1].speaker.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "I" in a question-and-answer interview's answer is whom the interview is with ...
        ("Laura Bush sees hope for Afghan women.\n\nFormer first lady Laura Bush sat down this week to talk.\n\n"
         "QWhy this cause?\n\nA: Because they needed help, I think.\n\nQWhat next?\n\nA: I will keep at it.", "Laura Bush"),
        # ... not where only one paragraph opens with "A:" (a list, a line of its own).
        ("Laura Bush spoke.\n\nA: Because they needed help, I think.", None),
    ],
)
def test_resolve_i_in_a_question_and_answer_interview(text, expected):
    at = text.rindex(" I ") + 1
    q = resolved_at(text, {"Laura Bush": "PERSON"}, at, 1)
    assert (q.speaker.name if q.speaker is not None and q.speaker.type == "PERSON" else None) == expected
