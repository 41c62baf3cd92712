from django.urls import path

from . import views

app_name = "planimport"

urlpatterns = [
    path("", views.PlanUploadView.as_view(), name="upload"),
    path("<int:pk>/", views.PlanImportReviewView.as_view(), name="review"),
    path("<int:pk>/discard/", views.PlanImportDiscardView.as_view(), name="discard"),
]
