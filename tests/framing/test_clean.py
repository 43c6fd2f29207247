"""Cleaning: normalisation, page-furniture removal (and what must be kept), honest offsets."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.clean import clean_text, normalize_date
from framing.models import Removal

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "stories" / "libya-ceasefire-2020"
BEFORE = "The talks resumed in Geneva on Thursday."
AFTER = "Both delegations returned to the table."


def sample_body(stem: str) -> str:
    """The seed text of a sample article: the file after its front-matter block."""
    text = (SAMPLE / f"{stem}.txt").read_bytes().decode("utf-8")
    return text.split("\n---\n", 1)[1]


def assert_honest(raw: str, cleaned) -> None:
    """Removals quote the raw text exactly; the cleaned text is the kept raw pieces."""
    for removal in cleaned.removals:
        assert raw[removal.start : removal.end] == removal.text
    normalise = str.maketrans({"\r": "\n", "\u00a0": " ", "\u202f": " ", "\u2028": "\n"})
    pieces = "".join(
        raw[s.raw_start : s.raw_start + s.length].translate(normalise) for s in cleaned.segments
    )
    assert pieces == cleaned.text
    for i, char in enumerate(cleaned.text):
        assert raw[cleaned.to_raw(i)].translate(normalise) == char
    kept = {i for s in cleaned.segments for i in range(s.raw_start, s.raw_start + s.length)}
    for removal in cleaned.removals:
        assert kept.isdisjoint(range(removal.start, removal.end))


# --- furniture lines: removed, with the reason the user sees ----------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("0 $", "currency amounts (donation or price widget)"),
        ("2,500 $", "currency amounts (donation or price widget)"),
        ("€ 15.00", "currency amounts (donation or price widget)"),
        ("12,345", "number-only line"),
        ("6133533390001 8cb9fa1f-36ba-4e78-9930-4ae525979c8d", "embedded media id"),
        ("b5b4d53e-04a0-499c-b3f5-375ed9805252", "embedded media id"),
        ("video", "media placeholder"),
        ("Photo", "media placeholder"),
        ("GALLERY", "media placeholder"),
        ("Click to see full-size image", "image viewer link"),
        ("Click to enlarge", "image viewer link"),
        ("Tap on the photo to view it full screen", "image viewer link"),
        ("Source link", "navigation link"),
        ("Other news", "navigation link"),
        ("Read more »", "navigation link"),
        ("Related articles:", "navigation link"),
        ("• You may also like", "navigation link"),
        ("Read more: Haftar arrives in Moscow for talks", "link to another article"),
        ("Subscribe to receive the most important news", "subscription prompt"),
        ("Sign up for our daily newsletter!", "subscription prompt"),
        ("Share this:", "share buttons"),
        ("Facebook Twitter WhatsApp Email", "share buttons"),
        ("Please enter your comment!", "comment form"),
        ("Please enter your name here", "comment form"),
        ("Please enter your comment! Please enter your name here", "comment form"),
        ("Leave a Reply", "comment form"),
        ("12 comments", "comment form"),
        ("Do you like this content? Consider helping us!", "donation appeal"),
        ("Support us", "donation appeal"),
        ("Donate", "donation appeal"),
        ("Advertisement", "advertisement label"),
        ("Photo: AFP", "photo caption or credit"),
    ],
)
def test_furniture_line_is_removed_with_its_reason(line, reason):
    raw = f"{BEFORE}\n\n{line}\n\n{AFTER}"
    cleaned = clean_text(raw)
    start = raw.index(line)
    assert cleaned.text == f"{BEFORE}\n\n{AFTER}"
    assert cleaned.removals == (Removal(start, start + len(line), line, reason),)


@pytest.mark.parametrize(
    "line",
    [
        "Geneva talks",  # a subhead is the outlet's own text
        "hard mission",
        "Source: Reuters",
        "In 2019",
        "He donated 2,500 $ to the fund.",
        "The video was shared widely on Friday.",
        "Other news outlets reported the same figures.",
        "More than 1,000 people were killed.",
        "Read more about the talks in our report from Berlin, the editor said.",
        "Haftar said he would support us if the talks failed, the mayor told reporters.",
        "Help us save our children",
        '"Do you like this content?" the presenter asked the minister.',
        "The form said: please enter your comment in Arabic or English, and then wait for "
        "the moderators to review it before it is posted on the site.",
        "Subscribers to the agreement include Russia, Turkey, France, Egypt and Germany.",
    ],
)
def test_prose_that_mentions_furniture_words_is_kept(line):
    raw = f"{BEFORE}\n\n{line}\n\n{AFTER}"
    cleaned = clean_text(raw)
    assert cleaned.text == raw
    assert cleaned.removals == ()


@pytest.mark.parametrize(
    ("raw", "text", "removed"),
    [
        (
            "Talks stall\n\nTalks stall\n\nBody text.",
            "Talks stall\n\nBody text.",
            [("Talks stall", "repeated headline")],
        ),
        (
            "Intro.\n\nGeneva talks\n\nText.\n\nGeneva talks\n\nMore.",
            "Intro.\n\nGeneva talks\n\nText.\n\nMore.",
            [("Geneva talks", "repeated line")],
        ),
        # a long paragraph said twice is text, not a headline: both stay
        (
            "Intro.\n\n" + "Long paragraph words here. " * 10 + "\n\n" + "Long paragraph words "
            "here. " * 10,
            "Intro.\n\n" + ("Long paragraph words here. " * 10).strip() + "\n\n"
            "" + ("Long paragraph words here. " * 10).strip(),
            [],
        ),
        # not an exact repeat
        ("Talks stall\n\nTALKS STALL\n\nBody.", "Talks stall\n\nTALKS STALL\n\nBody.", []),
        # a speaker tag, a separator or a number may come back
        ("Q:\nFirst answer.\n\nQ:\nSecond answer.", "Q:\nFirst answer.\n\nQ:\nSecond answer.", []),
        (
            "One.\n\n* * *\n\nTwo.\n\n* * *\n\nThree.",
            "One.\n\n* * *\n\nTwo.\n\n* * *\n\nThree.",
            [],
        ),
        # furniture glued after the last sentence on the same line
        (
            "Body text.\n\nShoigu met Haftar in Idlib. Other news",
            "Body text.\n\nShoigu met Haftar in Idlib.",
            [("Other news", "navigation link")],
        ),
        (
            "Body text. Read more: Haftar in Moscow",
            "Body text.",
            [("Read more: Haftar in Moscow", "link to another article")],
        ),
        # ... but only at the very end of the text
        (
            "Body text. Other news\n\nMore body text.",
            "Body text. Other news\n\nMore body text.",
            [],
        ),
    ],
)
def test_repeats_and_glued_furniture(raw, text, removed):
    cleaned = clean_text(raw)
    assert cleaned.text == text
    assert [(r.text, r.reason) for r in cleaned.removals] == removed
    assert_honest(raw, cleaned)


# --- dateline ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "text", "date", "token"),
    [
        (" date 2020-02-22 Libyan Field Marshal said.", "Libyan Field Marshal said.", "2020-02-22",
         "date 2020-02-22"),
        ("Published: 22 February 2020\n\nText here.", "Text here.", "2020-02-22",
         "Published: 22 February 2020"),
        ("Feb. 22, 2020 - Text here.", "Text here.", "2020-02-22", "Feb. 22, 2020 -"),
        ("2020-02-22T08:30:00Z\nText here.", "Text here.", "2020-02-22", "2020-02-22T08:30:00Z"),
        ("2020 was a hard year.", "2020 was a hard year.", "", None),
        ("The date 2020-02-22 was set.", "The date 2020-02-22 was set.", "", None),
        ("Published by the ministry.", "Published by the ministry.", "", None),
    ],
)  # fmt: skip
def test_leading_dateline_is_removed_and_its_date_exposed(raw, text, date, token):
    cleaned = clean_text(raw)
    assert cleaned.text == text
    assert cleaned.date == date
    expected = [(token, "dateline metadata")] if token else []
    assert [(r.text, r.reason) for r in cleaned.removals] == expected
    assert_honest(raw, cleaned)


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2020-02-22", "2020-02-22"),
        ("2020-2-3", "2020-02-03"),
        ("2020-02", "2020-02"),
        ("2020", "2020"),
        ("2020-02-22T10:00:00+02:00", "2020-02-22"),
        ("2020-02-22 10:00:00", "2020-02-22"),
        ("22 February 2020", "2020-02-22"),
        ("19th Feb 2020", "2020-02-19"),
        ("Feb. 22, 2020", "2020-02-22"),
        ("September 2020", "2020-09"),
        ("2020-02-30", ""),
        ("2020-13", ""),
        ("02/03/2020", ""),
        ("2020 was", ""),
        ("someday", ""),
        ("", ""),
    ],
)
def test_normalize_date(value, iso):
    assert normalize_date(value) == iso


# --- per-character normalisation --------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("One.\r\nTwo.\rThree.", "One.\nTwo.\nThree."),
        ("Field\u00a0Marshal and\u202fGNA", "Field Marshal and GNA"),
        ("\ufeffcease\u200bfire and cease\u00adfire", "ceasefire and ceasefire"),
        ("One.\u2028Two.", "One.\nTwo."),
        ("One.\n\n\n\n\nTwo.", "One.\n\nTwo."),
        ("One.\n  \n \t\nTwo.", "One.\n\nTwo."),
        ("One.\n\nTwo.", "One.\n\nTwo."),
        ("  \n\n  One.\nTwo.  \n\n", "One.\nTwo."),
        ("", ""),
        ("   \n  ", ""),
    ],
)
def test_normalisation(raw, text):
    cleaned = clean_text(raw)
    assert cleaned.text == text
    assert cleaned.removals == ()
    assert_honest(raw, cleaned)


def test_to_raw_maps_through_dropped_characters_and_rejects_outside_offsets():
    raw = "A\r\nB\u200bC\n\nvideo\n\nD"
    cleaned = clean_text(raw)
    assert cleaned.text == "A\nBC\n\nD"
    assert [raw[cleaned.to_raw(i)] for i in range(len(cleaned.text))] == list("A\nBC\n\nD")
    assert cleaned.to_raw(len(cleaned.text)) == len(raw)
    assert cleaned.span_to_raw(2, 4) == (3, 6)  # "BC" spans the zero-width space
    with pytest.raises(ValueError):
        cleaned.to_raw(len(cleaned.text) + 1)


# --- the five sample texts --------------------------------------------------------------

SEEDS = {
    "000_027106809507258a": (
        [
            (
                "6133533390001 8cb9fa1f-36ba-4e78-9930-4ae525979c8d "
                "b5b4d53e-04a0-499c-b3f5-375ed9805252",
                "embedded media id",
            ),
            ("video", "media placeholder"),
        ],
        [
            "\n\nGeneva talks\nThe retired Major General indicated",
            "\n\nhard mission\nGhassan Salama",
            "under the supervision of the United Nations.\n\nThe Al-Wefaq government had",
        ],
    ),
    "001_1772dae4bc28885f": (
        [("Other news", "navigation link")],
        ["Hafter: We are ready for cease-fire, only if Turkey, mercenaries withdraw\n\n"],
    ),
    "002_a1013574c7223587": (
        [("date 2020-02-22", "dateline metadata")],
        ["Libyan Field Marshal and rebel leader Khalifa Haftar has said"],
    ),
    "003_f367c8387075aa97": (
        [
            ("Subscribe to receive the most important news", "subscription prompt"),
            ("Source link", "navigation link"),
            ("Please enter your comment!", "comment form"),
            ("Please enter your name here", "comment form"),
        ],
        [
            "without signing the ceasefire\n\nSputnik news agency quoted",
            "with our Turkish and Russian friends.”",
        ],
    ),
    "004_fa847d10f1cc010e": (
        [
            ("0 $", "currency amounts (donation or price widget)"),
            ("2,500 $", "currency amounts (donation or price widget)"),
            ("5,000 $", "currency amounts (donation or price widget)"),
            ("115 $", "currency amounts (donation or price widget)"),
            (
                "Field Marshal Haftar Met With Russian Defense Minister, Following Failed "
                "Inter-Libya Peace Talks",
                "repeated headline",
            ),
            ("Click to see full-size image", "image viewer link"),
            ("Do you like this content? Consider helping us!", "donation appeal"),
        ],
        ["Peace Talks\n\nRussian Defense Minister Sergey Shoigu met", "“lasting ceasefire”."],
    ),
}


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_sample_text_furniture(stem):
    removed, kept = SEEDS[stem]
    raw = sample_body(stem)
    cleaned = clean_text(raw)
    assert [(r.text, r.reason) for r in cleaned.removals] == removed
    for passage in kept:
        assert passage in cleaned.text
    assert_honest(raw, cleaned)
    # every paragraph of the raw text that is not furniture survives word for word
    furniture = {r.text for r in cleaned.removals}
    for paragraph in raw.split("\n"):
        if paragraph.strip() and paragraph.strip() not in furniture:
            assert paragraph.replace("date 2020-02-22 ", "").strip() in cleaned.text


def test_sample_headline_repeat_leaves_exactly_one_copy():
    cleaned = clean_text(sample_body("004_fa847d10f1cc010e"))
    headline = "Field Marshal Haftar Met With Russian Defense Minister"
    assert cleaned.text.count(headline) == 1
    assert cleaned.text.startswith(headline)


def test_sample_dateline_gives_the_date():
    assert clean_text(sample_body("002_a1013574c7223587")).date == "2020-02-22"
    assert clean_text(sample_body("000_027106809507258a")).date == ""


# --- offsets stay honest on any input ---------------------------------------------------

_PIECES = st.sampled_from(
    ["word", " ", "\n", "\r\n", "\r", "\u00a0", "\u200b", "\ufeff", "\u2028", "Other news",
     "video", "0 $", "Talks stall", "date 2020-02-22", ". ", "Read more", "\n\n\n"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_offsets_are_honest_on_generated_text(pieces):
    raw = "".join(pieces)
    cleaned = clean_text(raw)
    assert_honest(raw, cleaned)
    assert cleaned.text == cleaned.text.strip()
    assert "\n\n\n" not in cleaned.text
    assert " \n" not in cleaned.text
