"""Profile one hub build of the synthetic corpus and print where the time goes.

    python scripts/bench/profile_build.py [--tips 250] [--shape current] [--top 25] [--hub DIR]

Runs the hub's normal build (`pelican content -o output -s pelicanconf.py`, all plugins) once, in this
process, under cProfile, from clean (no output, no cache folder; --keep-cache keeps the previous build's
cache), in this process (cProfile does not see the background work of forked children), on the benchmark
corpus of that shape (bench-work/SHAPE-N/site), then prints the top functions by cumulative time and by own
(total) time. The raw profile is kept in bench-work/hub-SHAPE-N.prof (for pstats or snakeviz). Run it with
the hub's Python: `make bench-profile` does.
"""

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
import cProfile
import pstats

import corpus
import harness


def where(filename, line, function, hub):
    """A short name for a profiled function: its path inside site-packages or the hub, its line and name."""
    if filename.startswith("~") or filename.startswith("<"):
        return function if filename == "~" else f"{filename}:{line}({function})"
    path = Path(filename)
    parts = path.parts
    if "site-packages" in parts:
        path = Path(*parts[parts.index("site-packages") + 1 :])
    else:
        for root in (hub, harness.ROOT):
            try:
                path = path.resolve().relative_to(root)
                break
            except ValueError:
                continue
        else:
            if "lib" in parts:
                path = Path(*parts[len(parts) - 2 :])
    return f"{path}:{line}({function})"


def top(stats, key, count, hub):
    index = {"cumulative": 3, "tottime": 2}[key]
    rows = sorted(stats.stats.items(), key=lambda item: item[1][index], reverse=True)[:count]
    print(f"{'calls':>10} {'own s':>8} {'cumul. s':>9}  function")
    for (filename, line, function), (primitive, calls, own, cumulative, _) in rows:
        shown = f"{calls}/{primitive}" if calls != primitive else str(calls)
        print(f"{shown:>10} {own:8.3f} {cumulative:9.3f}  {where(filename, line, function, hub)}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tips", type=int, default=250, help="tips (default 250)")
    parser.add_argument("--shape", default=corpus.DEFAULT_SHAPE, choices=corpus.SHAPES,
                        help=f"the corpus shape (default {corpus.DEFAULT_SHAPE})")
    parser.add_argument("--top", type=int, default=25, help="how many functions to list (default 25)")
    parser.add_argument("--hub", default=str(harness.ROOT), help="the hub's folder (default: this one)")
    parser.add_argument("--work", default=str(harness.WORK))
    parser.add_argument("--keep-cache", action="store_true",
                        help="keep the hub's cache folder (profile a rebuild, not a build from clean)")
    args = parser.parse_args(argv)
    hub = Path(args.hub).resolve()

    print(f"Generating the corpus `{args.shape}`: {args.tips} tips ...", flush=True)
    site = harness.prepare_site(args.tips, hub=hub, work=args.work, shape=args.shape)
    os.chdir(site)
    shutil.rmtree(site / "output", ignore_errors=True)
    if not args.keep_cache:
        shutil.rmtree(site / "cache", ignore_errors=True)
    from pelican import main as pelican_main

    profiler = cProfile.Profile()
    start, cpu = time.perf_counter(), time.process_time()
    profiler.enable()
    try:
        pelican_main(["content", "-o", "output", "-s", "pelicanconf.py"])
        code = 0
    except SystemExit as stop:
        code = stop.code or 0
    finally:
        profiler.disable()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    saved = Path(args.work) / f"hub-{args.shape}-{args.tips}.prof"
    profiler.dump_stats(saved)
    stats = pstats.Stats(profiler)
    print(f"\nOne hub build of {args.tips} tips (`{args.shape}`) under cProfile: {elapsed:.1f} s wall, "
          f"{cpu:.1f} s CPU (exit {code}; profiling slows it down)\n")
    print(f"Top {args.top} by cumulative time:")
    top(stats, "cumulative", args.top, hub)
    print(f"\nTop {args.top} by own time:")
    top(stats, "tottime", args.top, hub)
    print(f"\nThe whole profile: {saved} (python -m pstats {saved})")
    return code


if __name__ == "__main__":
    sys.exit(main())
