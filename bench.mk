# The build benchmark (scripts/bench/): the hub against stock Pelican + i18n_subsites and plain Pelican on one
# synthetic corpus. `make bench` (250 tips per language), `make bench-1000` (or `make bench TIPS=1000`),
# `make bench RUNS=5` for more runs; `make bench-profile` profiles one hub build. Results: docs/benchmark.md.
BENCH_VENV := .bench/venv
BENCH_READY := $(BENCH_VENV)/.ready
TIPS ?= 250
RUNS ?= 3
BENCH_ARGS ?=

.PHONY: bench bench-1000 bench-profile

$(BENCH_READY): scripts/bench/requirements.txt requirements.lock
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet --disable-pip-version-check -c requirements.lock -r scripts/bench/requirements.txt
	touch $@

bench: $(READY) translations $(BENCH_READY)
	$(BIN)/python scripts/bench/run.py --tips $(TIPS) --runs $(RUNS) $(BENCH_ARGS)

bench-1000: $(READY) translations $(BENCH_READY)
	$(BIN)/python scripts/bench/run.py --tips 1000 --runs $(RUNS) $(BENCH_ARGS)

bench-profile: $(READY) translations
	$(BIN)/python scripts/bench/profile_build.py --tips $(TIPS)
