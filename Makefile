# One command runner; CI (.ci/run) uses the same targets.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
STAMP := $(VENV)/.installed

.PHONY: setup run test test-fast lint system-deps bench clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	@echo "==> [1/4] virtualenv $(VENV)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "==> [2/4] pip"
	@$(PIP) install --quiet --upgrade pip
	@# The CPU build of torch first: an unpinned torch pulls a multi-GB CUDA build.
	@echo "==> [3/4] torch (CPU build); pip shows its progress"
	$(PIP) install torch==2.13.0
	@echo "==> [4/4] referat-assistenten and its dependencies (gradio, chromadb, transformers, langchain-core, ...)"
	$(PIP) install -e '.[dev]'
	@touch $(STAMP)
	@echo "==> setup done: $(BIN)/minutes"

setup: $(STAMP)

# The main job: start the chat on the shipped corpus (ingests first when the index is missing or stale).
run: setup
	@echo "==> indexing corpus/ (only new and changed files), then the chat on http://127.0.0.1:7860"
	$(BIN)/minutes serve

# Debian packages the tests need: Chromium for the browser test, DejaVu fonts for PDFs with æøå; then axe-core
# (npm, pinned in tests/package.json) for the browser test's accessibility check.
system-deps:
	@if command -v apt-get >/dev/null && ! { command -v chromium >/dev/null && test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf; }; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	fi
	@if command -v npm >/dev/null && ! test -f tests/node_modules/axe-core/axe.min.js; then \
		npm install --prefix tests --no-audit --no-fund --silent; \
	fi

test: setup system-deps
	$(BIN)/python -m pytest

test-fast: setup
	$(BIN)/python -m pytest -m "not slow and not browser"

lint: setup
	$(BIN)/ruff check assistant tests benchmarks

bench: setup
	$(BIN)/python benchmarks/parse.py

clean:
	rm -rf $(VENV) index/*.sqlite index/chroma index/bm25
