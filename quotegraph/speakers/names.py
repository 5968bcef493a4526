"""Names and roles as compared: the one normaliser of the resolver (within an article) and the store
(across articles), so that both agree on who a name is.

* ``norm``          a word as compared: folded (case, accents, curly apostrophes), dots and commas
                    at its ends and a possessive dropped: "Gutérres’" -> "guterres".
* ``name_words``    the name in a mention, as written: leading honorifics, titles, role words and
                    epithets dropped ("Crooked Jane Roe", "UN chief Antonio Guterres"), the last part
                    of an apposition ("the former mayor, Rudy Giuliani"), a possessive, and words a
                    title-case headline sweeps in ("When Clinton").
* ``name_keys``     those words normalised, a generational suffix dropped ("Jr."), and a first name's
                    usual full form ("Tim" -> "timothy") so that variants of one name compare equal.
* ``name_key``      ``TYPE:normalised name``, what the store's aliases compare.
* ``person_parts``  the first-last key (middle names and initials aside) and the surname key.
* ``role_words``    the content words of a role, synonyms canonical ("spokeswoman" -> spokesperson).

The words live in ``lexicon_en.json`` (see its ``_doc``); first-name variants and genders in
``first_names_en.json``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from ..model import Article, NameForms

HERE = Path(__file__).resolve().parent
POSSESSIVE = re.compile(r"(’s|'s|‘s|’|')$")  # "Trump‘s": a wrong quotation mark for the apostrophe, as pages write it


@dataclass
class Lexicon:
    """The English lexicon: word lists by name (``lexicon().honorifics``), role synonyms, role
    abbreviations, canonical role words, first names by gender and their variants, and the
    resolver's distances (characters)."""

    words: dict[str, frozenset[str]]
    synonyms: dict[str, frozenset[str]]
    female: frozenset[str]
    male: frozenset[str]
    abbreviations: dict[str, str] = field(default_factory=dict)
    role_canonical: dict[str, str] = field(default_factory=dict)
    first_name_forms: dict[str, str] = field(default_factory=dict)
    org_name_forms: dict[str, str] = field(default_factory=dict)
    distances: dict[str, int] = field(default_factory=dict)
    authored_forms: dict[str, frozenset[str]] = field(default_factory=dict)
    org_acronyms: dict[str, str] = field(default_factory=dict)
    org_head_synonyms: dict[str, frozenset[str]] = field(default_factory=dict)
    role_acronyms: dict[str, str] = field(default_factory=dict)
    not_referents: dict[str, frozenset[str]] = field(default_factory=dict)
    org_nicknames: dict[str, str] = field(default_factory=dict)
    country_adjectives: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    authored_verbs: dict[str, frozenset[str]] = field(default_factory=dict)

    def __getattr__(self, name: str) -> frozenset[str]:
        try:
            return self.words[name]
        except KeyError:
            raise AttributeError(name) from None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    d = json.loads((HERE / "lexicon_en.json").read_text(encoding="utf-8"))
    names = json.loads((HERE / "first_names_en.json").read_text(encoding="utf-8"))
    words = {k: frozenset(v) for k, v in d.items() if isinstance(v, list)}
    return Lexicon(
        words,
        {k: frozenset(v) for k, v in d["synonyms"].items()},
        frozenset(names["female"]),
        frozenset(names["male"]),
        dict(d.get("role_abbreviations", {})),
        dict(d.get("role_canonical", {})),
        {short: full for full, shorts in names.get("variants", {}).items() for short in shorts},
        dict(d.get("org_name_forms", {})),
        {k: int(v) for k, v in d.get("distances", {}).items() if not k.startswith("_")},
        {k: frozenset(v) for k, v in d.get("authored_forms", {}).items()},
        dict(d.get("org_acronyms", {})),
        {k: frozenset(v) for k, v in d.get("org_head_synonyms", {}).items()},
        dict(d.get("role_acronyms", {})),
        {k: frozenset(v) for k, v in d.get("not_referents", {}).items()},
        dict(d.get("org_nicknames", {})),
        dict(d.get("country_adjectives", {})),
        dict(d.get("capitals", {})),
        {k: frozenset(v) for k, v in d.get("authored_verbs", {}).items()},
    )


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Case, accents and curly apostrophes aside: "Gutérres’" -> "guterres'"."""
    if s.isascii():
        return s.casefold()  # nothing to fold but case
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("’", "'").replace("‘", "'").casefold()


@lru_cache(maxsize=65536)
def norm(tok: str) -> str:
    """A word as compared: folded, dots and commas at its ends and a possessive dropped."""
    return POSSESSIVE.sub("", fold(tok).strip(".,"))


@lru_cache(maxsize=1)
def _lead_words() -> frozenset[str]:
    """Words that may stand before a name without being part of it."""
    lex = lexicon()
    words = lex.honorifics | lex.title_words | lex.role_modifiers | lex.name_prefixes | lex.epithets | {"the"}
    return frozenset(norm(w) for w in words)


def name_words(text: str) -> list[str]:
    """The name in a mention, as written (see the module's doc); at least one word is kept."""
    return list(_name_words(text))


@lru_cache(maxsize=65536)
def _name_words(text: str) -> tuple[str, ...]:
    lex = lexicon()
    text = text.replace("\n", " ")
    if "," in text:
        # "the former mayor of New York, Rudy Giuliani": the name is the last part that is not a suffix.
        parts = [p for p in text.split(",") if p.strip() and norm(p.strip()) not in lex.name_suffixes]
        text = parts[-1] if parts else text
    toks = [t.strip(",;:\"“”‘’()[]'") for t in text.split()]  # also the NYT's '' quotation marks, an editor's [brackets]
    toks = [t for t in toks if t and t.strip(".")]
    # A name is the trailing run of capitalised words (particles inside it), so that "Secretary of
    # State John Kerry" is "John Kerry"; all-lowercase input is taken as it is.
    if any(t[:1].isupper() for t in toks):
        start = len(toks)
        while start > 0 and (toks[start - 1][:1].isupper() or norm(toks[start - 1]) in lex.name_particles):
            start -= 1
        while start < len(toks) - 1 and norm(toks[start]) in lex.name_particles and not toks[start][:1].isupper():
            start += 1
        if start < len(toks):
            toks = toks[start:]
    # "Director of Government Affairs Phil Smith": the name starts after the department's name.
    unit = [k for k, t in enumerate(toks[:-2]) if norm(t) in lex.department_words]
    if unit:
        toks = toks[unit[-1] + 1 :]
    lead = _lead_words()
    # "Secretary-Treasurer Gary Casteel": a title joined by a hyphen leads too.
    while len(toks) > 1 and (norm(toks[0]) in lead or ("-" in toks[0] and all(p in lead for p in norm(toks[0]).split("-")))):
        toks = toks[1:]
    if toks:
        toks[-1] = POSSESSIVE.sub("", toks[-1])
    # Words the NER model swept in from a title-case context: "When Clinton", "Obama Says".
    return tuple(t for t in toks if t and norm(t) not in lex.not_names)


def first_name_form(word: str) -> str:
    """The usual full form of a normalised first name: "tim" -> "timothy"; others as they are."""
    return lexicon().first_name_forms.get(word, word)


def name_keys(toks: Sequence[str]) -> list[str]:
    """Normalised name words without a generational suffix, the first name in its full form:
    "John G. Roberts Jr." -> john, g, roberts; "Tim Kaine" -> timothy, kaine."""
    return list(_name_keys(tuple(toks)))


@lru_cache(maxsize=65536)
def _name_keys(toks: tuple[str, ...]) -> tuple[str, ...]:
    suffixes = lexicon().name_suffixes
    keys = [_dotless(norm(t)) for t in toks]
    keys = [k for k in keys if k]
    while len(keys) > 1 and keys[-1] in suffixes:
        keys.pop()
    if len(keys) > 1:
        keys[0] = first_name_form(keys[0])
    return tuple(keys)


def _dotless(tok: str) -> str:
    """Initials without their dots: "h.w." -> "hw", "u.s" -> "us"."""
    return tok.replace(".", "") if re.fullmatch(r"(\w\.)+\w?\.?", tok) else tok


@lru_cache(maxsize=65536)
def name_key(name: str, type_: str) -> str:
    """``TYPE:normalised name``: for people the name's keys, for others the folded words without a
    leading determiner ("The White House" -> ORG:white house; "U.S." -> GPE:us); a well-known acronym
    alone is what it stands for ("GOP" -> ORG:republican party)."""
    if type_ == "PERSON":
        return f"{type_}:{' '.join(name_keys(name_words(name)))}"
    lex = lexicon()
    folded = fold(name)
    words = folded.split()
    while len(words) > 1 and words[0] in lex.determiners | lex.name_qualifiers:
        words = words[1:]  # "the so-called Islamic State" is the Islamic State
    folded = re.sub(r"(?<=\w)[/-](?=\w)", " ", " ".join(words).replace("'s ", " "))  # "Post-ABC", "Post/ABC"
    toks = [_dotless(t.strip(".,;:")) for t in re.split(r"\s+", folded) if t.strip(".,;:")]
    while toks and toks[0] in lex.determiners:
        toks = toks[1:]
    toks = [w for t in toks for w in lex.org_name_forms.get(t, t).split()]
    if type_ == "ORG" and len(toks) == 1 and lex.org_acronyms.get(toks[0], "")[:1].isupper():
        return name_key(lex.org_acronyms[toks[0]], type_)  # "the GOP" is the Republican Party, "AP" the Associated Press
    if type_ == "ORG":
        while len(toks) > 2 and " ".join(toks[:2]) in lex.org_name_prefixes:
            toks = toks[2:]  # "United States Census Bureau" is the Census Bureau
        while len(toks) > 1 and toks[0] in lex.org_name_prefixes:
            toks = toks[1:]  # "U.S. State Department" is the State Department
        while len(toks) > 1 and toks[-1] in lex.org_legal_suffixes:
            toks = toks[:-1]  # "Breitbart News LLC" is Breitbart News
        # A person's middle initial in an organisation's name: "Paul D. Ryan's office" is Paul Ryan's office.
        toks = [t for i, t in enumerate(toks) if not (0 < i < len(toks) - 1 and len(t) == 1 and t.isalpha()
                                                      and toks[i - 1] in lex.female | lex.male)]
        if len(toks) > 1 and toks[-1] in {"poll", "survey"}:
            return f"{type_}:{_poll_key(' '.join(words))}"
    return f"{type_}:{' '.join(toks)}"


def _poll_key(folded: str) -> str:
    """A poll's key by who ran it, whatever the order its sponsors are written in and whether it is called a poll or a
    survey: "ABC News/Washington Post poll", "Washington Post-ABC News survey" -> "abc washington post poll". A
    sponsor's "News" after a broadcaster's name and the kind of body ("Quinnipiac University poll") are left out."""
    lex = lexicon()
    body = folded.rsplit(" ", 1)[0].replace("'s ", " ")
    dropped = lex.poll_institution_words | {"news"}
    sponsors = []
    for part in re.split(r"(?<=\w)\s*[/&-]\s*(?=\w)|\s+and\s+", body):
        toks = [_dotless(t.strip(".,;:")) for t in part.split() if t.strip(".,;:")]
        toks = [w for t in toks for w in lex.org_name_forms.get(t, t).split()]
        toks = [t for i, t in enumerate(toks) if i == 0 or t not in dropped]
        if toks:
            sponsors.append(" ".join(toks))
    return " ".join(sorted(sponsors) + ["poll"])


@lru_cache(maxsize=65536)
def person_parts(name: str) -> tuple[str | None, str | None]:
    """(first-last key, surname key) of a PERSON name; first-last is None for a lone word."""
    toks = name_keys(name_words(name))
    if not toks:
        return None, None
    particles = lexicon().name_particles
    i = len(toks) - 1
    while i > 1 and toks[i - 1] in particles:
        i -= 1
    surname = " ".join(toks[i:])
    if len(toks) == 1:
        return None, f"PERSON:{surname}"
    first = next((t for t in toks[: len(toks) - len(surname.split())] if len(t) > 1), toks[0])
    return f"PERSON:{first} {surname}", f"PERSON:{surname}"


def role_words(role: str | None) -> set[str]:
    """The content words of a role, synonyms in their canonical form."""
    return set(_role_words(role)) if role else set()


@lru_cache(maxsize=65536)
def _role_words(role: str) -> frozenset[str]:
    lex = lexicon()
    text = fold(role)
    for k, v in lex.role_canonical.items():
        text = re.sub(rf"(?<![\w.-]){re.escape(k)}(?![\w-])", v, text)
    return frozenset(t for t in re.findall(r"[\w.-]+", text) if t not in lex.role_stopwords)


def roles_compatible(a: str | None, b: str | None) -> bool:
    """Unknown roles are compatible; known ones must share a content word."""
    wa, wb = role_words(a), role_words(b)
    return not wa or not wb or bool(wa & wb)


@lru_cache(maxsize=65536)
def is_specific_description(name: str) -> bool:
    """A description naming an institution ("Foreign Office Spokesperson", "State Department spokesperson")."""
    words = [t for t in re.findall(r"[\w'’.-]+", name) if fold(t) not in lexicon().determiners]
    return any(t[0].isupper() for t in words) and len(words) >= 2


def name_forms(name: str, type_: str, role: str | None) -> NameForms:
    """The forms a speaker is compared in across articles (``NameForms``)."""
    first_last, surname = person_parts(name)
    words = tuple(sorted(_role_words(role))) if role else ()
    return NameForms(name_key(name, type_), first_last, surname, type_ == "DESCRIPTION" and is_specific_description(name), words)


def with_name_forms(art: Article) -> Article:
    """``art`` with each speaker carrying its ``NameForms``."""
    quotes = [
        replace(q, speaker=replace(q.speaker, forms=name_forms(q.speaker.name, q.speaker.type, q.speaker.role))) if q.speaker is not None else q
        for q in art.quotes
    ]
    return replace(art, quotes=quotes)
