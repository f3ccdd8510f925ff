"""Recently opened articles: ``recent.json`` beside ``config.toml`` in the user config dir
(``PARLEY_CONFIG_DIR`` overrides). Most recent first, de-duplicated by absolute path, at
most ``LIMIT``. A broken file is an empty list; writing replaces the file atomically.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

LIMIT = 20


def recent_path() -> Path:
    from .config import config_path
    return config_path().with_name("recent.json")


def load_recent(path: Path | None = None) -> list[str]:
    path = path or recent_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return []
    if not isinstance(data, list):
        return []
    return [p for p in data if isinstance(p, str) and p][:LIMIT]


def remember(article: str, path: Path | None = None) -> str | None:
    """Put ``article`` first in the list; returns one line about a failure, else None."""
    path = path or recent_path()
    absolute = os.path.abspath(article)
    items = [absolute] + [p for p in load_recent(path) if p != absolute]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".recent-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(items[:LIMIT], fh, ensure_ascii=False, indent=0)
        os.replace(tmp, path)
    except OSError as exc:
        return f"Could not keep the recent articles in {path}: {exc.strerror}"
    return None
