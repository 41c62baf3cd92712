"""Review page query count, a PDF with a text layer, the Vietnamese catalogue."""

import re
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from planimport.models import ImportSession


def test_review_query_count_is_constant(client_for, cast, seed_path, django_assert_max_num_queries):
    """The review page runs the same number of queries for a small seed (4 tasks, no targets)
    and the largest one (18 targets, 6 tasks, 11 responsibilities), under a fixed bound."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for key, username in (("000", "quangngai"), ("004", "laichau")):
        client = client_for(cast["users"][username])
        client.post(
            reverse("planimport:upload"), {"file": SimpleUploadedFile(f"{key}.txt", seed_path(key).read_bytes())}
        )
        session = ImportSession.objects.latest("pk")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(session.get_absolute_url()).status_code == 200
        counts[key] = len(queries)
    # Long choice lists are autocompletes (issue 17): only the chosen options are looked up, one
    # query per kind (issuer, agencies, plans) when something is chosen, none otherwise; never per row.
    assert abs(counts["000"] - counts["004"]) <= 2, counts
    with django_assert_max_num_queries(35):
        client.get(session.get_absolute_url())


def test_pdf_with_text_layer(client_for, cast, seed_path):
    """A PDF with a text layer (rendered by WeasyPrint) is read: its targets reach the review."""
    from weasyprint import HTML

    text = seed_path("001").read_text(encoding="utf-8")
    body = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    pdf = HTML(string=f"<html><body style='font-size:10pt'>{body}</body></html>").write_pdf()
    client = client_for(cast["users"]["ngochoi"])
    response = client.post(reverse("planimport:upload"), {"file": SimpleUploadedFile("kh.pdf", pdf)})
    assert response.status_code == 302
    session = ImportSession.objects.get()
    assert session.source == "pdf"
    assert {t["value"] for t in session.data["targets"]} >= {17, 60, 30}


def test_vietnamese_catalogue_is_complete():
    """Every msgid of planimport has a Vietnamese translation and none is fuzzy."""
    po = Path(__file__).resolve().parents[3] / "planimport" / "locale" / "vi" / "LC_MESSAGES" / "django.po"
    text = po.read_text(encoding="utf-8")
    entries = text.split("\n\n")[1:]
    assert entries
    for entry in entries:
        assert "#, fuzzy" not in entry, entry
        msgstr = re.search(r'msgstr ((?:".*"\n?)+)', entry + "\n").group(1)
        assert "".join(re.findall(r'"(.*)"', msgstr)).strip(), entry


def test_review_page_in_english_and_recipients_marked(client_for, cast, seed_path):
    """The review renders in English too; the "Nơi nhận" block is an item of the source."""
    client = client_for(cast["users"]["ngochoi"])
    client.post(reverse("planimport:upload"), {"file": SimpleUploadedFile("001.txt", seed_path("001").read_bytes())})
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(ImportSession.objects.get().get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Check the imported plan" in html
    assert 'data-show="field-recipients"' in html
    assert "field-recipients" in html.split('id="import-source"')[1]


def test_home_panel_lists_unsaved_documents(client_for, cast, seed_path):
    """A planner's home page shows the documents read but not saved; others do not get it."""
    client = client_for(cast["users"]["ngochoi"])
    client.post(reverse("planimport:upload"), {"file": SimpleUploadedFile("001.txt", seed_path("001").read_bytes())})
    session = ImportSession.objects.get()
    assert session.get_absolute_url() in client.get(reverse("home")).content.decode()
    assert session.get_absolute_url() not in client_for(cast["users"]["lanhdao"]).get(reverse("home")).content.decode()
