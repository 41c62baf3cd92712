"""Shared setup of the registry tests: the standard cast of tests/conftest.py plus helpers."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile


@pytest.fixture
def xlsx_upload():
    """Turn an openpyxl Workbook (or raw bytes) into an uploaded file."""

    def make(workbook_or_bytes, name="danh-sach.xlsx"):
        if isinstance(workbook_or_bytes, bytes):
            data = workbook_or_bytes
        else:
            buf = io.BytesIO()
            workbook_or_bytes.save(buf)
            data = buf.getvalue()
        return SimpleUploadedFile(
            name, data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )

    return make


@pytest.fixture
def planner_b(agency_b):
    """A planner of district B (the registry is written by planners, issue 12)."""
    from tests.directory.factories import UserFactory

    return UserFactory(username="planner_b", agency=agency_b, is_planner=True)
