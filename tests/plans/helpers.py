"""Building POST data for the plan form (header + inline formsets) in tests."""

from plans.forms import FORMSET_SPECS


def plan_post(header: dict, rows: dict | None = None, initial: dict | None = None) -> dict:
    """POST data: ``header`` fields, then for every formset its management form and rows.

    ``rows`` maps a formset prefix to a list of row dicts (field → value; lists for
    multiple choices); ``initial`` maps a prefix to the number of rows that already exist.
    """
    data = {k: v for k, v in header.items() if v is not None}
    rows = rows or {}
    initial = initial or {}
    for prefix, *_rest in FORMSET_SPECS:
        items = rows.get(prefix, [])
        data[f"{prefix}-TOTAL_FORMS"] = str(len(items))
        data[f"{prefix}-INITIAL_FORMS"] = str(initial.get(prefix, 0))
        data[f"{prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
        for i, row in enumerate(items):
            for key, value in row.items():
                if value is None:
                    continue
                data[f"{prefix}-{i}-{key}"] = value
    return data


def page_form_data(client, url: str, field: str) -> dict:
    """What a browser would send back, unchanged, from the POST form on ``url`` that has ``field``
    (the edit pages: every row, hidden field and selected option as rendered)."""
    from collections import defaultdict

    import lxml.html

    response = client.get(url)
    assert response.status_code == 200, response.status_code
    doc = lxml.html.fromstring(response.content.decode())
    form = next(f for f in doc.forms if (f.method or "").lower() == "post" and field in f.inputs.keys())
    data = defaultdict(list)
    for name, value in form.form_values():
        data[name].append(value)
    return {k: v if len(v) > 1 else v[0] for k, v in data.items()}
