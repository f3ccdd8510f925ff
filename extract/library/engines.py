"""Where ``parley library add`` runs extraction: here (``local``) or on a Dask cluster (``dask``).

Both engines take the articles to extract as ``(text, path)`` pairs and yield
one ``Extraction`` per pair, in the same order; the caller (``importing.import_paths``,
for ``parley library add`` and the explorer's Library screen) writes each to the
library, one article per transaction. Only that caller ever touches SQLite: workers receive text and send back results, nothing else.

- ``LocalEngine``: the runner every front end uses — the extraction cache first;
  with ``--jobs 1`` the misses through one ``nlp.pipe``, with ``--jobs N`` through a
  pool of N processes that parse and run the rules on small batches of whole articles
  (``extract_batch``, as a Dask worker does).
- ``DaskEngine``: the cache is read and written on the client, as locally (a
  hit needs no worker); the misses go to Dask distributed workers in batches of
  whole articles (text + path, up to ``BATCH_CHARS`` characters each, shrinking
  towards the end of the import: ``batches(guided=True)``). Each worker process
  loads spaCy once (``_worker_extractor``, a module-level cache keyed by model
  name) and runs the same ``Extractor.extract_many`` on its batch; results come
  back as plain dicts (``Extraction.to_dict``), checked for the extractor version
  and rebuilt on the client. With no ``--scheduler`` a ``LocalCluster`` is
  started on 127.0.0.1 (processes, ``jobs`` workers, one thread each, no
  dashboard) and closed afterwards; on Linux its workers are forked from the
  client after the client has loaded the model (Dask's
  ``distributed.worker.multiprocessing-method: fork``), so the model is loaded
  once, as by the local pool and by the bare ``nlp.pipe(n_process=N)`` the
  benchmark compares with, instead of once more in every spawned worker after
  it has imported Dask and spaCy (``PARLEY_DASK_SPAWN=1``: spawned workers).

Dask is imported only by ``DaskEngine`` (``pip install 'parley[dask]'``); a
missing Dask, an unreachable scheduler or a lost worker is an ``EngineError``
(one line for the user).
"""
from __future__ import annotations

import os
import sys
from collections import deque
from typing import Iterator, Protocol

from ..model import EXTRACTOR_VERSION, Extraction
from ..runner import cached_or

BATCH_CHARS = 40_000  # characters of text per Dask task (whole articles; one long article is a batch alone)
BATCH_ARTICLES = 32
IN_FLIGHT_PER_WORKER = 3  # batches submitted ahead per worker: workers stay busy, memory stays bounded
WORKER_WAIT = 30.0  # seconds to wait for a scheduler's first worker
# The local cluster has no dashboard: its workers need not sample their stacks every 10 ms for it,
# nor record system metrics every 0.5 s or check the event loop every 20 ms (a few % of the CPU of
# an import on 2 cores). The memory monitor (out-of-memory protection) keeps its default.
LOCAL_CLUSTER_CONFIG = {"distributed.worker.profile.enabled": False,
                        "distributed.admin.system-monitor.interval": "10s",
                        "distributed.admin.tick.interval": "1s"}


class EngineError(Exception):
    """The engine cannot run; the message is one line for the user."""


class Engine(Protocol):
    def extract_many(self, docs: list[tuple[str, str]]) -> Iterator[Extraction]: ...

    def close(self) -> None: ...


def make_engine(name: str, *, model: str | None, cache, jobs: int | None, scheduler: str | None = None,
                extractor_factory=None) -> Engine:
    """``extractor_factory`` (a loaded extractor, as the explorer's tests pass) serves the local
    engine only: Dask workers load the model by name."""
    if name == "dask":
        engine = DaskEngine(model=model, cache=None, jobs=jobs or 2, scheduler=scheduler)
    else:
        engine = LocalEngine(model=model, cache=None, jobs=jobs or 1, extractor_factory=extractor_factory)
    # made once the engine exists: a missing Dask must not leave the cache's writer thread behind
    engine.runner.cache = BackgroundPuts(cache) if cache is not None else None
    return engine


class BackgroundPuts:
    """The extraction cache with its writes on one background thread.

    Each ``ExtractionCache.put`` is its own transaction, and its commit waits for the disk
    (10-20 ms an article here): across an import of many short articles that is a tenth of
    the time. SQLite lets go of the GIL while it waits, so a writer thread takes it off the
    extraction's path. Reads stay on the caller's thread and come first (every hit is looked
    up before the first miss is extracted); ``close`` waits for the last write. A write lost
    to a killed import costs only a cache miss later.
    """

    def __init__(self, cache):
        from concurrent.futures import ThreadPoolExecutor

        self.inner = cache
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parley-cache")

    def get(self, *args, **kw):
        return self.inner.get(*args, **kw)

    def put(self, result: Extraction) -> None:
        self._pool.submit(self.inner.put, result)

    def close(self) -> None:
        self._pool.shutdown(wait=True)
        self.inner.close()


# ---------------------------------------------------------------------------- local
LOCAL_BATCH_CHARS = 8_000  # characters per task of the local process pool (small: the last batches finish together)
LOCAL_BATCH_ARTICLES = 8


class LocalEngine:
    """``--jobs 1``: the runner in this process. ``--jobs N``: the misses go to a pool of N
    processes in small batches of whole articles, each process parsing *and* running the
    rules (``extract_batch``, as on a Dask worker), so the rules are spread over the N
    processes too (through ``nlp.pipe(n_process=N)`` they ran in this one, beside the parsing,
    and every parsed paragraph came back to it as a Doc). The model is loaded here before the
    pool starts, so forked processes share it; results come back as plain dicts, in order."""

    def __init__(self, model: str | None, cache, jobs: int = 1, extractor_factory=None):
        from ..runner import Runner

        self.jobs = jobs
        self.runner = Runner(model=model, cache=cache, extractor_factory=extractor_factory)
        self._pool = None

    def extract_many(self, docs: list[tuple[str, str]]) -> Iterator[Extraction]:
        if self.jobs <= 1:
            return self.runner.extract_many(docs, n_process=1)
        return self._pooled(docs)

    def _pooled(self, docs: list[tuple[str, str]]) -> Iterator[Extraction]:
        # the pool is forked before the caller stores the first hit: the library writer and
        # the cache's background puts start threads, and a fork should not copy them
        return cached_or(self.runner, docs, lambda misses: _started(self._remote(misses)))

    def _remote(self, docs: list[tuple[str, str]]) -> Iterator[Extraction]:
        import multiprocessing
        from functools import partial

        _EXTRACTORS[self.runner.model] = self.runner.extractor  # loaded here: forked workers inherit it
        self._pool = multiprocessing.get_context().Pool(self.jobs, initializer=_quiet_worker)
        work = [[docs[i] for i in idx] for idx in batches(docs, self.jobs, LOCAL_BATCH_CHARS, LOCAL_BATCH_ARTICLES)]
        for got in self._pool.imap(partial(extract_batch, self.runner.model), work):
            for d in got:
                yield Extraction.from_dict(d)
        self._pool.close()
        self._pool.join()
        self._pool = None

    def close(self) -> None:
        if self._pool is not None:  # stopped early (an error, Ctrl-C): the workers are not waited for
            self._pool.terminate()
            self._pool.join()
            self._pool = None
        if self.runner.cache is not None:
            self.runner.cache.close()


def _started(gen: Iterator[Extraction]) -> Iterator[Extraction]:
    """Run ``gen`` up to its first result now (that creates the pool) and give it back whole."""
    import itertools

    first = next(gen, None)
    return gen if first is None else itertools.chain([first], gen)


def _quiet_worker() -> None:
    """A pool process leaves Ctrl-C to the parent, which stops the pool (no traceback per worker)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


# ---------------------------------------------------------------------------- dask: the worker side
_EXTRACTORS: dict = {}  # model name -> Extractor, one per worker process


def _worker_extractor(model: str | None):
    ex = _EXTRACTORS.get(model)
    if ex is None:
        from ..pipeline import Extractor

        ex = _EXTRACTORS[model] = Extractor(model=model)
    return ex


def extract_batch(model: str | None, docs: list[tuple[str, str]]) -> list[dict]:
    """Run on a worker: extract a batch of ``(text, path)`` pairs; plain dicts back, in order."""
    ex = _worker_extractor(model)
    return [r.to_dict() for r in ex.extract_many(docs, n_process=1)]


def batches(docs: list[tuple[str, str]], n_workers: int, max_chars: int = BATCH_CHARS,
            max_articles: int = BATCH_ARTICLES, guided: bool = False) -> list[list[int]]:
    """Indices of ``docs`` in consecutive batches: about ``max_chars`` characters each, but at
    least four batches per worker when there are enough articles, so a short import still
    spreads across the workers. ``guided``: each batch at most a ``4 * n_workers``-th of the
    text still to come, so batches shrink towards the end and the workers finish together
    while most of the text goes in large batches (a Dask task costs ~15 ms of CPU in all)."""
    total = sum(len(t) for t, _ in docs)
    parts = max(1, 4 * n_workers)
    limit = max(1, min(max_chars, total // parts))
    remaining = total
    out: list[list[int]] = []
    cur: list[int] = []
    size = 0
    for i, (text, _) in enumerate(docs):
        if cur and (size + len(text) > limit or len(cur) >= max_articles):
            out.append(cur)
            remaining -= size
            cur, size = [], 0
            if guided:
                limit = max(1, min(max_chars, remaining // parts))
        cur.append(i)
        size += len(text)
    if cur:
        out.append(cur)
    return out


# ---------------------------------------------------------------------------- dask: the client side
class DaskEngine:
    def __init__(self, model: str | None, cache, jobs: int = 2, scheduler: str | None = None):
        from ..runner import Runner

        try:
            import distributed  # noqa: F401
        except ImportError:
            raise EngineError("--engine dask needs Dask distributed; install it with: "
                              "pip install 'parley[dask]'") from None
        # The workers load the model the client names (PARLEY_MODEL read here, not on each worker).
        self.model = model or os.environ.get("PARLEY_MODEL") or None
        self.runner = Runner(model=self.model, cache=cache)  # the cache only; never loads the model
        self.jobs = jobs
        self.scheduler = scheduler
        self.cluster = None
        self.client = None
        # A local cluster's workers are forked from this process, with the model loaded (Linux; a
        # scheduler's workers are its own; PARLEY_DASK_SPAWN=1 keeps Dask's spawned workers)
        self.fork = (not scheduler and sys.platform.startswith("linux")
                     and os.environ.get("PARLEY_DASK_SPAWN", "") in ("", "0"))

    # ------------------------------------------------------------ connecting
    def _connect(self):
        if self.client is not None:
            return self.client
        import logging

        from distributed import Client, LocalCluster

        where = self.scheduler or "a local Dask cluster"
        if self.fork:
            # As the local pool and spaCy's own n_process do: the model is loaded once, here, and
            # the workers forked from this process share it, instead of each spawned worker
            # importing Dask and spaCy and loading the model again (seconds of CPU each).
            _worker_extractor(self.model)
        try:
            if self.scheduler:
                self.client = Client(self.scheduler)
                try:
                    self.client.wait_for_workers(1, timeout=WORKER_WAIT)
                except TimeoutError:
                    raise EngineError(f"the Dask scheduler at {self.scheduler} has no workers (waited "
                                      f"{WORKER_WAIT:.0f} s); start some with: dask worker {self.scheduler}") from None
            else:
                import dask

                with dask.config.set(LOCAL_CLUSTER_CONFIG, **({"distributed.worker.multiprocessing-method": "fork"}
                                                              if self.fork else {})):
                    self.cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True,
                                                host="127.0.0.1", dashboard_address=None,
                                                silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        except EngineError:
            self.close()
            raise
        except (OSError, ValueError, TypeError) as exc:  # unreachable, malformed address, bad scheme
            self.close()
            raise EngineError(f"cannot connect to {where} ({_one_line(exc)})") from None
        return self.client

    def n_workers(self) -> int:
        info = self._connect().scheduler_info(n_workers=-1) if _takes_n_workers() else self._connect().scheduler_info()
        return max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))

    # ------------------------------------------------------------ extracting
    def extract_many(self, docs: list[tuple[str, str]]) -> Iterator[Extraction]:
        # the cluster starts (and its workers fork) before the caller stores the first hit, as locally
        return cached_or(self.runner, docs, lambda misses: _started(self._remote(misses)))

    def _remote(self, docs: list[tuple[str, str]]) -> Iterator[Extraction]:
        """Results in the order of ``docs``; a window of batches in flight ahead of the one awaited."""
        from distributed import CancelledError

        client = self._connect()
        n = self.n_workers()
        # large tasks while there is much to do (each costs CPU in the scheduler, the comms and the
        # worker), smaller and smaller ones towards the end so the workers finish together
        todo = deque(batches(docs, n, guided=True))
        window: deque = deque()

        def submit() -> None:
            idx = todo.popleft()
            window.append(client.submit(extract_batch, self.model, [docs[i] for i in idx], pure=False,
                                        key=f"parley-extract-{id(self):x}-{len(todo)}"))

        while todo or window:
            while todo and len(window) < IN_FLIGHT_PER_WORKER * n:
                submit()
            fut = window.popleft()
            try:
                got = fut.result()
            except (OSError, CancelledError, TimeoutError) as exc:
                raise EngineError(f"the Dask cluster failed ({_one_line(exc)}); every article stored "
                                  "so far is complete") from None
            except ImportError as exc:  # the task could not be unpickled: no Parley on that worker
                raise EngineError(f"a Dask worker cannot run Parley ({_one_line(exc)}); install the same "
                                  "Parley (and its spaCy model) on every worker") from None
            except Exception as exc:
                if type(exc).__name__ == "KilledWorker":
                    raise EngineError("a Dask worker died while extracting (out of memory?); every article "
                                      "stored so far is complete") from None
                raise
            finally:
                fut.release()
            for d in got:
                if d.get("extractor_version") != EXTRACTOR_VERSION:
                    raise EngineError(f"a Dask worker runs extractor version {d.get('extractor_version')} "
                                      f"and this Parley {EXTRACTOR_VERSION}; install the same Parley on "
                                      "every worker")
                yield Extraction.from_dict(d)

    def close(self) -> None:
        if self.runner.cache is not None:
            self.runner.cache.close()
        for thing in (self.client, self.cluster):
            if thing is not None:
                try:
                    thing.close()
                except Exception:  # closing is best effort: the results are already stored
                    pass
        self.client = self.cluster = None


def _takes_n_workers() -> bool:
    import inspect

    from distributed import Client

    return "n_workers" in inspect.signature(Client.scheduler_info).parameters


def _one_line(exc: BaseException) -> str:
    msg = " ".join(str(exc).split()) or type(exc).__name__
    return msg if len(msg) <= 200 else msg[:199] + "…"
