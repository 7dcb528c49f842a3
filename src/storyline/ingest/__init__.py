"""Ingestion: files, URLs, feeds, sitemaps and WARC archives into the store, resumably and once."""

from storyline.ingest.runner import Analyser, IngestOptions, Ingestor, IngestReport, extract_only

__all__ = ["Analyser", "IngestOptions", "IngestReport", "Ingestor", "extract_only"]
