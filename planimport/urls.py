from django.urls import path

from . import views

app_name = "planimport"

urlpatterns = [
    path("", views.PlanUploadView.as_view(), name="upload"),
    path("<int:pk>/", views.PlanImportReviewView.as_view(), name="review"),
    path("<int:pk>/status/", views.PlanImportStatusView.as_view(), name="status"),
    path("<int:pk>/retry/", views.PlanImportRetryView.as_view(), name="retry"),
    path("<int:pk>/discard/", views.PlanImportDiscardView.as_view(), name="discard"),
]
