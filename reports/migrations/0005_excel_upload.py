# Issue 12: uploaded offline report forms are kept in the database and read by a Celery task.

import core.uploads
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reports', '0004_notification_resolution'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ExcelUpload',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('modified', models.DateTimeField(auto_now=True, verbose_name='modified')),
                ('file', models.FileField(max_length=255, storage=core.uploads.get_private_storage, upload_to=core.uploads.RandomName('imports/report-forms'), verbose_name='file')),
                ('original_name', models.CharField(max_length=255, verbose_name='file name')),
                ('status', models.CharField(choices=[('uploaded', 'Waiting to be read'), ('reading', 'Reading'), ('read', 'Read'), ('failed', 'Could not be read'), ('applied', 'Saved')], default='uploaded', max_length=10, verbose_name='status')),
                ('message', models.TextField(blank=True, verbose_name='message')),
                ('data', models.JSONField(blank=True, default=dict, verbose_name='values read')),
                ('version', models.PositiveIntegerField(blank=True, null=True, verbose_name='version')),
                ('problems', models.JSONField(blank=True, default=list, verbose_name='problems')),
                ('obligation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='excel_uploads', to='reports.obligation', verbose_name='report')),
                ('uploaded_by', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
            ],
            options={
                'verbose_name': 'Excel form upload',
                'verbose_name_plural': 'Excel form uploads',
                'ordering': ['-created', '-id'],
            },
        ),
    ]
