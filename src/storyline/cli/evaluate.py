"""``storyline eval`` and ``storyline bench``."""
