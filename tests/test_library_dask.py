"""``parley library add --engine dask``: the same library as the local engine, and clean failures."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from extract.library.cli import main as library_main
from extract.library.engines import batches
from helpers import one_line, run_parley

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "eval" / "corpus"

ARTICLES = {
    "steel-1.txt": """Steel talks stall

PITTSBURGH, March 3 (Reuters) - Union leader Maria Santos demanded a ten percent pay rise for all of the members on Monday. She said the union would not accept a pay freeze. "We will strike unless the company pays us fairly," Santos said.

Acme Steel refused to reopen the closed plant in Dayton.
""",
    "steel-2.txt": """Steel strike looms

Union leader Maria Santos again demanded a ten percent pay rise for all members. Acme Steel chief executive John Barrow rejected the demand. "There will be no deal this week," Barrow said.
""",
    "steel-3.txt": """Steel talks resume

Union leader Maria Santos demanded that Acme Steel reopen the plant in Dayton. The Obama administration urged both sides to return to talks. President Barack Obama said he wanted a fair deal.
""",
    "ceasefire.txt": """Ceasefire talks in Geneva

GENEVA, May 12, 2019 - The rebel commander, Colonel Joseph Adu, said his fighters would never lay down their arms before the army withdrew from the northern provinces. "There can be no ceasefire while the soldiers stay," Adu told reporters.

Foreign Minister Helen Okafor insisted that the rebels release all prisoners before any agreement. The United Nations envoy called on both sides to return to the table next week.
""",
    "budget.txt": """Budget deal out of reach

Lawmakers from the opposition demanded that the government cut the defence budget by five percent. Finance Minister Carl Lindqvist said the government would not raise taxes under any circumstances.

"We are ready to talk, but not about new taxes," Lindqvist said on Friday. The opposition leader, Anna Berg, said her party would block the budget unless pensions were protected.
""",
    "nurses.txt": """Nurses to strike

The Royal College of Nursing said its members would strike next month unless ministers offered a pay rise above inflation. Health Secretary Steve Barclay said the demands were unaffordable.

"Our door remains open," Barclay said. The union rejected the offer of a one-off payment.
""",
}


@pytest.fixture
def shared_model(extractor, monkeypatch):
    """The in-process local add reuses the session's loaded pipeline."""
    monkeypatch.setattr("extract.pipeline.Extractor", lambda model=None: extractor)


def _rows(path: Path) -> dict[str, list[tuple]]:
    """Every row the import wrote (less the time it was added), in a fixed order."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        cols = [r[1] for r in conn.execute("PRAGMA table_info(articles)") if r[1] != "added"]
        out = {"articles": conn.execute(f"SELECT {', '.join(cols)} FROM articles ORDER BY id").fetchall()}
        for t in ("actors", "mentions", "claims", "quotes", "library_actors", "actor_links"):
            out[t] = sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
        return out
    finally:
        conn.close()


def _folder(tmp_path: Path) -> Path:
    """The test's own articles, written to a folder of ``tmp_path``."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _local_library(tmp_path: Path, folder: Path) -> Path:
    """``folder`` imported by the local engine: the rows a Dask import must match."""
    local_lib = tmp_path / "local.sqlite"
    assert library_main(["add", str(folder), "--library", str(local_lib), "--no-cache"]) == 0
    return local_lib


def _corpus(tmp_path: Path) -> list[str]:
    return [str(_folder(tmp_path))] + ([str(SHARED_CORPUS)] if SHARED_CORPUS.is_dir() else [])


def test_batches_keep_order_and_spread_over_the_workers():
    docs = [("x" * n, f"p{i}") for i, n in enumerate([10, 500, 30, 30, 30, 90_000, 20, 20])]
    got = batches(docs, n_workers=2)
    assert [i for b in got for i in b] == list(range(len(docs)))
    assert [5] in got  # a long article is a batch of its own
    assert max(sum(len(docs[i][0]) for i in b) for b in got if b != [5]) <= 90_640 // 8
    six = [("y" * 1000, f"q{i}") for i in range(6)]
    assert len(batches(six, n_workers=2)) == 6  # a short import still reaches every worker
    many = [("z" * 3000, f"r{i}") for i in range(400)]
    assert all(sum(len(many[i][0]) for i in b) <= 40_000 for b in batches(many, n_workers=2))
    assert batches([("only one", "p")], n_workers=4) == [[0]]
    # guided (the Dask engine's): large batches first, smaller towards the end, same order
    guided = batches(many, n_workers=2, guided=True)
    assert [i for b in guided for i in b] == list(range(len(many)))
    sizes = [sum(len(many[i][0]) for i in b) for b in guided]
    assert max(sizes) <= 40_000 and sizes[0] > 4 * sizes[-1] and len(guided) < len(batches(many, 2, 8_000, 8))


def test_dask_engine_writes_the_same_library_as_the_local_engine(tmp_path, capsys, shared_model):
    pytest.importorskip("distributed")
    paths = _corpus(tmp_path)
    local_lib = tmp_path / "local.sqlite"
    assert library_main(["add", *paths, "--library", str(local_lib), "--no-cache"]) == 0
    capsys.readouterr()

    dask_lib = tmp_path / "dask.sqlite"
    env = dict(os.environ, PARLEY_LIBRARY=str(dask_lib), PARLEY_CACHE_DIR=str(tmp_path / "cache"))
    r = run_parley("library", "add", *paths, "--engine", "dask", "--jobs", "2", env=env, timeout=300)
    assert r.returncode == 0, r.stderr.decode()
    assert "Traceback" not in r.stderr.decode()
    n = len(ARTICLES) + (len(list(SHARED_CORPUS.glob("*.txt"))) if SHARED_CORPUS.is_dir() else 0)
    assert f"added {n}," in r.stdout.decode()

    local, remote = _rows(local_lib), _rows(dask_lib)
    assert len(local["articles"]) == n
    assert local["claims"] and local["quotes"] and local["actor_links"]
    for table in local:
        assert remote[table] == local[table], table

    # The client filled the extraction cache: another import of the same texts needs no worker
    # (the scheduler named here does not exist, and is never contacted).
    again = tmp_path / "again.sqlite"
    env = dict(env, PARLEY_LIBRARY=str(again), DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="2s")
    r = run_parley("library", "add", *paths, "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", env=env)
    assert r.returncode == 0, r.stderr.decode()
    assert _rows(again)["claims"] == local["claims"]


def test_an_existing_cluster_by_its_scheduler_address(tmp_path, capsys, shared_model):
    """--scheduler: a cluster started elsewhere (here a 2-worker LocalCluster of this test) does the work."""
    distributed = pytest.importorskip("distributed")
    folder = _folder(tmp_path)
    local_lib = _local_library(tmp_path, folder)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        env = dict(os.environ, PARLEY_LIBRARY=str(tmp_path / "dask.sqlite"), PARLEY_CACHE_DIR=str(tmp_path / "c"))
        r = run_parley("library", "add", str(folder), "--engine", "dask", "--scheduler", cluster.scheduler_address,
                       env=env, timeout=300)
        assert r.returncode == 0, r.stderr.decode()
        with distributed.Client(cluster) as client:  # the workers kept their model for the next import
            loaded = client.run(lambda: sorted(map(str, __import__("extract.library.engines",
                                                                   fromlist=["_EXTRACTORS"])._EXTRACTORS)))
        assert len(loaded) == 2 and any(loaded.values())  # one model each at most, loaded where work was sent
        assert all(len(v) <= 1 for v in loaded.values())
    local, remote = _rows(local_lib), _rows(tmp_path / "dask.sqlite")
    assert len(local["articles"]) == len(ARTICLES)
    for table in local:
        assert remote[table] == local[table], table


def test_spawned_local_workers_write_the_same_library(tmp_path, capsys, shared_model):
    """PARLEY_DASK_SPAWN=1: Dask's spawned workers (each loading the model) instead of workers
    forked from the client with the model loaded; the same rows either way."""
    pytest.importorskip("distributed")
    folder = _folder(tmp_path)
    local_lib = _local_library(tmp_path, folder)
    env = dict(os.environ, PARLEY_LIBRARY=str(tmp_path / "dask.sqlite"), PARLEY_CACHE_DIR=str(tmp_path / "c"),
               PARLEY_DASK_SPAWN="1")
    r = run_parley("library", "add", str(folder), "--engine", "dask", env=env, timeout=300)
    assert r.returncode == 0, r.stderr.decode()
    local, remote = _rows(local_lib), _rows(tmp_path / "dask.sqlite")
    for table in local:
        assert remote[table] == local[table], table


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:9", "nonsense://host:1", "host-without-port"])
def test_a_bad_scheduler_address_is_one_line(tmp_path, address):
    pytest.importorskip("distributed")
    (tmp_path / "a.txt").write_text(ARTICLES["steel-1.txt"], encoding="utf-8")
    env = dict(os.environ, PARLEY_LIBRARY=str(tmp_path / "lib.sqlite"), PARLEY_CACHE_DIR=str(tmp_path / "cache"),
               DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="2s")
    r = run_parley("library", "add", str(tmp_path / "a.txt"), "--engine", "dask", "--scheduler", address, env=env)
    assert r.returncode == 2
    line = one_line(r)
    assert line.startswith(f"parley: cannot connect to {address} (")
    assert r.stdout == b""


def test_scheduler_without_the_dask_engine_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLES["steel-1.txt"], encoding="utf-8")
    code = library_main(["add", str(tmp_path / "a.txt"), "--library", str(tmp_path / "l.sqlite"),
                         "--scheduler", "tcp://127.0.0.1:8786"])
    err = capsys.readouterr().err
    assert code == 2 and err == "parley: --scheduler needs --engine dask\n"


def _run_python(code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PARLEY_LIBRARY=str(tmp_path / "lib.sqlite"), PARLEY_CACHE_DIR=str(tmp_path / "cache"))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, env=env, timeout=120)


def test_the_local_engine_never_imports_dask(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLES["budget.txt"], encoding="utf-8")
    code = ("import sys; from extract.library.cli import main; "
            f"assert main(['add', {str(tmp_path / 'a.txt')!r}]) == 0; "
            "assert not {'dask', 'distributed'} & set(sys.modules), 'dask imported'; print('ok')")
    r = _run_python(code, tmp_path)
    assert r.returncode == 0 and r.stdout.decode().strip().endswith("ok"), r.stderr.decode()


def test_missing_dask_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLES["budget.txt"], encoding="utf-8")
    code = ("import sys; sys.modules['distributed'] = None; sys.modules['dask'] = None; "
            "from extract.library.cli import main; "
            f"sys.exit(main(['add', {str(tmp_path / 'a.txt')!r}, '--engine', 'dask']))")
    r = _run_python(code, tmp_path)
    assert r.returncode == 2
    assert one_line(r) == ("parley: --engine dask needs Dask distributed; install it with: "
                           "pip install 'parley[dask]'")
