"""Where the stages run: in this process, in a pool of worker processes, or on a Dask cluster.

Every engine has the same small interface, ``map(docs) -> docs`` (results in
input order) and ``close()``, so the runner streams articles through any of
them in windows of ``window`` articles. Workers build the pipeline (and load
its models) once, on their first article.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from typing import Protocol

from pipeline import stages
from pipeline.document import Document

WINDOW_PER_WORKER = 32  # articles in flight per worker: bounds memory, keeps workers busy
ENGINES = ("local", "dask")

_PIPELINES: dict[tuple[str, ...], stages.Pipeline] = {}


def pipeline(skip: tuple[str, ...] = ()) -> stages.Pipeline:
    """The pipeline without ``skip``, built once per process (forked workers inherit it)."""
    built = _PIPELINES.get(skip)
    if built is None:
        built = _PIPELINES[skip] = stages.build(skip)
    return built


def process(doc: Document, skip: tuple[str, ...] = ()) -> Document:
    """Run the pipeline on one article in whatever process this is."""
    return pipeline(skip)(doc)


def process_many(docs: list[Document], skip: tuple[str, ...] = ()) -> list[Document]:
    return [process(d, skip) for d in docs]


class Engine(Protocol):
    workers: int
    window: int

    def map(self, docs: list[Document]) -> list[Document]: ...

    def close(self) -> None: ...


class SerialEngine:
    """This process only (``--workers 1``)."""

    def __init__(self, skip: tuple[str, ...]) -> None:
        self.skip = skip
        self.workers = 1
        self.window = WINDOW_PER_WORKER
        pipeline(skip)  # fail now, not on the first article, if the pipeline cannot be built

    def map(self, docs: list[Document]) -> list[Document]:
        return process_many(docs, self.skip)

    def close(self) -> None:
        pass


class ProcessEngine:
    """A pool of worker processes on this machine."""

    def __init__(self, workers: int, skip: tuple[str, ...]) -> None:
        pipeline(skip)
        self.skip = skip
        self.workers = workers
        self.window = WINDOW_PER_WORKER * workers
        self._pool = ProcessPoolExecutor(max_workers=workers)

    def map(self, docs: list[Document]) -> list[Document]:
        chunks = [docs[i:i + 4] for i in range(0, len(docs), 4)]
        out: list[Document] = []
        for part in self._pool.map(process_many, chunks, [self.skip] * len(chunks)):
            out.extend(part)
        return out

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


class DaskEngine:
    """A ``dask.distributed`` cluster: the one at ``scheduler``, or a local one started here.

    Workers must have this project installed (``pip install -e .`` or the wheel) so
    they can import :mod:`pipeline`; documents travel to them pickled.
    """

    def __init__(self, scheduler: str | None, workers: int, skip: tuple[str, ...]) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as e:  # pragma: no cover - distributed is a declared dependency
            raise ImportError("--engine dask needs dask.distributed: pip install 'distributed'") from e
        pipeline(skip)
        self.skip = skip
        self._cluster = None
        if scheduler:
            self._client = Client(scheduler)
        else:
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                         dashboard_address=None, silence_logs=40)
            self._client = Client(self._cluster)
        n = len(self._client.scheduler_info().get("workers", {})) or workers
        self.workers = n
        self.window = WINDOW_PER_WORKER * n

    def map(self, docs: list[Document]) -> list[Document]:
        chunks = [docs[i:i + 4] for i in range(0, len(docs), 4)]
        futures = self._client.map(process_many, chunks, skip=self.skip, pure=False)
        out: list[Document] = []
        for part in self._client.gather(futures):
            out.extend(part)
        return out

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def make(engine: str, workers: int | None, skip: tuple[str, ...], scheduler: str | None = None) -> Engine:
    workers = workers or os.cpu_count() or 1
    if engine == "dask":
        return DaskEngine(scheduler, workers, skip)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}; engines are {', '.join(ENGINES)}")
    if scheduler:
        raise ValueError("--scheduler needs --engine dask")
    return SerialEngine(skip) if workers <= 1 else ProcessEngine(workers, skip)
