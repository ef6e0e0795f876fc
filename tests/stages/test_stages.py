"""The stage list: requirements are checked when a pipeline is built."""
import pytest

from pipeline import stages
from pipeline.document import Document


def test_full_pipeline_builds_in_declared_order():
    p = stages.build()
    assert p.names == list(stages.STAGES)


def test_skipping_an_extractor_keeps_the_rest():
    p = stages.build(skip=("entities", "dates"))
    assert "entities" not in p.names and "money" in p.names
    # A stage built on a skipped one goes too: no catalog without entities.
    assert "entity_catalog" not in p.names
    assert "entity_catalog" not in stages.build(skip=("entity_catalog",)).names
    assert "entities" in stages.build(skip=("entity_catalog",)).names


def test_unknown_and_required_stages_are_refused():
    with pytest.raises(stages.PipelineError, match="unknown stage"):
        stages.build(skip=("nope",))
    with pytest.raises(stages.PipelineError, match="cannot be skipped"):
        stages.build(skip=("normalize",))


class Needs:
    name = "needs"
    requires = ("text_norm",)
    provides = ("x",)

    def __call__(self, doc):
        return doc


class Boom:
    name = "boom"
    requires = ()
    provides = ("y",)

    def __call__(self, doc):
        raise RuntimeError("kaput")


def test_missing_requirement_is_reported_at_build_time():
    with pytest.raises(stages.PipelineError, match="'needs' requires text_norm"):
        stages.check([Needs()])


def test_a_failing_stage_marks_only_that_document():
    p = stages.Pipeline([Boom()])
    doc = p(Document(doc_id="a", source="a", text="x"))
    assert doc.status == "error" and "stage boom failed: RuntimeError: kaput" in doc.error
