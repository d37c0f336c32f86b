# Everything a fresh machine needs: `make demo` and `make test` install first when needed.
# The newest Python from 3.13 down to 3.11 that runs here (a pyenv shim on PATH may name a version
# that is not installed, so each candidate is asked for its version rather than only looked up).
PYTHON_CANDIDATES := python3.13 python3.12 python3.11 python3
PYTHON ?= $(shell for p in $(PYTHON_CANDIDATES); do \
	$$p -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' 2>/dev/null \
	&& { command -v $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= materiel.db

.PHONY: install demo test bench docs model

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "need python3.11, 3.12 or 3.13 on PATH" >&2; exit 2; }
	@# A venv made by another Python is rebuilt, not patched over.
	$(PYTHON) -m venv $(if $(filter-out $(shell $(PYTHON) -V 2>&1),$(shell $(BIN)/python -V 2>&1)),--clear) $(VENV)
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
	$(BIN)/python bench/unseen_html.py
	$(BIN)/python bench/encoding.py
	$(BIN)/python bench/gate.py
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/robustness.py
	$(BIN)/python bench/paragraph_growth.py

docs: install
	$(BIN)/python tools/cli_docs.py > docs/cli.md

# The learned models, trained from ../shared/gold (one line per model); the artefacts ship in the package.
# The line model first: the other two learn from the text cleaning leaves. Their feature caches
# are rebuilt each time, since any change to cleaning or rules changes the features.
model: install
	rm -f build/triples.jsonl build/quote_texts.jsonl
	$(BIN)/python tools/train_lines.py --cv
	$(BIN)/python tools/train_transfers.py --cv --cache build/triples.jsonl
	$(BIN)/python tools/train_speakers.py --cache build/quote_texts.jsonl
