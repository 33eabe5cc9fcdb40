from django.apps import AppConfig


class MallsConfig(AppConfig):
    name = "malls"
    verbose_name = "Mal dan peran staf"
