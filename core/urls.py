"""The list tools (core.listtools): preferences, saved filters, export — one set for every list."""

from django.urls import path

from . import listviews

app_name = "lists"

urlpatterns = [
    path("<slug:list_key>/preferences/", listviews.ListPreferencesView.as_view(), name="preferences"),
    path("<slug:list_key>/filters/save/", listviews.SavedFilterSaveView.as_view(), name="filter_save"),
    path("<slug:list_key>/export/", listviews.ListExportView.as_view(), name="export"),
    path("filters/<int:pk>/", listviews.SavedFilterApplyView.as_view(), name="filter_apply"),
    path("filters/<int:pk>/delete/", listviews.SavedFilterDeleteView.as_view(), name="filter_delete"),
]
