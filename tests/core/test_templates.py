"""Every project-level and directory template renders (Zulip's render-every-template habit).

Templates are rendered with a context a view would give them, so a typo in a tag, a
missing ``{% load %}`` or a broken ``{% url %}`` fails here rather than in front of a user.
"""

from pathlib import Path

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.core.paginator import Paginator
from django.template.loader import get_template
from django.test import RequestFactory

from directory.filtersets import AgencyFilterSet, UnitFilterSet
from directory.models import AdministrativeUnit, Agency

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIRS = [ROOT / "templates", ROOT / "directory" / "templates"]


def all_templates() -> list[str]:
    names = []
    for base in TEMPLATE_DIRS:
        names += [str(p.relative_to(base)) for p in base.rglob("*.html")]
    return sorted(names)


@pytest.fixture
def context(planner, agency_a, province_agency, commune_a, district_a, rf: RequestFactory):
    request = rf.get("/", {"ordering": "name"})
    request.user = planner
    agencies = Agency.objects.select_related("unit", "parent")
    units = AdministrativeUnit.objects.select_related("parent")
    page = Paginator(agencies, 1).page(1)
    return {
        "request": request,
        "user": planner,
        "breadcrumbs": [("Cơ quan", "/directory/agencies/"), ("Chi tiết", "")],
        "page_obj": page,
        "is_paginated": True,
        "agencies": agencies,
        "agency": province_agency,
        "units": units,
        "unit": district_a,
        "children": district_a.children.all(),
        "successors": [(commune_a, True)],
        "predecessors": [(commune_a, False)],
        "filter": AgencyFilterSet({}, agencies),
        "form": None,
        "field": "name",
        "label": "Tên",
        "panels": [],
        "panel": {"is_admin": False, "agency": agency_a, "units_by_level": {"district": 1}, "n_agencies": 2, "colleagues": [planner]},
        "next": "/",
        "messages": [Message(constants.SUCCESS, "Đã lưu.")],
        "conflict": {"rows": [("Tên", "HTX A", "HTX B")], "by": planner, "at": None, "history_url": "/"},
    }


def test_templates_found():
    """The walk finds the base layout and the directory pages."""
    names = all_templates()
    assert {"base.html", "home.html", "404.html", "directory/agency_list.html"} <= set(names)


@pytest.mark.parametrize("name", all_templates())
def test_renders(name, context):
    """The template compiles and renders with a realistic context."""
    if name == "directory/unit_list.html":
        context["filter"] = UnitFilterSet({}, context["units"])
    if name == "registration/password_change_form.html" or name == "registration/login.html":
        from django.contrib.auth.forms import AuthenticationForm

        context["form"] = AuthenticationForm()
    html = get_template(name).render(context, context["request"])
    assert html.strip()


def test_favicon_on_pages_and_at_the_root(client, django_user_model):
    """Every page links the favicon; /favicon.ico (asked for by browsers) leads to it."""
    response = client.get("/accounts/login/")
    assert b'rel="icon"' in response.content and b"favicon.svg" in response.content
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("img/favicon.svg")
    admin = django_user_model.objects.create_superuser("fav-admin", "a@example.org", "x-Very-long-pass-1")
    client.force_login(admin)
    assert b"favicon.svg" in client.get("/admin/").content
