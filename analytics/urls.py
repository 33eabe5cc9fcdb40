"""Public routes (outbound redirect, privacy notice) and the staff dashboard; all inside i18n_patterns."""

from django.urls import path, register_converter

from . import views


class FormatConverter:
    regex = "csv|xlsx|json"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FormatConverter, "fmt")

urlpatterns = [
    path("staf/dasbor/", views.dashboard_home, name="analytics-dashboard-home"),
    path("staf/<slug:mall_slug>/dasbor/", views.dashboard_mall, name="analytics-dashboard"),
    path(
        "staf/<slug:mall_slug>/dasbor/<slug:panel>.<fmt:fmt>",
        views.dashboard_export,
        name="analytics-dashboard-export",
    ),
    path("<slug:mall_slug>/ke/<int:channel_id>/", views.outbound, name="analytics-outbound"),
    path("<slug:mall_slug>/privasi/", views.privacy, name="analytics-privacy"),
]
