"""Windows over word pieces: cover everything, overlap, start at paragraphs, and tag a text the same way whatever its company."""

import numpy as np
import pytest

from quotegraph.attribution.encoding import windows, words_of


@pytest.mark.parametrize(
    "n, size, stride, anchors, expected",
    [
        (10, 20, 15, [], [(0, 10)]),
        (50, 20, 15, [], [(0, 20), (15, 35), (30, 50)]),
        # a paragraph start in the second half of the stride starts the next window
        (50, 20, 15, [12, 30, 41], [(0, 20), (12, 32), (27, 47), (41, 50)]),
        # none there (too early, or past the stride): the plain stride
        (50, 20, 15, [3, 16], [(0, 20), (15, 35), (30, 50)]),
    ],
)
def test_windows(n, size, stride, anchors, expected):
    assert list(windows(n, size, stride, anchors, headline=False)) == expected


def test_windows_give_a_headline_its_own_window_and_start_the_body_at_its_first_paragraph():
    # headline of 9 pieces, then paragraphs: the body's windows are laid out from piece 9
    assert list(windows(600, 254, 224, [9, 65, 145, 221, 239, 318, 423])) == [(0, 41), (9, 263), (221, 475), (423, 600)]


@pytest.mark.parametrize("shift", [1, 3, 4, 7])
@pytest.mark.parametrize("first", [9, 40])
def test_windows_after_an_edit_in_the_headline_are_the_same_windows(shift, first):
    # A headline, then paragraphs of uneven length (one ends right at the stride: 221);
    # the copy's headline is `shift` pieces longer.
    anchors = [first] + [first + x for x in (56, 136, 212, 230, 309, 365, 414, 470, 543, 646, 699)] + list(range(first + 760, 2000, 61))
    moved = [a + shift for a in anchors]
    orig = list(windows(2000, 254, 224, anchors))
    copy = list(windows(2000 + shift, 254, 224, moved))
    assert [(s + shift, e + shift) for s, e in orig[1:]] == copy[1:]


def test_windows_cover_every_piece_with_overlap():
    anchors = [5, 90, 140, 300, 333, 480, 700]
    ws = list(windows(800, 254, 224, anchors))
    assert ws[0][0] == 0 and ws[-1][1] == 800
    for (s1, e1), (s2, _) in zip(ws, ws[1:]):
        assert s1 < s2 < e1 and e1 - s2 >= 254 - 224


@pytest.mark.model
def test_tagger_tags_a_text_the_same_alone_or_with_others(example_text):
    from quotegraph.attribution.tagger import load_tagger

    tagger = load_tagger()
    other = "Officials said on Monday that the talks would go on. " * 200
    docs = [(t, words_of(t)) for t in (example_text, other, example_text[:900])]
    alone = tagger.word_probs(example_text, docs[0][1])
    together = tagger.word_probs_many(docs)[0]
    assert np.array_equal(alone, together)


@pytest.mark.parametrize(
    "n, anchors, expected",
    [
        (120, [9, 60], [(0, 41), (9, 120)]),  # short text, short headline: the headline still has its own window
        (30, [9], [(0, 30)]),  # nothing beyond the headline's context: one window
        (120, [80], [(0, 120)]),  # a first paragraph too long for a headline
    ],
)
def test_windows_short_text_with_a_headline(n, anchors, expected):
    assert list(windows(n, 160, 160, anchors)) == expected


def test_words_after_a_paragraph_start_come_from_the_window_starting_there():
    """A window that starts at a paragraph start reads its first words with the rest of their
    sentence; the window before sees them only at its right edge, without their cue."""
    from quotegraph.attribution.encoding import Pieces, plan_pieces, word_logits

    # 300 pieces, one per word, paragraph markers at 100 and 250.
    word_of, w = [], 0
    for k in range(300):
        if k in (100, 250):
            word_of.append(-1)
        else:
            word_of.append(w)
            w += 1
    first = [k for k, x in enumerate(word_of) if x >= 0]
    p = plan_pieces(Pieces(list(range(300)), word_of, first), 160, 160)
    assert p.spans == [(0, 160), (100, 260), (250, 300)]
    assert {100, 250} <= p.opens
    # Each window's logits name the window: label 0 from the first, 1 from the second, 2 from the third.
    outs = [np.eye(3, dtype=np.float32)[[i] * (e - s)] for i, (s, e) in enumerate(p.spans)]
    got = word_logits(p, outs).argmax(1)
    by_piece = dict(zip(first, got))
    assert by_piece[101] == 1 and by_piece[159] == 1  # the second paragraph, from the window starting at it
    assert by_piece[99] == 0 and by_piece[251] == 2
