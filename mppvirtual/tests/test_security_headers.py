"""Headers every public page carries, and the promise that citizens get no cookies."""

import pytest

PUBLIC_PATHS = ["/", "/taman/", "/en/taman/", "/taman/layanan/skck/", "/taman/cari/?q=ktp", "/taman/tidak-ada/"]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_carry_a_strict_content_security_policy(client, taman, path):
    response = client.get(path)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_citizens_get_no_cookies(client, taman, path):
    response = client.get(path)
    assert not response.cookies, f"{path} set {list(response.cookies)}"


def test_the_liveness_check_needs_nothing(client):
    response = client.get("/healthz/live")
    assert response.status_code == 200 and response.content == b"ok"


def test_robots_keep_crawlers_out_of_staff_pages_and_links(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body and "Disallow: /staf/" in body and "Disallow: /ringkasan/" in body
