import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate-limit counters live in the cache; every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def all_answers():
    return {f"u{i}": "4" for i in range(1, 10)}


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The personas get passwords; a fast hasher keeps these tests quick (security is not under test here)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
