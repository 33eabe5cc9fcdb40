from django.urls import path

from . import views

urlpatterns = [
    path("<slug:mall_slug>/tur/", views.tour_home, name="tour-home"),
    path("<slug:mall_slug>/tur/data.json", views.tour_data, name="tour-data"),
    path("<slug:mall_slug>/tur/<slug:scene_slug>/", views.tour_scene, name="tour-scene"),
    path("<slug:mall_slug>/tur/<slug:scene_slug>/sunting/", views.editor, name="tour-editor"),
    path("<slug:mall_slug>/tur/<slug:scene_slug>/titik/", views.hotspots, name="tour-hotspots"),
    path("<slug:mall_slug>/tur/<slug:scene_slug>/titik/<int:hotspot_id>/", views.hotspot, name="tour-hotspot"),
]
