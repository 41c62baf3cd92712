"""Celery tasks of the reporting cycle."""
