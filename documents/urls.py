from django.urls import path

from . import services, views

app_name = "documents"

urlpatterns = [
    path("plans/<int:pk>/pdf/", views.ExportView.as_view(source_type="plan", fmt=services.PDF), name="plan_pdf"),
    path("plans/<int:pk>/xlsx/", views.ExportView.as_view(source_type="plan", fmt=services.XLSX), name="plan_xlsx"),
    path("plans/<int:pk>/sign/", views.SubmitForSignatureView.as_view(source_type="plan"), name="plan_sign"),
    path(
        "reports/<int:pk>/pdf/",
        views.ExportView.as_view(source_type="obligation", fmt=services.PDF),
        name="obligation_pdf",
    ),
    path(
        "reports/<int:pk>/xlsx/",
        views.ExportView.as_view(source_type="obligation", fmt=services.XLSX),
        name="obligation_xlsx",
    ),
    path("reports/<int:pk>/sign/", views.SubmitForSignatureView.as_view(source_type="obligation"), name="obligation_sign"),
    path(
        "plans/<int:pk>/signed-elsewhere/",
        views.ExternalSignedView.as_view(source_type="plan"),
        name="plan_register_external",
    ),
    path(
        "reports/<int:pk>/signed-elsewhere/",
        views.ExternalSignedView.as_view(source_type="obligation"),
        name="obligation_register_external",
    ),
    path("rendered/<int:pk>/", views.DocumentStatusView.as_view(), name="document_status"),
    path("rendered/<int:pk>/download/", views.DocumentDownloadView.as_view(), name="document_download"),
    path("signed/<int:pk>/pdf/", views.SignedPdfView.as_view(), name="signed_pdf"),
    path("signed/<int:pk>/zip/", views.SignedZipView.as_view(), name="signed_zip"),
    path("verify/", views.VerifyView.as_view(), name="verify"),
    path("pki/demo-ca.crl", views.DemoCrlView.as_view(), name="demo_crl"),
    path("signing/", views.SigningQueueView.as_view(), name="signing_queue"),
    path("signing/<int:pk>/", views.SigningDetailView.as_view(), name="signing_detail"),
    path("signing/<int:pk>/pdf/", views.SigningPdfView.as_view(), name="signing_pdf"),
    path("signing/<int:pk>/sign/", views.LeaderSignView.as_view(), name="signing_sign"),
    path("signing/<int:pk>/return/", views.ReturnView.as_view(), name="signing_return"),
    path("signing/<int:pk>/issue/", views.IssueView.as_view(), name="signing_issue"),
    path("register/", views.RegisterView.as_view(), name="register"),
]
