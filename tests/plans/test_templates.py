"""Every template of the plans app renders with a realistic context, and the Vietnamese
catalogue of the app is complete (no empty or fuzzy entries)."""

import datetime
import re
from pathlib import Path

import pytest
from django.template.loader import get_template
from django.test import RequestFactory

from plans.filtersets import PlanFilterSet
from plans.forms import AmendmentForm, plan_form_bundle
from plans.history import plan_history
from plans.selectors import plan_get_for_detail, plan_target_rows, plans_visible_to
from tests.plans.factories import PlanTargetFactory, PlanTaskFactory

ROOT = Path(__file__).resolve().parents[2] / "plans"
TEMPLATES = sorted(str(p.relative_to(ROOT / "templates")) for p in (ROOT / "templates").rglob("*.html"))


@pytest.fixture
def context(db, planner, province_agency):
    from plans import services

    plan = services.plan_create(
        acting_user=planner,
        data={"issuer": province_agency, "title": "Kế hoạch thử", "kind": "annual",
              "period_start": datetime.date(2024, 1, 1), "period_end": datetime.date(2024, 12, 31)},
    )
    PlanTargetFactory(plan=plan, milestone_year=2024)
    PlanTaskFactory(plan=plan)
    request = RequestFactory().get("/plans/", {"ordering": "title"})
    request.user = planner
    detail = plan_get_for_detail(plan.pk, planner)
    bundle = plan_form_bundle(user=planner, plan=plan)
    return {
        "request": request,
        "user": planner,
        "plan": detail,
        "plans": [detail],
        "filter": PlanFilterSet({}, queryset=plans_visible_to(planner), request=request),
        "target_table": plan_target_rows(detail, datetime.date(2024, 6, 30)),
        "bundle": bundle,
        "form": AmendmentForm(),
        "entries": plan_history(plan),
        "panel": {"title": "Kế hoạch", "plans": [detail], "empty": "—", "icon": "journal-text", "link": "/plans/"},
        "title": "Ban hành", "intro": "…", "submit_label": "OK",
        "breadcrumbs": [("Kế hoạch", "/plans/")],
    }


@pytest.mark.parametrize("name", TEMPLATES)
def test_renders(name, context):
    """The template compiles and renders."""
    if name == "plans/partials/formset_row.html":
        context["form"] = context["bundle"].formsets["targets"].forms[0]
    if name == "plans/plan_form.html":
        context["form"] = context["bundle"].form
    html = get_template(name).render(context, context["request"])
    assert html.strip()


def test_catalogue_is_complete():
    """Every msgid of plans/locale/vi has a Vietnamese msgstr and none is fuzzy."""
    text = (ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    assert "#, fuzzy" not in text
    entries = text.split("\n\n")[1:]  # after the header
    empty = [e for e in entries if re.search(r'^msgstr(\[0\])? ""$', e, re.M) and not re.search(r'^"', e.split("msgstr", 1)[1], re.M)]
    assert not empty, empty[:3]


# The loop formset_row.html ran per field before the rows were written in Python (plans_tags.row_fields).
_TEMPLATE_LOOP = """{% load i18n plans_tags %}{% for field in form.visible_fields %}
{% if field.name == "DELETE" %}<div class="text-end"><div class="form-check form-check-inline small">{{ field }} <label class="form-check-label text-danger" for="{{ field.id_for_label }}">{% translate "Remove this row" %}</label></div></div>
{% else %}<div class="col-md-{{ form|col_width:field.name }}">{{ field|row_field }}</div>{% endif %}{% endfor %}"""


def test_row_fields_write_what_the_template_loop_wrote(context):
    """``row_fields`` (the plan page's and the import review's row layout, written in Python for
    speed) gives the same markup as the template loop it replaced, up to the blank lines between the
    columns: every visible field in its column with its label, the Vietnamese "remove" box."""
    from django.template import Context, Template
    from django.utils import translation

    from plans.templatetags.plans_tags import row_fields

    with translation.override("vi"):
        for formset in context["bundle"].formsets.values():
            for form in [*formset.forms, formset.empty_form]:
                written = str(row_fields(form))
                templated = Template(_TEMPLATE_LOOP).render(Context({"form": form}))
                assert re.sub(r">\s+<", "><", written.strip()) == re.sub(r">\s+<", "><", templated.strip())
                assert written.count('class="col-md-') == len(
                    [f for f in form.visible_fields() if f.name != "DELETE"]
                )
                if "DELETE" in form.fields:
                    assert "Xóa dòng này" in written
