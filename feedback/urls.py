from django.urls import path

from . import views

urlpatterns = [
    path("<slug:mall_slug>/survei/", views.survey, name="feedback-survey"),
    path("<slug:mall_slug>/survei/terima-kasih/", views.survey_thanks, name="feedback-survey-thanks"),
]
