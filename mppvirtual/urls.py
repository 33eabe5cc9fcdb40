from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from analytics import views as analytics_views
from catalog import views as catalog_views
from tour import views as tour_views

admin.site.site_header = "MPP Virtual – staf"
admin.site.site_title = "MPP Virtual"
admin.site.index_title = "Pengelolaan"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz/live", catalog_views.healthz_live, name="healthz-live"),
    path("robots.txt", catalog_views.robots_txt, name="robots-txt"),
    # Analytics beacon: outside the language prefixes, one URL for every page.
    path("e", analytics_views.collect, name="analytics-collect"),
    # Panorama tiles and uploads: served with long cache headers in the embedded mode; a reverse proxy
    # or object storage serves them in production.
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", tour_views.serve_media),
]

urlpatterns += [path("", include("reports.urls"))]

urlpatterns += i18n_patterns(
    path("", include("analytics.urls")),
    path("", include("feedback.urls")),
    path("", include("catalog.urls")),
    path("", include("tour.urls")),
    prefix_default_language=False,
)

handler404 = "catalog.views.page_not_found"
handler500 = "catalog.views.server_error"
