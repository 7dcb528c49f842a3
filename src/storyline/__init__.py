"""Storyline: news articles in, source-linked records of actors, quotes, events, times and positions out."""

from storyline.config import Settings
from storyline.records import Analysis, Article, RawDoc
from storyline.service import analyze, analyze_inputs

__all__ = ["Analysis", "Article", "RawDoc", "Settings", "analyze", "analyze_inputs"]
__version__ = "0.1.0"
