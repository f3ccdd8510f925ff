"""Messages the extraction worker posts to the app (small dataclasses, up the tree)."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from textual.message import Message

from extract import Extraction


def while_open(handler):
    """For the worker's messages: one that arrives after quit (no screens left) is dropped."""
    @functools.wraps(handler)
    def guarded(self, message):
        if self.screen_stack:
            handler(self, message)
    return guarded


class Stopped(Exception):
    """Raised inside the extraction worker when the app cancels it (on quit)."""


@dataclass
class Extracted(Message):
    result: Extraction


@dataclass
class ExtractFailed(Message):
    error: str


@dataclass
class ExtractPartial(Message):
    """Provisional results for the first ``done`` characters; the final ``Extracted`` follows."""

    result: Extraction
    done: int
    total: int


@dataclass
class ExtractProgress(Message):
    done: int
    total: int


@dataclass
class CacheWarning(Message):
    text: str
