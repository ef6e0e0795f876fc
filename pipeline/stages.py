"""The one list of stages, in order, and the runner that checks and applies them.

Each stage is a small class in its own module with a `name` (the same word as
its module, its CLI option and its output table), the annotations it
`requires` and `provides`, and `__call__(doc) -> doc`. Stages are imported
only when a pipeline is built, so `pipeline --help` stays fast.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol

from pipeline.document import Document

# name -> "module:Class", in the order they run.
STAGES: dict[str, str] = {
    "segments": "pipeline.segments:SegmentsStage",
    "language": "pipeline.language:LanguageStage",
    "normalize": "pipeline.normalize:NormalizeStage",
    "tokens": "pipeline.tokens:TokensStage",
    "entities": "pipeline.entities:EntitiesStage",
    "entity_catalog": "pipeline.entity_catalog:EntityCatalogStage",
    "money": "pipeline.money:MoneyStage",
    "dates": "pipeline.dates:DatesStage",
}
# Stages that extract something: the ones a user may switch off.
OPTIONAL = ("tokens", "entities", "entity_catalog", "money", "dates")


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


class PipelineError(ValueError):
    """A pipeline that cannot run: unknown stage or a requirement no earlier stage provides."""


def _load(name: str) -> Stage:
    module_name, _, cls_name = STAGES[name].partition(":")
    stage = getattr(importlib.import_module(module_name), cls_name)()
    if stage.name != name:
        raise PipelineError(f"stage {STAGES[name]} calls itself {stage.name!r}, expected {name!r}")
    return stage


@dataclass
class Pipeline:
    stages: list[Stage]

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Document) -> Document:
        """Run every stage; a stage that fails marks the document as an error and stops it."""
        if doc.status != "ok":
            return doc
        for stage in self.stages:
            try:
                doc = stage(doc)
            except Exception as exc:  # one broken article must never stop the run
                return doc.fail(f"stage {stage.name} failed: {type(exc).__name__}: {exc}")
            doc.done.update(stage.provides)
        return doc


def build(skip: tuple[str, ...] | list[str] = ()) -> Pipeline:
    """The pipeline of all stages but ``skip``, with every requirement checked."""
    unknown = [s for s in skip if s not in STAGES]
    if unknown:
        raise PipelineError(f"unknown stage(s) {', '.join(unknown)}; stages are {', '.join(STAGES)}")
    not_optional = [s for s in skip if s not in OPTIONAL]
    if not_optional:
        raise PipelineError(f"stage(s) {', '.join(not_optional)} cannot be skipped; optional: {', '.join(OPTIONAL)}")
    stages, provided = [], set()
    for name in STAGES:
        if name in skip:
            continue
        stage = _load(name)
        if name in OPTIONAL and any(r not in provided for r in stage.requires):
            continue  # it builds on a skipped stage (--skip entities drops entity_catalog too)
        stages.append(stage)
        provided.update(stage.provides)
    check(stages)
    return Pipeline(stages)


def check(stages: list[Stage]) -> None:
    provided: set[str] = set()
    for stage in stages:
        missing = [r for r in stage.requires if r not in provided]
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage provides"
            )
        provided.update(stage.provides)
