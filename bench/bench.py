"""Parley's benchmark: ``make bench`` prints one table, every figure from this run.

Not a test: timings depend on the machine, so they are printed next to the
targets (issue 4) rather than asserted. Each measurement runs in a fresh child
process so peak memory (RSS) belongs to one size and one start-up.

- Extraction: the bare spaCy pipeline (``nlp.pipe`` over the same paragraphs,
  same model) against ``Extractor.extract`` on ~10 KB, ~100 KB and ~1 MB texts
  built by concatenating the seed and the corpus articles; medians of several
  repetitions, alternating the two so drift hits both alike.
- Explorer start-up: process start to the article painted and to the panes
  filled, seed article, cold cache (empty directory) and warm cache (the same
  directory again), run headless through the real ``parley`` entry point.
- Responsiveness: a Pilot presses ``?`` repeatedly while a ~100 KB article (and,
  in a full run, a ~1 MB one) is being extracted and times each press until its
  action runs and until the help screen is painted.
- Library import (issue 12): ``parley library add FOLDER`` on 200 and 2,000
  generated articles (paragraphs of eval/corpus and seeds/ permuted; ``--quick``:
  50) with the local engine at ``--jobs 1`` and ``--jobs 2`` and with
  ``--engine dask`` on a 2-worker local cluster, each against the bare spaCy
  pipeline (load + ``nlp.pipe`` over the same paragraphs, same ``n_process``):
  articles/s, words/s and the ratio of throughputs. Every run is the whole
  command in a fresh process (model load, cluster start, SQLite writes, a cold
  extraction cache and the cross-article parties included), timed from the call
  to its return (the bare side from before the model load to the last Doc; neither counts
  the Python start). The CPU seconds of each whole process tree (the child and every pool or
  Dask worker it waited for) are reported too: steadier than wall time when other jobs share
  the machine. Then query latency on the largest library: the positions of the
  most frequent party (``library actor NAME --format json``) and ``export
  --format csv``, in-process (median of 5 after one warm-up) and as a whole
  ``parley`` command.

    python bench/bench.py [--quick] [--library-only | --no-library] [--json out.json]
    python bench/bench.py --library-only --library-sizes 200 --library-configs dask-2 --library-reps 5 --no-queries
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SIZES = {"10 KB": 10_000, "100 KB": 100_000, "1 MB": 1_000_000}
REPS = {"10 KB": 7, "100 KB": 5, "1 MB": 3}
SEED = ROOT / "seeds" / "putin-energy-ceasefire.txt"
LIBRARY_SIZES = [200, 2000]
LIBRARY_CONFIGS = [("local", 1), ("local", 2), ("dask", 2)]  # (engine, jobs: processes or workers)


def sources() -> list[str]:
    paths = [SEED] + sorted((SHARED / "eval" / "corpus").glob("*.txt"))
    return [p.read_text(encoding="utf-8").strip() for p in paths if p.exists()]


def build_text(size: int) -> str:
    """Whole articles, cycled, then cut at a paragraph break at or after ``size``."""
    arts = sources()
    parts: list[str] = []
    n = 0
    i = 0
    while n < size:
        parts.append(arts[i % len(arts)])
        n += len(parts[-1]) + 2
        i += 1
    text = "\n\n".join(parts)
    cut = text.find("\n", size)
    return text if cut < 0 else text[:cut]


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


# ------------------------------------------------------------------ children
def child_extract(label: str, reps: int) -> dict:
    from extract import Extractor
    from extract.nlp import split_chunks

    text = build_text(SIZES[label])
    ex = Extractor()
    nlp = ex.nlp
    pieces = [p for _, p in split_chunks(text)]
    ex.extract(build_text(3000))  # warm-up: lazy tables, matcher compilation
    bare, full = [], []
    for _ in range(reps):
        t = time.perf_counter()
        for _doc in nlp.pipe(pieces, batch_size=64):
            pass
        bare.append(time.perf_counter() - t)
        t = time.perf_counter()
        result = ex.extract(text)
        full.append(time.perf_counter() - t)
    words = len(text.split())
    return {"label": label, "chars": len(text), "words": words, "bare": statistics.median(bare),
            "extract": statistics.median(full), "bare_all": bare, "extract_all": full,
            "claims": len(result.claims), "quotes": len(result.quotes), "actors": len(result.actors),
            "rss_mb": peak_rss_mb(), "model": ex.model_name}


def child_startup(t0: float, path: str) -> dict:
    """Run the real ``parley`` entry point headless and note when things appear."""
    marks: dict[str, float] = {}
    from textual import events, on

    import tui.app as appmod

    class Timed(appmod.ParleyApp):
        @on(events.Mount)
        def _bench_mounted(self) -> None:
            self.call_after_refresh(lambda: marks.setdefault("article", time.time() - t0))

        @on(appmod.ExtractPartial)
        def _bench_partial(self) -> None:
            self.call_after_refresh(lambda: marks.setdefault("first_results", time.time() - t0))

        @on(appmod.Extracted)
        def _bench_filled(self) -> None:
            def done():
                marks["panes"] = time.time() - t0
                marks["cached"] = self.from_cache
                self.exit()
            self.call_after_refresh(done)

        def run(self, **kw):  # noqa: D401 - headless: no terminal in the benchmark
            return super().run(headless=True, size=(120, 40))

    appmod.ParleyApp = Timed
    appmod.main([path, "--quotes-file", os.devnull])
    marks["rss_mb"] = peak_rss_mb()
    return marks


async def _keys(path: str, samples: int) -> dict:
    """Press ``?`` while extraction runs; time key → action, and key → help screen painted."""
    import asyncio

    from textual import events

    from tui.app import ParleyApp
    from tui.screens import HelpScreen

    stamp: dict[str, float] = {}

    class Timed(ParleyApp):
        def action_help(self) -> None:
            stamp["action"] = time.perf_counter()
            super().action_help()
            self.call_after_refresh(lambda: stamp.setdefault("painted", time.perf_counter()))

    app = Timed(path, quotes_file=os.devnull)
    handled: list[float] = []
    painted: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        while not app.final and len(handled) < samples:
            stamp.clear()
            t = time.perf_counter()
            # As the terminal driver does: post the key to the app and return. (pilot.press
            # also waits for every widget to drain its queue, which measures the Pilot.)
            app.post_message(events.Key("question_mark", "?"))
            deadline = t + 60  # a stalled loop is a measurement, not a failure
            while "painted" not in stamp and time.perf_counter() < deadline:
                await asyncio.sleep(0.001)
            if "painted" not in stamp:
                raise RuntimeError("the help screen did not open within 60 s of '?'")
            if app.final:
                break  # only presses made during extraction count
            handled.append(stamp["action"] - t)
            painted.append(stamp["painted"] - t)
            app.post_message(events.Key("escape", None))  # the app routes it to the help screen's binding
            while isinstance(app.screen, HelpScreen) and time.perf_counter() < deadline:
                await asyncio.sleep(0.005)
            await asyncio.sleep(0.1)
        while not app.final:
            await pilot.pause(0.1)
    return {"handled": handled, "painted": painted}


def child_keys(path: str, samples: int) -> dict:
    import asyncio

    return asyncio.run(_keys(path, samples))


# ------------------------------------------------------------------ library
def library_pool() -> list[str]:
    """The paragraphs of the project's corpus and seed articles (titles left out)."""
    paths = sorted((ROOT / "eval" / "corpus").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    pool: list[str] = []
    for p in paths:
        paras = [x.strip() for x in p.read_text(encoding="utf-8").split("\n\n") if x.strip()]
        pool += [x for x in paras[1:] if len(x.split()) >= 8]
    return pool


def library_articles(n: int) -> list[str]:
    """``n`` distinct articles of 4-8 paragraphs drawn (seeded) from the pool, each with its own title."""
    import random

    pool = library_pool()
    out = []
    for i in range(n):
        rng = random.Random(i)
        body = rng.sample(pool, rng.randint(4, 8))
        out.append(f"Negotiations update {i + 1}: {' '.join(body[0].split()[:8])}\n\n" + "\n\n".join(body) + "\n")
    return out


def write_articles(folder: Path, n: int) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    arts = library_articles(n)
    for i, text in enumerate(arts):
        (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
    return {"articles": n, "words": sum(len(t.split()) for t in arts), "chars": sum(len(t) for t in arts)}


def child_libadd(folder: str, engine: str, jobs: int, library: str) -> dict:
    """The whole ``parley library add`` (model load, cluster start, writes) in this fresh process."""
    from extract.library.cli import main as library_main

    args = ["add", folder, "--library", library, "--jobs", str(jobs)] + (["--engine", "dask"] if engine == "dask" else [])
    t = time.perf_counter()
    code = library_main(args)
    secs = time.perf_counter() - t
    if code != 0:
        raise SystemExit(f"library add {args} exited {code}")
    return {"secs": secs, "rss_mb": peak_rss_mb()}


def child_libbare(folder: str, n_process: int) -> dict:
    """Load the model and run every paragraph of the same texts through one ``nlp.pipe``."""
    from extract.nlp import load_model, split_chunks

    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]
    t = time.perf_counter()
    nlp, _ = load_model(None)
    load = time.perf_counter() - t
    pieces = [piece for text in texts for _, piece in split_chunks(text)]
    for _doc in nlp.pipe(pieces, n_process=n_process, batch_size=64):
        pass
    return {"secs": time.perf_counter() - t, "load": load}


def child_libquery(library: str, reps: int) -> dict:
    """In-process latency of the two queries on a built library (median after one warm-up)."""
    import contextlib

    from extract.library.actors import library_parties
    from extract.library.cli import main as library_main
    from extract.library.store import Library

    with Library(library) as lib:
        top = library_parties(lib)[0]
        n_items = sum(1 for _ in lib.items())
    out: dict = {"top_actor": top["name"], "actor_articles": top["articles"], "items": n_items}
    with tempfile.TemporaryDirectory() as tmp:
        cmds = {"actor": ["actor", top["id"], "--format", "json", "--library", library],
                "export": ["export", "--format", "csv", "-o", str(Path(tmp) / "out.csv"), "--library", library]}
        for name, argv in cmds.items():
            times = []
            for _ in range(reps + 1):
                with open(os.devnull, "w") as null, contextlib.redirect_stdout(null), contextlib.redirect_stderr(null):
                    t = time.perf_counter()
                    code = library_main(argv)
                    times.append(time.perf_counter() - t)
                if code != 0:
                    raise SystemExit(f"library {argv} exited {code}")
            out[name] = {"first": times[0], "median": statistics.median(times[1:])}
            t = time.perf_counter()  # the whole command, as a user runs it
            r = subprocess.run([sys.executable, "-m", "tui.main", "library", *argv], capture_output=True, cwd=ROOT)
            out[name]["process"] = time.perf_counter() - t
            if r.returncode != 0:
                raise SystemExit(f"parley library {argv} failed: {r.stderr.decode()[-500:]}")
    return out


def run_library(console, sizes: list[int], reps_small: int, tmp: Path,
                configs: list[tuple[str, int]] | None = None, reps_large: int = 1,
                queries: bool = True) -> dict:
    raw: dict = {"sizes": []}
    for n in sizes:
        folder = tmp / f"lib-{n}"
        info = write_articles(folder, n)
        reps = reps_small if n <= 200 else reps_large
        runs: dict = {}
        for r in range(reps):
            for engine, jobs in configs or LIBRARY_CONFIGS:  # alternate bare and library so drift hits both alike
                key = f"{engine}-{jobs}"
                console.print(f"[dim]library {n} articles: bare n_process={jobs}, then {engine} --jobs {jobs} "
                              f"({r + 1}/{reps})…[/]")
                bare = run_child(["libbare", str(folder), str(jobs)])
                lib = tmp / f"lib-{n}-{key}-{r}.sqlite"
                env = dict(os.environ, PARLEY_CACHE_DIR=str(tmp / f"cache-{n}-{key}-{r}"))
                add = run_child(["libadd", str(folder), engine, str(jobs), str(lib)], env=env)
                runs.setdefault(key, []).append({"bare": bare, "add": add, "library": str(lib)})
        raw["sizes"].append(dict(info, runs=runs))
    if not queries:
        return raw
    biggest = raw["sizes"][-1]
    lib = next(iter(biggest["runs"].values()))[0]["library"]
    console.print(f"[dim]library queries on {biggest['articles']} articles…[/]")
    raw["query"] = dict(run_child(["libquery", lib, "5"]), articles=biggest["articles"])
    return raw


def library_rows(raw: dict, row) -> None:
    for size in raw["sizes"]:
        n, words = size["articles"], size["words"]
        for key, runs in size["runs"].items():
            engine, jobs = key.split("-")
            add = statistics.median(r["add"]["secs"] for r in runs)
            bare = statistics.median(r["bare"]["secs"] for r in runs)
            ratio = bare / add  # throughput of the import / throughput of the bare pipeline
            label = f"--jobs {jobs}" if engine == "local" else f"dask, {jobs} workers"
            row(f"library add {n:,} articles ({words:,} words), {label}",
                f"{add:.1f} s · {n / add:,.1f} art/s · {words / add:,.0f} words/s", "", None)
            row(f"  bare nlp.pipe n_process={jobs} (incl. load)",
                f"{bare:.1f} s · {n / bare:,.1f} art/s · {words / bare:,.0f} words/s", "", None)
            spread = ""
            if len(runs) > 1:
                each = sorted(r["bare"]["secs"] / r["add"]["secs"] for r in runs)
                spread = f" (median of {len(runs)}; each pair {' '.join(f'{x:.2f}' for x in each)})"
            row("  import / bare throughput", f"{ratio:.2f}{spread}", "≥ 0.9", ratio >= 0.9)
            if all("cpu" in r["add"] and "cpu" in r["bare"] for r in runs):
                cpu = [r["bare"]["cpu"] / r["add"]["cpu"] for r in runs]
                row("  bare / import CPU seconds (whole process trees)",
                    f"{statistics.median(cpu):.2f}" + (f" ({min(cpu):.2f}–{max(cpu):.2f})" if len(cpu) > 1 else ""),
                    "", None)
    q = raw.get("query")
    if q is None:
        return
    for name, label in (("actor", f"actor positions, most frequent party ({q['top_actor']}, "
                                  f"{q['actor_articles']:,} articles)"),
                        ("export", f"export --format csv ({q['items']:,} items)")):
        m = q[name]
        row(f"library {q['articles']:,} articles: {label}",
            f"median {m['median'] * 1000:.0f} ms · first {m['first'] * 1000:.0f} ms", "< 200 ms",
            m["median"] < 0.2)
        row("  the whole parley command (process start included)", f"{m['process'] * 1000:.0f} ms", "", None)


def child_quit(path: str, wait: float) -> dict:
    """Run the explorer headless on ``path``, press ``q`` once the first partial results are
    in and ``wait`` seconds more have passed (extraction still running), and print the time of
    the press on a line of its own; the parent times it to the process's exit, which is what
    the user waits for (a thread worker still running keeps the interpreter alive)."""
    from textual import events, on

    import tui.app as appmod

    class Timed(appmod.ParleyApp):
        @on(appmod.ExtractPartial)
        def _bench_partial(self) -> None:
            if not getattr(self, "_bench_armed", False):
                self._bench_armed = True
                self.set_timer(wait, self._bench_quit)

        def _bench_quit(self) -> None:
            self._bench_final_at_q = self.final
            print(json.dumps({"q": time.time(), "final": self.final}), flush=True)
            self.post_message(events.Key("q", "q"))

        def run(self, **kw):  # noqa: D401 - headless: no terminal in the benchmark
            return super().run(headless=True, size=(120, 40))

    appmod.ParleyApp = Timed
    appmod.main([path, "--quotes-file", os.devnull])
    return {}


def run_quit(path: str, wait: float, env: dict) -> dict:
    """Seconds from ``q`` (pressed during a 1 MB extraction) to the process's exit."""
    proc = subprocess.Popen([sys.executable, __file__, "--child", "quit", path, str(wait)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    pressed = None
    for line in proc.stdout:
        if line.startswith('{"q"'):
            pressed = json.loads(line)
            break
    proc.wait(timeout=600)
    end = time.time()
    if pressed is None:
        sys.exit(f"bench quit child never pressed q:\n{proc.stderr.read()[-3000:]}")
    return {"quit_s": end - pressed["q"], "final_at_q": pressed["final"]}


def run_child(args: list[str], env: dict | None = None) -> dict:
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True,
                         cwd=ROOT, env=env, timeout=3600)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode != 0:
        sys.exit(f"bench child {args} failed:\n{out.stderr[-3000:]}")
    res = json.loads(out.stdout.strip().splitlines()[-1])
    # CPU seconds of the child and every process it waited for (pool and Dask workers), start-up
    # included: steadier than wall time when other jobs share the machine
    res["cpu"] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return res


def measure_app(args, console, raw: dict, tmp: Path) -> None:
    """Extraction, start-up and key presses (issue 4), into ``raw``."""
    sizes = [] if args.keys_only else ["10 KB", "100 KB"] if args.quick else list(SIZES)
    for label in sizes:
        reps = 2 if args.quick else REPS[label]
        console.print(f"[dim]extraction {label} × {reps}…[/]")
        raw["extract"].append(run_child(["extract", label, str(reps)]))

    startup_reps = 2 if args.quick else args.startup_reps
    for kind in () if args.keys_only else ("cold", "warm"):
        runs = []
        for i in range(startup_reps):
            cache_dir = tmp / (f"cold-{i}" if kind == "cold" else "warm")
            env = dict(os.environ, PARLEY_CACHE_DIR=str(cache_dir))
            if kind == "warm" and i == 0:  # fill the cache once
                run_child(["startup", str(time.time()), str(SEED)], env=env)
            console.print(f"[dim]start-up {kind} {i + 1}/{startup_reps}…[/]")
            runs.append(run_child(["startup", str(time.time()), str(SEED)], env=env))
        raw["startup"][kind] = runs

    mb = tmp / "1mb.txt"
    mb.write_text(build_text(1_000_000), encoding="utf-8")
    if not args.quick and not args.keys_only:  # a long report: the article must appear as fast as a news item
        env = dict(os.environ, PARLEY_CACHE_DIR=str(tmp / "1mb-cache"))
        console.print("[dim]start-up 1 MB, cold then warm ×3…[/]")
        runs = [run_child(["startup", str(time.time()), str(mb)], env=env) for _ in range(4)]
        raw["startup"]["1 MB cold"] = runs[:1]
        raw["startup"]["1 MB warm"] = runs[1:]

    big = tmp / "100k.txt"
    big.write_text(build_text(100_000), encoding="utf-8")
    console.print("[dim]key presses during extraction of 100 KB…[/]")
    raw["keys"] = run_child(["keys", str(big), "20"], env=dict(os.environ, PARLEY_CACHE_DIR=str(tmp / "keys")))
    if not args.quick:
        console.print("[dim]key presses during extraction of 1 MB…[/]")
        raw["keys_1mb"] = run_child(["keys", str(tmp / "1mb.txt"), "200"],
                                    env=dict(os.environ, PARLEY_CACHE_DIR=str(tmp / "keys-1mb")))
        console.print("[dim]q during extraction of 1 MB ×3…[/]")
        raw["quit_1mb"] = [run_quit(str(mb), 2.0 + 3 * i, dict(os.environ, PARLEY_CACHE_DIR=str(tmp / f"quit-{i}")))
                           for i in range(3)]


# ------------------------------------------------------------------ parent
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    ap.add_argument("--quick", action="store_true", help="fewer repetitions, no 1 MB (a smoke run)")
    ap.add_argument("--json", help="also write the raw figures here")
    ap.add_argument("--startup-reps", type=int, default=5)
    part = ap.add_mutually_exclusive_group()
    part.add_argument("--library-only", action="store_true", help="only the library import and query figures")
    part.add_argument("--no-library", action="store_true", help="everything but the library figures")
    part.add_argument("--keys-only", action="store_true",
                      help="only the responsiveness part: key presses during 100 KB and 1 MB, quit during 1 MB")
    ap.add_argument("--library-sizes", type=lambda s: [int(x) for x in s.split(",")], default=None,
                    metavar="N,N", help=f"articles per library import (default {','.join(map(str, LIBRARY_SIZES))}; "
                                        "--quick: 50)")
    ap.add_argument("--library-configs", default=None, metavar="ENGINE-JOBS,…",
                    type=lambda s: [(x.split("-")[0], int(x.split("-")[1])) for x in s.split(",")],
                    help="which imports to time, e.g. dask-2 or local-2,dask-2 (default: "
                         + ",".join(f"{e}-{j}" for e, j in LIBRARY_CONFIGS) + ")")
    ap.add_argument("--library-reps", type=int, default=None, metavar="N",
                    help="bare/import pairs per configuration and size (default: 3 at 200 articles or "
                         "fewer, 1 above; --quick: 1)")
    ap.add_argument("--no-queries", action="store_true", help="library: the imports only, not the query latency")
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "extract":
            res = child_extract(rest[0], int(rest[1]))
        elif kind == "startup":
            res = child_startup(float(rest[0]), rest[1])
        elif kind == "libadd":
            res = child_libadd(rest[0], rest[1], int(rest[2]), rest[3])
        elif kind == "libbare":
            res = child_libbare(rest[0], int(rest[1]))
        elif kind == "libquery":
            res = child_libquery(rest[0], int(rest[1]))
        elif kind == "quit":
            res = child_quit(rest[0], float(rest[1]))
        else:
            res = child_keys(rest[0], int(rest[1]))
        print(json.dumps(res))
        return 0

    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(Console().width, 110))
    raw: dict = {"extract": [], "startup": {}, "keys": None}
    tmp = Path(tempfile.mkdtemp(prefix="parley-bench-"))
    if not args.library_only:
        measure_app(args, console, raw, tmp)
    if not args.no_library and not args.keys_only:
        lib_sizes = args.library_sizes or ([50] if args.quick else LIBRARY_SIZES)
        small = args.library_reps or (1 if args.quick else 3)
        raw["library"] = run_library(console, lib_sizes, small, tmp, configs=args.library_configs,
                                     reps_large=args.library_reps or 1, queries=not args.no_queries)

    # ------------------------------------------------------------ one table
    t = Table(title="Parley benchmark (medians; targets from issues 4 and 12)", title_justify="left")
    for col in ("Measure", "Value", "Target", "OK"):
        t.add_column(col)

    def row(name: str, value: str, target: str, ok: bool | None) -> None:
        t.add_row(name, value, target, "—" if ok is None else ("yes" if ok else "[bold red]NO[/]"))

    if raw["extract"]:
        base = raw["extract"][0]
        for r in raw["extract"]:
            ratio = r["extract"] / r["bare"]
            row(f"extract {r['label']} ({r['words']:,} words)",
                f"{r['extract']:.2f} s · {r['words'] / r['extract']:,.0f} words/s", "", None)
            row(f"  bare nlp.pipe {r['label']}", f"{r['bare']:.2f} s · {r['words'] / r['bare']:,.0f} words/s", "", None)
            row(f"  extract / bare {r['label']}", f"{ratio:.2f}", "≤ 1.25", ratio <= 1.25)
            row(f"  peak RSS {r['label']}", f"{r['rss_mb']:.0f} MB", "< 1536 MB" if r["label"] == "1 MB" else "",
                r["rss_mb"] < 1536 if r["label"] == "1 MB" else None)
            if r is not base:
                scale = r["extract"] / base["extract"]
                size_ratio = r["chars"] / base["chars"]
                limit = 110 * size_ratio / 100  # the 110x for 100x the text, scaled to the real sizes
                row(f"  cost {r['label']} / {base['label']}", f"{scale:.1f}× (text {size_ratio:.1f}×)",
                    f"≤ {limit:.0f}×", scale <= limit)
    for kind in raw["startup"]:
        runs = raw["startup"][kind]
        art = statistics.median(x["article"] for x in runs)
        panes = statistics.median(x["panes"] for x in runs)
        fill = statistics.median(x["panes"] - x["article"] for x in runs)
        row(f"start-up, {kind} cache: article visible", f"{art:.2f} s", "< 1.0 s", art < 1.0)
        firsts = [x["first_results"] for x in runs if "first_results" in x]
        if firsts:
            row(f"start-up, {kind} cache: first results in the panes", f"{statistics.median(firsts):.2f} s", "", None)
        row(f"start-up, {kind} cache: panes filled", f"{panes:.2f} s", "", None)
        row(f"start-up, {kind} cache: fill after first paint", f"{fill:.2f} s",
            "≤ 0.3 s" if kind == "warm" else "", fill <= 0.3 if kind == "warm" else None)
        row(f"  peak RSS start-up {kind}", f"{statistics.median(x['rss_mb'] for x in runs):.0f} MB", "", None)
    lat, shown = (raw["keys"]["handled"], raw["keys"]["painted"]) if raw["keys"] else ([], [])
    if lat:
        med, worst = statistics.median(lat) * 1000, max(lat) * 1000
        row(f"key → action, during extraction ({len(lat)} presses)",
            f"median {med:.0f} ms · max {worst:.0f} ms", "≤ 100 ms", worst <= 100)
        row("  key → help screen painted", f"median {statistics.median(shown) * 1000:.0f} ms · "
            f"max {max(shown) * 1000:.0f} ms", "", None)
    elif raw["keys"] is not None:
        row("key press during extraction", "extraction ended before the first press", "≤ 100 ms", None)
    big_keys = raw.get("keys_1mb")
    if big_keys and big_keys["handled"]:
        lat = sorted(big_keys["handled"])
        p95 = lat[int(0.95 * (len(lat) - 1))] * 1000
        row(f"key → action, during a 1 MB extraction ({len(lat)} presses)",
            f"median {statistics.median(lat) * 1000:.0f} ms · p95 {p95:.0f} · max {lat[-1] * 1000:.0f} ms",
            "≤ 150 ms", lat[-1] * 1000 <= 150)
    quits = [q for q in raw.get("quit_1mb") or () if not q["final_at_q"]]
    if quits:
        worst = max(q["quit_s"] for q in quits)
        row(f"q during a 1 MB extraction → process gone ({len(quits)} runs)",
            f"median {statistics.median(q['quit_s'] for q in quits):.2f} s · max {worst:.2f} s", "≤ 1 s", worst <= 1)
    if "library" in raw:
        library_rows(raw["library"], row)
    console.print(t)
    model = raw["extract"][0].get("model", "") if raw["extract"] else ""
    console.print(f"[dim]{os.cpu_count()} CPUs · Python {sys.version.split()[0]}{' · model ' + model if model else ''}[/]")
    if args.json:
        Path(args.json).write_text(json.dumps(raw, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
