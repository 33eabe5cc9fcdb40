"""HTTP helpers shared by the apps."""

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self' https://wa.me",
        "frame-ancestors 'none'",
    ]
)


class SecurityHeadersMiddleware:
    """Adds a strict Content-Security-Policy to public pages (the Django admin keeps its own inline code)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith("/admin/"):
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


def client_ip(request):
    """The client address; X-Forwarded-For is trusted only when BEHIND_PROXY is set."""
    return client_ip_of(request.META)


def client_ip_of(meta):
    """client_ip() from the request variables alone (WSGI environ or request.META)."""
    from django.conf import settings

    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = meta.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return meta.get("REMOTE_ADDR", "")
