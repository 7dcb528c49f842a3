"""Article stage: RawDoc → Article (main text, metadata, boilerplate, language)."""

from storyline.article.extract import extract_article, read_article

__all__ = ["extract_article", "read_article"]
