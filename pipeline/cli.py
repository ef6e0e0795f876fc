"""Command line: `pipeline run [PATH ...]` and friends."""
from __future__ import annotations

import contextlib
import datetime as dt
import signal
import sys
import threading

import click

from pipeline.engines import ENGINES
from pipeline.stages import OPTIONAL

EXIT_OK, EXIT_ARTICLES_FAILED, EXIT_INTERRUPTED = 0, 1, 130


@contextlib.contextmanager
def _interrupt_flag():
    """Ctrl-C (SIGINT) raises KeyboardInterrupt as usual and also sets the flag this yields.

    Some libraries swallow the exception (a bare ``except:`` around an import while a model
    loads): the runner checks the flag between windows of articles, so the run still stops.
    """
    flag = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield flag
        return

    def on_sigint(signum, frame):
        flag.set()
        raise KeyboardInterrupt

    before = signal.signal(signal.SIGINT, on_sigint)
    try:
        yield flag
    finally:
        signal.signal(signal.SIGINT, before)


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
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
              help="local: this machine's cores; dask: a dask.distributed cluster (see --scheduler).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler to use with --engine dask, e.g. tcp://10.0.0.5:8786 "
                   "(default: start a local cluster of --workers processes).")
@click.option("--force", is_flag=True,
              help="Process every article again, even those unchanged since the last run.")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Show a progress bar on standard error.")
def run(paths: tuple[str, ...], output: str, reference_date: dt.datetime | None, skip: tuple[str, ...],
        workers: int | None, engine: str, scheduler: str | None, force: bool, progress: bool) -> None:
    """Process articles in PATHS (files or folders, searched recursively; default: raw/).

    Inputs: .txt (one article per file) and .jsonl/.ndjson, optionally gzipped
    (one article per line). Exit status is 0 when every article was processed,
    1 when some failed (they are listed in the documents table with their error).
    Articles unchanged since the last run into the same OUTPUT are not processed
    again (--force redoes them).
    """
    try:
        with _interrupt_flag() as interrupted:
            from pipeline.runner import run as run_pipeline

            summary = run_pipeline(list(paths) or ["raw"], output, reference_date=reference_date, skip=skip,
                                   workers=workers, engine=engine, scheduler=scheduler, force=force,
                                   progress=progress and sys.stderr.isatty(), stop=interrupted.is_set)
    except (ValueError, OSError) as e:
        raise click.ClickException(str(e)) from e
    except KeyboardInterrupt:
        click.echo("interrupted: the tables of every finished input file are in place; "
                   "run the same command again to process the rest", err=True)
        sys.exit(EXIT_INTERRUPTED)
    click.echo(summary.render())
    click.echo(f"tables written to {output}/")
    sys.exit(EXIT_ARTICLES_FAILED if summary.failed else EXIT_OK)


@main.command()
@click.argument("output", default="output", type=click.Path(file_okay=False))
@click.option("--top", default=8, show_default=True, help="Entities listed per label.")
def inspect(output: str, top: int) -> None:
    """Summarize an OUTPUT folder: documents, top entities with aliases, money, dates."""
    from pipeline.query import inspect as report

    try:
        click.echo(report(output, top=top))
    except FileNotFoundError as e:
        raise click.ClickException(str(e)) from e


@main.command()
@click.argument("query")
@click.option("-o", "--output", default="output", show_default=True, type=click.Path(file_okay=False),
              help="Output folder whose tables are the views of the query.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def sql(query: str, output: str, fmt: str) -> None:
    """Run a DuckDB QUERY over the output tables (one view per table, plus `mentions`)."""
    from pipeline.query import connect

    try:
        con = connect(output)
        result = con.sql(query)
    except FileNotFoundError as e:
        raise click.ClickException(str(e)) from e
    except Exception as e:  # duckdb's errors: bad SQL, unknown table or column
        raise click.ClickException(f"query failed: {e}") from e
    if result is None:
        return
    df = result.df()
    if fmt == "csv":
        click.echo(df.to_csv(index=False), nl=False)
    elif fmt == "json":
        click.echo(df.to_json(orient="records", force_ascii=False, date_format="iso"))
    else:
        import pandas as pd

        with pd.option_context("display.max_rows", 500, "display.max_columns", 50, "display.width", 200,
                               "display.max_colwidth", 60):
            click.echo(df.to_string(index=False) if len(df) else "(no rows)")


if __name__ == "__main__":  # pragma: no cover
    main()
