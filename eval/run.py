#!/usr/bin/env python3
"""Score the extractor against both gold sets, in one process (`make eval`).

The gold sets: ../shared/eval/gold (texts in ../shared/seeds and ../shared/eval/corpus)
and this project's eval/gold (texts in eval/corpus), whatever it holds at the moment.
The model is loaded once and every article goes through one ``extract_many``.
Scores come from ../shared/eval/score.py: per article its ``score``, per set its
``aggregate`` (micro F1 over tp/fp/fn; actor scores are means over articles).

    eval/run.py [--verbose] [--only SUBSTR] [--json PATH] [--jobs N] [--shared DIR]

Without ../shared: one line on stderr, exit 2.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import GoldArticle, Missing, abandon_workers, fail, gold_sets, load_scorer, read_text, shared_dir, snip  # noqa: E402

SETS = ("shared", "project", "holdout")


# --- errors a developer can read --------------------------------------------------------

def errors(sc, gold: dict, text: str, pred: dict) -> dict:
    """The items behind the numbers: the same matching as score.py's ``score``."""
    amap = sc.ActorMap(gold["actors"], pred.get("actors") or [])
    names = {a["id"]: a.get("name", a["id"]) for a in pred.get("actors") or []}
    out = {}
    for part, who_key in (("claims", "holder"), ("quotes", "speaker")):
        if part == "claims":
            gsrc = gold["claims"]
            gitems = [{"span": sc.locate(text, c["evidence"]), "optional": bool(c.get("optional")),
                       "who": c["holders"], "kinds": {c["kind"], *c.get("also", [])},
                       "kind": c["kind"], "text": c["evidence"]} for c in gsrc]
            pitems = [dict(p, span=(int(p["start"]), int(p["end"]))) for p in pred.get("claims") or []
                      if p.get("kind") in ("demand", "red_line")]
        else:
            gitems = [{"span": sc.locate(text, q["text"], quoted=True), "optional": bool(q.get("optional")),
                       "who": q["speakers"], "kinds": None, "kind": "quote", "text": q["text"]}
                      for q in gold["quotes"]]
            pitems = [dict(p, span=(int(p["start"]), int(p["end"]))) for p in pred.get("quotes") or []]
        for g in gitems:
            g["kind_ok"] = (lambda p, k=g["kinds"]: k is None or p.get("kind") in k)
        pairs = sc.match(gitems, pitems)
        mg = {g for g, _ in pairs}
        mp = {p for _, p in pairs}

        def pred_who(p):
            pid = p.get(who_key)
            if pid is None:
                return "—"
            mapped = amap.pred_to_gold.get(pid)
            name = names.get(pid, pid)
            return name if mapped == name else f"{name} (= {mapped})" if mapped else f"{name} (no gold actor)"

        missed = [{"kind": g["kind"], "text": g["text"], "gold": g["who"]}
                  for i, g in enumerate(gitems) if i not in mg and not g["optional"]]
        false_pos = []
        for i, p in enumerate(pitems):
            if i in mp:
                continue
            fp = {"kind": p.get("kind", "quote"), "text": p.get("text") or text[p["span"][0]:p["span"][1]],
                  "pred": pred_who(p)}
            # A span gold has under another kind: say so, it is the likeliest fix.
            other = [g for g in gitems if sc.overlap(g["span"], p["span"]) and not g["kind_ok"](p)]
            if other:
                fp["note"] = "gold has it as " + "/".join(sorted({g["kind"] for g in other}))
            false_pos.append(fp)
        wrong = [{"kind": gitems[g]["kind"], "text": gitems[g]["text"], "gold": gitems[g]["who"],
                  "pred": pred_who(pitems[p])}
                 for g, p in sorted(pairs)
                 if not gitems[g]["optional"] and not amap.is_correct(pitems[p].get(who_key), gitems[g]["who"])]
        out[part] = {"missed": missed, "false_positives": false_pos, "wrong_attribution": wrong}
    return out


def print_errors(row: dict) -> None:
    e, a = row["errors"], row["scores"]["actors"]
    lines = []
    for part, who in (("claims", "holders"), ("quotes", "speakers")):
        for m in e[part]["missed"]:
            kind = "" if part == "quotes" else f"{m['kind']} "
            lines.append(f"  missed {part[:-1]}  {kind}“{snip(m['text'], 90)}”  gold {who}: {', '.join(m['gold']) or '—'}")
        for m in e[part]["false_positives"]:
            kind = "" if part == "quotes" else f"{m['kind']} "
            note = f"  [{m['note']}]" if m.get("note") else ""
            lines.append(f"  false {part[:-1]}   {kind}“{snip(m['text'], 90)}”  predicted: {m['pred']}{note}")
        for m in e[part]["wrong_attribution"]:
            kind = "" if part == "quotes" else f"{m['kind']} "
            lines.append(f"  wrong {who[:-1]:<8} {kind}“{snip(m['text'], 70)}”  gold: {', '.join(m['gold']) or '—'}"
                         f"  predicted: {m['pred']}")
    if a["missing_core"]:
        lines.append("  missing core actors: " + ", ".join(a["missing_core"]))
    if a["unmatched_predicted"]:
        lines.append("  predicted actors not in gold: " + ", ".join(a["unmatched_predicted"]))
    print(f"{row['set']}/{row['article']}")
    print("\n".join(lines) if lines else "  no errors")


# --- the table ----------------------------------------------------------------------------

COLS = ("claims", "+holder", "quotes", "+speaker", "core-rec", "gold c/q")


def fmt(x) -> str:
    return "—" if x is None else f"{x:.2f}"


def row_cells(s: dict) -> list[str]:
    c, q = s["claims"], s["quotes"]
    gold_c = c["detection"]["tp"] + c["detection"]["fn"]
    gold_q = q["detection"]["tp"] + q["detection"]["fn"]
    core = s["actors"]["core_recall"]
    return [fmt(c["detection"]["f1"]), fmt(c["with_attribution"]["f1"]), fmt(q["detection"]["f1"]),
            fmt(q["with_attribution"]["f1"]), fmt(core), f"{gold_c}/{gold_q}"]


def print_table(rows: list[dict], totals: dict[str, dict | None], counts: dict[str, int]) -> None:
    width = max([len(r["article"]) for r in rows] + [14])
    width = min(width, 44)
    head = f"{'set':<8}{'article':<{width}}  " + "".join(f"{c:>9}" for c in COLS)
    print(head)
    print("─" * len(head))
    for r in rows:
        name = r["article"] if len(r["article"]) <= width else r["article"][: width - 1] + "…"
        print(f"{r['set']:<8}{name:<{width}}  " + "".join(f"{c:>9}" for c in row_cells(r["scores"])))
    print("─" * len(head))
    for key, agg in totals.items():
        label = f"{key} ({counts[key]})"
        if agg is None:
            print(f"{'total':<8}{label:<{width}}  " + "".join(f"{'—':>9}" for _ in COLS))
            continue
        print(f"{'total':<8}{label:<{width}}  " + "".join(f"{c:>9}" for c in row_cells(agg)))
    print()
    for key, agg in totals.items():
        if agg is None:
            continue
        c, q, a = agg["claims"], agg["quotes"], agg["actors"]
        print(f"{key:<8} claims tp/fp/fn {c['detection']['tp']}/{c['detection']['fp']}/{c['detection']['fn']}"
              f" (with holder {c['with_attribution']['tp']}/{c['with_attribution']['fp']}/{c['with_attribution']['fn']},"
              f" IoU {c['detection']['span_iou']:.2f})"
              f" · quotes {q['detection']['tp']}/{q['detection']['fp']}/{q['detection']['fn']}"
              f" (with speaker {q['with_attribution']['tp']}/{q['with_attribution']['fp']}/{q['with_attribution']['fn']})"
              f" · actors precision {a['precision']:.2f}, fragmentation {a['fragmentation']:.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", metavar="PATH", help="write the full report (scores and errors per article) here")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="per article: missed gold items, false positives, wrong holders/speakers")
    ap.add_argument("--only", metavar="SUBSTR", help="only articles whose set/name contains SUBSTR")
    ap.add_argument("--jobs", type=int, default=1, help="spaCy processes (default 1: faster for a few short articles)")
    ap.add_argument("--shared", metavar="DIR", help="the shared dir (default ../shared beside the checkout)")
    args = ap.parse_args(argv)

    try:
        shared = shared_dir(args.shared)
    except Missing as exc:
        return fail(f"eval: {exc}")
    sc = load_scorer(shared)
    articles, warnings = gold_sets(shared)
    if args.only:
        articles = [a for a in articles if args.only.lower() in f"{a.set}/{a.name}".lower()]
        warnings = [w for w in warnings if args.only.lower() in w.lower()]
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)

    # Read every gold file and article first, so a half-written one is skipped, not fatal.
    todo: list[tuple[GoldArticle, dict, str]] = []
    for a in articles:
        if a.text_path is None:
            continue
        try:
            gold = json.loads(a.gold_path.read_text(encoding="utf-8"))
            text = read_text(a.text_path)
        except (OSError, ValueError) as exc:
            print(f"warning: {a.set}/{a.name}: skipped ({exc.__class__.__name__}: {exc})", file=sys.stderr)
            continue
        todo.append((a, gold, text))
    if not todo:
        return fail("eval: no gold articles to score" + (f" matching {args.only!r}" if args.only else ""))

    t0 = time.perf_counter()
    try:
        from extract import Extractor, ModelNotFound
    except ImportError as exc:
        return fail(f"eval: cannot import the extractor ({exc}); run `make test` once to install")
    try:
        ex = Extractor()
    except ModelNotFound as exc:
        return fail(f"eval: {exc}")
    t_model = time.perf_counter() - t0
    t1 = time.perf_counter()
    try:
        preds = [x.to_dict() for x in ex.extract_many([(text, str(a.text_path)) for a, _, text in todo],
                                                       n_process=max(1, args.jobs))]
    except BaseException:
        if args.jobs <= 1:
            raise
        traceback.print_exc()   # and do not wait for spaCy's workers, which may never finish
        abandon_workers()
        os._exit(1)
    t_extract = time.perf_counter() - t1

    rows = []
    for (a, gold, text), pred in zip(todo, preds):
        try:
            scores = sc.score(gold, text, pred)
            errs = errors(sc, gold, text, pred)
        except (ValueError, KeyError, TypeError) as exc:
            # A gold file that does not fit its text (still being written, or wrong).
            print(f"warning: {a.set}/{a.name}: gold does not fit its text, skipped "
                  f"({exc.__class__.__name__}: {exc})", file=sys.stderr)
            continue
        rows.append({"set": a.set, "article": a.name, "gold": str(a.gold_path), "text": str(a.text_path),
                     "scores": scores, "errors": errs})

    groups = {s: [r for r in rows if r["set"] == s] for s in SETS}
    groups = {k: v for k, v in groups.items() if v or k != "holdout"}
    groups["all"] = rows
    totals = {k: (sc.aggregate([r["scores"] for r in g]) if g else None) for k, g in groups.items()}
    counts = {k: len(g) for k, g in groups.items()}

    if args.verbose:
        for r in rows:
            print_errors(r)
        print()
    print_table(rows, totals, counts)
    print(f"\n{len(rows)} articles · model {ex.model_name} loaded in {t_model:.1f} s · "
          f"extracted in {t_extract:.1f} s · scored in {time.perf_counter() - t1 - t_extract:.2f} s")

    if args.json:
        report = {"model": ex.model_name, "shared": str(shared), "articles": rows, "totals": totals,
                  "counts": counts, "warnings": warnings,
                  "seconds": {"model": round(t_model, 3), "extract": round(t_extract, 3)}}
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"report written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
