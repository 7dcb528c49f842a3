"""Training scripts for the small learned artefacts in ``storyline/models`` (run by ``make train``)."""
