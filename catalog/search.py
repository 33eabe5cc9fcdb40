"""Placeholder search: replaced by the forgiving search engine."""

MAX_QUERY = 200


def clean_query(raw):
    return " ".join(raw.split())[:MAX_QUERY]


def search(mall, query, limit=20):
    from .models import Service

    q = query.lower()
    return [s for s in Service.objects.published().for_mall(mall).select_related("agency") if q in s.name.lower()][
        :limit
    ]
