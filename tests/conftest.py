"""Shared fixtures. State is isolated: every test gets its own index folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SHARED_CORPUS = SHARED / "corpus"
GREVE = SHARED_CORPUS / "greve"
SLAGELSE_TXT = REPO / "corpus" / "slagelse" / "referat-17-4-udvalg-2025-12-09.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path, monkeypatch):
    """Point the default index at a temporary folder so no test touches the repo's index/."""
    for key in list(os.environ):
        if key.startswith("MINUTES_"):
            monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("MINUTES_INDEX", str(tmp_path / "index"))


@pytest.fixture
def settings(tmp_path):
    from assistant.settings import Settings

    return Settings(index=tmp_path / "index", corpus=REPO / "corpus")


@pytest.fixture(scope="session")
def greve_dir() -> Path:
    if not GREVE.is_dir():
        pytest.skip(f"the shared Greve corpus is not at {GREVE} (CI lays ../shared beside the checkout)")
    return GREVE


def greve_files() -> list[Path]:
    """All Greve meeting files, including the dot-folder with a trailing space."""
    return sorted(p for p in GREVE.rglob("*.json")) if GREVE.is_dir() else []
