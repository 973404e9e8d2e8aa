# The build benchmark (scripts/bench/): the hub against stock Pelican + i18n_subsites and plain Pelican on
# synthetic corpora of every shape (current, short, long, few-tags, many-tags, one-language-half).
# `make bench` (250 tips, every shape), `make bench SHAPES=short,long TIPS=1000` for some shapes,
# `make bench-1000` (or `make bench TIPS=1000`), `make bench RUNS=5` for more runs; `make bench-profile`
# profiles one hub build (SHAPE=long for another shape). Results: docs/benchmark.md.
BENCH_VENV := .bench/venv
BENCH_READY := $(BENCH_VENV)/.ready
TIPS ?= 250
RUNS ?= 3
SHAPES ?= all
SHAPE ?= current
BENCH_ARGS ?=

.PHONY: bench bench-1000 bench-profile

$(BENCH_READY): scripts/bench/requirements.txt requirements.lock
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet --disable-pip-version-check -c requirements.lock -r scripts/bench/requirements.txt
	touch $@

bench: $(READY) translations $(BENCH_READY)
	$(BIN)/python scripts/bench/run.py --tips $(TIPS) --runs $(RUNS) --shapes $(SHAPES) $(BENCH_ARGS)

bench-1000: $(READY) translations $(BENCH_READY)
	$(BIN)/python scripts/bench/run.py --tips 1000 --runs $(RUNS) --shapes $(SHAPES) $(BENCH_ARGS)

bench-profile: $(READY) translations
	$(BIN)/python scripts/bench/profile_build.py --tips $(TIPS) --shape $(SHAPE)
