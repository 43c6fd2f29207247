"""Shared by the benchmarks: build a corpus of real news texts, and run a command in a child
process while measuring its wall time and peak memory."""

from __future__ import annotations

import json
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
PTC_DEFAULT = ROOT.parent / "shared" / "eval" / "ptc" / "train-articles"
SAMPLE_SECONDS = 0.25  # reading PSS costs a little CPU: sample a few times a second


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float  # user + system time of the child and the workers it waited for
    peak_tree_mib: float  # the most the child and its workers held at once (summed PSS)
    peak_process_mib: float  # the largest single process


def write_corpus(ptc: Path, copies: int, target: Path, limit: int | None = None) -> tuple[int, int]:
    """Write ``copies`` copies of every text in ``ptc`` (at most ``limit`` articles) to a JSON
    Lines file; each copy ends with its own sentence, so no cache keyed by a text can help.
    Returns (articles, words), words counted by whitespace."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(ptc.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no .txt files in {ptc}")
    articles = words = 0
    with target.open("w", encoding="utf-8") as handle:
        for copy in range(copies):
            for number, text in enumerate(texts):
                if articles == limit:
                    break
                text = f"{text.rstrip()}\n\nThis is copy {copy + 1} of the benchmark corpus."
                record = {"id": f"{number}-{copy}", "outlet": f"outlet {number % 7}", "text": text}
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                articles += 1
                words += len(text.split())
    return articles, words


def measure(command: list[str]) -> Run:
    """Run ``command``; sample the memory of its whole process tree while it runs (PSS:
    pages forked workers share with their parent count once, not once per process), and
    take the largest single process's peak RSS from the kernel when it ends."""
    start = time.perf_counter()
    child = psutil.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL)
    peak_tree = 0
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        try:
            processes = [child, *child.children(recursive=True)]
            peak_tree = max(peak_tree, sum(p.memory_full_info().pss for p in processes))
        except psutil.Error:  # a worker ended between listing and reading it
            pass
        time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed ({os.waitstatus_to_exitcode(status)}): {' '.join(command)}")
    peak_process = usage.ru_maxrss * 1024  # KiB on Linux; the child or a worker it reaped
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, peak_tree / 2**20, peak_process / 2**20)
