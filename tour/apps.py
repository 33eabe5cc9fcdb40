from django.apps import AppConfig


class TourConfig(AppConfig):
    name = "tour"
    verbose_name = "Tur 360°"
