"""Top terms of a set of statements: the most frequent words that are not stop words."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

# Function words and the words of reporting itself; a term must be a content word to tell speakers apart.
STOP_WORDS = frozenset(
    """
    a about above after again against all almost also although always am among an and another any are aren't around as at
    be became because become been before being below between both but by can cannot could couldn't did didn't do does doesn't
    doing don't done down during each either else enough even ever every few for from further get gets getting give given go
    going gone got had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how
    how's however i i'd i'll i'm i've if in into is isn't it it's its itself just last least less let let's like made make many
    may me might more most much must mustn't my myself need needs neither never new next no nor not now of off often on once one
    only or other others otherwise our ours ourselves out over own per perhaps put quite rather really said same say saying says
    see seem seems several shall shan't she she'd she'll she's should shouldn't since so some something still such take than
    that that's the their theirs them themselves then there there's these they they'd they'll they're they've thing things
    think this those though through thus to told too toward towards under until up upon us used very via was wasn't way we we'd
    we'll we're we've well went were weren't what what's whatever when when's where where's whether which while who who's whom
    whose why why's will with within without won't would wouldn't yes yet you you'd you'll you're you've your yours yourself
    yourselves added according asked called comes coming know known look lot lots mr mrs ms want wanted year years time times
    day days two three four five first second today tomorrow yesterday back part including told tell
    """.split()
)
_WORD = re.compile(r"[^\W\d_](?:[\w’'-]*\w)?")


def top_terms(texts: Iterable[str], top: int = 15, min_length: int = 3) -> list[tuple[str, int]]:
    """The ``top`` most frequent words of ``texts`` (lower-cased, curly apostrophes made straight) that are
    not stop words and have at least ``min_length`` letters, with their counts; ties in alphabetical order."""
    counts: Counter[str] = Counter()
    for text in texts:
        for m in _WORD.finditer(text.lower().replace("’", "'")):
            word = m.group(0)
            if word.endswith("'s"):
                word = word[:-2]
            if len(word) >= min_length and word not in STOP_WORDS:
                counts[word] += 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
