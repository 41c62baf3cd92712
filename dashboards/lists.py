"""The compliance matrix's rows per page (core.listtools, issue 18): 25, 50 or 100 agencies,
remembered per user like the other lists' page size. A matrix, not a filtered list: no column
choice, saved filters or list export (the dashboard has its own PDF and Excel)."""

from django.utils.translation import gettext_lazy as _

from core.listtools import ListSpec, register

COMPLIANCE_MATRIX = register(ListSpec(
    key="compliance",
    url_name="dashboards:compliance",
    view="dashboards.views.ComplianceView",
    title=_("Reporting compliance"),
    filename="tuan-thu-bao-cao",
    default_page_size=50,
    columns=(),
    page_size_only=True,
))
