# Parley: `make run` and `make test` do all the set-up on a fresh machine (Python 3.11+ and make).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test eval bench fuzz clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/parley $(ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

eval: $(STAMP)
	python3 ../shared/eval/score.py --gold-dir ../shared/eval/gold --text-dir ../shared/seeds \
	  --text-dir ../shared/eval/corpus --cmd '$(BIN)/parley extract {path} --format json' --verbose

bench: $(STAMP)
	$(BIN)/python bench/bench.py $(BENCH_ARGS)

# Not part of `make test`: mutated corpus articles for FUZZ_SECONDS (default 300).
FUZZ_SECONDS ?= 300
fuzz: $(STAMP)
	$(BIN)/python fuzz/fuzz_extract.py --seconds $(FUZZ_SECONDS)

clean:
	rm -rf $(VENV) build *.egg-info
