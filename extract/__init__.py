"""Parley's extraction engine: parties, demands, red lines and quotes in news text.

Import-light on purpose: importing ``extract`` does not import spaCy or any
UI toolkit; the model loads when an ``Extractor`` is created.

    from extract import Extractor
    ex = Extractor()
    result = ex.extract(text, path="article.txt")
"""
from .model import EXTRACTOR_VERSION, Actor, Claim, DocumentInfo, Extraction, Quote, Span

__all__ = ["Actor", "Claim", "DocumentInfo", "Extraction", "Quote", "Span", "Extractor",
           "ModelNotFound", "read_document", "DocumentError", "EXTRACTOR_VERSION"]


def __getattr__(name):  # lazy: keeps `import extract` fast and spaCy-free
    if name == "Extractor":
        from . import pipeline
        return getattr(pipeline, name)
    if name == "ModelNotFound":
        from .nlp import ModelNotFound
        return ModelNotFound
    if name in ("read_document", "DocumentError"):
        from . import documents
        return getattr(documents, name)
    raise AttributeError(name)
