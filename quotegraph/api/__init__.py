"""The REST API over a corpus database (``quotegraph serve``): ``create_app(db_path)`` in ``app.py``.

Nothing is imported here, so the CLI loads FastAPI only when ``serve`` runs.
"""
