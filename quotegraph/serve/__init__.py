"""What the REST API (``quotegraph.api``) and the web pages (``quotegraph.web``) both run on and neither
owns: the search threads, the rule for a publication date given with a text, and which status and words
an error gets. It imports neither edge, so the pages never import the API."""
