from django.apps import AppConfig


class TourConfig(AppConfig):
    name = "tour"
    verbose_name = "Tur 360°"

    def ready(self):
        from mppvirtual.lib.worker import register

        from .actions import process_pending_panorama_jobs

        register("tour-panorama-jobs", 5, process_pending_panorama_jobs)
