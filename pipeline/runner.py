"""Run the pipeline over input paths and write the tables: read, process, write, report."""
from __future__ import annotations

import datetime as dt
import itertools
import os
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import readers, stages
from pipeline.document import Document
from pipeline.store import SourceWriter, source_key
from pipeline.tables import TABLES

BATCH_SIZE = 256  # articles per parquet part: bounds memory on large JSONL files


@dataclass
class Summary:
    ok: int = 0
    failed: int = 0
    rows: dict[str, int] = field(default_factory=dict)
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

    def render(self) -> str:
        lines = [f"documents: {self.ok} ok, {self.failed} failed  ({self.seconds:.1f} s)"]
        lines += [f"  {name:<10} {n:>8} rows" for name, n in self.rows.items()]
        if self.errors:
            lines.append("errors:")
            lines += [f"  {e}" for e in self.errors]
            if self.failed > len(self.errors):
                lines.append(f"  ... and {self.failed - len(self.errors)} more (see the documents table)")
        return "\n".join(lines)


def run(
    paths: list[str | Path],
    output: str | Path,
    reference_date: dt.datetime | None = None,
    skip: tuple[str, ...] = (),
    progress: bool = True,
    workers: int | None = None,
) -> Summary:
    """Process every article under ``paths`` and write the tables to ``output``.

    Articles stream through in windows, so memory does not grow with the size
    of the dump; with ``workers`` > 1 each window is spread over worker
    processes that build the pipeline (and load its models) once each.
    """
    started = time.perf_counter()
    pipeline = stages.build(skip)
    tables = [t for t in TABLES.values() if t.stage is None or t.stage in pipeline.names]
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    files = list(readers.discover(paths))
    summary = Summary(rows={t.name: 0 for t in tables})
    workers = workers or os.cpu_count() or 1

    bar = _progress(len(files), progress)
    writer: SourceWriter | None = None
    batch: list[Document] = []

    def finish_source() -> None:
        nonlocal writer, batch
        if writer is None:
            return
        _flush(writer, batch, summary)
        writer.commit()
        for name, n in writer.rows.items():
            summary.rows[name] += n
        writer, batch = None, []
        if bar is not None:
            bar.update(1)
            bar.set_postfix(ok=summary.ok, failed=summary.failed)

    executor = _executor(workers, skip)
    try:
        for f, doc in _processed(files, pipeline, executor, reference_date):
            if writer is None or writer.key != source_key(f.path):
                finish_source()
                writer = SourceWriter(out, tables, source_key(f.path))
            batch.append(doc)
            if len(batch) >= BATCH_SIZE:
                _flush(writer, batch, summary)
                batch = []
        finish_source()
    finally:
        if executor is not None:
            executor.shutdown(cancel_futures=True)
        if bar is not None:
            bar.close()
    summary.seconds = time.perf_counter() - started
    return summary


WINDOW_PER_WORKER = 32  # articles handed to each worker per round: bounds memory, keeps workers busy

_WORKER_PIPELINE: stages.Pipeline | None = None


def _init_worker(skip: tuple[str, ...]) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = stages.build(skip)


def _process_in_worker(doc: Document) -> Document:
    assert _WORKER_PIPELINE is not None
    return _WORKER_PIPELINE(doc)


def _executor(workers: int, skip: tuple[str, ...]) -> Executor | None:
    if workers <= 1:
        return None
    return ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(tuple(skip),))


def _processed(files, pipeline, executor, reference_date) -> Iterator[tuple[readers.InputFile, Document]]:
    """(file, processed document) in input order."""
    def read_all() -> Iterator[tuple[readers.InputFile, Document]]:
        for f in files:
            for doc in readers.read(f):
                if doc.reference_date is None:
                    doc.reference_date = doc.published or reference_date
                yield f, doc

    stream = read_all()
    if executor is None:
        for f, doc in stream:
            yield f, pipeline(doc)
        return
    size = WINDOW_PER_WORKER * executor._max_workers  # type: ignore[attr-defined]
    while window := list(itertools.islice(stream, size)):
        done = executor.map(_process_in_worker, [d for _, d in window], chunksize=4)
        yield from zip((f for f, _ in window), done)


def _flush(writer: SourceWriter, batch: list[Document], summary: Summary) -> None:
    if batch or writer.parts == 0:  # an empty source still writes its (empty) parts
        writer.write(batch)
        summary.add(batch)


def _progress(total: int, enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="file", desc="pipeline", leave=False)
