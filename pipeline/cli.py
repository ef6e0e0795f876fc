"""Command line: `pipeline run [PATH ...]` and friends."""
from __future__ import annotations

import datetime as dt
import sys

import click

from pipeline.stages import OPTIONAL

EXIT_OK, EXIT_ARTICLES_FAILED, EXIT_INTERRUPTED = 0, 1, 130


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Extract entities, money amounts and dates from Vietnamese/English news dumps into parquet tables."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("-o", "--output", default="output", show_default=True, type=click.Path(file_okay=False),
              help="Folder the tables are written to, one sub-folder of parquet files per table.")
@click.option("--reference-date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Date (YYYY-MM-DD) that relative dates ('next year', 'tháng 5 tới') are resolved "
                   "against when an article has no 'published' date.")
@click.option("--skip", multiple=True, type=click.Choice(OPTIONAL),
              help="Leave out a stage and its table (repeatable), e.g. --skip entities.")
@click.option("-w", "--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the machine's cores); each loads the models once.")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Show a progress bar on standard error.")
def run(paths: tuple[str, ...], output: str, reference_date: dt.datetime | None, skip: tuple[str, ...],
        workers: int | None, progress: bool) -> None:
    """Process articles in PATHS (files or folders, searched recursively; default: raw/).

    Inputs: .txt (one article per file) and .jsonl/.ndjson, optionally gzipped
    (one article per line). Exit status is 0 when every article was processed,
    1 when some failed (they are listed in the documents table with their error).
    """
    from pipeline.runner import run as run_pipeline

    try:
        summary = run_pipeline(list(paths) or ["raw"], output, reference_date=reference_date, skip=skip,
                               workers=workers, progress=progress and sys.stderr.isatty())
    except KeyboardInterrupt:
        click.echo("interrupted: the tables of every finished input file are in place; "
                   "run the same command again to process the rest", err=True)
        sys.exit(EXIT_INTERRUPTED)
    click.echo(summary.render())
    click.echo(f"tables written to {output}/")
    sys.exit(EXIT_ARTICLES_FAILED if summary.failed else EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
