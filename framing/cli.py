"""`python -m framing analyze|terms|labels|quotes|entities|coverage PATH`: the stable
command-line contract,
`python -m framing stories CORPUS`: a corpus grouped into same-event stories, and
`python -m framing evaluate DATA_DIR`: Slant's scores against public gold data."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pandas as pd

from framing.analysis import DEFAULT_LEXICONS, StoryAnalysis, analyze_story, load_story_lexicon
from framing.batch import ENGINES, analyze_file, score_articles
from framing.evaluate import RESULT_SUFFIXES, format_results, score_gold_data, write_results
from framing.io import (
    BULK_SUFFIXES,
    LoadError,
    describe_formats,
    describe_load,
    describe_table_formats,
    load_story,
    write_table,
)
from framing.lexicon import LexiconError, load_lexicons
from framing.models import LoadProblem
from framing.provenance import add_provenance, describe_provenance
from framing.stories import group_articles, group_file

EXIT_BAD_INPUT = 2
TABLE_OF_COMMAND = {
    "analyze": "articles",
    "terms": "terms",
    "labels": "labels",
    "quotes": "quotes",
    "entities": "entities",
    "coverage": "coverage",
}
COMMAND_HELP = {
    "analyze": "one record per article: words, loaded terms, sentiment, readability, tilt",
    "terms": "one record per loaded term or label found (TermHit)",
    "labels": "one record per label an article attaches to an entity",
    "quotes": "one record per attribution: what was said (direct or indirect), cue, speaker",
    "entities": "one record per entity and article: entity, name, type, aliases, mentions",
    "coverage": "one record per fact and outlet: fact, outlet, present, status (shared, only "
    "here, left out), article_id, start, end, text",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m framing",
        description="Score how news articles frame a story (Slant).",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for command, help_text in COMMAND_HELP.items():
        p = sub.add_parser(command, help=help_text, description=help_text)
        p.add_argument(
            "path", metavar="PATH", help=f"a story folder, or a file: {describe_formats()}"
        )
        p.add_argument(
            "--lexicon",
            action="append",
            default=[],
            metavar="FILE",
            help="extra lexicon CSV (or shipped lexicon name), added to the story's own",
        )
        p.add_argument("--format", choices=["json", "csv"], help="stdout format (default json)")
        p.add_argument(
            "--out",
            metavar="FILE",
            help=f"write to FILE in the format its extension names: {describe_table_formats()}",
        )
        p.add_argument("--debug", action="store_true", help="show tracebacks")
        if command == "analyze":
            _add_batch_options(p)
    help_text = "one record per article with its same-event story (article_id ... story_name)"
    p = sub.add_parser("stories", help=help_text, description=help_text)
    p.add_argument("path", metavar="CORPUS", help="csv/jsonl/parquet (streamed), or story folder")
    p.add_argument("--format", choices=["json", "csv"], help="stdout format (default json)")
    p.add_argument(
        "--out",
        metavar="FILE",
        help="write to FILE; its extension (.json/.jsonl/.csv/.parquet) sets the format",
    )
    p.add_argument(
        "--stories-out",
        metavar="FILE",
        help="also write one record per story (name, first and last date, articles, outlets)",
    )
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    _add_batch_options(p)
    help_text = "metrics against public gold data (BABE, PTC, NewsMTSC, NewsWCL50), with baselines"
    p = sub.add_parser("evaluate", help=help_text, description=help_text)
    p.add_argument("data_dir", metavar="DATA_DIR", help="folder holding babe/ ptc/ newsmtsc/ ...")
    p.add_argument(
        "--out",
        metavar="FILE",
        help=f"also write the table to FILE: {', '.join(RESULT_SUFFIXES)} (Markdown)",
    )
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    return parser


def _add_batch_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: all cores)")
    p.add_argument(
        "--engine",
        choices=ENGINES,
        default="local",
        help="where a bulk file given with --out is scored: local processes or a Dask cluster",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler for --engine dask, e.g. tcp://10.0.0.5:8786 (default: start one)",
    )
    p.add_argument(
        "--resume",
        action="store_true",
        help="bulk file with --out: keep the chunks an interrupted run finished",
    )


def _is_bulk_run(args: argparse.Namespace) -> bool:
    """`analyze BULKFILE --out FILE`: streamed in chunks by framing.batch."""
    path = Path(args.path)
    return bool(args.out) and path.suffix.lower() in BULK_SUFFIXES and path.is_file()


def _analyze_bulk(args: argparse.Namespace) -> int:
    lexicon = load_lexicons([*DEFAULT_LEXICONS, *args.lexicon])
    try:
        result = analyze_file(
            args.path,
            args.out,
            lexicon,
            jobs=args.jobs,
            engine=args.engine,
            scheduler=args.scheduler,
            resume=args.resume,
        )
    except KeyboardInterrupt:
        print("interrupted: run again with --resume to keep the finished chunks", file=sys.stderr)
        return 130
    _report(args.path, result.articles, result.skipped, "row")
    return 0


def _report(name: str, articles: int, problems: Sequence[LoadProblem], unit: str) -> None:
    """On stderr: each row skipped and each note, then how many rows were read, skipped
    and made into articles."""
    for problem in problems:
        print(f"{'skipped' if problem.skipped else 'note'}: {problem}", file=sys.stderr)
    print(describe_load(name, articles, problems, unit), file=sys.stderr)


def _table(analysis: StoryAnalysis, command: str) -> pd.DataFrame:
    return getattr(analysis, TABLE_OF_COMMAND[command])


def _print(frame: pd.DataFrame, fmt: str) -> None:
    if fmt == "csv":
        sys.stdout.write(frame.to_csv(index=False))
    else:
        sys.stdout.write(frame.to_json(orient="records", force_ascii=False, indent=1) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (2 for bad input)."""
    args = _parser().parse_args(argv)
    if args.command == "evaluate":
        return _evaluate(args)
    if args.command == "stories":
        return _stories(args)
    batch_only = args.command == "analyze" and (args.engine == "dask" or args.resume)
    if batch_only and not _is_bulk_run(args):
        print("error: --engine dask and --resume need a bulk file and --out FILE", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        if args.command == "analyze" and _is_bulk_run(args):
            return _analyze_bulk(args)
        story = load_story(args.path)
        lexicon = load_story_lexicon(story, args.lexicon)
        if args.command == "analyze":  # the articles table alone, scored on every core
            frame = score_articles(story.articles, lexicon, args.jobs)
        else:
            frame = _table(analyze_story(story, lexicon), args.command)
        if args.out:
            write_table(add_provenance(frame, describe_provenance(lexicon)), args.out)
        else:
            _print(frame, args.format or "json")
    except (LoadError, LexiconError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        if args.debug:
            raise
        where = error.filename or args.path
        print(f"error: {where}: {error.strerror or error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    path = Path(args.path)
    unit = "input" if path.is_dir() else "row" if path.suffix.lower() in BULK_SUFFIXES else "file"
    _report(args.path, len(story.articles), story.skipped, unit)
    return 0


def _stories(args: argparse.Namespace) -> int:
    """Group a corpus into stories: a bulk file is streamed (framing.stories.group_file), a
    story folder or text file grouped in memory."""
    path = Path(args.path)
    bulk = path.suffix.lower() in BULK_SUFFIXES and path.is_file()
    if (args.engine == "dask" or args.resume) and not bulk:
        print(f"error: {path}: --engine dask and --resume need a bulk file", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        if bulk:
            grouping = group_file(
                path,
                args.out,
                args.stories_out,
                jobs=args.jobs,
                engine=args.engine,
                scheduler=args.scheduler,
                resume=args.resume,
            )
        else:
            story = load_story(path)
            grouping = group_articles(story.articles)
            grouping = replace(grouping, skipped=story.skipped)
            made_by = describe_provenance(None)
            if args.out:
                write_table(add_provenance(grouping.articles, made_by), args.out)
            if args.stories_out:
                write_table(add_provenance(grouping.stories, made_by), args.stories_out)
    except KeyboardInterrupt:
        print("interrupted: run again with --resume to keep the chunks read", file=sys.stderr)
        return 130
    except (LoadError, ValueError) as error:
        if args.debug:
            raise
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        if args.debug:
            raise
        print(f"error: {error.filename or path}: {error.strerror or error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not args.out:
        _print(grouping.articles, args.format or "json")
    unit = "row" if bulk else "input" if path.is_dir() else "file"
    _report(args.path, int(grouping.stories["articles"].sum()), grouping.skipped, unit)
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    """Print the evaluation table (and write it with --out); 2 for a bad DATA_DIR or FILE."""
    if args.out and not args.out.lower().endswith(RESULT_SUFFIXES):
        print(f"error: {args.out}: use one of {', '.join(RESULT_SUFFIXES)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        evaluation = score_gold_data(args.data_dir)
        if args.out:
            write_results(evaluation.table, args.out, evaluation.made_by)
    except (LoadError, LexiconError) as error:
        if args.debug:
            raise
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        if args.debug:
            raise
        print(
            f"error: {error.filename or args.data_dir}: {error.strerror or error}", file=sys.stderr
        )
        return EXIT_BAD_INPUT
    sys.stdout.write(format_results(evaluation.table))
    for name in evaluation.skipped:
        print(f"skipped: {name} (not found in {args.data_dir})", file=sys.stderr)
    seconds = ", ".join(f"{name} {s:.1f}" for name, s in evaluation.seconds.items())
    print(f"seconds: {seconds}", file=sys.stderr)
    return 0
