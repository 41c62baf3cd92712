"""Models of the dashboards app: read models the dashboards maintain for speed."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TargetPeriodValue(models.Model):
    """The approved, non-blank values of one target in one reporting period, by report kind,
    as the aggregates every combination rule needs (``selectors.latest_values`` picks the
    latest row of each target and combines it by the target's rule).

    A read model of ``reports.ReportedValue``: rewritten for the report's (period, kind) in
    the transaction of every transition that can change what is approved (approve, reopen,
    return: ``dashboards.services.target_values_refresh``); rows of deleted targets and
    periods go with them (CASCADE). ``manage.py rebuild_target_values`` (and migration 0001)
    rebuild it from scratch (``target_values_rebuild``).
    """

    target = models.ForeignKey("plans.PlanTarget", on_delete=models.CASCADE, related_name="+", db_index=False)
    period = models.ForeignKey("reports.ReportingPeriod", on_delete=models.CASCADE, related_name="+")
    consolidated = models.BooleanField()
    period_end = models.DateField()
    n = models.IntegerField()
    s = models.DecimalField(max_digits=30, decimal_places=4)
    mn = models.DecimalField(max_digits=18, decimal_places=4)
    mx = models.DecimalField(max_digits=18, decimal_places=4)
    sw = models.DecimalField(max_digits=30, decimal_places=4, null=True)
    swv = models.DecimalField(max_digits=40, decimal_places=8, null=True)

    class Meta:
        verbose_name = _("approved values of a period")
        verbose_name_plural = _("approved values of periods")
        constraints = [
            models.UniqueConstraint(fields=["target", "period", "consolidated"], name="target_period_value_uniq"),
        ]
        indexes = [
            # The latest row per target: consolidated first, then the latest period.
            models.Index(
                "target", models.F("consolidated").desc(), models.F("period_end").desc(), models.F("period").desc(),
                name="target_period_value_latest_idx",
            ),
        ]

    def __str__(self):
        return f"{self.target_id}/{self.period_id}/{int(self.consolidated)}: {self.n}"
