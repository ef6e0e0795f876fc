"""Write tables as directories of parquet files, replacing a source's rows on re-run.

Each input file (a "source") owns the parts named `<key>-<n>.parquet` in every
table directory, where `<key>` is derived from the file's absolute path. A
source's new parts are written to a staging folder first and then swapped in
for its old ones, so re-running over the same input replaces its rows and never
duplicates them, and readers never see a half-written parquet file.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import pyarrow.parquet as pq

from pipeline.document import Document
from pipeline.tables import Table, to_arrow

STAGING = ".staging"


def source_key(path: Path) -> str:
    return hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]


class SourceWriter:
    """Collects one source's batches in staging; `commit` swaps them into the output."""

    def __init__(self, root: Path, tables: Iterable[Table], key: str) -> None:
        self.root = root
        self.tables = list(tables)
        self.key = key
        self.staging = root / STAGING / key
        shutil.rmtree(self.staging, ignore_errors=True)
        self.parts = 0
        self.rows: dict[str, int] = {t.name: 0 for t in self.tables}

    def write(self, docs: list[Document]) -> None:
        for table in self.tables:
            data = to_arrow(table, docs)
            folder = self.staging / table.name
            folder.mkdir(parents=True, exist_ok=True)
            pq.write_table(data, folder / f"{self.key}-{self.parts:05d}.parquet")
            self.rows[table.name] += data.num_rows
        self.parts += 1

    def commit(self) -> None:
        for table in self.tables:
            target = self.root / table.name
            target.mkdir(parents=True, exist_ok=True)
            for old in target.glob(f"{self.key}-*.parquet"):
                old.unlink()
            for new in sorted((self.staging / table.name).glob("*.parquet")):
                os.replace(new, target / new.name)
        shutil.rmtree(self.staging, ignore_errors=True)
        try:
            (self.root / STAGING).rmdir()
        except OSError:
            pass
