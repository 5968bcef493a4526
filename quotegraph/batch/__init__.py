"""Work over many documents: one runner of worker processes (``workers``) for ``extract``
(``extract``) and ``ingest`` (``quotegraph.corpus``), and the cluster batch into Parquet
(``plan``, ``parquet``, ``cluster``) that ``ingest`` loads (``load``)."""

from .extract import Result, run

__all__ = ["Result", "run"]
