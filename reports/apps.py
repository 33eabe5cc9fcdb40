from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Ringkasan eksekutif"

    def ready(self):
        from mppvirtual.lib.worker import register

        from .actions import deliver_monthly_summaries

        # Hourly: the first run on the 1st sends last month's summary; later runs find it sent.
        register("reports-monthly-summary", 3600, deliver_monthly_summaries)
