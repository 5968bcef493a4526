"""Words, word-piece windows and tags shared by the tagger's training and inference."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from .decode import Word

LABELS = ("O", "B-CUE", "I-CUE", "B-SRC", "I-SRC", "B-CON", "I-CON")
LABEL_ID = {t: i for i, t in enumerate(LABELS)}
ROLE_TAG = {"cue": "CUE", "source": "SRC", "content": "CON"}

# The scorer's tokens: runs of word characters or one punctuation character.
WORD_RE = re.compile(r"\w+|[^\w\s]")
# Long runs (URLs, hashes) are cut so one word never fills a window.
MAX_WORD_CHARS = 50
PARAGRAPH_PIECE = "[unused0]"
# A first paragraph this short (in pieces) is a headline: tagged in its own window, with
# HEADLINE_CONTEXT pieces of what follows.
HEADLINE_PIECES = 64
HEADLINE_CONTEXT = 32
# Pieces per window ([CLS] and [SEP] aside) and the most a window starts after the one before.
# The tagger was trained on windows of 254 every 224; it reads in windows of 160 starting at
# paragraph starts, overlapping only where a paragraph starts inside a window. On PolNeAR dev
# (attribution F1): 254/224 0.757, 192/160 0.759, 176/144 0.764, 160/144 0.766, 160/160 0.766,
# 144/144 0.756, 128/128 0.757; and a 160-piece window runs about twice as fast per piece as a
# 254-piece one here (int8 on one core), so 160/160 tags the dev texts in 0.7x the time.
# A window starting at a paragraph start then took that paragraph's first words from itself (Plan.opens),
# not from the window before, which sees them only at its right edge: 160/160 0.765 (content exact 0.615 ->
# 0.621), 254/224 0.761.
WINDOW = 160
STRIDE = 160


def words_of(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    end = len(text) if end is None else end
    out = []
    for m in WORD_RE.finditer(text, start, end):
        s, e = m.span()
        while e - s > MAX_WORD_CHARS:
            out.append(Word(s, s + MAX_WORD_CHARS, text[s : s + MAX_WORD_CHARS]))
            s += MAX_WORD_CHARS
        out.append(Word(s, e, text[s:e]))
    return out


def gold_tags(words: Sequence[Word], attributions: Sequence[dict[str, list[tuple[int, int]]]]) -> list[str]:
    """BIO tags of the words from gold attributions (each span starts with ``B-``)."""
    tags = ["O"] * len(words)
    starts = [w.start for w in words]
    import bisect

    for att in attributions:
        for role, lab in ROLE_TAG.items():
            for s, e in sorted(att[role]):
                i = max(0, bisect.bisect_right(starts, s) - 1)
                first = True
                while i < len(words) and words[i].start < e:
                    if words[i].end > s:
                        tags[i] = ("B-" if first else "I-") + lab
                        first = False
                    i += 1
    return tags


@dataclass
class Pieces:
    ids: list[int]
    word_of: list[int]  # word index of each piece, -1 for a paragraph marker
    first_piece: list[int]  # piece index of each word's first piece


def to_pieces(tokenizer, text: str, words: Sequence[Word]) -> Pieces:
    """Word pieces of the words, with a marker piece at each paragraph break."""
    para_id = tokenizer.token_to_id(PARAGRAPH_PIECE)
    unk_id = tokenizer.token_to_id("[UNK]")
    ids: list[int] = []
    word_of: list[int] = []
    first: list[int] = []
    if not words:
        return Pieces(ids, word_of, first)
    enc = tokenizer.encode([w.text for w in words], is_pretokenized=True, add_special_tokens=False)
    by_word: list[list[int]] = [[] for _ in words]
    for pid, wid in zip(enc.ids, enc.word_ids):
        if wid is not None:
            by_word[wid].append(pid)
    prev_end = words[0].start
    for i, w in enumerate(words):
        if i and "\n" in text[prev_end : w.start]:
            ids.append(para_id)
            word_of.append(-1)
        first.append(len(ids))
        pieces = by_word[i][:8] or [unk_id]
        ids.extend(pieces)
        word_of.extend([i] * len(pieces))
        prev_end = w.end
    return Pieces(ids, word_of, first)


def headline_window(n: int, anchors: Sequence[int]) -> bool:
    """Whether ``windows`` gives the first paragraph a window of its own (the body's first
    window then starts at ``anchors[0]``, with no left edge): a short first paragraph with
    more than its context after it, however short the text (dev F1 the same as giving it
    one only in texts longer than a window, and a short text's copy with another headline
    is then tagged as the original in its body too)."""
    return n > anchors[0] + HEADLINE_CONTEXT if anchors and anchors[0] <= HEADLINE_PIECES else False


def windows(n: int, size: int, stride: int, anchors: Sequence[int] = (), headline: bool = True) -> Iterator[tuple[int, int]]:
    """(start, end) piece windows of at most ``size`` covering ``n`` pieces, at most ``stride`` apart.

    With ``anchors`` (sorted piece indices where paragraphs start), a window starts at the
    last paragraph start in the second half of the stride where there is one, and a short
    first paragraph (a headline) gets a window of its own while the others are laid out
    from the second paragraph on. A changed headline, the commonest edit of a syndicated
    copy, then moves no window of the body, and the copy is tagged as the original there.
    """
    import bisect

    if headline and headline_window(n, anchors):
        # A headline gets its own short window (with a little of what follows), and the
        # rest are laid out from the first paragraph: a changed headline moves no other window.
        yield 0, min(n, anchors[0] + HEADLINE_CONTEXT)
        first = anchors[0]
        yield from ((first + a, first + b) for a, b in windows(n - first, size, stride, [x - first for x in anchors[1:]], headline=False))
        return
    if n <= size:
        yield 0, n
        return
    s = 0
    while True:
        e = min(n, s + size)
        yield s, e
        if e == n:
            return
        i = bisect.bisect_right(anchors, s + stride) - 1
        s = anchors[i] if i >= 0 and anchors[i] > s + stride // 2 else s + stride


@dataclass
class Plan:
    """How one text is cut into windows for the tagger: its pieces, the windows, and the
    window starts that have no left edge (the text's start, and every window starting at a paragraph start)."""

    pieces: Pieces
    spans: list[tuple[int, int]]
    opens: frozenset[int]


def plan(tokenizer, text: str, words: Sequence[Word], size: int = WINDOW, stride: int = STRIDE) -> Plan:
    """The windows the tagger reads a text in, at training as at inference."""
    return plan_pieces(to_pieces(tokenizer, text, words), size, stride)


def plan_pieces(pcs: Pieces, size: int = WINDOW, stride: int = STRIDE) -> Plan:
    anchors = [i for i, w in enumerate(pcs.word_of) if w < 0]  # paragraph markers
    spans = list(windows(len(pcs.ids), size, stride, anchors))
    # A window that starts at a paragraph start has no left edge: its first words begin a
    # paragraph, and it reads them with what follows (the cue closing their sentence).
    starts = set(anchors)
    opens = frozenset({0} | {s for s, _ in spans if s in starts})
    return Plan(pcs, spans, opens)


def word_logits(p: Plan, outs: Sequence[np.ndarray]) -> np.ndarray:
    """Each word's logits from the window where its first piece sits most centrally.

    ``outs[i]`` holds the logits of the pieces of window ``p.spans[i]`` (no [CLS]/[SEP]).
    Ties go to the shorter window, then to the earlier one.
    """
    total = len(p.pieces.ids)
    n_labels = outs[0].shape[-1] if len(outs) else len(LABELS)
    piece = np.zeros((total, n_labels), dtype=np.float32)
    best = np.full(total, -1)
    for i in sorted(range(len(p.spans)), key=lambda i: p.spans[i][1] - p.spans[i][0]):
        s, e = p.spans[i]
        k = np.arange(s, e)
        left = (k - s) if s not in p.opens else np.full(e - s, total)
        right = (e - 1 - k) if e < total else np.full(e - s, total)
        central = np.minimum(left, right)
        take = central > best[s:e]
        best[s:e][take] = central[take]
        piece[s:e][take] = outs[i][: e - s][take]
    if not p.pieces.first_piece:
        return np.zeros((0, n_labels), dtype=np.float32)
    return piece[p.pieces.first_piece]


def softmax(logits: np.ndarray) -> np.ndarray:
    z = np.exp(logits - logits.max(-1, keepdims=True))
    return z / z.sum(-1, keepdims=True)
