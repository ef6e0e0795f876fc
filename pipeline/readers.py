"""Read article dumps into Documents.

Supported inputs (folders are searched recursively, hidden files skipped):

* `.txt`: one article per file; `doc_id` is the file's stem.
* `.jsonl` / `.ndjson`, optionally `.gz`: one article per line with `text`
  (or `content` / `body`), optional `id`, `title`, `url`, `published`, `lang`.
  `doc_id` is `id` when present, else `<file stem>:<line number>`.

Encodings: UTF-8 with or without BOM, UTF-16 with BOM. Bad input never raises:
it becomes a Document with `status = "error"` and a message that says what is
wrong and where, and reading goes on with the next article.
"""
from __future__ import annotations

import codecs
import datetime as dt
import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.document import Document

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
TEXT_FIELDS = ("text", "content", "body")
LANG_CODES = {"vi": "vi", "vie": "vi", "vietnamese": "vi", "en": "en", "eng": "en", "english": "en"}


@dataclass(frozen=True)
class InputFile:
    path: Path  # absolute
    root: Path  # the folder (or the file itself) the user named

    @property
    def source(self) -> str:
        """Path relative to the input root, as the user would recognise it."""
        if self.root == self.path:
            return self.path.name
        return self.path.relative_to(self.root).as_posix()

    @property
    def stem(self) -> str:
        name = self.path.name
        for suffix in (".gz",):
            name = name.removesuffix(suffix)
        return name.rsplit(".", 1)[0] if "." in name else name


def discover(paths: Iterable[str | Path]) -> Iterator[InputFile]:
    """Every file under ``paths``, sorted, hidden files and folders left out."""
    for p in paths:
        path = Path(p).resolve()
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                rel = f.relative_to(path)
                if f.is_file() and not any(part.startswith(".") for part in rel.parts):
                    yield InputFile(f, path)
        elif path.exists():
            yield InputFile(path, path)
        else:
            raise FileNotFoundError(f"input path does not exist: {p}")


def read(f: InputFile) -> Iterator[Document]:
    """The articles of one input file; errors become error Documents."""
    name = f.path.name.lower()
    if name.endswith(TEXT_SUFFIXES):
        yield _read_txt(f)
    elif name.endswith(JSONL_SUFFIXES):
        yield from _read_jsonl(f)
    else:
        yield _error(f, f.stem, f"unsupported file type {f.path.suffix or '(no extension)'!r} "
                     f"in {f.source}: expected .txt, .jsonl, .ndjson (optionally .gz)")


def _error(f: InputFile, doc_id: str, message: str, source: str | None = None) -> Document:
    return Document(doc_id=doc_id, source=source or f.source, text="", status="error", error=message)


def decode(data: bytes, where: str) -> str:
    """Decode UTF-8 (BOM optional) or UTF-16 with BOM; raise ValueError saying where it failed."""
    if data.startswith(codecs.BOM_UTF8):
        encoding, body = "utf-8", data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, body = "utf-16", data
    else:
        encoding, body = "utf-8", data
        if b"\x00" in data[:8192]:
            raise ValueError(f"{where}: binary file (NUL bytes), not text")
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"{where}: not valid {encoding.upper()} at byte {exc.start} ({exc.reason}); "
            "save the file as UTF-8 or UTF-16 with BOM"
        ) from None
    if "\x00" in text:
        raise ValueError(f"{where}: binary file (NUL characters), not text")
    return text


def _read_txt(f: InputFile) -> Document:
    try:
        text = decode(f.path.read_bytes(), f.source)
    except (OSError, ValueError) as exc:
        return _error(f, f.stem, str(exc))
    if not text.strip():
        return _error(f, f.stem, f"{f.source}: empty article")
    return Document(doc_id=f.stem, source=f.source, text=text)


def _lines(f: InputFile) -> Iterator[tuple[int, bytes]]:
    opener = gzip.open if f.path.name.lower().endswith(".gz") else open
    with opener(f.path, "rb") as fh:
        head = fh.read(8192)
        fh.seek(0)
        if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            # UTF-16 has no byte-level lines: decode the file as a whole.
            text = fh.read().decode("utf-16")
            for n, line in enumerate(text.splitlines(), 1):
                yield n, line.encode("utf-8")
            return
        if b"\x00" in head:
            raise ValueError(f"{f.source}: binary file (NUL bytes), not text")
        for n, line in enumerate(fh, 1):
            yield n, line


def _read_jsonl(f: InputFile) -> Iterator[Document]:
    """Every line's article; a file without any article yields one error, so every file has a row."""
    found = False
    for doc in _jsonl_records(f):
        found = True
        yield doc
    if not found:
        yield _error(f, f.stem, f"{f.source}: no articles (the file holds no JSON lines)")


def _jsonl_records(f: InputFile) -> Iterator[Document]:
    try:
        for n, raw in _lines(f):
            where = f"{f.source}:{n}"
            doc_id = f"{f.stem}:{n}"
            if n == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if not raw.strip():
                continue
            try:
                line = decode(raw, where)
                record = json.loads(line)
            except ValueError as exc:
                yield _error(f, doc_id, f"{where}: malformed JSON line ({exc})" if isinstance(exc, json.JSONDecodeError)
                             else str(exc), where)
                continue
            yield _from_record(f, record, doc_id, where)
    except (OSError, EOFError, zlib.error) as exc:
        yield _error(f, f.stem, f"{f.source}: cannot read file ({type(exc).__name__}: {exc})")
    except ValueError as exc:
        yield _error(f, f.stem, str(exc))


def _from_record(f: InputFile, record: object, doc_id: str, where: str) -> Document:
    if not isinstance(record, dict):
        return _error(f, doc_id, f"{where}: expected a JSON object, got {type(record).__name__}", where)
    if record.get("id") not in (None, ""):
        doc_id = str(record["id"])
    text = next((record[k] for k in TEXT_FIELDS if record.get(k) is not None), None)
    if text is None:
        return _error(f, doc_id, f"{where}: no article text (fields {', '.join(TEXT_FIELDS)} all missing)", where)
    if not isinstance(text, str):
        return _error(f, doc_id, f"{where}: article text must be a string, got {type(text).__name__}", where)
    if not text.strip():
        return _error(f, doc_id, f"{where}: empty article", where)
    doc = Document(doc_id=doc_id, source=where, text=text,
                   title=_opt_str(record.get("title")), url=_opt_str(record.get("url")))
    if record.get("published") not in (None, ""):
        try:
            doc.published = parse_published(record["published"])
        except ValueError as exc:
            return doc.fail(f"{where}: {exc}")
    if record.get("lang") not in (None, ""):
        doc.lang_hint = LANG_CODES.get(str(record["lang"]).strip().lower(), "other")
    return doc


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def parse_published(value: object) -> dt.datetime:
    """ISO 8601 date or date-time; time zones are dropped (wall clock as written)."""
    if not isinstance(value, str):
        raise ValueError(f"'published' must be an ISO 8601 string, got {value!r}")
    s = value.strip()
    try:
        if len(s) == 10:
            return dt.datetime.combine(dt.date.fromisoformat(s), dt.time())
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        raise ValueError(f"'published' is not an ISO 8601 date or date-time: {value!r}") from None
