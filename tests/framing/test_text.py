import pytest

from framing.io import load_story_bytes
from framing.text import (
    count_words,
    find_quotes,
    find_words,
    slugify,
    split_sentences,
    tokenize,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Retired Maj. Gen. Khalifa Haftar spoke. He left.",
            ["Retired Maj. Gen. Khalifa Haftar spoke.", "He left."],
        ),
        (
            "The U.N. envoy met him on Feb. 18 in Geneva. Talks resumed.",
            ["The U.N. envoy met him on Feb. 18 in Geneva.", "Talks resumed."],
        ),
        ("U.S. officials agreed. Mr. Smith left.", ["U.S. officials agreed.", "Mr. Smith left."]),
        ("He flew to the U.S. The talks failed.", ["He flew to the U.S.", "The talks failed."]),
        (
            "Dr. Salame said so. Gen. Hifter refused!",
            ["Dr. Salame said so.", "Gen. Hifter refused!"],
        ),
        ("J. R. Smith wrote it. He died.", ["J. R. Smith wrote it.", "He died."]),
        ("Did he sign? No. He left.", ["Did he sign?", "No.", "He left."]),
        ("“We will fight,” he said. “Never.”", ["“We will fight,” he said.", "“Never.”"]),
        ("''We won,'' he said. ''Again.''", ["''We won,'' he said.", "''Again.''"]),
        ("Geneva talks\nThe talks resumed.", ["Geneva talks", "The talks resumed."]),
        ("It rose to 3.5 per cent. Then fell.", ["It rose to 3.5 per cent.", "Then fell."]),
        # negatives: no split before a lower-case word or inside an abbreviation
        ("He said e.g. this. Then that.", ["He said e.g. this.", "Then that."]),
        ("in Jan. 2020 talks began.", ["in Jan. 2020 talks began."]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_split_sentences(text, expected):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    for s in sentences:
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    ("text", "expected_quotes", "closed"),
    [
        ('He said, "We are ready." Then left.', ['"We are ready."'], [True]),
        ("“A ceasefire,” Haftar said.", ["“A ceasefire,”"], [True]),
        ("Il a dit « non » hier.", ["« non »"], [True]),
        ('He said "never\nNext paragraph.', ['"never'], [False]),  # unclosed: ends at paragraph
        ('He said: We will not stay idle. "\nMore.', ['We will not stay idle. "'], [False]),
        ('A "so-called" deal and "another" one.', ['"so-called"', '"another"'], [True, True]),
        ("No quotes at all, only it's and Haftar’s.", [], []),
        ('The "real catastrophe" had a nearby', ['"real catastrophe"'], [True]),
        # the typewriter's marks: two apostrophes, or two backticks to open
        (
            "''We won,'' he said, ``and we will win again.''",
            ["''We won,''", "``and we will win again.''"],
            [True, True],
        ),
        ("The players' union's ''pact'' held.", ["''pact''"], [True]),
        # an opening mark typed where the closing one belongs
        ("“We will fight,“ said Jim. “Never.”", ["“We will fight,“", "“Never.”"], [True, True]),
    ],
)
def test_find_quotes(text, expected_quotes, closed):
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == expected_quotes
    assert [q.closed for q in quotes] == closed


def test_quote_offsets_on_sample(sample_story):
    for article in sample_story.articles:
        for q in find_quotes(article.text):
            assert 0 <= q.start < q.end <= len(article.text)
            assert "\n" not in article.text[q.start : q.end]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Haftar’s forces", ["haftar’s", "forces"]),
        ("so-called Government", ["so-called", "government"]),
        ("cease-fire, 1,000 people", ["cease-fire", "1", "000", "people"]),
        ("—  ", []),
    ],
)
def test_tokenize(text, words):
    assert tokenize(text) == words
    assert count_words(text) == len(words)
    assert [text[a:b].lower() for a, b in find_words(text)] == words


@pytest.mark.parametrize(
    ("text", "default", "slug"),
    [
        ("Fayez al-Sarrāj", "", "fayez-al-sarraj"),
        ("Libya with Gazette", "", "libya-with-gazette"),
        ("  Café — Genève!  ", "", "cafe-geneve"),
        ("Новости Ливии 2020", "", "новости-ливии-2020"),
        ("snake_case_name", "", "snake-case-name"),
        ("Straße", "", "straße"),
        ("!!! ___ ???", "", ""),
        ("", "story", "story"),
    ],
)
def test_slugify(text, default, slug):
    assert slugify(text, default) == slug


def test_story_folders_and_uploads_are_named_by_the_same_slug():
    assert load_story_bytes("Café Genève.txt", b"Haftar spoke.").slug == "cafe-geneve"
