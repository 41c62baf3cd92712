"""The home page fits the user: their agency and area, an overview for administrators."""

import pytest
from django.urls import reverse

from tests.directory.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["planner", "leader", "reporter_a"])
def test_home_shows_agency_and_area(request, client_for, who):
    """Every role lands on a page naming their agency, with links to agencies and units."""
    user = request.getfixturevalue(who)
    content = client_for(user).get(reverse("home")).content.decode()
    assert "Cơ quan và địa bàn của bạn" in content
    assert user.agency.name in content
    assert reverse("directory:agency_list") in content and reverse("directory:unit_list") in content


def test_home_for_administrator(client_for, admin_user, agency_a):
    """The administrator sees reference-data counts and a link to the admin."""
    content = client_for(admin_user).get(reverse("home")).content.decode()
    assert "Dữ liệu danh mục" in content and reverse("admin:index") in content
    assert "Chưa gắn với cơ quan" not in content


def test_home_without_agency(client_for, db):
    """A user not attached to an agency is told to ask the administrator."""
    user = UserFactory(agency=None, is_planner=True)
    content = client_for(user).get(reverse("home")).content.decode()
    assert "Đề nghị quản trị viên" in content
