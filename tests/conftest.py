from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session", autouse=True)
def private_dirs(tmp_path_factory):
    """Tests (and the CLI subprocesses they start) never touch the user's cache, keymap or notes."""
    names = ("PARLEY_CACHE_DIR", "PARLEY_CONFIG_DIR", "PARLEY_DATA_DIR")
    old = {k: os.environ.get(k) for k in names}
    for k in names:
        os.environ[k] = str(tmp_path_factory.mktemp(k.lower()))
    yield
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


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
