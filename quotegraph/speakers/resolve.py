"""Resolve each attribution's source to a canonical speaker within one article.

No coreference model works offline, so this is rule-based over named-entity
mentions. Person names gather their surnames and titled forms into one
person, whatever label the NER model gave each mention; a role is read from
the words before a name ("US Defence Secretary Lloyd Austin") or from an
apposition after it; pronouns go to the most recent speaker or person of
agreeing gender; relative pronouns to the name they follow; descriptions
("the UN chief") to the most recent person whose role shares a word (or a
listed synonym) with them. Groups ("Clinton aides", "many Democrats") and
unnamed speakers keep their description. A small table of public figures
(``people_en.json``) gives the full name of a person the article names by
surname alone ("Mr. Obama") and the roles a description may match ("the GOP
nominee"), dated by the article's publication year where it is known. Knows
nothing of spaCy: it takes mentions. Language data lives in ``lexicon_en.json``,
``first_names_en.json`` and ``people_en.json``.
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from ..attribution.marks import quoted_ranges
from ..attribution.transcript import labelled
from ..ingest.charset import MOJIBAKE
from ..model import Quote, Span, Speaker
from .names import POSSESSIVE as _POSSESSIVE
from .names import first_name_form, lexicon
from .names import name_keys as _name_keys
from .names import name_words as _name_tokens
from .names import norm as _norm

HERE = Path(__file__).resolve().parent
_TOKEN = re.compile(r"[\w.'’-]+|[^\w\s]")
# The titles between "to", "under" or "for" and the person a role served ("under President Bill Clinton").
_SERVED_TITLES = re.compile(r"(?:the\s+)?(?:then-|former\s+)?(?:(?:[A-Z][\w.]*\s+){1,4}and\s+(?:then-|former\s+)?)?"
                            r"(?:[A-Z][\w.]*\s+(?:of\s+(?:the\s+)?)?){0,4}")
# A paragraph that is only a name, as a letter to the editor is signed ("Martin Litwak."), and the author
# line that ends an op-ed ("Glenn Harlan Reynolds, a law professor, is a member of ...").
_SIGNATURE = re.compile(r"(?m)^[ \t]*((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+)\.?[ \t]*$")
_BYLINE_HEADLINE = re.compile(r"\s*((?:[A-Z][\w'’.-]*\s+){1,2}[A-Z][\w'’-]+):\s")
# A byline near the top: "By Laura Chen", "By Laura Chen and Tom Hale" (the first writes "I" where two sign).
_BYLINE = re.compile(r"(?m)^[ \t]*[Bb]y[ \t]+((?:[A-Z][\w'’.-]*[ \t]+){1,3}[A-Z][\w'’-]+)(?:[ \t]+and[ \t][^\n]*)?[ \t]*$")
_AUTHOR_LINE = re.compile(r"(?:^|\n)[ \t]*((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+)(?:,[^\n]{0,160}?,)?\s+(?:is|was|writes)\b[^\n]*$")
# A writer's tagline by surname alone: "Gaudiano is a Washington-based reporter for the USA TODAY NETWORK."
_TAGLINE = re.compile(r"(?:^|\n)[ \t]*([A-Z][\w'’-]+)\s+is\s+(?:a|an|the)\s+[^\n]{0,60}?\b(?:reporter|columnist|writer|correspondent|editor"
                      r"|contributor|journalist|author)\b[^\n]*$")
_DATED = re.compile(r"(?:1[89]|20)\d\d|\d+/\d+")  # a year or a date ("9/11") that may open a role
_WORD_FIRST = re.compile(r"\d+/\d+|[\w.'’][\w.'’-]*|[^\w\s]")  # as _TOKEN, but a word never starts with a hyphen; "9/11" is one


@dataclass(frozen=True)
class Mention:
    """A named-entity mention: label as the NER model gives it (PERSON, ORG, GPE, NORP, ...)."""

    start: int
    end: int
    label: str


# "Clinton's campaign", "the Trump presidential campaign": whose campaign.
_CAMPAIGN = re.compile(r"\b([A-Z][\w’'-]+)(?:’s|'s)? (?:presidential |White House |Senate |reelection |re-election )?campaign\b")
# A capitalised name (after "the") right before ", which" / ", who" at the end of the searched text.
_NAME_BEFORE = re.compile(r"(?:\b[Tt]he\s+)?((?:[A-Z][\w&'’.-]*\s+){0,4}[A-Z][\w&'’.-]*),?\s*$")
# What stands between two coordinated names: a party-and-state tag, commas, "and" ("Jon Tester
# (D-Mont.) and", "Bob Corker, R-Tenn., and").
_AND_JOIN = r"[\s,]*(?:\([^)]{0,20}\)|[A-Z]-[A-Z][\w.]{0,8})?[\s,]*(?:and|&)"
# A role that ends by naming whom it serves, a name of one to three capitalised words: "South Carolina director for Sanders".
_FOR_WHOM = re.compile(r"(.*\b[a-z][\w-]*)\s+(?:for|to)\s+((?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w-]*)")
# One or two capitalised words right before a name, not after a word or initial: "Aung San" of "Aung San Suu Kyi".
_WORDS_BEFORE = re.compile(r"(?<![\w.])((?:[A-Z][\w’'-]+ ){1,2})$")
# A plural's possessive opening a name: "Nazis' Kristallnacht".
_POSSESSIVE_PLURAL = re.compile(r"[A-Z][a-z]+s['’]$")
# A sentence that ends on a name and a verb of its own, an adverb or "back" beside it: "Mr. Kasich forcefully differed."
_ENDS_ON_SUBJECT = re.compile(
    r"(?:^|(?<=[,;—–]\s))([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)\s+((?:[a-z]+ly\s+)?(?:(?:was|is|seemed|looked|sounded|remained|grew|became)\s+(?:not\s+|less\s+|more\s+|very\s+)?[a-z]+ed"
    r"|(?![a-z]+(?:ers|ors|ists|ants|ents)\b)[a-z]+(?:ed|s)(?:\s+(?:back|out|in))?))[.:]\s*$")  # "Mr. Netanyahu was impressed."
# A sentence ending on whom what it tells of was sent or written by ("sent from her friend Jan Piercy, executive vice
# president of ShoreBank International."), a name and at most an apposition after it.
_ENDS_ON_SENDER = re.compile(
    r"\b(?:sent|written|signed|posted|emailed)\s+(?:from|by)\s+(?:(?:his|her|their|a|an|the)\s+(?:[a-z]+\s+){0,2})?"
    r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})(?:,\s+[^,.;:“”\"]{3,80})?[.:]\s*$")
# After a description: the speaker goes on from a quotation before ("the former candidate continued, saying").
_CONTINUED = re.compile(r"\s*,?\s*(?:continued|continues|added|adds|went on|goes on)\b")
_AND_BETWEEN = re.compile(_AND_JOIN + r"\s*$")
# A name that modifies a plural noun, the subject of a verb in the plural: "The Murdoch outlets have been standing in the way".
_PLURAL_SUBJECT_AFTER = re.compile(r"(?:’s|'s)?\s+[a-z][a-z-]+[^s\W]?s\s+(?:have|are|were|had|do|did)\b")
_AND_NEXT = re.compile(_AND_JOIN + r"\s")  # the same, opening what follows a name
# A party tag after a name: "Jon Tester (D-Mont.)", "Patty Judge (D)", "Bob Corker, R-Tenn.,".
_PARTY_TAG = re.compile(r"\s*(?:\(\s*([DRI])(?:-[A-Z][\w.]{0,10})?\s*\)|,\s*([DRI])-[A-Z][\w.]{0,10},)")
_NAME_AFTER = re.compile(r"[ \t]+([A-Z][\w'’-]+)")
_PREDICATE_END = re.compile(
    r"[,;:!?]|(?<![A-Z])\.(?!\w)|\s+(?:to|not|who|which|that|when|where|while|before|after|during|until|because|and|but|since|last|this|next|on|earlier"
    r"|in\s+(?:the|a|an|his|her|its)|for\s+(?:\d+|two|three|four|five|many|several))\b"
)
# "As a young reporter covering ..., Palmer", "As an investor, Mr. Ackman", "A lawyer, Khan", "Another delegate on the
# Cruz slate, Jim Poolman": a role a sentence opens with ("One of the authors, Ari Fleischer" is one of several, no role).
_AS_ROLE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:(?:And|But) )?(?:As (?:a|an)|An?|The|Another|One(?! of)|A (?:second|third|fourth|fifth))"
    r" ([^,.;:\n“”\"]{2,120}),\s*(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?$"
)
# Capitalised words right before a poll's head: who ran it ("Gallup Poll", "USA TODAY/Rock the Vote survey").
_POLLSTER = re.compile(r"((?:[A-Z][\w&.’'/-]*)(?:\s+(?:(?:the|of|and|&)\s+)?[A-Z][\w&.’'/-]*)*)\s+(?:[Pp]oll|[Ss]urvey)\b")
# What the recogniser calls words that name no pollster: places, groups, dates ("the Iowa poll", "The April survey").
_NO_POLLSTER = frozenset({"GPE", "NORP", "LOC", "DATE", "TIME", "ORDINAL", "CARDINAL"})
_PRONOUN = re.compile(r"\b(?:he|she|his|her|him|himself|herself)\b", re.I)
# Labels the recogniser gives a person's name now and then; and a dateline before a name ("ROME - ").
_RELABELLED = frozenset({"ORG", "GPE", "WORK_OF_ART", "FAC", "PRODUCT", "NORP", "LOC"})
_DATELINE = re.compile(r"[A-Z][A-Z .,'’-]+?(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([A-Za-z][\w .]{0,20}\))?\s+[-–—]+\s*")
# A name set off by a comma and an indefinite description: "Rendell, a Clinton surrogate,".
# ", a", " — a", " (a", ", 45, of Columbus, a": an indefinite apposition, which describes
_INDEFINITE_APPOSITION = re.compile(r"(?:’s|'s)?(?:,\s*\d{1,3})?(?:,\s*(?:of|from)\s+[A-Z][^,()\n]{0,40})?(?:\s*,|\s+(?:--|—|–)|\s*\()\s*(?:a|an)\s")
# What an article calls an organisation, after its name ("Alphabet, the parent company of Google,")
# or before it ("the oil giant Exxon Mobil", "online retailer Amazon").
_ORG_APPOSITION = re.compile(r"(?:’s|'s)?\s*,\s*(?:the|a|an)\s+([^,.;:()\n“”\"]{2,80}?)\s*(?:,|\.|;|$)")
_ORG_BEFORE = re.compile(r"(?:^|\b(?:the|a|an)\s+|[.,;:]\s+|\b[A-Z][\w.-]*(?:'s|’s)\s+)((?:[A-Za-z][\w-]*\s+){0,3}[a-z][\w-]*)\s+$")
# A surname written with a lower-case particle: "al-Awlaki", "bin-Laden", "van Gogh" is two words.
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|as|bin|ibn|abu|ben)-[A-Z]")
# A definite description: "the" and up to five words ("the Republican presidential front-runner would").
_THE_DESCRIPTION = re.compile(r"\b[Tt]he(?=((?:\s+[\w.,;:'’-]+){1,5}))")  # a lookahead: "the attack. Meanwhile, the current GOP nominee" holds two
# An age standing for a person: "the 43-year-old".
_AGE = re.compile(r"\d+-year-old")
# A clause that ends in a preposition, then a verb: "(the federal judge) Trump was referring to is ...".
_STRANDED = re.compile(r"(?:’s|'s)?\s+(?:[a-z]+\s+){1,3}(?:to|about|of|with|for|at|on|by|from)\s+(?:is|was|are|were|has|had|will|would)\b")
# "Nationally, ...", "Ultimately, ...": an adverb opening a sentence, taken for a name.
_ADVERB_OPENER = re.compile(r"[A-Z][a-z]+(?:ally|ively|ously|ently|antly|fully|lessly|ingly),")
# "Conceding that ...", "Speaking to ...": a participle opening a clause, taken for a name (not "Manning said").
_GERUND = re.compile(r"[A-Z][a-z]{3,}ing\s+(?:that|the|a|an|to|his|her|their|its|in|on|at|with|for|from|about)\b")
# A noun phrase ending right before a relative pronoun: "her new Iowa ad, ", "the Sanders Iowa spots, " (group 1: its head).
_AUTHORED_NP_BEFORE = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat)|\b[A-Z][\w’'.-]*(?:’s|'s))\s+(?:[\w’'-]+\s+){0,4}?([\w’'-]+)\s*,?\s*$"
)
# A name's possessive and what it wrote or said, right before a relative pronoun: "Mr. Trump's remarks, ".
_AUTHORED_BEFORE = re.compile(r"((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*)(?:'s|’s)\s+(?:[a-z-]+\s+){0,2}([a-z-]+)\s*,?\s*$")
_TITLE_SURNAME = re.compile(r"\s([A-Z][a-z]+)(?=\s*\([DRI]\b|[,.;:]|\s+[a-z])")  # "Patty Judge (D)", "Ben Bishop, ..."
_SAID_OF_BEFORE = re.compile(r"(?<![\w’'-])([Hh]e|[Ss]he|(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"
                             r"\s+(?:is|was|has\s+been|had\s+been|remains|became)\s+(?:an?|one\s+of)\s+((?:[\w’'-]+,?\s+){0,14}[\w’'-]+)\s*$")
# A definite description right before a relative pronoun: "the former president, who".
_DESCRIPTION_BEFORE = re.compile(r"\b([Tt]he)\s+((?:[\w’'-]+\s+){0,4}[\w’'-]+)\s*,?\s*$")
# What ends a role without being part of it: a duration ("for 36 years"), a place ("in Cape Breton").
# What may follow the head of an indefinite description that is a sentence's subject: a mark, a relative pronoun, a
# preposition, a verb ("A reporter for Agence France-Presse called it ...", "One woman adopted from Iran ...").
_AFTER_A_HEAD = re.compile(r"\s*[,(—–]|\s+(?:who|that|for|of|at|from|in|with|on|was|is|has|had|did|does|said|told|says)\b|\s+[a-z]+(?:ed|s)\b")
_ROLE_TAIL = re.compile(
    r"\s+(?:for\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|many|several)\s+(?:years?|decades?|months?)"
    r"|in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*"
    r"|(?:since|in|until|from)\s+\d{4}(?:\s*(?:to|until|-|–)\s*\d{4})?|between\s+\d{4}\s+and\s+\d{4}"
    r"|(?:(?:earlier|later)\s+)?(?:last|this)\s+(?:year|month|week|spring|summer|fall|autumn|winter)"
    r"|during\s+(?:the|his|her|their)\s+.+|at\s+the\s+time|by\s+the\s+time\s+.+|(?:before|after|when|while|until)\s+(?:he|she|they|his|her|their)\s+.+)$"
)


def _parties() -> tuple[frozenset[str], frozenset[str]]:
    """The two parties a description may name: "the GOP front-runner" is not the Democratic one."""
    return lexicon().republican_words, lexicon().democratic_words


def clean_role(role: str | None) -> str | None:
    """A role as a noun phrase, or None: clause words before it cut off ("When President" ->
    "President"), a dangling end cut off ("chairman of Mrs." -> "chairman"), abbreviated
    titles spelled out ("Gov." -> "Governor"); a phrase holding a clause word or no title
    word ("I can state unequivocally") is no role."""
    if not role:
        return None
    lex = lexicon()
    toks = role.replace("\n", " ").split()
    heads = _person_words()
    # "KILLED IN DEADLY ISTANBUL EXPLOSION Turkish President": a headline in capitals run into the text is no part of it.
    caps = next((k for k, t in enumerate(toks) if not (t.isalpha() and t.isupper() and len(t) > 1)), len(toks))
    if 3 <= caps < len(toks):
        toks = toks[caps:]
    # "now a nurse", "herself a nurse", "a nurse herself": an adverb or a reflexive set in the apposition is no part of the
    # role; "formerly a nurse" is a former nurse.
    if toks and toks[0].islower() and _norm(toks[0]) in lex.apposition_adverbs:
        former = _norm(toks[0]) in lex.former_adverbs
        toks = toks[1:]
        if toks and toks[0].islower() and _norm(toks[0]) not in {"a", "an", "the"} | heads | lex.role_modifiers:
            return None  # "now smears reporters on behalf of Amazon", "now running": a verb, no role
        while toks and _norm(toks[0]) in {"a", "an", "the"}:
            toks = toks[1:]
        if former and toks and _norm(toks[0]) != "former":
            toks = ["former", *toks]
    while len(toks) > 1 and toks[-1].islower() and _norm(toks[-1]) in lex.apposition_adverbs - lex.former_adverbs:
        toks = toks[:-1]
    # "co-author of ''Those Guys Have All the Fun": a work's title in quotation marks says which, no part of the role
    titled = next((k for k in range(1, len(toks)) if (toks[k][:1] in "“\"‘" or toks[k].startswith("''"))
                   and _norm(toks[k - 1]) in lex.role_prepositions), None)  # (not "the prime minister ''looked ashen'': a quotation)
    if titled is not None:
        toks = toks[:titled]
    # "the only Republican candidate to campaign in Wyoming": an infinitive after the head makes a description that picks
    # someone out, no role; after any other head it ends the role ("candidate to watch" -> candidate)
    infinitive = next((k for k in range(1, len(toks) - 1) if toks[k] == "to" and toks[k + 1].isalpha() and toks[k + 1].islower()
                       and _norm(toks[k + 1]) not in lex.determiners and any(_is_head(_norm(t), heads) for t in toks[:k])
                       and _norm(toks[k - 1]) not in lex.to_heads), None)  # (not "adviser to media and tech start-ups")
    if infinitive is not None:
        if _norm(toks[0]) in lex.unique_modifiers:
            return None
        toks = toks[:infinitive]
    # "author of Unlikeable: The Problem With Hillary": the work an author's "of" names is no part of the role either
    work = next((k for k in range(len(toks) - 1) if _norm(toks[k]) in lex.work_heads and toks[k + 1] == "of"), None)
    if work is not None:
        toks = toks[: work + 1]
    # What follows the head and says more about the person ends the role: a relative clause, a dash, where they are now
    # ("president of the Union for Reform Judaism which represents ...", "former NSA lawyer now at the Brookings Institution").
    # (also after an organisation's head: "account executive for a tech firm that sells storage")
    cut_at = next((k for k in range(1, len(toks)) if toks[k] in lex.role_cut_words and any(_is_head(_norm(t), heads) for t in toks[:k])
                   and (toks[k - 1][:1].isupper() or _is_head(_norm(toks[k - 1]), heads) or _norm(toks[k - 1]) in _org_nouns()
                        or toks[k] in {"now", "—", "–"}
                        # "history teacher at the high school that was hosting ...": a noun before the relative pronoun
                        # (not "federal judge ruled that ...", a verb's clause)
                        or (toks[k] in {"that", "which"} and toks[k - 1].isalpha() and toks[k - 1].islower() and not _verb_form(toks[k - 1])
                            and _norm(toks[k - 1]) not in lex.clause_words))), None)
    # (not "federal judge ruled that ...": a clause, which the words before the relative pronoun still void)
    if cut_at is not None:
        toks = toks[:cut_at]
    # "former party chairman in New Hampshire and longtime ally", "scholar of labor economics and one of the paper's
    # authors": a description after "and" that only says whom the person stands with, or picks them out of several
    for k in range(1, len(toks) - 1):
        rest = [_norm(x) for x in toks[k + 1 :]]
        if toks[k] == "and" and any(_is_head(_norm(x), heads) and _norm(x) not in lex.relational_heads for x in toks[:k]) and (
                rest[:2] == ["one", "of"] or (rest[-1] in lex.relational_heads and all(x.islower() for x in toks[k + 1 :]))):
            toks = toks[:k]
            break
    toks = _ROLE_TAIL.sub("", " ".join(toks)).split() or toks  # "a Fed governor since 2014": the tail first, it holds clause words

    def clause(t: str) -> bool:
        return _norm(t) in lex.clause_words and not (len(t) > 1 and t.isupper())  # "US" is no pronoun

    opening = toks[0] if toks else ""

    while toks and (clause(toks[0]) or _norm(toks[0]) in lex.role_edge_words or _norm(toks[0]) in lex.determiners
                    or (_AGE.fullmatch(toks[0]) and len(toks) > 1 and _norm(toks[1]) not in lex.role_edge_words)):
        toks.pop(0)  # "As for the very moderate Governor" -> "very moderate Governor"; "31-year-old volunteer" -> "volunteer"
    if len(toks) > 1 and toks[0].islower() and _norm(toks[0]) in lex.office_nouns and _norm(toks[1]) not in lex.role_edge_words - {"of"}:
        # "maintains the title campaign manager", "the post of chairman": the role the word names
        toks = toks[2:] if _norm(toks[1]) == "of" else toks[1:]
        while toks and _norm(toks[0]) in lex.determiners:
            toks.pop(0)
    if toks and _AGE.fullmatch(toks[0]):
        return None  # "a 59-year-old from Hilton Head": an age and where they live, no role
    # "recently named the company's chief executive", "appointed the city's police chief", "named as head coach": the role is
    # what the person was appointed to ("newly elected senator" is a role as it stands).
    verb = 1 if len(toks) > 2 and toks[0].islower() and toks[0].endswith("ly") else 0
    if (len(toks) > verb + 1 and toks[verb].islower() and _norm(toks[verb]) in lex.appointment_verbs
            and (_norm(toks[verb + 1]) in lex.determiners | {"as"} or _POSSESSIVE.search(toks[verb + 1]))):
        toks = toks[verb + 1 :]
        while toks and _norm(toks[0]) in lex.determiners | {"as"}:
            toks.pop(0)
    elif (len(toks) > 2 and toks[0].islower() and toks[0].endswith("ly") and toks[1].islower() and toks[1].endswith("ed")
            and (_norm(toks[2]) in lex.determiners or _POSSESSIVE.search(toks[2]))):
        return None  # "recently criticised the company's chief executive": a verb and its object
    if (len(toks) > 1 and toks[0].islower() and toks[0].endswith("ed") and _norm(toks[0]) not in heads | lex.role_modifiers
            and _norm(toks[1]) in {"by", "to", "as", "in", "at", "with", "for", "from", "on"}):
        return None  # "greeted by an organizer at ...", "excoriated by Democrats for ...": a participle's phrase, no role
    # "Democratic presidential candidate Sen." (Bernie Sanders): an abbreviated title after a role
    # is the courtesy before the name; the role is the phrase before it.
    courtesy = len(toks) > 1 and toks[-1].endswith(".") and _norm(toks[-1]) in lex.abbreviations and not toks[-2].endswith(".")
    toks = [lex.abbreviations.get(_norm(t), t) if t.endswith(".") or _norm(t) in {"rep", "sen", "gov"} else t for t in toks]
    while toks and (_norm(toks[-1]) in lex.role_edge_words or _norm(toks[-1]) in lex.courtesy_titles or not _norm(toks[-1])):
        toks.pop()
    # "former aide to Senator" (Ted Cruz): whom the role served, cut off at their title; the role is what comes before.
    while len(toks) > 2 and toks[-1][:1].isupper() and _norm(toks[-1]) in lex.title_words and _norm(toks[-2]) in {"to", "for", "under", "with"}:
        toks = toks[:-2]
    # A capitalised word after the first is part of a name ("director of the Mommy and Me program").
    if not toks or any(clause(t) for k, t in enumerate(toks) if k == 0 or not t[:1].isupper()):
        return None
    if not any(_is_head(_norm(t), heads) for t in toks) and not _holds_compound_role(toks):
        return None
    seat = len(toks) > 1 and toks[0][:1].isupper() and _norm(toks[-1]) in lex.affiliation_heads and _norm(toks[0]) not in lex.affiliation_heads
    if all(_norm(t) in lex.role_modifiers and _norm(t) not in lex.standalone_modifiers for t in toks) and not seat:
        return None  # "former", "vice": what modifies a role is none ("House Republican" says which seat)
    if (toks[0].islower() and toks[0].endswith("ing") and "-" not in toks[0] and _norm(toks[0]) not in heads | lex.role_modifiers
            and not (len(toks) > 1 and _is_head(_norm(toks[1]), heads))):
        # "underscoring party divisions over a nominee": a clause, no role ("fun-loving airline pilot", "plumbing contractor"
        # are ones: a person's word after it)
        return None
    if (toks[0] is opening and toks[0].islower() and toks[0].endswith("ed") and _norm(toks[0]) not in heads | lex.role_modifiers
            and len(toks) > 1 and toks[1][:1].isupper()):
        return None  # "Karen Robison, pulled Rep. King aside": a verb and its object, no role ("another unaligned Iowa ..." is one)
    # "Democratic pollster working for Priorities USA": a participle after the head starts a clause.
    # So does a past participle with its complement: "former Vermont Democratic governor challenged by Sanders".
    # A past participle after the head ends the role where a complement follows it or nothing does (its complement cut off
    # already: "lawyer based in Ohio", "operative unaligned in 2016", "senator elected in 2010"), a modifier before a head or not.
    cut = next((k for k in range(1, len(toks)) if toks[k].islower() and "-" not in toks[k] and _norm(toks[k - 1]) in heads
                and _norm(toks[k]) not in heads
                # (a participle that can modify a role cuts too where no head follows it: "journalist visiting Nice on vacation",
                # not "professor and visiting scholar")
                and ((toks[k].endswith("ing") and not _is_head(_norm(_word_after(toks, k)), heads)
                      and (_norm(toks[k]) not in lex.role_modifiers or _norm(_word_after(toks, k)) not in lex.role_modifiers))
                     or (toks[k].endswith("ed") and (k == len(toks) - 1 or _word_after(toks, k).lower() in lex.participle_complements)))),
               None)
    if cut is not None:
        toks = toks[:cut]
    toks[-1] = toks[-1].rstrip(".,;:")
    toks = _ROLE_TAIL.sub("", " ".join(toks)).split() or toks
    # "airline pilot with a gift for imitating W.C. Fields": what the person has, after the head, is no part of the role
    # ("reporter with the Washington Post" names whom they work with).
    has = next((k for k in range(1, len(toks) - 1) if toks[k] == "with" and toks[k + 1] in {"a", "an"} and _norm(toks[k - 1]) in heads), None)
    if has is not None:
        toks = toks[:has]
    # Roles joined by "and": as many as each have a title for a head ("president and CEO of ...", not "nominee and
    # strong favorite to win ..."); the head is the last word before a preposition.
    def names_someone(part: str) -> bool:  # "Mr. Rubio", "Ohio Governor John Kasich": a person, not a role
        words = part.split()
        return any(
            k + 1 < len(words) and words[k + 1][:1].isupper() and _norm(words[k + 1]) not in heads
            and (_norm(w) in lex.honorifics or (w[:1].isupper() and _norm(w) in _first_names()))
            for k, w in enumerate(words)
        )

    before_and, _, after_and = " ".join(toks).rpartition(" and ")
    title = after_and.split()
    def ends_in_a_name(part: str) -> bool:  # "... editor Charlie Mahtesian", "Governor Jack Markell", "Donald J. Trump"
        words = part.split()
        run = 0
        while run < len(words) and words[-1 - run][:1].isupper() and _norm(words[-1 - run]) not in heads:
            run += 1
        first = words[-run] if run else ""
        if len(words) == 1 and run == 1:
            # "Rubio and Ohio Governor": a surname, then a short title of no organisation ("Ways and Means Committee
            # Chairman", "Arjay and Frances Miller Chair in ..." are names with "and" in them)
            return (_norm(first) not in lex.affiliation_heads | lex.role_modifiers and len(title) <= 3
                    and _norm(title[-1]) in heads and _norm(title[0]) not in _first_names()
                    and not any(_norm(t) in lex.org_heads | lex.org_name_heads for t in title))
        return run >= 2 and (_norm(first) in lex.honorifics or (first[:1].isupper() and _norm(first) in _first_names()))

    if before_and and title and ((0 < len(title) <= 3 and all(t[:1].isupper() for t in title) and _norm(title[-1]) in heads
                                  and names_someone(before_and)) or (_role_head(title, heads) and ends_in_a_name(before_and))):
        # "Mr. Rubio and Senator" (Ted Cruz), "senior politics editor Charlie Mahtesian and campaigns editor" (Steven
        # Shepard): a name and "and" before a title, which is the title of the name it stands before.
        toks = title
    first_prep = next((k for k, t in enumerate(toks) if _norm(t) in lex.role_prepositions and k > 0), len(toks))
    joined = " ".join(toks[:first_prep]).split(" and ")  # "and" inside a name after "of" joins no roles
    parts = [*joined[:-1], " ".join([joined[-1], *toks[first_prep:]]).strip()]
    kept = [parts[0]]
    for part in parts[1:]:
        if not _role_head(part.split(), heads):
            break
        kept.append(part)
    if _role_head(kept[0].split(), heads) or len(kept) > 1:
        toks = " and ".join(kept).split()
    elif not _role_head(toks, heads):
        return None  # "most powerful collisions of the primary campaign": the head is no title
    if courtesy and len(toks) > 1 and (_norm(toks[-2]) in heads or _norm(toks[-2]).split("-")[-1] in heads) and _norm(toks[-2]) not in lex.role_modifiers:
        toks.pop()  # ("former Gov." is a former governor)
    elif courtesy and len(toks) > 3 and toks[-2][:1].isupper() and any(_norm(t) in lex.role_prepositions for t in toks[1:-2]) and _role_head(toks[:-1], heads):
        served = max((k for k in range(1, len(toks) - 2) if _norm(toks[k]) in {"to", "for", "under", "with"}), default=None)
        if served is not None and all(t[:1].isupper() for t in toks[served + 1 :]):
            toks = toks[served + 1 :]  # "adviser to Ohio Gov." (John Kasich): whom the role served is the one named, an Ohio Governor
        else:
            toks.pop()  # "Speaker of the House Rep." (Paul Ryan): a title and its place, then the courtesy
    # "senator from the state of Vermont and self-described democratic socialist": an affiliation
    # joined to a role is no part of it.
    if "and" in toks[1:-1] and _norm(toks[-1]) in lex.affiliation_heads:
        cut = len(toks) - 1 - toks[::-1].index("and")
        if any(_norm(t) in heads for t in toks[:cut]):
            toks = toks[:cut]
    return " ".join(toks) or None


def _with_first_name(text: str, m: Mention) -> Mention:
    """A person's mention with the first name the recogniser left out of it, where the name it took opens with no
    first name ("Representative Debbie Wasserman Schultz", recognised as "Wasserman Schultz")."""
    if m.label != "PERSON":
        return m
    before = re.search(r"(?<![\w’'.-])([A-Z][a-z]+) $", text[max(0, m.start - 20) : m.start])
    words = text[m.start : m.end].split()
    if (before is None or not words or _norm(words[0]) in _first_names() or _norm(before.group(1)) not in _first_names()
            or _norm(before.group(1)) in _no_first_name_before()):
        return m
    return Mention(m.start - len(before.group(0)), m.end, m.label)


@lru_cache(maxsize=1)
def _no_first_name_before() -> frozenset[str]:
    """Words that are no first name before a name, though a first-name list may hold them ("Will", "Sen."), as one set."""
    lex = lexicon()
    return lex.clause_words | lex.modal_words | lex.title_words | lex.honorifics


def _without_opener(text: str, m: Mention) -> Mention:
    """A person's mention without an adverb or a participle the recogniser took into it ("Certainly Donald Trump",
    "Entrusting Donald Trump"): the name after it."""
    if m.label != "PERSON":
        return m
    opener = re.match(r"([A-Z][a-z]+(?:ly|ing))\s+(?=([A-Z][\w'’.-]*)\s+[A-Z])", text[m.start : m.end])
    if opener is None or _norm(opener.group(1)) in _first_names() or _norm(opener.group(2)) not in _first_names():
        return m  # ("Sterling K. Brown": no first name after it)
    return Mention(m.start + opener.end(), m.end, m.label)


def _word_after(toks: Sequence[str], i: int) -> str:
    """The word after ``toks[i]`` in the same phrase ("" where a possessive or a punctuation mark ends it there)."""
    t = toks[i]
    return toks[i + 1] if i + 1 < len(toks) and not _POSSESSIVE.search(t) and t[-1:] not in ",.;:" else ""


def _role_head(toks: Sequence[str], heads: frozenset[str]) -> bool:
    """Whether a role's head (``_head_word``) is a title or a person's word, or the role ends in a compound role
    ("public defender")."""
    head = _head_word(toks, heads)
    return _is_head(head, heads) or head in lexicon().standalone_modifiers or _holds_compound_role(toks[-2:])


def _holds_compound_role(words: Sequence[str]) -> bool:
    """Whether two words next to each other make a role of the lexicon's ``compound_roles`` ("public defender")."""
    compounds = lexicon().compound_roles
    return any(f"{_norm(a)} {_norm(b)}" in compounds for a, b in zip(words, words[1:]))


def _head_word(toks: Sequence[str], heads: frozenset[str]) -> str:
    """A role's head, normalised: its last word before a preposition, after an employer's possessive ("Democracy for
    America's executive director" is headed by director); "" for none."""
    def in_name(k: int) -> bool:  # "Democracy for America's": a preposition inside a name
        return 0 < k < len(toks) - 1 and toks[k - 1][:1].isupper() and toks[k + 1][:1].isupper() and _norm(toks[k - 1]) not in heads

    first = next((k for k, t in enumerate(toks) if _norm(t) in lexicon().role_prepositions and k > 0 and not in_name(k)), len(toks))
    owner = max((k for k, t in enumerate(toks[:first]) if _POSSESSIVE.search(t) and t[:1].isupper()), default=-1)
    words = [_norm(t) for t in toks[owner + 1 :]]
    cut = next((k for k, w in enumerate(words) if w in lexicon().role_prepositions and k > 0 and not in_name(k + owner + 1)), len(words))
    return words[cut - 1] if cut else ""


def _is_head(word: str, heads: frozenset[str]) -> bool:
    """Whether a normalised word is one of ``heads``: itself, its plural, or either end of a compound
    ("co-chair", "nominee-in-waiting", "president-elect": either end may be the title)."""
    return word in heads or word.split("-")[-1] in heads or word.split("-")[0] in heads or word.rstrip("s") in heads


@dataclass(frozen=True)
class KnownPerson:
    """A public figure from ``people_en.json``: canonical name, gender, roles with their years."""

    name: str
    gender: str | None
    surname_default: bool
    roles: tuple[tuple[str, int, int | None], ...]

    @property
    def surname(self) -> str:
        return _name_keys(self.name.split())[-1]


@lru_cache(maxsize=1)
def known_people() -> dict[str, list[KnownPerson]]:
    """The public figures of ``people_en.json``, by surname key."""
    d = json.loads((HERE / "people_en.json").read_text(encoding="utf-8"))
    out: dict[str, list[KnownPerson]] = {}
    for p in d["people"]:
        kp = KnownPerson(p["name"], p.get("gender"), bool(p.get("surname_default")), tuple((r[0], r[1], r[2]) for r in p.get("roles", [])))
        out.setdefault(kp.surname, []).append(kp)
    return out


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """Every first name the lists give a gender, once (the union is large: built once, not at each test)."""
    return lexicon().male | lexicon().female


@lru_cache(maxsize=1)
def _org_nouns() -> frozenset[str]:
    """The words an organisation is headed by ("firm", "group", "super PAC"), as one set built once."""
    lex = lexicon()
    return lex.org_heads | lex.company_descriptions | lex.org_role_heads


@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    """Titles and person heads ("senator", "Democrat"): the words a person's role is headed by, as one set built once."""
    lex = lexicon()
    return lex.title_words | lex.person_heads


@lru_cache(maxsize=1)
def _title_sets() -> tuple[frozenset[str], frozenset[str]]:
    """Female and male titles ("Mrs.", "Mr."), normalised as ``_norm`` leaves words."""
    lex = lexicon()
    return frozenset(_norm(t) for t in lex.female_titles), frozenset(_norm(t) for t in lex.male_titles)


@dataclass
class Entity:
    """One person of the article, with all its mentions and the roles the text gives it."""

    name: str
    tokens: list[str]
    mentions: list[Span] = field(default_factory=list)
    roles: list[tuple[int, str]] = field(default_factory=list)  # (offset, role)
    # Offsets of roles that only describe ("Rendell, a Clinton surrogate,", "the businessman"): in
    # force where no title is ("Former Pennsylvania Gov. Ed Rendell" stays the governor).
    described: set[int] = field(default_factory=set)
    gender: str | None = None  # "f" | "m"
    gender_evidence: str | None = None  # see model.Speaker.gender_evidence
    known: KnownPerson | None = None  # the public figure this is, if people_en.json has it
    _keys: tuple[tuple[str, ...], list[str]] | None = field(default=None, repr=False, compare=False)  # see keys

    def titled(self) -> bool:
        """Whether the article gives a role that is more than a description (a title, an apposition) and says
        more than whom the person stands with or against."""
        return any(o not in self.described and not _relational(r) for o, r in self.roles)

    def role_at(self, pos: int) -> str | None:
        """The role in force at ``pos``: the last title given before it, else the last description,
        else the first title given after it, else the first description; a role that only says whom the person
        stands with or against ("Senate colleague and presidential campaign rival") where the article gives no other."""
        # (a bare "rival" says nothing: only one with more words, "chief rival", "Trump rival", is a role)
        roles = [(o, r) for o, r in self.roles if not _relational(r)] or [(o, r) for o, r in self.roles if len(r.split()) > 1]
        titles = [(o, r) for o, r in roles if o not in self.described]
        described = [(o, r) for o, r in roles if o in self.described]
        for group, latest in ((titles, -1), (described, 0)):
            before = [r for o, r in group if o <= pos]
            if before:
                return before[latest]
        for group in (titles, described):
            if group:
                return group[0][1]
        return None

    @property
    def keys(self) -> list[str]:
        """The name's keys (``names.name_keys``), made again only when the tokens change (read often: a copy is not made)."""
        tokens = tuple(self.tokens)
        if self._keys is None or self._keys[0] != tokens:
            self._keys = (tokens, _name_keys(tokens))
        return self._keys[1]

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def role_strings(self, text_only: bool = False, year: int | None = None, former: bool = True) -> list[str]:
        """Every role the text gives and, unless ``text_only``, the known public figure's roles (those held in ``year``
        where it is known); roles held no more ("former President") only if ``former``."""
        roles = [r for _, r in self.roles]
        if self.known and not text_only:
            roles += [r for r, a, b in self.known.roles if year is None or a <= year <= (b or 9999)]
        if not former:
            roles = [r for r in roles if not r.lower().startswith(("former ", "ex-"))]
        return roles

    def ranked_only(self, head: str, described: set[str], year: int | None = None) -> bool:
        """Whether every role of this person with ``head`` has a rank before it the description does not give ("Vice
        President" for "the president"): another office."""
        ranks = lexicon().rank_modifiers
        found = False
        for r in self.role_strings(year=year):
            words = [_norm(w) for w in re.findall(r"[\w.'’]+", r.lower())]
            for k, w in enumerate(words):
                if w == head:
                    found = True
                    if not (k and words[k - 1] in ranks and words[k - 1] not in described):
                        return False
        return found

    def role_words(self, text_only: bool = False, year: int | None = None, former: bool = True) -> set[str]:
        """Words of every role ``role_strings`` gives."""
        roles = self.role_strings(text_only, year, former)
        out: set[str] = set()
        for r in roles:
            for w in re.findall(r"[\w.'’-]+", r.lower()):
                out.add(_norm(w))
                out |= set(_norm(w).split("-"))
        return out


def _relational(role: str) -> bool:
    """Whether a role only says whom the person stands with or against: its head is a relational word ("chief rival")."""
    return _last_word(role) in lexicon().relational_heads


def _object_of_participle(phrase: str) -> bool:
    """Whether title words before a name end in a participle after a person's word, whose object the name is ("the
    Washington lawyer leading Mrs." Clinton's search): the role is someone else's."""
    toks, heads = phrase.split(), _person_words()
    return any(t.islower() and t.endswith("ing") and "-" not in t and _norm(t) not in heads and _norm(toks[k - 1]) in heads
               for k, t in enumerate(toks) if k > 0)


def _role_before(text: str, start: int) -> str | None:
    """Title words written right before a name: "UN Secretary-General" Antonio Guterres."""
    span = _role_before_span(text, start)
    if span is not None and _object_of_participle(text[span[0] : span[1]]):
        return None
    role = _singular_title(clean_role(text[span[0] : span[1]])) if span else None
    return None if role and " " not in role and _relational(role) else role  # "Rival Hillary Clinton": no role


# Words run together where a page's caption or credit met the text ("BushASSOCIATED", "PRESSOhio"), not a name's
# capitals ("McDonald", "DeSantis", "YouTube").
_RUN_TOGETHER = re.compile(r"[a-z]{2}[A-Z]{2}|[A-Z]{3}[a-z]{2}|(?:Images?|Photos?|Reuters|Press|Credit)[A-Z][a-z]")  # "Getty ImagesRepublican"


_PERSON_PLURAL = re.compile(r"[a-z]{3,}[^e]ees")  # "attendees", "employees", "retirees" (not "fees", "degrees"): people


# A headline that announces a list: "9 (More) Offensive Things Donald Trump Has Said", "Five ways ...".
_LISTICLE = re.compile(r"\s*(?:\d+|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve)\s+(?:\(?[A-Z][\w-]*\)?\s+){0,3}"
                       r"(?:[Tt]hings|[Ww]ays|[Tt]imes|[Rr]easons|[Mm]oments|[Qq]uotes|[Ll]ies|[Cc]laims|[Ss]tatements|[Rr]emarks|[Tt]akeaways|[Ff]acts)\b")


# A generational suffix written after a name the recogniser ended before it: "Brent Bozell, Jr.", "Hank Williams Sr."
_SUFFIX_AFTER = re.compile(r",?\s(Jr\.|Sr\.|Jr|Sr|II|III|IV)(?!\w)")


def _public_body(name: str) -> bool:
    """Whether an organisation's name (its initials spelled out where they are known) says it is a public body ("Federal
    Election Commission", "F.A.A.", "Senate")."""
    lex = lexicon()
    words = set(lex.org_acronyms.get(name.replace(".", "").lower(), name).lower().split())
    return bool(words & lex.public_org_words)


def _one_sentence_items(body: str, word: str) -> set[int]:
    """Where the paragraphs of ``body`` that are one sentence opening with ``word`` start (a list's items: "He said ...",
    "He implied ...")."""
    found = set()
    for m in re.finditer(r"(?m)^" + re.escape(word) + r"\s[^\n]*$", body):
        line = m.group().rstrip()
        inner = line[:-1]
        if len(line) <= 200 and line[-1:] in ".!?”\"" and not re.search(r"[.!?][”\"]?\s+[A-Z]", inner):
            found.add(m.start())
    return found


def _nationality_of(word: str, place: str) -> bool:
    """Whether ``word`` is the adjective of the country ``place`` ("Kazakh" of "Kazakhstan", "Iraqi" of "Iraq")."""
    if place.startswith(word):
        return place[len(word) :] in {"stan", "istan", "ia", "land"}
    return word.startswith(place) and word[len(place) :] in {"i", "n", "an", "ian", "ese"}


_INFINITIVE_AFTER = re.compile(r"[a-z]+ed|going|wants?|plans?|hopes?|able|likely|set|about|trying|seeks?")  # "expected to"


def _role_before_span(text: str, start: int) -> tuple[int, int] | None:
    """Where the title words before a name are written."""
    lex = lexicon()
    line_start = max(text.rfind("\n", 0, start) + 1, start - 120)
    dateline = _DATELINE.match(text, line_start, start)
    if dateline is not None:
        line_start = dateline.end()  # "WASHINGTON -- President Obama", "CONCORD, N.H. - Sen.": a dateline is no part of a title
    left = text[line_start:start]
    affiliated = re.search(r"\S(\s+and\s+(?:[a-z][\w-]*\s+){0,2}([a-z][\w-]*)\s+)$", left)
    if affiliated and _norm(affiliated.group(2)) in lex.affiliation_heads:
        # "presidential candidate and proud progressive Bernie Sanders": the role is before the affiliation.
        return _role_before_span(text, line_start + affiliated.start(1) + 1)
    toks = list(_WORD_FIRST.finditer(left))  # "-President Obama" (a dash opening the line): the title is "President"

    def plural_head(word: str) -> bool:
        return word.islower() and word.endswith("s") and _norm(word)[:-1] in heads and _norm(word) not in heads

    keep: list[re.Match[str]] = []
    heads = _person_words()
    if toks and _norm(toks[-1].group()) in {"and", "&", "or"}:
        return None  # "the former secretary of State and Sanders": the title is the other one's
    for k in range(len(toks) - 1, -1, -1):
        m = toks[k]
        w = m.group()
        lw = _norm(w)
        if not lw or _RUN_TOGETHER.search(w):
            break  # "Kasich And BushASSOCIATED PRESSOhio Gov. John Kasich": a page's caption run into the text, no title
        if w[-1:] in ".!?" and "." not in w[:-1] and (len(lw) > 4 or (len(lw) > 1 and lw not in lex.abbreviations and lw not in lex.honorifics)):
            break  # a sentence ends here ("... the candidate. By ...", "Cookie Poll. Bill Clinton"), not an abbreviated title ("Sen.", "U.S.")
        named = [x for x in keep if _norm(x.group()) not in {"the", "a", "an"}]  # "of the House": the word after the article
        after = named[-1].group() if named else ""
        if (lw in {"to", "of", "for", "at"} and (after[:1].isupper() or _norm(after) in heads) and k > 0 and _norm(toks[k - 1].group()) in heads
                and _norm(after) not in lex.honorifics):  # "campaign worker for Mrs. Clinton": whom it served, no place
            keep.append(m)  # "former special envoy to Chile Paul Danner": a title's place
            continue
        if lw in {"and", "&", "or"} and keep and all(_norm(x.group()).rstrip(".") in {"mr", "mrs", "ms", "miss"} for x in keep):
            return None  # "the president and Mrs. Clinton": the title before "and" is the other one's
        if lw in {"the", "a", "an"} and keep:
            if k > 0 and _norm(toks[k - 1].group()) in {"of", "for", "to", "at", "on"} and keep[-1].group()[:1].isupper():
                keep.append(m)  # "Speaker of the House Paul Ryan", "Secretary of the Treasury Jack Lew": a name's article
                continue
            break  # "Later the Democratic rival Hillary Clinton": the role opens after its article
        opens = w.islower() or k == 0 or toks[k - 1].group()[-1:] in ".!?:"
        if lw in lex.calendar_words or (lw in lex.imperatives and opens) or (lw in lex.clause_openers and opens and not w.islower()):
            # "called Wednesday for Supreme Court Justice": a date, no part of a title; "Enter President Trump": a verb;
            # "So Labor Secretary Thomas Perez": a word that opens the sentence
            break
        if _DATED.fullmatch(w) and keep and keep[-1].group().islower() and any(_norm(x.group()) in heads for x in keep):
            keep.append(m)  # "the party's 2012 nominee, Mitt Romney": when, part of the role
            continue
        if w == "under" and after[:1].isupper():
            break  # "former NIH director under President Bill Clinton": his title is President ("under secretary" is one)
        if lw in lex.relational_heads and any(_norm(k.group()) in heads for k in keep) and not any(_norm(k.group()) in lex.relational_heads for k in keep):
            break  # "Trump rival Sen. Ted Cruz": the title is "Sen.", the rivalry another description
        if (lw == "and" and keep and _norm(keep[-1].group()) in heads | lex.role_modifiers and k > 0 and toks[k - 1].group()[:1].isupper()
                and _norm(toks[k - 1].group()) not in heads | lex.role_modifiers):
            break  # "Governor Jack Markell and Senator Chris Coons": a name, then the title of the next ("Health and Human Services" is a name's)
        plural = lw.endswith("s") and lw[:-1] in heads and not keep  # "Democratic presidential candidates Hillary Clinton and ..."
        compound = (k > 0 and _holds_compound_role([toks[k - 1].group(), w])) or (
            bool(keep) and _holds_compound_role([w, keep[-1].group()]))  # "public defender": neither word a head alone
        if (lw in heads or plural or compound or (lw in lex.role_modifiers and lw not in lex.role_prepositions)
                or (w[:1].isupper() and lw not in lex.determiners)):
            keep.append(m)
            continue
        if lw in lex.name_particles and keep and keep[-1].group()[:1].isupper():
            keep.append(m)  # "al Qaeda-linked": a name's particle
            continue
        # A plural head counts where it is the role's last word ("two former data strategists, Matt Braynard and ...").
        has_head = any(_norm(k.group()) in heads for k in keep) or (len(keep) == 1 and plural_head(keep[0].group()))
        # A lower-case word modifies the lower-case word after it ("estate mogul", "television star"), but not one that
        # opens a role ("defeat presumptive GOP nominee", "chose former Maryland Governor").
        follows = keep[-1].group() if keep else ""
        if follows.islower() and _norm(follows) in lex.leading_modifiers and w.islower() and lw not in lex.role_modifiers:
            break
        modifies = _norm(follows) in heads or plural_head(follows) or _plain_modifier(follows)
        if follows[:1].isupper() and _plain_modifier(w) and lw not in lex.lowercase_title_modifiers:
            break  # "a recommendation Attorney General Loretta Lynch adopted", "to ignore Admiral Harris": no part of the title
        if has_head and (lw == "and" or (_plain_modifier(w) and modifies)) and sum(1 for k in keep if k.group()[:1].islower()) < 6:
            keep.append(m)  # "Real estate mogul and reality television star" Donald Trump
            continue
        break
    keep.reverse()
    if keep and _norm(keep[-1].group()) in {"of", "for", "to", "from", "with", "at", "by"}:
        return None  # "a spokeswoman for Gore's campaign": the title is another's
    at = toks.index(keep[0]) if keep else 0
    verb_before = at and (_norm(toks[at - 1].group()) in lex.modal_auxiliaries or (
        _norm(toks[at - 1].group()) == "to" and at > 1 and _INFINITIVE_AFTER.fullmatch(_norm(toks[at - 2].group()))))
    if verb_before and all(x.group().islower() for x in keep):
        # "is expected to host Trump's rivals", "will chair Tom Hale's panel": a verb, no title; "will face challenger Paul
        # Nehlen": the verb's object is ("according to campaign manager Jeff Weaver" names one)
        keep = keep[1:]
    def titles(x: re.Match[str]) -> bool:  # "Sens.", "Gen.", "speaker": a title word, abbreviated or in the plural
        w = _norm(x.group())
        return any(_is_head(v, heads) for v in (w, lex.abbreviations.get(w, w).lower()))

    ands = [k for k, x in enumerate(keep) if _norm(x.group()) == "and"]
    after_and = keep[ands[-1] + 1 :] if ands else []
    if after_and and all(x.group().islower() for x in after_and) and not any(titles(x) for x in after_and):
        return None  # "a Republican political consultant and longtime Trump critic": the title is the consultant's
    edge = {"of", "for", "and", "the", "-"}
    while keep and _norm(keep[0].group()) in edge:
        keep.pop(0)
    while keep and _norm(keep[-1].group()) in edge:
        keep.pop()
    if not keep:
        return None
    words = [_norm(m.group()) for m in keep]
    if any(m.group().islower() and w in lex.superlatives for m, w in zip(keep, words)):
        return None  # "he is also the most able candidate Viguerie argues": a judgement of someone, no title of the name after it
    expanded = [lex.abbreviations.get(w, w).lower().rstrip("s") if w in lex.abbreviations else w for w in words]
    if not any(w in heads or ("-" in w and w.split("-")[-1] in heads) or (w.endswith("s") and w[:-1] in heads) for w in words + expanded) and not (
            _holds_compound_role(words)):
        return None
    s, e = line_start + keep[0].start(), line_start + keep[-1].end()
    return (s, e) if text[s:e].strip() else None


# The patterns the resolver builds from names as it reads an article ("(?<![\w’'])Sanders(?![\w])"), compiled once each:
# re's own cache holds 512 and an article's names, evicting the lexicon's long patterns, made it compile them again.
_rx = lru_cache(maxsize=8192)(re.compile)


@lru_cache(maxsize=1)
def _titles_at_end() -> re.Pattern[str]:
    """Title words (and abbreviations: "Sen.") that end a text, as a name's title before it."""
    return re.compile(r"(?:\b(?:[A-Z][a-z]{1,3}\.|" + _alternation(lexicon().title_words, "{}") + r")\s+)+$", re.I)


@lru_cache(maxsize=64)
def _alternation(words: frozenset[str], template: str, capitalised: bool = False) -> str:
    """A regex group matching any of ``words`` (longest first, capitalised if asked), each written
    through ``template``."""
    forms = sorted((w.capitalize() if capitalised else w for w in words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(template.format(re.escape(w)) for w in forms) + ")"


@lru_cache(maxsize=1)
def _org_called() -> re.Pattern[str]:
    """What an article calls an organisation it introduces by name: "a civil rights advocacy group called ..."."""
    verbs = _alternation(lexicon().introducing_verbs, "{}").replace("\\ ", r"\s+")  # "known as": any spaces
    return re.compile(r"\b(?:[Aa]|[Aa]n|[Tt]he)\s+((?:[\w’'-]+\s+){0,5}?[\w’'-]+)\s+" + verbs + r"\s+$")


@lru_cache(maxsize=1)
def _hearsay_before() -> re.Pattern[str]:
    """A verb by which a speaker reports what others say of them, right before a name ("they say Bernie Sanders")."""
    return re.compile(r"\b" + _alternation(lexicon().hearsay_verbs, "{}") + r"\s+(?:that\s+)?$")


@lru_cache(maxsize=1)
def _ends_on_teller() -> re.Pattern[str]:
    """A sentence that ends on who tells it: ", Tester said." (the name, group 1)."""
    return re.compile(r",[”\"’']?\s+((?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'-]*)" + _speech_verb_after().pattern + r"[^.!?;:“”\"]{0,40}[.!?]\s*$")


@lru_cache(maxsize=1)
def _and_titled_between() -> re.Pattern[str]:
    """What joins two people named with their places and titles: "Senator Ted Cruz| of Texas and Senator |Rand Paul"."""
    titles = _alternation(lexicon().title_words, "{}", capitalised=True)
    return re.compile(r"(?:\s+of\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)?" + _AND_JOIN + r"(?:\s+(?:[A-Z][a-z]{1,3}\.|" + titles + r")){1,2}\s+$")


@lru_cache(maxsize=1)
def _predicate_role() -> re.Pattern[str]:
    """What the text says a person is or was: "she is a student", "Bennett is a lawyer", "Khan was elected as mayor of
    London", "Clinton served as secretary of state", "her work as New York's junior senator", "she’s a delegate"."""
    lex = lexicon()
    role = r"[\w'’.-]+(?:[ \t]+[\w'’.-]+){0,8}"
    return re.compile(
        r"\b(?P<who>[Hh]e|[Ss]he|[A-Z][\w'’-]+)(?:,[^,.;\n]{1,60},)?\s+(?:" + _alternation(lex.role_copulas | lex.becoming_verbs, "{}") + r"\s+(?:a|an)"
        # a title with no article: "when Clinton was secretary of state"
        r"|" + _alternation(lex.role_copulas | lex.becoming_verbs, "{}") + r"(?=\s+(?!\w+ing\b)(?i:" + _alternation(lex.title_words, "{}") + r")\b)"
        r"|" + _alternation(lex.role_copulas, "{}") + r"\s+" + _alternation(lex.appointment_verbs, "{}") + r"(?:\s+as)?(?:\s+the)?"
        r"|(?:(?:has|had)\s+)?" + _alternation(lex.service_verbs, "{}") + r"\s+as(?:\s+(?:a|an|the))?)\s+(?P<role>" + role + ")"
        r"|\b(?P<who2>[Hh]is|[Hh]er)\s+(?:(?:first|second|third|fourth|last|brief|short|long)\s+)?" + _alternation(lex.career_nouns, "{}")
        + r"\s+as\s+(?:a\s+|an\s+|the\s+)?(?P<role2>" + role + ")"
        # "he won election to a second term as Chicago mayor"
        r"|\b(?P<who4>[Hh]e|[Ss]he)\s+(?:won|wins|sought|seeks|is\s+seeking|began|begins|is\s+serving|served|serves)\s+(?:(?:re-?)?election\s+to\s+)?"
        r"(?:a|his|her)\s+(?:(?:first|second|third|fourth|full|new)\s+)?term\s+as\s+(?:a\s+|an\s+|the\s+)?(?P<role4>" + role + ")"
        r"|\b(?P<who3>[Hh]e|[Ss]he)['’]s\s+(?:a|an)\s+(?P<role3>" + role + ")"  # "She’s a Marco Rubio delegate"
        # "Jennifer Shanklin-Hawkins is one of those Carrier workers who ...": one of a plural (made singular)
        r"|\b(?P<who5>[Hh]e|[Ss]he|[A-Z][\w'’-]+)\s+(?:is|was)\s+one\s+of\s+(?:the|those|these)\s+(?P<role5>(?:[A-Z][\w'’.-]*\s+){0,3}[a-z]+s)\b"
    )


@lru_cache(maxsize=1)
def _named() -> re.Pattern[str]:
    """A person introduced by what they are: "a former staffer named", "a man called" (not "one lawmaker called Trump
    ...": a verb)."""
    lex = lexicon()
    return re.compile(
        r"\b(?:a|an)\s+(?:[a-z][\w-]*\s+){0,3}(?:[a-z]+er|[a-z]+ist|[a-z]+an|" + _alternation(lex.introduced_heads, "{}") + ")"
        r" " + _alternation(lex.introducing_verbs, "{}") + r"\s+$"
    )


@lru_cache(maxsize=1)
def _who_served() -> re.Pattern[str]:
    """A relative clause that gives a role: "Melanne Verveer, who served as chief of staff to ...", "who is a lawyer",
    "who was Republican Senate majority leader", "who is chairman of ..."."""
    lex = lexicon()
    return re.compile(
        r"(?:’s|'s)?\s*,\s*who\s+(?:(?:(?:has|had)\s+)?(?:" + _alternation(lex.service_verbs, "{}") + r"|been)\s+as\s+"
        r"|(?:is|was|(?:has|had)\s+been)\s+" + _alternation(lex.appointment_verbs, "{}") + r"\s+(?:as\s+|(?=(?:the|a|an)\s|[\w’'-]+(?:’s|'s)\s|"
        + _alternation(lex.title_words, r"{}\b") + "))"
        r"|(?:is|was|(?:has|had)\s+been)\s+(?=(?:the|a|an)\s|[A-Z][\w'’-]*[\s,]|(?![a-z]+ing\b)" + _alternation(lex.title_words, r"{}\b") + "))"
        r"((?:the |a |an |former )?[^,.;:()\n“”\"]{2,100}?)(?:,|\.|;| and | until | from | in \d| when | who | after | since )"
    )


@lru_cache(maxsize=1)
def _works_for() -> re.Pattern[str]:
    """An organisation described by whom it works for: "the super PAC backing Hillary Clinton"."""
    return re.compile(r"(.*?\b(?:[a-z][\w-]*|[A-Z]{2,5}))\s+" + _alternation(lexicon().works_for_phrases, "{}") + r"\s")


@lru_cache(maxsize=1)
def _speech_verb_after() -> re.Pattern[str]:
    """A verb of speech right after a name ("Joey Salceda said")."""
    return re.compile(r"\s+" + _alternation(lexicon().apposition_ends - {"who"}, "{}") + r"\b")


@lru_cache(maxsize=1)
def _speech_verb_before() -> re.Pattern[str]:
    """A verb of speech right before a name ("said Don Fowler")."""
    return re.compile(r"\b" + _alternation(lexicon().apposition_ends - {"who"}, "{}") + r"\s+$")


def _titled(role: str, office: bool = False) -> bool:
    """Whether a role is headed by a title ("senator from the state of Vermont"), not a relation or
    a description ("runner-up to Hillary Clinton"): its head is the last word before a preposition.
    With ``office``, a title one holds as an office (senator, governor), as honorifics list them."""
    lex = lexicon()
    words = [_norm(w) for w in role.split()]
    cut = next((k for k, w in enumerate(words) if w in {"of", "to", "for", "from", "at", "in", "with", "on", "and"} and k > 0), len(words))
    head = words[cut - 1] if cut else ""
    titles = lex.honorifics if office else lex.title_words
    return head in titles or head.split("-")[-1] in titles


def _singular_title(role: str | None) -> str | None:
    """A plural title given to one person is their title: "Representatives" -> "Representative"."""
    if not role:
        return role
    words = role.split()
    last = _norm(words[-1])
    if any(_norm(w) in lexicon().role_edge_words - {"and"} for w in words):
        return role  # "founder of Evercore Partners": the plural is a name's ("most aggressive and best-sourced reporters" is one's)
    heads = lexicon().title_words | lexicon().person_heads
    if last.endswith("s") and last[:-1] in heads and last not in heads:
        words[-1] = words[-1][:-1]
    return " ".join(words)


def _set_gender(ent: Entity, gender: str | None, evidence: str) -> None:
    """Give ``ent`` a gender it lacks ("f" or "m"), with the kind of evidence it came from."""
    if ent.gender is None and gender is not None:
        ent.gender, ent.gender_evidence = gender, evidence


def _plain_modifier(word: str) -> bool:
    """A lower-case word that may modify a role's head ("estate" mogul, "television" star): no
    clause word, determiner, preposition or possessive."""
    lex = lexicon()
    lw = _norm(word)
    return (
        word.isalpha()
        and word.islower()
        and not word.endswith(("ed", "ing", "ly"))
        and lw not in lex.clause_words
        and lw not in lex.determiners
        and lw not in lex.role_edge_words
        and len(lw) > 2
    )


def _role_after(text: str, end: int) -> str | None:
    """An apposition after a name: Lloyd Austin, the US Defence Secretary, ..."""
    span = _role_after_span(text, end)
    return clean_role(text[span[0] : span[1]]) if span else None


def _role_after_span(text: str, end: int) -> tuple[int, int] | None:
    """Where an apposition after a name is written (its article left out)."""
    lex = lexicon()
    masked = _titles_masked(_initials_masked(text[end : end + 180]))
    m = re.match(
        r"(?:’s|'s)?(?:,? (?:Jr|Sr|II|III|IV)\.?)?(?:,\s*\d{1,3})?"
        # where the person lives, after an age or alone: "Jane Doe, 45, of Columbus, Ohio, a nurse,"
        r"(?:,\s*(?:of|from)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}(?=\s*,\s*(?:the|a|an|former)\s)"
        r"|,\s*(?:of|from)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2},\s*[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?(?=\s*,\s*(?:the|a|an|former)\s))?"
        r"\s*,\s*((?:the |a |an |former )?[^,.;:()\n“”\"]{2,140}?)(?:,|\.|;|:|\s*\(|"
        + _alternation(lex.apposition_ends, r" {}\b")
        + ")",
        masked,
    )
    # Set off by a pair of dashes or by brackets: "Jane Doe — a nurse — said", "Jane Doe (a nurse) said".
    m = m or re.match(r"(?:’s|'s)?\s+(?:—|–|--)\s*((?:the |a |an |former )[^—–,.;:()\n“”\"]{2,140}?)\s*(?:—|–|--)", masked)
    m = m or re.match(r"(?:’s|'s)?\s*\(\s*((?:the |a |an )[^()\n“”\"]{2,100}?)\s*\)", masked)
    # Set off by one spaced dash, up to a relative clause or the sentence's end: "Ayotte - the first-term senator from New
    # Hampshire who is facing ...".
    m = m or re.match(r"(?:’s|'s)?\s+(?:-|—|–|--)\s+((?:the |a |an |former )[^—–,.;:()\n“”\"]{2,140}?)"
                      r"(?=\s+(?:who|which|that)\b|[.;:,]|\s+(?:-|—|–|--)\s)", masked)
    if not m or re.match(r"who\b", m.group(1)):
        # "Melanne Verveer, who served as chief of staff to ...": the role the clause gives.
        m = _who_served().match(_initials_masked(text[end : end + 160])) or m
    if not m:
        return None
    if m.group(0)[-1].isalpha() and re.match(r"\s*,(?!\s*[“\"]\s*[A-Z])", text[end + m.end() : end + m.end() + 6]):
        # "Clinton, a top aide said, “is very confident”": an attribution set in, no apposition ("Anthony Anton, president
        # and CEO of ... stated, “It's not ...”" opens a quotation after it).
        return None
    if m.group(0)[-1].isalpha() and _in_fronted_phrase(text, end):
        # "In an interview with ... Mika Brzezinski, the Democratic presidential candidate stated": the comma ends a
        # fronted phrase and the description is the main clause's subject, not an apposition the writer left open.
        return None
    phrase = re.split(r" and (?:a|an|the) ", m.group(1).strip())[0]  # "director of the center and a professor at ...": the first
    # "a Clinton campaign aide during her failed 2008 run and now director of ...": the role in force is the one after "now".
    now = re.search(r" and now (?:(?:a|an|the) )?(?=\S)", phrase)
    skip = now.end() if now is not None and _role_head(phrase[now.end() :].split(), _person_words()) else 0
    phrase = phrase[skip:]
    words = [_norm(w) for w in phrase.split()]
    if not words or len(words) > 20 or re.match(r"(?:who|which|that|and|but)\b", words[0]) or words[0] in _no_apposition_openers():
        return None  # "Trump, with 329 delegates,", "Bush, told lawmakers ...": no apposition
    if len(words) > 2 and words[0] in {"a", "the"} and words[1] in lex.share_heads and words[2] == "of":
        return None  # "For Trump, a majority of likely voters, 56%, have ...": a share of people, no apposition
    if len(words) == 1 and (words[0] in lex.abbreviations or words[0] in lex.honorifics) and re.match(r"\.\s*[A-Z]", masked[m.end(1) :]):
        return None  # "voted for Donald Trump, Sen. Graham has come out": the title of the name after the comma
    if (len(words) > 1 and words[1] in lex.prepositions | {"as", "to", "of"}
            and (words[0].endswith("ing") or (words[0].endswith("ed") and words[0] not in _person_words()))):
        # "Ralph Nader, excoriated by Democrats for ...", "Mr. Obama, running for president,": a participle's phrase, no
        # role ("running mate" is one)
        return None
    head = _head_word(phrase.split(), _person_words())
    if (head.endswith("s") and head not in _person_words() and head[:-1] in _person_words()
            and not re.search(r"(?:\band|&)\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*$", text[max(0, end - 60) : end])):
        # "Mr. Trump, his family members and advisers with ...", "the two million members of ...": several people, where the
        # name is one ("Blair Effron and Robert Pruzan, the firm's co-founders,": each a co-founder)
        return None
    if not any(_is_head(w, _person_words()) for w in words):  # "the firm's co-founders" too
        return None
    s = end + m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip())) + skip
    if words[0] in {"the", "a", "an"} and " " in phrase:
        s += len(phrase.split(None, 1)[0]) + 1
        phrase = phrase.split(None, 1)[1]
    return s, s + len(phrase)


def _repeats(role: str, fuller: str) -> bool:
    """Whether ``role`` only repeats words of a role already given, with the same head ("the justice" after "The
    Supreme Court justice")."""
    words, given = [_norm(w) for w in role.split()], [_norm(w) for w in fuller.split()]
    return words[-1:] == given[-1:] and set(words) <= set(given)


def _verb_form(word: str) -> bool:
    """Whether a word after a definite description's head reads as a verb by its form ("the retired neurosurgeon
    addressed", "the real estate mogul wins"), not a noun the head modifies ("the candidate forum")."""
    w = _norm(word)
    if not (word.isalpha() and word.islower()) or w in _person_words() or w in _org_nouns() or len(w) < 4:
        return False
    return w.endswith("ed") or (w.endswith("s") and not w.endswith(("ss", "us", "is", "ics")))


def _in_fronted_phrase(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` closes a phrase that opens its sentence with a preposition, with no comma
    before the name ("In an interview with Joe Scarborough and Mika Brzezinski, ...")."""
    line = text.rfind("\n", 0, end) + 1
    stops = list(re.finditer(r"[.!?][”\"’]?\s+(?=[A-Z“\"])", text[line:end]))
    lead = text[line + stops[-1].end() if stops else line : end]
    first = lead.split(None, 1)[0].lower() if lead.split() else ""
    return first in lexicon().fronting_prepositions and "," not in lead


_TITLE_DOT = re.compile(r"(?<![\w.])([A-Z][a-z]{1,4})\.(?=[ \t]+[A-Z][\w-]*(?:’s|'s)\s)")
_INITIAL_DOT = re.compile(r"(?<![\w])([A-Z])\.(?=[A-Z]\.|-[A-Za-z]|[ \t]+([A-Za-z][\w’'-]*))")  # ("D.C.-based", "U.S.-led")


@lru_cache(maxsize=1)
def _no_apposition_openers() -> frozenset[str]:
    """Words an apposition never opens with: prepositions and verbs of speech ("Trump, with 329 delegates,", "Bush, told
    lawmakers"), not a copula ("Kuchma, was president of Ukraine")."""
    lex = lexicon()
    return lex.prepositions | (lex.apposition_ends - lex.role_copulas - {"has", "had", "will", "would"})


@lru_cache(maxsize=1)
def _sentence_openers() -> frozenset[str]:
    """Words that open sentences: determiners, pronouns, clause openers ("The", "He", "But")."""
    lex = lexicon()
    return lex.determiners | lex.person_pronouns | lex.clause_openers


@lru_cache(maxsize=1)
def _title_or_honorific() -> frozenset[str]:
    lex = lexicon()
    return lex.honorifics | lex.title_words


def _initials_masked(text: str) -> str:
    """``text`` with the full stops of initials and initialisms inside a phrase ("the U.S. Chamber of Commerce", "George W.
    Bush", "A.F.L.-C.I.O.", "a U.S. banking regulator") made another mark, so that no sentence seems to end there;
    offsets unchanged. One before a capitalised word that opens sentences ("in the U.S. He said") stays."""
    def mask(m: re.Match[str]) -> str:
        nxt = m.group(2)
        if nxt and nxt[0].isupper() and _norm(nxt) in _sentence_openers():
            return m.group(0)  # "in the U.S. He said": a sentence ends (one never opens in lower case: "U.S. banking regulator")
        return m.group(1) + "\u2024"

    return _INITIAL_DOT.sub(mask, text)


def _titles_masked(text: str) -> str:
    """``text`` with the full stop of a title's abbreviation before a name's possessive ("Mr. Obama's deputy national
    security adviser") made another mark, as ``_initials_masked`` does; offsets unchanged."""
    lex = lexicon()
    titles = lex.courtesy_titles | set(lex.abbreviations)
    return _TITLE_DOT.sub(lambda m: m.group(1) + "\u2024" if _norm(m.group(1)) in titles else m.group(0), text)


# What goes on an organisation's name that ends in "of" and a word: a list of capitalised words ended by "and" one
# ("National Academies of Sciences, Engineering and Medicine").
_LISTED_NAME_TAIL = re.compile(r"(?:,\s+[A-Z][a-z]+){1,4},?\s+and\s+[A-Z][a-z]+\b")


def _listed_names_joined(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with an organisation's name the recogniser cut at a comma made whole again ("the National Academies
    of Sciences" and "Medicine" -> "National Academies of Sciences, Engineering and Medicine"); the mentions inside the
    tail are dropped."""
    out: list[Mention] = []
    skip_to = -1
    for m in mentions:
        if m.start < skip_to:
            continue
        tail = _LISTED_NAME_TAIL.match(text, m.end) if m.label == "ORG" and re.search(r"\sof\s+[A-Z][a-z]+$", text[m.start : m.end]) else None
        if tail is not None:
            out.append(Mention(m.start, tail.end(), "ORG"))
            skip_to = tail.end()
        else:
            out.append(m)
    return out


def _org_tails_typed_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with a "person" whose words after the first are an organisation's name the recogniser finds elsewhere
    ("Obama White House", where it finds "the White House" and "Obama" alone) made that organisation's: no person ("Marine
    Le Pen", where it types "Le Pen" a building, stays hers)."""
    orgs = {_org_name(text[m.start : m.end]) for m in mentions if m.label in {"ORG", "FAC"}}
    surnames = {text[m.start : m.end] for m in mentions if m.label == "PERSON" and " " not in text[m.start : m.end].strip()}
    out = []
    for m in mentions:
        words = text[m.start : m.end].split()
        if m.label == "PERSON" and len(words) >= 3 and " ".join(words[1:]) in orgs and words[0] in surnames:
            m = Mention(m.start, m.end, "ORG")
        out.append(m)
    return out


def _quoted_regions(text: str) -> list[tuple[int, int]]:
    """Where quotation marks hold text, as ``attribution.marks`` reads them (double marks, two apostrophes for
    one, single marks in British style): (the opening mark's first character, the closing mark's)."""
    return [(a - 2 if text[a - 2 : a] == "''" else a - 1, b) for a, b in quoted_ranges(text)]


# A description that ends in a head and its "of" phrase, all in lower case: "his former chief of staff".
_HEAD_OF_BEFORE = re.compile(r"(?:\b(?:the|his|her|their|its|our|my|your)|[A-Z][\w.'’-]*(?:’s|'s))\s+"
                             r"((?:[a-z][\w-]*\s+){0,2}([a-z][\w-]*)\s+of\s+[a-z][\w-]+)$")
# Where a study or an article appeared, which is not who wrote it: "published Tuesday in the journal Environmental Science &
# Technology", "in the academic journal Judgment and Decision Making".
_PUBLISHED_IN = re.compile(r"(?:\bjournal|\bpublished\b[^,.;]{0,30}\bin(?:\s+the)?)\s+$")
# An age before a name: "One of them, 91-year-old Rosa Whitaker of Macon,".
_AGED = re.compile(r"\d{1,3}-year-old\s+[A-Z]")
_BRIEF_APPOSITION = re.compile(r",[^,.;:“”\"\n]{1,30},")


class Resolver:
    def __init__(self, text: str, mentions: Sequence[Mention], year: int | None = None, author: str | None = None):
        self.text = text
        self.year = year
        self.author = author
        self.persons: list[Entity] = []
        self.person_mentions: list[tuple[Span, Entity]] = []
        # Definite descriptions outside quotation marks that name a person ("the current GOP nominee's"): a sentence's subject too.
        self.described_mentions: list[tuple[Span, Entity]] = []
        self._subjects_sorted: tuple[tuple[int, int], list[tuple[Span, Entity]]] | None = None  # see _subjects
        # The NER model's mentions as the resolver takes them (``_relabelled``), without places and participles it
        # took for people ("FDR park", "Conceding that").
        # Places the recogniser names, so that a nationality it takes for a person ("Kazakh" beside "Kazakhstan") is none.
        self._places = {text[m.start : m.end].strip() for m in mentions if m.label in {"GPE", "NORP", "LOC"}}
        self.mentions = sorted(
            (self._relabelled(_without_opener(text, _with_first_name(text, m)))
             for whole in mentions
             if any(c.isalnum() for c in text[whole.start : whole.end])  # a mention of spaces and marks names no one
             for m in self._split_at_comma(whole)
             if not (m.label == "PERSON" and (self._names_a_place(m) or _GERUND.match(text, m.start, min(len(text), m.end + 12))
                                              or _ADVERB_OPENER.fullmatch(text, m.start, min(len(text), m.end + 1))))),
            key=lambda m: m.start,
        )
        self._place_names: dict[str, str] = {}  # see _places_named_as_people
        joined = _listed_names_joined(text, _double_surnames_joined(text, _particles_joined(text, self.mentions)))
        self.mentions = self._places_named_as_people(_org_tails_typed_people(text, joined))
        self.mentions = _nicknamed(text, _orgs_where_unrecognised(text, _transcript_speakers(text, _known_organisations(text, self.mentions))))
        self.mentions = _cause_names(text, self.mentions)
        first_nl = text.find("\n")
        # A headline's title case fools the NER model ("Obama Says ..."): names start in the body.
        self.body_start = first_nl + 1 if 0 < first_nl < 250 else 0
        quoted = _quoted_regions(text)
        self._quoted = quoted
        self._signatures: list[tuple[int, int]] | None = None  # see _signs
        self._written_at: dict[str, list[tuple[int, int]]] = {}  # see _written
        self._before_spans: dict[int, tuple[int, int] | None] = {}  # see _before_span
        persons = [m for m in self.mentions if m.label == "PERSON" and m.start >= self.body_start and not self._family(m)]
        # Full names first, so that surnames join them wherever they stand; a longer form
        # seeds a person only if it looks like a full name (see _is_seed).
        singles = {_norm(t[0]) for t in (_name_tokens(text[m.start : m.end]) for m in persons) if len(t) == 1}
        forms = [" ".join(_name_tokens(text[m.start : m.end])) for m in persons]
        self._singles = singles
        self._form_count = {f: forms.count(f) for f in set(forms)}
        self._paired = {m.start: toks for m in persons if (toks := self._paired_name(m) or self._kin_named(m)) is not None}
        # Titled forms ("Mr. Obama") before bare ones, so that a surname shared by two people
        # ("Michelle Obama") does not swallow the other.
        for m in sorted(persons, key=lambda m: (-len(self._paired.get(m.start) or _name_tokens(text[m.start : m.end])),
                                                self._title_gender(m.start, text[m.start : m.end]) is None)):
            self._add_person(m)
        self._people_typed_otherwise()
        self._surnames_unrecognised()
        self._full_names_unrecognised()
        self.person_mentions.sort(key=lambda x: x[0].start)
        self._subjects_sorted = None
        self._complete_names()
        self._link_known()
        self._reassign_shared_surnames()
        self._genders_from_pronouns()
        self._roles_from_descriptions()
        self._roles_from_predicates()
        self._roles_from_headline()

    def _places_named_as_people(self, mentions: list[Mention]) -> list[Mention]:
        """PERSON mentions that name a place the article names: the start of a place's name ("the Sandy Hook shooter"
        after "Sandy Hook Elementary School"), or a town the recogniser types a place where the article writes it with
        its state ("Sanford" after "Sanford, Florida"), where no person of the article has that name in full."""
        heads = lexicon().place_heads
        places: dict[str, str] = {}
        for k, m in enumerate(mentions):
            if m.label in {"GPE", "LOC", "FAC", "ORG"}:
                written = self.text[m.start : m.end]
                if _last_word(written) in heads:
                    for cut in re.finditer(r"\s", written):
                        places.setdefault(written[: cut.start()], m.label)
                nxt = mentions[k + 1] if k + 1 < len(mentions) else None
                if m.label == "GPE" and nxt is not None and nxt.label == "GPE" and re.fullmatch(r",\s*", self.text[m.end : nxt.start]):
                    places.setdefault(written, "GPE")  # "Sanford, Florida"
        self._place_names = places
        if not places and not any(m.label == "PERSON" and _norm(_last_word(self.text[m.start : m.end])) in _WAY_HEADS for m in mentions):
            return mentions
        full = {" ".join(self.text[m.start : m.end].split()[1:]) for m in mentions if m.label == "PERSON" and len(self.text[m.start : m.end].split()) > 1}
        out = []
        for m in mentions:
            written = self.text[m.start : m.end]
            toks = written.split()
            if (m.label == "PERSON" and len(toks) > 1 and _norm(toks[-1]) in _WAY_HEADS and toks[-1][:1].isupper()
                    and _norm(toks[0]) not in _first_names()):
                out.append(Mention(m.start, m.end, "FAC"))  # "Hermenegildo Galeana Street": a street, no person
                continue
            named = " ".join(_name_tokens(written)) if m.label == "PERSON" else ""
            if " " in named and named in places:
                written = named  # "Victoria at Sandy Hook": the name read in it is the place's
            label = places.get(written) if m.label == "PERSON" else None
            single = len(written.split()) == 1
            if label and not (single and (written in full or places.get(written) != "GPE")):
                out.append(Mention(m.start, m.end, label))
            else:
                out.append(m)
        return out

    def _split_at_comma(self, m: Mention) -> list[Mention]:
        """A mention that runs over a comma into a person's full name ("Lehigh, Bruce Turry" typed ORG) is two: what
        stands before the comma, as typed, and the name, a PERSON. A first name alone before a surname that is also a
        title ("Patty Judge (D)", the recogniser stopping at "Judge") is the whole name. A person's name ends at a dash set
        off by spaces."""
        text = self.text[m.start : m.end]
        if m.label == "PERSON" and " " not in text.strip() and _norm(text) in _first_names():
            title = _TITLE_SURNAME.match(self.text, m.end)
            if title is not None and _norm(title.group(1)) in lexicon().title_words:
                return [Mention(m.start, title.end(1), m.label)]
        words = text.split()
        if (m.label == "PERSON" and len(words) >= 3 and words[-1][:1].isupper()
                and _norm(words[-1]) in lexicon().apposition_ends - lexicon().role_copulas - {"who", "has", "had", "will", "would"}):
            # "Maria Hinojosa Explained Why ...": a title-case heading's verb the recogniser took into the name
            return [Mention(m.start, m.start + text.rstrip().rfind(" "), m.label)]
        dash = re.search(r"\s+[-–—]+\s+|:\s+", text)
        if m.label == "PERSON" and dash is not None and dash.start() > 0:
            # "Deborah Jordan Reynolds - Santilli's", "Marco Rubio: Retirement accounts": the name before the dash or colon
            return [Mention(m.start, m.start + dash.start(), m.label)]
        cut = re.search(r",\s+(?=([A-Z][\w'’-]+)(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){1,2}$)", text)
        if cut is None or _norm(cut.group(1)) not in _first_names():
            return [m]
        return [Mention(m.start, m.start + cut.start(), m.label), Mention(m.start + cut.end(), m.end, "PERSON")]

    def _relabelled(self, m: Mention) -> Mention:
        """A mention as the resolver takes it: a "person" whose last word names an organisation ("National Review")
        or is an acronym ("Junge SVP") is an organisation; an outlet's person ("Commentary’s Noah Rothman") a person."""
        text = self.text[m.start : m.end]
        lex = lexicon()
        last = text.split()[-1] if text.split() else ""
        first = _norm(text.split()[0]) if text.split() else ""
        outlet_named = _last_word(text) in lex.press_surnames and len(text.split()) >= 2 and first in _first_names()
        if m.label == "PERSON" and not outlet_named and (_last_word(text) in lex.org_name_heads or (
                len(last) >= 2 and last.isalpha() and last.isupper() and last.lower() not in lex.name_suffixes)):  # "Hill III" is a person
            return Mention(m.start, m.end, "ORG")  # ("Michael Bloomberg" is a person, though "Bloomberg" names an outlet)
        words = text.split()
        head_before = re.search(r"\b([a-z]+)\s+$", self.text[max(0, m.start - 30) : m.start])
        if (m.label == "PERSON" and head_before is not None and head_before.group(1) in _org_nouns()
                and head_before.group(1) not in _person_words()):
            return Mention(m.start, m.end, "ORG")  # "the investment company Janney Montgomery Scott": the company's name
        if m.label == "PERSON" and len(words) >= 2 and _INITIALS_FIRST.fullmatch(words[0]) and first not in _first_names():
            return Mention(m.start, m.end, "ORG")  # "USA Today", "CNN Money": a name opening with initials names no person
        if m.label == "PERSON" and len(words) >= 2 and first in lex.foreign_articles:
            return Mention(m.start, m.end, "ORG")  # "Der Spiegel", "Le Monde": a title, no person
        if m.label == "PERSON" and len(words) >= 2 and (first in lex.prepositions | lex.fronting_prepositions or _POSSESSIVE_PLURAL.match(words[0])):
            return Mention(m.start, m.end, "MISC")  # "Among Latinos", "Nazis' Kristallnacht": no person
        word = text.strip()
        if (m.label == "PERSON" and " " not in word and len(word) >= 4 and first not in _first_names()
                and any(_nationality_of(word, place) for place in self._places)):
            return Mention(m.start, m.end, "NORP")  # "Kazakh attitudes", "The Kazakh government" beside "Kazakhstan": no person
        if m.label == "PERSON" and re.fullmatch(r"[A-Z][a-z]+(?:ic|i|e)ans", word):
            return Mention(m.start, m.end, "NORP")  # "the breeding habits of Africans": a people, no person
        if m.label in {"GPE", "LOC", "NORP", "PERSON"} and re.fullmatch(r"(?:[A-Z]\.){2,5}|[A-Z]{2,5}", word) and (
                word.replace(".", "").lower() in lex.org_acronyms and word.replace(".", "").lower() not in {"us", "un"}):
            return Mention(m.start, m.end, "ORG")  # "the F.B.I. report": an organisation's initials, no place
        if m.label == "ORG":
            # "Commentary’s Noah Rothman", "Fox News Sean Hannity": an outlet's person, written after it.
            for own in re.finditer(r"(?<=\s)(?=([A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’.-]+){1,2})$)", text):
                before = text[: own.start()].rstrip()
                outlet = _POSSESSIVE.search(before) is not None or _last_word(before) in lex.org_name_heads
                if outlet and _norm(own.group(1).split()[0]) in _first_names():
                    return Mention(m.start + own.start(), m.end, "PERSON")
        return m

    def _names_a_place(self, m: Mention) -> bool:
        """Whether a PERSON mention names a place: "FDR park", "Kennedy airport", "Washington and Broad Streets"
        (not Arsenio Hall or Park Geun-hye: a place word after the name in lower case, or in the plural as its last)."""
        heads = lexicon().place_heads
        after = self.text[m.end : m.end + 20].split()[:1]
        last = _norm(self.text[m.start : m.end].split()[-1]) if self.text[m.start : m.end].split() else ""
        return bool(after and after[0].islower() and _norm(after[0]) in heads) or (last.endswith("s") and last[:-1] in heads)

    def _people_typed_otherwise(self) -> None:
        """A mention the recogniser typed otherwise ("ROME - Bernie Sanders" ORG, "Sanders" WORK_OF_ART)
        that is, as written, the full name or the surname of a person of the article (or that surname
        misspelt by a letter: "Bryne" GPE for Gary Byrne): that person."""
        lex = lexicon()
        org_words = lex.org_name_heads | lex.org_heads | lex.org_role_heads | lex.press_names
        for full_names in (True, False):
            for k, m in enumerate(self.mentions):
                if m.label not in _RELABELLED or m.start < self.body_start:
                    continue
                written = self.text[m.start : m.end]
                lead = _DATELINE.match(written)
                start = m.start + (lead.end() if lead else 0)
                toks = [t for t in self.text[start : m.end].split() if t]
                if not toks or not all(t[:1].isupper() for t in toks) or len(toks) > 4:
                    continue
                if full_names:
                    # "Phoenix Mayor Greg Stanton" typed WORK_OF_ART, "Democrat Elijah Cummings" ORG: the name after the title
                    # or the party.
                    cut = next((k + 1 for k in range(len(toks) - 3, -1, -1)
                                if _norm(toks[k]) in lex.title_words | lex.affiliation_heads and _norm(toks[k + 1]) in _first_names()
                                and len(toks) - k - 1 <= 3), 0)
                    if cut:
                        start = self.text.index(toks[cut], start + sum(len(t) for t in toks[:cut]))
                        toks = toks[cut:]
                if " ".join(toks) in self._place_names:
                    continue  # "Sandy Hook" where the article names Sandy Hook Elementary School
                keys = _name_keys([_POSSESSIVE.sub("", t) for t in toks])
                if full_names:
                    # "Carly Fiorina" typed ORG: a usual first name, then a surname that names no organisation.
                    first = _norm(toks[0])
                    # "a former staffer named Bradley Podliska", "Priorities USA chief strategist Guy Cecil": introduced as a person.
                    words = [t for t in toks if not re.fullmatch(r"[A-Z]\.", t) and _norm(t) not in lex.name_suffixes]  # "Vann R. Newkirk II"
                    if not (2 <= len(words) <= 3 and not set(keys) & org_words) or _INITIALS_FIRST.fullmatch(toks[0]):
                        continue  # ("USA Today" typed ORG: initials open no person's name)
                    if not (first in lex.female or first in lex.male or _named().search(self.text, max(0, start - 40), start) is not None
                            or (m.label == "ORG" and (self._titled_before(start) or self._paired_under_a_plural_role(k)
                                                      or self._apposed_a_persons_role(m.end)))
                            or self._surname_apposed_a_role(keys[-1])):
                        continue
                elif not any(keys == e.keys or (keys[-1] == e.keys[-1] and (len(keys) == 1) != (len(e.keys) == 1))
                             or (len(keys) == 1 < len(e.keys) and keys[0][:1] == e.keys[-1][:1] and keys[0] not in _first_names()
                                 and _one_edit(keys[0], e.keys[-1]))
                             for e in self.persons) and not (
                    m.label == "ORG" and len(keys) == 1 and keys[0] not in org_words and _known_by_surname(keys[0])
                ) and not (len(keys) == 1 and keys[0] not in org_words and self._apposed_a_persons_role(m.end) and not self._apposed_a_place(m.end)):
                    # ("Nefzi, a chemistry professor and a member of the mosque's board," typed GPE: a person's surname)
                    continue  # neither a person of the article nor a public figure known by this surname ("Trump" typed ORG)
                self.mentions[k] = Mention(start, m.end, "PERSON")
                self._add_person(self.mentions[k])

    def _apposed_a_place(self, end: int) -> bool:
        """Whether the apposition after the name ending at ``end`` calls it a place ("Mississippi, a former Confederate state")."""
        role = self._role_after_name(end)
        return bool(role) and _norm(role.split()[-1]) in lexicon().place_nouns  # type: ignore[union-attr]

    def _surname_apposed_a_role(self, key: str) -> bool:
        """Whether the article sets a person's role off after this surname alone, somewhere in its body ("An email from
        Neera Tanden" typed FAC, then "Tanden, head of the Center for American Progress,"): a person's surname."""
        return any(len(toks := self.text[m.start : m.end].split()) == 1 and _name_keys([_POSSESSIVE.sub("", toks[0])]) == [key]
                   and m.start >= self.body_start and self._apposed_a_persons_role(m.end, bare=True) for m in self.mentions)

    def _apposed_a_persons_role(self, end: int, bare: bool = False) -> bool:
        """Whether the name ending at ``end`` is set off by an indefinite person's role headed by a person's word that no
        organisation is called by ("Vann R. Newkirk II, a writer for The Atlantic," typed ORG); with ``bare``, by one with
        no determiner too ("Tanden, head of the Center for American Progress,")."""
        if not re.match(r",\s+an?\s" + (r"|,\s+[a-z]" if bare else ""), self.text[end : end + 5]):
            return False  # "Western Journalism, the former secretary of state Hillary Clinton": a definite phrase may be someone else's
        role = self._role_after_name(end)
        if not role:
            return False
        lex = lexicon()
        words, heads = role.split(), _person_words()
        return _role_head(words, heads) and _head_word(words, heads) not in lex.org_role_heads | lex.company_descriptions | lex.org_heads

    def _paired_under_a_plural_role(self, k: int) -> bool:
        """Whether mention ``k`` is the second of two names joined by "and" under a plural role set off by commas: "two data
        strategists, Matt Braynard and Witold Chrabaszcz" (the second typed ORG is a person too)."""
        m = self.mentions[k]
        before = next((o for o in reversed(self.mentions[max(0, k - 2) : k]) if o.end <= m.start), None)
        return (before is not None and before.label == "PERSON" and _AND_BETWEEN.match(self.text, before.end, m.start) is not None
                and self._role_of_a_pair(before) is not None)

    def _surnames_unrecognised(self) -> None:
        """A person's surname the recogniser did not take for a name ("As a young reporter covering the lobbying
        industry, Palmer encountered ...", "Interestingly Blocher, a wealthy industrialist, became ..."): a mention
        of that person, where nobody else of the article has that surname, the word stands alone (no capitalised
        word joined to it, no common word opening a sentence), no other mention covers it and it is not quoted."""
        lex = lexicon()
        by_key: dict[str, list[Entity]] = {}
        for ent in self.persons:
            by_key.setdefault(ent.keys[-1], []).append(ent)
        taken = sorted((m.start, m.end) for m in self.mentions)
        starts = [s for s, _ in taken]
        ends = list(itertools.accumulate((e for _, e in taken), max))  # the furthest end of the mentions up to each

        def covered(start: int, end: int) -> bool:
            k = bisect.bisect_left(starts, end)  # the mentions that start before ``end``
            return k > 0 and ends[k - 1] > start

        surnames: dict[str, str] = {}
        for key, ents in by_key.items():
            written = [t for t in ents[0].tokens if _name_keys([t]) == [key]]
            if len(ents) == 1 and written and len(key) >= 3 and written[-1][:1].isupper():
                surnames[_POSSESSIVE.sub("", written[-1])] = key
        added: list[Mention] = []
        if surnames:
            pattern = r"(?<![\w.’'-])(?:" + "|".join(re.escape(w) for w in sorted(surnames, key=len, reverse=True)) + r")(?![\w-])"
            for found in _rx(pattern).finditer(self.text, self.body_start):
                start, end, surname = found.start(), found.end(), found.group()
                if self._in_quotes(start) or covered(start, end):
                    continue
                before = self.text[max(0, start - 40) : start]
                prev = re.search(r"([\w.’'-]+)\s+$", before)
                sentence = self._sentence_start(start)
                opens = sentence == start
                word = prev.group(1) if prev else ""
                # "Interestingly Blocher": a word opening the sentence before the name, no part of it
                opener = prev is not None and sentence == start - len(before) + prev.start(1)
                adverb = opener and (word.endswith("ly") or word.lower() in lex.not_names)
                if word[:1].isupper() and not opens and not adverb and _norm(word) not in lex.honorifics | lex.title_words:
                    # "George Bush" where the article's Bush is Jeb, "Ivanka Trump" where it is Donald: another name ("Interestingly
                    # Blocher" is Blocher), a person of their own where the word before is a first name the recogniser missed
                    first = start - len(before) + prev.start(1) if prev is not None else start
                    if (_norm(word) in _first_names() and self.text[first + len(word) : start] == " " and not covered(first, start)
                            and not self._in_quotes(first)):
                        added.append(Mention(first, end, "PERSON"))
                    continue
                if re.match(r"(?:[’']s)?\s+[A-Z]", self.text[end : end + 4]) or (opens and surname.lower() in lex.not_names):
                    continue  # "Palmer House", "From the start"
                title = _norm(word.lstrip("-–—(“\"'"))
                if title in lex.title_words and self._another_holds(by_key[surnames[surname]][0], surnames[surname], {title}):
                    continue  # "President Obama" where the article names Michelle Obama: another Obama
                added.append(Mention(start, end, "PERSON"))
        added.sort(key=lambda m: m.start)
        for m in added:
            self.mentions.append(m)
            self._add_person(m)
        if added:
            self.mentions.sort(key=lambda m: m.start)

    def _full_names_unrecognised(self) -> None:
        """A person's full name, as a mention of the article writes it, where the recogniser took it for no name ("Ivanka
        Trump, who is executive vice president ..." typed nothing where "Ivanka Trump" is typed a person elsewhere): a
        mention of that person, outside quotation marks, where no mention covers it and no capitalised word or
        organisation's noun joins it ("the Ivanka Trump brand")."""
        written = {self.text[span.start : span.end] for span, ent in self.person_mentions if len(ent.tokens) > 1}
        names = {w for w in written if len(w.split()) > 1 and not _POSSESSIVE.search(w) and w[:1].isupper()}
        if not names:
            return
        taken = [(m.start, m.end) for m in self.mentions]
        added: list[Mention] = []
        pattern = r"(?<![\w.’'-])(?:" + "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True)) + r")(?![\w-])"
        for found in _rx(pattern).finditer(self.text[self.body_start :]):
            start, end = self.body_start + found.start(), self.body_start + found.end()
            if any(a < end and start < b for a, b in taken) or self._in_quotes(start) or self._modifies_an_org(end):
                continue
            if (re.match(r"\s+[A-Z]|[’']", self.text[end : end + 3])
                    or re.search(r"(?:[A-Z][\w.’'-]*|\b(?:[Tt]he|an?|An?))\s+$", self.text[max(0, start - 30) : start])):
                continue  # ("Ivanka Trump Collection", "the Donald Trump Jr.", "the Bill Clinton years", a possessive: "Bill Clinton's")
            added.append(Mention(start, end, "PERSON"))
        for m in added:
            self.mentions.append(m)
            self._add_person(m)
        if added:
            self.mentions.sort(key=lambda m: m.start)

    def _group_named(self, start: int, end: int) -> bool:
        """Whether a group of people ("officials", "workers", "superdelegates") is named in ``text[start:end]``, outside
        quotation marks."""
        lex = lexicon()
        for m in re.finditer(r"\b[A-Za-z][a-z-]*s\b", self.text[start:end]):
            at = start + m.start()
            if m.group()[0].isupper() and self._sentence_start(at + 1) != at:
                # capitalised inside a sentence: a name's ("College Republicans"), not "Workers objected ...", unless
                # a people's plural after "of", an article or a quantifier ("the chamber's small number of Democrats")
                norp = any(x.label == "NORP" and x.start == at and x.end == at + len(m.group()) for x in self.mentions)
                if not (norp and re.search(r"\b(?:of|the|many|some|most|few|other|fellow|all|both|several)\s+$", self.text[max(start, at - 30) : at])):
                    continue
            w = m.group().lower()
            people = w in lex.group_heads or w[:-1] in lex.person_heads or w[:-1] in lex.group_occupations or _PERSON_PLURAL.fullmatch(w)
            if people and not self._in_quotes(at):
                return True
        return False

    def _titled_before(self, start: int) -> bool:
        """Whether a person's title stands right before ``start`` ("chief strategist" Guy Cecil)."""
        span = _role_before_span(self.text, start)
        return span is not None and span[1] == start - 1 and _norm(self.text[span[0] : span[1]].split()[-1]) in _person_words()

    def _roles_from_descriptions(self) -> None:
        """A definite description outside quotation marks that names a person of the article by a role
        they hold ("saying the Texas senator could not", "attacking the Republican presidential
        front-runner") is a role the article gives them, where it gives them none in words of its own."""
        lex = lexicon()
        heads = _person_words()
        for at, toks in self._definite_descriptions():
            before = self.text[max(0, at - 30) : at]
            predicate = re.search(r"\b" + _alternation(lex.predicate_copulas, "{}") + r"\s+$", before) is not None
            if re.search(r"\b(?:like|as|than)\s+$", before) or re.search(r"\b(?i:" + _alternation(lex.quantifiers, "{}") + r"\s+of)\s+$", before):
                continue  # "one of the senators", "as the nominee": no one in particular ("a defense of the governor" is one)
            for i, t in enumerate(toks):
                w = _norm(t)
                # "the New York businessman, who campaigned": a comma may end it ("the nominee." ends a sentence that
                # may say what someone would be; "the presumptive nominee, Hillary Clinton" sets off a name).
                named_next = t[-1:] == "," and i + 1 < len(toks) and toks[i + 1][:1].isupper()
                if not (t.rstrip(",").isalpha() or _POSSESSIVE.search(t) or "-" in t) or named_next or (i and (toks[i - 1][-1:] in ",.;:")):
                    break
                if w in lex.org_heads and _norm(_word_after(toks, i)) in {"of", "for"}:
                    break  # "the campaign of the former senator": an organisation's, no person's role
                if i and w in lex.determiners:
                    break  # "the more voters fear the candidate": a clause, no description
                if w not in heads or w in lex.role_modifiers:
                    if not (t[:1].isupper() or _plain_modifier(t) or w in lex.role_modifiers or w in heads):
                        break
                    continue
                after = _word_after(toks, i)
                if predicate and _norm(after) in {"who", "that", "whose", "to"}:
                    break  # "he was the lone candidate who has shown ...": what the subject is, no one the article named
                owner = toks[i + 2 : i + 4]
                if _norm(after) == "of" and w not in lex.of_phrase_heads and owner and (
                        owner[0][:1].isupper() or (_norm(owner[0]) == "the" and owner[1:2] and owner[1][:1].isupper())):
                    break  # "The leader of the Anti-Defamation League": the head of a body it names, none of the people met
                ends = _norm(after) in lex.after_description or after in {"--", "—", "–"} or (_verb_form(after) and self._opens_clause(at))
                if after and not ends and not (after.endswith("ly") and after.islower()):
                    continue  # a title before a name ("the Texas senator Ted Cruz"), a longer head, an adjective ("the first presidential debate")
                if all(x[:1].isupper() for x in toks[: i + 1]) and any(
                        _norm(x) not in heads | lex.role_modifiers | lex.affiliation_heads for x in toks[:i]):
                    break  # "the Manchurian Candidate": the title of a work, no description
                words = ["the"] + [_norm(x) for x in toks[: i + 1]]
                ent = self._by_description(words, at)
                if ent is not None:
                    end = self.text.find(toks[i], at) + len(toks[i])
                    self.described_mentions.append((Span.of(self.text, at, end), ent))
                kept = toks[: i + 1]
                if w in lex.of_phrase_heads and _norm(after) == "of" and i + 2 < len(toks):
                    # "the former secretary of state": the head keeps its "of" phrase
                    tail = toks[i + 1 : i + 4] if _norm(toks[i + 2]) == "the" else toks[i + 1 : i + 3]
                    kept = kept + tail if len(tail) in {2, 3} and tail[-1].rstrip(",.;:").isalpha() else kept
                role = clean_role(" ".join(_POSSESSIVE.sub("", x.rstrip(",.;:")) for x in kept))
                if (ent is not None and role and not ent.titled() and _norm(role.split()[-1]) not in lex.affiliation_heads
                        and not any(_repeats(role, r) for _, r in ent.roles)):
                    ent.roles.append((at, role))
                    ent.described.add(at)
                break

    def _roles_from_headline(self) -> None:
        """A title the headline puts before the surname of a person the body names and gives no role ("Professor Nega's
        war", where the body says only "Berhanu Nega was once one of Bucknell University's most popular professors")."""
        if not self.body_start:
            return
        lex = lexicon()
        for m in re.finditer(r"\b([A-Z][a-z]+)\s+([A-Z][\w’'-]+)", self.text[: self.body_start]):
            title = _norm(m.group(1))
            if title not in lex.title_words or title in lex.courtesy_titles:
                continue
            surname = _POSSESSIVE.sub("", m.group(2))
            people = [e for e in self.persons if len(e.keys) > 1 and e.keys[-1] == _norm(surname)]
            if len(people) == 1 and not people[0].roles:
                people[0].roles.append((m.start(1), m.group(1)))

    def _roles_from_predicates(self) -> None:
        """What the article says a person is or works as, where it gives them no title: "where she is a
        student", "Bennett ... his career as a mail carrier", "her work as New York's junior senator"."""
        lex = lexicon()
        for m in _predicate_role().finditer(self.text, self.body_start):
            if self._in_quotes(m.start()):
                continue
            k = "" if m.group("who") else "2" if m.group("who2") else "4" if m.group("who4") else "5" if m.group("who5") else "3"
            who, at = m.group("who" + k), m.start("role" + k)
            if who.lower() in {"he", "she", "his", "her"}:
                gender = "f" if who.lower() in {"she", "her"} else "m"
                ent = self._recent_person(m.start(), [], gender)
            else:
                ent = next((e for span, e in self.person_mentions if span.end == m.end("who" + k)), None)
            # "She is a grandmother and a former Spanish teacher": the first of the things said that is a role (to the
            # sentence's end, not an initial's full stop: "a former U.S. Army captain")
            raw, base = m.group("role" + k), m.start("role" + k)
            stop = next((x.start() for x in re.finditer(r"[.;:!?]", raw) if x.group() != "." or self._ends_sentence(base + x.start())), len(raw))
            clause = raw[:stop]
            said = [_PREDICATE_END.split(x)[0] for x in re.split(r"\s+and\s+an?\s+", clause)]
            role = next((r for r in map(clean_role, said) if r), None)
            if k == "5":
                role = _singular_title(role)
                if role is None or _norm(role.split()[-1]) not in _person_words():
                    continue  # ("one of those days"): a person's word made singular, or nothing
            if ent is None or role is None or ent.titled() or any(r == role for _, r in ent.roles):
                continue
            if _norm(role.split()[-1]) in lex.affiliation_heads:
                continue  # "she is a Democrat": a party, no role
            ent.roles.append((at, role))
            ent.roles.sort()
            ent.described.add(at)

    def _definite_descriptions(self) -> Iterator[tuple[int, list[str]]]:
        """Where each definite description of the body outside quotation marks starts, and its words after "the"."""
        for m in _THE_DESCRIPTION.finditer(self.text, self.body_start):
            if not self._in_quotes(m.start()):
                yield m.start(), m.group(1).split()

    def _genders_from_pronouns(self) -> None:
        """A person's gender from the article's own pronouns: the first "he" or "she" (his, her, ...)
        after a mention, in its sentence or the next, with no other person named between. It fills
        a gender no title gave, and overrides the first-name lists (weaker evidence) when at least
        two such pronouns agree and none disagrees."""
        votes: dict[int, list[tuple[str, bool]]] = {}  # (gender, a subject pronoun)
        starts = [span.start for span, _ in self.person_mentions]
        for i, (span, ent) in enumerate(self.person_mentions):
            if self._in_quotes(span.start):
                continue
            limit = starts[i + 1] if i + 1 < len(starts) else len(self.text)
            window = self.text[span.end : min(limit, span.end + 250)]
            m = _PRONOUN.search(window)
            if m is None or self._in_quotes(span.end + m.start()):
                continue
            if len(re.findall(r"[.!?][”\"’]?\s", window[: m.start()])) > 1:
                continue  # past the next sentence
            word = m.group(0).lower()
            votes.setdefault(id(ent), []).append(("m" if word in {"he", "his", "him", "himself"} else "f", word in {"he", "she"}))
        for ent in self.persons:
            got = votes.get(id(ent), [])
            if not got:
                continue
            titled = any(self._title_gender(m.start, m.text) for m in ent.mentions)
            if titled or ent.gender_evidence == "known":
                continue  # a title or the public-figures table says more than a nearby pronoun
            genders = {g for g, _ in got}
            if len(genders) != 1:
                continue
            first = genders.pop()
            # Overriding a first name takes three subject pronouns ("he", "she"): a possessive after a
            # name ("Trump is stirring up her members") is often someone else's, and so is a pronoun
            # or two ("Veronica Cruz ... he"); with no other evidence, one pronoun still gives the
            # resolver a gender, but it is kept as evidence only with a second one.
            subjects = sum(nominative for _, nominative in got)
            if ent.gender is None or ent.gender == first or subjects >= 2:
                # The gender pronouns are resolved with; kept as the person's gender (evidence) only
                # where it is clear: agreeing with a first name, two pronouns with no other evidence,
                # or three subject pronouns against a first name.
                clear = ent.gender == first or (ent.gender is None and len(got) >= 2) or subjects >= 3
                ent.gender, ent.gender_evidence = first, "pronoun" if clear else None

    def _complete_names(self) -> None:
        """A surname-only person gets a first name written anywhere in the body ("Barack Obama")."""
        lex = lexicon()
        named = {" ".join(e.keys) for e in self.persons}
        for ent in self.persons:
            if len(ent.tokens) != 1:
                continue
            pat = _rx(r"\b([A-Z][\w’'-]+ (?:[A-Z]\. )?)" + re.escape(ent.tokens[0]) + r"\b")
            # Body first; the headline's title case is trusted only when the body has no full name.
            matches = list(pat.finditer(self.text, self.body_start)) + list(pat.finditer(self.text, 0, self.body_start))
            for m in matches:
                first = _norm(m.group(1).split()[0])
                if first in lex.honorifics or first in lex.title_words or first in lex.determiners or first in lex.role_modifiers or first in lex.not_names:
                    continue
                gender = "f" if first in lex.female else "m" if first in lex.male else None
                if (ent.gender and gender and gender != ent.gender) or " ".join(_name_keys(m.group(0).split())) in named:
                    continue  # someone else of that surname: "Mr. Obama" is not Michelle Obama
                ent.tokens = m.group(0).split()
                ent.name = m.group(0)
                _set_gender(ent, gender, "first-name")
                break
        # A two-word name whose first word is no first name, written in full somewhere ("Suu Kyi" of "Aung San Suu Kyi",
        # "Rodham Clinton" of "Hillary Rodham Clinton"): the full name.
        for ent in self.persons:
            if len(ent.tokens) != 2 or _norm(ent.tokens[0]) in _first_names() or not ent.tokens[0][:1].isupper():
                continue
            name = " ".join(ent.tokens)
            at = self.text.find(name)
            while at >= 0:
                before = _WORDS_BEFORE.search(self.text, max(0, at - 40), at)
                after = self.text[at + len(name) : at + len(name) + 1]
                at = self.text.find(name, at + 1)
                if before is None or (after and (after.isalnum() or after == "_")):
                    continue
                added = before.group(1).split()
                if any(_norm(w) in _no_first_name_before() | lex.determiners | lex.role_modifiers | lex.not_names
                       | lex.affiliation_heads or _norm(w).split("-")[-1] in lex.title_words or w in self._places
                       or _POSSESSIVE.search(w) or w[-1] in "’'" for w in added):
                    continue  # ("Co-anchor Norah O’Donnell", "Reuters’ Luciana Lopez": a title, an outlet's)
                full = [*added, *ent.tokens]
                if " ".join(_name_keys(full)) in named:
                    continue
                ent.tokens, ent.name = full, " ".join(full)
                break

    def _in_quotes(self, pos: int) -> bool:
        return any(s < pos < e for s, e in self._quoted)

    # -- building the article's people -----------------------------------------------------
    def find(self, toks: Sequence[str], gender: str | None = None, titles: set[str] | None = None, pos: int | None = None) -> Entity | None:
        """The person these name tokens name, if any, of agreeing gender.

        Where several match (a surname two people share), the one whose roles hold the
        title written with the name ("President Obama"), then (where the name stands at ``pos``) one the article
        named before it in full or with a title ("Jeb Bush ... Mr. Bush", George W. Bush named later), then the public figure the
        surname alone usually means, then the most mentioned.
        """
        low = _name_keys(toks)
        if not low:
            return None
        cands: list[Entity] = []
        first = first_name_form(low[0])  # "Mike" alone is the Mike Allen whose keys read "michael allen"
        for ent in self.persons:
            if gender is not None and ent.gender is not None and ent.gender != gender:
                continue  # "Mr. Obama" is not Michelle Obama
            et = ent.keys
            ok = low == et
            if not ok and len(low) == 1:
                ok = low[0] == et[-1] or (len(et) > 1 and first == et[0] and len(low[0]) > 1 and (
                    low[0] not in _first_names() or self._only_first_name(first)))
                # "Ms. Acosta" of "Melba Acosta Febo", "Rodham" of "Hillary Rodham Clinton": the first of two surnames
                ok = ok or (len(et) == 3 and low[0] == et[1] and len(low[0]) > 2 and et[0] in _first_names()
                            and low[0] not in _first_names())
            if not ok and len(low) > 1:
                ok = low == et[-len(low) :] or (low[-1] == et[-1] and low[0][:1] == et[0][:1])
            if not ok and len(low) > len(et) >= 2:
                ok = low[-len(et) :] == et  # "Benghazi Widow Dorothy Woods": a headline's words before the name
            if ok:
                cands.append(ent)
        if not cands and len(low) == 1 and low[0] not in _first_names():
            # "Sweeny" in an article about Steve Sweeney, "Bryne" for Gary Byrne: a surname misspelt by a letter.
            cands = [e for e in self.persons if len(e.keys) > 1 and _one_edit(low[0], e.keys[-1])
                     and (gender is None or e.gender in {None, gender})]
            return cands[0] if len(cands) == 1 else None
        if len(cands) == 1 and len(low) == 1 and titles and self._another_holds(cands[0], low[0], titles):
            return None  # "President Obama" in an article naming only Michelle Obama: the public figure the title fits
        if len(cands) <= 1:
            return cands[0] if cands else None
        titles = titles or set()
        # The article's own bearer of the surname: named in full first and more often than any other who shares it
        # ("Ivanka Trump ... Donald Trump ... Ivanka Trump ... Trump told Vogue"): the writer names the others in full to
        # tell them apart, so a bare surname is theirs, not the public figure's it usually means.
        full = {id(e): [m.start for m in e.mentions if len(_name_tokens(m.text)) > 1] for e in cands}
        counts = sorted((len(v) for v in full.values()), reverse=True)
        firsts = [min(v) for v in full.values() if v]
        # (Not where the article tells them apart by honorifics: "Mrs. Obama" for Michelle Obama leaves "Obama" his.)
        honorific = len(low) == 1 and re.search(r"\b(?:Mr|Mrs|Ms|Miss)\.?\s+" + re.escape(toks[-1]) + r"\b", self.text) is not None
        own = next((e for e in cands if full[id(e)] and len(full[id(e)]) == counts[0] > counts[1] and min(full[id(e)]) == min(firsts)),
                   None) if len(low) == 1 and not honorific else None

        def rank(e: Entity) -> tuple[bool, bool, bool, bool, bool, int]:
            # in full or with a title ("Mr. Obama"), not a bare surname (a headline's "Bush")
            named_before = pos is not None and any(m.start < pos and (len(m.text.split()) > 1 or m.start in self._paired or self._titled_at(m.start))
                                                   for m in e.mentions)
            # (not one named only inside another's apposition: "Patricia Smith, mother of Benghazi victim Sean Smith, ...
            # “...,” Smith said" is Patricia Smith)
            aside = pos is not None and all(self._in_anothers_apposition(m.start) for m in e.mentions if m.start < pos)
            return (bool(titles & e.role_words()), named_before, not aside, e is own, bool(e.known and e.known.surname_default), len(e.mentions))

        return max(cands, key=rank)

    def _in_anothers_apposition(self, start: int) -> bool:
        """Whether the name at ``start`` stands inside an apposition set off after another person's name ("Patricia
        Smith, mother of Benghazi victim Sean Smith,")."""
        m = re.search(r"([A-Z][\w’'-]+),\s+(?:[\w’'-]+\s+){1,6}$", self.text[max(0, start - 80) : start])
        if m is None or re.search(r"[.;:!?]\s", m.group(0)):
            return False
        end = max(0, start - 80) + m.end(1)
        return any(x.label == "PERSON" and x.end == end for x in self.mentions)

    def _another_holds(self, ent: Entity, surname: str, titles: set[str]) -> bool:
        """Whether the title written with a surname is none of ``ent``'s roles but a role another public figure of that
        surname held in the article's year ("President" Obama, where the article names Michelle Obama)."""
        words = titles & lexicon().title_words
        if not words or words & ent.role_words(year=self.year):
            return False
        return any(p is not ent.known and any(words & set(re.findall(r"[\w-]+", r.lower())) for r, a, b in p.roles
                                              if self.year is None or a <= self.year <= (b or 9999))
                   for p in known_people().get(surname, []))

    def _modifies_a_noun(self, end: int) -> bool:
        """Whether the name ending at ``end`` modifies a plural of people after it ("veteran Clinton haters", "Trump
        supporters"): no title before it is theirs ("President Obama administration" keeps his)."""
        after = re.match(r"\s+([a-z][a-z-]+)\b", self.text[end : end + 30])
        if after is None:
            return False
        w = after.group(1)
        lex = lexicon()
        return w in lex.group_heads and w.endswith("s") and w not in lex.verb_like_plurals

    def _titled_at(self, start: int) -> bool:
        """Whether an honorific or a title stands right before the name at ``start`` ("Mr. Obama", "President Obama")."""
        before = self.text[max(0, start - 24) : start].split()
        return bool(before) and _norm(before[-1]) in _title_or_honorific()

    def _only_first_name(self, first: str) -> bool:
        """Whether exactly one person of the article has this first name in full and nobody has it as
        a surname ("Hillary" for Hillary Clinton, where no other Hillary is named)."""
        full = [e for e in self.persons if len(e.keys) > 1 and e.keys[0] == first]
        return len(full) == 1 and not any(e.keys[-1] == first for e in self.persons)

    def _is_seed(self, toks: list[str], end: int = -1, start: int = -1) -> bool:
        """A multi-word form that names a person in full, not a name plus a stray word; a name the
        article introduces with an apposition or a title is one, whichever word it uses alone later
        ("Shen Xincheng, a doctoral candidate, ... Shen said"; "The finance minister, Lou Jiwei, ...
        Mr. Lou said")."""
        lex = lexicon()
        first, last = _norm(toks[0]), _norm(toks[-1])
        return (
            last in self._singles
            or self._form_count.get(" ".join(toks), 0) >= 2
            or first in lex.female
            or first in lex.male
            or len(toks) >= 3
            or last not in self._singles and first not in self._singles
            or (end >= 0 and self._org_apposition(end) is not None)
            or (start >= 0 and (self._before_span(start) is not None  # introduced by a title
                                or (self.text[max(0, start - 2) : start] == ", " and self._before_span(start - 2) is not None)))
        )

    def _ends_in_person(self, span: tuple[int, int]) -> bool:
        """Whether the words at ``span`` end in a PERSON mention: a name, not a role ("President
        Obama"; "a senior adviser to the Clinton campaign" is a role)."""
        return any(m.label == "PERSON" and m.start < span[1] <= m.end + 1 and m.end > span[0] for m in self.mentions)

    def _role_before_name(self, start: int, end: int | None = None) -> str | None:
        """The title words before the name at ``start``, unless they end in another person's
        name ("President Obama and Clinton": Obama's title, not Clinton's), or the name ending at ``end`` opens a
        clause that ends in a preposition ("The federal judge Trump was referring to is ...": the judge is another)."""
        span = self._before_span(start)
        if span is None or self._ends_in_person(span):
            return None
        dashes = list(re.finditer(r"\s(?:--|[-–—])\s", self.text[span[0] : start + 1]))
        if dashes:
            # "as a two-time candidate for president - Mrs. Clinton": a dash sets off what she was, no title; the title
            # after one is ("JACKSON, Miss. - U.S. District Judge Carlton W. Reeves")
            span = (span[0] + dashes[-1].end(), span[1])
            if span[0] >= span[1]:
                return None
        if end is not None and _STRANDED.match(self.text, end, min(len(self.text), end + 60)):
            return None
        if _object_of_participle(self.text[span[0] : span[1]]):
            return None  # "the Washington lawyer leading Mrs. Clinton's search"
        return clean_role(self.text[span[0] : span[1]])

    def _role_in_mention(self, m: Mention, toks: list[str]) -> str | None:
        """Title words the recogniser took into the name ("Billionaire Donald Trump"), with any
        written right before them ("Republican presidential candidate Donald Trump")."""
        written = self.text[m.start : m.end]
        at = written.find(toks[0]) if toks else -1
        if at <= 0:
            return None
        before = self._role_before_name(m.start)
        inside = written[:at].strip()
        return clean_role(f"{before} {inside}" if before else inside)

    def _role_shared(self, m: Mention) -> str | None:
        """A plural title before coordinated names gives each of them the title: "Reps. Chris Collins
        (R-N.Y.) and Duncan Hunter (R-Calif.)" are both Representatives."""
        for other in reversed([o for o in self.mentions if o.label == "PERSON" and o.end <= m.start]):
            if not _AND_BETWEEN.match(self.text, other.end, m.start):
                return None
            span = self._before_span(other.start)
            if span is None:
                return None
            written = self.text[span[0] : span[1]].split()
            heads = lexicon().title_words | lexicon().person_heads
            if written and written[-1].endswith("s.") or (written and _norm(written[-1]).endswith("s") and _norm(written[-1])[:-1] in heads):
                return clean_role(self.text[span[0] : span[1]])
            return None
        return None

    def _role_of_a_pair(self, m: Mention) -> str | None:
        """A plural role set off by commas from two names joined by "and" is each one's: "Blair Effron and Robert
        Pruzan, the firm's co-founders,", "two data strategists, Matt Braynard and Witold Chrabaszcz"."""
        if not (_AND_NEXT.match(self.text[m.end : m.end + 30])
                or re.search(r"\s(?:and|&)\s*$", self.text[max(0, m.start - 8) : m.start])):
            return None  # no "and" joins it to another name
        people = [o for o in self.mentions if o.label in {"PERSON", "ORG"}]  # a partner the recogniser typed ORG is a person here
        after = next((o for o in people if o.start > m.end and _AND_BETWEEN.match(self.text, m.end, o.start)), None)
        before = next((o for o in reversed(people) if o.end < m.start and _AND_BETWEEN.match(self.text, o.end, m.start)), None)
        first, last = (m, after) if after is not None else (before, m) if before is not None else (None, None)
        if first is None or last is None:
            return None
        span: tuple[int, int] | None = None
        if m is first:
            span = _role_after_span(self.text, last.end)
        if span is None and self.text[max(0, first.start - 2) : first.start] == ", ":
            span = self._before_span(first.start - 2)
            if span is not None and self._ends_in_person(span):
                span = None
        if span is None:
            return None
        role = clean_role(self.text[span[0] : span[1]])
        heads = _person_words()
        last_word = _norm(role.split()[-1]) if role else ""
        if not role or not (last_word.endswith("s") and last_word[:-1] in heads and last_word not in heads):
            return None  # "Pruzan, the firm's founder,": his alone
        if last_word[:-1] in lexicon().affiliation_heads:
            return None  # "Republicans Donald Trump and Ted Cruz": a party, no role
        return role

    def _role_before_comma(self, m: Mention) -> str | None:
        """A role set off before a name by commas: "Marsh's attorney, Lena Ortiz, said"."""
        before = self.text[max(0, m.start - 2) : m.start]
        after = self.text[m.end : m.end + 6]  # (", " or ". ", or " of "/" at " where an affiliation follows the name)
        if before != ", " or not (re.match(r"(?:’s|'s)?\s*[,;]|\s+(?:of|at)\s", after) or (
                re.match(r"\.(?:\s|$)", after) and len(_name_tokens(self.text[m.start : m.end])) > 1)):
            return None  # a full name may end the sentence: "the party's 2012 nominee, Mitt Romney."
        span = self._before_span(m.start - 2)
        if span is None:
            return self._head_of_before(m.start - 2)
        if self._ends_in_person(span) or re.search(r"\s(?:of|at)\s+$", self.text[max(0, span[0] - 5) : span[0]]):
            return None  # (nor the employer of another in a list: "Blair Effron of Centerview Partners, Marc Lasry of ...")
        return clean_role(self.text[span[0] : span[1]])

    def _head_of_before(self, end: int) -> str | None:
        """A role of a head and its "of" phrase in lower case, after a determiner or a possessive, ending at ``end``
        ("his former chief of staff, Dana Price,", "the director of communications, Jo Reyes,"), which the title
        words before a name (``_role_before_span``) do not hold."""
        m = _HEAD_OF_BEFORE.search(self.text, max(0, end - 80), end)
        if m is None or _norm(m.group(2)) not in _person_words():
            return None
        return clean_role(m.group(1))

    def _role_fronted(self, start: int) -> str | None:
        """The role a sentence opens with before the name it is about: "As a young reporter covering the lobbying
        industry, Palmer ..."."""
        m = _AS_ROLE.search(self.text, max(0, start - 140), start)
        return clean_role(_PREDICATE_END.split(m.group(1))[0]) if m else None

    def _role_named(self, start: int) -> str | None:
        """The role of a person introduced by it: "a former staffer named Bradley Podliska"."""
        before = self.text[max(0, start - 40) : start]
        m = _named().search(before)
        if m is None:
            return None
        verb = m.group().split()[-1]  # "named", "called"
        return _role_before(self.text, start - len(before) + m.start() + m.group().rindex(verb))

    def _role_after_name(self, end: int) -> str | None:
        """An apposition after the name ending at ``end``, unless it is another name ("Hillary
        Clinton, President Obama said")."""
        span = _role_after_span(self.text, end)
        if span is None:
            return None
        if self._ends_in_person(span):
            # "former White House press secretary to George W. Bush", "director under President Bill Clinton":
            # the role is what comes before the preposition that names whom it served.
            person = min(m.start for m in self.mentions if m.label == "PERSON" and m.start < span[1] <= m.end + 1 and m.end > span[0])
            whole = clean_role(self.text[span[0] : span[1]])
            if whole and self.text[person : span[1]].split()[-1] not in whole.split():
                return whole  # "a fun-loving airline pilot with a gift for imitating W.C. Fields": the name went with the tail
            between = self.text[span[0] : person]
            if re.search(r"\s(?:from|in|at|of)\s+$", between):
                # "a home-care aide from Nashua", "director of Gotham Ghostwriters": a place or an organisation taken for a person.
                return clean_role(self.text[span[0] : span[1]])
            served = list(re.finditer(r"\s+(?:to|under|for)\s+", between))
            if not served or served[-1].start() == 0 or not _SERVED_TITLES.fullmatch(between[served[-1].end() :]):
                return None
            return clean_role(between[: served[-1].start()])
        return clean_role(self.text[span[0] : span[1]])

    def _title_gender(self, start: int, mention: str = "") -> str | None:
        """Gender of a title right before a name or at its start: "Mr." Obama, "Mrs. Clinton"."""
        female, male = _title_sets()
        before = self.text[max(0, start - 12) : start]
        last = before.split()[-1:]
        if last and ("\n" in before[before.rfind(last[0]) :] or (last[0][-1:] in ".!?" and len(_norm(last[0])) > 3)):
            last = []  # the end of the sentence before ("... and first lady.\n\nSanders, the senator"), no title
        if last and last[0].rstrip(",").islower():
            kin = _norm(last[0].rstrip(","))  # "her husband, Milton Berg": a kinship word says as much as a title
            if kin in lexicon().female_kin:
                return "f"
            if kin in lexicon().male_kin:
                return "m"
        words = last + mention.split()[:1]
        for w in words:
            w = _norm(w)
            if w in female:
                return "f"
            if w in male:
                if w in lexicon().generic_male_titles and mention.split() and _norm(mention.split()[0]) in lexicon().female:
                    return None  # "Trump spokesman Hope Hicks": a job's title in the male form, written before women's names too
                return "m"
        return None

    def _family(self, m: Mention) -> bool:
        """Whether a "person" is a family, several people: "the Clintons", "the Khans", where the text writes the surname
        in the singular too."""
        word = self.text[m.start : m.end]
        if " " in word or not word.endswith("s") or not re.search(r"\b[Tt]he\s+$", self.text[max(0, m.start - 5) : m.start]):
            return False
        return any(self._written(word[:-k]) for k in (1, 2) if word[:-k] and word.endswith("es"[2 - k :]))

    def _introduced_unnamed(self, pos: int, head_raw: list[str]) -> bool:
        """Whether the article introduced the words of a definite description (``head_raw``, its determiner aside)
        before ``pos`` with an indefinite article and no name set off after them ("a senior Cruz adviser said")."""
        words = [t for t in head_raw if _norm(t) not in lexicon().determiners]
        if len(words) < 2:
            return False  # "a spokesman ... the spokesman": too common a word to say it is the same one
        pattern = r"\b(?:[Aa]n?|[Aa]nother)\s+" + r"\s+".join(re.escape(w) for w in words) + r"\b"
        for m in re.finditer(pattern, self.text[:pos]):
            if re.match(r",?\s+(?:[A-Z][\w’'.-]+\s+){1,3}", self.text[m.end() : m.end() + 40]) and self._has_person(m.end(), m.end() + 40):
                continue  # "a senior Cruz adviser, Jason Miller, said": named there
            return True
        return False

    def _kin_named(self, m: Mention) -> list[str] | None:
        """The full name of a public figure named by a first name as a person's kin ("Clinton's husband, Bill,": Bill
        Clinton; "Trump's daughter, Ivanka"): that first name and the possessor's surname."""
        toks = _name_tokens(self.text[m.start : m.end])
        if len(toks) != 1 or _norm(toks[0]) not in _first_names():
            return None
        kin = re.search(r"\b([A-Z][\w’'-]+)(?:’s|'s)\s+([a-z]+),\s*$", self.text[max(0, m.start - 60) : m.start])
        if kin is None or kin.group(2) not in lexicon().surname_kin or _norm(kin.group(1)) in lexicon().not_names:
            return None
        # Only a public figure's: "Mark Barden's son, Daniel," is a child the article's "Barden" never means.
        keys = _name_keys([toks[0], kin.group(1)])
        if not any(_name_keys(kp.name.split()) == keys for kp in known_people().get(keys[-1], [])):
            return None
        return [toks[0], kin.group(1)]

    def _paired_name(self, m: Mention) -> list[str] | None:
        """The full name of a first name joined to another's full name ("the parents, Khizr and Ghazala Khan": Khizr
        Khan), where the word is a first name or one the text writes only there ("Trump and Hillary Clinton" are two
        names)."""
        lex = lexicon()
        toks = _name_tokens(self.text[m.start : m.end])
        if len(toks) != 1 or not toks[0][:1].isupper() or self._titled_at(m.start):
            return None  # ("Secretary Clinton and Governor O'Malley": a surname)
        pair = re.match(r"\s+(?:and|&)\s+([A-Z][\w’'-]+)\s+(?:[A-Z]\.\s+)?([A-Z][\w’'-]+)\b", self.text[m.end : m.end + 80])
        if pair is None or _norm(pair.group(2)) in lex.not_names or _norm(pair.group(1)) in _title_or_honorific() | lex.title_words:
            return None
        once = len(self._written(toks[0])) == 1
        return [toks[0], pair.group(2)] if _norm(toks[0]) in _first_names() or once else None

    def _add_person(self, m: Mention) -> None:
        lex = lexicon()
        toks = _recased(self.text, self._paired.get(m.start) or _name_tokens(self.text[m.start : m.end]))
        if not toks or all(_norm(t) in lex.title_words for t in toks):
            return
        if len(toks) > 1 and not self._is_seed(toks, m.end, m.start):
            known = [t for t in toks if _norm(t) in self._singles]
            toks = known[-1:] or toks
        title_gender = self._title_gender(m.start, self.text[m.start : m.end])
        ent = self.find(toks, title_gender, pos=m.start)
        if ent is None and len(toks) > 1:
            # A full name found after its surname ("Rahm Emanuel" typed ORG, "Emanuel" PERSON): the same person,
            # where no one else of the article has that surname.
            keys = _name_keys(toks)
            same = [e for e in self.persons if e.keys[-1] == keys[-1]]
            if len(same) == 1 and len(same[0].keys) == 1 and (title_gender is None or same[0].gender in {None, title_gender}):
                ent = same[0]
                ent.tokens, ent.name = list(toks), " ".join(toks)
        if ent is None:
            ent = Entity(" ".join(toks), toks)
            self.persons.append(ent)
        span = Span.of(self.text, m.start, m.end)
        ent.mentions.append(span)
        self.person_mentions.append((span, ent))
        first = _norm(toks[0])
        _set_gender(ent, title_gender, "title")
        if len(toks) > 1:
            _set_gender(ent, "f" if first in lex.female else "m" if first in lex.male else None, "first-name")
        # A role the article gives, not one a speaker gives inside a quotation ("I will vote for the
        # Republican nominee, Donald Trump").
        role = None
        if not self._in_quotes(m.start) and not self._modifies_a_noun(m.end):
            role = (
                self._role_in_mention(m, toks)
                or self._role_before_name(m.start, m.end)
                or self._role_after_name(m.end)
                or self._role_before_comma(m)
                or self._role_shared(m)
                or self._role_of_a_pair(m)
                or self._role_named(m.start)
                or self._role_fronted(m.start)
            )
            role = _singular_title(role)
            if role and " " not in role and _norm(role) in lex.affiliation_heads:
                role = None  # "Clinton, a Democrat,": a party, no role ("North Dakota Republican" says which seat)
        if role:
            ent.roles.append((m.start, role))
            ent.roles.sort()
            indefinite = _INDEFINITE_APPOSITION.match(self.text, m.end) and not self._role_before_name(m.start)
            served = _who_served().match(self.text[m.end : m.end + 160]) is not None and not self._role_before_name(m.start)
            if not _titled(role) or (indefinite and not _titled(role, office=True)) or served:
                ent.described.add(m.start)  # "Biden, who served as a US senator": what they were, not their title

    def _reassign_shared_surnames(self) -> None:
        """A bare surname two people of the article share goes to the one its title fits:
        "President Obama" to Barack Obama, not Michelle, once both are known."""
        lex = lexicon()
        for i, (span, ent) in enumerate(self.person_mentions):
            toks = _name_tokens(span.text)
            if len(toks) != 1:
                continue
            role = self._role_before_name(span.start)
            written = _role_before(self.text, span.start) or ""  # titles in front, even another person's
            titles = {_norm(w) for w in written.split()} | {_norm(w) for w in span.text.split()[:-1]}
            titles &= lex.title_words | lex.honorifics
            better = self.find(toks, self._title_gender(span.start, span.text), titles, pos=span.start)
            if better is None or better is ent:
                continue
            ent.mentions = [m for m in ent.mentions if m is not span]
            ent.roles = [(o, r) for o, r in ent.roles if o != span.start]
            better.mentions.append(span)
            if role:
                better.roles.append((span.start, role))
                better.roles.sort()
            self.person_mentions[i] = (span, better)
        self.persons = [e for e in self.persons if e.mentions]

    def _link_known(self) -> None:
        """Tie people to public figures of ``people_en.json``; complete a surname the article never gives a first name."""
        lex = lexicon()
        people = known_people()
        named = {" ".join(e.keys) for e in self.persons}
        for ent in self.persons:
            keys = ent.keys
            if len(keys) == 1 and ent.gender is None and (keys[0] in lex.female) != (keys[0] in lex.male):
                _set_gender(ent, "f" if keys[0] in lex.female else "m", "first-name")  # "Melanie", named by first name alone
                continue
            cands = [p for p in people.get(keys[-1], []) if ent.gender is None or p.gender is None or p.gender == ent.gender]
            if len(keys) > 1:
                # "Donald J. Trump" is Donald Trump: same first word and surname.
                ent.known = next((p for p in cands if _name_keys(p.name.split())[0] == keys[0]), None)
                if ent.known is None:
                    # The article writes the name twice, once misspelt ("Hilary Clinton" in a summary, "Hillary Clinton"
                    # after): the public figure one of its full forms names, under that form.
                    for m in ent.mentions:
                        toks = _name_tokens(m.text)
                        other = _name_keys(toks) if len(toks) > 1 else ()
                        pick = next((p for p in cands if other and other[-1] == keys[-1] and _one_edit(other[0], keys[0])
                                     and _name_keys(p.name.split())[0] == other[0]), None)  # (not "Jeb Bush" of John Ellis Bush)
                        if pick is not None:
                            ent.known, ent.name, ent.tokens = pick, " ".join(toks), list(toks)
                            break
                if ent.known is not None and ent.gender_evidence in {None, "first-name"} and ent.known.gender:
                    ent.gender, ent.gender_evidence = ent.known.gender, "known"
                continue
            # A surname alone: not someone else of that surname the article names in full.
            pick = _public_figure(keys[-1], ent.gender, named)
            if pick is not None:
                ent.known, ent.name, ent.tokens = pick, pick.name, pick.name.split()
                _set_gender(ent, pick.gender, "known")

    # -- resolving sources -------------------------------------------------------------------
    def _named_in_clause_after(self, end: int) -> set[int]:
        """The people (``id``) named after ``end`` in its clause, up to a comma, quotation mark or sentence end."""
        stop = re.search(r"[,;:.!?“”\"]|\b(?:and|but|who|which|that|because|while)\b", self.text[end : end + 200])
        limit = end + (stop.start() if stop else 200)
        return {id(ent) for span, ent in self.person_mentions if end <= span.start and span.end <= limit}

    def _cataphora(self, start: int, end: int, gender: str | None) -> Entity | None:
        """For a pronoun in a phrase that opens its sentence and names no one ("In his assessment of the real estate
        magnate, Calderon intimated ...", "Counter to his reputation as a far-left gadfly, Mr. Sanders has done ..."), the
        person the main clause after the comma opens with, as its subject, where the gender agrees."""
        if gender is None or self._in_quotes(start):
            return None
        sentence = self._sentence_start(start)
        lead = self.text[sentence:start]
        comma = self.text.find(",", end, end + 120)
        if comma < 0 or re.search(r"[,;:“”\"(]", lead) or re.search(r"[;:“”\"()\n]|[.!?]\s", self.text[end:comma]):
            return None
        lex = lexicon()
        if not lead.split() or _norm(lead.split()[0]) not in lex.fronting_prepositions | lex.subordinators | {"counter", "contrary"}:
            return None  # (a sentence that opens with the pronoun or a conjunction: no fronted phrase)
        if any(sentence <= span.start < comma for span, _ in self._subjects()):
            return None  # the phrase names someone the pronoun may stand for
        m = re.match(r",\s+", self.text[comma:])
        if m is None:
            return None
        subject = self._person_at(comma + m.end())
        if subject is None or subject[1].gender not in {None, gender}:
            return None
        after = re.match(r"[’']?s?\s+([a-z]\w*)", self.text[self._end_of_mention(subject[0]) :])
        return subject[1] if after is not None and _norm(after.group(1)) not in lex.prepositions | {"and", "or", "who", "which"} else None

    def _end_of_mention(self, start: int) -> int:
        """Where the person's mention that starts at ``start`` ends."""
        return next((span.end for span, _ in self._subjects() if span.start == start), start)

    def _named_in_own_quotation(self, start: int) -> set[int]:
        """The people (``id``) the quotation ending right before ``start`` names in full or by a title ("“..., that Donald
        Trump is unfit to be president,” he asserted", "“... whether Senator Sanders's message ...,” he said"): one
        speaks of them, not as them (a surname alone may be their own brand: "the peaceful Trump supporters")."""
        quote = next(((s, e) for s, e in self._quoted if e < start and not self.text[e + 1 : start].strip(" \t,")), None)
        if quote is None:
            return set()
        lex = lexicon()
        out = set()
        for span, ent in self.person_mentions:
            if quote[0] < span.start < quote[1]:
                before = re.findall(r"[\w.’'-]+", self.text[max(quote[0], span.start - 12) : span.start])[-1:]
                titled = bool(before) and _norm(before[0]) in lex.honorifics | lex.title_words
                if _hearsay_before().search(self.text[max(quote[0], span.start - 25) : span.start]):
                    continue  # "they say Bernie Sanders should drop out": what others say of the speaker
                if len(_name_tokens(span.text)) > 1 or titled:
                    out.add(id(ent))
        return out

    def _reported_on(self, start: int, end: int) -> set[int]:
        """For a pronoun reporting in a parenthesis within its sentence ("The Republican nominee, he said, watched the
        Olympics"), the subject (``id``) it follows alone: what is reported is about them, so the pronoun is someone
        else."""
        verb = _speech_verb_after().match(self.text, end)
        if verb is None or not re.match(r",\s+\S", self.text[verb.end() : verb.end() + 3]):
            return set()
        sentence = self._sentence_start(start)
        if not re.search(r"\S,\s+$", self.text[sentence:start]) or self._in_quotes(start):
            return set()
        subject = next(((span, ent) for span, ent in self._subjects() if sentence <= span.start), None)
        if (subject is None or not re.fullmatch(r"[’']?s?,?\s+", self.text[subject[0].end : start])
                or not re.search(r",\s+$", self.text[subject[0].start : start]) or self._person_at(sentence) is None):
            return set()  # ("When she finally noticed Mr. Rogan, her eyes widened, he said": not only a subject before it)
        return {id(subject[1])}

    def _recent_person(self, pos: int, speakers: list[tuple[int, Entity]], gender: str | None, others: set[int] | None = None) -> Entity | None:
        def agrees(e: Entity) -> bool:
            if others and id(e) in others:
                return False
            return gender is None or e.gender is None or e.gender == gender

        # The person quoted last, if recent; else the last person named outside quotation marks.
        # (Tried on the annotated dev articles: preferring whichever is later scores lower.)
        reach = lexicon().distances["pronoun_to_speaker"]
        for p, ent in reversed(speakers):
            if pos - p < reach and agrees(ent):
                return ent
            if pos - p >= reach:
                break
        for span, ent in reversed(self.person_mentions):
            if (span.end <= pos and agrees(ent) and not self._in_quotes(span.start) and not self._signs(span)
                    and not self._modifies_an_org(span.end)):
                return ent
        for p, ent in reversed(speakers):
            if agrees(ent):
                return ent
        return None

    def _modifies_an_org(self, end: int) -> bool:
        """Whether the name ending at ``end`` stands before an organisation's head noun, as its modifier ("a possible
        Trump administration", "the Clinton campaign"): no person a pronoun after it can mean. A possessor is one ("Dena
        Grayson’s campaign. She falsely presents herself ...")."""
        if self.text[max(0, end - 2) : end] in {"'s", "’s"}:
            return False
        after = re.match(r"\s+([a-z][\w-]*)", self.text[end : end + 30])
        return after is not None and _norm(after.group(1)) in lexicon().org_heads

    def _named_in_headline(self, pos: int, gender: str | None, others: set[int]) -> Entity | None:
        """The first person of the article whose surname the headline writes before ``pos``, whose gender agrees
        ("Trump fires up G.O.P. base ... ¶ His popularity, even after he criticized President George W. Bush": Trump;
        the recogniser reads no names in a headline, so the person is one the body names)."""
        if not self.body_start:
            return None
        headline = self.text[: min(pos, self.body_start)]
        people = [ent for ent in self.persons if ent.tokens and ent.tokens[-1][:1].isupper()]
        surnames = Counter(ent.tokens[-1] for ent in people)
        found = []
        for ent in people:
            if id(ent) in others or (gender is not None and ent.gender not in {None, gender}) or surnames[ent.tokens[-1]] > 1:
                continue  # (of two people of one surname, the headline's is not told)
            m = re.search(r"\b" + re.escape(ent.tokens[-1]) + r"\b", headline)
            if m is not None:
                found.append((m.start(), ent))
        return min(found, key=lambda f: f[0])[1] if found else None

    def _list_item_subject(self, pos: int, gender: str | None, others: set[int]) -> Entity | None:
        """For a pronoun that opens a list's item, a paragraph of one sentence among several that open with the same
        pronoun ("9 Offensive Things Donald Trump Has Said ... ¶ He implied a federal judge was biased. ¶ ... ¶ He called
        protestors thugs."): the person the headline names, not the one the item before quoted last."""
        if not self.body_start or pos < self.body_start or not _LISTICLE.match(self.text, 0, self.body_start):
            return None  # (news written a sentence a paragraph has items of that kind too: "He said ..." of the one before)
        line_start = self.text.rfind("\n", 0, pos) + 1
        if self.text[line_start:pos].strip():
            return None
        word = self.text[pos : pos + 4].split()[0] if self.text[pos : pos + 4].split() else ""
        items = _one_sentence_items(self.text[self.body_start :], word)
        if len(items) < 3 or pos - self.body_start not in items:
            return None
        return self._named_in_headline(pos, gender, others)

    def _named_next(self, pos: int, gender: str | None, others: set[int]) -> Entity | None:
        """For a pronoun with no one before it ("She’s Going To HATE It" in a headline): the person named next, close
        after it and outside quotation marks, whose gender agrees; not one its own clause names after it ("She asked
        Richards"), nor one a preposition governs ("his portrayal of Tim Taylor, veteran comedian Tim Allen")."""
        lex = lexicon()
        reach = lex.distances["pronoun_before_name"]
        for span, ent in self.person_mentions:
            if span.start >= pos + reach:
                break
            before = self.text[max(0, span.start - 12) : span.start].split()
            if (span.start >= pos and not self._in_quotes(span.start) and (gender is None or ent.gender in {None, gender})
                    and id(ent) not in others and not (before and _norm(before[-1]) in lex.prepositions)):
                return ent
        return None

    def _subject_before(self, pos: int, gender: str | None, speakers: Sequence[tuple[int, Entity]] = ()) -> Entity | None:
        """The person a pronoun most likely means by salience, where it is clear: the subject of its
        own sentence, named before it ("Romney was never able to shake that image, which was cemented
        with his comment"); or, for a pronoun opening a sentence, the subject of the sentence before
        ("Trump has record low support. He recently pitched himself ..."), unless that sentence is
        a quote; or, for a pronoun right after a quotation that opens its sentence, the person the sentence
        before introduces (``_introduced_in``: "One local woman, Karen Robison, pulled Rep. King aside. “I’m so
        glad ...,” she told him"). None when none holds: the person quoted last then decides."""
        if self._in_quotes(pos):
            return None
        start = self._sentence_start(pos)
        reporter = self._reported_before(start, pos, gender, speakers)
        if reporter is not None:
            return reporter  # "Also, Trump isn't a conservative, he said": what is reported, not who reports it
        subject = self._person_at(start)
        if (subject is not None and subject[0] < pos and (gender is None or subject[1].gender in {None, gender})
                and not self._in_quotes(subject[0])):  # ("“... George W. Bush got fewer votes,” he points out": the quotation's)
            return subject[1]
        quote = self._quote_opening_sentence_before(pos)
        if quote is not None:
            start, start_words = quote, ""  # "“I’m a free American,” he told ...": as if it opened the sentence
        elif self.text[start:pos].split() and self._only_openers(start, pos) and not self._in_quotes(start):
            start_words = ""  # "While he's said ...", "But he added": as if it opened the sentence
        else:
            start_words = self.text[start:pos].strip()
        if start_words:
            coordinated = self._coordinated_subject(start, pos, gender)
            if coordinated is not None:
                return coordinated
            # The one person its sentence names before it, set off as a topic ("As for Governor Kasich
            # — endorsed by the Times — he devoted ...").
            named = [(span, ent) for span, ent in self.person_mentions if start <= span.start and span.end <= pos and not self._in_quotes(span.start)
                     and not _PLURAL_SUBJECT_AFTER.match(self.text, span.end)]  # ("The Murdoch outlets have been ...": no one's)
            people = {id(ent) for _, ent in named}
            between = self.text[named[-1][0].end : pos] if named else ""
            topic = re.match(r"\s*(?:[—–-]|,)", between) and re.search(r"[—–,]\s*$", between)
            # The one person its sentence names before it, where the pronoun is a possessive ("Pence is not alone in
            # his contention") or opens the main clause after a fronted one ("In an example of how sensitive Obama
            # is about his legacy, he used ...").
            own = _norm(self.text[pos : pos + 4].split()[0]) in {"his", "her"} if self.text[pos : pos + 4].split() else False
            opens = re.search(r",\s*$", self.text[start:pos]) is not None and not self._in_quotes(pos)
            # (not where a pronoun of the same gender before the name stands for someone else: "In her frequent
            # correspondence with Clinton, she often referred to her by a nickname" is the one whose correspondence it is)
            pronouns = {"f": {"she", "her"}, "m": {"he", "his", "him"}}.get(gender or "", set())
            another = bool(named) and any(_norm(w) in pronouns for w in re.findall(r"[\w’']+", self.text[start : named[0][0].start]))
            if len(people) == 1 and (topic or own or opens) and not another:
                ent = named[-1][1]
                if gender is None or ent.gender in {None, gender}:
                    return ent
            # A fronted phrase naming only someone the pronoun's gender does not fit ("As word of Mrs. Clinton's victories
            # rolled in, he gave ..."): the main clause's subject as if it opened the sentence.
            other = bool(people) and gender is not None and (all(ent.gender not in {None, gender} for _, ent in named) or another)
            if len(people) == 1 and not another and not opens and not self._in_quotes(pos):
                # The one person its sentence names before it as a clause's subject, a verb after the name ("..., Obama made
                # no effort to introduce a carbon tax, which he favors"): the person quoted last is no likelier.
                span, ent = named[-1]
                verb = re.match(r"\s+([a-z][\w’']*)", self.text[span.end : pos])
                lead = self.text[start : span.start]
                lead = _titles_at_end().sub("", lead)
                if (verb is not None and _norm(verb.group(1)) not in lexicon().prepositions | {"and", "or", "who", "which", "that"}
                        and not _POSSESSIVE.search(self.text[span.start : span.end + 2]) and (gender is None or ent.gender == gender)
                        and (self._only_openers(start, start + len(lead)) or self._fronted(start, start + len(lead))
                             or re.fullmatch(r"\s*(?:When|While|As|After|Before|If|Although|Though|Since|Once)\s[^;:!?\n“”\"]{1,120},\s*", lead))):
                    return ent
            if not (opens and (not people or other) and not own):
                return None  # not the sentence's first word
            # The main clause's subject after a fronted one that names no one ("Asked on Fox News who leads the party,
            # he said Ryan"): as if it opened the sentence.
        before = self._sentence_start(max(0, start - 2))  # the sentence before (``_sentence_before``), its own start known
        if self.text[before : before + 1] in "“\"" or self._in_quotes(before + 1):
            return None
        if quote is not None:
            sender = _ENDS_ON_SENDER.search(self.text[before:quote])
            if sender is not None:
                # "..., sent from her friend Jan Piercy, executive vice president of ShoreBank International. “Regarding ...,”
                # she writes": the one the sentence before ends on as what is quoted's sender or author
                a = before + sender.start(1)
                sent_by = next((e for span, e in self.person_mentions if a <= span.start < a + 40 and not self._in_quotes(span.start)), None)
                if sent_by is not None and sent_by.gender in {None, gender}:
                    return sent_by
            # "When Mr. Trump called it strong, Mr. Kasich forcefully differed. ¶ ''I think ...,'' he said": the sentence
            # before ends on the person and a verb of their own, which the quotation goes on
            last = _ENDS_ON_SUBJECT.search(self.text[before:quote])
            if last is not None:
                a, b = before + last.start(1), before + last.end(1)
                ender = next((e for span, e in self.person_mentions if a <= span.start < b), None)
                if ender is not None and (gender is None or ender.gender in {None, gender}) and not self._in_quotes(a):
                    return ender
            # (the one person of its gender a sentence before names, though not for the first time: "Then there’s
            # Axelrod. ¶ “Kind of bewildering ...,” he wrote"; not one a question names: the one quoted answers it)
            asked = self.text[before:quote].rstrip().endswith("?")
            return (self._introduced_in(before, quote, gender, speakers) or self._narrated_subject(before, quote, gender, speakers)
                    or (None if asked else self._introduced_in(before, quote, gender, speakers, first=False)))
        # "Even McCain ... and Grassley ... are in trouble, Tester said. ¶ He said Grassley could lose": the one the sentence
        # before reports, not its subject, where a verb of saying and their name end it
        teller = _ends_on_teller().search(self.text[before:start])
        if teller is not None:
            a = before + teller.start(1)
            told = next((e for span, e in self.person_mentions if a <= span.start < before + teller.end(1)), None)
            if told is not None and (gender is None or told.gender in {None, gender}):
                return told
        subject = self._person_at(before)
        if subject is not None and (gender is None or subject[1].gender in {None, gender}):
            if gender is not None and subject[1].gender is None and any(
                    ent.gender == gender and (ent.gender_evidence in {"known", "title", "first-name"} or _norm(ent.tokens[0]) in _first_names())
                    for span, ent in self.person_mentions if before <= span.start and span.end <= start):
                return None  # "Coal miners are still smarting from remarks Clinton made. When she ...": one the gender fits
            return subject[1]
        # No subject: the one person of its gender the sentence before names ("... it is assumed that Sanders has more
        # than earned a prime-time speaking slot. Beyond that, he has also made clear ...").
        return self._introduced_in(before, start, gender, speakers, first=False)

    def _narrated_subject(self, start: int, end: int, gender: str | None, speakers: Sequence[tuple[int, Entity]]) -> Entity | None:
        """The subject of the sentence ``start:end`` before a quotation that opens the pronoun's sentence, where that
        sentence tells, outside quotation marks, what the person did ("But Mr. Comey painted a different picture.
        ''Hostile actors gained access ...,'' he said"; "Trump almost seemed to agree."): the one the quotation goes on
        from, not the one quoted before; where no other person of the pronoun's gender is named there."""
        if gender is None or re.search(r"[“”\"]|''", self.text[start:end]) or any(start <= p < end for p, _ in speakers):
            return None  # (a sentence that quotes: "Herman Cane was at the rally too, Mary Jonas said.")
        subject = self._person_at(start)
        if subject is None or self._in_quotes(subject[0]) or subject[1].gender not in {None, gender}:
            return None
        if not any(span.start == subject[0] for span, _ in self.person_mentions):
            return None  # a description ("But the candidate could try to change the subject."): a paraphrase, maybe
        others = {id(ent) for span, ent in self.person_mentions
                  if start <= span.start < end and ent is not subject[1] and ent.gender in {None, gender}}
        return subject[1] if not others else None

    def _chained(self, pos: int, gender: str | None, speakers: Sequence[tuple[int, Entity]], depth: int = 0) -> Entity | None:
        """For a pronoun opening its sentence, where the sentence before opens with a subject pronoun of its gender too
        (outside quotation marks), whom that one stands for ("He also had a voice in decisions ..., said a former spokesman, Oleg Voloshyn. ¶ He
        persuaded the government ...": the first "He", not the man quoted between); None otherwise."""
        if gender is None or depth > 4 or self._in_quotes(pos):
            return None
        lex = lexicon()
        start = self._sentence_start(pos)
        if not self._only_openers(start, pos) and not self._fronted(start, pos):
            # "At the Labor Department, he has a bigger microphone, and he has used it", "He was at home and silent on
            # Twitter, his favorite medium": the pronoun of its gender the sentence opens with, no one named nor quoted between
            inner = [m for m in re.finditer(r"\b(?:he|she|He|She)\b(?![’'-])", self.text[start:pos])
                     if (m.group().lower() == "she") == (gender == "f")]
            if not inner:
                return None
            at = start + inner[-1].start()
            if (self._in_quotes(at) or any(at <= span.start < pos for span, _ in self.person_mentions) or not self._fronted(start, at)
                    or any(at < b and a < pos for a, b in self._quoted)):  # (no quotation between the two)
                return None
            earlier = [s for s in speakers if s[0] < at]
            return self._subject_before(at, gender, earlier) or self._chained(at, gender, earlier, depth + 1)
        before = self._sentence_start(max(0, start - 2))
        if before >= start:
            return None
        m = re.match(r"((?:[A-Z][a-z]*,?\s+)?)(He|She|he|she)\b(?![’'-])", self.text[before:start])
        if (m is None or (m.group(1) and _norm(m.group(1).rstrip(", ")) not in lex.clause_openers | {"there", "here", "then"})
                or (m.group(2).islower() and not m.group(1)) or (m.group(2).lower() == "she") != (gender == "f")):
            return None
        at = before + m.start(2)
        if self._in_quotes(at):
            return None  # (a sentence inside a quotation: '"He's a hater," Trump said')
        earlier = [s for s in speakers if s[0] < at]
        return (self._subject_before(at, gender, earlier) or self._chained(at, gender, earlier, depth + 1)
                or (None if self._unnamed_before(at, gender, earlier) else self._recent_person(at, list(earlier), gender)))

    def _coordinated_subject(self, start: int, pos: int, gender: str | None) -> Entity | None:
        """For a pronoun that opens a clause joined by "and" or "but" to its sentence's first ("Sanders let Kingson speak
        first, and then, still flanked by agents, he spent ..."): the first clause's subject, a name after no more than
        fronted phrases, followed by its verb."""
        if not re.search(r"\S,\s+(?:and|but)\s+(?:(?:then|later|now|also|still|so)\b,?\s+)?(?:[^,;:.!?\n“”\"]{1,60},\s+)?$", self.text[start:pos]):
            return None
        named = [(span, ent) for span, ent in self.person_mentions if start <= span.start and span.end <= pos]
        if not named or self._in_quotes(named[0][0].start):
            return None
        span, ent = named[0]
        if not (self._only_openers(start, span.start) or self._fronted(start, span.start)):
            return None
        if not re.match(r"\s+[a-z]", self.text[span.end : span.end + 3]) or (gender is not None and ent.gender not in {None, gender}):
            return None
        pronouns = {"f": {"she", "her"}, "m": {"he", "his", "him"}}.get(gender or "", set())
        if any(_norm(w) in pronouns for w in re.findall(r"[\w’']+", self.text[span.end : pos])):
            return None  # ("Trump said he would, and he did": the pronoun between decides)
        return ent

    def _fronted(self, start: int, end: int) -> bool:
        """Whether ``start:end`` holds only clause openers, or a phrase a preposition opens and a comma ends that names
        no one ("At the Labor Department, "): what may stand before a sentence's subject."""
        if self._only_openers(start, end):
            return True
        lex = lexicon()
        phrase = self.text[start:end]
        if re.fullmatch(r"\s*(?:There|Here|Then),\s*", phrase):
            return True  # "There, he investigated ..."
        words = [_norm(w.rstrip(",")) for w in phrase.split()[:2]]
        if len(words) == 2 and words[0] in lex.clause_openers:
            words = words[1:]
        return (bool(words) and words[0] in lex.fronting_prepositions and re.fullmatch(r"(?:[^,;:.!?\n“”\"]{1,90},\s*){1,3}", phrase) is not None
                and not any(start <= span.start < end for span, _ in self.person_mentions))

    def _unnamed_subject(self, pos: int, gender: str) -> bool:
        """Whether the sentence of a pronoun at ``pos`` opens with an indefinite description of a person of its gender
        that no name follows ("A 29-year-old Berlin woman, meanwhile, received five months' probation after she had
        posted"): the pronoun is that unnamed person."""
        if self._in_quotes(pos):
            return False
        lex = lexicon()
        heads = lex.generic_female_heads if gender == "f" else lex.generic_male_heads
        start = self._sentence_start(pos)
        m = re.match(r"(?:An?|One|Another)\s+(?:[\w’'-]+\s+){0,4}?(" + _alternation(heads, "{}") + r")\b", self.text[start:pos])
        if m is None:
            return False
        after = self.text[start + m.end() : pos]
        return not any(start + m.end() <= span.start < pos for span, _ in self.person_mentions) and not re.match(r"\s*(?:named|called)\b", after)

    def _interviewee(self) -> Entity | None:
        """Whom a question-and-answer interview is with: the first person the article names outside quotation marks
        ("Laura Bush sees 'Hope' ... ¶ Former first lady Laura Bush wrote ... She sat down this week with ...")."""
        return next((ent for span, ent in self.person_mentions if not self._in_quotes(span.start)), None)

    def _unnamed_before(self, pos: int, gender: str, speakers: Sequence[tuple[int, Entity]]) -> bool:
        """Whether the last person of ``gender`` before a pronoun at ``pos`` is one the article does not name, brought in by
        an indefinite description that opens a sentence ("One woman adopted from Iran in the early 1970s did not learn of
        her status ...", "A man in the crowd shouted ...": a head that gives a gender) with no one of that gender named or quoted
        since, outside quotation marks: the pronoun is that unnamed person, not someone named further back. Whom the
        description itself names after a preposition ("A woman with Mrs. Clinton’s campaign said ...") does not count."""
        lex = lexicon()
        heads = lex.generic_female_heads if gender == "f" else lex.generic_male_heads
        lo = max(0, pos - lex.distances["unnamed_lookback"])
        pattern = re.compile(r"(?:An?|One|Another)\s+(?:[\w’'-]+\s+){0,4}?([\w’'-]+)\b")
        found = None
        for m in pattern.finditer(self.text, lo, pos):
            if (_norm(m.group(1)) in heads and self._sentence_start(m.start()) == m.start() and not self._in_quotes(m.start())
                    and not re.match(r"\s*,?\s*(?:named|called)\b", self.text[m.end() : m.end() + 12])
                    # the phrase's head, a verb or a phrase of its own after it ("A chief reason he has given": a modifier)
                    and _AFTER_A_HEAD.match(self.text, m.end())):
                found = m
        if found is None:
            return False
        for span, ent in self.person_mentions:
            if found.end() <= span.start < pos and ent.gender in {None, gender} and not self._in_quotes(span.start):
                if re.fullmatch(r"\s+(?:for|of|to|with|at|from)\s+(?:[\w.’'-]+\s+){0,2}", self.text[found.end() : span.start]):
                    continue  # whom the description names: "A woman with Mrs. Clinton’s campaign"
                if self._sentence_start(span.start) == found.start() and not re.fullmatch(r"\s*,\s*", self.text[found.end() : span.start]):
                    # named in the sentence that brings the unnamed one in ("One man, responding to Sanders’ ..."), not as
                    # its apposition ("A woman, Jane Dow, spoke": she is named)
                    continue
                return False
        return not any(found.start() <= p < pos and ent.gender in {None, gender} for p, ent in speakers)

    def _reported_before(self, start: int, pos: int, gender: str | None, speakers: Sequence[tuple[int, Entity]]) -> Entity | None:
        """For a pronoun that ends its sentence reporting, with a verb of speech, the clause the sentence opens with,
        whose subject is a name ("Also, Trump isn't a conservative, he said."), where the sentence before quotes someone
        else of its gender ("Joseph Hunter ... said he will not vote for Trump"): that one, who goes on; not the name
        (where no one was quoted just before, the subject may report on themselves: "Grayson has introduced the bill,
        he said")."""
        if not re.search(r"\S,\s+$", self.text[start:pos]):
            return None
        word = re.match(r"[\w’']+", self.text[pos:])
        verb = _speech_verb_after().match(self.text, pos + word.end()) if word is not None else None
        if verb is None or not re.match(r"[^.!?\n]{0,30}[.!?]", self.text[verb.end() : verb.end() + 32]):
            return None  # ("he told POLITICO he had kept ...": a sentence that goes on)
        named = [(span, ent) for span, ent in self.person_mentions if start <= span.start and span.end <= pos and not self._in_quotes(span.start)]
        if not named:
            return None
        lead = list(re.finditer(r"\S+", self.text[start : named[0][0].start]))
        titles = lexicon().honorifics | lexicon().title_words
        while lead and _norm(lead[-1].group()) in titles:
            lead.pop()  # "Mr. Trump, who ..., fits that bill, he added": the name with its title
        if lead and not self._only_openers(start, start + lead[-1].end()):
            return None
        if any(_norm(w) in lexicon().subordinators for w in self.text[start : named[0][0].start].split()):
            return None  # "When Nega helped found the movement, he explained": a fronted clause, its subject the pronoun's
        rest = self.text[named[0][0].end : pos]
        # (past a clause or an apposition set off after the name: "Mr. Trump, who is not taking large donations, fits ...")
        rest = re.sub(r"^,\s+(?:who|a|an|the)\s[^,.;:!?“”\"]{0,120},", "", rest)
        after = re.match(r"\s+([a-z][\w’']*)", rest)
        if after is None or _norm(after.group(1)) in lexicon().prepositions | {"and", "or", "who", "which"}:
            return None
        before = self._sentence_start(max(0, start - 2))
        for _ in range(4):
            if not self._in_quotes(before + 1):
                break
            # a quotation of its own between: "... ,'' Mr. Gidley said. ''I need a candidate who's not going to lie to me.''
            # ¶ Mr. Trump ... fits that bill for many people, he added": the one who spoke it, in the sentence before it
            before = self._sentence_start(max(0, before - 2))
        quoted = [ent for p, ent in speakers if before <= p < start and ent is not named[0][1] and (gender is None or ent.gender in {None, gender})]
        return quoted[-1] if quoted else None

    def _only_openers(self, start: int, end: int) -> bool:
        """Whether only clause openers ("But", "And so", "While") stand in ``start:end`` (none at all counts too), a
        time phrase among them ("But on Sunday", "In 2008", "Last week")."""
        lex = lexicon()
        timed = lex.clause_openers | lex.time_phrase_words | lex.calendar_words
        return all((w := _norm(t)) in timed or (w.isdigit() and len(w) == 4) for t in self.text[start:end].split())

    def _introduced_in(self, start: int, end: int, gender: str | None, speakers: Sequence[tuple[int, Entity]], first: bool = True) -> Entity | None:
        """The person of ``gender`` the sentence ``start:end`` introduces: the only one of that gender (known, not
        guessed) it names outside quotation marks, named there for the first time in the article ("Recently, Herman
        Cain, the pizza maven ..., was asked by a caller why ..."). None where that sentence quotes anyone (a source
        of a quote resolved within it), where a pronoun of that gender comes first ("He attended the rally, though
        he's not sure whether he'll vote for ... Bernie Sanders": its person goes on), or where the name is in a
        fronted phrase ("In a conversation with ... about his project, the actor ...")."""
        if gender is None or any(start <= p < end for p, _ in speakers):
            return None
        lex = lexicon()
        pronouns = {"she", "her", "hers", "herself"} if gender == "f" else {"he", "him", "his", "himself"}
        named = [(span, ent) for span, ent in self.person_mentions
                 if start <= span.start < end and not self._in_quotes(span.start) and ent.gender in {None, gender}]
        found = [(span, ent) for span, ent in named if (ent.first >= start or not first) and ent.gender == gender]
        if len({id(ent) for _, ent in named}) != 1 or not found:
            return None  # (another of that gender named beside: "Timothy Smith holds up the gun used by George Zimmerman")
        span, ent = found[0]
        lead = self.text[start : span.start]
        if any(_norm(w) in pronouns for w in re.findall(r"[\w’']+", lead)):
            return None
        opener = lead.split()[:1]
        if opener and _norm(opener[0]) in lex.fronting_prepositions and "," not in lead:
            return None  # in a fronted phrase: "In a conversation with HuffPost Live’s Alyona Minkovski about his ..., the actor"
        return ent

    def _quote_opening_sentence_before(self, pos: int) -> int | None:
        """Where the quotation that ends just before ``pos`` opens, when it opens its sentence ("“I’m a free
        American,” he told Fox 35": the pronoun is then as salient as one opening the sentence); None otherwise."""
        for a, b in reversed(self._quoted):
            if b < pos:
                if self.text[b + 1 : pos].strip(" ,'") or self.text[b] == "\n":  # (the second apostrophe of a closing '')
                    return None
                return a if self._sentence_start(a) == a else None
        return None

    def _org_subject(self, pos: int) -> Mention | None:
        """The organisation an "it" at ``pos`` stands for by salience: the subject of its sentence, named before it, or,
        for an "it" that opens its sentence, the subject of the sentence before ("The Ohio Voters League filed suit on
        Monday. It said ..."); None where a person, a place or nothing is the subject."""
        if self._in_quotes(pos):
            return None
        lex = lexicon()
        start = self._sentence_start(pos)
        opens = all(_norm(w) in lex.clause_openers for w in self.text[start:pos].split())
        at = self._sentence_start(max(0, start - 2)) if opens else start
        if opens and (self.text[at : at + 1] in "“\"" or self._in_quotes(at + 1)):
            return None
        m = next((m for m in self.mentions if m.start >= at), None)
        if m is None or m.end > pos or m.label != "ORG":
            return None
        lead = self.text[at : m.start]
        if len(lead) > 30 or not all(w[:1].isupper() or _norm(w) in lex.determiners for w in lead.split()):
            return None
        after = self.text[m.end : m.end + 30].split()[:1]
        if _POSSESSIVE.search(self.text[m.start : m.end + 2]) or (
                after and after[0].islower() and _norm(after[0]) in lex.title_words | lex.org_heads | lex.authored_heads):
            return None  # "Acme's chief executive said", "The Acme report said": the name modifies the subject
        return m

    def _org_before_in_sentence(self, pos: int) -> Mention | None:
        """For an "it" inside its sentence, the one organisation the sentence names before it outside quotation marks
        ("Documents from the Democratic National Committee began circulating after it announced a breach"); None where
        it names none or several, or a person after it."""
        if self._in_quotes(pos) or re.search(r"[.!?][”\"’]?\s+$|^\s*$", self.text[max(0, pos - 4) : pos]):
            return None  # (an "It" opening a sentence: "... in the GOP. It does not explain")
        start = self._sentence_start(pos)
        orgs = [m for m in self.mentions if start <= m.start and m.end <= pos and m.label == "ORG" and not self._in_quotes(m.start)]
        if len({self.org_name(m) for m in orgs}) != 1 or any(orgs[-1].end <= span.start < pos for span, _ in self.person_mentions):
            return None
        after = self.text[orgs[-1].end : orgs[-1].end + 30].split()[:1]
        if after and after[0].islower() and _norm(after[0]) in lexicon().title_words | lexicon().org_heads | lexicon().authored_heads:
            return None  # "the Acme report, which it ...": the name modifies a noun
        return orgs[-1]

    def _its_owner(self, pos: int) -> Mention | None:
        """Whose an "its" at ``pos`` says a thing is: the last organisation or place its sentence names before it
        ("Washington is using the attacks to renew its calls", "advising SABMiller on its proposed sale"), else the one
        the sentence before opens with ("Mississippi offers no protections. Its ban on adoptions ...")."""
        if self._in_quotes(pos):
            return None
        start = self._sentence_start(pos)
        named = [m for m in self.mentions if m.label in {"ORG", "GPE"} and start <= m.start and m.end <= pos and not self._in_quotes(m.start)]
        if any(start <= span.start < pos for span, _ in self.person_mentions if named and span.start > named[-1].start):
            return None  # a person named since: "its" may be theirs to tell
        if named:
            return named[-1]
        if self.text[start:pos].strip():
            return None
        before = self._sentence_start(max(0, start - 2))
        first = next((m for m in self.mentions if m.start >= before), None)
        if first is not None and first.start < start and first.label in {"ORG", "GPE"} and not self.text[before : first.start].strip():
            return first
        return None

    def _described_subject(self, pos: int) -> str | None:
        """The organisation an "it" at ``pos`` stands for where a definite description of one is the subject of its
        sentence before it, or else of the sentence before ("Even with a conservative majority, the court has been a
        target. Shortly after it ruled ...": the Supreme Court the article names); the description opens the sentence
        or the clause after a fronted phrase, no "of" follows it ("the firm of Jane Doe"), and it names the organisation
        ``_org_referent`` finds."""
        lex = lexicon()
        heads = lex.org_heads | lex.company_descriptions | lex.organisation_descriptions | lex.press_descriptions
        for a, b in self._pronoun_sentences(pos):
            m = re.match(r"(?:[^,.;:!?“”\"\n]*,\s*)?[Tt]he ((?:[A-Z][\w’'-]*\s+){1,3})?([a-z]+) ([a-z]+)\b", self.text[a:b])
            if m is None:
                continue
            if m.group(2) in heads and m.group(3) not in {"of", "for", "to"} and not self._has_person(a, a + m.start(2)):
                if m.group(1) and m.group(2) not in _CANDIDATE_BODIES:  # (a campaign: see _campaign_subject)
                    # "The Kazakh government is building ... in what it hopes": the body the name before the head says
                    sub = self._org_named_by(Span.of(self.text, a + m.start(1), a + m.end(2)))
                    return sub if sub is not None else None
                return self._org_referent(m.group(2), a + m.start(2))
            return None
        return None

    def _authored_subject(self, pos: int, speakers: list[tuple[int, Entity]]) -> tuple[Speaker, Entity | None] | None:
        """Whose the thing is that an "it" at ``pos`` stands for, where a definite description of something made or written
        opens its sentence, or else the sentence before ("The report also provided details ... It said current FDIC
        officials ...": the report's author, as the description would get it); None where it names no one."""
        lex = lexicon()
        for a, b in self._pronoun_sentences(pos):
            m = re.match(r"(?:[^,.;:!?“”\"\n]*,\s*)?([Tt]he (?:[\w’'-]+\s+){0,3}?([a-z]+))\s+(?!of\b|for\b|to\b)[a-z]", self.text[a:b])
            if m is None:
                continue
            if m.group(2) in lex.authored_heads and not self._has_person(a, a + m.start(1)):
                sub, ent = self.speaker_of(Span.of(self.text, a + m.start(1), a + m.end(1)), speakers)
                if sub is not None and sub.type != "DESCRIPTION":
                    return replace(sub, evidence="pronoun"), ent
            return None
        return None

    def _authored_before(self, pos: int, speakers: list[tuple[int, Entity]]) -> tuple[Speaker, Entity | None] | None:
        """Whose words an "It says" opening a sentence reports, where the sentence before names something written last
        ("Salceda cited a 2001 memorandum issued by the Philippine immigration agency. It says ..."): that thing's
        author where the sentence says who made it ("by", "from"), as a source naming it would get one; None where it
        names no one."""
        if not _IT_REPORTS.match(self.text, pos) or self._in_quotes(pos):
            return None
        start = self._sentence_start(pos)
        if self.text[start:pos].strip():
            return None
        before = self._sentence_start(max(0, start - 2))
        heads = lexicon().authored_heads
        written = [m for m in re.finditer(r"\b(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\w’'-]+\s+){0,3}?([a-z-]+)\b", self.text[before:start])
                   if m.group(1) in heads]
        if not written:
            return None
        a = before + written[-1].start()
        phrase = re.match(r"[^,;.!?\n]*", self.text[a:start])
        if phrase is None or not re.search(r"\s(?:by|from)\s", phrase.group()):
            return None  # ("... took sensitive documents with them. It said": the report the sentence opened with)
        sub, ent = self.speaker_of(Span.of(self.text, a, a + len(phrase.group())), speakers)
        return (replace(sub, evidence="pronoun"), ent) if sub is not None and sub.type != "DESCRIPTION" else None

    @staticmethod
    def _generic_name(name: str) -> bool:
        """Whether an organisation's "name" holds only words of a kind of body ("PAC", "Super PAC"): none."""
        lex = lexicon()
        words = [_norm(w) for w in name.split()]
        return bool(words) and all(w.strip("'’") in lex.generic_org_words | {"pac"} for w in words)

    def _org_named_by(self, span: Span) -> str | None:
        """The organisation a name before an organisation's head names ("Kazakh government"), as a source would get it."""
        sub, _ = self.speaker_of(span, [])
        return sub.name if sub is not None and sub.type in {"ORG", "GPE"} else None

    def _pronoun_sentences(self, pos: int) -> list[tuple[int, int]]:
        """Where an "it" or "they" at ``pos`` outside quotation marks looks for its subject: its own sentence up to it,
        then the sentence before, each (start, end) outside quotation marks; none for one inside them."""
        if self._in_quotes(pos):
            return []
        start = self._sentence_start(pos)
        spans = ((start, pos), (self._sentence_start(max(0, start - 2)), start))
        return [(a, b) for a, b in spans if a < b and not self._in_quotes(a + 1)]

    def _campaign_subject(self, pos: int) -> str | None:
        """The campaign an "it" or "they" at ``pos`` stands for where a candidate's campaign opens its sentence before it,
        or else the sentence before ("The Trump campaign has spent little on voter data ... It showed $200,000 in
        payments"), or a clause of its own sentence before it does ("The endorsement was one the Clinton campaign had long
        coveted because they are hoping ..."): "<surname> campaign", the name the article's other mentions of that
        campaign get."""
        sentences = self._pronoun_sentences(pos)
        if sentences:
            a, b = sentences[0]
            inner = list(re.finditer(r"\b[Tt]he\s+((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+?)(?:[’']s)?\s+campaign\b", self.text[a:b]))
            between = self.text[a + inner[-1].end() : b] if inner else ""
            if inner and len(between) < 80 and not re.search(r"\b[A-Z]", between) and not self._group_named(a + inner[-1].end(), b):
                person = self.find(_name_tokens(inner[-1].group(1)))
                if person is not None and person.tokens:
                    return f"{_POSSESSIVE.sub('', person.tokens[-1])} campaign"
        for a, b in sentences:
            m = re.match(r"(?:[^,.;:!?“”\"\n]*,\s*)?(?:[Tt]he\s+)?((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+?)(?:[’']s)?\s+campaign\b", self.text[a:b])
            if m is None:
                continue
            person = self.find(_name_tokens(m.group(1)))
            if person is None or not person.tokens:
                return None
            return f"{_POSSESSIVE.sub('', person.tokens[-1])} campaign"
        return None

    def _party_of(self, ent: Entity) -> set[str]:
        """The parties ("democrat", "republican") the article or the public-figures table gives a person: a role's word
        ("Republican presidential candidate", "GOP Sen."), a word right before a mention ("Democrat Jane Doe"), a party
        tag after one ("Jon Tester (D-Mont.)", "Bob Corker, R-Tenn.,")."""
        republican, democratic = _parties()
        words = ent.role_words(year=self.year, former=False)
        for m in ent.mentions:
            before = self.text[max(0, m.start - 14) : m.start].split()
            if before:
                words.add(_norm(before[-1]))
            tag = _PARTY_TAG.match(self.text, m.end)
            if tag:
                words.add({"D": "democrat", "R": "republican"}.get(tag.group(1) or tag.group(2), ""))
        return {side for side, party in (("republican", republican), ("democrat", democratic)) if words & party}

    def _only_one_of_party(self, word: str, pos: int, modifiers: frozenset[str] | set[str] = frozenset()) -> Entity | None:
        """The one person named before ``pos`` whom a description of a party names ("the Democrat"): of that party,
        and holding a role with its other words ("the Nevada Democrat": the Nevada senator) and no role of the other
        party; None where several or none are."""
        republican, democratic = _parties()
        side = "republican" if word in republican else "democrat" if word in democratic else None
        if side is None or word.endswith("s"):
            return None
        before = [e for e in self.persons if e.first < pos]
        if modifiers:
            found = [e for e in before if modifiers <= e.role_words(year=self.year, former=False) and self._party_of(e) <= {side}]
        else:
            found = [e for e in before if side in self._party_of(e)]
        return found[0] if len(found) == 1 else None

    def _sentence_before(self, pos: int) -> int:
        """Where the sentence before the one holding ``pos`` starts."""
        return self._sentence_start(max(0, self._sentence_start(pos) - 2))

    def _opens_clause(self, pos: int) -> bool:
        """Whether ``pos`` opens a sentence or a clause: after a comma or a conjunction ("In the new poll, the
        real estate mogul wins", "said that the nominee wanted"), not after a preposition ("with the candidate
        focused on ...")."""
        return self._sentence_start(pos) == pos or re.search(
            r"(?:,|\b(?:and|but|that|when|while|because|after|before|since|if|as))\s+$", self.text[max(0, pos - 12) : pos]) is not None

    def _sentence_start(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts: after the last full stop, question or
        exclamation mark (and closing quotation mark) followed by a space, or a line break."""
        line = self.text.rfind("\n", 0, pos) + 1
        best = line
        for m in re.finditer(r"[.!?][”\"’]?\s+", self.text[line:pos]):
            if self._ends_sentence(line + m.start()):
                best = line + m.end()
        return best

    def _ends_sentence(self, i: int) -> bool:
        """Whether the mark at ``i`` ends a sentence, not an abbreviation or an initial ("Mr.",
        "U.S.", "J.")."""
        if self.text[i] != ".":
            return True
        if re.match(r"[”\"’]?\s+[a-z]", self.text[i + 1 : i + 4]):
            return False  # "Acme Corp. lost the case": a lower-case word goes on with the sentence
        word = self.text[max(0, i - 12) : i].split()[-1:] or [""]
        w = word[0]
        return not (len(w) <= 1 or "." in w or _norm(w) in lexicon().honorifics or _norm(w) in lexicon().abbreviations)

    def _subjects(self) -> list[tuple[Span, Entity]]:
        """The people named and the definite descriptions naming one, in text order (sorted again when either
        list has grown, or has been sorted: they change in no other way)."""
        sizes = (len(self.person_mentions), len(self.described_mentions))
        if self._subjects_sorted is None or self._subjects_sorted[0] != sizes:
            merged = sorted(self.person_mentions + self.described_mentions, key=lambda x: x[0].start)
            self._subjects_sorted = (sizes, merged)
        return self._subjects_sorted[1]

    def _person_at(self, start: int) -> tuple[int, Entity] | None:
        """The person named as the first words of the sentence starting at ``start`` (titles and
        a determiner may come first), or a definite description that names one, with where: the sentence's subject."""
        mentions = self._subjects()
        lex = lexicon()
        for span, ent in mentions:
            if span.start >= start:
                after = self.text[span.end : span.end + 30].split()[:1]
                if (after and after[0].islower() and _norm(after[0]) in lex.title_words | lex.org_heads
                        and not (_norm(after[0]) in _CANDIDATE_BODIES and _POSSESSIVE.search(self.text[span.start : span.end + 2]))):
                    continue  # "Trump campaign spokesman Jason Miller told ...": a name modifying a title is no subject
                    # (a possessor of a campaign is: "Mr. Sanders's campaign vowed ... he gave")
                if _PLURAL_SUBJECT_AFTER.match(self.text, span.end):
                    continue  # "The Murdoch outlets have been standing in the way": the outlets are the subject
                owned = _POSSESSED_TITLE.match(self.text, span.end)
                if owned is not None and any(_norm(w) in lex.title_words - _CANDIDATE_BODIES for w in owned.groups("")):
                    continue  # "Mr. Trump's campaign chairman, Paul Manafort, dismissed ...": the chairman is the subject
                lead = self.text[start : span.start]
                if lead.split() and _norm(lead.split()[0]) in lex.fronting_prepositions and "," not in lead:
                    continue  # "With Merrick Garland, President Obama made ...": a name in a fronted phrase is no subject
                ok = all(_norm(w) in lex.title_words | lex.honorifics | lex.role_modifiers | lex.org_heads | {"the", "former"} or w[:1].isupper()
                         for w in lead.split())
                # After a fronted phrase: "On the eve of the meetings, Trump eased his tone."; an honorific may come
                # between ("With one foot propping her board ..., Ms. Gil gazed out").
                fronted = re.match(r"(.*?,\s*)(\S+)\s+$", lead, re.S)
                if fronted is not None and _norm(fronted.group(2)) in lex.honorifics:
                    lead_words = fronted.group(1)
                else:
                    lead_words = lead
                ok = ok or re.fullmatch(r"[A-Z][^,.;:“”\"]{0,70},\s*", lead_words) is not None
                return (span.start, ent) if ok and len(lead) < 60 else None
        return None

    def _by_description(self, words: list[str], pos: int, possessor: Entity | None = None, possessive: bool = False) -> Entity | None:
        """The person a description names. One with a possessive ("his lawyer", "Baker's doctor")
        is neither the possessor nor someone whose role is another's ("Clinton's lawyer")."""
        lex = lexicon()
        # A compound's title is its head: "the Republican nominee-in-waiting" is a nominee, "the president-elect" a president.
        words = [w.split("-")[0] if "-" in w and w.split("-")[0] in lex.title_words else w for w in words]
        content = {w for w in words if w not in lex.determiners and w not in {"of", "for", "and", "-"}}
        if not content:
            return None
        parties = [side for side in _parties() if content & side]
        head = [w for w in words if w in lex.title_words or w in lex.synonyms]
        if not head:
            return None
        post = None
        if len(head) > 1 and head[-1] in lex.postpositive_modifiers and words.index(head[-1]) and words[words.index(head[-1]) - 1] == head[-2]:
            post, head = head[-1], head[:-1]  # "the State Department's inspector general": an inspector general, no general
        expanded = set(content)
        for w in content:
            expanded |= lex.synonyms.get(w, frozenset())
            if "-" in w:
                expanded |= set(w.split("-"))
        head_forms = {head[-1]} | lex.synonyms.get(head[-1], frozenset())
        best, best_key = None, (0, False, 0, -1)
        former = "former" in words
        para = self.text.rfind("\n", 0, pos) + 1
        at = len(words) - 1 - words[::-1].index(head[-1])
        rank = words[at - 1] if at and words[at - 1] in lex.rank_modifiers - {"former", "ex"} else None
        # Past the lede (someone was named in the body before it), one named only after the description needs a title
        # the article gives them.
        lede_past = pos >= self.body_start and any(self.body_start <= span.start < pos for span, _ in self.person_mentions)
        # A description may come just before the name it describes; a headline's, anywhere before the body's.
        ahead = len(self.text) if pos < self.body_start else lex.distances["description_ahead"]
        for ent in self.persons:
            if not (ent.roles or ent.known) or ent.first > pos + ahead:
                continue
            role_words = ent.role_words(year=self.year, former=former)
            if not head_forms & role_words or (post is not None and post not in role_words):
                continue  # the head noun must match: "the campaign manager" is not the candidate
            if ent.ranked_only(head[-1], content, self.year):
                continue  # "the president" is no Vice President
            if rank is not None and rank not in role_words:
                continue  # "the deputy head of China's delegation" is no head (President Obama)
            if lede_past and ent.first > pos and not any(head_forms & {_norm(w) for w in r.split()} for o, r in ent.roles if o not in ent.described):
                continue  # named only after it, a title the article gives ties them ("The candidate said ... Trump" is not Trump)
            if len(parties) == 1 and any(role_words & side for side in _parties() if side is not parties[0]) and not role_words & parties[0]:
                continue  # "the GOP front-runner" is not the Democratic front-runner
            if possessive and (ent is possessor or not self._possessed_by(ent, possessor)):
                continue
            last = max((s.start for s in ent.mentions if s.start <= pos), default=-1)
            # Roles the article gives first, then those of the public figure.
            here = last >= para and not self._in_quotes(last)
            key = (len(expanded & role_words), here, len(expanded & ent.role_words(text_only=True, former=former)), last)
            if key > best_key:
                best, best_key = ent, key
        return best

    @staticmethod
    def _possessed_by(ent: Entity, possessor: Entity | None) -> bool:
        """Whether ``ent``'s roles could be ``possessor``'s ("Clinton's lawyer"): a role naming
        another's possession is not, a role naming no one is."""
        owners = [m.group(1) for _, r in ent.roles for m in [re.search(r"([\w-]+)(?:’s|'s)\s", r)] if m]
        if not owners:
            return True
        return possessor is not None and any(_norm(o) in possessor.keys for o in owners)

    def _name_before(self, pos: int) -> str | None:
        """The capitalised name written right before a relative pronoun ("the Daily Beast, which")."""
        m = _NAME_BEFORE.search(self.text, max(0, pos - 80), pos)
        if m is None:
            return None
        words = m.group(1).split()
        lex = lexicon()
        while len(words) > 1 and _norm(words[0]) in lex.prepositions | lex.fronting_prepositions:
            words = words[1:]  # "In Congress, which": Congress
        return " ".join(words)

    def _relative(self, pos: int) -> Entity | None:
        """The person a "who" follows: named just before, or before an apposition ("Tim Canova,
        a law professor who ...")); none after a group ("critics who", "Rubio and Kasich, who")."""
        if self._group_before(pos):
            return None
        name = self._name_before(pos)
        if name is not None:
            ent = self.find(_name_tokens(name))
            if ent is not None:
                return ent  # a person the recogniser labelled otherwise here ("Canova, who")
        for span, ent in reversed(self.person_mentions):
            if span.end <= pos:
                modifier = re.match(r"\s+[a-z]", self.text[span.end : span.end + 3])
                possessive = _POSSESSIVE.search(self.text[span.start : span.end + 2]) is not None
                after_noun = re.search(r"\s(?:a|an|with|of|for)\s+(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?$", self.text[max(0, span.start - 12) : span.start])
                if (modifier or possessive) and (after_noun or self._in_apposition(span.start)):
                    # "Heather Samuelson, a Clinton campaign staffer-turned-legal assistant who", "Yevgeny Kopachko, a pollster
                    # with Mr. Yanukovych's former party who", "David Axelrod, President Barack Obama’s former top adviser, who":
                    # the name modifies a noun; the apposition's name before it
                    continue
                gap = self.text[span.end : pos]
                if re.fullmatch(r"[^,.;:!?“”\"]{0,40},\s+the\s+(?:same\s+)?one\s+", gap):
                    return ent  # "The Roger Ailes we know, the one who built ...": the one is the person named
                copula = re.match(r"\s+" + _alternation(lexicon().role_copulas, "{}") + r"\s", gap)
                apposition = re.match(r"(?:\s+(?:of|from)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})?\s*,", gap)  # "John Kasich of Ohio, a"
                if not apposition and not copula and (_POSSESSIVE.match(gap) or re.search(r"\b(?:a|an|the|another)\s", gap)):
                    # "Sanders's team, a White House official who": the clause is the noun phrase's after it ("Angela Corey is
                    # the state attorney who" is hers)
                    return None
                return ent if self._just_before(span.end, pos) else None
        return None

    def _in_apposition(self, start: int) -> bool:
        """Whether the text at ``start`` continues an apposition set off after the person named just before ("Harold
        Doley, a banker and former Reagan administration official")."""
        before = [span for span, _ in self.person_mentions if span.end <= start]
        if not before:
            return False
        last = max(before, key=lambda span: span.end)
        return re.fullmatch(r",\s+[^,.;:!?“”\"\n]{0,80}", self.text[last.end : start]) is not None

    def _group_before(self, pos: int) -> bool:
        """Whether a relative pronoun at ``pos`` follows a group: a plural noun ("respondents who", "Sanders’
        supporters who"), a group word ("people who", "those who") or two names joined ("Marco Rubio and John
        Kasich, who")."""
        verb = re.match(r"\s*\w+\s+(\w+)", self.text[pos : pos + 40])
        if verb and verb.group(1).lower() in {"are", "were", "have", "do"}:
            return True  # "such as Borders, who are drawn to ...": a plural verb, a group
        m = re.search(r"(\S+)\s*,?\s*$", self.text[max(0, pos - 60) : pos])
        if m is None:
            return False
        word = m.group(1).strip(",")
        if re.fullmatch(r"\d[\d.,]*%|percent", word):
            return True  # "18% who say they would be dissatisfied": a share of people
        low = _norm(word)
        if word.islower() and word.isalpha() and (low in lexicon().group_nouns or (
                len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")))):
            return True
        names = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
        if re.search(rf"{names}\s+and\s+{names},?\s*$", self.text[max(0, pos - 80) : pos]) is None:
            return False
        # Two names joined, with a verb in the plural ("Rubio and Kasich, who show"); a past tense or a modal
        # leaves the last name ("Patti LaBelle and Stevie Wonder, who joked").
        verb = re.match(r"\s*\w+\s+(\w+)", self.text[pos : pos + 40])
        v = verb.group(1).lower() if verb else ""
        return v in {"are", "were", "have", "do"} or (v.isalpha() and not v.endswith(("s", "ed")) and v not in lexicon().modal_words)

    def _just_before(self, end: int, pos: int) -> bool:
        gap = self.text[end:pos]
        for part in gap.split(","):
            if re.search(r"\b(?:from|and|by|to|with)\s+[A-Z][\w’'-]+\s+[A-Z][\w’'-]+", part) and not re.search(r"\b(?:the|a|an)\s", part):
                return False  # "..., and $100,000 from Harlan Crow, a Texas developer, who": someone else the recogniser missed
        near = lexicon().distances
        plain = re.sub(r"\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr)\.", "", gap)  # "a pollster with Mr. Yanukovych's party": no sentence end
        # (where the person comes from may stand before the apposition: "Sen. Dianne Feinstein of California, the ranking
        # Democrat on the Senate Intelligence Committee, who")
        opened = re.sub(r"^\s+(?:of|from)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}(?=\s*,)", "", gap)
        return len(gap) < near["close_gap"] or (
            len(gap) < near["apposition_gap"] and opened.lstrip().startswith(",") and not re.search(r"[.!?;:\n“”\"]", plain))

    def _relative_org(self, pos: int) -> Speaker | None:
        """The organisation a "which" or "that" follows ("the Daily Beast, which ...")."""
        name = self._name_before(pos)
        label = self._mention_label(pos - len(name) - 3, pos) if name is not None else None
        restrictive = not re.search(r",\s*$", self.text[max(0, pos - 3) : pos])
        if name is not None and restrictive and label in {"GPE", "LOC", "NORP"}:
            name = None  # "an ad targeting Iowa that attacks": a place takes no restrictive clause; the noun before it does
        if name is not None and label not in {"PERSON", "DATE", "TIME", "CARDINAL"}:
            toks = _name_tokens(name)
            if toks and self.find(toks) is None and _norm(toks[-1]) not in lexicon().title_words:
                return Speaker(self.fullest_org(_org_name(name), "ORG"), None, "ORG", "pronoun")
        for m in reversed(self.mentions):
            if m.end <= pos:
                if m.label in {"ORG", "GPE"} and self._just_before(m.end, pos):
                    if re.match(r"\s+[a-z]", self.text[m.end : pos]) and not _POSSESSIVE.search(self.text[m.start : m.end]):
                        return None  # "the Wisconsin lawsuit, which": the name modifies the noun the clause is about (not "the RNC's platform")
                    if m.label == "GPE" and restrictive:
                        return None
                    return Speaker(self.org_name(m), None, m.label, "pronoun", Span.of(self.text, m.start, m.end))  # type: ignore[arg-type]
                if m.label in {"ORG", "GPE", "PERSON"}:
                    return None
        return None

    def org_name(self, m: Mention) -> str:
        """An organisation's fullest name in the article (see ``fullest_org``)."""
        return self.fullest_org(_org_name(self.text[m.start : m.end]), m.label)

    def _outlet_described(self, src: Span, head_raw: list[str]) -> str | None:
        """An outlet's name followed by what the article calls it ("the nationalist Global Times tabloid", "Time magazine"):
        the name, where the recogniser took the capitalised words before the lowercase description for an organisation."""
        lex = lexicon()
        if len(head_raw) < 2 or not head_raw[-1].islower() or _norm(head_raw[-1]) not in lex.press_descriptions:
            return None
        k = j = len(head_raw) - 1
        while j > 0 and head_raw[j - 1][:1].isupper() and not _POSSESSIVE.search(head_raw[j - 1]):
            j -= 1
        if j == k:
            return None
        at = src.start + src.text.rfind(head_raw[j], 0, src.text.rfind(head_raw[k]))
        end = src.start + src.text.rfind(head_raw[k - 1]) + len(head_raw[k - 1])
        if at < src.start or self._mention_label(at, end) not in {"ORG", "WORK_OF_ART"}:
            return None
        return self.fullest_org(_org_name(self.text[at:end]), "ORG")

    def _spelled_out(self, acronym: str) -> str | None:
        """The one capitalised phrase of the article whose initials are ``acronym`` (three letters or more), though no
        mention covers it: "BLM" where the text writes "Black Lives Matter activists" (the recogniser found no name)."""
        if len(acronym) < 3 or not acronym.isalpha():
            return None
        small = r"(?:(?:of|for|and|the|on|in|at|&)\s+)*"
        pattern = r"(?<![\w’'-])" + (r"\s+" + small).join(rf"{c}[\w’'-]*" for c in acronym) + r"(?![\w’'-])"
        found = {_org_name(m.group()) for m in re.finditer(pattern, self.text) if _initials(m.group()) == acronym}
        found = {f for f in found if _norm(f.split()[0]) not in _first_names()}  # "Ann Parker" is no AP
        return found.pop() if len(found) == 1 else None

    def fullest_org(self, name: str, label: str) -> str:
        """The fullest name the article gives an organisation: "Daily News" is the New York Daily
        News named elsewhere ("the Herald", The Miami Herald)."""
        words = name.split()
        if not words:
            return name
        nickname = lexicon().org_nicknames.get(name.lower().removeprefix("the "))
        if nickname:
            return nickname  # "the GOP" is the Republican Party, in every article
        named = [_org_name(self.text[o.start : o.end]) for o in self.mentions if o.label == label]  # every name of that type
        longer = [n for n in named if len(n.split()) > len(words)]
        never = lexicon().not_referents.get(name.lower(), frozenset())  # "House" is no White House
        editions = lexicon().edition_words  # ("International New York Times": an edition of The New York Times, no fuller name)
        ending = [n for n in longer if n.split()[-len(words) :] == words and n.lower() not in never
                  and not (n.split()[-len(words) - 1].lower() in {"and", "or"}  # ("Alphabet and Facebook": two of them)
                           and " ".join(n.split()[: -len(words) - 1]) in named)
                  and not all(_norm(w) in editions for w in n.split()[: -len(words)])
                  and not any(m != n and n.endswith(" " + m) and all(_norm(w) in editions for w in n[: -len(m)].split()) for m in longer)]
        if ending and not (len(words) == 1 and _ACRONYM.fullmatch(words[0])):  # "the SVP" is not its youth wing, "Junge SVP"
            return max(ending, key=len)
        # An acronym of a name the article gives: "AP" is the Associated Press, "SEIU" the Service Employees
        # International Union (one name only: two with the same initials leave it as it is).
        short = len(words) == 1 and not _ACRONYM.fullmatch(words[0]) and words[0].lower() in lexicon().org_acronyms
        if short:  # "the Fed": the Federal Reserve the article names
            known = lexicon().org_acronyms[words[0].lower()].lower()
            named = [n for n in longer if n.lower().endswith(known)]
            if named:
                return min(named, key=len)
        if len(words) == 1 and _ACRONYM.fullmatch(words[0]):
            known = lexicon().org_acronyms.get(words[0].replace(".", "").lower(), "").lower()
            # (any name but the initials themselves: "Hewlett-Packard" is one word and HP)
            spelled = {n for n in set(named) - {name} if _initials(n) == words[0].replace(".", "") or (known and n.lower() == known)}
            if len(spelled) == 1:
                return spelled.pop()
            # What the article says it stands for: "the Swiss People’s Party, or SVP,", "Campaign for an Independent and
            # Neutral Switzerland (AUNS)", whatever language its letters come from.
            said = re.search(
                r"((?:[A-Z][\w’'&.-]*\s+(?:(?:of|for|and|an|the|on|in|at|to)\s+)*){0,7}[A-Z][\w’'&.-]*)(?:,\s+or\s+|\s+\(\s*)"
                + re.escape(words[0]) + r"\b",
                self.text,
            )
            if said:
                return _org_name(said.group(1))
            in_text = self._spelled_out(words[0].replace(".", ""))
            if in_text is not None:
                return in_text
        lex = lexicon()
        # A one-word short form of a press name: "Fox" is the Fox News the article names.
        starting = {n for n in longer if len(words) == 1 and n.split()[0] == words[0] and _last_word(n) in lex.press_names}
        if len(starting) == 1:
            return starting.pop()
        # A name the article gives in full with what it is for or of: "Brennan Center" is the Brennan Center for Justice.
        qualified = {n for n in longer if len(words) > 1 and n.split()[: len(words)] == words and n.split()[len(words)] in {"for", "of", "on"}}
        if len(qualified) == 1:
            return qualified.pop()
        if len(words) > 1 and not qualified and words[-1][:1].isupper():
            # The same where the recogniser cut the name short: "European Centre" of "the European Centre for a Modern Ukraine".
            written = {_org_name(m.group(0)) for m in _rx(
                re.escape(name) + r"\s+(?:for|of)\s+(?:(?:a|an|the|and|of|for)\s+|[A-Z][\w’'&-]*\s+){0,5}[A-Z][\w’'&-]*").finditer(self.text)}
            calendar = lexicon().calendar_words
            written = {n for n in written if not {_norm(w) for w in n.split()} & calendar}
            if len(written) == 1:
                return written.pop()
        if len(words) != 1 or label != "ORG" or starting or name in self._places:
            return name  # (a place the recogniser names elsewhere, "Wisconsin", is no "Wisconsin Alliance for Reform")
        # Names the recogniser missed, as the text writes them: "the Herald" is "The Miami Herald", "Brookings" the
        # "Brookings Institution" (the shortest that ends in an organisation's word; no sentence end, date or verb in it).
        def plain(n: str) -> bool:
            return ". " not in n and not {_norm(w) for w in n.split()} & (
                _first_names() | lex.calendar_words | lex.imperatives | _sentence_openers() | lex.clause_words | lex.indefinite_determiners | {"all"})

        heads = lex.press_names | lex.org_name_heads
        found: set[str] = set()
        if _last_word(name) in lex.press_names and not name.isupper():  # "Herald", "Post"; not a brand ("CNN")
            found |= {_org_name(m.group(1) + name) for m in re.finditer(
                r"(?<![\w’'])((?:[A-Z][\w.&-]*[ \t]+){1,3})" + re.escape(name) + r"\b", self.text)}
        for m in _rx(r"(?<![\w’'-])" + re.escape(name) + r"((?:[ \t]+[A-Z][\w.'’&-]*){1,3})\b").finditer(self.text):
            joined = re.search(r"([A-Z][\w.'’&-]*)[ \t]+$", self.text[max(0, m.start() - 40) : m.start()])
            if joined is not None and _norm(joined.group(1)) not in lex.determiners:
                continue  # part of a longer name: "White House Office" gives no "House Office"
            tail = m.group(1).split()
            k = next((k for k in range(1, len(tail) + 1) if _last_word(tail[k - 1]) in heads), None)
            if k is not None:
                found.add(_org_name(" ".join([name, *tail[:k]])))
        found = {n for n in found if len(n.split()) > 1 and plain(n)}
        return found.pop() if len(found) == 1 else name

    def _mention_label(self, start: int, end: int) -> str | None:
        for m in self.mentions:
            if m.start < end and start < m.end:
                return m.label
        return None

    def speaker_of(self, src: Span, speakers: list[tuple[int, Entity]]) -> tuple[Speaker | None, Entity | None]:
        lex = lexicon()
        lead = re.match(r"(?:[\s,;:]|(?:and|but|or)\b)+", src.text)
        if lead and lead.end() < len(src.text):
            src = Span.of(self.text, src.start + lead.end(), src.end)  # ", and Suu Kyi, a Nobel Peace Prize winner": what the tagger opened early
        if len(src.text) > 2 and src.text[0] in "‘“\"'" and src.text[-1] in "’”\"'":
            src = Span.of(self.text, src.start + 1, src.end - 1)  # "‘Time’ Just Announced ...": a name in quotation marks
        if len(src.text) > 2 and src.text[0] in "([" and src.text[-1] in ")]" and src.text[1:-1].count("(") == src.text[1:-1].count(")"):
            src = Span.of(self.text, src.start + 1, src.end - 1)  # "(Donald J. Trump)": a name in brackets
        trimmed = src.text.rstrip()
        if len(trimmed) > 2 and trimmed[-1] == ")" and trimmed.count("(") < trimmed.count(")"):
            src = Span.of(self.text, src.start, src.start + len(trimmed) - 1)  # "Donald J. Trump)": a bracket the tagger closed
        if len(src.text) > 2 and src.text[0] == "(" and src.text.count("(") > src.text.count(")"):
            src = Span.of(self.text, src.start + 1, src.end)  # "(Donald J. Trump": one it opened
        dash = re.search(r"\s+(?:—|–|--?)\s*$", src.text)
        if dash and dash.start() > 0:
            src = Span.of(self.text, src.start, src.start + dash.start())  # "Indiana Gov. Mike Pence —": the dash that closes an apposition
        raw = [t for t in _TOKEN.findall(src.text)]
        words = [_norm(t) for t in raw if _norm(t)]
        if not words:
            return None, None
        letters = [c for c in src.text if c.isalpha()]
        if len(letters) >= 4 and all(c.isupper() for c in letters) and self.text[src.end : src.end + 2].strip()[:1] != ":":
            # "HOW CHINA’S DECLINE AFFECTS THE REST OF THE WORLD", "NEW HAMPSHIRE SHOWS STRONG TRUMP LEAD": a heading in
            # capitals taken for a source names no one (a transcript's label, "JOHN F. KENNEDY JR.:", is a name)
            after = re.match(r"[\s,’'-]*((?:[A-Z][A-Z’'.,-]*\s+){0,3})", self.text[src.end : src.end + 60])
            known = len(raw) <= 3 and self.find([_POSSESSIVE.sub("", t) for t in raw]) is not None  # ("OBAMA PLANS ...": Barack Obama)
            if len(raw) + len((after.group(1) if after else "").split()) >= 4 and not known:
                return None, None
        if re.match(r"(?:no\s+one|nobody|none|anyone|anybody|everyone|everybody|someone|somebody)\b", src.text, re.IGNORECASE):
            return Speaker(src.text.strip(), None, "DESCRIPTION", "unresolved"), None  # "No one outside the board ...": no one named
        if (len(raw) > 2 and words[0] in lex.quantifiers - {"one", "each", "either", "neither", "first", "last", "any", "none", "rest"}
                and raw[1].islower() and re.search(r"[^s]s$", raw[1])
                and any(m.label == "PERSON" and src.start <= m.start and m.end <= src.end for m in self.mentions)):
            # "Several superdelegates supporting Sanders": a group, no one it names
            return Speaker(src.text[src.text.index(raw[1]) :].strip(" ,"), None, "DESCRIPTION", "unresolved"), None
        # Head phrase: before an apposition ("Rendell, a Clinton surrogate,") or relative clause;
        # the name when a role comes first ("a Soviet agent, Channing Tatum,").
        parts = re.split(r",|\bwho\b|\(| -- | - | – | — ", src.text)  # (a spaced hyphen for a dash: "Deborah Jordan Reynolds - Santilli's")
        head_text = parts[0].strip() or src.text
        first_words = parts[0].split()
        if len(parts) > 1 and any(w.islower() and re.search(r"[^s]s$", w) and (_norm(w)[:-1] in _person_words() or _norm(w) in lex.group_heads)
                                  for w in first_words):
            # "The Republican senators running for president -- Ted Cruz of Texas, ... and Marco Rubio of Florida --": a group
            # the people named after it make up, no one of them
            listed = {id(ent) for span, ent in self.person_mentions if src.start + len(parts[0]) <= span.start and span.end <= src.end}
            if len(listed) >= 2:
                return Speaker(head_text, None, "DESCRIPTION", "unresolved"), None
        # (someone's description names no one: "Corker's usual negotiating partner", "Elliott's father")
        someones = (len(first_words) > 1 and _POSSESSIVE.search(first_words[0]) is not None and first_words[-1].islower()
                    and not re.search(r"[^s]s$", first_words[-1]))  # (not several: "Trump's leading Republican rivals, Sens. ...")
        if len(parts) > 1 and (someones or not self._names_a_person(src.start, src.start + len(parts[0]))):
            sep = re.match(r",| -- | - | – | — |\bwho\b|\(", src.text[len(parts[0]) :])
            at = src.start + len(parts[0]) + (len(sep.group(0)) if sep else 1)
            second = parts[1].strip()
            if second and self._has_person(at, at + len(parts[1])) and (second[:1].isupper() or _AGED.match(second)):
                head_text = second
            elif (second and first_words and first_words[-1].islower() and re.match(r",", src.text[len(parts[0]) :])
                  and (_norm(first_words[0]) in lex.determiners | lex.indefinite_determiners or _POSSESSIVE.search(first_words[0]))
                  and any(m.label == "ORG" and (m.start, m.end) == (at + len(parts[1]) - len(parts[1].lstrip()), at + len(parts[1].rstrip()))
                          for m in self.mentions)):
                head_text = second  # "The company's largest rival, Stratus,": the organisation named after its description
            elif (
                second
                and re.match(r",| -- | – | — ", src.text[len(parts[0]) :])
                and (_norm((first_words or [""])[0]) in lex.determiners | lex.indefinite_determiners  # a description first, no name
                     or someones)  # (or someone's: "Corker's usual negotiating partner, committee ranking Democrat Sen. Benjamin L. Cardin")
                and not (first_words[-1].islower() and re.search(r"[^s]s$", first_words[-1]))  # ("The aides, led by ... Terry Sullivan,")
                and not re.match(r"(?:including|like|such as|and|or|especially)\b", second)
            ):
                # "Another diplomat, former special envoy to Chile Paul Danner,": the name that ends the second part.
                end = at + len(parts[1].rstrip())
                last_name = next((m for m in self.mentions if m.label == "PERSON" and m.end == end and m.start >= at), None)
                if last_name is not None:
                    head_text = self.text[last_name.start : last_name.end]
        # "experts like Paul Bauman", "political outsiders such as Ben Carson": a group, its examples named, no one of
        # them the speaker; the one person named stays the one a later "he" may mean.
        pm = re.match(r"(?:[\w’'-]+\s+){0,4}?([A-Za-z][\w-]*[^su]s)\s*,?\s+(?:such\s+as|like|including)\s", head_text)
        if pm and (pm.group(1)[1:].islower() or _norm(pm.group(1)) in lex.group_heads):  # a plural common noun
            examples = {id(ent): ent for span, ent in self.person_mentions if src.start <= span.start and span.end <= src.end}
            example = next(iter(examples.values())) if len(examples) == 1 else None
            return Speaker(head_text.strip(), None, "DESCRIPTION", "unresolved"), example
        # "Opponents of allowing Syrian refugees into the United States": a capitalised plural head before a preposition.
        pm = re.match(r"([A-Z][a-z-]+)\s+(?:of|to|for|at|from|in|on|with)\s", head_text)
        head_at = src.start + max(0, src.text.find(head_text))
        if pm and any(m.label == "ORG" and m.start <= head_at and head_at + len(head_text.rstrip()) <= m.end for m in self.mentions):
            pm = None  # an organisation's name: "Americans for Prosperity"
        if pm and (_norm(pm.group(1)) in lex.group_heads or _norm(pm.group(1)).rstrip("s") in _person_words()) and not (
                _norm(pm.group(1)) in lex.title_words - lex.org_heads
                and self._has_person(src.start + src.text.find(head_text) + pm.end(), src.end)):
            head_text = pm.group(1)  # (a title with a name after it is the name's: "Secretary of State John F. Kerry")
        # "The pair of editorials": what is meant is in the "of" phrase.
        pm = re.match(r"((?:the|a|an|this|that)\s+)?" + _alternation(lex.quantity_heads, "{}") + r"\s+of\s+(.+)", head_text, re.I)
        if pm:
            head_text = (pm.group(1) or "") + pm.group(2)
        # "advisers to Mr. Obama": the head is before a preposition that follows a common noun.
        pm = re.match(r"(.*?\b[a-z][\w-]*)\s+(?:to|of|for|from|at|with|in|on|by)\s", head_text)
        head_at = src.start + max(0, src.text.find(head_text))
        first_word = _norm((head_text.split() or [""])[0])
        plural = first_word in lex.group_heads or (first_word.endswith("s") and first_word[:-1] in lex.title_words)
        bare = first_word not in lex.determiners | lex.indefinite_determiners and not plural
        if pm and bare and self._ends_in_person((head_at + pm.end(), head_at + len(head_text.rstrip()))):
            pm = None  # "master of ceremonies Asab Al-Tabchi": a title, then the name ("a spokesman for ... Clinton" is someone else)
        if pm and not re.search(r"\b" + _alternation(lex.of_phrase_heads, "{}", capitalised=True) + r"\s*$", pm.group(1)):
            head_text = pm.group(1)
        else:
            # "the former CEO of Hewlett-Packard": an upper-case title before "of" heads the phrase too.
            pm = re.match(r"((?:the|a|an|former|\s)+\b([A-Z]{2,5}))\s+(?:of|at|for)\s", head_text, re.I)
            if pm and _norm(pm.group(2)) in lex.title_words:
                head_text = pm.group(1)
        # "the super PAC backing Hillary Clinton": an organisation, named by whom it works for.
        pm = _works_for().match(head_text)
        if pm and _norm(pm.group(1).split()[-1]) in lex.org_heads | lex.org_role_heads:
            head_text = pm.group(1)
        # "Representative Charles B. Rangel of New York": a person's name, then where they are from.
        pm = re.match(r"(.*?[A-Z][\w.'’-]*)\s+(?:of|from|at|in)\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?[A-Z]", head_text)
        at = src.start + src.text.find(pm.group(1)) if pm else 0
        if pm and any(m.label == "PERSON" and m.end == at + len(pm.group(1)) and m.start >= at for m in self.mentions):
            head_text = pm.group(1)  # also after a party's name ("Republican Rep. Lee Zeldin of New York")
        head_raw = [t for t in _TOKEN.findall(head_text) if _norm(t)]
        while len(head_raw) > 1 and head_raw[-1].islower() and _norm(head_raw[-1]) in lex.head_tail_words:
            head_raw.pop()  # "Sanders himself", "The party today"
        # "The report published Tuesday", "his speech released by the White House": the head ends before the participle.
        cut_at = next(
            (
                k
                for k, t in enumerate(head_raw)
                if k > 1
                and t.islower()
                and t.endswith("ed")
                and t not in {"named", "called", "dubbed", "nicknamed"}  # "a ... entrepreneur named Donald Trump"
                and _norm(t) not in lex.title_words
                and head_raw[k - 1].islower()
                and _norm(head_raw[k - 1]) not in lex.clause_words  # "Everyone I interviewed"
            ),
            None,
        )
        if cut_at is not None:
            head_raw = head_raw[:cut_at]
        head = [_norm(t) for t in head_raw]
        while head and head[0] in lex.determiners and not _names_with(head_raw):
            head, head_raw = head[1:], head_raw[1:]
        if not head:
            head, head_raw = words, raw
        description = _description(src.text)

        if src.text.strip().lower() == "self" and re.match(r"-(?:described|proclaimed|styled|identified|declared)", self.text[src.end : src.end + 12]):
            # "Sanders, a senator ... and self-described democratic socialist": who describes is whom the description is of.
            ent = self._relative(src.start)
            if ent is None:
                start = self._sentence_start(src.start)
                ent = next((e for span, e in self.person_mentions if start <= span.start < src.start), None)
            return (self._speaker(ent, src.start, "pronoun"), ent) if ent is not None else (None, None)
        if (words[0] == "whose" and 1 < len(words) <= 4
                and words[-1] in lex.org_heads | lex.organisation_descriptions | lex.company_descriptions | lex.press_descriptions):
            # "said Mr. Franklin, whose organization does not endorse ...": the organisation the person's role names
            whose = self._relative(src.start)
            org = self._org_in_roles(whose) if whose is not None else None
            if org is not None:
                return Speaker(org, None, "ORG", "description"), None
            if whose is not None and words[-1] == "campaign" and whose.tokens and whose.role_words(year=self.year) & lex.candidacy_words:
                # "Sanders, whose populist campaign harkened back ...": the candidate's campaign
                return Speaker(f"{_POSSESSIVE.sub('', whose.tokens[-1])} campaign", None, "ORG", "description"), None
        if len(words) <= 2 and words[0] in lex.relative_pronouns and not (words[0] == "whose" and len(words) > 1):  # "whose members": theirs
            if len(words) == 1 and re.search(r"\S,?\s+and\s+$", self.text[max(0, src.start - 8) : src.start]):
                # "A president who authorized the raid that killed Osama bin Laden and who hoped ...": the head of the
                # relative clause the first one opens, not the last name before "and"
                sentence = self._sentence_start(src.start)
                opened = [m for m in re.finditer(r"\b" + re.escape(src.text.strip()) + r"\b", self.text[sentence : src.start])]
                if opened and not self._in_quotes(sentence + opened[0].start()):
                    at = sentence + opened[0].start()
                    return self.speaker_of(Span.of(self.text, at, at + len(src.text.strip())), speakers)
            if words[0] in {"which", "that"}:
                # "Mr. Trump's remarks, which have included ...": what a person said or wrote is theirs.
                m = _AUTHORED_BEFORE.search(self.text, max(0, src.start - 80), src.start)
                if m is not None and _norm(m.group(2)) in lex.authored_heads:
                    ent = self.find(_name_tokens(m.group(1)))
                    if ent is not None:
                        return self._speaker(ent, src.start, "pronoun"), None  # what they said is the subject, not they
                relative_org = self._relative_org(src.start)
                thing = _AUTHORED_NP_BEFORE.search(self.text, max(0, src.start - 80), src.start)
                if relative_org is None and thing is not None and (
                        _norm(thing.group(1)) in lex.authored_heads or _norm(thing.group(1)).removesuffix("s") in lex.authored_heads):
                    # "her new Iowa ad, which promises ...", "that headline, which mirrors ...": whose the thing is
                    sub, ent = self.speaker_of(Span.of(self.text, thing.start(), thing.end(1)), speakers)
                    if sub is not None and sub.type != "DESCRIPTION":
                        return replace(sub, evidence="pronoun"), ent
                if (relative_org is None and thing is not None and re.match(r"\s*,\s*$", self.text[thing.end(1) : src.start])
                        and _norm(thing.group(1)) in lex.org_heads | lex.organisation_descriptions | lex.company_descriptions):
                    # "Clinton’s campaign, which has bristled ...", "the company, which ...": the organisation the phrase names
                    sub, _ = self.speaker_of(Span.of(self.text, thing.start(), thing.end(1)), speakers)
                    if sub is not None and sub.type == "ORG":
                        return replace(sub, evidence="pronoun"), None
                return relative_org, None
            ent = self._relative(src.start)
            if ent is None:
                # "the former president, who spent ...", "the candidate who launched ...": whom the description names.
                m = _DESCRIPTION_BEFORE.search(self.text, max(0, src.start - 80), src.start)
                if m is not None and _norm(m.group(2).split()[-1]) in _person_words():
                    sub, ent = self.speaker_of(Span.of(self.text, m.start(1), m.end(2)), speakers)
                    if sub is not None and sub.type == "PERSON" and ent is not None:
                        return self._speaker(ent, src.start, "pronoun"), ent
                # "He was a desperate man who took his own life": the subject the description is said of.
                m = _SAID_OF_BEFORE.search(self.text, max(0, src.start - 100), src.start)
                said = _norm(m.group(2).split()[-1]) if m is not None else ""
                if m is not None and re.search(r"\bone\s+of\s+(?:[\w’'-]+\s+){0,4}[\w’'-]+\s*$", m.group(0)) and (
                        said.endswith("s") or said in {"men", "women", "people", "children"}):
                    m = None  # "one of two women who publicly declared their allegiance": the group's clause
                # (a head in the singular that names no thing: "a serial liar, ... birther and bully who")
                if m is not None and (said in _person_words() | lexicon().generic_person_heads
                                      or (said.isalpha() and not said.endswith("s") and said not in lex.authored_heads | lex.org_heads)):
                    sub, ent = self.speaker_of(Span.of(self.text, m.start(1), m.end(1)), speakers)
                    if sub is not None and sub.type == "PERSON" and ent is not None:
                        return self._speaker(ent, src.start, "pronoun"), ent
                return None, None
            return self._speaker(ent, src.start, "pronoun"), ent
        if len(words) == 1 and words[0] in lex.first_person_pronouns and not self._in_quotes(src.start):
            # "I" outside quotation marks in an answer a transcript's label opens ("Ruiz: Yes. ... I expect them ...") is
            # the person of that label; elsewhere the writer: a letter's signature, an op-ed's author line; no one else.
            line = self.text.rfind("\n", 0, src.start) + 1
            answer = _ANSWER_LABEL.match(self.text, line)
            answerer = self.find([_norm(t) for t in answer.group(1).split()]) if answer is not None and answer.end() <= src.start else None
            if answerer is None and _QA_ANSWER.match(self.text, line) and len(_QA_ANSWER.findall(self.text)) >= 2:
                answerer = self._interviewee()  # "A: Because they needed help, I think.": whom the interview is with
            if answerer is not None:
                return self._speaker(answerer, src.start, "pronoun"), None
            return self._writer(src.start)
        if len(words) == 1 and words[0] in lex.person_pronouns:
            gender = "f" if words[0] in {"she", "her"} else "m" if words[0] in {"he", "him", "his"} else None
            if gender is not None and self._unnamed_subject(src.start, gender):
                return None, None  # "A 29-year-old Berlin woman received probation after she had posted": no one named
            # "“...,” he told Hannity": not the person the same clause names after the pronoun.
            others = self._named_in_clause_after(src.end) | self._reported_on(src.start, src.end) | self._named_in_own_quotation(src.start)
            ent = self._list_item_subject(src.start, gender, others) or self._cataphora(src.start, src.end, gender)
            ent = ent or self._subject_before(src.start, gender, speakers)  # the subject by salience, else the person quoted last
            if ent is None:
                ent = self._chained(src.start, gender, speakers)
            if ent is None or id(ent) in others:
                recent = self._recent_person(src.start, speakers, gender, others)
                if ent is None and gender is not None and recent is not None and self._unnamed_before(src.start, gender, speakers):
                    # "One woman adopted from Iran ... did not learn of her status. ... she used to vote": not someone named
                    # further back (where no one is, the person named next may be the one the description stands for)
                    return None, None
                ent = recent
            if ent is None:  # no one before it in the body: whom the headline names, else the person named next
                ent = self._named_in_headline(src.start, gender, others) or self._named_next(src.end, gender, others)
            return (self._speaker(ent, src.start, "pronoun"), ent) if ent else (None, None)
        if len(words) == 1 and words[0] in lex.plural_pronouns | {"it", "its"}:
            # "they", "it": the organisation quoted last, if recent, and no group of people named since in this
            # sentence or the one before ("Workers objected ... They also said": the workers, no one of them).
            if words[0] == "it":
                made = self._authored_before(src.start, speakers)
                if made is not None:
                    return made  # "a 2001 memorandum issued by the Philippine immigration agency. It says": its maker
            if words[0] == "it" and self.text[self._sentence_start(src.start) : src.start].strip():
                # An "it" inside its sentence is first the organisation the sentence opens with ("Facebook regularly
                # discloses ..., but it does not break out ..."), not the one quoted last
                subject = self._org_subject(src.start)
                if subject is not None:
                    return Speaker(self.org_name(subject), None, subject.label, "pronoun", Span.of(self.text, subject.start, subject.end)), None  # type: ignore[arg-type]
            for p, sp in reversed(self._org_speakers):
                if src.start - p < lex.distances["plural_to_org"]:
                    if words[0] == "they" and self._group_named(max(p, self._sentence_before(src.start)), src.start):
                        return None, None
                    if words[0] == "they" and sp.type == "GPE":
                        break  # a country or city is "it"; "they" after one is its people or officials, unnamed
                    return Speaker(sp.name, sp.role, sp.type, "pronoun", sp.mention), None
                break
            if words[0] == "its":
                its_of = self._its_owner(src.start)
                if its_of is not None:
                    return Speaker(self.org_name(its_of), None, its_of.label, "pronoun", Span.of(self.text, its_of.start, its_of.end)), None  # type: ignore[arg-type]
            if words[0] in {"it", "its"}:
                subject = self._org_subject(src.start)
                if subject is not None:
                    return Speaker(self.org_name(subject), None, subject.label, "pronoun", Span.of(self.text, subject.start, subject.end)), None  # type: ignore[arg-type]
                org = self._described_subject(src.start)
                if org is not None:
                    return Speaker(org, None, "ORG", "pronoun"), None
                made = self._authored_subject(src.start, speakers)
                if made is not None:
                    return made
                in_sentence = self._org_before_in_sentence(src.start)
                if in_sentence is not None:
                    return (Speaker(self.org_name(in_sentence), None, in_sentence.label, "pronoun",  # type: ignore[arg-type]
                                    Span.of(self.text, in_sentence.start, in_sentence.end)), None)
            campaign = self._campaign_subject(src.start)
            if campaign is not None:
                return Speaker(campaign, None, "ORG", "pronoun"), None
            return None, None
        if not description:
            return None, None  # a stray determiner ("the") tagged as the source names no one
        # "a newly elected Bush", "an angry Sanders": lower-case words between an article and a person's name are no part of it
        epithet_end = head_at + len(head_text.rstrip())
        named_last = next(((span, ent) for span, ent in self.person_mentions if span.end == epithet_end and src.start < span.start), None)
        if named_last is not None and re.fullmatch(r"\s*(?:[Aa]n?|[Tt]he)\s+(?:[a-z][\w-]*\s+){1,3}", self.text[src.start : named_last[0].start]):
            return self._speaker(named_last[1], src.start, "alias"), named_last[1]
        # "Sanders's hometown Burlington Free Press", "the Koch-backed advocacy group Americans for Prosperity": lower-case words
        # between a determiner or a possessive and an organisation's name that ends the source describe it
        org_named = next((m for m in self.mentions if m.label == "ORG" and m.end == src.end and src.start < m.start
                          and _norm(self.text[m.start : m.end]) not in lex.title_words), None)  # ("Trump’s potential VP": a title)
        org_described = re.fullmatch(r"\s*(?:[Aa]n?|[Tt]he|[A-Z][\w’'.-]*(?:’s|'s|’|'))\s+(?:[A-Z][\w’'-]*-[a-z][\w-]*\s+)?(?:[a-z][\w-]*\s+){1,3}",
                                 self.text[src.start : org_named.start]) if org_named is not None else None
        org_modifiers = [_norm(w) for w in re.findall(r"[\w’'-]+", org_described.group(0))[1:]] if org_described is not None else []
        if org_described is not None and (
                any(w in lex.prepositions | lex.determiners | lex.poll_heads | lex.authored_heads | _person_words() for w in org_modifiers)
                or not (_POSSESSIVE.search(org_described.group(0).split()[0]) or org_modifiers[-1] in lex.org_role_heads)):
            org_described = None  # ("a new statewide poll by the Public Policy Institute", "the group's founder, ..."): no such name
        if org_named is not None and org_described is not None:
            return Speaker(self.fullest_org(_org_name(self.text[org_named.start : org_named.end]), "ORG"), None, "ORG", "named"), None
        whole = next((m for m in self.mentions if m.label == "ORG" and m.end == src.end and _LISTED_NAME_TAIL.search(self.text[m.start : m.end])
                      and re.fullmatch(r"(?:[Tt]he\s+)?", self.text[src.start : m.start])), None)
        if whole is not None:
            # "the National Academies of Sciences, Engineering and Medicine": one name, commas and all
            return Speaker(self.fullest_org(_org_name(self.text[whole.start : whole.end]), "ORG"), None, "ORG", "named"), None
        if words[0] == "the" and 0 < len(head) <= 3 and all(t[:1].isupper() for t in head_raw):
            # "the Democrat", "the Ohio Republican": the one person named before whom the article gives that party.
            ent = self._only_one_of_party(head[-1], src.start, set(head[:-1]))
            if ent is not None:
                return self._speaker(ent, src.start, "description"), ent
        if (" and " in f" {' '.join(head)} " and self._names_several(src, head_text)) or self._coordinated_people(src):
            return Speaker(description, None, "DESCRIPTION", "unresolved"), None  # several speakers
        if any(w in lex.poll_heads for w in head) or any(w in lex.poll_heads for w in words[:3]):
            org = self._org_inside(src) or self._pollster_before_head(src) or self._pollster_after_by(src)
            if org:
                said = next(w for w in [*head, *words[:3]] if w in lex.poll_heads)
                return Speaker(self._poll_name(org, said), None, "ORG", "named"), None  # a poll is named by who ran it
        if any(w in lex.poll_aggregates for w in head):
            maker = re.search(r"((?:[A-Z][\w.&’'/-]*\s+)*[A-Z][\w.&’'/-]*)\s+(?:polling\s+|poll\s+)?averages?\b", src.text)
            made_by = maker.group(1).split() if maker else []
            while made_by and _norm(made_by[0]) in lex.determiners | lex.indefinite_determiners:
                made_by = made_by[1:]  # ("An average of 10 percent of voters", "A Real Clear Politics average": no maker's word)
            org = self._org_inside(src) or " ".join(made_by) or None
            if org:
                # "the most recent RealClearPolitics average of national polls", "the RealClearPolitics polling average":
                # named as a poll is, by who makes it.
                return Speaker(f"{self.fullest_org(org, 'ORG')} average", None, "ORG", "named"), None
        last = head[-1]
        if "-" in last and last.split("-")[0] in lex.title_words:
            last = last.split("-")[0]  # "the Republican nominee-in-waiting", "the president-elect": the title is the head
        # "The United States", "the American Federation of Teachers": a name, no group (not in a headline, whose capitals
        # the recogniser takes for names: "Charleston Church Shooting Survivors")
        named_place = src.start >= self.body_start and any(
            m.label in {"GPE", "ORG"} and head_at <= m.start < head_at + len(head_text.rstrip()) <= m.end for m in self.mentions)
        # (not a surname that reads as a plural title: "Dottie Deans")
        end = head_at + len(head_text.rstrip())
        surname = len(head_raw) > 1 and head_raw[-1][:1].isupper() and any(m.label == "PERSON" and m.end == end for m in self.mentions)
        if (last in lex.group_heads or (last.endswith("s") and last[:-1] in lex.title_words and not surname)) and not named_place:
            return Speaker(description, None, "DESCRIPTION", "unresolved"), None
        # Whose the head is: a possessive in it ("Trump's tweet"), not in a phrase after it ("a statement from Ryan's office").
        head_words = [t for t in _TOKEN.findall(head_text) if _norm(t)]  # as written, determiners and all
        written_head = head_words or raw
        owner = self._possessor(written_head, [_norm(t) for t in written_head], src.start, speakers)
        # ("Thomas Frank’s new book Listen, Liberal": an authored head with the work's title after it)
        titled = any(w in lex.authored_heads and 0 < k < len(head_raw) - 1 and all(t[:1].isupper() for t in head_raw[k + 1 :])
                     for k, w in enumerate(head[: len(head_raw)]))
        if owner is not None and (last in lex.authored_heads or titled):
            return self._speaker(owner, src.start, "description"), owner  # "Trump's tweet": Trump's words
        kin = self._kin_of(owner, last) if owner is not None and len(head) == 1 else None
        if kin is not None:
            return self._speaker(kin, src.start, "description"), kin  # "Bill Clinton's stock answer ... by his wife": Hillary Clinton
        by = re.search(r"\b(?:by|from)\s", src.text)
        if owner is None and last in lex.personal_works and not by:
            # "Another Slaughter email", "the Comey memo": the person the name before the head names wrote it
            capitalised = [t for t in head_raw[:-1] if t[:1].isupper() and _norm(t) not in lex.determiners]
            writer = self.find([_POSSESSIVE.sub("", capitalised[-1])]) if capitalised and len(capitalised) <= 2 else None
            if writer is not None:
                return self._speaker(writer, src.start, "description"), writer
        if owner is None and last in lex.authored_heads and not by:
            # "USA TODAY's reporting", "a USA TODAY analysis": the organisation named before it (not "FEC records analyzed
            # by the Center for Responsive Politics").
            org = self._org_before_head(src, head_raw)
            if org is not None and last in lex.filed_heads and _public_body(org):
                # "Federal Election Commission filings", "F.A.A. records": what others filed with a public body, not its words
                return Speaker(description, None, "DESCRIPTION", "unresolved"), None
            if org is not None:
                return Speaker(org, None, "ORG", "description"), None
        # What the source calls a thing said or written, in lower case: "Post" in "Washington Post columnist" is a name.
        authored = any(_norm(t) in lex.authored_heads for t in head_raw) and last not in _person_words()  # ("a Post reporter")
        if authored and all(t[:1].isupper() for t in head_raw if _norm(t) in lex.authored_heads):
            # Only capitalised ("Post"): a name's word, where the person it employs is named after it.
            heads_at = max(src.text.rfind(t) for t in head_raw if _norm(t) in lex.authored_heads)
            authored = not any(m.label == "PERSON" and m.start > src.start + heads_at and m.end <= src.end for m in self.mentions)
        if owner is None and authored and words[0] in lex.indefinite_determiners | {"the"}:
            # "The November 23 lawsuit filed by a former staffer named Bradley Podliska": its author.
            if by and by.end() < len(src.text):
                # "A statement from Ryan's office": whoever the words after "from" name (to the next preposition or comma),
                # else the first name in them.
                rest = src.text[by.end() :]
                joined = re.search(r"\band\s+(?:the\s+)?[A-Z]", rest.split(",")[0])
                at_and = src.start + by.end() + joined.start() if joined else -1
                if joined and not any(m.start < at_and < m.end for m in self.mentions if m.label in {"ORG", "PERSON", "GPE", "FAC"}):
                    # "a study by Vanderbilt University and the Pennsylvania State University": several makers, no one
                    return Speaker(description, None, "DESCRIPTION", "unresolved"), None
                cut = re.search(r",|\s(?:of|on|about|in|for|to|that|which|who|with)\s", rest)
                sub_end = src.start + by.end() + (cut.start() if cut else len(rest))
                # (not inside a name: "by the National Academies of Sciences, Engineering and Medicine")
                sub_end = max([sub_end, *(m.end for m in self.mentions if m.label == "ORG" and m.start < sub_end < m.end <= src.end)])
                sub, ent = self.speaker_of(Span.of(self.text, src.start + by.end(), sub_end), speakers)
                if sub is not None and sub.type != "DESCRIPTION":
                    return sub, ent
                who = self._who_is(src.start + by.end(), src.end)
                if who is not None:
                    return who, None
        if owner is None and last in lex.authored_heads and words[0] in lex.indefinite_determiners and not by and len(head) <= 4:
            # "Bernie Sanders is releasing a new 30-second ad that urges voters ...": who made it.
            producer = self._producer(src.start)
            if producer is not None:
                return producer, None
        if owner is None and authored and last not in lex.poll_heads:
            # "White House-era documents from Diane D. Blair, a close friend ...": the person "from" or "by" names
            # first, before an organisation that only modifies the head.
            maker = re.search(r"\b(?:by|from)\s+", src.text)
            named_by = next((m for m in self.mentions if maker is not None and m.label == "PERSON" and m.start == src.start + maker.end()), None)
            ent = self.find(_name_tokens(self.text[named_by.start : named_by.end])) if named_by is not None else None
            if ent is not None:
                return self._speaker(ent, src.start, "description"), ent
            # "the "Medicare for all" document he released": the one its relative clause's pronoun is
            rel = re.search(r"\b(?:that\s+|which\s+)?(he|she)\s+(?:had\s+|has\s+)?[a-z]+ed\b", src.text)
            if rel is not None and _norm(src.text[: rel.start()].split()[-1] if src.text[: rel.start()].split() else "") in lex.authored_heads:
                sub, ent = self.speaker_of(Span.of(self.text, src.start + rel.start(1), src.start + rel.end(1)), speakers)
                if sub is not None and sub.type == "PERSON":
                    return replace(sub, evidence="description"), ent
            # "Last year's FBI statistics", "recently hacked Democratic National Committee documents": the
            # organisation named in it is who says it.
            org = self._org_inside(src)
            fullest = self.fullest_org(org, "ORG") if org else None
            if fullest and last in lex.filed_heads and _public_body(fullest):
                # "Federal Election Commission filings", "F.A.A. records": what others filed with a public body, not its words
                return Speaker(description, None, "DESCRIPTION", "unresolved"), None
            if fullest:
                return Speaker(fullest, None, "ORG", "description"), None
        if last == "camp" and len(head) > 1 and head_raw[-2][:1].isupper():
            last = "campaign"  # "the Sanders camp", "Clinton camp": the campaign
        if last == "team" and len(head) > 1 and head_raw[-2][:1].isupper():
            candidate = self.find([_POSSESSIVE.sub("", head_raw[-2])])
            if candidate is not None and candidate.role_words(year=self.year) & lex.candidacy_words:
                last = "campaign"  # "the Trump team" of a candidate: the campaign
        if last == "team" and owner is not None and (len(head) == 1 or head[-2] == "campaign") and (
                owner.role_words(year=self.year) & lex.candidacy_words):
            last = "campaign"  # "her team", "his campaign team" of a candidate: the campaign
        if last == "campaign" and owner is None:
            # "The campaign of presumptive Democratic nominee Hillary Clinton": the candidate named after "of";
            # "the Democratic nominee's campaign": the one the description names.
            of = re.match(r"(?:[Tt]he\s+)?(?:[\w’'-]+\s+){0,2}?campaign\s+of\s+", src.text)
            if of is not None:
                owner = next((ent for span, ent in self.person_mentions if src.start + of.end() <= span.start and span.end <= src.end), None)
            k = next((i for i, t in enumerate(head_raw[:-1]) if _POSSESSIVE.search(t) and t[:1].islower() and len(t) > 4), None)
            if owner is None and k is not None:
                owner = self._by_description([_norm(_POSSESSIVE.sub("", t)) for t in head_raw[: k + 1]], src.start)
        if last == "campaign" and (owner is not None or len(head) > 1):
            # "his campaign", "Hillary Clinton's campaign", "the Clinton campaign": one name, "<surname> campaign".
            person = owner or self.find([_POSSESSIVE.sub("", t) for t in head_raw[:-1] if t[:1].isupper()])
            if person is not None:
                surname = _POSSESSIVE.sub("", person.tokens[-1]) if person.tokens else person.name
                return Speaker(f"{surname} campaign", None, "ORG", "description"), None
        if last in lex.poll_heads:
            org = self._org_inside(src)
            if org:
                return Speaker(self._poll_name(org, last), None, "ORG", "named"), None
            if last.endswith("s") and set(words) & (lex.quantifiers | {"other", "many", "several", "some", "most", "all"}):
                return Speaker(description, None, "DESCRIPTION", "unresolved"), None  # "many other polls": no one's
            if set(words) & {"latest", "new", "newest"} and words[0] in {"the", "this", "latest", "new", "newest"}:
                # "the new poll" after another quoted since, "Latest poll" in a headline: the one the article calls new
                newest = self._newest_poll(src.end)
                if newest:
                    return Speaker(newest, None, "ORG", "description"), None
            if src.start < self.body_start and words[0] not in lex.indefinite_determiners and not last.endswith("s"):
                # A headline's "Poll: Trump a big turnoff ...", "..., poll finds": the first poll the body says who ran
                first = self._first_poll_named()
                if first:
                    return Speaker(first, None, "ORG", "description"), None
            if words[0] in {"the", "this", "that"}:
                # "The poll": the poll quoted last.
                for _, sp in reversed(self._org_speakers):
                    if _last_word(sp.name) in lex.poll_heads:
                        return Speaker(sp.name, sp.role, sp.type, "description", sp.mention), None
            elif words[0] in lex.indefinite_determiners:
                # "a new statewide poll. The poll by the Public Policy Institute of California ...": named next.
                org = self._poll_named_after(src.end)
                if org:
                    return Speaker(f"{org} poll", None, "ORG", "description"), None
        if owner is None and last in lex.authored_heads and words[0] in {"the", "this", "that"} and len(head) <= 4:
            # "The report", "the ad", "This latest spot": whose the article said it was when it first spoke of it.
            author = self._author_of(last, src.start)
            if author is not None:
                return author, None
            said_in = self._said_in(last, src.start, speakers)
            if said_in is not None:
                return said_in
        if any(w in lex.press_works for w in head) and owner is None:
            # "the editorial board", "The editorial", "the paper's editorials": the outlet's words.
            org_name = self._org_referent("newspaper", src.start)
            if org_name:
                return Speaker(org_name, None, "ORG", "description"), None
        generic = all(w in lex.org_heads or w in lex.role_modifiers or w in lex.generic_org_words for w in head)
        if words[0] in lex.indefinite_determiners and (last in lex.press_descriptions or last in lex.company_descriptions or last in lex.org_role_heads):
            # "a Baton Rouge newspaper called on ... The Advocate had chided ...": the organisation the next sentence opens with.
            named = self._apposed_to(src.start, last, description)
            if named is not None:
                return named  # "Our Principles PAC, a Super PAC aimed at Trump"
            opening = self._org_opening_next(src.end)
            if opening is not None:
                self._org_kinds.setdefault(opening, set()).add(last)
                return Speaker(opening, None, "ORG", "description"), None
        if owner is not None and last in lex.org_heads - {"party"} and (words[0] in {"his", "her"} or (len(head_raw) > 1 and _POSSESSIVE.search(head_raw[-2]))):
            # "Gowdy's office", "his office": that person's office, one name however the article writes it.
            return Speaker(f"{owner.name}’s {head_raw[-1]}", None, "ORG", "description"), None
        if last.endswith("s") and last[:-1] in lex.org_heads | lex.org_role_heads and len(head) > 1 and words[0] not in {"the", "this", "that"}:
            return Speaker(description, None, "DESCRIPTION", "unresolved"), None  # "Two House Committees": several
        named_org = any(t[:1].isupper() for t in head_raw if _norm(t) not in lex.determiners)
        definite = words[0] in {"the", "this", "that"}
        if last in lex.org_heads and len(head) > 1 and not (generic and words[0] in {"the", "a", "an"}) and (named_org or not definite):
            named_raw = head_raw
            capital = next((k for k, t in enumerate(named_raw) if t[:1].isupper()), 0)
            if capital and not any(_norm(t) in lex.role_edge_words | {"or"} for t in named_raw[:capital]):
                # "the nonpartisan Congressional Budget Office", "the conservative nationalist Swiss People’s Party": the
                # name after the adjectives ("voters within and outside the Democratic Party" are no party)
                named_raw = named_raw[capital:]
            name = " ".join([*named_raw[:-1], _POSSESSIVE.sub("", named_raw[-1])])  # "Britain's Parliament" keeps its possessive
            tail = self._org_ending(name)
            if tail is not None:
                return Speaker(tail, None, "ORG", "description"), None  # "the budget office": the Congressional Budget Office
            kept = [t for t in head_raw if _norm(t) not in lex.determiners]
            if len(kept) == 2 and _ACRONYM.fullmatch(kept[0]):
                # "the BLM group": the organisation the acronym stands for, where the article spells it out.
                spelled = self.fullest_org(kept[0], "ORG")
                if spelled != kept[0]:
                    return Speaker(spelled, None, "ORG", "named"), None
            return Speaker(self.fullest_org(name, "ORG") if name[:1].isupper() else name, None, "ORG", "named"), None
        outlet = self._outlet_described(src, head_raw)
        if outlet is not None:
            return Speaker(outlet, None, "ORG", "named"), None
        org_like = last in lex.org_heads or last in lex.press_descriptions or last in lex.poll_heads or last in lex.company_descriptions
        org_like = org_like or last in lex.organisation_descriptions or last in lex.org_head_synonyms
        # "the league", "the university": the last word of an organisation's name (not an outlet's: "the post" may be a job).
        org_like = org_like or (last in lex.org_name_heads and last not in lex.press_names)
        dated = last in lex.press_descriptions and any(w.isdigit() for w in head)  # "the 2009 paper": a study, no outlet
        unrecognised = (words[0] == "the" and head_raw and head_raw[0][:1].isupper() and not self._has_person(src.start, src.end)
                        and all(t[:1].isupper() or _norm(t) in {"of", "for", "and", "on"} for t in head_raw)
                        and any(_norm(t) in lex.org_name_heads for t in head_raw))
        if unrecognised and len(head_raw) > 1 and head_raw[-1][:1].isupper():
            # "the State Department" the recogniser missed: the name itself, no other department named before
            return Speaker(self.fullest_org(_org_name(head_text), "ORG"), None, "ORG", "named"), None
        if words[0] in {"the", "this", "that"} and len(head) <= 4 and org_like and not dated:
            org_name = self._org_referent(last, src.start)
            if org_name:
                return Speaker(org_name, None, "ORG", "description"), None
        if re.fullmatch(r"[A-Za-z][\w-]*\.(?:com|org|net|gov|edu|co\.uk)", head_text.strip()):
            return Speaker(head_text.strip(), None, "ORG", "named"), None  # "GunBroker.com": a site's name
        if unrecognised:
            return Speaker(self.fullest_org(_org_name(head_text), "ORG"), None, "ORG", "named"), None  # "the Department of Justice", unrecognised
        if self._unlabelled_title(head_words, src):
            return Speaker(self.fullest_org(_org_name(head_text), "ORG"), None, "ORG", "named"), None  # "The Tennessean first reported"
        if words[0] == "the" and len(head_raw) == 1 and head_raw[0][:1].isupper() and head_raw[0].endswith("s"):
            at = src.start + src.text.rfind(head_raw[0])
            if self._family(Mention(at, at + len(head_raw[0]), "PERSON")) and self.find([head_raw[0][:-1]]) is not None:
                return Speaker(description, None, "DESCRIPTION", "unresolved"), None  # "the Murdochs", typed an organisation: a family
        proper = words[0] == "the" and all(t[:1].isupper() for t in head_raw) and self._mention_label(src.start, src.end) in {"ORG", "GPE", "PERSON"}
        if proper and self._mention_label(src.start, src.end) == "ORG" and not self._has_person(src.start, src.end):
            return Speaker(self.fullest_org(_org_name(head_text), "ORG"), None, "ORG", "named"), None  # "the Associated Press"
        if words[0] in lex.indefinite_determiners | {"the"} and not proper:  # "the Associated Press" is a name
            named = self._apposed_to(src.start, last, description) or self._named_after(src.end, last)
            if named is not None:
                return named
        at = src.start + src.text.find(head_text)
        exact = next((m for m in self.mentions if m.start == at and m.end == at + len(head_text.rstrip())), None)
        if (
            exact is not None
            and exact.label == "ORG"
            and len(head_raw) > 1
            and all(t[:1].isupper() for t in head_raw)
            and _norm(head_raw[-1]) in _person_words()
            and not self._has_person(at, exact.end)
        ):
            return Speaker(self.fullest_org(_org_name(head_text), "ORG"), None, "ORG", "named"), None  # "HuffPost Pollster": a name, not a title
        # A name at the end of the head phrase: "Clinton campaign spokesman Brian Fallon".
        run: list[str] = []
        for i in range(len(head_raw) - 1, -1, -1):
            t = head_raw[i]
            lt = _norm(t)
            # A title word ending a capitalised run is a surname: "Charlie King", "Mr. King".
            prev = _norm(head_raw[i - 1]) if i > 0 else ""
            ends_name = (
                i == len(head_raw) - 1
                and t[:1].isupper()
                and (
                    prev in lex.female
                    or prev in lex.male
                    or prev in lex.courtesy_titles
                    or (
                        head_raw[i - 1][:1].isupper()
                        and prev not in lex.title_words | lex.org_heads | lex.org_name_heads
                        and self._mention_label(src.start + head_text.rfind(t), src.start + head_text.rfind(t) + len(t)) == "PERSON"
                    )
                )
            )
            if run and _POSSESSIVE.search(t) and t[:1].isupper():
                break  # "BlazeTV’s Glenn Beck": the name is after the possessive
            if (t[:1].isupper() or lt in lex.name_particles or _PARTICLE_NAME.match(t)) and (
                ends_name or (lt not in lex.title_words and lt not in lex.honorifics and lt not in lex.group_heads)  # "Chief of Staff Katie Walsh"
            ):
                run.insert(0, t)
            else:
                break
        while run and _norm(run[0]) in lex.name_particles:
            run.pop(0)
        if len(run) > 2 and _norm(run[0]) in lex.affiliation_heads and _norm(run[1]) in _first_names():
            run.pop(0)  # "ranking Democrat Elijah Cummings": a party before the name
        if len(run) > 2:
            # "Government Affairs Phil Smith", "Secretary-Treasurer Gary Casteel": the name as the name reader reads it.
            kept = _name_tokens(" ".join(run))
            if 0 < len(kept) < len(run) and [_norm(t) for t in run[len(run) - len(kept) :]] == [_norm(t) for t in kept]:
                run = run[len(run) - len(kept) :]
        if run:
            titles = {_norm(t) for t in head_raw[: len(head_raw) - len(run)]}
            ent = None
            more = _NAME_AFTER.match(self.text, src.end) if head_text.strip() == src.text.strip() else None
            if more is not None:
                # A source cut inside a name ("Mayor Dana| Holt"): the name as the text goes on.
                ent = self.find([*run, more.group(1)], None, titles, pos=src.start)
            ent = ent or self.find(run, self._title_gender(src.start + max(0, src.text.find(run[0])), run[0]), titles, pos=src.start)
            last_at = src.start + src.text.rfind(run[-1]) + len(run[-1])
            suffix = _SUFFIX_AFTER.match(self.text, last_at) if len(run) > 1 and last_at <= src.end else None
            written = suffix.group(1) if suffix is not None and suffix.end() <= src.end + 1 else None
            unsuffixed = run
            if written is None and len(run) > 2 and _norm(run[-1]) in lex.name_suffixes:
                written, unsuffixed = run[-1], run[:-1]  # "the Rev. Charles Elliott Jr." as the recogniser read it
            if (ent is not None and written is not None and _norm(ent.tokens[-1]) in lex.name_suffixes
                    and _norm(ent.tokens[-1]).rstrip(".") != _norm(written).rstrip(".")):
                # "his father, Brent Bozell, Jr." is not Brent Bozell III, whom the article names too
                return Speaker(f"{' '.join(unsuffixed)} {written}", None, "PERSON", "named"), None
            for dropped in range(1, len(run)):
                if ent is not None or _norm(run[dropped - 1]) in _first_names():
                    break  # "Bill Clinton" is no Hillary Clinton: a first name is never dropped
                # "Liberal Oscar-winner Sarandon", "Former AG Mukasey": words before a name the article gives in full.
                ent = self.find(run[dropped:], None, titles, pos=src.start)
            if ent is not None:
                evidence = "named" if len(run) >= len(ent.tokens) else "alias"
                return self._speaker(ent, src.start, evidence, head_text), ent
            at = src.start + src.text.rfind(run[0], 0, src.text.rfind(run[-1]) + len(run[-1]))
            label = self._mention_label(at, src.start + src.text.rfind(run[-1]) + len(run[-1]))
            name = " ".join(_POSSESSIVE.sub("", t) for t in run)
            if label in {"ORG", "GPE"} and _norm(run[-1]) in lex.affiliation_heads and len(run) > 1:
                return Speaker(description, None, "DESCRIPTION", "unresolved"), None  # "the New Hampshire Democrat": no place
            if label in {"GPE", "NORP"} and len(run) == 1 and _ACRONYM.fullmatch(run[0]) and len(run[0].replace(".", "")) >= 3:
                # "The NRA said" typed GPE: an organisation's acronym, where the article spells it out.
                spelled = self.fullest_org(run[0], "ORG")
                if spelled != run[0]:
                    return Speaker(spelled, None, "ORG", "named"), None
            rest = src.text[src.text.rfind(run[-1]) + len(run[-1]) :]
            place_of = re.match(r",\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?,\s+([a-z][\w-]*)", rest)
            if label == "GPE" and place_of is not None and _norm(place_of.group(1)) in _person_words():
                return Speaker(description, None, "DESCRIPTION", "unresolved"), None  # "one Coralville, Iowa, pastor": no place
            if label in {"ORG", "GPE"}:
                return Speaker(self.fullest_org(name, label), None, label, "named"), None  # type: ignore[arg-type]
            if label is None and len(run) == 1 and _ACRONYM.fullmatch(run[0]) and len(run[0]) > 1:
                return Speaker(self.fullest_org(run[0], "ORG"), None, "ORG", "named"), None  # "President Barack Obama's DOJ"
            if label is None and len(run) == 1 and self.find([_POSSESSIVE.sub("", run[0])]) is None:
                # "Pew" after "Pew Research", "Quinnipiac" after "Quinnipiac University": an organisation named before by
                # its first word alone.
                first = _POSSESSIVE.sub("", run[0])
                short = next((self.text[o.start : o.end] for o in reversed(self.mentions) if o.label == "ORG" and o.end <= src.start
                              and len(self.text[o.start : o.end].split()) > 1 and self.text[o.start : o.end].split()[0] == first), None)
                if short is not None:
                    return Speaker(self.fullest_org(_org_name(short), "ORG"), None, "ORG", "named"), None
            if label is None and len(run) >= 2 and all(_POSSESSIVE.sub("", t).isupper() for t in run):
                return Speaker(self.fullest_org(name, "ORG"), None, "ORG", "named"), None  # "USA TODAY": no one's name is in capitals
            if label is None and len(run) >= 2 and _norm(_POSSESSIVE.sub("", run[-1])) in lex.org_name_heads | lex.org_heads:
                return Speaker(self.fullest_org(name, "ORG"), None, "ORG", "named"), None  # "Right Wing Watch", "Pew Research": no one's name
            before_run = set(map(_norm, src.text[: src.text.find(run[0])].split()))
            whole_source = not (src.text[src.text.rfind(run[-1]) + len(run[-1]) :].strip() or before_run - lex.determiners)
            if whole_source and (label in {"LOC", "FAC"} or (label is None and len(run) >= 2 and (_norm(run[-1]) in _WAY_HEADS or name in self._places))):
                # "Downing Street insisted", "the Kremlin said": a place that speaks is those who work there
                return Speaker(self.fullest_org(name, "ORG"), None, "ORG", "named"), None
            honorific = bool(titles & (lex.honorifics | lex.title_words))
            plural = run[-1].endswith("s") and not run[-1].endswith(("ss", "'s", "’s")) and len(run[-1]) > 3
            opener = _norm(src.text.split()[0]) if src.text.split() else ""
            if (label in {"PERSON", None} and plural and opener in lex.group_determiners
                    and not re.search(rf"\b{re.escape(run[-1][:-1])}\b", self.text) and self.find([run[-1][:-1]]) is None):
                # "the Founding Fathers", "Most Millennials": a group, no one's name ("the Clintons" is a family, below)
                return Speaker(description, None, "DESCRIPTION", "unresolved"), None
            if label == "PERSON" and len(run) == 1 and run[0] in src.text:
                at = src.start + src.text.find(run[0])
                if self._family(Mention(at, at + len(run[0]), "PERSON")):
                    return Speaker(description, None, "DESCRIPTION", "unresolved"), None  # "The Clintons": several people
            if label == "PERSON" or (len(run) >= 2 and label is None) or (honorific and label is None):  # "Mr. King", never named in full
                role = _role_before(self.text, src.start + src.text.find(run[0])) if run[0] in src.text else None
                if label is None and len(run) >= 2:
                    # A full name the recogniser missed ("Dinesh D’Souza"): a person of the article from here
                    # on, so that "D’Souza" and "he" find them.
                    at = src.start + src.text.find(run[0])
                    ent = Entity(name, [_POSSESSIVE.sub("", t) for t in run], [Span.of(self.text, at, at + len(" ".join(run)))])
                    if role:
                        ent.roles.append((at, role))
                    first = _norm(run[0])
                    _set_gender(ent, "f" if first in lex.female else "m" if first in lex.male else None, "first-name")
                    self.persons.append(ent)
                    self.person_mentions.append((ent.mentions[0], ent))
                    self.person_mentions.sort(key=lambda x: x[0].start)
                    self._subjects_sorted = None
                    return self._speaker(ent, src.start, "named"), ent
                if len(run) == 1:
                    # "President Obama" the recogniser missed: the public figure the surname alone means, as for a mention
                    pick = _public_figure(_name_keys([run[0]])[-1], self._title_gender(src.start + src.text.find(run[0])))
                    if pick is not None and " ".join(_name_keys(pick.name.split())) not in {" ".join(e.keys) for e in self.persons}:
                        name = pick.name
                return Speaker(name, role, "PERSON", "named"), None
            if label == "NORP":
                return Speaker(description, None, "DESCRIPTION", "unresolved"), None
        if words[0] in lex.indefinite_determiners:
            # "One Republican", "a spokesman": someone not named before, whatever roles match; unless the lede
            # describes the person the article names next ("A former Democratic National Committee chairman says ...
            # “...,” said Don Fowler"), who then holds that role.
            ent = self._named_after_lede(src, last) if last in _person_words() else None
            ent = ent or (self._introduced_later_as(src, head) if last in _person_words() else None)
            if ent is None and last in lex.generic_person_heads:
                # "An 82-year-old widow has told how ... ¶ Margaret Hollis, from Bolton, said ...": no role to hold, the
                # gender the head gives to agree with
                gender = "m" if last in lex.generic_male_heads else "f" if last in lex.generic_female_heads else None
                lede_person = self._named_after_lede(src, last)
                if lede_person is not None and (gender is None or lede_person.gender in {None, gender}):
                    return self._speaker(lede_person, src.start, "description"), lede_person
            if ent is None:
                return Speaker(description, None, "DESCRIPTION", "unresolved"), None
            role = clean_role(_description(head_text))
            if role and not ent.titled() and _norm(role.split()[-1]) not in lex.affiliation_heads:
                ent.roles.append((src.start, role))
                ent.roles.sort()
                ent.described.add(src.start)
            return self._speaker(ent, src.start, "description"), ent
        possessor, possessive = None, False
        if words[0] in {"his", "her", "their"}:
            possessive = True
            possessor = self._recent_person(src.start, speakers, "m" if words[0] == "his" else "f" if words[0] == "her" else None)
        elif len(raw) > 1 and _POSSESSIVE.search(raw[0]) and raw[0][:1].isupper():
            possessive = True
            possessor = self.find([_POSSESSIVE.sub("", raw[0])])
        else:
            # "the former vice president's spokeswoman": someone of the person described, not that person.
            k = next((i for i, t in enumerate(head_raw[:-1]) if _POSSESSIVE.search(t) and t[:1].islower() and len(t) > 2), None)
            if k is not None and any(_norm(t) for t in head_raw[k + 1 :]):
                possessive = True
                owner_words = [_norm(_POSSESSIVE.sub("", t)) for t in head_raw[: k + 1]]
                possessor = self._by_description(owner_words, src.start)
                words = [_norm(t) for t in head_raw[k + 1 :] if _norm(t)]
        # The head must name a person ("the Republican establishment" is no Republican nominee). A role that matches
        # ("the Democratic presidential candidate") outranks the lede's next subject.
        personal = possessive or last in _person_words() or last in lex.synonyms or _AGE.fullmatch(last) is not None
        if last in lex.org_heads and not possessive:
            personal = False  # "the campaign of the former senator from Pennsylvania": a campaign, no person
        # The description is the head phrase, not the name set off after it ("Carter’s press secretary, Peter Carpenter").
        head_words = [_norm(t) for t in _TOKEN.findall(head_text) if _norm(t)]
        described = head_words if head_words and len(head_words) < len(words) and words[: len(head_words)] == head_words else words
        # An affiliation ("the lifelong Republican") matches no role: who it is comes from where it stands; unless
        # another of its words is one of a person's roles ("the Florida Republican": the Florida senator).
        ent = self._by_description(described, src.start, possessor, possessive) if personal else None
        if ent is not None and speakers and _CONTINUED.match(self.text, src.end) and not possessive:
            # "“...,” the retired neurosurgeon told REVOLT TV. ¶ The former Republican presidential candidate continued":
            # who goes on is the person just quoted, where the description fits them too (not the nominee it fits better)
            quoted = self._just_quoted(src.start, speakers)
            forms = {last} | set(lex.synonyms.get(last, frozenset()))
            if quoted is not None and quoted is not ent and forms & quoted.role_words(year=self.year, former="former" in described):
                ent = quoted
        if ent is not None and last in lex.affiliation_heads:
            modifiers = {w for w in described if w not in lex.determiners and w != last and w not in lex.affiliation_heads}
            if not modifiers & ent.role_words(year=self.year):
                ent = None
        lede = None
        if ent is None and words[0] == "the" and not possessive:
            ent = lede = self._introduced_next(src)
        if ent is None and words[0] == "the" and not possessive and last in _person_words():
            ent = lede = self._named_after_lede(src, last)  # "The head of the Service Employees International Union is worried ..."
        if ent is None and src.end <= self.body_start and not possessive and words[0] not in lex.determiners | lex.indefinite_determiners:
            ent = lede = self._headline_subject(last)  # "Philippine lawmaker wants Trump banned from country."
        if ent is None and _AGE.fullmatch(last) and words[0] == "the":
            ent = self._last_named(src.start)  # "the 43-year-old": the person named last
        if ent is None and words[0] == "the" and not possessive and self._introduced_unnamed(src.start, head_raw):
            # "said a senior Cruz adviser ... said the senior Cruz adviser": the one the article never named.
            return Speaker(description, None, "DESCRIPTION", "unresolved"), None
        bare_title = [w for w in head if w not in lex.determiners] == [last] and last in lex.title_words
        if ent is None and words[0] == "the" and bare_title and not possessive and not proper:
            ent = self._sole_holder(last)  # "the judge": the one judge the article names, before or after it
        if (
            ent is None
            and words[0] == "the"
            and (last in lex.title_words or last in lex.person_heads)
            and last not in lex.org_heads
            and not possessive
            and not proper
        ):
            # A definite description no role matches, right after a quote ("Fiorina said Monday. But,
            # the former CEO of Hewlett-Packard added, ..."): the person just quoted, if the article
            # gives them no other role (nor an office such as "inspector general" the public-figures table does not give
            # them: Hillary Clinton is no "State Department's inspector general").
            ent = self._just_quoted(src.start, speakers)
            if ent is not None and ent.known is not None and last in lex.postpositive_modifiers and last not in ent.role_words(year=self.year):
                ent = None
        if ent is None and words[0] == "the" and last in lex.person_heads:
            # A definite person description no role matches ("the president", "the GOP
            # candidate"): the article's most mentioned person so far, unless their roles are known and none fits
            # ("The lawmaker" is not Donald Trump).
            ent = self._most_mentioned(src.start)
            if ent is not None and last in lex.title_words and (ent.roles or ent.known) and last not in ent.role_words(year=self.year):
                ent = None
        if ent is None and last in lex.generic_person_heads and words[0] == "the" and not possessive and not proper:
            # "The 68-year-old Oregon native", "the man who built his career on ...": the person named last, of the
            # gender the head gives.
            gender = "m" if last in lex.generic_male_heads else "f" if last in lex.generic_female_heads else None
            ent = self._last_named(src.start, gender)
            if ent is not None and id(ent) in self._beside_the_same_head(last, src.start):
                ent = None  # "to watch the convention with the woman and her boyfriend": someone named beside the woman is not her
            if ent is not None and gender is not None and self._unnamed_before(src.start, gender, speakers):
                ent = None  # "One woman adopted from Iran ... ," said the woman": the unnamed one, not someone named before
        if ent is not None:
            # A description is a role the article gives that person when it gives no other ("the New
            # York businessman", "the president"); an affiliation ("the lifelong Republican") is none.
            # (The lede's whole description: "head of the Service Employees International Union", not "head".)
            definite = (words[0] in {"the", "this", "that"} or lede is not None) and not possessive and not ent.titled()
            role = clean_role(_description(src.text if lede else head_text)) if definite else None
            if role and _norm(role.split()[-1]) in lex.affiliation_heads:
                role = None
            if role:
                ent.roles.append((src.start, role))
                ent.roles.sort()
                ent.described.add(src.start)
            return self._speaker(ent, src.start, "description"), ent
        in_body = self._named_in_body(src) if src.start < self.body_start else None
        if in_body is not None:
            return in_body, None
        return Speaker(description, None, "DESCRIPTION", "unresolved"), None

    def _named_in_body(self, src: Span) -> Speaker | None:
        """A headline's one word (or "The" and one word) that the body names as a place or organisation ("Why Does
        Israel Refuse ...", "U.S. Flexes Muscles As Asia Worries ..."): that place or organisation. The recogniser
        reads a headline's capitals poorly, the body's well."""
        name = re.sub(r"^(?:[Tt]he\s+)", "", src.text.strip())
        if not re.fullmatch(r"[A-Z][\w.&’'-]*", name):
            return None
        labels = {m.label for m in self.mentions if m.start >= self.body_start and self.text[m.start : m.end].removeprefix("The ").removeprefix("the ") == name}
        labels = {"GPE" if label == "LOC" else label for label in labels}
        if len(labels) != 1 or not labels <= {"GPE", "ORG"}:
            return None
        label = labels.pop()
        return Speaker(self.fullest_org(name, label) if label == "ORG" else name, None, label, "named")  # type: ignore[arg-type]

    def _apposed_to(self, pos: int, head: str, description: str = "") -> tuple[Speaker, Entity | None] | None:
        """The name a description is set off from by a comma ("Our Principles PAC, a Super PAC aimed
        at ...", "Jason Furman, a top adviser"): that person or organisation, when the description's
        head noun fits it (a person's title, what an organisation is called)."""
        lex = lexicon()
        person_head = head in lex.title_words or head in lex.person_heads
        org_head = head in lex.org_role_heads | lex.org_heads | lex.company_descriptions | lex.press_descriptions
        comma = self.text.rfind(",", max(0, pos - 3), pos)
        if comma < 0 or self.text[comma + 1 : pos].strip():
            return None
        if re.match(r"[^,.;“”\"\n]{1,60}?\s(?:said|says|added|adds|noted|notes|argued|explained|insisted)\s*,", self.text[pos : pos + 90]):
            return None  # "Clinton, a top aide said, “is very confident”": an attribution set in, no apposition
        for m in self.mentions:
            if m.end != comma and not (m.end == comma - 2 and self.text[m.end : comma] in {"'s", "’s"}):
                continue
            if m.label == "PERSON" and person_head and not _in_fronted_phrase(self.text, m.end):  # "In an interview with ... Brzezinski, the candidate"
                ent = self.find(_name_tokens(self.text[m.start : m.end]))
                if ent is not None:
                    return self._speaker(ent, pos, "description"), ent
            elif m.label == "ORG" and org_head and not person_head and not self._in_quotes(m.start):
                return Speaker(self.fullest_org(_org_name(self.text[m.start : m.end]), "ORG"), description or None, "ORG", "description"), None
        if org_head and not person_head and not self._in_quotes(comma):
            # A name the recogniser missed, ending in what names an organisation: "Our Principles PAC,".
            run = re.search(r"((?:[A-Z][\w&'’-]*\.?\s+){0,5}[A-Z][\w&'’.-]*)$", self.text[max(0, comma - 80) : comma])
            if run and re.search(r"[a-z]{2}\.\s", run.group(1)):
                run = re.search(r"(?<=\.\s)((?:[A-Z][\w&'’-]*\s+){0,5}[A-Z][\w&'’.-]*)$", run.group(1))  # "July. Our Principles PAC": after the full stop
            if run and _norm(run.group(1).split()[-1]) in lex.org_role_heads | lex.org_name_heads | lex.org_heads:
                return Speaker(_org_name(run.group(1)), description or None, "ORG", "description"), None
        return None

    def _named_after(self, end: int, head: str) -> tuple[Speaker, Entity | None] | None:
        """The person a description names right after it, set off by a comma ("A Clinton ally,
        Virginia Gov. Terry McAuliffe, said")."""
        lex = lexicon()
        if head not in lex.title_words and head not in lex.person_heads:
            return None
        m = re.match(r"\s*,\s*((?:[A-Z][\w.'’-]*\s+){0,4})", self.text[end : end + 80])
        if m is None:
            return None
        lo, hi = end + m.start(1), end + m.end()
        for men in self.mentions:
            if lo <= men.start <= hi and men.label == "PERSON":
                tail = self.text[men.end : men.end + 3]
                if not re.match(r"(?:’s|'s)?\s*[,)]", tail):
                    return None  # not an apposition: "a spokesman, John Doe said"
                ent = self.find(_name_tokens(self.text[men.start : men.end]))
                return (self._speaker(ent, men.start, "description"), ent) if ent is not None else None
        return None

    def _org_in_roles(self, ent: Entity) -> str | None:
        """The organisation a person's role in the article names after "of", "at", "for" or "with" ("president of the
        National Venture Capital Association"), the first role that names one; None where none does."""
        for _, role in ent.roles:
            m = re.search(r"\b(?:of|at|for|with)\s+(?:the\s+)?([A-Z][\w.&’'-]*(?:\s+(?:(?:of|for|and|on|&)\s+)?[A-Z][\w.&’'-]*)*)", role)
            if m is not None:
                return self.fullest_org(_org_name(m.group(1)), "ORG")
        return None

    def _kin_of(self, owner: Entity, word: str) -> Entity | None:
        """The one other person of the article with ``owner``'s surname whom a kinship word of a gender can mean ("his
        wife": Hillary Clinton, where he is Bill Clinton); none where two could be."""
        lex = lexicon()
        gender = "f" if word in lex.female_kin else "m" if word in lex.male_kin else None
        if gender is None:
            return None
        kin = [e for e in self.persons if e is not owner and e.keys[-1] == owner.keys[-1] and len(e.keys) > 1 and e.gender in {None, gender}]
        return kin[0] if len(kin) == 1 else None

    def _possessor(self, raw: list[str], words: list[str], pos: int, speakers: list[tuple[int, Entity]]) -> Entity | None:
        """The person a possessive description belongs to: "his" (the person in focus), "Trump's"."""
        if words[0] in {"his", "her"}:
            # by salience first, as a "he" ("Sanders has not ignored television. He was on the airwaves ... More
            # importantly, ..., his campaign shelled out"), else the person quoted last
            gender = "m" if words[0] == "his" else "f"
            return (self._subject_before(pos, gender, speakers) or self._chained(pos, gender, speakers)
                    or self._recent_person(pos, speakers, gender))
        for k in range(len(raw) - 1, -1, -1):
            if _POSSESSIVE.search(raw[k]) and raw[k][:1].isupper():
                run = [raw[k]]
                while k - len(run) >= 0 and raw[k - len(run)][:1].isupper() and _norm(raw[k - len(run)]) not in lexicon().determiners:
                    run.insert(0, raw[k - len(run)])
                toks = [_POSSESSIVE.sub("", t) for t in run]
                found = self.find([t for t in toks if _norm(t) not in lexicon().title_words] or run)
                # "House Speaker Paul Ryan's": the name that ends the run, its title aside.
                return found or next((e for i in range(1, len(toks)) for e in [self.find(toks[i:])] if e is not None), None)
        return None

    def _org_opening_next(self, end: int) -> str | None:
        """The organisation the sentence after ``end`` opens with: an organisation's mention, or a name
        "The" heads that the recogniser left untyped."""
        m = next((m for m in re.finditer(r"[.!?][”\"’]?\s+", self.text[end : end + 400]) if self._ends_sentence(end + m.start())), None)
        if m is None:
            return None
        start = end + m.end()
        lex = lexicon()
        generic = lex.org_heads | lex.generic_org_words | lex.org_role_heads | lex.role_modifiers
        for men in self.mentions:
            if men.start == start or (men.start == start + 4 and self.text[start : start + 4] == "The "):
                name = _org_name(self.text[men.start : men.end])
                if men.label != "ORG" or all(_norm(w) in generic for w in name.split()):
                    return None  # "The Super PAC also plans ...": a description again, no name
                return self.fullest_org(name, "ORG")
            if men.start > start:
                break
        t = re.match(r"The(?: [A-Z][\w&'’.-]*){1,3}", self.text[start : start + 80])
        if t and self._unlabelled_title(t.group().split(), Span.of(self.text, start, start + t.end())):
            return _org_name(t.group())
        return None

    def _unlabelled_title(self, head_raw: list[str], src: Span) -> bool:
        """A name "The" heads that the recogniser left untyped, as papers and groups are named ("The
        Tennessean", "The Advocate"): capitalised words that are no word of the lexicon, or that the
        article writes with "The" in the middle of a sentence ("the editors of The Advocate")."""
        if len(head_raw) < 2 or len(head_raw) > 4 or head_raw[0] != "The" or not all(t[:1].isupper() for t in head_raw[1:]):
            return False
        label = self._mention_label(src.start, src.end)
        if label not in {None, "NORP"} or self._has_person(src.start, src.end):
            return False  # "NORP": "The Tennessean" is taken for a people
        if label == "NORP" and len(head_raw) == 2 and re.search(r"(?:s|ese)$", head_raw[1]):
            return False  # "The Iranians", "The Saudis", "the Chinese": a people, no paper
        lex = lexicon()
        common = lex.title_words | lex.person_heads | lex.org_heads | lex.group_heads | lex.press_descriptions | lex.authored_heads
        common |= lex.affiliation_heads
        common |= lex.generic_description_heads | lex.poll_heads | lex.company_descriptions | lex.determiners | lex.honorifics
        rest = [_norm(_POSSESSIVE.sub("", t)) for t in head_raw[1:]]
        if not any(w in common or w.rstrip("s") in common for w in rest):
            return True
        name = " ".join(head_raw[1:])
        return re.search(r"[a-z,]\s+The\s+" + re.escape(name) + r"\b", self.text) is not None

    def _names_a_person(self, start: int, end: int) -> bool:
        """Whether a PERSON mention within ``start:end`` names someone, not a thing of theirs ("the Cruz slate")."""
        return any(m.label == "PERSON" and start <= m.start and m.end <= end and not re.match(r"\s+[a-z]", self.text[m.end : m.end + 3])
                   for m in self.mentions)

    def _has_person(self, start: int, end: int) -> bool:
        return any(m.label == "PERSON" and start <= m.start and m.end <= end for m in self.mentions)

    def _coordinated_people(self, src: Span) -> bool:
        """Whether a source joins two named people with "and" ("Sens. Jon Tester (D-Mont.) and David
        Vitter (R-La.)"): several speakers, none of them alone."""
        if re.match(r"(?:[Bb]oth|[Nn]either)\s+\S.*\s(?:and|nor)\s", src.text):
            return True  # "Both Palmer and Sherman", "Both Blocher and the SVP"
        if src.start < self.body_start and re.fullmatch(r"[A-Z][\w’'-]+(?:,\s*[A-Z][\w’'-]+)+", src.text.strip()):
            return True  # a headline's "Trump, Ryan"
        if re.match(r"(?:[Hh]e|[Ss]he|I|[Ww]e)\s+and\s+\S", src.text):
            return True  # "He and House Judiciary Committee Chairman Bob Goodlatte"
        for m in self.mentions:
            # "President Obama, Hillary Clinton, and other Democrats", "Mr. Trump, and others": a named person and others
            # (not inside an apposition or a clause: "a super PAC financed by Charles Koch and other conservative donors")
            if (m.label == "PERSON" and src.start <= m.start < src.end
                    and re.match(r"(?:’s|'s)?[\s,]*(?:\([^)]{0,20}\))?[\s,]*(?:and|&)\s+(?:many\s+|several\s+|all\s+)?others?\b", self.text[m.end : src.end])
                    and not re.search(r",\s+(?:a|an|the)\s|\b(?:who|whom|whose|which|by|of|for|with)\b", self.text[src.start : m.start])):
                return True
        end = src.end
        clause = re.search(r"\b(?:who|whom|whose|which)\b", src.text)
        if clause is not None:
            end = src.start + clause.start()  # "Edwin M. Truman, a fellow ... who worked with Ms. Brainard in both the Clinton and Obama administrations"
        people = [m for m in self.mentions if m.label == "PERSON" and src.start <= m.start and m.end <= end]
        # (not two people the apposition of a person before them names: "Grant Green, a national security official under
        # Presidents Reagan and George W. Bush")
        inside = re.compile(r"^\s*,\s+(?:a|an|the)\s[^,;]*\b(?:under|for|to|with|of|at|from)\s[^,;]*$")
        if any((_AND_BETWEEN.match(self.text, a.end, b.start) or _and_titled_between().match(self.text, a.end, b.start))
               and not (a is not people[0] and inside.search(self.text[people[0].end : a.start]))
               for a, b in zip(people, people[1:])):
            return True
        # People named inside another's apposition are no speakers beside them ("Gene B. Sperling, a former adviser to
        # President Bill Clinton and President Obama"): only pairs before any such apposition count.
        for k, p in enumerate(people):
            span = _role_after_span(self.text, p.end)
            if span is not None:
                people = people[: k + 1] + [m for m in people[k + 1 :] if m.start >= span[1]]
                break
        # (nor people given as examples after another: "Richard Cross, a former staff member for Maryland Republicans such
        # as former Gov. Bob Ehrlich and former Rep. Helen Bentley")
        # (nor two the first one's apposition names as whom they served: "Rick Tyler, a former senior aide to Mr. Cruz and Newt
        # Gingrich and currently ...")
        return any(self._joined_with_roles(a, b) for a, b in zip(people, people[1:])
                   if not (a is not people[0] and (re.search(r"\b(?:such as|like|including)\s", self.text[people[0].end : a.start])
                                                   or inside.search(self.text[people[0].end : a.start]))))

    def _joined_with_roles(self, a: Mention, b: Mention) -> bool:
        """Whether "and" joins two named people where each may carry a role: an apposition or a party tag after the
        first, a title before the second ("Sen. Bernie Sanders (I-Vt.) and former Maryland Gov. Martin O’Malley",
        "Felicia Wong, president of the Roosevelt Institute, and Stan Greenberg")."""
        gap = self.text[a.end : b.start]
        joins = list(re.finditer(r"(?:^|[\s,])(?:and|And|&)\s+", gap))
        if not joins:
            return False
        j = joins[-1]
        before, after = gap[: j.start()], gap[j.end() :]
        if not re.fullmatch(r"[\s,]*(?:\([^)]{0,20}\))?[\s,]*", before):
            # an apposition closed by a comma before "and" ("Felicia Wong, president of ..., and"; not "Kim Wells, a
            # schoolteacher and Trump supporter", one person's two roles)
            apposition = _role_after_span(self.text, a.end)
            if apposition is None or not re.fullmatch(r"[^,]*,\s*", self.text[apposition[1] : a.end + j.start() + 1]):
                return False
        if after.strip() and _norm(after.strip()) in lexicon().courtesy_titles:
            return True  # "Ms. Epstein and Mr. Amar": an honorific is no apposition's end
        if after.strip():
            title = _role_before_span(self.text, b.start)
            if title is None or title[0] != a.end + j.end():
                return False
        return True

    def _names_several(self, src: Span, head_text: str) -> bool:
        """Whether a head with "and" names several ("Singer and Faso"), not one person's two roles
        ("Real estate mogul and reality television star Donald Trump")."""
        at = src.start + max(0, src.text.find(head_text))
        sides = re.split(r"\band\b", head_text)
        named = 0
        for side in sides:
            end = at + len(side)
            # A name that heads its side, not one that modifies a role after it ("English comedian", "USA TODAY contributor").
            # A people's adjective ("Popular Christian and corporate speaker Lance Wallnau") names no one; its plural does ("Democrats").
            named += any((m.label in {"PERSON", "ORG", "GPE"} or (m.label == "NORP" and self.text[m.start : m.end].endswith("s")))
                         and at <= m.start and m.end <= end + 1 and not self._modifies_a_role(m.end, end) for m in self.mentions)
            at = end + 3
        return named >= 2

    def _modifies_a_role(self, end: int, limit: int) -> bool:
        """Whether a name ending at ``end`` is followed, before ``limit``, by the title it modifies ("English comedian",
        "USA TODAY contributor", "Clinton's chief pollster"), not by what names a thing of its own ("Clinton campaign")."""
        # (past an organisation's capitalised name: "former Clinton White House aide")
        after = re.match(r"(?:’s|'s)?(?:\s+[A-Z][\w.&’'-]*){0,3}\s+([a-z][\w-]*)", self.text[end:limit])
        if after is None:
            # a title in capitals, or abbreviated: "Pennsylvania Gov.", "Democratic National Committee Chairman Ed Rendell"
            titled = re.match(r"\s+([A-Z][a-z]+)(\.?)(?![\w’'-])", self.text[end:limit])
            word = _norm(titled.group(1)) if titled else ""
            return bool(word) and (word in lexicon().title_words or (bool(titled.group(2)) and word in lexicon().honorifics))  # type: ignore[union-attr]
        word = _norm(after.group(1))
        return word in _person_words() and word not in lexicon().org_heads

    def _first_poll_named(self) -> str | None:
        """The first poll the body names with who ran it ("according to a poll of 400 registered Latino voters released
        on Friday by Latino Decisions", "a new Quinnipiac University poll")."""
        for m in re.finditer(r"\b([Pp]oll|[Ss]urvey)s?\b", self.text[self.body_start :]):
            at = self.body_start + m.start()
            line_start = max(self.text.rfind("\n", 0, at) + 1, self._sentence_start(at))
            end = self._sentence_end(at)
            stop = end[0] if end is not None else min(len(self.text), at + 160)
            before = Span.of(self.text, max(line_start, at - 60), self.body_start + m.end())
            after = Span.of(self.text, at, min(stop, at + 160))
            named = next((o for o in self.mentions if o.label == "ORG" and before.start <= o.start and 0 <= at - o.end <= 2), None)
            org = _org_name(self.text[named.start : named.end]) if named is not None else None
            org = org or self._pollster_before_head(before) or self._pollster_after_by(after)
            party = lexicon().republican_words | lexicon().democratic_words
            if org and not {_norm(w) for w in org.split()} & party:  # ("a GOP poll": of its voters, no pollster)
                return self._poll_name(org, m.group(1).lower())
        return None

    def _newest_poll(self, end: int) -> str | None:
        """The poll the article calls the latest or new one when it names who ran it ("according to the latest New York
        Times/CBS News poll"), before ``end`` if it does there, else after it."""
        found = []
        for m in re.finditer(r"\b(?:[Ll]atest|[Nn]ewest|[Nn]ew)\s+((?:[A-Z][\w&.’'/-]*\s+){1,6})([Pp]oll|[Ss]urvey)\b", self.text):
            span = Span.of(self.text, m.start(1), m.end(2))
            org = self._org_inside(span) or self._pollster_before_head(span)
            if org:
                found.append((m.start() >= end, m.start(), self._poll_name(org, m.group(2).lower())))
        return min(found)[2] if found else None

    def _poll_named_after(self, end: int) -> str | None:
        """Who ran the poll the text names right after ``end`` ("... poll by the X", "the X poll")."""
        lex = lexicon()
        for m in self.mentions:
            if m.label != "ORG" or m.start < end or m.start - end > 300:
                continue
            before = self.text[max(end, m.start - 20) : m.start].lower()
            after = self.text[m.end : m.end + 10].lower().split()[:1]
            if re.search(r"\b(?:poll|survey)s? (?:by|from|of|for) (?:the )?$", before) or (after and after[0].strip(".,;") in lex.poll_heads):
                return self._joint_name(m, max(end, m.start - 40), m.end + 40)
        return None

    def _org_before_head(self, src: Span, head_raw: list[str]) -> str | None:
        """The organisation whose name stands right before a head noun in a source ("USA TODAY's reporting")."""
        if len(head_raw) < 2:
            return None
        end = src.start + src.text.rfind(head_raw[-1])
        for m in self.mentions:
            if m.label == "ORG" and src.start <= m.start and 0 <= end - m.end <= 4 and not self._in_quotes(m.start):
                return self.fullest_org(_org_name(self.text[m.start : m.end]), "ORG")
        # Unrecognised, in capitals ("a USA TODAY analysis"): no one's name is written so.
        caps = re.search(r"((?:\b[A-Z][A-Z&.-]+\s+){2,4})$", self.text[src.start : end])
        if caps and not any(m.label == "PERSON" and m.start < src.start + caps.end(1) and src.start + caps.start(1) < m.end for m in self.mentions):
            return self.fullest_org(_org_name(_POSSESSIVE.sub("", caps.group(1).strip())), "ORG")
        return None

    def _poll_name(self, org: str, said: str = "poll") -> str:
        """A poll's name, from who ran it and the word the article calls it by (``said``): "PPIC" spelled out as the
        article spells it, then "poll" or "survey" once ("A recent CNN survey" is the CNN survey)."""
        name = self.fullest_org(re.sub(r"^(?:the|a|an)\s+", "", org, flags=re.I), "ORG")
        if _last_word(name) in {"poll", "survey"}:
            return name
        word = "survey" if said.startswith("survey") else "poll"
        other = "poll" if word == "survey" else "survey"
        if len(re.findall(rf"\b{other}s?\b", self.text, re.I)) > len(re.findall(rf"\b{word}s?\b", self.text, re.I)):
            word = other  # "The survey, conducted by ..." in an article about a poll
        return f"{name} {word}"

    def _org_inside(self, src: Span) -> str | None:
        """The organisation named inside a source ("a poll by the Public Policy Institute of California")."""
        orgs = [m for m in self.mentions if m.label == "ORG" and src.start <= m.start and m.end <= src.end
                and self.text[m.start] not in "\"“‘'" and not self._in_quotes(m.start)  # (not a title: the "Medicare for all" document)
                and not _PUBLISHED_IN.search(self.text, max(src.start, m.start - 60), m.start)]  # (nor the journal that printed it)
        if not orgs:
            return None
        # The maker "by" or "from" names ("a poll from Florida Atlantic University broadcast on MSNBC"), else the last one.
        made = [m for m in orgs if re.search(r"\b(?:by|from)\s+(?:the\s+)?$", self.text[max(src.start, m.start - 10) : m.start])]
        return self._joint_name((made or orgs)[-1 if not made else 0], src.start, src.end)

    def _joint_name(self, m: Mention, lo: int, hi: int) -> str:
        """An organisation's name with those written jointly with it by a slash, within ``lo:hi`` ("CNN/ORC", "USA
        TODAY/Suffolk University", "Reuters/Ipsos", "USA TODAY/Rock the Vote")."""
        start, end = m.start, m.end
        joined = re.search(r"(?:(?:[A-Z][\w&.-]*\s+){0,2}[A-Z][\w&.-]*/)+$", self.text[lo:start])
        if joined:
            before = joined.group(0)
            while before.split()[0].lower() in lexicon().determiners | lexicon().indefinite_determiners:  # ("A USA TODAY/...")
                before = before.split(None, 1)[1]
            start -= len(before)
        after = re.match(r"(?:/[A-Z][\w&.-]*(?:\s+(?:the\s+)?[A-Z][\w&.-]*)*)+", self.text[end:hi])
        if after:
            end += len(after.group(0))
        return _org_name(self.text[start:end])

    def _pollster_before_head(self, src: Span) -> str | None:
        """Who ran a poll, named right before its head where the recogniser saw no organisation ("a national
        Gallup Poll", "A Field Poll of the race"): capitalised words, a determiner or a word such as "new" aside;
        not a place, a group or a date ("the Iowa poll", "a Latino survey", "The April survey")."""
        m = _POLLSTER.search(src.text)
        if m is None:
            return None
        start, words = src.start + m.start(1), m.group(1).split()
        skip = lexicon().determiners | lexicon().poll_modifiers
        while words and words[0].lower() in skip:
            start = self.text.index(words[1], start + len(words[0])) if len(words) > 1 else start
            words = words[1:]
        press = lexicon().press_names
        if words and all(_norm(w) in lexicon().pollsters for w in words):
            return " ".join(words)  # "a Quinnipiac poll": a pollster the recogniser took for a place
        if not words or any(x.label in _NO_POLLSTER and x.start < m.end(1) + src.start and start < x.end
                            and _norm(self.text[x.start : x.end]) not in press for x in self.mentions):
            return None  # ("A recent Bloomberg poll": an outlet the recogniser took for a place still runs polls)
        return " ".join(words)

    def _pollster_after_by(self, src: Span) -> str | None:
        """Who ran a poll, named after "by" or "from" in capitals the recogniser saw no organisation in ("polling by the
        A.F.L.-C.I.O."); not a person, a place or a group."""
        m = re.search(r"\b(?:[Pp]olls?|[Pp]olling|[Ss]urveys?)\s+(?:(?:\d[\d,.]*|[^\s,;:.]+)\s+){0,8}?(?:by|from)\s+(?:the\s+)?"
                      r"([A-Z][\w&.’'/-]*(?:\s+(?:(?:of|the|and|for|on|&)\s+)*[A-Z][\w&.’'/-]*)*)", src.text)  # ("a poll of 400 voters released by X")
        if m is None:
            return None
        start, end = src.start + m.start(1), src.start + m.end(1)
        if any(x.start < end and start < x.end for x in self.mentions if x.label in _NO_POLLSTER | {"PERSON"}):
            return None
        return m.group(1).rstrip(".,") if m.group(1).count(".") < 2 else m.group(1).rstrip(",")

    def _org_ending(self, words: str) -> str | None:
        """The one organisation the article names whose name ends in ``words``, in any case ("budget office" is the
        Congressional Budget Office), else None."""
        want = words.lower().split()
        names = {_org_name(self.text[o.start : o.end]) for o in self.mentions if o.label == "ORG"}
        found = {n for n in names if len(n.split()) > len(want) and n.lower().split()[-len(want) :] == want}
        return found.pop() if len(found) == 1 else None

    def _author_of(self, head: str, pos: int) -> Speaker | None:
        """Who made the thing a definite description names ("the report", "the ad"): the latest earlier mention of
        such a thing that says whose it is: "X's report", "an AP report", "a report from X", "X released a report"."""
        lex = lexicon()
        verbs = lex.authored_verbs.get(head, frozenset())
        forms = {head, head + "s"} | ({head[:-1]} if head.endswith("s") else set()) | lex.authored_forms.get(head, frozenset()) | verbs
        reach = lex.distances["org_lookback"]
        for m in reversed(list(re.finditer(r"\b(" + "|".join(re.escape(f) for f in sorted(forms)) + r")\b", self.text[max(0, pos - reach) : pos], re.I))):
            at = max(0, pos - reach) + m.start()
            if self._in_quotes(at):
                continue
            if m.group(0).lower() in verbs:
                # "Huma Abedin, vice chairwoman for Clinton's campaign, emailed supporters ... The email": the verb's subject
                maker = self._producer_of_verb(at)
                if maker is not None:
                    return maker
                continue
            before = self.text[max(0, at - 60) : at]
            after = self.text[at + len(m.group(0)) : at + len(m.group(0)) + 80]
            named = re.search(r"((?:[A-Z][\w&.’'-]*\s+){0,5}[A-Z][\w&.’'-]*?)(?:’s|'s)?\s+(?:[a-z][\w-]*\s+){0,3}$", before)
            who = None
            between = before[named.end(1) :].split() if named else []
            if (named and len(between) > 1 and between[0].islower() and _verb_form(between[0]) and _norm(between[0]) not in lex.producing_verbs
                    and _norm(between[1]) in lex.determiners | lex.indefinite_determiners):
                named = None  # "Hillary Clinton called a report ... outrageous": its object, she did not make it ("said in a statement": hers)
            if named:
                who = self._who_is(at - len(before) + named.start(1), at - len(before) + named.end(1))
            if who is None:
                # "a report from the Justice Department", "the lawsuit filed by a former staffer named Bradley Podliska"
                by = re.match(r"\s+(?:\w+\s+){0,2}?(?:by|from)\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,3}?((?:[A-Z][\w&.’'-]*\s*){1,6})", after)
                if by:
                    start = at + len(m.group(0)) + by.start(1)
                    who = self._who_is(start, start + len(by.group(1).rstrip()))
            if who is None and re.search(r"\b(?:[Aa]|[Aa]n)\s+(?:[\w’'-]+\s+){0,3}$", before):
                who = self._producer(at)  # "The American Action Network says it will spend $150,000 on a TV ad"
            if who is not None:
                return who
        return None

    def _producer_of_verb(self, at: int) -> Speaker | None:
        """The maker the sentence of a verb of making at ``at`` opens with (``_sentence_maker``), an apposition set off after
        them aside, with no other name between ("Huma Abedin, vice chairwoman for ..., emailed")."""
        opening = self._sentence_maker(at)
        if opening is None:
            return None
        end, maker = opening
        if re.search(r"[.;:!?]\s", self.text[end:at]) or any(
                end <= span.start < at and ent is not maker and not self._in_apposition(span.start) for span, ent in self.person_mentions):
            return None
        return self._maker_speaker(maker, at)

    def _said_in(self, head: str, pos: int, speakers: list[tuple[int, Entity]]) -> tuple[Speaker, Entity | None] | None:
        """Who was quoted last saying something "in" the thing a definite description names ("Powell's office said in a
        statement ... The statement added"): that speaker. (Not an interview: it is the interviewer's too.)"""
        lex = lexicon()
        if head in {"interview", "interviews"}:
            return None
        forms = {head, head + "s"} | ({head[:-1]} if head.endswith("s") else set()) | lex.authored_forms.get(head, frozenset())
        said_in = re.compile(r"\b(?:in|via|through)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}(?:"
                             + "|".join(re.escape(f) for f in sorted(forms)) + r")\b", re.I)
        reach = lex.distances["org_lookback"]
        quoted: list[tuple[int, Speaker | Entity]] = [*speakers, *self._org_speakers]
        verbs = r"\b(?:" + _alternation(lex.apposition_ends - {"who", "has", "had", "is", "was", "will", "would"}, "{}") + r")\b"
        for p, who in sorted((q for q in quoted if q[0] < pos and pos - q[0] < reach), key=lambda q: q[0], reverse=True):
            end = self._sentence_end(p)
            m = said_in.search(self.text, p, min(p + 80, end[0] + 1 if end else len(self.text)))
            # the speech verb of the quote says it ("Powell's office said in a statement", "said Ryan in a statement"; not
            # "Shook, who investigated breaches uncovered in the report")
            if m is not None and (re.search(verbs, self.text[p : m.start()]) or re.search(verbs + r"\s+$", self.text[max(0, p - 30) : p])):
                if isinstance(who, Entity):
                    return self._speaker(who, pos, "description"), who
                return replace(who, evidence="description"), None
        return None

    def _producer(self, at: int) -> Speaker | None:
        """Who made the thing named at ``at``: the organisation or person its sentence opens with, where a verb of
        making (lexicon ``producing_verbs``) stands between them with the thing as its object ("The Future45 group,
        funded by GOP donors, is planning to plaster screens with a Web ad"); None where another name stands between,
        or another preposition governs the thing ("Palin posted her message under a headline that said")."""
        opening = self._sentence_maker(at)
        if opening is None:
            return None
        end, maker = opening
        between = self.text[end:at]
        if any(end <= m.start and m.end <= at for m in self.mentions if m.label in {"PERSON", "ORG"}):
            return None
        lex = lexicon()
        verbs = [k for k, w in enumerate(between.split()) if _norm(w) in lex.producing_verbs]
        if not verbs:
            return None
        # The thing is the verb's object, or what it is spent on or filled with; not "posted her message under a headline".
        if any(_norm(w) in lex.prepositions - {"on", "with"} for w in between.split()[verbs[-1] + 1 :]):
            return None
        return self._maker_speaker(maker, at)

    def _sentence_maker(self, at: int) -> tuple[int, str | Entity] | None:
        """The organisation or person the sentence of ``at`` opens with, as a maker, with where its name ends: the organisation
        its subject is, a candidate's campaign ("The Cruz campaign sent ..."), or the person named first (not a possessor:
        "Clinton's campaign sent out an email" is the campaign's); None where it opens with none of them before ``at``."""
        org = self._org_subject(at)
        if org is not None:
            return org.end, self.fullest_org(_org_name(self.text[org.start : org.end]), "ORG")
        start = self._sentence_start(at)
        campaign = re.match(r"(?:[Tt]he\s+)?(?:[A-Z][\w-]+\s+)?([A-Z][\w-]+)(?:’s|'s)?\s+campaign\b", self.text[start:at])
        if campaign is not None and self.find([campaign.group(1)]) is not None:
            return start + campaign.end(), f"{campaign.group(1)} campaign"
        subject = self._person_at(start)
        span = next((span for span, _ in self.person_mentions if subject is not None and span.start == subject[0]), None)
        if subject is None or span is None or span.end > at or re.match(r"(?:’s|'s)\b", self.text[span.end : span.end + 3]):
            return None
        return span.end, subject[1]

    def _maker_speaker(self, maker: str | Entity, at: int) -> Speaker:
        return Speaker(maker, None, "ORG", "description") if isinstance(maker, str) else self._speaker(maker, at, "description")

    def _before_span(self, start: int) -> tuple[int, int] | None:
        """``_role_before_span`` of this article's text, asked once per place."""
        if start not in self._before_spans:
            self._before_spans[start] = _role_before_span(self.text, start)
        return self._before_spans[start]

    def _signs(self, span: Span) -> bool:
        """Whether a name is a signature (a paragraph of its own, "Martin Litwak."): the writer, not in the story."""
        if self._signatures is None:
            self._signatures = [(m.start(1), m.end(1)) for m in _SIGNATURE.finditer(self.text)]
        return any(a <= span.start and span.end <= b for a, b in self._signatures)

    def _writer(self, pos: int) -> tuple[Speaker | None, Entity | None]:
        """Who writes in the first person at ``pos``: the signature after it (a paragraph that is only a
        person's name: "Martin Litwak."), else the author line that ends the article ("Glenn Harlan Reynolds,
        a University of Tennessee law professor, is a member of ..."); none when neither is there."""
        lines = [(m.start(1), m.end(1), False) for m in _SIGNATURE.finditer(self.text, pos)]
        last = _AUTHOR_LINE.search(self.text.rstrip())
        if last is None:
            # A tagline that names the writer by surname, on the page's last line or the one before ("Gaudiano is a
            # Washington-based reporter for the USA TODAY NETWORK." above a stray line)
            end = len(self.text.rstrip())
            cut = self.text.rfind("\n", 0, end)
            before = _TAGLINE.search(self.text, max(0, self.text.rfind("\n", 0, cut)), cut) if cut > 0 else None
            last = before or _TAGLINE.search(self.text, 0, end)
        if last is not None and last.start(1) > pos:
            lines.append((last.start(1), last.end(1), True))
        byline = _BYLINE_HEADLINE.match(self.text)
        if byline is not None and self.body_start and byline.end(1) < self.body_start:
            lines.append((byline.start(1), byline.end(1), True))  # "Ann Coulter: And Then There Was the One": a column's writer
        by = _BYLINE.search(self.text, 0, min(len(self.text), pos, 600))
        if by is not None:
            lines.append((by.start(1), by.end(1), True))  # "By Laura Chen": the writer, where nothing closer signs
        excerpt = _EXCERPT_OF.search(self.text, 0, min(len(self.text), pos, 1500))
        if excerpt is not None:
            # "The following is ... excerpts from bestselling author Dinesh D’Souza’s new book": the book's author writes
            owner = next((m for m in self.mentions if m.label == "PERSON" and excerpt.end() <= m.start < excerpt.end() + 80
                          and (re.match(r"[’']s\b", self.text[m.end : m.end + 3]) is not None or _POSSESSIVE.search(self.text[m.start : m.end]) is not None)
                          and self.text[excerpt.end() : m.start].count(",") == 0), None)
            if owner is not None:
                lines.insert(0, (owner.start, owner.end, True))
        lex = lexicon()
        for start, end, author in lines:
            for span, ent in self.person_mentions:
                if start <= span.start and span.end <= end:
                    # Not a speaker a later "he" may mean: the writer is not in the story ("Trump ... He").
                    return self._speaker(ent, span.start, "pronoun"), None
            name = self.text[start:end]
            toks = [_norm(t) for t in name.split()]
            # A name the recogniser took for something else: by its first name, or by where it stands (an
            # author line opens with a name, not "The Heritage Foundation").
            if toks[0] in _first_names() or (author and toks[0] not in lex.determiners and toks[-1] not in lex.org_name_heads):
                apposition = re.match(r",([^\n]{1,160}?),", self.text[end:])
                role = clean_role(apposition.group(1).strip()) if apposition else None
                return Speaker(name, role, "PERSON", "pronoun", Span.of(self.text, start, end)), None
        writer = _metadata_author(self.author)
        if writer is not None:
            named = next((ent for ent in self.persons if ent.name == writer), None)
            return (self._speaker(named, pos, "pronoun") if named else Speaker(writer, None, "PERSON", "pronoun")), None
        return None, None

    def _who_is(self, start: int, end: int) -> Speaker | None:
        """The person or organisation a recognised name within ``start:end`` is, as a speaker (None for none)."""
        for o in self.mentions:
            if start <= o.start and o.end <= end + 3:
                if o.label == "PERSON":
                    ent = self.find(_name_tokens(self.text[o.start : o.end]))
                    return self._speaker(ent, o.start, "description") if ent is not None else None
                if o.label == "ORG":
                    return Speaker(self.fullest_org(_org_name(self.text[o.start : o.end]), "ORG"), None, "ORG", "description")
        return None

    def _org_referent(self, head: str, pos: int) -> str | None:
        """The organisation a definite description names ("the newspaper", "the institute", "the
        campaign"): the latest one before it, outside quotation marks, of that kind."""
        lex = lexicon()
        if head == "campaign":
            found = list(_CAMPAIGN.finditer(self.text, 0, pos))
            for m in reversed(found):
                if self.find([m.group(1)]) is not None:
                    return f"{_POSSESSIVE.sub('', m.group(1))} campaign"
            # None named: the campaign of the candidate the article is about.
            main = self._most_mentioned(pos)
            if main is not None and main.role_words(year=self.year) & lex.candidacy_words:
                return f"{_POSSESSIVE.sub('', main.tokens[-1])} campaign"
            return None
        if head == "administration":
            # "the administration": the one the article names ("the Obama administration"), else the one of the
            # president the article names, in office in its year.
            named = [m for m in re.finditer(r"\b([A-Z][\w’'-]+)(?:’s|'s)? administration\b", self.text[:pos])
                     if m.group(1).lower() not in lex.determiners | lex.indefinite_determiners]  # (not a sentence's "The administration")
            if named:
                return f"{_POSSESSIVE.sub('', named[-1].group(1))} administration"
            for ent in self.persons:
                known = ent.known
                if ent.first < pos and known is not None and self.year is not None and any(
                        r.lower() == "president" and a <= self.year <= (b or 9999) for r, a, b in known.roles):
                    return f"{known.name.split()[-1]} administration"
            return None
        if head == "government":
            of = self._government_of(pos)
            if of is not None:
                return of
        reach = lex.distances["org_lookback"]
        own = next((m for m in self.mentions if m.label == "ORG" and m.start <= pos + 4 and m.end > pos
                    and _last_word(self.text[m.start : m.end]) == head), None)
        own_words = _org_name(self.text[own.start : own.end]).split()[:-1] if own is not None else []
        if own is not None and any(_norm(w) not in lex.generic_org_words | lex.determiners for w in own_words):
            # "The White House", "the State Department": the name itself ("The Super PAC" names none)
            return self.fullest_org(_org_name(self.text[own.start : own.end]), "ORG")
        never = lex.not_referents.get(head, frozenset())  # "the House" is no White House
        for p, sp in reversed(self._org_speakers):
            if _norm(sp.name) == head or sp.name.lower() in never:
                continue  # a headline's "Network has offered ...": the word itself, no name
            if pos - p < reach and (_last_word(sp.name) == head or head in self._org_kinds.get(sp.name, ())):
                return sp.name  # "The Super PAC": the one quoted last ("Our Principles PAC")
        recent = [o for o in self.mentions if o.label == "ORG" and o.end <= pos and pos - o.end < reach and not self._in_quotes(o.start)]
        # "the group" is a foundation, a coalition ... the article names, before a company named since (a TV station it spoke to)
        kind_named = bool(lex.org_head_synonyms.get(head)) and any(
            set(_org_name(self.text[o.start : o.end]).lower().split()) & lex.org_head_synonyms[head] for o in recent)
        for men in reversed([o for o in self.mentions if o.label == "ORG" and o.end <= pos and pos - o.end < reach]):
            if self._in_quotes(men.start):
                continue
            name = _org_name(self.text[men.start : men.end])
            if any(re.search(r"\b" + re.escape(n) + r"\b", name.lower()) for n in never):
                continue  # ("the House" is no "White House Office of Strategic Initiatives" either)
            if name.islower():
                continue  # (a lower-case word the recogniser took for an organisation, "secretary of state": no name)
            last = _last_word(name)
            # What the name says it is, an acronym spelled out: "the bureau" is the FBI, "the school" Baylor University.
            said = set(lex.org_acronyms.get(name.lower(), name).lower().split())
            if head in lex.press_descriptions:
                if last in lex.press_names:
                    return self.fullest_org(name, "ORG")
            elif head in said or last == head or said & lex.org_head_synonyms.get(head, frozenset()):
                return self.fullest_org(name, "ORG")  # "the party": the GOP the article names the Republican Party
            elif head in lex.company_descriptions and pos - men.end < 1500 and not kind_named:
                lower = set(name.lower().split())
                if last not in lex.press_names | lex.non_company_heads and not lower & lex.public_org_words:
                    return name  # (not "the Rockefeller Brothers Fund", "the Brennan Center": no company)
            elif head in lex.organisation_descriptions and last not in lex.press_names and pos - men.end < 1500:
                if head in lex.private_org_descriptions and set(name.lower().split()) & lex.public_org_words:
                    continue  # "the nonprofit's assurances": no public body ("disclosure to the Justice Department")
                return name  # "The organization": the Heritage Foundation named last
            elif head in lex.public_body_heads and set(name.lower().split()) & lex.executive_body_words and pos - men.end < 1500:
                return name  # "The agency": the State Department named last (not a court, a party or a legislature)
        return self._country_government(pos) if head == "government" else None

    def _government_of(self, pos: int) -> str | None:
        """A government a description names after its head: "the government in Riyadh" (a capital) and "the government
        of Switzerland" by the country's adjective, "the government of President Petro O. Poroshenko" by its head's
        surname; None for any other."""
        m = re.match(r"[\w\s]{0,30}?\bgovernment\s+(?:in|of)\s+((?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w’'-]*)", self.text[pos : pos + 120])
        if m is None:
            return None
        lex = lexicon()
        written = m.group(1)
        country = lex.capitals.get(written.lower(), written.lower().removeprefix("the "))
        if country in lex.country_adjectives:
            return f"{lex.country_adjectives[country]} government"
        person = self.find(_name_tokens(written))
        if person is not None and _norm(written.split()[0]) in lex.title_words:
            return f"{person.tokens[-1]} government"
        return None

    def _country_government(self, pos: int) -> str | None:
        """"The government" where no government is named near it: the last one the article names by its country's
        adjective ("The Ethiopian government ..." thousands of characters before), else the government of the one
        country the article names most, at least twice and more than any other ("Switzerland"); none for the United
        States, whose government articles name no one in particular."""
        lex = lexicon()
        adjectives = set(lex.country_adjectives.values())
        named = [adjective for m in re.finditer(r"\b([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?) government\b", self.text[:pos])
                 for adjective in [next((a for a in (m.group(1), m.group(1).split()[-1]) if a in adjectives), None)] if adjective]
        if named:
            return f"{named[-1]} government"
        counts = Counter(self.text[m.start : m.end].lower().removeprefix("the ") for m in self.mentions
                         if m.label == "GPE" and self.text[m.start : m.end].lower().removeprefix("the ") in lex.country_adjectives)
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return f"{lex.country_adjectives[ranked[0][0]]} government"

    def _introduced_next(self, src: Span) -> Entity | None:
        """A lede's description, before the article names anyone, describes the person the next
        sentence opens with ("The lifelong Republican who wrote the speech says he won't vote for
        Donald Trump. Richard Cross, a former staff member ..."), not someone it names after it."""
        if self.text[self._sentence_start(src.start) : src.start].strip():
            return None  # not the sentence's subject
        if any(span.start < src.start for span, _ in self.person_mentions if span.start >= self.body_start):
            return None  # someone was named before: a description then looks back
        ends = self._sentence_end(src.end)
        subject = self._person_at(ends[1]) if ends is not None else None
        return subject[1] if subject is not None else None

    def _sentence_end(self, pos: int) -> tuple[int, int] | None:
        """Where the sentence holding ``pos`` ends (its full stop, question or exclamation mark) and the next one starts."""
        for m in re.finditer(r"[.!?][”\"’]?\s+", self.text[pos:]):
            if self._ends_sentence(pos + m.start()):
                return pos + m.start(), pos + m.end()
        return None

    def _named_after_lede(self, src: Span, head: str) -> Entity | None:
        """The person a lede's indefinite description stands for: the description is the subject of the body's first
        sentence, no one is named before it, and the person is the first one the article introduces after that
        sentence as one who speaks, close to it ("A former Democratic National Committee chairman says ... ¶ “...,” said
        Don Fowler"), whose roles, if the article or the public-figures table gives any, hold the description's head."""
        start = self._sentence_start(src.start)
        lead = self.text[start : src.start]
        line = self.text[self.text.rfind("\n", 0, src.start) + 1 : src.start]  # "WASHINGTON, Sept. 12 (AP) — ": one dateline
        if src.start < self.body_start or (lead.strip() and not _DATELINE.fullmatch(lead) and not _DATELINE.fullmatch(line)):
            return None  # not the subject of its sentence
        if any(self.body_start <= span.start < src.start for span, _ in self.person_mentions):
            return None  # someone was named before: not a lede
        ends = self._sentence_end(src.end)
        if ends is None:
            return None
        end = ends[0]
        reach = end + lexicon().distances["lede_to_name"]
        after, before = _speech_verb_after(), _speech_verb_before()
        for span, ent in self.person_mentions:
            if span.start <= end or span.start > reach or self._in_quotes(span.start) or span.start != ent.first:
                continue  # named in the lede, quoted, or named before: not introduced here
            said = self.text[span.end : span.end + 60]
            apposed = _BRIEF_APPOSITION.match(said)  # "Margaret Hollis, from Bolton, said", "Jo Reyes, 34, told"
            if not (after.match(said) or (apposed and after.match(said, apposed.end()))
                    or before.search(self.text[max(0, span.start - 20) : span.start])):
                continue  # "In an interview with David Axelrod": introduced, but not as the one who speaks
            return ent if self._may_hold(ent, head) else None  # "A State Department spokesman ... Secretary John Kerry": someone else
        return None

    def _introduced_later_as(self, src: Span, head: list[str]) -> Entity | None:
        """The one person the article names only after an indefinite description and gives that description's role in
        its own words ("A spokesman for Democratic presidential candidate Hillary Clinton called ... ¶ Clinton campaign
        spokesman Brian Fallon said"): a title with the description's head and the surname of whom it says they serve."""
        lex = lexicon()
        last = head[-1]
        forms = {last} | lex.synonyms.get(last, frozenset())
        # whom the description says the person works for: a person it names ("for ... Hillary Clinton")
        served = [self.text[m.start : m.end].split()[-1] for m in self.mentions if m.label == "PERSON" and src.start <= m.start and m.end <= src.end]
        if not served:
            return None
        surnames = {_norm(_POSSESSIVE.sub("", t)) for t in served}
        reach = src.end + lex.distances["lede_to_name"] * 3
        found = []
        for ent in self.persons:
            if not (src.end <= ent.first <= reach):
                continue
            role_words = {_norm(_POSSESSIVE.sub("", w)) for o, r in ent.roles if o not in ent.described for w in r.split()}
            if forms & role_words and surnames & role_words:
                found.append(ent)
        return found[0] if len(found) == 1 else None

    def _may_hold(self, ent: Entity, head: str) -> bool:
        """Whether a description's head (or a synonym) is among the person's roles, where the article or the
        public-figures table gives them any."""
        heads = {head} | lexicon().synonyms.get(head, frozenset())
        return not (ent.roles or ent.known) or bool(heads & ent.role_words(year=self.year))

    def _headline_subject(self, head: str) -> Entity | None:
        """Whom a headline's description stands for: the person the body's first sentence opens with ("Woman Reveals
        ... ¶ Betsy Sharp of Burke County, Georgia, knows ..."), or the one its lede describes ("Philippine lawmaker
        wants Trump banned ... ¶ A lawmaker in the Philippines is calling ... Joey Salceda said"), where the head
        agrees with what the article says they are."""
        lex = lexicon()
        if head not in _person_words() and head not in lex.generic_person_heads:
            return None
        first = re.search(r"\S", self.text[self.body_start :])
        if first is None:
            return None
        at = self.body_start + first.start()
        subject = self._person_at(at)
        ent: Entity | None = subject[1] if subject is not None else None
        if ent is None and _norm(self.text[at : at + 4].split()[0]) in lex.determiners | lex.indefinite_determiners:
            # A lede that opens with a description: the next sentence's subject, else the next one introduced as a speaker.
            opening = Span.of(self.text, at, at + 1)
            ent = self._introduced_next(opening) or self._named_after_lede(opening, head)
        if ent is None:
            return None
        gender = "m" if head in lex.generic_male_heads else "f" if head in lex.generic_female_heads else None
        if gender and ent.gender not in {None, gender}:
            return None
        if head not in lex.generic_person_heads and not self._may_hold(ent, head):
            return None  # "Senator ..." headline, a governor in the lede: someone else
        return ent

    def _beside_the_same_head(self, head: str, pos: int) -> set[int]:
        """The people (``id``) named in a sentence before ``pos`` that also writes a description with ``head`` ("McCrummen
        ... watched the convention with the woman"): another person than the one that description is."""
        out: set[int] = set()
        for m in re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[\w’'-]+\s+){0,2}" + re.escape(head) + r"\b").finditer(self.text, self.body_start, pos):
            start = self._sentence_start(m.start())
            end = self._sentence_end(m.end())
            stop = end[1] if end else m.end()
            for span, ent in self.person_mentions:
                if not (start <= span.start and span.end <= stop) or span.start <= m.start() < span.end:
                    continue
                between = self.text[m.end() : span.start] if span.start >= m.end() else self.text[span.end : m.start()]
                if re.fullmatch(r"\s*[,(—–-]?\s*(?:(?:named|called)\s+)?", between):
                    continue  # "a woman, Jane Doe,", "Jane Doe, a woman from Ohio", "a woman named Jane Doe": her
                out.add(id(ent))
        return out

    def _last_named(self, pos: int, gender: str | None = None) -> Entity | None:
        """The person named last before ``pos`` outside quotation marks (of ``gender``, where it is given and known)."""
        return next((ent for span, ent in reversed(self.person_mentions)
                     if span.end <= pos and not self._in_quotes(span.start) and not self._signs(span)
                     and (gender is None or ent.gender in {None, gender})), None)

    def _role_acronym_holder(self, name: str) -> Entity | None:
        """The one person the article gives the role an acronym stands for ("IG": "the State Department inspector
        general, Steve Linick"); None where the name is no role's acronym or the role is no one's or several's."""
        role = lexicon().role_acronyms.get(name.replace(".", "").lower())
        if role is None or name != name.upper():
            return None
        ends = (role.split(), [name.replace(".", "").lower()])
        return self._one_holder(lambda words: any([_norm(w) for w in words[-len(e) :]] == e for e in ends))

    def _sole_holder(self, head: str) -> Entity | None:
        """The one person the article gives a role headed by ``head`` ("U.S. District Judge Michael W. Mosman" for
        "the judge"); None where it gives it to no one or to several."""
        heads = _person_words()
        ranks = lexicon().rank_modifiers

        def fits(words: list[str]) -> bool:  # (a "Vice President" or a "former President" holds no office "the president" names)
            normed = [_norm(w) for w in words]
            if _head_word(words, heads) != head or head not in normed:
                return False
            at = normed.index(head)
            return not (at and normed[at - 1] in ranks)

        return self._one_holder(fits)

    def _one_holder(self, fits: Callable[[list[str]], bool]) -> Entity | None:
        """The one person of the article with a role whose words ``fits``; None where no one or several have one."""
        holders = {id(ent): ent for ent in self.persons if any(fits(r.split()) for _, r in ent.roles if r.split())}
        return next(iter(holders.values())) if len(holders) == 1 else None

    def _just_quoted(self, pos: int, speakers: list[tuple[int, Entity]]) -> Entity | None:
        """The person quoted in the sentence before ``pos`` (or earlier in its own), if they have no
        role in the article yet."""
        if not speakers:
            return None
        p, ent = speakers[-1]
        if p < self._sentence_before(pos):
            return None
        return ent

    def _most_mentioned(self, pos: int) -> Entity | None:
        """The person mentioned most often before ``pos`` (at least twice; None where two tie)."""
        counts = [(sum(1 for m in e.mentions if m.start < pos), e) for e in self.persons]
        counts = [c for c in counts if c[0] >= 2]
        if not counts:
            return None
        counts.sort(key=lambda c: -c[0])
        if len(counts) > 1 and counts[0][0] == counts[1][0]:
            return None  # no clear protagonist
        return counts[0][1]

    def _speaker(self, ent: Entity, pos: int, evidence: str, written: str | None = None) -> Speaker:
        role = None
        if written:
            idx = self.text.find(written, max(0, pos - 5))
            last = ent.tokens[0] if ent.tokens else ""
            if idx >= 0 and last and last in written:
                role = _role_before(self.text, idx + written.find(last))
                if role and _last_word(role) in lexicon().org_heads:
                    role = None  # "the campaign": an organisation, no role of the person
                if role and not any(r == role for _, r in ent.roles):
                    ent.roles.append((pos, role))  # a role the source itself gives: the person's from here on
                    ent.roles.sort()
        role = self._without_whom_served(role or ent.role_at(pos), ent)
        mention = max(ent.mentions, key=lambda m: (len(m.text.split()), -m.start))
        gender = {"f": "female", "m": "male"}.get(ent.gender or "") if ent.gender_evidence else None
        return Speaker(ent.name, role, "PERSON", evidence, mention, gender, ent.gender_evidence if gender else None)  # type: ignore[arg-type]

    def _without_whom_served(self, role: str | None, ent: Entity) -> str | None:
        """A role without the other person of the article it names last ("spokesman for Sanders" -> spokesman), as
        "Sanders' spokesman" reads: whom the role serves is the quote's context, not the speaker's role; an
        organisation's name after it stays ("spokesman for Exxon Mobil")."""
        m = _FOR_WHOM.fullmatch(role or "")
        if m is None:
            return role
        last = _norm(m.group(2).split()[-1])
        if any(e is not ent and e.tokens and _norm(e.tokens[-1]) == last for _, e in self.person_mentions):
            return m.group(1)
        return role

    def _whole_words(self, src: Span) -> Span:
        """A source cut inside a word ("Mr. Obam", "he cable" for "The cable"), widened to the whole words it touches."""
        start, end = src.start, src.end
        while start > 0 and self.text[start - 1].isalnum() and self.text[start : start + 1].isalnum():
            start -= 1
        while end < len(self.text) and self.text[end].isalnum() and self.text[end - 1 : end].isalnum():
            end += 1
        return src if (start, end) == (src.start, src.end) else Span.of(self.text, start, end)

    def _said_in_text(self) -> list[tuple[Span, Entity]]:
        """The people a quotation is credited to by name right after it closes, outside quotation marks ("“...,” said
        Christopher Preble", "“...,” Preble said"), in text order."""
        out = []
        for span, ent in self.person_mentions:
            if self._in_quotes(span.start):
                continue
            before = self.text[max(0, span.start - 40) : span.start]
            verb = _speech_verb_before().search(before)
            if verb is not None and _QUOTATION_CLOSED.search(before, 0, verb.start()):
                out.append((span, ent))  # "“...,” said Christopher Preble"
            elif _QUOTATION_CLOSED.search(before) and _speech_verb_after().match(self.text, span.end):
                out.append((span, ent))  # "“...,” Preble said"
        return out

    def resolve(self, quotes: Sequence[Quote]) -> None:
        """Set ``speaker`` on every quote, in text order."""
        speakers: list[tuple[int, Entity]] = []
        self._org_speakers: list[tuple[int, Speaker]] = []
        self._org_kinds: dict[str, set[str]] = {}  # what the article called an organisation: "newspaper"
        ordered = sorted(quotes, key=lambda q: q.start)
        given = [s for q in ordered for s in q.sources]
        # Quotations the text itself credits to a person by name ("..., said Christopher Preble, ...") count as theirs
        # where no quote given has that source (an extraction that missed it): "“...,” he said" after one is theirs.
        credited = [(span.start, ent) for span, ent in self._said_in_text() if not any(g.start < span.end and span.start < g.end for g in given)]
        for q in ordered:
            while credited and credited[0][0] < q.start:
                speakers.append(credited.pop(0))
            q.speaker = None
            if not q.sources:
                continue
            q.speaker, ent = self.speaker_of(self._whole_words(q.sources[0]), speakers)
            if ent is not None:
                speakers.append((q.sources[0].start, ent))
            elif q.speaker is not None and q.speaker.type in {"ORG", "GPE"}:
                self._org_speakers.append((q.sources[0].start, q.speaker))
        # A role written as its initials ("the IG", "The IG report"), taken for an organisation: the one person the
        # article gives that role.
        for q in quotes:
            sp = q.speaker
            holder = self._role_acronym_holder(sp.name) if sp is not None and sp.type == "ORG" and q.sources else None
            if holder is not None:
                q.speaker = self._speaker(holder, q.sources[0].start, "description")
                speakers.append((q.sources[0].start, holder))
        speakers.sort(key=lambda x: x[0])
        # Every quote of a person carries a role the article gives them, also one it gives later
        # ("Trump said ..." before "the businessman replied"); an organisation's, what the article
        # calls it ("American Crossroads, a super PAC,", "the oil giant Exxon Mobil").
        by_start: dict[int, list[Quote]] = {}
        for q in quotes:
            if q.sources:
                by_start.setdefault(q.sources[0].start, []).append(q)  # (two attributions may share a source)
        for pos, ent in speakers:
            for said in by_start.get(pos, ()):
                if said.speaker is not None and said.speaker.role is None and said.speaker.type != "DESCRIPTION":
                    said.speaker = replace(said.speaker, role=ent.role_at(pos))
        for q in quotes:
            sp = q.speaker
            if sp is not None and sp.type == "ORG" and q.sources and sp.name.islower():
                q.speaker = Speaker(_description(q.sources[0].text), None, "DESCRIPTION", "unresolved")  # "angry army": no name
                continue
            if sp is not None and sp.type == "ORG" and q.sources and self._generic_name(sp.name):
                # "the super PAC backing Hillary Clinton" named "PAC": no name, the one of its kind the article names, if any
                head = _norm(sp.name.split()[-1])
                found = self._org_referent(head, q.sources[0].start)
                q.speaker = (replace(sp, name=found) if found and not self._generic_name(found)
                             else Speaker(_description(q.sources[0].text), None, "DESCRIPTION", "unresolved"))
        organisations = {n: self._called_an_organisation(n) for n in {q.speaker.name for q in quotes if q.speaker and q.speaker.type == "PERSON"}}
        for q in quotes:
            sp = q.speaker
            if sp is not None and sp.type == "PERSON" and organisations[sp.name]:
                # "American Crossroads, a super PAC,": the recogniser's PERSON is an organisation.
                q.speaker = sp = replace(sp, type="ORG", role=None, gender=None, gender_evidence=None)
        # What the article calls an organisation also where a description stands for it ("The Super PAC" for Our
        # Principles PAC): every quote of it carries that role.
        described: dict[str, str] = {}
        for q in quotes:
            sp = q.speaker
            if sp is not None and sp.type == "ORG" and sp.evidence == "description" and q.sources:
                words = _description(q.sources[0].text).split()
                if 2 <= len(words) <= 4 and _norm(words[-1]) in lexicon().org_role_heads:
                    described.setdefault(sp.name, " ".join(words))
        for name, role in self._organisations_described():
            described.setdefault(name, role)
            described.setdefault(self.fullest_org(name, "ORG"), role)  # "the central bank" of "the Fed": the Federal Reserve's
        for q in quotes:
            sp = q.speaker
            if sp is not None and sp.type == "ORG" and sp.role is None:
                q.speaker = replace(sp, role=self._org_role(sp.name) or described.get(sp.name))

    def _organisations_described(self) -> Iterator[tuple[str, str]]:
        """What the article calls an organisation in a definite description outside quotation marks
        ("objected to the telecom giant's attempts"): the organisation it names and that description."""
        lex = lexicon()
        heads = lex.company_descriptions | lex.org_role_heads | lex.press_descriptions
        for at, toks in self._definite_descriptions():
            for i, t in enumerate(toks[:4]):
                w = _norm(t)
                if w in heads:
                    after = _word_after(toks, i)
                    if after and _norm(after) not in lex.after_description:
                        break
                    # "the newspaper" alone says nothing; "the Environmental Protection Agency" is a name; "the first group"
                    # (of voters) picks one of several named, no organisation
                    ordinal = any(_norm(x) in lex.ordinal_words for x in toks[:i])
                    name = self._org_referent(w, at) if any(x[:1].islower() for x in toks[:i]) and not ordinal else None
                    # "Facebook, the biggest social network,": an apposition describes the name it is set off from, even
                    # one the recogniser missed, not the organisation named before it
                    apposed = re.search(r"([A-Z][\w&.’'-]*)\s*,\s*$", self.text[max(0, at - 40) : at])
                    if name and apposed and apposed.group(1) not in name.split():
                        name = None
                    if name and not {_norm(x) for x in toks[:i]} & {_norm(x) for x in name.split()}:
                        yield name, " ".join(_POSSESSIVE.sub("", x.rstrip(",.;:")) for x in toks[: i + 1])
                    break
                if not (_plain_modifier(t) or t[:1].isupper()) or t[-1:] in ",.;:" or _POSSESSIVE.search(t):
                    break

    def _org_apposition(self, end: int) -> str | None:
        """The apposition after the name ending at ``end`` that may say what an organisation is ("Alphabet, the parent
        company of Google,", "The FDIC, a major U.S. banking regulator which ..."), as written; None where there is none."""
        m = _ORG_APPOSITION.match(_initials_masked(self.text[end : end + 140]))
        return self.text[end + m.start(1) : end + m.end(1)] if m else None

    def _called_an_organisation(self, name: str) -> bool:
        """Whether the article calls what it names ``name`` an organisation in an apposition ("Priorities USA, a
        pro-Clinton super PAC,"): its head is an organisation's, and no word of it is a person's."""
        lex = lexicon()
        for start, end in self._written(name):
            if self._in_quotes(start):
                continue
            phrase = self._org_apposition(end)
            if phrase is None:
                continue
            head = [_norm(w) for w in _before_clause(phrase.split())]
            # (a person's word before a preposition is whose the phrase is: "a spokesman for the company"; with none it
            # modifies the head: "the official Chinese news agency", unless the head is a person's too: "letter carrier")
            governed = any(w in lex.role_prepositions for w in head) or head[-1:] and head[-1] in _person_words()
            if head and head[-1] in lex.org_role_heads and not (governed and any(w in lex.person_heads or w in lex.title_words for w in head)):
                return True
        return False

    def _written(self, name: str) -> list[tuple[int, int]]:
        """Where ``name`` is written in the article, as a whole word."""
        if name not in self._written_at:
            if name not in self.text:
                self._written_at[name] = []
            else:
                self._written_at[name] = [f.span() for f in _rx(rf"(?<![\w’']){re.escape(name)}(?![\w])").finditer(self.text)]
        return self._written_at[name]

    def _org_role(self, name: str) -> str | None:
        """What the article calls an organisation where it names it: an apposition ("Alphabet, the
        parent company of Google" -> parent company) or words before the name ("the retailer
        Amazon"), cut after their head noun."""
        lex = lexicon()
        heads = lex.org_role_heads | lex.org_heads | lex.company_descriptions | lex.press_descriptions
        named = [(o.start, o.end) for o in self.mentions if o.label == "ORG" and _org_name(self.text[o.start : o.end]) == name]
        if not named:  # a name the recogniser missed or typed otherwise ("American Crossroads")
            named = self._written(name)
        for start, end in named:
            if self._in_quotes(start):
                continue
            before = _ORG_BEFORE.search(self.text, max(0, start - 60), start)
            called = _org_called().search(self.text, max(0, start - 90), start)  # "a civil rights advocacy group called Color of Change"
            head_after = re.match(r"\s+([a-z]+)\b", self.text[end : end + 20])  # "the nationalist Global Times tabloid"
            after = head_after.group(1) if (
                head_after and _norm(head_after.group(1)) in lex.press_descriptions | lex.org_role_heads
                and re.search(r"\b[Tt]he\s+(?:[\w-]+\s+){0,2}$", self.text[max(0, start - 40) : start])) else None  # not "a 2014 UCSD paper"
            if before and _norm(before.group(1).split()[-1]) not in heads:
                before = None  # "the U.S. Court of Appeals for the 3rd Circuit": words before a name are its role only up to their head
            for phrase in (self._org_apposition(end), before.group(1) if before else None, called.group(1) if called else None, after):
                if phrase is None:
                    continue
                words = _before_clause(phrase.split())
                last = max((k for k, w in enumerate(words) if _norm(w) in heads), default=-1)
                if last >= 0:
                    return " ".join(words[: last + 1])
        return None


def _before_clause(words: list[str]) -> list[str]:
    """A phrase's words up to its first clause word, or verb form after its head ("super PAC aligned with ..." -> super
    PAC; "major U.S. banking regulator which keeps ..." -> major U.S. banking regulator)."""
    lex = lexicon()
    heads = lex.org_role_heads | lex.org_heads
    keep = next((k for k, w in enumerate(words) if _norm(w) in lex.clause_words
                 or (w.endswith(("ed", "ing")) and any(_norm(x) in heads for x in words[:k]))), len(words))
    return words[:keep]


def _names_with(raw: list[str]) -> bool:
    """Whether a leading possessive determiner is part of a name: "Our Principles PAC", "Our
    Revolution" (capitalised, before a capitalised word), not "Our campaign"."""
    return len(raw) > 1 and raw[0][:1].isupper() and _norm(raw[0]) in {"our", "my", "your"} and raw[1][:1].isupper()


@lru_cache(maxsize=1)
def _known_organisations_pattern() -> re.Pattern[str] | None:
    names = lexicon().known_organisations
    if not names:
        return None
    return re.compile(r"(?<![\w’'-])(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?![\w-])")


def _known_organisations(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with an organisation the recogniser often misses or types otherwise ("the Islamic State": "Islamic"
    a people's adjective, "State" nothing; ``known_organisations``, lexicon data) made one ORG mention, wherever the text
    writes its name and no organisation's mention covers it."""
    pattern = _known_organisations_pattern()
    if pattern is None:
        return mentions
    found = [(m.start(), m.end()) for m in pattern.finditer(text)]
    found = [(a, b) for a, b in found if not any(m.label == "ORG" and m.start <= a and b <= m.end for m in mentions)]
    return _with_mentions(mentions, found, "ORG")


def _particles_joined(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with a person's name the recogniser cut after a particle ("Ursula von" and "Leyen" typed a place, of
    "Ursula von der Leyen") made one PERSON mention, up to the capitalised word that ends it."""
    particles = lexicon().name_particles
    found = []
    for m in mentions:
        words = text[m.start : m.end].split()
        if m.label == "PERSON" and len(words) > 1 and _norm(words[-1]) in particles:
            rest = re.match(r"(?:\s+(?:" + "|".join(sorted(map(re.escape, particles))) + r"))*\s+[A-Z][\w’'-]*[\w’']", text[m.end : m.end + 60])
            if rest is not None:
                found.append((m.start, m.end + rest.end()))
    return _with_mentions(mentions, found, "PERSON")


def _in_title_case_line(text: str, pos: int) -> bool:
    """Whether ``pos`` is in a line whose words of four letters or more are all capitalised (a headline's)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    words = [w for w in re.findall(r"[A-Za-z]{4,}", text[start : end if end >= 0 else len(text)])]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _double_surnames_joined(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with a full name the recogniser cut inside a double surname ("Enrique Peña" before "Nieto", where the
    article writes "Peña Nieto" elsewhere as a person's name) made one PERSON mention, the second surname included."""
    # (not in a title-case line, a headline's, whose capitals the recogniser takes for names: "America Ferrera Sent Donald Trump")
    prose = [m for m in mentions if m.label == "PERSON" and not _in_title_case_line(text, m.start)]
    pairs = {text[m.start : m.end] for m in prose if len(text[m.start : m.end].split()) == 2}
    found = []
    for m in prose:
        words = text[m.start : m.end].split()
        if len(words) < 2:
            continue
        nxt = re.match(r" ([A-Z][\w’'-]*\w)(?![\w’'-])", text[m.end : m.end + 40])
        if nxt is not None and f"{words[-1]} {nxt.group(1)}" in pairs:
            found.append((m.start, m.end + nxt.end()))
    return _with_mentions(mentions, found, "PERSON")


def _with_mentions(mentions: list[Mention], spans: list[tuple[int, int]], label: str) -> list[Mention]:
    """``mentions`` with a ``label`` mention at each of ``spans``, in place of every mention overlapping one, in order."""
    if not spans:
        return mentions
    kept = [m for m in mentions if not any(m.start < b and a < m.end for a, b in spans)]
    return sorted(kept + [Mention(a, b, label) for a, b in spans], key=lambda m: m.start)


# A first name, a nickname in quotation marks and a surname: George "Jay" Keyworth, John “Tig” Tiegen.
_NICKNAMED = re.compile(r"\b([A-Z][\w’'-]+)\s+[\"“‘]([A-Z][\w’'-]+)[\"”’]\s+([A-Z][\w’'-]+)\b")


def _nicknamed(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with a name that holds a nickname in quotation marks (George "Jay" Keyworth) made one PERSON mention,
    where the recogniser found a person in it (it cuts such a name at the quotation mark: 'Jay" Keyworth')."""
    found = [(m.start(), m.end()) for m in _NICKNAMED.finditer(text) if _norm(m.group(1)) in _first_names()
             and any(x.label == "PERSON" and x.start < m.end() and m.start() < x.end for x in mentions)]
    return _with_mentions(mentions, found, "PERSON")


# A group's name made of a capitalised plural and what it stands for or against ("Friends of the Earth", "Americans for
# Prosperity", "Doctors Without Borders", "Mothers Against Drunk Driving").
_CAUSE_NAME = re.compile(r"(?<![\w’'.-])([A-Z][a-z]+s)\s+(of|for|[Ff]or|[Aa]gainst|[Ww]ithout)\s+"
                         r"((?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+|of\s+)?[A-Z][\w’'-]*){0,4})")


def _cause_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with each such group's name made an ORG mention where the recogniser saw nothing in it but a place
    ("Earth"). A group of people "of" a body is no name ("Members of Congress"); one "for" a
    cause is ("Americans for Prosperity")."""
    lex = lexicon()
    found = []
    for m in _CAUSE_NAME.finditer(text):
        first = _norm(m.group(1))
        if first in lex.title_words or (m.group(2) == "of" and first in lex.group_heads | lex.person_heads):
            continue
        if any(x.label not in {"LOC", "FAC"} and x.start < m.end() and m.start() < x.end for x in mentions):
            continue  # a name the recogniser found in it or across it: "Shares of Exxon Mobil", "Thousands of Americans"
        found.append((m.start(), m.end()))
    return _with_mentions(mentions, found, "ORG")


def _metadata_author(author: str | None) -> str | None:
    """The one person a page's author metadata names ("Laura Chen", "By Laura Chen"), None for several ("Laura Chen
    and Tom Hale"), an organisation or a desk ("Associated Press", "Staff reports"), or anything else."""
    if not author:
        return None
    name = re.sub(r"^\s*[Bb]y\s+", "", author.strip())
    if not re.fullmatch(r"(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+", name):
        return None
    words = {_norm(w) for w in name.split()}
    lex = lexicon()
    if words & (lex.org_name_heads | lex.org_heads | lex.desk_words):
        return None
    return name


def _org_word(text: str, word: str, mentions: list[Mention]) -> bool:
    """Whether one capitalised word ("Twitter", "Wealth-X") names an organisation wherever the article writes it: the
    recogniser types it an organisation in most of the places it finds it, and the article never writes it in lower case
    ("State", "state") nor after another name ("Violet" of "Maryam Violet": a surname)."""
    if not re.fullmatch(r"[A-Z][\w.&-]+", word) or _rx(rf"\b{re.escape(word.lower())}\b").search(text):
        return False
    if any(_rx(rf"[A-Z][\w’'-]+\s+{re.escape(word)}").fullmatch(text[m.start : m.end]) for m in mentions):
        return False
    labels = Counter(m.label for m in mentions if text[m.start : m.end] == word)
    return labels["ORG"] > sum(labels.values()) / 2


def _orgs_where_unrecognised(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with an organisation's one-word name (``_org_word``) made an ORG mention wherever the recogniser saw
    nothing: "Twitter acknowledged ..." where it missed the name, "Wealth-X counts ..., and it said" with its subject."""
    names = [n for n in {text[m.start : m.end] for m in mentions if m.label == "ORG"} if _org_word(text, n, mentions)]
    if not names:
        return mentions
    taken = sorted((m.start, m.end) for m in mentions)
    found = []
    for n in names:
        for f in _rx(rf"(?<![\w’'.-]){re.escape(n)}(?![\w’'-])").finditer(text):
            k = bisect.bisect_right(taken, (f.start(), len(text))) - 1
            if (k >= 0 and taken[k][1] > f.start()) or (k + 1 < len(taken) and taken[k + 1][0] < f.end()):
                continue  # inside or across a mention of its own
            found.append(Mention(f.start(), f.end(), "ORG"))
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


# An "It" that reports what a written thing says: "It says", "It also noted".
_IT_REPORTS = re.compile(r"[Ii]t\s+(?:also\s+)?(?:says|said|states|stated|notes|noted|adds|added|reads|read|argues|argued|warns|warned|"
                         r"concludes|concluded|lists|listed|lays\s+out|found|finds|shows|showed|claims|claimed|accuses|accused)\b")


# What an editor's note says a text is: an excerpt of a book, whose author writes its "I" ("excerpts from bestselling
# author Dinesh D’Souza’s new book").
_EXCERPT_OF = re.compile(r"\b(?:[Ee]xcerpt(?:s|ed)?|[Aa]dapted)\s+(?:from|of)\s+")


# The place heads that end a street's or a building's name more often than a surname ("Galeana Street"; not "Hall", "Park").
_WAY_HEADS = frozenset({"street", "avenue", "boulevard", "road", "highway", "parkway", "bridge", "airport", "station", "stadium", "arena",
                        "building", "plaza"})


# Initials that open an organisation's name, never a person's: "USA Today", "CNN Money", "RTL Info".
_INITIALS_FIRST = re.compile(r"[A-Z]{3,5}")


# A paragraph opened by a name and a colon, as a transcript or an interview gives each answer: "Ruiz: Yes.", "ANGELA RUIZ: We".
_ANSWER_LABEL = re.compile(r"[ \t]*((?:[A-Z][\w’'.-]*)(?:[ \t]+[A-Z][\w’'.-]*){0,3})[ \t]*:[ \t]")
# A quotation closed right before (a search's end): "“...,” said", "“...!” Preble".
_QUOTATION_CLOSED = re.compile(r"[,?!]\s*[”\"]\s*$")
# An answer of a question-and-answer interview, its paragraph opened by "A:" (the questions by "Q:" or "Q").
_QA_ANSWER = re.compile(r"(?m)^[ \t]*A[:.][ \t]+\S")
# A transcript's speaker label, a name in capitals opening its line: "KATE BOULDUAN: Why not debate?".
_TRANSCRIPT_LABEL = re.compile(r"(?m)^[ \t]*((?:[A-Z][A-Z’'.-]*[A-Z]|[A-Z]\.)(?:[ \t]+(?:[A-Z][A-Z’'.-]*[A-Z]|[A-Z]\.)){1,3})[ \t]*:[ \t]")


def _transcript_speakers(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with each transcript label that gives a first name and a surname in capitals ("KATE BOULDUAN:",
    "JOEL BENENSON:"), or a lone surname in a transcript ("WALLACE:"), made one PERSON mention, whatever the recogniser
    made of it (it types most names in capitals organisations): the person a bare "BOULDUAN:" further on is."""
    found = []
    for m in _TRANSCRIPT_LABEL.finditer(text):
        toks = m.group(1).split()
        if _norm(toks[0]) in _first_names() and not any(_norm(t) in lexicon().not_names | lexicon().title_words for t in toks):
            found.append((m.start(1), m.end(1)))
    # A lone surname labelling answers in a transcript ("WALLACE:", "PENCE:"), unless a role labels them ("ANNOUNCER:").
    not_names = lexicon().not_names | lexicon().title_words | lexicon().transcript_roles
    for label, _, _ in labelled(text):
        word = label.text
        if " " not in word and sum(c.isalpha() for c in word) >= 4 and _norm(word) not in not_names and (label.start, label.end) not in found:
            found.append((label.start, label.end))
    return _with_mentions(mentions, found, "PERSON")


def _recased(text: str, tokens: list[str]) -> list[str]:
    """A name written all in capitals ("HILLARY CLINTON", a transcript's "KATE BOULDUAN") as the article writes it
    elsewhere, else each word capitalised ("O'MALLEY" -> "O'Malley"); any other name as it is."""
    if (not all(t.isupper() for t in tokens) or any(re.match(r"[A-Z]-", t) for t in tokens)
            or (len(tokens) == 1 and sum(c.isalpha() for c in tokens[0]) < 4)):
        return tokens  # "G-III", "AOC": no name in capitals
    out: list[str] = []
    for t in tokens:
        if re.fullmatch(r"[IVX]+\.?", t) and out:
            out.append(t)  # "JOHN SMITH III"
            continue
        other = next((f.group() for f in re.finditer(rf"(?<![\w’']){re.escape(t)}(?!\w)", text, re.IGNORECASE) if not f.group().isupper()), None)
        out.append(other or re.sub(r"[A-Z]+", lambda w: w.group()[0] + w.group()[1:].lower(), t))
    return out


def _org_name(text: str) -> str:
    """An organisation's name as a mention writes it, without "the" ("its": "Its Clinton Health Access
    Initiative"; or a lower-case "a"), a possessive, a
    qualifier ("so-called") and lower-case words before it ("conservative nationalist")."""
    words = _POSSESSIVE.sub("", text.strip()).split()
    words = words[1:] if len(words) > 1 and (words[0].lower() == "the" or words[0] in {"a", "an", "its", "Its"}) else words
    qualifiers = lexicon().name_qualifiers
    while len(words) > 1 and words[0].lower() in qualifiers:
        words = words[1:]
    while len(words) > 1 and words[0].isalpha() and words[0].islower() and any(w[:1].isupper() for w in words[1:]):
        words = words[1:]  # "the conservative nationalist Swiss People’s Party": what the writer calls it, before its name
    return " ".join(words)


_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,6}")


def _one_edit(a: str, b: str) -> bool:
    """Whether two surnames of five letters or more, with the same first letter, differ by one letter
    added, dropped, changed or two letters swapped ("Sweeny"/"Sweeney", "Bryne"/"Byrne"; not "Labbot"/"Labott")."""
    if a == b or min(len(a), len(b)) < 5 or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    if long_ == short + "s":
        return False  # "the Clintons": the family, not a misspelling
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


# What a person's possessive opening a sentence may head and still make that person its subject for a pronoun after
# it ("Mr. Sanders's campaign vowed ... he gave a defiant speech").
_CANDIDATE_BODIES = frozenset({"campaign", "camp", "team", "office"})
# A possessive and a lower-case title after it, one word between at most ("'s campaign chairman", "’s top aide").
_POSSESSED_TITLE = re.compile(r"[’']s?\s+(?:([a-z][\w-]*)\s+)?([a-z][\w-]*)")


def _initials(name: str) -> str:
    """The initials of a name's words, its small words aside: "Federal Bureau of Investigation" → FBI."""
    small = lexicon().determiners | {"of", "and", "for", "&", "on", "in", "at"}
    return "".join(w[0] for w in re.findall(r"[\w’']+", name) if w.lower() not in small and w[0].isupper())


def _public_figure(surname: str, gender: str | None, named: frozenset[str] | set[str] = frozenset()) -> KnownPerson | None:
    """The public figure a surname key alone means: of ``gender`` where it is known, none of ``named`` (name keys joined:
    someone of that surname the article names in full), the only one left or the one the table makes the default."""
    cands = [p for p in known_people().get(surname, [])
             if (gender is None or p.gender is None or p.gender == gender) and " ".join(_name_keys(p.name.split())) not in named]
    return cands[0] if len(cands) == 1 else next((p for p in cands if p.surname_default), None)


def _known_by_surname(key: str) -> bool:
    """Whether the surname key names one public figure of ``people_en.json`` (or one that is the default for it)."""
    cands = known_people().get(key, [])
    return len(cands) == 1 or any(p.surname_default for p in cands)


def _last_word(text: str) -> str:
    words = re.findall(r"[\w'’]+", text)
    return words[-1].lower() if words else ""


def _description(text: str) -> str:
    lex = lexicon()
    toks = text.strip().strip(",;:").split()
    while toks and toks[0].lower() in lex.determiners:
        toks = toks[1:]
    return " ".join(toks)


def resolve_speakers(text: str, quotes: Sequence[Quote], mentions: Sequence[Mention], published: str | None = None, author: str | None = None) -> None:
    """Set the canonical ``speaker`` of each quote from the article's entity mentions.

    ``published`` (an ISO date, or any string starting with the year) lets a description
    match only the roles a public figure held that year ("the president" in 2016). ``author`` (the page's metadata)
    writes "I" outside quotation marks where the text itself signs nothing.
    """
    year = int(published[:4]) if published and published[:4].isdigit() else None
    Resolver(text, mentions, year, author).resolve(quotes)
    for q in quotes:
        sp = q.speaker
        if sp is not None and not sp.name.strip():
            q.speaker = None  # a description with no word left ("that" after a run of verbs taken for a name) names no one
            continue
        if sp is not None and MOJIBAKE.search(unicodedata.normalize("NFC", f"{sp.name} {sp.role or ''}")):
            # "FranÃ§ois Hollande": UTF-8 read as Windows-1252 where the page was made; the name as it was written
            from ftfy import fix_text

            q.speaker = replace(sp, name=fix_text(sp.name), role=fix_text(sp.role) if sp.role else None)
