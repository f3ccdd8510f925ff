"""`parley extract`: formats, stdin, and one clear line for every kind of bad input."""
import json
import os
from pathlib import Path

import pytest
from helpers import one_line, run_parley

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "putin-energy-ceasefire.txt"


def parley(*args, stdin: bytes | None = None):
    return run_parley("extract", *args, input=stdin)


def test_json_contract_on_seed():
    r = parley(str(SEED), "--format", "json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    text = SEED.read_text(encoding="utf-8")
    assert {"id", "name", "aliases"} <= set(d["actors"][0])
    assert {"kind", "holder", "start", "end"} <= set(d["claims"][0])
    assert {"speaker", "start", "end"} <= set(d["quotes"][0])
    for q in d["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
    assert d["document"]["title"] == "Putin agrees to a ceasefire on Ukrainian energy targets"


def test_default_is_the_seed_as_a_table():
    r = parley()
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert "Red lines" in out and "Putin" in out


def test_markdown_and_stdin():
    r = parley("-", "--format", "markdown", stdin="Russia rejected the proposal.".encode())
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert out.startswith("# Russia rejected the proposal.")
    assert "## Red lines" in out and "**Russia**" in out


def one_clean_line(r, needle):
    assert r.returncode == 2
    assert needle in one_line(r)


def test_missing_file():
    one_clean_line(parley("/no/such/file.txt"), "no such file")


def test_directory(tmp_path):
    one_clean_line(parley(str(tmp_path)), "is a directory")


def test_empty_and_whitespace_files(tmp_path):
    for content in (b"", b"  \n\t \n"):
        p = tmp_path / "empty.txt"
        p.write_bytes(content)
        one_clean_line(parley(str(p)), "is empty")


def test_binary_file(tmp_path):
    p = tmp_path / "x.bin"
    p.write_bytes(b"\x00\x01\x02\xff" * 100)
    one_clean_line(parley(str(p)), "binary")


def test_too_large(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * (21 * 1024 * 1024))
    one_clean_line(parley(str(p)), "larger than 20 MB")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_permission_denied(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text("text")
    p.chmod(0)
    one_clean_line(parley(str(p)), "permission denied")


def test_latin1_is_decoded_with_a_note(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Le président Macron a rejeté la proposition. Russia rejected the plan.".encode("latin-1"))
    r = parley(str(p), "--format", "json")
    assert r.returncode == 0
    assert "decoded as" in r.stderr.decode()
    assert "président" in json.loads(r.stdout)["document"]["title"]


def test_missing_model_is_one_line():
    r = parley(str(SEED), "--model", "no_such_model_xyz")
    one_clean_line(r, "cannot load spaCy model")


def test_cache_is_written_read_and_cleared(tmp_path):
    env = dict(os.environ, PARLEY_CACHE_DIR=str(tmp_path / "cache"))
    info = run_parley("cache", "info", env=env, timeout=300)
    assert info.returncode == 0 and b"empty" in info.stdout
    first = run_parley("extract", str(SEED), "--format", "json", "--no-cache", env=env, timeout=300)
    assert first.returncode == 0 and not (tmp_path / "cache" / "extractions.sqlite3").exists()
    second = run_parley("extract", str(SEED), "--format", "json", env=env, timeout=300)
    third = run_parley("extract", str(SEED), "--format", "json", env=env, timeout=300)  # from the cache
    assert first.stdout == second.stdout == third.stdout
    info = run_parley("cache", "info", env=env, timeout=300).stdout.decode()
    assert "Entries: 1" in info and str(tmp_path / "cache") in info
    cleared = run_parley("cache", "clear", env=env, timeout=300)
    assert cleared.returncode == 0 and b"Removed 1 cached extraction " in cleared.stdout
    assert "Entries: 0" in run_parley("cache", "info", env=env, timeout=300).stdout.decode()


def test_corrupt_cache_warns_once_and_still_extracts(tmp_path):
    (tmp_path / "extractions.sqlite3").write_bytes(b"garbage" * 500)
    env = dict(os.environ, PARLEY_CACHE_DIR=str(tmp_path))
    r = run_parley("extract", "-", "--format", "json", env=env, input=b"Russia rejected the proposal.", timeout=300)
    assert r.returncode == 0
    err = r.stderr.decode()
    assert "Traceback" not in err and err.count("warning:") == 1 and "corrupt" in err
    assert json.loads(r.stdout)["claims"]


def test_several_paths_with_jobs_give_json_lines(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Russia rejected the proposal. Ukraine demanded a full ceasefire.")
    b.write_text("“We will not retreat,” said the union leader Shawn Fain.")
    r = parley(str(a), "/no/such.txt", str(b), "--jobs", "2", "--no-cache")
    assert r.returncode == 2  # one file was bad; the others were still extracted
    assert r.stderr.decode().count("\n") == 1 and "no such file" in r.stderr.decode()
    lines = r.stdout.decode().splitlines()
    assert len(lines) == 2
    docs = [json.loads(x) for x in lines]
    assert [d["document"]["path"] for d in docs] == [str(a), str(b)]
    for d, p in zip(docs, (a, b)):
        text = p.read_text()
        assert all(text[c["start"]:c["end"]] == c["text"] for c in d["claims"] + d["quotes"])
    assert docs[1]["quotes"] and docs[0]["claims"]
