"""The pieces the pages are made of: highlighted text from offsets, SVG charts, top terms."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from quotegraph.web.charts import fill_months, month_bars, month_index, role_timeline, share_bar
from quotegraph.web.highlight import highlight, segments
from quotegraph.web.terms import top_terms


def span(text: str, start: int, end: int) -> dict:
    return {"start": start, "end": end, "text": text[start:end]}


class Balanced(HTMLParser):
    """Checks that every tag closes in order and collects the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.tags.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> Balanced:
    p = Balanced()
    p.feed(html)
    p.close()
    assert not p.stack
    return p


TEXT = "“It is fine,” said Ann Lee, who added that <b>tags</b> & “stuff” were harmless.\nShare this\n"


def test_overlapping_and_nested_spans_give_balanced_markup_and_the_same_text():
    share = TEXT.index("Share")
    a = {"cue": span(TEXT, 14, 18), "sources": [span(TEXT, 19, 26)], "contents": [span(TEXT, 0, 13)], "speaker": {"name": "Ann Lee", "role": "mayor"}}
    # A second attribution whose content overlaps the first one's source and cue, with its own source inside.
    b = {"cue": span(TEXT, 32, 37), "sources": [span(TEXT, 28, 31)], "contents": [span(TEXT, 16, share - 2)], "speaker": None}
    html = str(highlight(TEXT, [a, b], (0, share), [(share, len(TEXT))]))
    p = parse(html)
    assert "".join(p.text) == TEXT
    assert set(p.tags) == {"span"}
    assert '<span class="hl-content hl-cue" data-q="1 2" title="Ann Lee, mayor; unresolved source: who">id</span>' in html
    assert '<span class="boiler">Share this\n</span>' in html
    assert "&lt;b&gt;tags&lt;/b&gt; &amp; " in html


def test_spans_out_of_range_or_empty_are_dropped():
    a = {"cue": {"start": 50, "end": 10}, "sources": [{"start": -5, "end": 2}], "contents": [{"start": 3, "end": 999}], "speaker": {"name": "X"}}
    segs = segments("abcdef", [a], (0, 6))
    assert "".join(s.text for s in segs) == "abcdef"
    assert [(s.start, s.end, sorted(s.roles)) for s in segs] == [(0, 2, ["source"]), (2, 3, []), (3, 6, ["content"])]


@given(
    st.text(alphabet=st.sampled_from("ab <>&\"'\n“”"), max_size=40),
    st.lists(st.tuples(st.sampled_from(["cue", "sources", "contents"]), st.integers(-3, 45), st.integers(-3, 45)), max_size=8),
)
def test_any_spans_keep_the_text_and_the_markup_sound(text, spans):
    attributions = []
    for role, s, e in spans:
        item = {"start": s, "end": e}
        attributions.append(
            {
                "cue": item if role == "cue" else None,
                "sources": [item] if role == "sources" else [],
                "contents": [item] if role == "contents" else [],
                "speaker": {"name": '<x onerror="1">'},
            }
        )
    html = str(highlight(text, attributions, (1, 30), [(2, 4)]))
    assert "<x" not in html and 'onerror="' not in html
    assert "".join(parse(html).text) == text


def test_months_are_filled_between_first_and_last():
    months, other = fill_months([("2020-11", 2), ("2021-02", 1), ("2021", 4), (None, 1), ("undated", 3)])
    assert months == [("2020-11", 2), ("2020-12", 0), ("2021-01", 0), ("2021-02", 1)]
    assert other == 8
    assert month_index("2020-13") is None and month_index("2021", end=True) == 2021 * 12 + 11


def test_charts_are_svg_with_escaped_labels():
    bars = str(month_bars([("2020-11", 2), ("2020-12", 0)], "By <b>me</b>"))
    assert bars.startswith("<svg") and "By &lt;b&gt;me&lt;/b&gt;" in bars and bars.count('class="bar"') == 2
    assert "style=" not in bars
    share = str(share_bar([("named", 3, "share-named"), ("<script>", 1, "share-none")], "Sources"))
    assert "&lt;script&gt; 25%" in share and "<script>" not in share
    line = role_timeline([{"role": "<i>Mayor</i>", "first_seen": "2019-05-02", "last_seen": "2020", "mentions": 2}], "Roles")
    assert line is not None and "&lt;i&gt;Mayor&lt;/i&gt;" in str(line) and "2019-05-02" in str(line) and "2020-12-31" in str(line)
    assert role_timeline([{"role": "Mayor", "first_seen": None, "last_seen": None}], "Roles") is None
    for svg in (bars, share, str(line)):
        parse(re.sub(r"<(line|rect)([^>]*)/>", r"<\1\2></\1>", svg))


def test_top_terms_skip_stop_words_and_count_content_words():
    texts = ["We must stop the arms race, Guterres said.", "The arms race is a danger; nobody wins an arms race.", "Guterres’s warning"]
    assert top_terms(texts, 3) == [("arms", 3), ("race", 3), ("guterres", 2)]
    assert top_terms([""]) == []


def test_uncertain_attributions_are_faded_and_sure_ones_are_not():
    """Issue 12, point 6: the pages fade an attribution less likely right than not (its calibrated
    confidence under 0.5); where a sure one covers the same words, they are not faded."""
    text = "“We will win,” she said. Prices rose, it was added."
    sure = {"cue": span(text, 19, 23), "sources": [span(text, 15, 18)], "contents": [span(text, 0, 14)], "confidence": 0.93}
    unsure = {"cue": span(text, 41, 50), "sources": [], "contents": [span(text, 25, 36)], "confidence": 0.17}
    html = str(highlight(text, [sure, unsure]))
    faded = re.findall(r'<span class="([^"]*unsure[^"]*)"[^>]*>([^<]*)</span>', html)
    assert {t for _, t in faded} == {"Prices rose", "was added"}
    both = {**unsure, "contents": [span(text, 0, 14)]}
    faded = re.findall(r'<span class="[^"]*unsure[^"]*"[^>]*>([^<]*)</span>', str(highlight(text, [sure, both])))
    assert faded == ["was added"]  # the words a sure attribution covers too stay clear
    assert "unsure" not in str(highlight(text, [{**unsure, "confidence": None}]))


def test_role_timeline_roles_of_one_month_are_short_bars_and_labels_fit():
    roles = [
        {"role": "Democratic presidential candidate and former Secretary of State", "first_seen": "2016-02-03", "last_seen": "2016-02-03", "mentions": 1},
        {"role": "Senator", "first_seen": "2016-02-10", "last_seen": "2016-02-24", "mentions": 2},
    ]
    svg = str(role_timeline(roles, "Roles", width=720))
    widths = [float(w) for w in re.findall(r'class="role" x="[\d.]+" y="[\d.]+" width="([\d.]+)"', svg)]
    assert len(widths) == 2 and all(w < 720 / 4 for w in widths) and widths[0] < widths[1]
    xs = [float(x) for x in re.findall(r'class="role" x="([\d.]+)"', svg)]
    assert xs[0] < xs[1]  # where each falls in time
    left = float(re.search(r'class="legend" x="([\d.]+)"', svg).group(1))
    labels = re.findall(r'class="legend"[^>]*>([^<]*)<title>', svg)
    # Each label, at about 6.6 px a character, fits left of the bars; the longest is cut with an ellipsis.
    assert all(len(label) * 6.6 <= left + 6 for label in labels)
    assert labels[0].endswith("…") and labels[1] == "Senator"
