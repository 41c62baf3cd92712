from django.urls import path

from . import exports, views

app_name = "dashboards"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("targets/", views.TargetListView.as_view(), name="targets"),
    path("plans/<int:pk>/progress/", views.PlanProgressView.as_view(), name="plan_progress"),
    path("compliance/", views.ComplianceView.as_view(), name="compliance"),
    path("compliance/remind/", views.RemindView.as_view(), name="remind"),
    path("reports/", views.ObligationListView.as_view(), name="obligations"),
    path("registry/", views.RegistryView.as_view(), name="registry"),
    path("budget/", views.BudgetView.as_view(), name="budget"),
    path("map/", views.MapView.as_view(), name="map"),
    path("export.pdf", exports.DashboardPdfView.as_view(), name="export_pdf"),
    path("export.xlsx", exports.DashboardXlsxView.as_view(), name="export_xlsx"),
]
