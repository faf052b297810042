# Two commands do everything on a fresh machine with Python 3.11 and make:
#   make demo   create .venv, install copydesk and its English pipeline, check the seed article
#   make test   the same set-up, then the whole test suite
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install bench score timex clean

demo: $(STAMP)
	-$(BIN)/copydesk check seeds/kim-jong-un-leaves-beijing.txt

test: $(STAMP)
	$(BIN)/python -m pytest

install: $(STAMP)

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH (or run: make PYTHON=python3 ...)"; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[model,test,serve,audit]'
	touch $(STAMP)

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
	rm -rf $(VENV) build *.egg-info
