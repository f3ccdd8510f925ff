"""Running extraction for a front end: the cache first, the model only on a miss.

The explorer and the CLI share this so both open a cached article without
importing spaCy, and both store what they extract. ``extractor`` is created
lazily (loading the model costs seconds) and reused across documents.
"""
from __future__ import annotations

from typing import Callable, Iterator

from .cache import ExtractionCache
from .model import Extraction, text_sha256
from .nlp import model_key

Progress = Callable[[int, int], None]


class Runner:
    def __init__(self, model: str | None = None, cache: ExtractionCache | None = None,
                 extractor_factory: Callable[[], object] | None = None):
        self.model = model
        self.cache = cache
        self._factory = extractor_factory
        self._extractor = None
        self.key = model_key(model) if extractor_factory is None else None

    @property
    def extractor(self):
        if self._extractor is None:
            if self._factory is not None:
                self._extractor = self._factory()
            else:
                from .pipeline import Extractor
                self._extractor = Extractor(model=self.model)
            self.key = self.key or self._extractor.model_name
        return self._extractor

    def cached(self, text: str, path: str) -> Extraction | None:
        if self.cache is None:
            return None
        return self.cache.get(text_sha256(text), self.key, path=path)

    def extract(self, text: str, path: str, progress: Progress | None = None,
                partial: Callable[[Extraction], None] | None = None,
                partial_after: float = 1.5) -> tuple[Extraction, bool]:
        """(result, came_from_cache); ``partial`` as in ``Extractor.extract`` (never cached)."""
        hit = self.cached(text, path)
        if hit is not None:
            return hit, True
        result = self.extractor.extract(text, path=path, progress=progress, partial=partial,
                                        partial_after=partial_after)
        if self.cache is not None:
            self.cache.put(result)
        return result, False

    def extract_many(self, docs: list[tuple[str, str]], n_process: int = 1) -> Iterator[Extraction]:
        """Results in the order of ``docs``; misses go through one multi-process pipe."""
        return cached_or(self, docs, lambda misses: self.extractor.extract_many(misses, n_process=n_process))


def cached_or(runner: Runner, docs: list[tuple[str, str]],
              extract: Callable[[list[tuple[str, str]]], Iterator[Extraction]]) -> Iterator[Extraction]:
    """One result per doc, in order: the cached one, else the next of ``extract(misses)``
    (called once, with every miss in order, only when there is one), which is cached. The
    runner's own pipe, the library's process pool and its Dask engine all go through here."""
    hits = [runner.cached(text, path) for text, path in docs]
    misses = [d for d, h in zip(docs, hits) if h is None]
    fresh = extract(misses) if misses else iter(())
    for hit in hits:
        if hit is not None:
            yield hit
            continue
        result = next(fresh)
        if runner.cache is not None:
            runner.cache.put(result)
        yield result
