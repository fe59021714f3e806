# Two commands for a fresh machine: `make run` and `make test`. Everything else is what they stand on.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The site's folder for its database, secret key, passwords and collected static files (NAVIGATOR_VAR_DIR).
VAR := $(or $(NAVIGATOR_VAR_DIR),var)
SITE_ENV := SITE_URL=http://$(HOST):$(PORT)
# `make run` serves the production settings on this machine: DEBUG off, gunicorn, whitenoise, the secret key made
# once in $(VAR)/secret-key; LOCAL_HTTP=1 only leaves out what needs TLS and refuses any host but this machine.
RUN_ENV := $(SITE_ENV) DJANGO_SETTINGS_MODULE=navigator.settings.production SECRET_KEY_FILE=$(VAR)/secret-key \
	ALLOWED_HOSTS=$(HOST),localhost LOCAL_HTTP=1 EMAIL_BACKEND=navigator.mail.EmlFileBackend

.PHONY: run dev test test-postgres test-scale snapshots setup venv npm translations migrate demo static secret-key chromium postgres redis benchmark-pages benchmark-load profile audit clean

run: setup static ## Set everything up, load the demo catalog and serve it as it runs live on http://127.0.0.1:8000
	$(RUN_ENV) $(MANAGE) load_demo
	$(RUN_ENV) $(MANAGE) ensure_demo_users
	@echo "Serving http://$(HOST):$(PORT)/ with the production settings (DEBUG off). For development: make dev"
	@echo "Mail the site sends (booking confirmations, reminders, feedback) is written to $(VAR)/mail/ as .eml files."
	$(RUN_ENV) $(PY) -m gunicorn navigator.wsgi --workers 2 --bind $(HOST):$(PORT) --log-level warning

dev: setup demo ## Development: runserver with DEBUG and autoreload on http://127.0.0.1:8000
	$(SITE_ENV) $(MANAGE) runserver $(HOST):$(PORT)

# Two pytest processes side by side, one a core (tests/run_suite.sh); `$(PY) -m pytest` runs the same tests in one.
test: setup chromium ## Set everything up and run the whole suite
	PY=$(PY) tests/run_suite.sh $(PYTEST_ARGS)

# The same suite against a throw-away PostgreSQL cluster in var/postgres/; PYTEST_ARGS narrows it.
test-postgres: setup chromium postgres ## Run the whole suite against a real PostgreSQL
	PY=$(PY) tests/postgres.sh $(PYTEST_ARGS)

# One site on two app servers (gunicorn) sharing a throw-away PostgreSQL cluster and Redis: a publish on one is
# seen on the other, limits are shared, and the site keeps answering with Redis stopped (tests/scale/).
test-scale: setup postgres redis ## Two app servers sharing PostgreSQL and Redis
	PY=$(PY) tests/postgres.sh tests/scale -p no:cacheprovider $(PYTEST_ARGS)

# Record the golden renderings of every public page type anew (tests/snapshots/); review and commit the diff.
snapshots: setup
	SNAPSHOT_UPDATE=1 $(PY) -m pytest tests/snapshots -q

setup: $(VENV)/.installed node_modules/.installed translations migrate

# The Czech catalogs (the site's plural forms, the admin's messages Wagtail leaves in English), compiled with
# polib, so no machine needs GNU gettext; one run compiles them all.
CATALOGS := $(wildcard locale/*/LC_MESSAGES/*.po)
translations: $(CATALOGS:.po=.mo)
$(CATALOGS:.po=.mo) &: $(CATALOGS) $(VENV)/.installed
	$(MANAGE) compile_translations -v0

venv: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

npm: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

migrate: $(VENV)/.installed
	@mkdir -p $(VAR)/static
	$(MANAGE) migrate --no-input -v0

demo: migrate
	$(SITE_ENV) $(MANAGE) load_demo
	$(SITE_ENV) $(MANAGE) ensure_demo_users

# Hashed, compressed copies for whitenoise, made again only when a static file changed.
static: $(VAR)/static/staticfiles.json
$(VAR)/static/staticfiles.json: $(shell find static -type f) node_modules/.installed $(VENV)/.installed \
		| $(VAR)/secret-key
	$(RUN_ENV) $(MANAGE) collectstatic --no-input -v0

# The secret key of this checkout's sites, made once (navigator/settings/secret.py).
secret-key: $(VAR)/secret-key
$(VAR)/secret-key: | $(VENV)/.installed
	$(PY) -m navigator.settings.secret $@

# Browser tests drive Debian's chromium; install it when it is missing.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests..."; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# test-postgres runs Debian's PostgreSQL server; install it when it is missing.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
		echo "Installing Debian's postgresql for test-postgres..."; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql >/dev/null; }

# Where a personal page's time goes (pyinstrument, the dev extra): call trees in var/profile/.
profile: setup demo
	$(PY) -m pip install --quiet -e ".[test,dev]"
	$(PY) benchmarks/profile.py

# test-scale runs Debian's Redis server; install it when it is missing (the test starts its own on a free port).
redis:
	@command -v redis-server >/dev/null 2>&1 || { \
		echo "Installing Debian's redis-server for test-scale..."; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq redis-server >/dev/null; }

benchmark-pages: setup demo
	$(PY) benchmarks/pages.py

# gunicorn (2 workers, production settings, demo catalog in a throw-away folder) under wrk; installs wrk when
# missing. LOAD_DURATION=5s for a quick try.
benchmark-load: setup
	PY=$(PY) benchmarks/load.sh

# Known vulnerabilities in the installed Python packages (PyPI's advisory data, so it needs the internet).
# pip-audit lives in a virtual environment of its own, so its dependencies are not audited as the site's.
audit: $(VENV)/.installed
	test -x var/audit/bin/pip-audit || { $(PYTHON) -m venv var/audit && var/audit/bin/pip install --quiet pip-audit; }
	$(PY) -m pip freeze --exclude-editable > var/audit/requirements.txt
	var/audit/bin/pip-audit --requirement var/audit/requirements.txt --no-deps --disable-pip --progress-spinner off

clean:
	rm -rf $(VENV) node_modules var
