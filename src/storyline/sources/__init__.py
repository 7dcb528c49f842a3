"""Sources: produce RawDocs from files, URLs, feeds, sitemaps and WARC archives."""
