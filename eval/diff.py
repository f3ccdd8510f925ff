#!/usr/bin/env python3
"""What a change to the extractor changes: base commit vs working tree (`make eval-diff`).

Runs the extractor of BASE (a git worktree of it in a temp dir) and of the working tree
over every article at hand and prints the claims added and removed and the quotes whose
speaker changed, then counts. Articles: the texts of both gold sets (../shared/seeds,
../shared/eval/corpus, eval/corpus), PolNeAR's training texts when a PolNeAR git dir is
given (only data/train/text is ever read), and any folder of .txt given with --dir.

    eval/diff.py [--base REV] [--polnear GIT_DIR] [--limit N] [--dir DIR]... [--jobs N]
                 [--max-lines N] [--json PATH] [--shared DIR]

Each tree's results are cached per article in .cache/eval-diff/<code-hash>/<text sha256>.json,
where code-hash covers every file under that tree's extract/ (code and data): a tree whose
extract/ did not change is never extracted again, whatever commit it comes from.
Each tree runs in a child Python with the tree first on sys.path, so the base commit's own
`extract` package is what runs (the installed spaCy model is shared).

Without ../shared: one line on stderr, exit 2.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (ROOT, Missing, abandon_workers, code_hash, corpus_texts, diff_extractions, fail, is_empty,  # noqa: E402
                    read_text, shared_dir, snip)

CACHE_ROOT = ROOT / ".cache" / "eval-diff"
POLNEAR_TEXT = "data/train/text/"   # the only PolNeAR path this tool reads


# --- articles ----------------------------------------------------------------------------

def git(*args: str, git_dir: str | Path | None = None, cwd: Path | None = None) -> str:
    cmd = ["git"] + (["--git-dir", str(git_dir)] if git_dir else []) + list(args)
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True)
    if proc.returncode != 0:
        err = proc.stderr.decode(errors="replace").strip().splitlines()
        raise Missing(f"{' '.join(cmd)}: {err[-1] if err else f'exit {proc.returncode}'}")
    return proc.stdout.decode("utf-8", errors="replace")


def polnear_articles(git_dir: str, limit: int | None) -> list[tuple[str, str]]:
    """PolNeAR training texts, read straight from its git dir through eval/polnear.py's
    GitCorpus (which refuses any path outside the train split), in one git call."""
    from polnear import CorpusError, GitCorpus

    corpus = GitCorpus(str(git_dir))
    try:
        paths = [p for p in corpus.ls("text") if p.startswith(POLNEAR_TEXT) and p.endswith(".txt")]
        if not paths:
            raise Missing(f"{git_dir}: no {POLNEAR_TEXT}*.txt at HEAD (is this PolNeAR's git dir?)")
        paths = sorted(paths, key=lambda p: Path(p).name)[:limit]
        blobs = corpus.read_many(paths)
    except CorpusError as exc:
        raise Missing(f"{git_dir}: {exc}") from None
    return [(f"polnear/{Path(p).stem}",
             blobs[p].decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")) for p in paths]


def dir_articles(d: Path) -> list[tuple[str, str]]:
    if not d.is_dir():
        raise Missing(f"{d}: not a directory")
    return [(f"{d.name}/{p.relative_to(d).with_suffix('').as_posix()}", read_text(p))
            for p in sorted(d.rglob("*.txt")) if p.is_file()]


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# --- running one tree's extractor ------------------------------------------------------

def child_main(tree: str, cache_dir: str, inp: str, jobs: int) -> int:
    """In the child: import `extract` from ``tree``, extract every article, cache each result."""
    try:
        return _child(tree, cache_dir, inp, jobs)
    except BaseException:
        traceback.print_exc()
        abandon_workers()
        os._exit(1)


def _child(tree: str, cache_dir: str, inp: str, jobs: int) -> int:
    sys.path.insert(0, tree)
    import extract
    where = os.path.realpath(extract.__file__)
    if not where.startswith(os.path.realpath(tree) + os.sep):
        print(f"eval-diff: imported extract from {where}, not from {tree}", file=sys.stderr)
        return 1
    from extract import Extractor
    ex = Extractor()
    items = [json.loads(line) for line in Path(inp).read_text(encoding="utf-8").splitlines() if line]
    docs = [(it["text"], it["path"]) for it in items]
    if hasattr(ex, "extract_many"):
        results = ex.extract_many(docs, n_process=jobs)
    else:  # a base from before extract_many
        results = (ex.extract(t, p) for t, p in docs)
    out = Path(cache_dir)
    for n, (it, x) in enumerate(zip(items, results), 1):
        tmp = out / f".{it['sha']}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(x.to_dict(), ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, out / f"{it['sha']}.json")
        if n % 50 == 0 and n < len(items):
            print(f"  … {n}/{len(items)}", file=sys.stderr, flush=True)
    return 0


def load_cached(cache_dir: Path, shas: set[str]) -> dict[str, dict]:
    got = {}
    for s in shas:
        p = cache_dir / f"{s}.json"
        try:
            got[s] = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    return got


def results_for(tree: Path, label: str, articles: list[tuple[str, str]], jobs: int) -> tuple[str, dict, int, float]:
    """(code hash, sha → result, articles extracted, seconds) for ``tree``'s extractor."""
    h = code_hash(tree)
    cache_dir = CACHE_ROOT / h
    cache_dir.mkdir(parents=True, exist_ok=True)
    texts = {sha(t): (name, t) for name, t in articles}
    got = load_cached(cache_dir, set(texts))
    missing = [s for s in texts if s not in got]
    print(f"{label} (code {h}): {len(got)} cached, {len(missing)} to extract", file=sys.stderr, flush=True)
    if not missing:
        return h, got, 0, 0.0
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="parley-eval-diff-in-") as tmp:
        inp = Path(tmp) / "articles.jsonl"
        inp.write_text("".join(json.dumps({"sha": s, "path": texts[s][0], "text": texts[s][1]}, ensure_ascii=False) + "\n"
                               for s in missing), encoding="utf-8")
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        # Its own session, so that on an interrupt we end the child and its spaCy workers together.
        proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--child", str(tree),
                                 str(cache_dir), str(inp), str(jobs)], cwd=tree, env=env, start_new_session=True)
        try:
            proc.wait()
        except BaseException:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            proc.wait()
            raise
    if proc.returncode != 0:
        try:
            cache_dir.rmdir()   # only if the child wrote nothing
        except OSError:
            pass
        raise RuntimeError(f"{label}: the extractor failed (exit {proc.returncode}); results so far are cached")
    got.update(load_cached(cache_dir, set(missing)))
    lost = [texts[s][0] for s in missing if s not in got]
    if lost:
        raise RuntimeError(f"{label}: no result for {len(lost)} articles, e.g. {lost[0]}")
    return h, got, len(missing), time.perf_counter() - t0


class BaseTree:
    """``git worktree add --detach`` of a revision in a temp dir, removed on exit."""

    def __init__(self, rev: str):
        self.rev = rev
        try:
            self.commit = git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}", cwd=ROOT).strip()
        except Missing:
            raise Missing(f"{rev!r} is not a commit of {ROOT}") from None
        self.tmp = Path(tempfile.mkdtemp(prefix="parley-eval-diff-"))
        self.path = self.tmp / "tree"

    def __enter__(self) -> "BaseTree":
        try:
            git("worktree", "add", "--detach", "--quiet", str(self.path), self.commit, cwd=ROOT)
        except BaseException:
            shutil.rmtree(self.tmp, ignore_errors=True)
            raise
        return self

    def __exit__(self, *exc) -> None:
        subprocess.run(["git", "worktree", "remove", "--force", str(self.path)], cwd=ROOT, capture_output=True)
        shutil.rmtree(self.tmp, ignore_errors=True)
        subprocess.run(["git", "worktree", "prune"], cwd=ROOT, capture_output=True)


# --- the report --------------------------------------------------------------------------

def change_lines(d: dict) -> list[str]:
    lines = []
    for sign, key in (("+", "claims_added"), ("-", "claims_removed")):
        for c in d[key]:
            lines.append(f"  {sign} {c['kind']:<8} {snip(c['holder'], 24):<24} “{snip(c['text'], 90)}”")
    for q in d["speaker_changes"]:
        reason = f"  ({snip(q['reason'], 60)})" if q.get("reason") else ""
        lines.append(f"  ~ speaker  “{snip(q['text'], 60)}”  {q['old']} → {q['new']}{reason}")
    for sign, key in (("+", "quotes_added"), ("-", "quotes_removed")):
        for q in d[key]:
            lines.append(f"  {sign} quote    {snip(q['speaker'], 24):<24} “{snip(q['text'], 60)}”")
    return lines


def counts_of(diffs: list[dict]) -> dict:
    c = Counter()
    for d in diffs:
        for x in d["claims_added"]:
            c[f"added {x['kind']}"] += 1
        for x in d["claims_removed"]:
            c[f"removed {x['kind']}"] += 1
        c["speaker changes"] += len(d["speaker_changes"])
        c["quotes added"] += len(d["quotes_added"])
        c["quotes removed"] += len(d["quotes_removed"])
    return {k: c.get(k, 0) for k in ("added demand", "removed demand", "added red_line", "removed red_line",
                                      "speaker changes", "quotes added", "quotes removed")}


def print_report(changed: list[dict], total: int, max_lines: int) -> None:
    shown, hidden = 0, 0
    for d in changed:
        lines = change_lines(d)
        if shown >= max_lines:
            hidden += len(lines)
            continue
        print(d["article"])
        room = max_lines - shown
        for ln in lines[:room]:
            print(ln)
        shown += min(room, len(lines))
        hidden += max(0, len(lines) - room)
    if hidden:
        print(f"… {hidden} more (see --json or raise --max-lines)")
    c = counts_of(changed)
    print(f"\nclaims added: demand {c['added demand']}, red_line {c['added red_line']} · "
          f"removed: demand {c['removed demand']}, red_line {c['removed red_line']} · "
          f"speaker changes: {c['speaker changes']} · quotes added {c['quotes added']}, removed {c['quotes removed']} · "
          f"across {total} articles ({len(changed)} changed)")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        tree, cache_dir, inp, jobs = argv[1:5]
        return child_main(tree, cache_dir, inp, int(jobs))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="HEAD", help="the revision to compare with (default HEAD)")
    ap.add_argument("--polnear", metavar="GIT_DIR", default=os.environ.get("POLNEAR_GIT") or None,
                    help="PolNeAR's git dir: add its data/train/text articles (default $POLNEAR_GIT)")
    ap.add_argument("--limit", type=int, default=None, help="at most N PolNeAR articles (default all)")
    ap.add_argument("--dir", action="append", default=[], metavar="DIR", help="a folder of .txt articles to add")
    ap.add_argument("--jobs", type=int, default=2, help="spaCy processes per tree (default 2)")
    ap.add_argument("--max-lines", type=int, default=200, help="printed changes at most (default 200)")
    ap.add_argument("--json", metavar="PATH", help="write the full diff here")
    ap.add_argument("--shared", metavar="DIR", help="the shared dir (default ../shared beside the checkout)")
    args = ap.parse_args(argv)

    t_start = time.perf_counter()
    # A plain `kill` ends us through the same clean-up as Ctrl-C (worktree removed, child ended).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        shared = shared_dir(args.shared)
        articles = [(name, read_text(p)) for name, p in corpus_texts(shared)]
        if args.polnear:
            articles += polnear_articles(args.polnear, args.limit)
        for d in args.dir:
            articles += dir_articles(Path(d))
        base = BaseTree(args.base)
    except Missing as exc:
        return fail(f"eval-diff: {exc}")
    except OSError as exc:
        return fail(f"eval-diff: {exc}")
    if not articles:
        return fail("eval-diff: no articles")
    n_texts = len({sha(t) for _, t in articles})
    print(f"eval-diff: {len(articles)} articles ({n_texts} distinct texts); base {args.base} = {base.commit[:10]}",
          file=sys.stderr, flush=True)

    jobs = max(1, args.jobs)
    try:
        with base:
            bh, bres, bn, bsec = results_for(base.path, f"base {args.base}", articles, jobs)
        wh, wres, wn, wsec = results_for(ROOT, "working tree", articles, jobs)
    except (RuntimeError, Missing) as exc:
        return fail(f"eval-diff: {exc}", 1)

    changed = []
    for name, text in articles:
        s = sha(text)
        d = diff_extractions(bres[s], wres[s])
        if not is_empty(d):
            changed.append({"article": name, **d})

    if bh == wh:
        print(f"extract/ is the same in both trees (code {bh}): nothing can differ")
    print_report(changed, len(articles), max(0, args.max_lines))
    print(f"base {args.base} {base.commit[:10]}: {bn} extracted in {bsec:.1f} s · working tree: {wn} extracted "
          f"in {wsec:.1f} s · total {time.perf_counter() - t_start:.1f} s")

    if args.json:
        report = {"base": {"rev": args.base, "commit": base.commit, "code_hash": bh},
                  "work": {"tree": str(ROOT), "code_hash": wh},
                  "articles": [name for name, _ in articles], "changed": changed, "counts": counts_of(changed)}
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"diff written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
