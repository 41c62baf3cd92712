"""Keep the rule of each succession link: the plain many-to-many table of ``successors``
becomes the table of ``UnitSuccession`` (same table, same columns) and gains three columns."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0004_agency_allow_self_review'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='UnitSuccession',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('from_administrativeunit', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='succession_links', to='directory.administrativeunit', verbose_name='predecessor unit')),
                        ('to_administrativeunit', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='predecession_links', to='directory.administrativeunit', verbose_name='successor unit')),
                    ],
                    options={
                        'verbose_name': 'succession link',
                        'verbose_name_plural': 'succession links',
                        'db_table': 'directory_administrativeunit_successors',
                        'unique_together': {('from_administrativeunit', 'to_administrativeunit')},
                    },
                ),
                migrations.AlterField(
                    model_name='administrativeunit',
                    name='successors',
                    field=models.ManyToManyField(blank=True, related_name='predecessors', through='directory.UnitSuccession', through_fields=('from_administrativeunit', 'to_administrativeunit'), to='directory.administrativeunit', verbose_name='successors'),
                ),
            ],
            database_operations=[],
        ),
        migrations.AddField(
            model_name='unitsuccession',
            name='rule',
            field=models.CharField(choices=[('merged', 'Merged whole into the successor'), ('split', 'Split: part went to the successor'), ('province', 'Province merged into the successor province'), ('district', 'District abolished: its area passed to the successor province'), ('manual', 'Entered by hand')], default='manual', max_length=10, verbose_name='rule'),
        ),
        migrations.AddField(
            model_name='unitsuccession',
            name='is_default',
            field=models.BooleanField(default=True, help_text='For a split unit: the successor an address without a street goes to.', verbose_name='default successor'),
        ),
        migrations.AddField(
            model_name='administrativeunit',
            name='latitude',
            field=models.FloatField(blank=True, null=True, verbose_name='latitude'),
        ),
        migrations.AddField(
            model_name='administrativeunit',
            name='longitude',
            field=models.FloatField(blank=True, null=True, verbose_name='longitude'),
        ),
        migrations.AddField(
            model_name='unitsuccession',
            name='source',
            field=models.CharField(blank=True, max_length=60, verbose_name='source'),
        ),
    ]
