"""Celery tasks: take ids, call one service, leave batches in other states alone."""

import pytest

from cooperatives.models import ImportBatch
from cooperatives.tasks import check_import_batch, confirm_import_batch
from tests.cooperatives.test_import import good_rows, upload, workbook

pytestmark = pytest.mark.django_db


def test_check_then_confirm_by_id(planner_a, commune_a, xlsx_upload):
    batch = upload(planner_a, workbook(good_rows()), xlsx_upload)
    assert check_import_batch.delay(batch.pk).get() == "checked"
    assert check_import_batch.delay(batch.pk).get() == "skipped"  # already checked
    assert confirm_import_batch.delay(batch.pk, planner_a.pk).get() == "done"
    assert confirm_import_batch.delay(batch.pk, planner_a.pk).get() == "skipped"  # never twice
    assert ImportBatch.objects.get().summary["org_create"] == 2


def test_missing_batch_is_skipped(db):
    assert check_import_batch.delay(999999).get() == "skipped"
