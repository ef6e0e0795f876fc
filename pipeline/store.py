"""Write tables as directories of parquet files: one file per input unit and table, swapped in atomically.

An input *unit* is one JSONL/NDJSON file, or all the ``.txt`` articles of one
folder. Each unit owns exactly one file ``<table>/<key>.parquet`` per table,
where ``<key>`` is derived from the unit's absolute path. A unit's new files are
streamed (row group by row group) into ``.staging/<key>/`` and then moved over
the old ones with ``os.replace``, one atomic rename per table, ``documents``
last. So:

* readers never see a half-written file, and a unit's rows are never doubled;
* a run killed at any moment leaves every table either with the unit's old
  rows or its new ones, and the ``documents`` table (the manifest: every
  article with its ``fingerprint``) changes only once all other tables have;
* the next run redoes exactly the units whose manifest does not match their
  input, and copies the rows of unchanged articles instead of recomputing them.

The dataset tables (``entity_catalog``) are rebuilt from the others at the end
of every run and swapped in the same way.
"""
from __future__ import annotations

import functools
import hashlib
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.document import Document
from pipeline.tables import Table, to_arrow

STAGING = ".staging"
MANIFEST = "documents"  # the table whose file is swapped last and records what was done


def unit_key(path: Path) -> str:
    return hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]


@functools.lru_cache(maxsize=None)
def code_version() -> str:
    """Hash of the pipeline's code, language data and models: a change to any redoes every article."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha1()
    for f in sorted(root.rglob("*")):
        if f.is_file() and f.suffix in (".py", ".tsv", ".gz", ".txt", ".json", ".bin") and "__pycache__" not in f.parts:
            h.update(f.relative_to(root).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def fingerprint(doc: Document, settings: str) -> str:
    """What an article's rows depend on: its content and metadata, the code, the run settings."""
    h = hashlib.sha1()
    for part in (code_version(), settings, doc.doc_id, doc.source, doc.text, doc.title, doc.url,
                 doc.published, doc.lang_hint, doc.reference_date, doc.status, doc.error):
        h.update(repr(part).encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:20]


@dataclass(frozen=True)
class Done:
    """What the manifest remembers of one article."""

    fingerprint: str
    status: str
    error: str | None
    source: str


def manifest(root: Path, key: str) -> dict[str, Done] | None:
    """doc_id -> what a unit's last completed run did, or None when it has none."""
    path = root / MANIFEST / f"{key}.parquet"
    if not path.exists():
        return None
    try:
        t = pq.read_table(path, columns=["doc_id", "fingerprint", "status", "error", "source"])
    except (pa.ArrowInvalid, KeyError, OSError):  # written by an older version or damaged: redo
        return None
    cols = [t.column(c).to_pylist() for c in ("doc_id", "fingerprint", "status", "error", "source")]
    return {d: Done(f, s, e, src) for d, f, s, e, src in zip(*cols)}


class UnitWriter:
    """Streams one unit's rows into staging; `commit` swaps them into the output."""

    def __init__(self, root: Path, tables: Iterable[Table], key: str, legacy_keys: Iterable[str] = ()) -> None:
        """``legacy_keys``: keys under which the 0.1 layout kept this unit's rows (one per ``.txt`` article,
        in ``<key>-<n>.parquet`` parts); `commit` removes those parts with the unit's own."""
        self.root = root
        self.tables = list(tables)
        self.key = key
        self.legacy_keys = [key, *legacy_keys]
        self.staging = root / STAGING / key
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir(parents=True)
        self._writers = {t.name: pq.ParquetWriter(self.staging / f"{t.name}.parquet", t.schema)
                         for t in self.tables}
        self.rows: dict[str, int] = {t.name: 0 for t in self.tables}

    def write(self, docs: list[Document]) -> None:
        for table in self.tables:
            data = to_arrow(table, docs)
            if data.num_rows:
                self._writers[table.name].write_table(data)
                self.rows[table.name] += data.num_rows

    def copy_unchanged(self, keep: set[str]) -> None:
        """Copy the rows of the articles in ``keep`` from the unit's current files."""
        if not keep:
            return
        keep_ids = pa.array(sorted(keep), pa.string())
        for table in self.tables:
            old = self.root / table.name / f"{self.key}.parquet"
            if not old.exists():
                continue
            f = pq.ParquetFile(old)
            for batch in f.iter_batches(batch_size=4096):
                t = pa.Table.from_batches([batch])
                t = t.filter(pc.is_in(t.column("doc_id"), value_set=keep_ids))
                if t.num_rows:
                    self._writers[table.name].write_table(t.select(table.schema.names).cast(table.schema))
                    self.rows[table.name] += t.num_rows

    def abort(self) -> None:
        for w in self._writers.values():
            w.close()
        shutil.rmtree(self.staging, ignore_errors=True)

    def commit(self) -> None:
        for w in self._writers.values():
            w.close()
        order = sorted(self.tables, key=lambda t: t.name == MANIFEST)  # the manifest last
        for table in order:
            target = self.root / table.name
            target.mkdir(parents=True, exist_ok=True)
            os.replace(self.staging / f"{table.name}.parquet", target / f"{self.key}.parquet")
            for legacy in legacy_parts(target, self.legacy_keys):  # 0.1 layout: they would double the rows
                legacy.unlink()
        shutil.rmtree(self.staging, ignore_errors=True)
        try:
            (self.root / STAGING).rmdir()
        except OSError:
            pass


def legacy_parts(folder: Path, keys: Iterable[str]) -> list[Path]:
    """Parts of the 0.1 layout (``<key>-<n>.parquet``) in a table's folder under one of ``keys``; the
    folder is listed once, however many keys (a folder unit has one per article)."""
    keys = set(keys)
    if not keys or not folder.is_dir():
        return []
    return [Path(e.path) for e in os.scandir(folder)
            if e.name.endswith(".parquet") and "-" in e.name and e.name.split("-", 1)[0] in keys]


def has_legacy_parts(root: Path, tables: Iterable[Table], keys: Iterable[str]) -> bool:
    """Does any table still hold parts of the 0.1 layout under one of ``keys``?"""
    keys = list(keys)
    return any(legacy_parts(root / t.name, keys) for t in tables)


def write_table(root: Path, table: Table, data: pa.Table) -> None:
    """Replace a dataset table (one file) atomically."""
    folder = root / table.name
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{table.name}.parquet.tmp"
    pq.write_table(data, tmp)
    os.replace(tmp, folder / f"{table.name}.parquet")


def read_table(root: Path, name: str, columns: list[str] | None = None) -> pa.Table | None:
    """All the parts of a table under ``root`` (None when it was never written)."""
    folder = root / name
    files = sorted(folder.glob("*.parquet")) if folder.is_dir() else []
    if not files:
        return None
    return pa.concat_tables([pq.read_table(f, columns=columns) for f in files], promote_options="permissive")


def count_rows(root: Path, name: str) -> int:
    """Rows of a table under ``root``, from the parquet footers."""
    folder = root / name
    return sum(pq.ParquetFile(f).metadata.num_rows for f in folder.glob("*.parquet")) if folder.is_dir() else 0
