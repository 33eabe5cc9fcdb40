# MPP Virtual: the command index.
#   make run    set everything up, then serve the demo on http://$(HOST):$(PORT)/
#   make test   set up, then run the whole test suite
#   make lint   ruff, formatting and missing migrations
#   make bench  performance figures (printed, never asserted)

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export UV_PYTHON_DOWNLOADS := never
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup deps assets db demo run test test-browser lint format bench clean

setup: deps assets db demo

# Python dependencies, pinned in pyproject.toml; uv installs them in seconds.
$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check uv==0.13.9
	$(VENV)/bin/uv pip install --quiet --python $(PY) -r pyproject.toml --extra dev
	touch $@

# Front-end libraries from the npm registry, pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

deps: $(VENV)/.installed node_modules/.installed
	bin/system-deps

assets: deps
	node frontend/build.mjs
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules --verbosity 0
	$(PY) manage.py collectstatic --noinput --verbosity 0

db: deps
	$(PY) manage.py migrate --noinput --verbosity 0

demo: db assets
	$(PY) manage.py load_demo

run: setup
	HOST=$(HOST) PORT=$(PORT) bin/serve

test: deps assets
	bin/system-deps --test
	bin/test

lint: deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run --verbosity 1

format: deps
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: setup
	$(PY) bench/run.py

clean:
	rm -rf var/staticfiles var/vendor
