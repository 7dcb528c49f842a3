"""A small error hierarchy: every message names the input and the reason, on one line."""

from __future__ import annotations


class StorylineError(Exception):
    """Base class for errors Storyline reports to users."""


class InputError(StorylineError):
    """One input could not be turned into an article; the rest of the run goes on."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class SkippedInput(InputError):
    """An input that is valid but out of scope (e.g. not English): reported as skipped, not failed."""


class PipelineError(StorylineError):
    """The configured spaCy pipeline cannot be used."""
