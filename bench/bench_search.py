"""Directory search with 5,000 published services in one mall: index build time, query latency, top-3 hits.

Uses a throwaway SQLite database: migrates, loads the demo catalog, then adds copies of the Taman
services varied with village names, programme names and extra words until the mall has ~5,000.
Queries are the citizens' queries of catalog/tests/search_queries.yaml, each also once with a typo.
Run: `make bench` or `.venv/bin/python bench/bench_search.py`.
"""

import gc
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["MPP_VAR_DIR"] = tempfile.mkdtemp(prefix="bench-search-")
os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mppvirtual.settings")

import django  # noqa: E402

django.setup()

import yaml  # noqa: E402
from django.core.management import call_command  # noqa: E402

from catalog import search  # noqa: E402
from catalog.models import Service  # noqa: E402
from malls.models import Mall  # noqa: E402

TARGET = 5_000
VILLAGES = """bebekan bringinbendo geluran jemundo kalijaten kedungturi kletek kragan ketegan krembangan
kramatjegu ngelom pertapan maduretno sadang sambibulu sepanjang taman tawangsari trosobo wage wonocolo
bohar sidodadi gilang""".split()
AUDIENCES = ["bagi lansia", "bagi penyandang disabilitas", "jemput bola", "layanan malam", "hari sabtu", "keliling"]
SYLLABLES = "ba be bi bo bu da de di do du ga gi go ka ke ki ko ku la li lo lu ma me mi mo mu na ni no nu ra ri ro ru sa si so su ta ti to tu wa".split()


def pseudo_word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def add_copies(mall, rng):
    originals = list(Service.objects.published().for_mall(mall))
    words = [pseudo_word(rng) for _ in range(3_000)]
    copies = []
    n = 0
    while len(originals) + len(copies) < TARGET:
        for service in originals:
            if len(originals) + len(copies) >= TARGET:
                break
            n += 1
            village, audience = rng.choice(VILLAGES), rng.choice(AUDIENCES)
            programme = " ".join(rng.sample(words, 2))
            copy = Service(
                **{f.attname: getattr(service, f.attname) for f in Service._meta.concrete_fields if not f.primary_key}
            )
            copy.slug = f"{service.slug}--{n}"
            copy.name = f"{service.name} di Kelurahan {village.title()} {audience}"
            copy.name_en = f"{service.name_en} in {village.title()} village"
            copy.summary = f"{service.summary} Program {programme} untuk warga {village}."
            copy.keywords = ", ".join([*service.keywords.split(", ")[: rng.randint(3, 12)], village, programme])
            copy.order = 1000 + n
            copies.append(copy)
    Service.objects.bulk_create(copies, batch_size=500)


def with_typo(query, rng):
    words = query.split()
    long_words = [i for i, w in enumerate(words) if len(w) >= 5]
    if not long_words:
        return query
    i = rng.choice(long_words)
    w = words[i]
    j = rng.randrange(1, len(w) - 1)
    words[i] = w[:j] + w[j + 1 :] if rng.random() < 0.5 else w[:j] + rng.choice("aeiou") + w[j + 1 :]
    return " ".join(words)


def base_slug(slug):
    return slug.split("--")[0]


def hit_rate(mall, queries):
    hits = 0
    for entry in queries:
        wanted = set(entry["expect"]) if isinstance(entry["expect"], list) else {entry["expect"]}
        if wanted & {base_slug(s.slug) for s in search.search(mall, entry["q"], limit=3)}:
            hits += 1
    return hits / len(queries)


def traced_size(services):
    """Memory held by an index over these (already loaded) services, the services themselves excluded."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    index = search.Index(services)
    gc.collect()
    size = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    del index
    return size


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    rng = random.Random(63)
    call_command("migrate", verbosity=0)
    call_command("load_demo", catalog_only=True, verbosity=0)
    mall = Mall.objects.get(slug="taman")
    queries = yaml.safe_load((ROOT / "catalog/tests/search_queries.yaml").read_text(encoding="utf-8"))["queries"]
    print(
        f"top-3 hit rate, demo catalog ({Service.objects.published().for_mall(mall).count()} services): "
        f"{hit_rate(mall, queries):.1%} of {len(queries)} queries"
    )

    add_copies(mall, rng)
    count = Service.objects.published().for_mall(mall).count()
    search.terms.cache_clear()
    search.root_candidates.cache_clear()
    started = time.perf_counter()
    index = search.get_index(mall)
    build = time.perf_counter() - started
    print(f"index build: {count} services, {len(index.vocabulary)} words, {build * 1000:.0f} ms")
    print(f"index memory (a second build, traced): {traced_size(index.services) / 2**20:.0f} MB")

    search.terms.cache_clear()

    workload = [e["q"] for e in queries] + [with_typo(e["q"], rng) for e in queries]
    timings = []
    for query in workload:
        started = time.perf_counter()
        search.search(mall, query)
        timings.append((time.perf_counter() - started) * 1000)
    print(
        f"search() latency over {len(workload)} queries (incl. the stamp query): "
        f"p50 {statistics.median(timings):.1f} ms, p95 {percentile(timings, 95):.1f} ms, max {max(timings):.1f} ms"
    )
    ranking = []
    for query in workload:
        started = time.perf_counter()
        index.search(search.clean_query(query), 20)
        ranking.append((time.perf_counter() - started) * 1000)
    print(
        f"of which ranking in memory: p50 {statistics.median(ranking):.1f} ms, "
        f"p95 {percentile(ranking, 95):.1f} ms, max {max(ranking):.1f} ms"
    )
    garbage = [
        " ".join("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(16)) for _ in range(12))
        for _ in range(50)
    ]
    worst = 0.0
    for query in garbage:
        started = time.perf_counter()
        search.search(mall, query)
        worst = max(worst, (time.perf_counter() - started) * 1000)
    print(f"worst of {len(garbage)} queries of 12 random 16-letter words: {worst:.1f} ms")
    checks = []
    for _ in range(100):
        started = time.perf_counter()
        search.get_index(mall)
        checks.append((time.perf_counter() - started) * 1000)
    print(f"of which the freshness check (one aggregate query): p50 {statistics.median(checks):.1f} ms")
    print(f"top-3 hit rate with {count} services (a copy of the right service counts): {hit_rate(mall, queries):.1%}")


if __name__ == "__main__":
    main()
