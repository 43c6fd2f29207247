"""`python -m framing analyze|terms|labels PATH`: the stable command-line contract, and
`python -m framing evaluate DATA_DIR`: Slant's scores against public gold data."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import pandas as pd

from framing.analysis import StoryAnalysis, analyze_story, load_story_lexicon
from framing.evaluate import RESULT_SUFFIXES, format_results, score_gold_data, write_results
from framing.io import LoadError, load_story, write_table
from framing.lexicon import LexiconError

EXIT_BAD_INPUT = 2
TABLE_OF_COMMAND = {"analyze": "articles", "terms": "terms", "labels": "labels"}
COMMAND_HELP = {
    "analyze": "one record per article: words, loaded terms, sentiment, readability, tilt",
    "terms": "one record per loaded term or label found (TermHit)",
    "labels": "one record per label an article attaches to an entity",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m framing",
        description="Score how news articles frame a story (Slant).",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for command, help_text in COMMAND_HELP.items():
        p = sub.add_parser(command, help=help_text, description=help_text)
        p.add_argument("path", metavar="PATH", help="story folder, csv/jsonl/parquet, or text file")
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
            help="write to FILE; its extension (.json/.jsonl/.csv/.parquet) sets the format",
        )
        p.add_argument("--debug", action="store_true", help="show tracebacks")
    help_text = "metrics against public gold data (BABE, PTC, NewsMTSC, NewsWCL50), with baselines"
    p = sub.add_parser("evaluate", help=help_text, description=help_text)
    p.add_argument("data_dir", metavar="DATA_DIR", help="folder holding babe/ ptc/ newsmtsc/ ...")
    p.add_argument("--out", metavar="FILE", help="also write the table to FILE (.csv/.json/.md)")
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    return parser


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
    try:
        story = load_story(args.path)
        analysis = analyze_story(story, load_story_lexicon(story, args.lexicon))
        frame = _table(analysis, args.command)
        if args.out:
            write_table(frame, args.out)
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
    for problem in story.skipped:
        print(f"skipped: {problem}", file=sys.stderr)
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    """Print the evaluation table (and write it with --out); 2 for a bad DATA_DIR or FILE."""
    if args.out and not args.out.lower().endswith(RESULT_SUFFIXES):
        print(f"error: {args.out}: use one of {', '.join(RESULT_SUFFIXES)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        evaluation = score_gold_data(args.data_dir)
        if args.out:
            write_results(evaluation.table, args.out)
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
