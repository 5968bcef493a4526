"""The REST API's routes (``routes.router``) and its JSON error shape (``errors.install``); the app that serves
them with the web pages is ``quotegraph.serve.app.create_app``.

Nothing is imported here, so the CLI loads FastAPI only when ``serve`` runs.
"""
