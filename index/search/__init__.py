"""Search: the query parser, Norwegian analysis (folding, stemming, compounds, synonyms),
spelling correction ("Mente du ...?"), the Whoosh full-text index and the long-lived Searcher
that returns results as plain dataclasses. May import: index.content, index.errors."""
