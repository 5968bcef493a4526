"""The CLI's commands, one module per group: ``extract`` (extract, eval), ``batch``, ``store`` (ingest, search,
speakers, speaker, export) and ``serve``; ``errors`` (a library error as one line and exit 1), ``options`` (options
several commands share) and ``progress`` (the progress bar). ``quotegraph.cli`` registers them on its group.
Each parses its options and calls the library."""
