from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session", autouse=True)
def private_cache_dir(tmp_path_factory):
    """Tests (and the CLI subprocesses they start) never touch the user's cache."""
    old = os.environ.get("PARLEY_CACHE_DIR")
    os.environ["PARLEY_CACHE_DIR"] = str(tmp_path_factory.mktemp("parley-cache"))
    yield
    if old is None:
        os.environ.pop("PARLEY_CACHE_DIR", None)
    else:
        os.environ["PARLEY_CACHE_DIR"] = old


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
