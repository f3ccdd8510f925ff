"""The extraction cache: hits without the model, and every failure a warning, never a crash."""
import os
import sqlite3
import zlib
from pathlib import Path

import pytest

from extract.cache import FILENAME, ExtractionCache
from extract.model import text_sha256
from extract.nlp import model_key
from extract.runner import Runner

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Russia demanded an end to the sanctions. “We will never give up Crimea,” Putin said."


@pytest.fixture
def result(run):
    return run(TEXT)


def make(tmp_path, **kw):
    warnings = []
    return ExtractionCache(tmp_path / "c", warn=warnings.append, **kw), warnings


def test_round_trip_and_path_is_the_callers(tmp_path, result):
    cache, warnings = make(tmp_path)
    assert cache.get(result.document.sha256, result.model) is None
    cache.put(result)
    hit = cache.get(result.document.sha256, result.model, path="elsewhere.txt")
    assert hit is not None and hit.document.path == "elsewhere.txt"
    assert hit.claims == result.claims and hit.quotes == result.quotes and hit.actors == result.actors
    assert cache.get(result.document.sha256, "another-model 1.0") is None
    assert cache.get(text_sha256(TEXT + " "), result.model) is None
    assert warnings == []
    info = cache.info()
    assert info.exists and info.entries == 1 and info.size_bytes > 0
    assert cache.clear() == 1 and cache.info().entries == 0


def test_model_key_matches_the_loaded_model_without_spacy(extractor):
    # The cache is read before spaCy is imported, so the two names must agree.
    assert model_key() == extractor.model_name


def test_runner_hit_never_loads_the_model(tmp_path, result):
    cache, _ = make(tmp_path)
    cache.put(result)

    def boom():
        raise AssertionError("the model was loaded on a cache hit")

    runner = Runner(cache=cache, extractor_factory=boom)
    runner.key = result.model
    got, hit = runner.extract(TEXT, "x.txt")
    assert hit and got.claims == result.claims


def test_corrupt_file_is_rebuilt_with_a_warning(tmp_path, result):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / FILENAME).write_bytes(b"this is not a database" * 100)
    cache, warnings = make(tmp_path)
    assert cache.get(result.document.sha256, result.model) is None
    cache.put(result)
    assert cache.get(result.document.sha256, result.model) is not None
    assert any("corrupt" in w for w in warnings)


def test_old_format_is_dropped(tmp_path, result):
    (tmp_path / "c").mkdir()
    conn = sqlite3.connect(tmp_path / "c" / FILENAME)
    conn.execute("CREATE TABLE extractions (x TEXT)")
    conn.commit()
    conn.close()
    cache, warnings = make(tmp_path)
    cache.put(result)
    assert cache.get(result.document.sha256, result.model) is not None
    assert any("old format" in w for w in warnings)


def test_damaged_entry_is_a_miss(tmp_path, result):
    cache, warnings = make(tmp_path)
    cache.put(result)
    cache._conn.execute("UPDATE extractions SET body=?", (zlib.compress(b"{not json"),))
    cache._conn.commit()
    assert cache.get(result.document.sha256, result.model) is None
    assert any("damaged" in w for w in warnings)


def test_locked_by_another_process_falls_back(tmp_path, result):
    cache, warnings = make(tmp_path, timeout=0.2)
    cache.put(result)
    cache.close()
    other = sqlite3.connect(tmp_path / "c" / FILENAME)
    other.execute("BEGIN EXCLUSIVE")
    try:
        again, warnings2 = make(tmp_path, timeout=0.2)
        assert again.get(result.document.sha256, result.model) is None
        again.put(result)  # no exception
        assert any("locked" in w for w in warnings2)
    finally:
        other.rollback()
        other.close()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores permissions")
def test_unwritable_directory_falls_back(tmp_path, result):
    d = tmp_path / "ro"
    d.mkdir()
    d.chmod(0o500)
    try:
        warnings = []
        cache = ExtractionCache(d / "sub", warn=warnings.append)
        cache.put(result)
        assert cache.get(result.document.sha256, result.model) is None
        assert warnings and "continuing without the cache" in warnings[0]
    finally:
        d.chmod(0o700)


def test_a_file_where_the_directory_should_be(tmp_path, result):
    (tmp_path / "c").write_text("I am a file")
    cache, warnings = make(tmp_path)
    cache.put(result)
    assert cache.get(result.document.sha256, result.model) is None
    assert len(warnings) == 1 and "continuing without the cache" in warnings[0]


def test_extract_many_equals_one_by_one(extractor):
    corpus = sorted((ROOT.parent / "shared" / "eval" / "corpus").glob("*.txt"))[:3]
    if not corpus:
        pytest.skip("no corpus beside the checkout")
    docs = [(p.read_text(encoding="utf-8"), str(p)) for p in corpus]
    docs.insert(1, ("   \n\n", "blank.txt"))  # a document with no paragraphs keeps its place
    many = list(extractor.extract_many(docs))
    assert [m.document.path for m in many] == [p for _, p in docs]
    for (text, path), m in zip(docs, many):
        one = extractor.extract(text, path=path)
        assert m == one
