"""The one name normaliser the resolver and the store share."""

import pytest

from quotegraph.speakers.names import lexicon, name_key, name_keys, name_words, norm, person_parts, role_words


@pytest.mark.parametrize(
    ("word", "normal"),
    [
        ("Gutérres’", "guterres"),
        ("Obama's", "obama"),
        ("Sen.", "sen"),
        ("STRASSE,", "strasse"),
    ],
)
def test_norm(word, normal):
    assert norm(word) == normal


@pytest.mark.parametrize(
    ("mention", "words"),
    [
        ("Crooked Jane Roe", ["Jane", "Roe"]),
        ("Rival Jane Roe", ["Jane", "Roe"]),
        ("UN chief Antonio Guterres", ["Antonio", "Guterres"]),
        ("Democratic nominee Hillary Clinton", ["Hillary", "Clinton"]),
        ("Secretary of State John Kerry", ["John", "Kerry"]),
        ("the former mayor of New York, Rudy Giuliani", ["Rudy", "Giuliani"]),
        ("Mr. Obama's", ["Obama"]),
        ("When Clinton", ["Clinton"]),
        ("Ludwig van Beethoven", ["Ludwig", "van", "Beethoven"]),
        ("Ursula von der Leyen", ["Ursula", "von", "der", "Leyen"]),
        ("Senator", ["Senator"]),  # at least one word is kept
        ("jane roe", ["jane", "roe"]),
    ],
)
def test_name_words(mention, words):
    assert name_words(mention) == words


@pytest.mark.parametrize(
    ("words", "keys"),
    [
        (["Tim", "Reyes"], ["timothy", "reyes"]),
        (["Timothy", "Reyes"], ["timothy", "reyes"]),
        (["Tom", "Baker"], ["thomas", "baker"]),
        (["John", "G.", "Roberts", "Jr."], ["john", "g", "roberts"]),
        (["George", "H.W.", "Bush"], ["george", "hw", "bush"]),
        (["Tim"], ["tim"]),  # a lone word is no first name
        (["Jack", "Smith"], ["jack", "smith"]),  # no variant where the short form is a name of its own
    ],
)
def test_name_keys(words, keys):
    assert name_keys(words) == keys


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Tom Reyes", "Thomas Reyes", True),
        ("Bill Clinton", "William Jefferson Clinton", True),
        ("Donald J. Trump", "Donald Trump", True),
        ("Robert F. Kennedy Jr.", "Robert Kennedy", True),
        ("Crooked Hillary Clinton", "Hillary Clinton", True),
        ("Jane Roe", "John Roe", False),
        ("Jack Smith", "John Smith", False),
    ],
)
def test_person_parts_first_last(a, b, same):
    assert (person_parts(a)[0] == person_parts(b)[0]) is same


def test_name_key_non_person_keeps_words():
    assert name_key("The White House", "ORG") == "ORG:white house"
    assert name_key("U.S.", "GPE") == "GPE:us"


def test_role_words_canonical():
    assert role_words("State Department spokeswoman") == role_words("state department spokesman")


def test_lexicon_distances_are_named():
    assert {"pronoun_to_speaker", "plural_to_org", "description_ahead", "close_gap", "apposition_gap", "org_lookback"} <= set(lexicon().distances)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("NY Daily News", "New York Daily News", True),
        ("Washington Post/ABC News poll", "Washington Post-ABC News poll", True),
        # A poll is who ran it: sponsors in any order, "News" after a broadcaster, a poll or a survey.
        ("ABC News/Washington Post poll", "Washington Post-ABC News Poll", True),
        ("Washington Post/ABC poll", "Washington Post-ABC News poll", True),
        ("Public Policy Institute of California survey", "Public Policy Institute of California poll", True),
        ("USA TODAY/Suffolk University poll", "Suffolk University/USA TODAY poll", True),
        ("Washington Post poll", "Washington Post-ABC News poll", False),
        ("CNN/ORC poll", "CNN poll", False),
        ("Fox News poll", "Fox News", False),
        ("AT&T", "AT and T", False),  # '&' inside a word stays
        ("Procter & Gamble", "Procter and Gamble", True),
        ("La Raza", "Los Angeles Raza", False),
        # A country before a body's name: the same body.
        ("U.S. State Department", "State Department", True),
        ("United States Census Bureau", "Census Bureau", True),
        ("U.S.", "US", True),
        ("Federal Reserve", "Reserve", False),
        # A well-known acronym alone is what it stands for; a generic one ("PAC") is not a name.
        ("the GOP", "Republican Party", True),
        ("DNC", "the Democratic National Committee", True),
        ("AP", "The Associated Press", True),
        ("PAC", "political action committee", False),
        ("GOP Senate", "Senate", False),
        # A company's legal form is no part of its name; a name that is only one stays.
        ("Breitbart News LLC", "Breitbart News", True),
        ("Apple Inc.", "Apple", True),
        ("Ford Motor Co.", "Ford Motor Company", True),
        ("Inc.", "Inc", True),
        ("Inc.", "LLC", False),
    ],
)
def test_name_key_organisations(a, b, same):
    assert (name_key(a, "ORG") == name_key(b, "ORG")) is same


def test_name_words_drop_two_apostrophes_used_as_quotation_marks():
    assert name_words("Donald Trump ''") == ["Donald", "Trump"]
    assert name_words("Conan O'Brien") == ["Conan", "O'Brien"]


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Government Affairs Phil Smith", ["Phil", "Smith"]),  # a department's name before the person's
        ("Secretary-Treasurer Gary Casteel", ["Gary", "Casteel"]),  # a hyphenated title
        ("Lee Harvey Oswald", ["Lee", "Harvey", "Oswald"]),
        ("Maybe Trump", ["Trump"]),  # a sentence's first word the recogniser took in
        ("Donald Trump‘s", ["Donald", "Trump"]),  # a wrong quotation mark for the apostrophe
    ],
)
def test_name_words_departments_hyphenated_titles_and_stray_words(mention, expected):
    assert name_words(mention) == expected
