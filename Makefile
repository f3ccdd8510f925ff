# Parley: `make run` and `make test` do all the set-up on a fresh machine (Python 3.11+ and make).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test eval eval-diff bench fuzz clean eval-polnear

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

# Both gold sets (../shared/eval and eval/gold) scored in one process; EVAL_ARGS e.g. --verbose, --only NAME, --json F.
eval: $(STAMP)
	$(BIN)/python eval/run.py $(EVAL_ARGS)

# What the working tree changes against BASE (default HEAD) on every article at hand; PolNeAR's train
# texts too when POLNEAR_GIT is given on the command line or in the environment. DIFF_ARGS e.g. --limit 100.
eval-diff: $(STAMP)
	$(BIN)/python eval/diff.py --base $(or $(BASE),HEAD) \
	  $(if $(filter environment% command%,$(origin POLNEAR_GIT)),--polnear '$(POLNEAR_GIT)') $(DIFF_ARGS)

bench: $(STAMP)
	$(BIN)/python bench/bench.py $(BENCH_ARGS)

# Not part of `make test`: mutated corpus articles for FUZZ_SECONDS (default 300).
FUZZ_SECONDS ?= 300
fuzz: $(STAMP)
	$(BIN)/python fuzz/fuzz_extract.py --seconds $(FUZZ_SECONDS)

# Quotes and quote speakers scored on PolNeAR's train split (eval/polnear.py; dev/test are never read).
POLNEAR_GIT ?= /work/.mirror/networkdynamics+PolNeAR/repo
eval-polnear: $(STAMP)
	$(BIN)/python eval/polnear.py --git $(POLNEAR_GIT) $(POLNEAR_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info
