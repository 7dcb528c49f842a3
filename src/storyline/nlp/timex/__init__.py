"""A HeidelTime-like rule system for English time expressions: recognise, then normalise to TIMEX3.

Rules and words are data (``lexicons/time_rules.json``, ``lexicons/time_words.json``); this package compiles
them (``lexicon``), finds expressions (``recognise``), reads the verb tense around them (``tense``), does
calendar arithmetic (``calendar``) and turns a match into a TIMEX3 value (``normalise``).
"""
