"""Stories: group analysed articles into stories (dedup, clustering, timelines)."""
