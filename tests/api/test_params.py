"""Every integer in a path or query of the API and the pages, whatever its size: a 404 or 422 in the one error shape
(pages: a readable page), never a 500. Regression (issue 10, point 9): ``/api/speakers/99999999999999999999999``
answered 500 with an OverflowError (SQLite integers have 64 bits)."""

from __future__ import annotations

import pytest

HUGE = "99999999999999999999999"  # beyond 64 bits
INT64_MAX = str(2**63 - 1)
JUST_OVER = str(2**63)


@pytest.mark.parametrize(
    "path, params, status",
    [
        (f"/api/speakers/{HUGE}", {}, 404),
        (f"/api/speakers/{JUST_OVER}", {}, 404),
        (f"/api/speakers/{INT64_MAX}", {}, 404),
        (f"/api/speakers/-{HUGE}", {}, 422),
        ("/api/speakers/0", {}, 422),
        (f"/api/articles/{HUGE}", {}, 404),
        (f"/api/articles/{JUST_OVER}", {}, 404),
        (f"/api/articles/-{HUGE}", {}, 422),
        ("/api/speakers", {"top": HUGE}, 422),
        ("/api/speakers", {"top": f"-{HUGE}"}, 422),
        ("/api/speakers", {"top": "0"}, 422),
        ("/api/statements", {"limit": HUGE}, 422),
        ("/api/statements", {"limit": "-3"}, 422),
        ("/api/statements", {"offset": HUGE}, 422),
        ("/api/statements", {"offset": "-1"}, 422),
        ("/api/statements", {"q": "vigilant", "limit": HUGE}, 422),
        ("/api/statements", {"q": "vigilant", "offset": HUGE}, 422),
        ("/api/statements", {"q": "vigilant", "limit": "1", "offset": JUST_OVER}, 422),
    ],
)
def test_params_integers_of_any_size_are_404_or_422_in_the_error_shape(client, path, params, status):
    r = client.get(path, params=params)
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/json"
    body = r.json()
    assert body["error"]["status"] == status and body["error"]["message"]
    assert "Overflow" not in body["error"]["message"] and "internal error" not in body["error"]["message"]


@pytest.mark.parametrize(
    "path, params, status",
    [
        (f"/speakers/{HUGE}", {}, 404),
        (f"/speakers/{JUST_OVER}", {}, 404),
        (f"/speakers/-{HUGE}", {}, 404),
        (f"/articles/{HUGE}", {}, 404),
        (f"/articles/{JUST_OVER}", {}, 404),
        ("/search", {"q": "vigilant", "page": HUGE}, 200),  # a page number that cannot be is the first page
        ("/search", {"q": "vigilant", "page": f"-{HUGE}"}, 200),
        ("/search", {"page": JUST_OVER}, 200),
    ],
)
def test_params_integers_of_any_size_on_the_pages(client, path, params, status):
    r = client.get(path, params=params)
    assert r.status_code == status, r.text[:300]
    assert r.headers["content-type"].startswith("text/html") and "internal error" not in r.text


def test_params_huge_page_of_a_speaker_is_the_first(client):
    sid = client.get("/api/speakers", params={"top": 1}).json()["speakers"][0]["id"]
    r = client.get(f"/speakers/{sid}", params={"page": HUGE})
    assert r.status_code == 200 and "internal error" not in r.text
