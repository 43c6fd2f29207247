"""VADER's compound score, computed exactly as vaderSentiment 3.3.2's polarity_scores
computes it, without its per-word rescans of the sentence (it lower-cases every word of the
sentence four times for each sentiment word, and copies the negation list for every check).
About three times faster; tests/framing/test_vader_fast.py checks equality with the library.
Tied to vaderSentiment==3.3.2 (requirements.txt pins it).
"""

from vaderSentiment import vaderSentiment as vader

_NEGATE = frozenset(vader.NEGATE)


def _negated(word_lower: str) -> bool:
    """vader.negated([word]) for one already lower-cased word."""
    word = word_lower.lower()
    return word in _NEGATE or "n't" in word


def _special_idioms(valence: float, lowers: list[str], i: int) -> float:
    """vader's _special_idioms_check, on the lower-cased words."""
    onezero = f"{lowers[i - 1]} {lowers[i]}"
    twoonezero = f"{lowers[i - 2]} {lowers[i - 1]} {lowers[i]}"
    twoone = f"{lowers[i - 2]} {lowers[i - 1]}"
    threetwoone = f"{lowers[i - 3]} {lowers[i - 2]} {lowers[i - 1]}"
    threetwo = f"{lowers[i - 3]} {lowers[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in vader.SPECIAL_CASES:
            valence = vader.SPECIAL_CASES[seq]
            break
    if len(lowers) - 1 > i:
        zeroone = f"{lowers[i]} {lowers[i + 1]}"
        if zeroone in vader.SPECIAL_CASES:
            valence = vader.SPECIAL_CASES[zeroone]
    if len(lowers) - 1 > i + 1:
        zeroonetwo = f"{lowers[i]} {lowers[i + 1]} {lowers[i + 2]}"
        if zeroonetwo in vader.SPECIAL_CASES:
            valence = vader.SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in vader.BOOSTER_DICT:
            valence = valence + vader.BOOSTER_DICT[n_gram]
    return valence


def _negation(valence: float, lowers: list[str], start_i: int, i: int) -> float:
    """vader's _negation_check, on the lower-cased words."""
    if start_i == 0:
        if _negated(lowers[i - 1]):
            valence = valence * vader.N_SCALAR
    elif start_i == 1:
        if lowers[i - 2] == "never" and (lowers[i - 1] == "so" or lowers[i - 1] == "this"):
            valence = valence * 1.25
        elif lowers[i - 2] == "without" and lowers[i - 1] == "doubt":
            pass
        elif _negated(lowers[i - 2]):
            valence = valence * vader.N_SCALAR
    else:
        if (
            lowers[i - 3] == "never"
            and (lowers[i - 2] == "so" or lowers[i - 2] == "this")
            or (lowers[i - 1] == "so" or lowers[i - 1] == "this")
        ):
            valence = valence * 1.25
        elif lowers[i - 3] == "without" and (lowers[i - 2] == "doubt" or lowers[i - 1] == "doubt"):
            pass
        elif _negated(lowers[i - 3]):
            valence = valence * vader.N_SCALAR
    return valence


def _valence(
    analyzer: vader.SentimentIntensityAnalyzer,
    words: list[str],
    lowers: list[str],
    i: int,
    is_cap_diff: bool,
) -> float:
    """vader's sentiment_valence for word i (0 for a word not in the lexicon)."""
    lexicon = analyzer.lexicon
    item, item_lower = words[i], lowers[i]
    if item_lower not in lexicon:
        return 0
    valence = lexicon[item_lower]
    if item_lower == "no" and i != len(words) - 1 and lowers[i + 1] in lexicon:
        valence = 0.0
    if (
        (i > 0 and lowers[i - 1] == "no")
        or (i > 1 and lowers[i - 2] == "no")
        or (i > 2 and lowers[i - 3] == "no" and lowers[i - 1] in ["or", "nor"])
    ):
        valence = lexicon[item_lower] * vader.N_SCALAR
    if item.isupper() and is_cap_diff:
        if valence > 0:
            valence += vader.C_INCR
        else:
            valence -= vader.C_INCR
    for start_i in range(0, 3):
        if i > start_i and lowers[i - (start_i + 1)] not in lexicon:
            s = vader.scalar_inc_dec(words[i - (start_i + 1)], valence, is_cap_diff)
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            valence = _negation(valence, lowers, start_i, i)
            if start_i == 2:
                valence = _special_idioms(valence, lowers, i)
    # vader's _least_check
    if i > 1 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
        if lowers[i - 2] != "at" and lowers[i - 2] != "very":
            valence = valence * vader.N_SCALAR
    elif i > 0 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
        valence = valence * vader.N_SCALAR
    return valence


def _describe_emojis(analyzer: vader.SentimentIntensityAnalyzer, text: str) -> str:
    """VADER's emoji replacement (each emoji by its description, spaced as polarity_scores
    spaces it), built in a list rather than by repeated string concatenation."""
    parts: list[str] = []
    prev_space = True
    for char in text:
        if char in analyzer.emojis:
            if not prev_space:
                parts.append(" ")
            parts.append(analyzer.emojis[char])
            prev_space = False
        else:
            parts.append(char)
            prev_space = char == " "
    return "".join(parts)


def compound(analyzer: vader.SentimentIntensityAnalyzer, text: str) -> float:
    """analyzer.polarity_scores(text)["compound"], computed the same way, faster."""
    if not analyzer.emojis.keys().isdisjoint(text):
        text = _describe_emojis(analyzer, text)
    text = text.strip()
    words = vader.SentiText(text).words_and_emoticons
    is_cap_diff = vader.allcap_differential(words)
    lowers = [w.lower() for w in words]
    sentiments = []
    last = len(words) - 1
    for i, item_lower in enumerate(lowers):
        if item_lower in vader.BOOSTER_DICT or (
            i < last and item_lower == "kind" and lowers[i + 1] == "of"
        ):
            sentiments.append(0)
        else:
            sentiments.append(_valence(analyzer, words, lowers, i, is_cap_diff))
    if "but" in lowers:
        sentiments = analyzer._but_check(words, sentiments)
    if not sentiments:
        return 0.0
    sum_s = float(sum(sentiments))
    punct_emph_amplifier = analyzer._punctuation_emphasis(text)
    if sum_s > 0:
        sum_s += punct_emph_amplifier
    elif sum_s < 0:
        sum_s -= punct_emph_amplifier
    return round(vader.normalize(sum_s), 4)
