from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def extractor():
    from extract import Extractor
    return Extractor()


@pytest.fixture(scope="session")
def run(extractor):
    cache = {}

    def _run(text: str):
        if text not in cache:
            cache[text] = extractor.extract(text)
        return cache[text]
    return _run
