from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    name = "dashboards"
    verbose_name = _("Dashboards")

    def ready(self):
        from django.db.models.signals import post_delete

        from dashboards.services import approved_report_deleted

        post_delete.connect(approved_report_deleted, sender="reports.Obligation", dispatch_uid="dashboards_tpv_delete")
