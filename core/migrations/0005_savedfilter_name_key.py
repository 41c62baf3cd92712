"""A saved filter's name is unique per user and list whatever its case, Unicode form and runs of
spaces, in the database itself on PostgreSQL and SQLite alike: the names as compared are kept in
``name_key`` (``core.models.saved_filter_key``), which the unique constraint covers instead of
``name``. Names already saved that now compare equal (possible on SQLite, whose case folding
was ASCII only) are told apart by a number: "Của tôi (2)"."""

import unicodedata

from django.db import migrations, models


def _key(name):  # core.models.saved_filter_key as of this migration
    return " ".join(unicodedata.normalize("NFC", name or "").split()).casefold()


def fill_keys(apps, schema_editor):
    SavedFilter = apps.get_model("core", "SavedFilter")
    taken = set()
    for saved in SavedFilter.objects.order_by("user_id", "list_key", "id").iterator():
        name = unicodedata.normalize("NFC", saved.name)
        n, candidate = 1, name
        while (saved.user_id, saved.list_key, _key(candidate)) in taken:
            n += 1
            suffix = f" ({n})"
            candidate = name[: 80 - len(suffix)] + suffix
        taken.add((saved.user_id, saved.list_key, _key(candidate)))
        saved.name, saved.name_key = candidate, _key(candidate)
        saved.save(update_fields=["name", "name_key"])


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0004_list_tools"),
    ]

    operations = [
        migrations.AddField(
            model_name="savedfilter",
            name="name_key",
            field=models.CharField(default="", editable=False, max_length=240, verbose_name="name for comparison"),
            preserve_default=False,
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.RemoveConstraint(model_name="savedfilter", name="savedfilter_user_list_name_uniq"),
        migrations.AddConstraint(
            model_name="savedfilter",
            constraint=models.UniqueConstraint(
                fields=("user", "list_key", "name_key"), name="savedfilter_user_list_name_key_uniq"
            ),
        ),
    ]
