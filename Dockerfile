# CoopPlan web image; docker-compose.yml runs it as web (gunicorn), worker and beat (celery).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint renders PDFs with Pango/HarfBuzz; gettext compiles the translations.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libjpeg62-turbo libffi8 \
      shared-mime-info fonts-dejavu-core gettext \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .
# Translations (.mo files are not in git) and static files (whitenoise serves them, hashed).
# The build needs a SECRET_KEY only to import the settings; the real one comes from the environment.
RUN python manage.py compilemessages --ignore=.venv \
 && DEBUG=False SECRET_KEY=build-only-not-used-at-runtime ALLOWED_HOSTS=localhost \
      python manage.py collectstatic --noinput -v 0

RUN useradd --create-home --uid 1000 coopplan \
 && mkdir -p /app/media \
 && chown -R coopplan /app/media
USER coopplan

EXPOSE 8000
CMD ["gunicorn", "coopplan.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "120", "--access-logfile", "-"]
