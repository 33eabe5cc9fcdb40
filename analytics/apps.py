from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "analytics"
    verbose_name = "Analitik pengunjung"

    def ready(self):
        from mppvirtual.lib.worker import register

        from . import actions

        # The batch writer keeps the dashboard within seconds of the beacon; rollups and purges are cheap.
        register("analytics-batch-writer", 2, actions.drain_queue)
        register("analytics-rollups", 60, actions.rollup_pending)
        register("analytics-purge", 3600, actions.purge_old_data)
