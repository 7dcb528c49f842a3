"""NLP stage: Article → Analysis (actors, times, quotes, events, positions, summary)."""

from storyline.nlp.pipeline import analyze_articles, analyze_doc, load_pipeline

__all__ = ["analyze_articles", "analyze_doc", "load_pipeline"]
