"""eval/run.py and eval/diff.py: the parts that need neither the model nor ../shared."""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parent.parent / "eval"


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"parley_eval_{name}", EVAL / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


diff = load("diff")
run = load("run")
common = sys.modules["common"]   # the module diff.py and run.py import (eval/ is on sys.path)


# --- the code hash -----------------------------------------------------------------------

@pytest.fixture
def tree(tmp_path):
    ex = tmp_path / "tree" / "extract"
    (ex / "data").mkdir(parents=True)
    (ex / "__init__.py").write_text("")
    (ex / "claims.py").write_text("X = 1\n")
    (ex / "data" / "cues.json").write_text('{"demand": ["demand"]}\n')
    return tmp_path / "tree"


def test_code_hash_ignores_what_does_not_change_behaviour(tree, tmp_path):
    h = common.code_hash(tree)
    os.utime(tree / "extract" / "claims.py", (1, 1))
    (tree / "extract" / "__pycache__").mkdir()
    (tree / "extract" / "__pycache__" / "claims.cpython-311.pyc").write_bytes(b"\0junk")
    (tree / "extract" / "claims.py~").write_text("backup")
    (tree / "extract" / ".claims.py.swp").write_text("swap")
    assert common.code_hash(tree) == h
    # The same files elsewhere (a worktree in a temp dir) hash the same.
    copy = tmp_path / "elsewhere"
    shutil.copytree(tree, copy)
    assert common.code_hash(copy) == h


def test_code_hash_changes_with_code_and_data(tree):
    h = common.code_hash(tree)
    cues = tree / "extract" / "data" / "cues.json"
    cues.write_text('{"demand": ["demand", "insist"]}\n')
    h_data = common.code_hash(tree)
    assert h_data != h
    cues.write_text('{"demand": ["demand"]}\n')
    assert common.code_hash(tree) == h
    (tree / "extract" / "data" / "titles.txt").write_text("")   # a new, even empty, data file
    assert common.code_hash(tree) != h
    (tree / "extract" / "data" / "titles.txt").unlink()
    (tree / "extract" / "claims.py").rename(tree / "extract" / "claim.py")   # same bytes, new name
    assert common.code_hash(tree) != h


def test_code_hash_of_a_tree_without_extract(tmp_path):
    with pytest.raises(common.Missing):
        common.code_hash(tmp_path)


# --- the diff of two extractions -----------------------------------------------------------

def extraction(actors, claims, quotes):
    return {
        "document": {"path": "a.txt", "title": "", "sha256": "0", "length": 100},
        "extractor_version": "0.1.0", "model": "test", "schema_version": 1,
        "actors": [{"id": i, "name": n, "kind": "person", "aliases": [n], "mentions": []} for i, n in actors],
        "claims": [{"id": f"c{k}", "kind": kind, "holder": holder, "target": None, "text": text,
                    "start": s, "end": e, "sentence_start": 0, "sentence_end": 100, "cue": "x"}
                   for k, (kind, holder, text, s, e) in enumerate(claims)],
        "quotes": [dict({"id": f"q{k}", "text": text, "start": s, "end": e, "speaker": sp, "cue": None,
                         "sentence_start": 0, "sentence_end": 100}, **({"reason": r} if r else {}))
                   for k, (text, sp, s, e, r) in enumerate(quotes)],
    }


OLD = extraction(
    actors=[("a1", "Vladimir Putin"), ("a2", "Ukraine")],
    claims=[("demand", "a1", "must withdraw", 0, 13),
            ("red_line", "a2", "will never cede land", 20, 40),
            ("demand", "a2", "calls for talks", 50, 65)],
    quotes=[("We will not retreat.", "a2", 70, 90, ""),
            ("Peace now.", "a1", 92, 102, ""),
            ("scare", None, 110, 115, "")],
)
# Same article, new rules: actor ids renumbered (that alone is no change), one claim gone, one
# new, one re-attributed, one quote's speaker changed, one quote newly found.
NEW = extraction(
    actors=[("putin", "Vladimir Putin"), ("ukraine", "Ukraine"), ("zelensky", "Volodymyr Zelensky")],
    claims=[("demand", "putin", "must withdraw", 0, 13),
            ("demand", "zelensky", "calls for talks", 50, 65),
            ("red_line", "putin", "rejects the plan", 120, 136)],
    quotes=[("We will not retreat.", "zelensky", 70, 90, "subject of reporting verb"),
            ("Peace now.", "putin", 92, 102, "same speaker"),
            ("scare", None, 110, 115, ""),
            ("Never.", "ukraine", 140, 146, "")],
)


def test_diff_of_two_extractions():
    d = common.diff_extractions(OLD, NEW)
    added = [(c["kind"], c["holder"], c["text"]) for c in d["claims_added"]]
    removed = [(c["kind"], c["holder"], c["text"]) for c in d["claims_removed"]]
    assert added == [("demand", "Volodymyr Zelensky", "calls for talks"),
                     ("red_line", "Vladimir Putin", "rejects the plan")]
    assert removed == [("red_line", "Ukraine", "will never cede land"),
                       ("demand", "Ukraine", "calls for talks")]
    assert d["speaker_changes"] == [{"text": "We will not retreat.", "start": 70, "end": 90, "old": "Ukraine",
                                     "new": "Volodymyr Zelensky", "reason": "subject of reporting verb"}]
    assert [q["text"] for q in d["quotes_added"]] == ["Never."]
    assert d["quotes_removed"] == []


def test_diff_of_an_extraction_with_itself_is_empty():
    assert common.is_empty(common.diff_extractions(OLD, OLD))
    assert common.is_empty(common.diff_extractions(NEW, dict(NEW, actors=list(reversed(NEW["actors"])))))


def test_duplicate_claims_count_as_many():
    one = extraction([("a", "A")], [("demand", "a", "x", 0, 1)], [])
    two = extraction([("a", "A")], [("demand", "a", "x", 0, 1)] * 2, [])
    assert len(common.diff_extractions(one, two)["claims_added"]) == 1
    assert len(common.diff_extractions(two, one)["claims_removed"]) == 1


def test_report_counts_and_caps_lines(capsys):
    d = common.diff_extractions(OLD, NEW)
    changed = [{"article": "shared/a", **d}, {"article": "polnear/b", **d}]
    assert diff.counts_of(changed) == {"added demand": 2, "removed demand": 2, "added red_line": 2,
                                       "removed red_line": 2, "speaker changes": 2, "quotes added": 2,
                                       "quotes removed": 0}
    per_article = len(diff.change_lines(d))
    assert per_article == 6
    diff.print_report(changed, total=10, max_lines=8)
    out = capsys.readouterr().out
    assert "shared/a" in out and "polnear/b" in out
    assert "We will not retreat." in out and "Ukraine → Volodymyr Zelensky" in out
    assert "(subject of reporting verb)" in out
    assert f"… {2 * per_article - 8} more" in out
    assert "across 10 articles (2 changed)" in out
    diff.print_report(changed, total=10, max_lines=200)
    assert "more" not in capsys.readouterr().out


# --- articles and the missing shared dir -----------------------------------------------------

def test_polnear_reads_only_train_texts(tmp_path):
    repo = tmp_path / "polnear"
    for split in ("train", "dev", "test"):
        (repo / "data" / split / "text").mkdir(parents=True)
        for k in range(2):
            (repo / "data" / split / "text" / f"{split}{k}.txt").write_text(f"{split} article {k}\n")
    (repo / "data" / "train" / "text" / "notes.md").write_text("not an article")
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@t")
    for cmd in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-qm", "x"]):
        subprocess.run(cmd, cwd=repo, check=True, env=env)
    got = diff.polnear_articles(str(repo / ".git"), None)
    assert got == [("polnear/train0", "train article 0\n"), ("polnear/train1", "train article 1\n")]
    assert diff.polnear_articles(str(repo / ".git"), 1) == got[:1]
    with pytest.raises(common.Missing):
        diff.polnear_articles(str(tmp_path / "nothing"), None)


@pytest.mark.parametrize("tool", ["run", "diff"])
def test_without_shared_dir_one_line_and_exit_2(tool, tmp_path):
    proc = subprocess.run([sys.executable, str(EVAL / f"{tool}.py"), "--shared", str(tmp_path / "absent")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and "shared" in proc.stderr


def test_project_gold_being_written_is_a_warning(tmp_path):
    shared = tmp_path / "shared"
    (shared / "eval" / "gold").mkdir(parents=True)
    (shared / "eval" / "score.py").write_text("")
    root = tmp_path / "main"
    (root / "eval" / "gold").mkdir(parents=True)
    (root / "eval" / "corpus").mkdir()
    (root / "eval" / "corpus" / "a.txt").write_text("text")
    (root / "eval" / "gold" / "a.json").write_text('{"document": "a.txt", "actors": []}')
    (root / "eval" / "gold" / "b.json").write_text('{"document": "b.tx')          # half written
    (root / "eval" / "gold" / "c.json").write_text('{"document": "c.txt"}')       # text not there yet
    arts, warnings = common.gold_sets(common.shared_dir(str(shared)), root)
    assert [(a.set, a.name, a.text_path is not None) for a in arts] == [("project", "a", True),
                                                                          ("project", "c", False)]
    assert len(warnings) == 2 and "b.json" in warnings[0] and "c.txt" in warnings[1]


# --- readable errors (needs only score.py) ---------------------------------------------------

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").is_file(), reason="../shared is not here")
def test_errors_name_the_missed_the_false_and_the_misattributed():
    sc = common.load_scorer(SHARED)
    text = 'Russia demanded a ceasefire. Kyiv refused to cede land. "No," said Zelensky. Tea is hot.'
    gold = {"actors": [{"name": "Russia", "aliases": ["Russia"], "core": True},
                       {"name": "Ukraine", "aliases": ["Kyiv"], "core": True},
                       {"name": "Volodymyr Zelensky", "aliases": ["Zelensky"], "core": True}],
            "claims": [{"kind": "demand", "holders": ["Russia"], "evidence": "demanded a ceasefire"},
                       {"kind": "red_line", "holders": ["Ukraine"], "evidence": "refused to cede land"}],
            "quotes": [{"text": "No,", "speakers": ["Volodymyr Zelensky"]}]}
    span = lambda s: (text.index(s), text.index(s) + len(s))  # noqa: E731
    pred = {"actors": [{"id": "r", "name": "Russia", "aliases": ["Russia"]},
                       {"id": "k", "name": "Kyiv", "aliases": ["Kyiv"]}],
            "claims": [{"kind": "demand", "holder": "k", "text": "demanded a ceasefire",
                        "start": span("demanded a ceasefire")[0], "end": span("demanded a ceasefire")[1]},
                       {"kind": "demand", "holder": "r", "text": "Tea is hot",
                        "start": span("Tea is hot")[0], "end": span("Tea is hot")[1]}],
            "quotes": [{"speaker": None, "start": span("No,")[0], "end": span("No,")[1]}]}
    e = run.errors(sc, gold, text, pred)
    assert e["claims"]["missed"] == [{"kind": "red_line", "text": "refused to cede land", "gold": ["Ukraine"]}]
    assert [f["text"] for f in e["claims"]["false_positives"]] == ["Tea is hot"]
    assert e["claims"]["wrong_attribution"] == [{"kind": "demand", "text": "demanded a ceasefire",
                                                 "gold": ["Russia"], "pred": "Kyiv (= Ukraine)"}]
    assert e["quotes"]["wrong_attribution"][0]["pred"] == "—"
    # The same matching as score(): its counts agree with the listed errors.
    s = sc.score(gold, text, pred)
    assert s["claims"]["detection"]["fn"] == len(e["claims"]["missed"])
    assert s["claims"]["detection"]["fp"] == len(e["claims"]["false_positives"])
