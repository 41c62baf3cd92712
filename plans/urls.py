from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("", views.PlanListView.as_view(), name="plan_list"),
    path("autocomplete/issuers/", views.IssuerFilterAutocompleteView.as_view(), name="autocomplete_filter_issuers"),
    path("autocomplete/plan-issuers/", views.PlanIssuerAutocompleteView.as_view(), name="autocomplete_issuers"),
    path("autocomplete/agencies/", views.AgencyAutocompleteView.as_view(), name="autocomplete_agencies"),
    path("autocomplete/plans/", views.PlanAutocompleteView.as_view(), name="autocomplete_plans"),
    path("new/", views.PlanCreateView.as_view(), name="plan_create"),
    path("<int:pk>/", views.PlanDetailView.as_view(), name="plan_detail"),
    path("<int:pk>/edit/", views.PlanUpdateView.as_view(), name="plan_update"),
    path("<int:pk>/delete/", views.PlanDeleteView.as_view(), name="plan_delete"),
    path("<int:pk>/history/", views.PlanHistoryView.as_view(), name="plan_history"),
    path("<int:pk>/issue/", views.PlanIssueView.as_view(), name="plan_issue"),
    path("<int:pk>/close/", views.PlanCloseView.as_view(), name="plan_close"),
    path("<int:pk>/clone/", views.PlanCloneView.as_view(), name="plan_clone"),
    path("<int:pk>/supersede/", views.PlanSupersedeView.as_view(), name="plan_supersede"),
    path("<int:pk>/amendment/open/", views.PlanAmendmentOpenView.as_view(), name="plan_amendment_open"),
    path("<int:pk>/amendment/close/", views.PlanAmendmentCloseView.as_view(), name="plan_amendment_close"),
]
