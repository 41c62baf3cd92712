"""The administrator manages units, agencies and users in the Django admin, in Vietnamese."""

import pytest
from django.urls import reverse

from directory.models import AdministrativeUnit, Agency, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_vi(client_for, admin_user):
    return client_for(admin_user)


@pytest.mark.parametrize("model", [AdministrativeUnit, Agency, User])
def test_changelist_and_add_pages(admin_client_vi, model, agency_a, commune_a, planner):
    """List (with search and filters) and add pages answer 200."""
    opts = model._meta
    base = f"admin:{opts.app_label}_{opts.model_name}"
    assert admin_client_vi.get(reverse(f"{base}_changelist"), {"q": "Sơn"}).status_code == 200
    assert admin_client_vi.get(reverse(f"{base}_add")).status_code == 200


def test_labels_are_vietnamese(admin_client_vi, commune_a):
    """The unit admin shows Vietnamese labels and filters."""
    content = admin_client_vi.get(reverse("admin:directory_administrativeunit_changelist")).content.decode()
    assert "Đơn vị hành chính" in content or "đơn vị hành chính" in content
    assert "Đang hiệu lực" in content


def test_unit_code_read_only_and_no_delete(admin_client_vi, commune_a):
    """An existing unit's code cannot be edited, and units cannot be deleted."""
    url = reverse("admin:directory_administrativeunit_change", args=[commune_a.pk])
    content = admin_client_vi.get(url).content.decode()
    assert 'name="code"' not in content
    assert admin_client_vi.get(reverse("admin:directory_administrativeunit_delete", args=[commune_a.pk])).status_code == 403


def test_validity_filter(admin_client_vi, commune_a, commune_b):
    """The validity filter separates ended units from units in force."""
    from datetime import date

    AdministrativeUnit.objects.filter(pk=commune_b.pk).update(valid_to=date(2025, 6, 30))
    response = admin_client_vi.get(reverse("admin:directory_administrativeunit_changelist"), {"validity": "ended"})
    units = list(response.context["cl"].result_list)
    assert units == [AdministrativeUnit.objects.get(pk=commune_b.pk)]


def test_user_admin_edits_roles_and_agency(admin_client_vi, agency_a, agency_b):
    """Saving a user's change form sets agency and role flags."""
    user = User.objects.create_user("moi", password="x-Strong-123", agency=agency_a)
    url = reverse("admin:directory_user_change", args=[user.pk])
    response = admin_client_vi.post(
        url,
        {
            "username": "moi", "full_name": "Nguyễn Văn Mới", "position": "", "email": "", "agency": agency_b.pk,
            "is_reporter": "on", "is_active": "on", "last_login_0": "", "last_login_1": "",
            "date_joined_0": "25/11/2026", "date_joined_1": "08:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user.refresh_from_db()
    assert user.agency == agency_b and user.is_reporter and not user.is_planner


def test_agency_admin_save_refreshes_search_text(admin_client_vi, district_a):
    """An agency added by hand is searchable without accents."""
    response = admin_client_vi.post(
        reverse("admin:directory_agency_add"),
        {"name": "Hội Nông dân huyện Sơn Hà", "short_name": "HND", "kind": "hnd", "unit": district_a.pk,
         "header_name": "", "place_name": "", "email": "", "valid_from": "", "valid_to": ""},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Agency.objects.get(name="Hội Nông dân huyện Sơn Hà").search_text == "hoi nong dan huyen son ha hnd"


def test_user_admin_adds_user_with_agency_and_role(admin_client_vi, agency_a):
    """The add form creates an account with its agency, role and a usable password."""
    response = admin_client_vi.post(
        reverse("admin:directory_user_add"),
        {
            "username": "can_bo_moi", "password1": "Ke-hoach-2026!", "password2": "Ke-hoach-2026!",
            "usable_password": "true", "full_name": "Trần Thị Mới", "position": "Chuyên viên", "email": "",
            "agency": agency_a.pk, "is_planner": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    user = User.objects.get(username="can_bo_moi")
    assert user.agency == agency_a and user.is_planner and user.check_password("Ke-hoach-2026!")
