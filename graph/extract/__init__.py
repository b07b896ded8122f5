"""Extraction of draft designation records from raw English or Chinese article text."""

from __future__ import annotations

from graph.extract.assemble import extract_text
from graph.extract.designation import DraftDesignation, Extraction
from graph.extract.gazetteer import Gazetteer, load_gazetteer
from graph.extract.reading import read_article

__all__ = [
    "DraftDesignation",
    "Extraction",
    "Gazetteer",
    "extract_text",
    "load_gazetteer",
    "read_article",
]
