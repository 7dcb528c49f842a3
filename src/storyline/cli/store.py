"""``storyline init``, ``ingest``, ``search``, ``export`` and ``stats``."""
