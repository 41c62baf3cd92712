from django.urls import path

from . import views

app_name = "cooperatives"

urlpatterns = [
    path("", views.OrganisationListView.as_view(), name="organisation_list"),
    path("autocomplete/units/", views.UnitFilterAutocompleteView.as_view(), name="autocomplete_units"),
    path("autocomplete/communes/", views.CommuneAutocompleteView.as_view(), name="autocomplete_communes"),
    path("autocomplete/origins/", views.OriginAutocompleteView.as_view(), name="autocomplete_origins"),
    path("export/", views.OrganisationExportView.as_view(), name="organisation_export"),
    path("new/", views.OrganisationCreateView.as_view(), name="organisation_create"),
    path("<int:pk>/", views.OrganisationDetailView.as_view(), name="organisation_detail"),
    path("<int:pk>/edit/", views.OrganisationUpdateView.as_view(), name="organisation_update"),
    path("<int:pk>/dissolve/", views.OrganisationDissolveView.as_view(), name="organisation_dissolve"),
    path("<int:pk>/records/new/", views.RecordFormView.as_view(), name="record_create"),
    path("<int:pk>/records/<int:year>/", views.RecordFormView.as_view(), name="record_update"),
    path("import/", views.ImportUploadView.as_view(), name="import_upload"),
    path("import/template/", views.ImportTemplateView.as_view(), name="import_template"),
    path("import/<int:pk>/", views.ImportBatchDetailView.as_view(), name="import_detail"),
    path("import/<int:pk>/status/", views.ImportBatchStatusView.as_view(), name="import_status"),
    path("import/<int:pk>/confirm/", views.ImportBatchConfirmView.as_view(), name="import_confirm"),
]
