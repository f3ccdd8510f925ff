"""Parley's Textual explorer. Consumes only ``extract``'s public API."""
