"""Login, logout, password change and error pages, in Vietnamese."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse

from core import views

pytestmark = pytest.mark.django_db


def test_login_page_in_vietnamese(client):
    """The login page is Vietnamese by default."""
    content = client.get(reverse("login")).content.decode()
    assert 'lang="vi"' in content and "Đăng nhập" in content


def test_login_and_logout(client, planner):
    """A user logs in with username and password, lands on the home page, and logs out."""
    response = client.post(reverse("login"), {"username": "planner", "password": "pw-test-123"})
    assert response.status_code == 302 and response["Location"] == reverse("home")
    home = client.get(reverse("home"))
    assert home.status_code == 200 and "Xin chào" in home.content.decode()
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert "Bạn đã đăng xuất" in client.get(reverse("login")).content.decode()
    assert client.get(reverse("home")).status_code == 302


def test_wrong_password_is_refused_in_vietnamese(client, planner):
    """A wrong password keeps the user on the login page with a Vietnamese error."""
    response = client.post(reverse("login"), {"username": "planner", "password": "wrong"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "mật khẩu chính xác" in response.content.decode()


def test_password_change(client_for, planner):
    """The password change form works and confirms in Vietnamese."""
    c = client_for(planner)
    assert "Đổi mật khẩu" in c.get(reverse("password_change")).content.decode()
    response = c.post(
        reverse("password_change"),
        {"old_password": "pw-test-123", "new_password1": "Ke-hoach-2026!", "new_password2": "Ke-hoach-2026!"},
        follow=True,
    )
    assert "Mật khẩu của bạn đã được thay đổi" in response.content.decode()
    planner.refresh_from_db()
    assert planner.check_password("Ke-hoach-2026!")


def test_password_change_requires_login(client):
    """Anonymous users are sent to log in first."""
    response = client.get(reverse("password_change"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_404_page_in_vietnamese(client_for, planner):
    """An unknown address answers 404 with the Vietnamese page."""
    response = client_for(planner).get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_403_page_in_vietnamese(rf: RequestFactory, planner):
    """The 403 handler renders the Vietnamese page."""
    request = rf.get("/")
    request.user = planner
    response = views.permission_denied(request, PermissionDenied())
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()


def test_500_page_in_vietnamese(rf: RequestFactory):
    """The 500 handler renders without a database or a user."""
    response = views.server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Lỗi máy chủ" in response.content.decode()


def test_english_via_language_switcher(client_for, planner):
    """The language switcher gives English pages."""
    c = client_for(planner)
    c.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Hello" in c.get(reverse("home")).content.decode()


def test_vietnamese_even_for_english_browsers(client):
    """An English Accept-Language header does not switch the portal to English."""
    content = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="vi"' in content and "Đăng nhập" in content
