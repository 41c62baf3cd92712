"""The import's fast validation (cooperatives.validation, issue 17) against the models' own
``full_clean``: a table of bad rows goes through both, so the two cannot drift apart."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from cooperatives import importing
from cooperatives.models import ImportBatch, Organisation, OrganisationKind, OrganisationStatus, Rating, YearlyRecord
from cooperatives.validation import FastRules
from core.text import fold, fold_cached
from tests.cooperatives.test_import import check, row, workbook

pytestmark = pytest.mark.django_db

EXCLUDE = importing.MODEL_FIELD_EXCLUDE
GOOD_ORG = {"kind": "htx", "name": "HTX Sơn Hạ", "registration_code": "4300100001", "status": "active",
            "search_text": "htx son ha", "founded": datetime.date(2015, 3, 1), "address": "", "main_products": ""}
GOOD_RECORD = {"year": 2024, "members": 25, "managers": 4, "managers_degree": 1, "managers_trained": 3,
               "revenue": 900_000_000, "profit": -5_000_000, "rating": "kha", "value_chain": True, "note": ""}
ORG_CASES = [
    {},
    {"name": ""},
    {"name": "x" * 256},
    {"name": "HTX\x00"},
    {"kind": "xyz"},
    {"status": ""},
    {"status": None},
    {"registration_code": "1" * 31},
    {"address": "a" * 256},
    {"main_products": "b" * 501},
    {"search_text": ""},
    {"dissolved": datetime.date(2010, 1, 1)},  # before founded
    {"dissolved": datetime.date(2020, 1, 1)},
    {"founded": None, "dissolved": datetime.date(2010, 1, 1)},
    {"founded": "2015-03-01"},  # a value of another type: the model decides
    {"is_agricultural": None},
    {"kind": OrganisationKind.GROUP, "status": OrganisationStatus.SUSPENDED},
]
RECORD_CASES = [
    {},
    {"year": 1989},
    {"year": 2101},
    {"year": None},
    {"members": -1},
    {"members": 3_000_000_000},
    {"members": 2_147_483_647},
    {"managers_degree": 5},  # more than the managers
    {"managers_trained": 5, "managers_degree": 5},
    {"managers": None, "managers_degree": 9},
    {"revenue": -1},
    {"avg_income": -1},
    {"charter_capital": 10**18},
    {"revenue": 10**18 - 1},
    {"revenue": Decimal("1.5")},
    {"profit": Decimal("-999999999999999999")},
    {"rating": "bad"},
    {"rating": ""},
    {"ocop_products": None},
    {"growing_area_codes": -2},
    {"value_chain": None},
    {"note": "x" * 5000},
    {"members": True},
    {"rating": Rating.GOOD},
]


def _model_passes(model, values):
    try:
        model(**values).full_clean(exclude=EXCLUDE, validate_unique=False, validate_constraints=False)
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize("case", ORG_CASES, ids=repr)
def test_organisation_rules_agree_with_full_clean(case, commune_a):
    rules = FastRules(Organisation, EXCLUDE)
    values = {**GOOD_ORG, **case}
    fast = rules.passes(rules.draft(commune_id=commune_a.pk, **values))
    model = _model_passes(Organisation, {"commune": commune_a, **values})
    # "not sure" (False) is allowed when the model passes: the model then decides.
    assert fast <= model
    if not isinstance(case.get("founded", datetime.date.today()), str):
        assert fast == model


@pytest.mark.parametrize("case", RECORD_CASES, ids=repr)
def test_record_rules_agree_with_full_clean(case):
    rules = FastRules(YearlyRecord, EXCLUDE)
    values = {**GOOD_RECORD, **case}
    fast = rules.passes(rules.draft(**values))
    model = _model_passes(YearlyRecord, values)
    assert fast <= model
    if case.get("members") is not True:
        assert fast == model


def bad_rows(code="21301"):
    base = {"kind": "HTX", "commune_code": code, "year": 2024, "founded": "01/03/2015"}
    return [
        row(**base, name="HTX giải thể trước khi thành lập", registration_code="B1", dissolved="01/01/2010"),
        row(**base, name="HTX nhiều CBQL", registration_code="B2", managers=2, managers_degree=3, managers_trained=4),
        row(**base, name="HTX quá nhiều thành viên", registration_code="B3", members=3_000_000_000),
        row(**base, name="HTX đúng", registration_code="B4", members=30, managers=3, managers_degree=1),
        row(**base, name="HTX tiền lớn", registration_code="B5", revenue=999_999_999_999_999_999),
        row(kind="Tổ hợp tác", name="THT \U0001f600", commune_code=code),
    ]


def test_import_check_reports_the_same_errors_with_and_without_fast_validation(
    planner_a, commune_a, xlsx_upload, monkeypatch
):
    """The same file checked with the fast rules and with ``full_clean`` on every row."""
    fast = check(planner_a, workbook(bad_rows()), xlsx_upload)
    monkeypatch.setattr(importing, "FAST_VALIDATION", False)
    slow = check(planner_a, workbook(bad_rows()), xlsx_upload)
    assert fast.status == slow.status == ImportBatch.Status.INVALID
    assert fast.errors == slow.errors and len(fast.errors) >= 3
    assert fast.preview == slow.preview and fast.summary == slow.summary
    joined = " ".join(fast.errors)
    # Row 4 (3,000,000,000 members) is an error where the database's integers stop (PostgreSQL).
    assert "Dòng 2" in joined and "Dòng 3" in joined and "Dòng 5" not in joined


@pytest.mark.parametrize(
    "text",
    [
        "HTX Nông nghiệp Sơn Hạ",
        "  Hợp   tác xã\tdịch vụ\n điện  ",
        "ĐẮK LẮK",
        "Phường\u00a0Bến Nghé\u3000Quận 1",
        "Xã\u2028Ea\u2001Kao",
        "co\u0301 da\u0300u to\u0302\u0301 hợp",
        " \u0301leading mark",
        "北京 合作社",
        "\U0001f600 HTX \U0001f33e",
        "plain ascii  Name",
        "",
        "Σ ΟΔΟΣ",
    ],
)
def test_fold_cached_is_fold(text):
    assert fold_cached(text) == fold(text)
    assert fold_cached(None) == fold(None) == ""


def test_good_rows_are_checked_without_full_clean(planner_a, commune_a, xlsx_upload, monkeypatch):
    """The fast rules clear good rows (choice values are TextChoices members): no model is cleaned."""
    from tests.cooperatives.test_import import good_rows

    def refuse(*args, **kwargs):
        raise AssertionError("full_clean called for a good row")

    monkeypatch.setattr(Organisation, "full_clean", refuse)
    monkeypatch.setattr(YearlyRecord, "full_clean", refuse)
    batch = check(planner_a, workbook(good_rows()), xlsx_upload)
    assert batch.status == ImportBatch.Status.CHECKED, batch.errors
