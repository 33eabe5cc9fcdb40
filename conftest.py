"""Shared test fixtures: the demo catalog, the staff personas and the browser.

Personas (used everywhere): ani (district admin, Kabupaten Sidoarjo), budi (Taman mall admin),
citra (Dispendukcapil operator in Taman), dewi (operator of another agency), plus anonymous citizens.
"""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM must still be usable there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--enable-unsafe-swiftshader",
]
HAVE_CHROMIUM = os.path.exists(CHROMIUM)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def pytest_collection_modifyitems(config, items):
    if HAVE_CHROMIUM:
        return
    skip = pytest.mark.skip(reason="Debian's chromium is not installed (apt-get install chromium); CI installs it")
    for item in items:
        if "page" in getattr(item, "fixturenames", ()) or item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def demo_db(django_db_setup, django_db_blocker):
    """The Taman and Sukodono catalogs, loaded once per test session (no panoramas, events or surveys)."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("load_demo", catalog_only=True, verbosity=0)


def _demo_mall(slug):
    from django.core.management import call_command

    from malls.models import Mall

    # Transactional (live-server) tests flush the database after each test; they reload the catalog.
    if not Mall.objects.filter(slug=slug).exists():
        call_command("load_demo", catalog_only=True, verbosity=0)
    return Mall.objects.get(slug=slug)


@pytest.fixture
def taman(demo_db, db):
    # `db` is declared statically so pytest-django always creates the test database for these tests; with
    # live_server in the same test it becomes a transactional database by itself.
    return _demo_mall("taman")


@pytest.fixture
def sukodono(taman):
    return _demo_mall("sukodono")


@pytest.fixture
def personas(taman, django_user_model):
    """ani, budi, citra, dewi: created per test so their roles can be changed freely."""
    from demo.staff import create_demo_staff

    create_demo_staff(None, [taman])
    return {u.username: u for u in django_user_model.objects.filter(username__in=["ani", "budi", "citra", "dewi"])}


@pytest.fixture(autouse=True)
def _indonesian_by_default():
    """Each test starts in the default language, whatever language an earlier test left active."""
    from django.utils import translation

    translation.activate("id")
    yield
    translation.deactivate()
