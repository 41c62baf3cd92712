"""A URLconf without the plans app, for tests of the menu's memo (tests/core/test_base_layout.py)."""

from django.urls import path

from core import views

urlpatterns = [path("", views.HomeView.as_view(), name="home")]
