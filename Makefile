# Everything a fresh machine needs: `make demo` and `make test` install first when needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= materiel.db

.PHONY: install demo test bench docs model

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "need python3.11 on PATH" >&2; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,spark]'
	@touch $(STAMP)

demo: install
	rm -f $(DB)
	$(BIN)/materiel ingest examples/ --db sqlite:///$(DB)
	$(BIN)/materiel ledger --db sqlite:///$(DB)

test: install
	$(BIN)/ruff check src tests bench tools
	$(BIN)/pytest -q

bench: install
	$(BIN)/python bench/html_extraction.py
	$(BIN)/python bench/encoding.py
	$(BIN)/python bench/gate.py
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/robustness.py

docs: install
	$(BIN)/python tools/cli_docs.py > docs/cli.md

# The learned models, trained from ../shared/gold (one line per model); the artefacts ship in the package.
model: install
	$(BIN)/python tools/train_transfers.py --cv --cache build/triples.jsonl
