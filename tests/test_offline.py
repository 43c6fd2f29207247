"""Proof that scoring fetches nothing: sentiment and readability run with the network blocked
and NLTK pointed at an empty folder, in a fresh interpreter so no cache can hide a download.
"""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Runs first in the child: every socket, DNS lookup and connection attempt raises, and NLTK
# may only look in the empty folder given as NLTK_DATA.
SANDBOX = """
import os, socket

def _refuse(*args, **kwargs):
    raise OSError("network blocked by tests/test_offline.py")

class _BlockedSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        _refuse()

socket.socket = _BlockedSocket
socket.create_connection = _refuse
socket.getaddrinfo = _refuse

import nltk
nltk.data.path[:] = [os.environ["NLTK_DATA"]]
"""

SCORE = """
import ast
import json
from framing.readability import score_readability
from framing.sentiment import score_sentences

sentences = [
    "Maj. Gen. Khalifa Haftar rejected the U.N. proposal on Feb. 18 in Benghazi.",
    "Forces loyal to the internationally recognised government held their positions.",
    "Residents said they were terrified but hopeful.",
]
print(json.dumps({"readability": score_readability(sentences),
                  "compounds": score_sentences(sentences)}))
"""

TEXTSTAT_AS_SHIPPED = """
import textstat
textstat.flesch_reading_ease("Forces loyal to the government held their positions.")
"""


def _run_sandboxed(code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    nltk_data = tmp_path / "nltk_data"
    nltk_data.mkdir()
    env = {
        **os.environ,
        "NLTK_DATA": str(nltk_data),
        "HOME": str(tmp_path),
        "PYTHONPATH": str(REPO),
    }
    return subprocess.run(
        [sys.executable, "-c", SANDBOX + code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_scoring_runs_with_network_blocked_and_no_nltk_data(tmp_path):
    result = _run_sandboxed(SCORE, tmp_path)
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["readability"]["sentences"] == 3
    assert scores["readability"]["words"] == 30
    assert scores["readability"]["flesch_reading_ease"] < 100
    assert len(scores["compounds"]) == 3
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["nltk_data"]  # nothing written


def test_sandbox_catches_textstats_own_download(tmp_path):
    # Control: textstat without framing.readability wants NLTK's cmudict and cannot get it,
    # so the test above would fail if our offline dictionary were not in place.
    result = _run_sandboxed(TEXTSTAT_AS_SHIPPED, tmp_path)
    assert result.returncode != 0
    assert "LookupError" in result.stderr and "cmudict" in result.stderr


NETWORK_MODULES = ("socket", "urllib", "urllib3", "http", "requests", "ssl", "ipaddress")
# Splitting a web address into its parts is string work: it opens nothing.
STRING_ONLY = ("urllib.parse",)


def test_the_library_imports_no_network_module():
    """framing/ never touches the network: fetching a page (and checking its address) is
    the dashboard's (ui/fetch.py)."""
    found = []
    for path in sorted((REPO / "framing").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            found += [f"{path.relative_to(REPO)}: {n}" for n in names
                      if n.split(".")[0] in NETWORK_MODULES and n not in STRING_ONLY]  # fmt: skip
    assert found == []
