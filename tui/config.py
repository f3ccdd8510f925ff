"""The explorer's settings file: ``config.toml`` beside the keymap in the user config dir
(``PARLEY_CONFIG_DIR`` overrides). Today it keeps the chosen theme.

A broken or unreadable file is ignored (the default theme); writing replaces the file
atomically (a temporary file renamed over it), so a crash never leaves half a file.
"""
from __future__ import annotations

import os
import tempfile
import tomllib
from pathlib import Path


def config_path() -> Path:
    from .keymap import default_path
    return default_path().with_name("config.toml")


def load_theme(path: Path | None = None) -> str | None:
    path = path or config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    theme = data.get("theme")
    return theme if isinstance(theme, str) and theme else None


def save_theme(name: str, path: Path | None = None) -> str | None:
    """Keep ``name`` as the theme; returns one line about a failure, else None."""
    path = path or config_path()
    safe = name.replace("\\", "\\\\").replace('"', '\\"')
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".config-", suffix=".toml")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(f'theme = "{safe}"\n')
        os.replace(tmp, path)
    except OSError as exc:
        return f"Could not keep the theme in {path}: {exc.strerror}"
    return None
