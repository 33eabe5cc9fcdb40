from django.urls import path

from . import views

urlpatterns = [
    path("staf/ringkasan/<slug:mall_slug>/", views.summary, name="reports-summary"),
    path("staf/ringkasan/<slug:mall_slug>/pdf/", views.summary_pdf, name="reports-summary-pdf"),
    path("staf/ringkasan/<slug:mall_slug>/tautan/", views.share_link, name="reports-summary-share"),
    path("staf/kabupaten/<str:kabupaten_code>/ringkasan/", views.district, name="reports-district"),
    path("ringkasan/<str:token>/", views.shared_summary, name="reports-shared"),
    path("ringkasan/<str:token>/pdf/", views.shared_summary_pdf, name="reports-shared-pdf"),
]
