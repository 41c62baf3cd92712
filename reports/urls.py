"""URLs of the reporting cycle (names are a cross-app contract: see docs/reporting.md)."""

from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.ObligationListView.as_view(), name="obligation_list"),
    path("autocomplete/plans/", views.PlanFilterAutocompleteView.as_view(), name="autocomplete_plans"),
    path("autocomplete/agencies/", views.AgencyFilterAutocompleteView.as_view(), name="autocomplete_agencies"),
    path("review/", views.ReviewListView.as_view(), name="review_list"),
    path("notifications/", views.NotificationListView.as_view(), name="notification_list"),
    path("notifications/<int:pk>/open/", views.NotificationOpenView.as_view(), name="notification_open"),
    path("plan/<int:plan_pk>/generate/", views.PlanGenerateView.as_view(), name="plan_generate"),
    path("<int:pk>/", views.ObligationDetailView.as_view(), name="obligation_detail"),
    path("<int:pk>/edit/", views.ObligationEditView.as_view(), name="obligation_edit"),
    path("<int:pk>/submit/", views.ObligationSubmitView.as_view(), name="obligation_submit"),
    path("<int:pk>/return/", views.ObligationReturnView.as_view(), name="obligation_return"),
    path("<int:pk>/approve/", views.ObligationApproveView.as_view(), name="obligation_approve"),
    path("<int:pk>/reopen/", views.ObligationReopenView.as_view(), name="obligation_reopen"),
    path("<int:pk>/remind/", views.ObligationRemindView.as_view(), name="obligation_remind"),
    path("<int:pk>/history/", views.ObligationHistoryView.as_view(), name="obligation_history"),
    path("<int:pk>/consolidation/", views.ConsolidationView.as_view(), name="consolidation"),
    path("<int:pk>/attachments/", views.AttachmentAddView.as_view(), name="attachment_add"),
    path("<int:pk>/attachments/<int:attachment_pk>/", views.AttachmentDownloadView.as_view(), name="attachment_download"),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/delete/", views.AttachmentDeleteView.as_view(), name="attachment_delete"
    ),
    path("<int:pk>/excel/", views.ExcelDownloadView.as_view(), name="obligation_excel"),
    path("<int:pk>/excel/upload/", views.ExcelUploadView.as_view(), name="obligation_excel_upload"),
    path("<int:pk>/excel/upload/<int:upload_pk>/", views.ExcelUploadReviewView.as_view(), name="obligation_excel_review"),
    path(
        "<int:pk>/excel/upload/<int:upload_pk>/status/", views.ExcelUploadStatusView.as_view(), name="obligation_excel_status"
    ),
]
