from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("agencies/", views.AgencyListView.as_view(), name="agency_list"),
    path("agencies/<int:pk>/", views.AgencyDetailView.as_view(), name="agency_detail"),
    path("units/", views.UnitListView.as_view(), name="unit_list"),
    path("units/<int:pk>/", views.UnitDetailView.as_view(), name="unit_detail"),
    path("autocomplete/units/", views.UnitAutocompleteView.as_view(), name="autocomplete_units"),
]
