from django.urls import path

from . import views

urlpatterns = [
    path("", views.root, name="catalog-root"),
    path("<slug:mall_slug>/", views.mall_home, name="catalog-mall"),
    path("<slug:mall_slug>/loket/<slug:booth_slug>/", views.booth_detail, name="catalog-booth"),
    path("<slug:mall_slug>/instansi/<slug:agency_slug>/", views.agency_detail, name="catalog-agency"),
    path("<slug:mall_slug>/layanan/<slug:service_slug>/", views.service_detail, name="catalog-service"),
    path("<slug:mall_slug>/peristiwa/<slug:event_slug>/", views.life_event_detail, name="catalog-life-event"),
    path("<slug:mall_slug>/berita/", views.news_list, name="catalog-news"),
    path("<slug:mall_slug>/cari/", views.search, name="catalog-search"),
    path("<slug:mall_slug>/cari.json", views.search_json, name="catalog-search-json"),
]
