# CoopPlan: the README's two commands.
#   make demo   install, migrate a SQLite database, load the demo data, serve http://127.0.0.1:8000
#   make test   install, run the whole test suite
PY := .venv/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: install demo run migrate test lint messages ci clean-db

install:
	@scripts/install.sh

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo
	@echo ""
	@echo "CoopPlan: http://$(HOST):$(PORT)/  (demo accounts above, password coopplan-demo; Ctrl+C stops)"
	$(PY) manage.py runserver $(HOST):$(PORT)

run: install
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	.venv/bin/ruff check .

messages: install
	scripts/makemessages.sh

ci:
	.ci/run

clean-db:
	rm -f db.sqlite3 db.sqlite3-wal db.sqlite3-shm
