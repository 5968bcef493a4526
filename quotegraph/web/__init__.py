"""Web pages over the corpus database: overview, search, speakers, articles and live extraction.

Server-rendered with Jinja2 (autoescape on); charts are SVG drawn here; the one style sheet is
served by the app itself. ``highlight``, ``charts`` and ``terms`` are plain functions the views
call; ``views`` is the thin edge mounted by ``quotegraph.serve.app.create_app``.
"""
