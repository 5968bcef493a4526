import pytest

from quotegraph.ingest.boilerplate import find_body, is_furniture, is_teaser


@pytest.mark.parametrize(
    "line, furniture",
    [
        ("Leave a Comment", True),
        ("Share this article", True),
        ("Subscribe to our newsletter", True),
        ("Related: Trump visits Ohio", True),
        ("By John Smith", True),
        ("Published: 12 March 2023", True),
        ("Advertisement", True),
        ("He said the talks would resume.", False),
        ("Trump Calls for Unity After Debate", False),
        ("By the end of the year, prices rose.", False),
    ],
)
def test_boilerplate_furniture_lines(line, furniture):
    assert is_furniture(line) is furniture


@pytest.mark.parametrize(
    "line, teaser",
    [
        ("Justice Ali Baqar Najafi on Thursday took oath as the Acting Chief Justice of the…", True),
        ("Women's participation in the economy remains...", True),
        ("He said so.", False),
    ],
)
def test_boilerplate_teaser_lines(line, teaser):
    assert is_teaser(line) is teaser


def test_boilerplate_example_body_ends_before_teasers(example_text, example_gold):
    (start, end), aside = find_body(example_text)
    assert start == 0
    assert end == example_gold["body_end"]
    assert len(aside) == 7  # six teasers and "Leave a Comment"


def test_boilerplate_headline_is_body():
    text = "Clinton Wins Debate\nShe said she was ready.\nLeave a Comment\n"
    (s, e), _ = find_body(text)
    assert text[s:e] == "Clinton Wins Debate\nShe said she was ready."


@pytest.mark.parametrize("text", ["", "\n\n", "Leave a Comment", "\ufeff"])
def test_boilerplate_empty_or_all_furniture(text):
    (s, e), _ = find_body(text)
    assert s == e


def test_boilerplate_offsets_keep_bom_and_crlf():
    text = "\ufeffTitle\r\nHe said yes.\r\nShare this\r\n"
    (s, e), _ = find_body(text)
    assert text[s:e] == "Title\r\nHe said yes."
