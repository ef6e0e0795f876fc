"""The output contract: every table, its schema, and the pure function that builds its rows.

This module is the one place that maps a table name to its columns; the
README's table section is checked against it by the tests. Each table is a
directory `<output>/<table>/` of parquet files.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass

import pyarrow as pa

from pipeline.document import Document

TS = pa.timestamp("us")


@dataclass(frozen=True)
class Table:
    name: str
    schema: pa.Schema
    rows: Callable[[Document], Iterable[dict]] | None  # per document (None: a dataset table)
    stage: str | None = None  # the stage that fills it (None: always written)
    # Dataset tables are built once per run from other tables: "module:function"
    # taking a DataFrame of `source`'s columns and returning this table's rows.
    build: str | None = None
    source: str | None = None

    @property
    def per_document(self) -> bool:
        return self.rows is not None


def _documents(doc: Document) -> Iterable[dict]:
    yield {
        "doc_id": doc.doc_id, "source": doc.source, "title": doc.title, "url": doc.url,
        "published": doc.published, "lang": doc.lang, "n_chars": len(doc.text),
        "n_segments": len(doc.segments), "status": doc.status, "error": doc.error,
        "fingerprint": doc.fingerprint,
    }


def _segments(doc: Document) -> Iterable[dict]:
    for s in doc.segments:
        yield {"doc_id": doc.doc_id, "seg_id": s.seg_id, "paragraph": s.paragraph, "start": s.start,
               "end": s.end, "lang": s.lang, "form": s.form, "text": s.text, "text_norm": s.text_norm}


def _tokens(doc: Document) -> Iterable[dict]:
    for s in doc.segments:
        for t in s.tokens:
            yield {"doc_id": doc.doc_id, "seg_id": t.seg_id, "token_id": t.token_id,
                   "start": t.start, "end": t.end, "text": t.text, "norm": t.norm}


def _mentions(attr: str) -> Callable[[Document], Iterable[dict]]:
    def rows(doc: Document) -> Iterable[dict]:
        for m in getattr(doc, attr):
            yield {"doc_id": doc.doc_id, **asdict(m)}
    return rows


def _schema(*fields: tuple[str, pa.DataType]) -> pa.Schema:
    return pa.schema([pa.field(n, t) for n, t in fields])


S, I, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()

TABLES: dict[str, Table] = {t.name: t for t in [
    Table("documents", _schema(
        ("doc_id", S), ("source", S), ("title", S), ("url", S), ("published", TS), ("lang", S),
        ("n_chars", I), ("n_segments", I), ("status", S), ("error", S), ("fingerprint", S)), _documents),
    Table("segments", _schema(
        ("doc_id", S), ("seg_id", I), ("paragraph", I), ("start", I), ("end", I), ("lang", S),
        ("form", S), ("text", S), ("text_norm", S)), _segments),
    Table("tokens", _schema(
        ("doc_id", S), ("seg_id", I), ("token_id", I), ("start", I), ("end", I), ("text", S),
        ("norm", S)), _tokens, stage="tokens"),
    Table("entities", _schema(
        ("doc_id", S), ("mention_id", S), ("start", I), ("end", I), ("text", S), ("norm", S),
        ("label", S), ("fine_label", S), ("lang", S), ("source", S), ("entity_id", S), ("entity_key", S)),
        _mentions("entities"), stage="entities"),
    Table("entity_catalog", _schema(
        ("entity_id", S), ("key", S), ("name", S), ("label", S), ("aliases", pa.list_(S)),
        ("n_mentions", I), ("n_docs", I)),
        None, stage="entity_catalog", build="pipeline.entity_catalog:build_catalog", source="entities"),
    Table("money", _schema(
        ("doc_id", S), ("mention_id", S), ("start", I), ("end", I), ("text", S), ("amount", F),
        ("currency", S), ("qualifier", S), ("amount_max", F), ("per", S), ("equivalent_of", S),
        ("lang", S)), _mentions("money"), stage="money"),
    Table("dates", _schema(
        ("doc_id", S), ("mention_id", S), ("start", I), ("end", I), ("text", S), ("value", S),
        ("grain", S), ("start_time", TS), ("end_time", TS), ("relative", B), ("lang", S),
        ("type", S)), _mentions("dates"), stage="dates"),
]}


DOCUMENT_TABLES = [t for t in TABLES.values() if t.per_document]
DATASET_TABLES = [t for t in TABLES.values() if not t.per_document]


def to_arrow(table: Table, docs: Iterable[Document]) -> pa.Table:
    """The rows of ``docs`` for one table; error documents appear only in `documents`."""
    rows = [row for d in docs if d.status == "ok" or table.name == "documents" for row in table.rows(d)]
    return pa.Table.from_pylist(rows, schema=table.schema)
