# Issue 12: plan documents are read by a Celery task; sessions created before were read already.

import core.uploads
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('planimport', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='importsession',
            name='file',
            field=models.FileField(blank=True, max_length=255, storage=core.uploads.get_private_storage, upload_to=core.uploads.RandomName('imports/plans'), verbose_name='file'),
        ),
        migrations.AddField(
            model_name='importsession',
            name='message',
            field=models.TextField(blank=True, verbose_name='message'),
        ),
        migrations.AddField(
            model_name='importsession',
            name='status',
            field=models.CharField(choices=[('uploaded', 'Waiting to be read'), ('reading', 'Reading'), ('read', 'Read'), ('failed', 'Could not be read')], default='read', max_length=10, verbose_name='status'),
        ),
        migrations.AlterField(
            model_name='importsession',
            name='status',
            field=models.CharField(choices=[('uploaded', 'Waiting to be read'), ('reading', 'Reading'), ('read', 'Read'), ('failed', 'Could not be read')], default='uploaded', max_length=10, verbose_name='status'),
        ),
    ]
