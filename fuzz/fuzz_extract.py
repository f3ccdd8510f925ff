"""``make fuzz``: hammer ``extract`` with mutated real articles for a fixed time.

Not part of ``make test`` (it runs for minutes). Hypothesis drives it: every
example is a real article (the seed and ``../shared/eval/corpus``) cut, spliced
and sprinkled with the hostile material of ``tests/test_properties.py``
(control and zero-width characters, bidi marks, unbalanced quote marks of
every kind, lone surrogates, emoji, CR/CRLF, endless runs). Every result must
pass ``extract.validate.problems`` and survive a JSON round trip. A failure is
shrunk by Hypothesis, saved under ``fuzz/failures/`` and the run exits 1.

    python fuzz/fuzz_extract.py [--seconds 300] [--batch 50]
"""
from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_properties import FRAGMENTS, SPECIAL  # noqa: E402

from extract import Extractor  # noqa: E402
from extract.validate import problems  # noqa: E402


def corpus() -> list[str]:
    paths = [ROOT / "seeds" / "putin-energy-ceasefire.txt"]
    paths += sorted((ROOT.parent / "shared" / "eval" / "corpus").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths if p.exists()]


@st.composite
def mutated(draw, articles: list[str]) -> str:
    text = draw(st.sampled_from(articles))
    for _ in range(draw(st.integers(1, 12))):
        n = len(text)
        i = draw(st.integers(0, n))
        j = draw(st.integers(i, min(n, i + 400)))
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "splice", "flood", "noise"]))
        if op == "insert":
            text = text[:i] + draw(st.sampled_from(FRAGMENTS + SPECIAL)) + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] * draw(st.integers(1, 20)) + text[j:]
        elif op == "splice":
            other = draw(st.sampled_from(articles))
            k = draw(st.integers(0, len(other)))
            text = text[:i] + other[k:k + draw(st.integers(0, 2000))] + text[j:]
        elif op == "flood":
            text = text[:i] + draw(st.sampled_from(SPECIAL + FRAGMENTS)) * draw(st.integers(10, 3000)) + text[i:]
        else:
            text = text[:i] + draw(st.text(st.characters(codec=None), max_size=40)) + text[j:]
    return text


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=300, help="how long to fuzz (default 300)")
    ap.add_argument("--batch", type=int, default=50, help="examples per Hypothesis run")
    args = ap.parse_args()
    articles = corpus()
    if not articles:
        print("fuzz: no articles to seed from (seeds/ and ../shared/eval/corpus)", file=sys.stderr)
        return 2
    ex = Extractor()
    counts = {"examples": 0, "chars": 0, "slowest_s": 0.0}

    @settings(max_examples=args.batch, deadline=None, database=None, phases=[Phase.generate, Phase.shrink],
              suppress_health_check=list(HealthCheck))
    @given(text=mutated(articles))
    def check(text: str) -> None:
        t = time.perf_counter()
        result = ex.extract(text)
        counts["slowest_s"] = max(counts["slowest_s"], time.perf_counter() - t)
        counts["examples"] += 1
        counts["chars"] += len(text)
        bad = problems(text, result)  # includes the JSON round trip
        assert not bad, bad

    end = time.monotonic() + args.seconds
    runs = 0
    while time.monotonic() < end:
        try:
            check()
        except Exception:
            out = ROOT / "fuzz" / "failures"
            out.mkdir(parents=True, exist_ok=True)
            path = out / f"failure-{int(time.time())}.txt"
            path.write_text(traceback.format_exc(), encoding="utf-8")
            print(f"fuzz: FAILED after {counts['examples']} examples; details in {path}", file=sys.stderr)
            return 1
        runs += 1
    print(f"fuzz: {counts['examples']} examples ({counts['chars'] / 1e6:.1f} M characters) in {runs} runs, "
          f"slowest {counts['slowest_s']:.2f} s, no broken promise")
    return 0


if __name__ == "__main__":
    sys.exit(main())
