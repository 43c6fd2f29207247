"""Peak memory of `python -m framing analyze BIG.jsonl --out scores.parquet` on a large file.

Writes ``--articles`` articles (default 100,000: the PTC news texts over and over, each copy
ending in its own sentence) to a JSON Lines file, runs the command in a child process and
samples the memory of the child and its worker processes until it ends:

    .venv/bin/python benchmarks/stream_memory.py [--articles 100000] [--jobs N] [--keep DIR]

Streaming in chunks keeps memory flat: the figure should not grow with the file.
Not a test: nothing here asserts a time or a size.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import pyarrow.parquet as pq
from _measure import PTC_DEFAULT, measure, write_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ptc", type=Path, default=PTC_DEFAULT, help="folder of PTC .txt files")
    parser.add_argument("--articles", type=int, default=100_000, help="articles to generate")
    parser.add_argument("--jobs", type=int, default=0, help="--jobs for Slant (0: all cores)")
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        corpus, out = folder / "big.jsonl", folder / "scores.parquet"
        texts = len(list(args.ptc.glob("*.txt")))
        articles, words = write_corpus(args.ptc, -(-args.articles // texts), corpus, args.articles)
        command = [sys.executable, "-m", "framing", "analyze", str(corpus), "--out", str(out)]
        run = measure([*command, "--jobs", str(args.jobs)])
        rows = pq.ParquetFile(out).metadata.num_rows
        size = corpus.stat().st_size / 2**20
    print(f"input: {articles:,} articles, {words:,} words, {size:,.0f} MiB of JSON Lines")
    rate = articles / run.seconds
    print(f"output: {rows:,} rows in {run.seconds:,.0f} s ({rate:,.1f} articles/s)")
    print(f"peak memory: {run.peak_tree_mib:,.0f} MiB for all processes together (PSS), "
          f"{run.peak_process_mib:,.0f} MiB for the largest one (RSS)")  # fmt: skip


if __name__ == "__main__":
    main()
