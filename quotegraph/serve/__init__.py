"""Serving a corpus database: the app factory (``app``: the API's routes and the web pages over one read-only
database), read-only connections (``pool``), what stands before the routes (``guards``: rate limit, body
guard, HEAD as GET), what the API and the pages both run on (``runtime``: search threads, the
publication-date rule; ``errors``: an error's status, words and JSON shape), and the server (``server``,
``workers``). The pages (``quotegraph.web``) and the API (``quotegraph.api``) import from here, never from
each other.
"""
