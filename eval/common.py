"""Helpers shared by eval/run.py and eval/diff.py (standard library only).

Nothing here imports spaCy or the ``extract`` package, so ``diff.py`` can run
a base commit's extractor in a child process without this module pulling in
the working tree's code.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent   # the project checkout
DEFAULT_SHARED = ROOT.parent / "shared"


class Missing(Exception):
    """Something the tool needs is not there: one line for the user, exit 2."""


# --- where the articles are ------------------------------------------------------------

def shared_dir(arg: str | None = None) -> Path:
    """The shared dir (``../shared``, or ``--shared``); ``Missing`` when it is absent."""
    d = Path(arg) if arg else DEFAULT_SHARED
    if not (d / "eval" / "score.py").is_file():
        raise Missing(f"{d}: no shared eval dir here (needs {d}/eval/score.py and gold/); "
                      "this runs only beside a checkout of ../shared")
    return d


def load_scorer(shared: Path):
    """``shared/eval/score.py`` as a module (``score``, ``aggregate``, ``match``, ``ActorMap``…)."""
    path = shared / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("parley_shared_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@dataclass(frozen=True)
class GoldArticle:
    set: str            # "shared" | "project" | "holdout"
    name: str           # the article file's stem
    gold_path: Path
    text_path: Path | None


def gold_sets(shared: Path, root: Path = ROOT) -> tuple[list[GoldArticle], list[str]]:
    """Every gold file of both sets, and warnings for the ones that cannot be used.

    The project set is whatever ``root/eval/gold/*.json`` holds right now (it is
    being written while we run), so an unreadable file is a warning, never a crash.
    """
    sets = [
        ("shared", shared / "eval" / "gold", [shared / "seeds", shared / "eval" / "corpus"]),
        ("project", root / "eval" / "gold", [root / "eval" / "corpus"]),
        # blind articles: annotated late, never read while changing rules, left out of eval-diff
        ("holdout", root / "eval" / "holdout" / "gold", [root / "eval" / "holdout" / "corpus"]),
    ]
    out, warnings = [], []
    for set_name, gold_dir, text_dirs in sets:
        for gpath in sorted(gold_dir.glob("*.json")) if gold_dir.is_dir() else []:
            try:
                doc = json.loads(gpath.read_text(encoding="utf-8"))["document"]
            except (OSError, ValueError, KeyError, TypeError) as exc:
                warnings.append(f"{set_name}/{gpath.name}: unreadable gold file ({exc.__class__.__name__}: {exc})")
                continue
            tpath = next((d / doc for d in text_dirs if (d / doc).is_file()), None)
            if tpath is None:
                warnings.append(f"{set_name}/{gpath.name}: its article {doc!r} is not in "
                                + ", ".join(str(d) for d in text_dirs))
            out.append(GoldArticle(set_name, Path(doc).stem, gpath, tpath))
    return out, warnings


def corpus_texts(shared: Path, root: Path = ROOT) -> list[tuple[str, Path]]:
    """(label, path) of every article of the two gold sets' text dirs."""
    dirs = [("shared", shared / "seeds"), ("shared", shared / "eval" / "corpus"),
            ("project", root / "eval" / "corpus")]
    out = []
    for label, d in dirs:
        for p in sorted(d.glob("*.txt")) if d.is_dir() else []:
            out.append((f"{label}/{p.stem}", p))
    return out


def read_text(path: Path) -> str:
    """An article as score.py reads it (UTF-8, universal newlines), so offsets agree."""
    return path.read_text(encoding="utf-8")


# --- the code hash ------------------------------------------------------------------------

def _hashed_files(extract_dir: Path):
    for dirpath, dirnames, filenames in os.walk(extract_dir):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
        for f in sorted(filenames):
            if f.startswith(".") or f.endswith((".pyc", ".pyo", "~")):
                continue
            yield Path(dirpath) / f


def code_hash(tree: Path) -> str:
    """A hash of every file under ``tree/extract`` (code and data), names and contents.

    Byte-for-byte the same for a git worktree of a commit and a working tree with
    the same files: bytecode caches, editor droppings and timestamps do not count.
    """
    base = Path(tree) / "extract"
    if not base.is_dir():
        raise Missing(f"{tree}: no extract/ directory")
    h = hashlib.sha256()
    for p in _hashed_files(base):
        rel = p.relative_to(base).as_posix().encode()
        data = p.read_bytes()
        h.update(b"%d:%s\0%d:" % (len(rel), rel, len(data)))
        h.update(data)
    return h.hexdigest()[:16]


# --- reading an Extraction dict -------------------------------------------------------

def actor_names(x: dict) -> dict[str, str]:
    return {a["id"]: a.get("name", a["id"]) for a in x.get("actors") or []}


def who(names: dict[str, str], actor_id: str | None) -> str:
    if actor_id is None:
        return "—"
    return names.get(actor_id, actor_id)


def snip(s: str, n: int) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


# --- the diff of two extractions of one article --------------------------------------

def diff_extractions(old: dict, new: dict) -> dict:
    """What changed from ``old`` to ``new`` (two ``Extraction.to_dict()`` of the same text).

    Claims are compared as (kind, span, holder name): a claim whose span or holder
    moved is one removed and one added. Quotes are matched by span; a matched quote
    whose speaker's name differs is a speaker change. Actor ids are not compared
    (they are slugs that may be renumbered); names are.
    """
    on, nn = actor_names(old), actor_names(new)

    def claim_key(c, names):
        return (c.get("kind"), c.get("start"), c.get("end"), who(names, c.get("holder")))

    def claim_out(c, names):
        return {"kind": c.get("kind"), "holder": who(names, c.get("holder")),
                "text": c.get("text", ""), "start": c.get("start"), "end": c.get("end"),
                "cue": c.get("cue"), "reason": c.get("reason", "")}

    old_claims = {}
    for c in old.get("claims") or []:
        old_claims.setdefault(claim_key(c, on), []).append(c)
    new_claims = {}
    for c in new.get("claims") or []:
        new_claims.setdefault(claim_key(c, nn), []).append(c)
    added, removed = [], []
    for k, cs in new_claims.items():
        added += [claim_out(c, nn) for c in cs[len(old_claims.get(k, [])):]]
    for k, cs in old_claims.items():
        removed += [claim_out(c, on) for c in cs[len(new_claims.get(k, [])):]]
    added.sort(key=lambda c: (c["start"], c["end"]))
    removed.sort(key=lambda c: (c["start"], c["end"]))

    oq = {(q.get("start"), q.get("end")): q for q in old.get("quotes") or []}
    nq = {(q.get("start"), q.get("end")): q for q in new.get("quotes") or []}
    speaker_changes = []
    for span in sorted(set(oq) & set(nq)):
        a, b = who(on, oq[span].get("speaker")), who(nn, nq[span].get("speaker"))
        if a != b:
            speaker_changes.append({"text": nq[span].get("text", ""), "start": span[0], "end": span[1],
                                    "old": a, "new": b, "reason": nq[span].get("reason", "")})

    def quote_out(q, names):
        return {"text": q.get("text", ""), "start": q.get("start"), "end": q.get("end"),
                "speaker": who(names, q.get("speaker"))}

    return {
        "claims_added": added,
        "claims_removed": removed,
        "speaker_changes": speaker_changes,
        "quotes_added": [quote_out(nq[s], nn) for s in sorted(set(nq) - set(oq))],
        "quotes_removed": [quote_out(oq[s], on) for s in sorted(set(oq) - set(nq))],
    }


def is_empty(d: dict) -> bool:
    return not any(d.values())


def abandon_workers() -> None:
    """After an exception inside ``extract_many(n_process>1)``: end spaCy's workers.

    spaCy joins its workers when the pipe is closed, and a worker still holding
    parsed batches never exits, so a failing run would hang instead of failing.
    Call from an ``except`` block, then leave with ``os._exit``.
    """
    import multiprocessing
    for p in multiprocessing.active_children():
        p.terminate()
    sys.stdout.flush()
    sys.stderr.flush()


def fail(msg: str, code: int = 2) -> int:
    print(msg, file=sys.stderr)
    return code
