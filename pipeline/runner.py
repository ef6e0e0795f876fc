"""Run the pipeline over input paths and write the tables: read, process, write, report.

Input is read unit by unit (one JSONL file, or one folder's ``.txt`` articles;
see :mod:`pipeline.store`) and streamed through an engine (see
:mod:`pipeline.engines`) in windows, so memory does not grow with the dump.
Articles whose fingerprint (content, metadata, code version, settings) matches
the unit's manifest are not processed again: their rows are copied.
"""
from __future__ import annotations

import datetime as dt
import importlib
import itertools
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import engines, readers, store
from pipeline.document import Document
from pipeline.tables import DATASET_TABLES, DOCUMENT_TABLES, Table

BATCH_SIZE = 256  # articles per parquet row group


@dataclass
class Summary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0  # of ok + failed: unchanged since the last run, rows copied, not recomputed
    rows: dict[str, int] = field(default_factory=dict)  # rows in each table after the run
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)  # first few error messages

    def add(self, docs: Iterable[Document]) -> None:
        for d in docs:
            if d.status == "ok":
                self.ok += 1
            else:
                self.failed += 1
                if len(self.errors) < 10:
                    self.errors.append(f"{d.doc_id}: {d.error}")

    def add_unchanged(self, doc_id: str, status: str, error: str | None) -> None:
        self.skipped += 1
        self.add([Document(doc_id, "", "", status=status, error=error)])

    def render(self) -> str:
        lines = [f"documents: {self.ok} ok, {self.failed} failed"
                 f" ({self.skipped} unchanged since the last run: not processed again)  ({self.seconds:.1f} s)"]
        lines += [f"  {name:<14} {n:>8} rows" for name, n in self.rows.items()]
        if self.errors:
            lines.append("errors:")
            lines += [f"  {e}" for e in self.errors]
            if self.failed > len(self.errors):
                lines.append(f"  ... and {self.failed - len(self.errors)} more (see the documents table)")
        return "\n".join(lines)


@dataclass
class Unit:
    key: str
    files: list[readers.InputFile]
    folder: Path | None = None  # for a folder of .txt articles

    @property
    def legacy_keys(self) -> list[str]:
        """Keys of the 0.1 layout, which kept each ``.txt`` article of a folder apart."""
        return [store.unit_key(f.path) for f in self.files] if self.folder is not None else []

    def still_there(self, source: str) -> bool:
        """Is the article of an earlier run, not in this run's input, still on disk? (then keep it)"""
        return self.folder is not None and (self.folder / Path(source).name).is_file()


def units(files: Iterable[readers.InputFile]) -> list[Unit]:
    """Group input files into units: each JSONL file alone, the ``.txt`` files of a folder together."""
    groups: dict[str, Unit] = {}
    for f in files:
        if f.path.suffix.lower() in readers.TEXT_SUFFIXES:
            key = store.unit_key(f.path.parent / "*.txt")
            folder = f.path.parent
        else:
            key, folder = store.unit_key(f.path), None
        groups.setdefault(key, Unit(key, [], folder)).files.append(f)
    return list(groups.values())


def run(
    paths: list[str | Path],
    output: str | Path,
    reference_date: dt.datetime | None = None,
    skip: tuple[str, ...] = (),
    progress: bool = True,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    force: bool = False,
    stop: Callable[[], bool] | None = None,
) -> Summary:
    """Process every article under ``paths`` and write the tables to ``output``.

    ``stop``: checked before each window of articles; when it returns True the run raises
    KeyboardInterrupt (the units committed so far stay, the one in progress is dropped).
    """
    started = time.perf_counter()
    skip = tuple(sorted(skip))
    names = engines.pipeline(skip).names
    tables = [t for t in DOCUMENT_TABLES if t.stage is None or t.stage in names]
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    todo = units(readers.discover(paths))
    settings = f"skip={','.join(skip)}"
    summary = Summary(rows={t.name: 0 for t in tables})
    bar = _progress(sum(len(u.files) for u in todo), progress)
    eng = engines.make(engine, workers, skip, scheduler)
    try:
        for unit in todo:
            _run_unit(unit, out, tables, eng, reference_date, settings, force, summary, stop)
            if bar is not None:
                bar.update(len(unit.files))
                bar.set_postfix(ok=summary.ok, failed=summary.failed, skipped=summary.skipped)
    finally:
        eng.close()
        if bar is not None:
            bar.close()
    for table in DATASET_TABLES:
        if table.stage is None or table.stage in names:
            build_dataset_table(out, table)
    summary.rows = {t.name: store.count_rows(out, t.name) for t in tables + [
        t for t in DATASET_TABLES if t.stage is None or t.stage in names]}
    summary.seconds = time.perf_counter() - started
    return summary


def _read(unit: Unit, reference_date: dt.datetime | None, settings: str) -> Iterator[Document]:
    for f in unit.files:
        for doc in readers.read(f):
            if doc.reference_date is None:
                doc.reference_date = doc.published or reference_date
            doc.fingerprint = store.fingerprint(doc, settings)
            yield doc


def _run_unit(unit: Unit, out: Path, tables: list[Table], eng: engines.Engine,
              reference_date: dt.datetime | None, settings: str, force: bool, summary: Summary,
              stop: Callable[[], bool] | None = None) -> None:
    old = None if force else store.manifest(out, unit.key)
    seen: set[str] = set()
    unchanged: set[str] = set()
    writer: store.UnitWriter | None = None
    stream = _read(unit, reference_date, settings)
    try:
        while window := list(itertools.islice(stream, eng.window)):
            if stop is not None and stop():
                raise KeyboardInterrupt("stop requested")
            todo = []
            for d in window:
                seen.add(d.doc_id)
                before = old.get(d.doc_id) if old is not None else None
                if before is not None and before.fingerprint == d.fingerprint:
                    unchanged.add(d.doc_id)
                    summary.add_unchanged(d.doc_id, before.status, before.error)
                else:
                    todo.append(d)
            if not todo:
                continue
            if writer is None:
                writer = store.UnitWriter(out, tables, unit.key, unit.legacy_keys)
            done = eng.map(todo)
            for i in range(0, len(done), BATCH_SIZE):
                writer.write(done[i:i + BATCH_SIZE])
            summary.add(done)
        # Articles of a folder that this run was not given but are still on disk keep their rows.
        kept = {d for d, done in (old or {}).items() if d not in seen and unit.still_there(done.source)}
        unchanged |= kept
        if stop is not None and stop():
            raise KeyboardInterrupt("stop requested")
        if writer is None and old is not None and set(old) == seen | kept and _complete(out, tables, unit.key) \
                and not store.has_legacy_parts(out, tables, unit.legacy_keys):
            return  # nothing changed: the unit's files stay as they are
        if writer is None:
            writer = store.UnitWriter(out, tables, unit.key, unit.legacy_keys)
        writer.copy_unchanged(unchanged)
        writer.commit()
        writer = None
    finally:
        if writer is not None:  # interrupted: leave the committed files alone
            writer.abort()


def _complete(out: Path, tables: list[Table], key: str) -> bool:
    """Every table of this run has a file for the unit (a table switched on since last time has not)."""
    return all((out / t.name / f"{key}.parquet").exists() for t in tables)


def build_dataset_table(out: Path, table: Table) -> int:
    """Rebuild a dataset table (the entity catalog) from the tables it reads; returns its row count."""
    import pyarrow as pa

    from pipeline.tables import TABLES

    source = store.read_table(out, table.source, None)
    if source is None:
        source = TABLES[table.source].schema.empty_table()
    module, _, func = table.build.partition(":")
    df = getattr(importlib.import_module(module), func)(source.to_pandas())
    data = pa.Table.from_pandas(df, schema=table.schema, preserve_index=False)
    store.write_table(out, table, data)
    return data.num_rows


def _progress(total: int, enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="file", desc="pipeline", leave=False)
