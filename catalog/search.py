"""Forgiving search over the published services of one mall.

Citizens type "gimana cara bikin ktp", "akte lahir anak", "lost ID card" or "sertifkat tanah" on a phone.
The engine turns catalog text and query alike into terms (lower case, no accents or punctuation, the
variants of `search_words` unified, simple Indonesian affixes stripped), corrects query words that are not
in the mall's vocabulary (plain Levenshtein: 1 edit for 4–7 letters, 2 from 8), and ranks with BM25 over
weighted fields, boosting services whose name or a keyword matches the whole query.

The index of a mall lives in this process's memory. It is rebuilt when the mall's published services
change, which one aggregate query per search detects (count and latest `updated_at`). Renaming an agency
or a booth alone does not change that stamp; the next edit of a service does.

Public API: `clean_query(raw)`, `search(mall, query, limit)`, `did_you_mean(mall, query)`.
"""

import bisect
import copy
import functools
import heapq
import itertools
import math
import re
import threading
import unicodedata
from array import array
from collections import defaultdict

import numpy
from django.db.models import Count, Max

from .models import Service
from .search_words import RELATED, SAME_PHRASES, SAME_WORDS, STOPWORDS

MAX_QUERY = 200
MAX_QUERY_TERMS = 12

# How much a word found in each field counts. Names and the citizens' own keywords matter most;
# requirements and products mention many other documents, so they only break ties.
FIELD_WEIGHTS = {
    "name": 5.0,
    "name_en": 4.0,
    "keywords": 4.0,
    "summary": 1.5,
    "summary_en": 1.0,
    "agency": 1.5,
    "booth": 1.0,
    "product": 1.0,
    "product_en": 0.5,
    "requirements": 0.3,
    "requirements_en": 0.2,
}
STEM_WEIGHT = 0.8  # a word reached by stripping affixes ("pendaftaran" → "daftar")
RELATED_WEIGHT = 0.7
PREFIX_WEIGHT = 0.6  # a half-typed word ("kelah" → "kelahiran")
TYPO_WEIGHTS = {1: 0.75, 2: 0.5}
BM25_K1 = 1.2
BM25_B = 0.5
BONUS_KEYWORD = 2.5  # the query is one of the service's keywords, or its name
BONUS_PHRASE = 1.6  # the query's words stand together in the name or a keyword
BONUS_IN_NAME = 1.3  # every query word is in the name
MAX_BONUS = BONUS_KEYWORD * BONUS_IN_NAME
# Bonuses are weighed for the best BONUS_POOL services by score: beyond that, hundreds of near-equal
# services (the same service in many villages) would cost time and change nothing a citizen sees.
BONUS_POOL = 200
RELATIVE_CUTOFF = 0.15  # results scoring below this share of the best one are left out

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")  # control characters and lone surrogates
_NON_WORD = re.compile(r"[^a-z0-9]+")
_MAX_PHRASE = max(len(p.split()) for p in SAME_PHRASES)
_PHRASES = {tuple(k.split()): v.split() for k, v in SAME_PHRASES.items()}
_KNOWN = STOPWORDS | set(SAME_WORDS) | {word for phrase in _PHRASES for word in phrase}


# --- Text to terms -------------------------------------------------------------------------------


def clean_query(raw):
    """The query as the page shows it back: one line, no control characters, at most MAX_QUERY characters."""
    if not isinstance(raw, str):
        return ""
    text = _CONTROL.sub(" ", raw[: MAX_QUERY * 4])
    # Invisible format characters (zero-width space, soft hyphen, BOM) would split a word in two.
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return " ".join(text.split())[:MAX_QUERY].strip()


def tokenize(text):
    """'E-KTP Hilang?' → ['e', 'ktp', 'hilang']: lower case, accents and punctuation gone."""
    text = text.lower()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", text).split()


def unify(tokens, keep_originals):
    """Applies SAME_PHRASES and SAME_WORDS and drops stopwords.

    The catalog keeps a phrase's own words beside its short form (keep_originals), so "kartu" still
    finds the family card; a query takes the short form only, so "kartu keluarga" is one strong term.
    """
    out = []
    i = 0
    while i < len(tokens):
        for size in range(min(_MAX_PHRASE, len(tokens) - i), 1, -1):
            short = _PHRASES.get(tuple(tokens[i : i + size]))
            if short:
                if keep_originals:
                    out.extend(SAME_WORDS.get(t, t) for t in tokens[i : i + size])
                out.extend(short)
                i += size
                break
        else:
            out.append(SAME_WORDS.get(tokens[i], tokens[i]))
            i += 1
    return [t for t in out if t not in STOPWORDS]


@functools.lru_cache(maxsize=8192)
def terms(text, keep_originals=True):
    """The terms of a text as a tuple (cached: agency names and keywords repeat across services)."""
    return tuple(unify(tokenize(text), keep_originals))


_PREFIXES = [
    # (prefix, letters that restore the root's first letter before a vowel)
    ("meng", ("k", "")),
    ("peng", ("k", "")),
    ("meny", ("s",)),
    ("peny", ("s",)),
    ("mem", ("p", "")),
    ("pem", ("p", "")),
    ("men", ("t", "")),
    ("pen", ("t", "")),
    ("per", ("",)),
    ("ber", ("",)),
    ("ter", ("",)),
    ("me", ("",)),
    ("pe", ("",)),
    ("di", ("",)),
    ("ke", ("",)),
    ("se", ("",)),
]
_SUFFIXES = ("nya", "kan", "an", "i")


@functools.lru_cache(maxsize=65536)
def root_candidates(word):
    """Possible roots of an Indonesian word: "pendaftaran" → daftar, "menceraikan" → cerai, ...

    Over-generates on purpose; the index keeps only candidates that are real words of the catalog.
    """
    if len(word) < 5 or word.isdigit():
        return frozenset()
    stems = {word}
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stems.add(word[: -len(suffix)])
    roots = set(stems)
    for stem in stems:
        for prefix, restores in _PREFIXES:
            if stem.startswith(prefix) and len(stem) - len(prefix) >= 3:
                rest = stem[len(prefix) :]
                if rest[0] in "aiueo":
                    roots.update(letter + rest for letter in restores)
                else:
                    roots.add(rest)
        if stem.startswith("ke") and stem.endswith("an"):
            roots.add(stem[2:-2])
    roots.discard(word)
    return frozenset(r for r in roots if len(r) >= 3)


# --- Typo tolerance -------------------------------------------------------------------------------


def max_typos(word):
    if len(word) >= 8:
        return 2
    if len(word) >= 4:
        return 1
    return 0


def levenshtein(a, b, limit):
    """Plain Levenshtein distance, or limit + 1 as soon as it is certain to exceed limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def deletions(word, depth):
    """Every string made by deleting up to `depth` letters of word (the symmetric-delete trick)."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


# --- The index ------------------------------------------------------------------------------------


class Index:
    """Postings of one mall's published services, with per-term BM25 contributions precomputed."""

    def __init__(self, services):
        self.services = services
        docs = [self._fields(s) for s in services]
        self.vocabulary = vocabulary = {t for fields in docs for words in fields.values() for t in words}
        self.sorted_vocabulary = sorted(vocabulary)
        roots = {word: root_candidates(word) & vocabulary for word in vocabulary}
        counts = []
        lengths = []
        for fields in docs:
            tf = defaultdict(float)
            length = 0.0
            for field, words in fields.items():
                weight = FIELD_WEIGHTS[field]
                length += weight * len(words)
                for word in words:
                    tf[word] += weight
                    for root in roots[word]:
                        tf[root] += weight * STEM_WEIGHT
            counts.append(tf)
            lengths.append(length)
        average = (sum(lengths) / len(lengths)) if lengths else 1.0
        df = defaultdict(int)
        for tf in counts:
            for word in tf:
                df[word] += 1
        n = len(services)
        idf = {word: math.log(1 + (n - count + 0.5) / (count + 0.5)) for word, count in df.items()}
        postings = {word: (array("i"), array("d")) for word in df}
        for doc, tf in enumerate(counts):
            norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths[doc] / (average or 1.0))
            for word, freq in tf.items():
                doc_ids, values = postings[word]
                doc_ids.append(doc)
                values.append(idf[word] * freq * (BM25_K1 + 1) / (freq + norm))
        # Per term: its documents and their BM25 contributions as numpy arrays, so that a query over
        # thousands of services adds up whole columns instead of looping in Python.
        self.postings = {
            word: (numpy.frombuffer(doc_ids, dtype=numpy.int32), numpy.frombuffer(values, dtype=numpy.float64))
            for word, (doc_ids, values) in postings.items()
        }
        self.df = df
        self.name_words = [set(fields["name"]) | set(fields["name_en"]) for fields in docs]
        self.phrases = [self._keyword_phrases(s) for s in services]
        self._build_typo_index()

    @staticmethod
    def _fields(service):
        agency = service.agency
        booth = service.booth
        return {
            "name": terms(service.name),
            "name_en": terms(service.name_en),
            "keywords": [t for keyword in service.keywords.split(",") for t in terms(keyword.strip())],
            "summary": terms(service.summary),
            "summary_en": terms(service.summary_en),
            "agency": terms(f"{agency.short_name} {agency.name} {agency.name_en}"),
            "booth": terms(f"{booth.name} {booth.name_en}") if booth else (),
            "product": terms(service.product),
            "product_en": terms(service.product_en),
            "requirements": terms(" ".join(map(str, service.requirements or []))),
            "requirements_en": terms(" ".join(map(str, service.requirements_en or []))),
        }

    @staticmethod
    def _keyword_phrases(service):
        phrases = {" ".join(terms(k.strip(), keep_originals=False)) for k in service.keywords.split(",")}
        phrases.add(" ".join(terms(service.name, keep_originals=False)))
        phrases.add(" ".join(terms(service.name_en, keep_originals=False)))
        phrases.discard("")
        return phrases

    def _build_typo_index(self):
        self.by_deletion = defaultdict(list)
        for word in self.vocabulary:
            if len(word) < 3 or word.isdigit():
                continue
            for variant in deletions(word, 2 if len(word) >= 6 else 1 if len(word) >= 4 else 0):
                self.by_deletion[variant].append(word)

    def corrections(self, word):
        """Catalog words within the typo allowance of word, nearest first."""
        limit = max_typos(word)
        if not limit:
            return []
        candidates = {w for variant in deletions(word, limit) for w in self.by_deletion.get(variant, ())}
        found = []
        for candidate in candidates:
            distance = levenshtein(word, candidate, limit)
            if distance <= limit:
                found.append((distance, -self.df[candidate], candidate))
        found.sort()
        return [(w, d) for d, _, w in found[:4]]

    def spelled(self, query):
        """The query with each word the catalog does not know replaced by its nearest catalog word."""
        words = tokenize(query)
        fixed = []
        for word in words:
            if word in _KNOWN or word.isdigit() or word in self.vocabulary or root_candidates(word) & self.vocabulary:
                fixed.append(word)
                continue
            corrections = self.corrections(word)
            fixed.append(corrections[0][0] if corrections else word)
        return " ".join(fixed)

    def completions(self, word):
        """Catalog words that start with word (a half-typed query), most common first."""
        if len(word) < 4:
            return []
        start = bisect.bisect_right(self.sorted_vocabulary, word)
        hits = list(itertools.takewhile(lambda w: w.startswith(word), self.sorted_vocabulary[start : start + 50]))
        hits.sort(key=lambda w: -self.df[w])
        return hits[:4]

    # --- Query side ---

    def alternatives(self, word):
        """{catalog term: weight} that a query word stands for."""
        options = {}
        if word in self.vocabulary:
            options[word] = 1.0
        for root in root_candidates(word) & self.vocabulary:
            options.setdefault(root, STEM_WEIGHT)
        for related in RELATED.get(word, ()):
            if related in self.vocabulary:
                options.setdefault(related, RELATED_WEIGHT)
        if not options:
            for correction, distance in self.corrections(word):
                options.setdefault(correction, TYPO_WEIGHTS[distance])
        if word not in self.vocabulary:
            for completion in self.completions(word):
                options.setdefault(completion, PREFIX_WEIGHT)
        return options

    @staticmethod
    def _overlap(query, phrase):
        """The query's words stand together in the phrase, or a phrase of 2+ words stands in the query."""
        query, phrase = f" {query} ", f" {phrase} "
        return query in phrase or (phrase.count(" ") > 2 and phrase in query)

    def search(self, query, limit):
        words = terms(query, keep_originals=False)[:MAX_QUERY_TERMS]
        groups = [g for g in (self.alternatives(w) for w in dict.fromkeys(words)) if g]
        if not groups:
            return []
        n = len(self.services)
        scores = numpy.zeros(n)
        matched = numpy.zeros(n)
        for group in groups:
            best = numpy.zeros(n)  # a word counts once, through its best reading
            for term, weight in group.items():
                doc_ids, values = self.postings[term]
                best[doc_ids] = numpy.maximum(best[doc_ids], values * weight)
            scores += best
            matched += best > 0
        base = scores * (matched / len(groups)) ** 2
        candidates = numpy.flatnonzero(base)
        candidates = candidates[numpy.argsort(-base[candidates], kind="stable")]
        # The query read with each word's best reading, for the phrase and name bonuses.
        reading = [max(g.items(), key=lambda item: (item[1], self.df[item[0]]))[0] for g in groups]
        phrase = " ".join(reading)
        ranked = []  # min-heap of the best `limit` (score, -order, doc)
        pool = max(BONUS_POOL, limit)
        for position, doc in enumerate(candidates.tolist()):
            score = float(base[doc])
            in_pool = position < pool
            if len(ranked) >= limit and score * (MAX_BONUS if in_pool else 1.0) <= ranked[0][0]:
                break  # no bonus can lift this one, or any after it, into the results
            bonus = self._bonus(doc, phrase, reading) if in_pool else 1.0
            entry = (score * bonus, -self.services[doc].order, doc)
            if len(ranked) < limit:
                heapq.heappush(ranked, entry)
            elif entry > ranked[0]:
                heapq.heapreplace(ranked, entry)
        ranked.sort(reverse=True)
        # The long tail (a word found only in another service's requirements) is noise on a phone screen.
        floor = ranked[0][0] * RELATIVE_CUTOFF if ranked else 0.0
        return [doc for score, _, doc in ranked if score >= floor]

    def _bonus(self, doc, phrase, reading):
        bonus = 1.0
        if phrase in self.phrases[doc]:
            bonus *= BONUS_KEYWORD
        elif len(reading) > 1 and any(self._overlap(phrase, p) for p in self.phrases[doc]):
            bonus *= BONUS_PHRASE
        if all(word in self.name_words[doc] for word in reading):
            bonus *= BONUS_IN_NAME
        return bonus


# --- Cache and public API -------------------------------------------------------------------------

_indexes = {}
_lock = threading.Lock()


def _stamp(mall):
    row = Service.objects.published().for_mall(mall).aggregate(count=Count("id"), last=Max("updated_at"))
    return (row["count"], row["last"])


def get_index(mall):
    """The mall's index, rebuilt when its published services changed (one query when they did not)."""
    stamp = _stamp(mall)
    cached = _indexes.get(mall.pk)
    if cached and cached[0] == stamp:
        return cached[1]
    with _lock:
        cached = _indexes.get(mall.pk)
        if cached and cached[0] == stamp:
            return cached[1]
        services = list(
            Service.objects.published().for_mall(mall).select_related("agency", "booth").order_by("order", "name")
        )
        index = Index(services)
        _indexes[mall.pk] = (stamp, index)
        return index


def search(mall, query, limit=20):
    """Published services of mall that answer query, best first, each with its agency loaded."""
    query = clean_query(query)
    if not query or limit <= 0:
        return []
    index = get_index(mall)
    found = index.search(query, limit)
    results = []
    for doc in found:
        # A copy, so that a caller changing a result cannot change the shared index.
        service = copy.copy(index.services[doc])
        service.mall = mall
        results.append(service)
    return results


def did_you_mean(mall, query):
    """A respelled query when some words looked like typos ("akta kelahran" → "akta kelahiran"), else ""."""
    query = clean_query(query)
    if not query:
        return ""
    spelled = get_index(mall).spelled(query)
    return spelled if spelled != " ".join(tokenize(query)) else ""
