"""Run the pipeline over input paths and write the tables: read, process, write, report."""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable
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
) -> Summary:
    started = time.perf_counter()
    pipeline = stages.build(skip)
    tables = [t for t in TABLES.values() if t.stage is None or t.stage in pipeline.names]
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    files = list(readers.discover(paths))
    summary = Summary(rows={t.name: 0 for t in tables})

    bar = _progress(len(files), progress)
    for f in files:
        writer = SourceWriter(out, tables, source_key(f.path))
        batch: list[Document] = []
        for doc in readers.read(f):
            if doc.reference_date is None:
                doc.reference_date = doc.published or reference_date
            batch.append(pipeline(doc))
            if len(batch) >= BATCH_SIZE:
                _flush(writer, batch, summary)
                batch = []
        _flush(writer, batch, summary)
        writer.commit()
        for name, n in writer.rows.items():
            summary.rows[name] += n
        if bar is not None:
            bar.update(1)
            bar.set_postfix(ok=summary.ok, failed=summary.failed)
    if bar is not None:
        bar.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _flush(writer: SourceWriter, batch: list[Document], summary: Summary) -> None:
    if batch or writer.parts == 0:  # an empty source still writes its (empty) parts
        writer.write(batch)
        summary.add(batch)


def _progress(total: int, enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="file", desc="pipeline", leave=False)
