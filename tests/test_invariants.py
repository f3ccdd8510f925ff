"""Properties every extraction must have, on the seed and the shared corpus."""
import json
from pathlib import Path

import pytest

from extract import Extraction

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [ROOT / "seeds" / "putin-energy-ceasefire.txt"] + sorted((ROOT.parent / "shared" / "eval" / "corpus").glob("*.txt"))


@pytest.mark.parametrize("path", [p for p in TEXTS if p.exists()], ids=lambda p: p.name)
def test_spans_ids_and_round_trip(extractor, path):
    text = path.read_text(encoding="utf-8")
    ex = extractor.extract(text, str(path))
    for q in ex.quotes:
        assert text[q.start:q.end] == q.text
    for c in ex.claims:
        assert text[c.start:c.end] == c.text
        assert c.sentence_start <= c.start < c.end <= c.sentence_end
    ids = {a.id for a in ex.actors}
    for a in ex.actors:
        for m in a.mentions:
            assert text[m.start:m.end] == m.text
        assert a.affiliation is None or a.affiliation in ids
    assert len(ids) == len(ex.actors)
    assert len({c.id for c in ex.claims}) == len(ex.claims)
    assert all(c.holder is None or c.holder in ids for c in ex.claims)
    assert all(q.speaker is None or q.speaker in ids for q in ex.quotes)
    again = Extraction.from_dict(json.loads(json.dumps(ex.to_dict())))
    assert again == ex


def test_extract_does_not_import_textual():
    import subprocess
    import sys
    code = ("import extract, extract.pipeline, extract.cli, extract.render, sys; "
            "assert 'textual' not in sys.modules, 'textual imported'")
    subprocess.run([sys.executable, "-c", code], check=True)
