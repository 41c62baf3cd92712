#!/usr/bin/env bash
# Update the Vietnamese catalogues: the project-wide one (templates/, core/, coopplan/) in
# locale/, and each app's own in <app>/locale/. Then fill every msgstr (no fuzzy entries):
# tests/test_translations.py fails otherwise. No "#: file:line" comments (--no-location): they
# changed with every edit and made concurrent branches conflict in every catalogue.
#   scripts/makemessages.sh            all catalogues
#   scripts/makemessages.sh plans      one app (or "project")
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
DJANGO_ADMIN="$(cd "$(dirname "$PY")" && pwd)/django-admin"
# core/ and coopplan/ belong to the project catalogue, never to their own.
APPS=$(for d in */locale; do dirname "$d"; done | grep -v -x -e core -e coopplan -e locale)
only=${1:-all}

if [[ $only == all || $only == project ]]; then
  ignores=(--ignore ".venv/*" --ignore "static/*" --ignore "staticfiles/*" --ignore "media/*" --ignore "tests/*"
           --ignore "docs/*" --ignore "scripts/*" --ignore "benchmarks/*")
  for app in $APPS; do ignores+=(--ignore "$app/*"); done
  echo "project: templates/ core/ coopplan/ -> locale/vi"
  "$PY" manage.py makemessages -l vi --no-obsolete --no-location "${ignores[@]}"
fi
for app in $APPS; do
  if [[ $only == all || $only == "$app" ]]; then
    echo "$app -> $app/locale/vi"
    (cd "$app" && "$DJANGO_ADMIN" makemessages -l vi --no-obsolete --no-location)
  fi
done

# makemessages stamps "POT-Creation-Date" with the current time on every run, so two branches
# that both update a catalogue always conflicted on that header line. The date says nothing git
# does not, so drop it.
for po in locale/vi/LC_MESSAGES/django.po */locale/vi/LC_MESSAGES/django.po; do
  sed -i '/^"POT-Creation-Date: .*\\n"$/d' "$po"
done
