"""The search answers the queries citizens really type: the right service in the top 3 for 95 % of them."""

from pathlib import Path

import yaml

from catalog import search

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yaml").read_text(encoding="utf-8"))["queries"]


def expected(entry):
    value = entry["expect"]
    return set(value) if isinstance(value, list) else {value}


def misses(mall):
    found = []
    for entry in QUERIES:
        top = [s.slug for s in search.search(mall, entry["q"], limit=3)]
        if not expected(entry) & set(top):
            found.append(f"{entry['q']!r}: wanted {sorted(expected(entry))}, got {top}")
    return found


def test_the_query_set_is_big_enough_to_mean_something():
    assert len(QUERIES) >= 120


def test_it_puts_the_right_service_in_the_top_three_for_95_percent_of_queries(taman):
    missed = misses(taman)
    hit_rate = 1 - len(missed) / len(QUERIES)
    assert hit_rate >= 0.95, f"top-3 hit rate {hit_rate:.1%}; misses:\n" + "\n".join(missed)
