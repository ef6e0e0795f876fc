"""Shared test fixtures: where the shared corpora and samples live."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSX_SHARED", REPO.parent / "shared"))


def _require(path: Path) -> Path:
    if not path.exists():
        raise FileNotFoundError(
            f"{path} is missing: the tests read ../shared/ beside the repository "
            "(or set NEWSX_SHARED to its location)"
        )
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return _require(SHARED)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return _require(SHARED / "corpus")


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return _require(SHARED / "samples")
