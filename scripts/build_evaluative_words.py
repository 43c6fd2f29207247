"""Build framing/lexicons/general/evaluative_words.csv from two general lexical resources.

- VADER's lexicon (vaderSentiment, MIT): every word of letters (and inner hyphens or
  apostrophes) whose mean valence is at least VADER_MIN in size;
- the subjectivity lexicon of English adjectives by De Smedt & Daelemans (Pattern), as
  TextBlob ships it (``textblob/en/en-sentiment.xml``, licensed PDDL): every adjective
  whose mean subjectivity over its senses is at least SUBJECTIVITY_MIN.

Nothing is taken from annotated evaluation data. Run by hand when a source changes:

    .venv/bin/python scripts/build_evaluative_words.py PATH/TO/textblob-WHEEL-or-en-sentiment.xml
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict
from pathlib import Path

VADER_MIN = 1.5
SUBJECTIVITY_MIN = 0.5
WORD = re.compile(r"[a-z]+(?:[-'][a-z]+)*")
OUT = Path(__file__).resolve().parent.parent / "framing/lexicons/general/evaluative_words.csv"
TEXTBLOB_XML = "textblob/en/en-sentiment.xml"


def _vader() -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return {
        word: valence
        for word, valence in SentimentIntensityAnalyzer().lexicon.items()
        if WORD.fullmatch(word) and abs(valence) >= VADER_MIN
    }


def _subjectivity(source: Path) -> dict[str, tuple[float, float]]:
    """Adjective -> (mean polarity, mean subjectivity) over its senses."""
    if source.suffix == ".whl":
        with zipfile.ZipFile(source) as wheel:
            data = wheel.read(TEXTBLOB_XML)
    else:
        data = source.read_bytes()
    senses: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for word in ET.parse(io.BytesIO(data)).getroot().iter("word"):
        form = word.get("form", "").lower()
        if word.get("pos") == "JJ" and WORD.fullmatch(form):
            senses[form].append((float(word.get("polarity")), float(word.get("subjectivity"))))
    means = {
        form: (sum(p for p, _ in values) / len(values), sum(s for _, s in values) / len(values))
        for form, values in senses.items()
    }
    return {form: ps for form, ps in means.items() if ps[1] >= SUBJECTIVITY_MIN}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("textblob", type=Path, help="TextBlob's wheel or its en-sentiment.xml")
    args = parser.parse_args(argv)
    vader = _vader()
    subjective = _subjectivity(args.textblob)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["word", "vader", "polarity", "subjectivity"])
        for word in sorted(vader.keys() | subjective.keys()):
            polarity, subjectivity = subjective.get(word, (None, None))
            writer.writerow(
                [
                    word,
                    "" if word not in vader else f"{vader[word]:.1f}",
                    "" if polarity is None else f"{polarity:.2f}",
                    "" if subjectivity is None else f"{subjectivity:.2f}",
                ]
            )
    print(f"{OUT}: {len(vader.keys() | subjective.keys())} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
