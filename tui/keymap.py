"""User key bindings: a TOML file mapping binding ids to keys.

    # ~/.config/parley/keymap.toml   (or PARLEY_CONFIG_DIR, or --keymap PATH)
    "app.next" = "n,j"
    "app.copy" = "y"

Ids are the ones in the help screen (``?``). A broken file never stops the app:
the explorer starts with the default keys and says what is wrong in one line.
"""
from __future__ import annotations

import os
import tomllib
from pathlib import Path


def default_path() -> Path:
    base = os.environ.get("PARLEY_CONFIG_DIR")
    if base:
        return Path(base) / "keymap.toml"
    from platformdirs import user_config_dir
    return Path(user_config_dir("parley")) / "keymap.toml"


def load_keymap(path: Path, known: set[str]) -> tuple[dict[str, str], str | None]:
    """(keymap, problem): the usable entries, and one line about anything unusable."""
    if not path.exists():
        return {}, None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, f"{path}: cannot read the keymap ({exc}); using the default keys"
    data = data.get("keymap", data)
    keymap: dict[str, str] = {}
    bad: list[str] = []
    for binding_id, keys in data.items():
        if binding_id in known and isinstance(keys, str) and keys.strip():
            keymap[binding_id] = keys.replace(" ", "")
        else:
            bad.append(binding_id)
    problem = None
    if bad:
        problem = (f"{path}: ignored {', '.join(sorted(bad))} (unknown id or not a key string); "
                   f"ids are listed in the help screen (?)")
    return keymap, problem
