"""GET /<mall>/cari.json?q=…: the search results as JSON, best first, in the page's language."""

import json

import pytest


def get_json(client, url, query):
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)


def test_it_returns_the_query_and_results_best_first(client, taman):
    body = get_json(client, "/taman/cari.json", "ktp ilang")
    assert body["query"] == "ktp ilang"
    first = body["results"][0]
    assert first == {
        "slug": "ktp-el-hilang-rusak",
        "name": "KTP-el hilang atau rusak",
        "agency": first["agency"],
        "url": "/taman/layanan/ktp-el-hilang-rusak/",
    }
    assert first["agency"]


def test_it_gives_english_names_and_urls_under_en(client, taman):
    body = get_json(client, "/en/taman/cari.json", "birth certificate")
    first = body["results"][0]
    assert first["slug"] == "akta-kelahiran"
    assert first["name"] == "Birth certificate"
    assert first["url"].startswith("/en/taman/")


def test_it_only_lists_services_of_the_mall_in_the_url(client, taman, sukodono):
    body = get_json(client, "/sukodono/cari.json", "ktp")
    assert body["results"]
    assert all(r["url"].startswith("/sukodono/") for r in body["results"])


def test_it_returns_an_empty_list_without_a_query(client, taman):
    assert get_json(client, "/taman/cari.json", "") == {"query": "", "results": []}


@pytest.mark.parametrize(
    "garbage",
    ["x" * 10_000, "'; DROP TABLE catalog_service; --", "🙂 \x00 \x1b[31m", "%00%ff", "<b>ktp</b>" * 300],
)
def test_it_answers_garbage_with_valid_json(client, taman, garbage):
    body = get_json(client, "/taman/cari.json", garbage)
    assert isinstance(body["results"], list)
    assert len(body["query"]) <= 200
    assert "\x00" not in body["query"]


def test_it_answers_404_for_an_unknown_mall(client, taman):
    assert client.get("/tidak-ada/cari.json", {"q": "ktp"}).status_code == 404
