"""Labels (framing.entities.labels): what each article calls each entity."""

import math

import pytest
from entities_helpers import LEXICON, known_labels, labels_of, make_article, make_label

from framing.entities import (
    build_label_table,
    find_labels,
    score_label_spread,
)
from framing.entities.labels import _resolve_bare
from framing.entities.names import _Bare
from framing.reading import read_text
from framing.terms import find_actor_mentions
from framing.voices import find_attributions, resolve_speakers


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        ("000", {"Retired Libyan Major General", "retired Major General"}),
        ("001", {"Libyan army commander"}),
        ("002", {"Libyan Field Marshal", "rebel leader"}),
        ("003", {"Field Marshal", "Libyan Army Commander-in-Chief"}),
        ("004", {"Field Marshal"}),
    ],
)
def test_sample_haftar_labels_per_outlet(sample_labels, article, expected):
    labels, names = sample_labels
    found = {
        lab.label
        for lab in labels
        if lab.article_id.startswith(article) and names[lab.entity] == "Khalifa Haftar"
    }
    assert expected <= found


@pytest.mark.parametrize(
    ("name", "label", "source"),
    [
        ("Erdogan", "Turkish President", "title"),
        ("Salame", "UN special envoy", "appositive"),
        ("Salame", "UN mediator", "title"),
        ("Libyan National Army", "eastern-based", "possessive"),
        ("Government of National Accord", "so-called", "modifier"),
        ("Haftar", "retired Major General", "bare_reference"),
        ("Mashri", "head of the Supreme Council for the Al-Wefaq Government", "appositive"),
    ],
)
def test_sample_label_rules(sample_labels, name, label, source):
    labels, names = sample_labels
    assert any(
        name in names[lab.entity] and lab.label == label and lab.source == source for lab in labels
    )


def test_sample_labels_point_at_their_words(sample_story, sample_labels):
    texts = {a.id: a.text for a in sample_story.articles}
    labels, _ = sample_labels
    assert labels
    for lab in labels:
        assert texts[lab.article_id][lab.start : lab.end] == lab.label


def test_sample_with_lexicon_uses_actor_ids_and_valences(sample_story, sample_lexicon):
    labels, names = find_labels(sample_story.articles, sample_lexicon)
    by_label = {(lab.entity, lab.label): lab for lab in labels}
    assert names["haftar"] == "Khalifa Haftar"
    assert by_label[("haftar", "rebel leader")].valence == -1
    assert by_label[("haftar", "Field Marshal")].valence == 1
    assert by_label[("gna", "so-called")].valence == -2
    assert by_label[("haftar", "Libyan army commander")].valence == 1


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "Turkish President Recep Tayyip Erdogan spoke on Friday.",
            "Erdogan",
            ["Turkish President"],
        ),
        ("UN mediator Ghassan Salame said the talks resumed.", "Salame", ["UN mediator"]),
        (
            "Ghassan Salama, the UN special envoy to Libya, said the mission was hard.",
            "Salama",
            ["UN special envoy"],
        ),
        (
            "The Libyan army commander, Khalifa Haftar, said he was ready.",
            "Haftar",
            ["Libyan army commander"],
        ),
        (
            "Libyan Field Marshal and rebel leader Khalifa Haftar has said he would be ready.",
            "Haftar",
            ["Libyan Field Marshal", "rebel leader"],
        ),
        (
            "Haftar's eastern-based Libyan National Army (LNA) attacked the port.",
            "Libyan National Army",
            ["eastern-based"],
        ),
        (
            "Officials met the so-called Government of National Accord (GNA) in Rome.",
            "Government of National Accord",
            ["so-called"],
        ),
        (
            "Prime Minister Fayez al-Serraj signed a deal. Reporters asked Serraj about it.",
            "Serraj",
            ["Prime Minister"],
        ),
        (
            "The minister of foreign affairs, Mohamed Siala, flew to Rome.",
            "Siala",
            ["minister of foreign affairs"],
        ),
        (
            "The Russian Minister of Defense Sergey Shoigu met Khalifa Haftar.",
            "Shoigu",
            ["Russian Minister of Defense"],
        ),
        (
            "Retired Major General Khalifa Haftar spoke. The retired Major General said more.",
            "Haftar",
            ["Retired Major General", "retired Major General"],
        ),
        # negatives: a verb before a name is no label, nor a noun before a capitalised title
        ("Shoigu met Khalifa Haftar in Moscow.", "Haftar", []),
        ("They waited for the decision President Donald Trump would take.", "Trump", ["President"]),
        ("Mr. Kim Jong Un arrived.", "Kim", []),
        ("The army killed Libyan leader Muammar al-Gaddafi in 2011.", "Gaddafi", ["Libyan leader"]),
    ],
)
def test_label_rules(text, name, expected):
    labels, names = find_labels([make_article(text)])
    assert labels_of(labels, names, name) == expected


def test_bare_reference_prefers_the_closest_known_wording():
    text = (
        "President Donald Trump met French President Emmanuel Macron. President Trump spoke. "
        "Later the French president left and the president stayed."
    )
    labels, names = find_labels([make_article(text)])
    bare = {(lab.label, names[lab.entity]) for lab in labels if lab.source == "bare_reference"}
    assert bare == {("French president", "Emmanuel Macron"), ("president", "Donald Trump")}


# (description, known labels, the article's mentions (start, entity), entity it stands for)
GOLDEN_BARE = [
    # The closest wording wins, however often the other is used.
    ("French president", [("trump", "President"), ("trump", "President"),
                          ("macron", "French President")], [(0, "trump"), (5, "macron")], "macron"),
    # Equal wording: the one the story gives the head word most often.
    ("president", [("trump", "President"), ("trump", "President"), ("macron", "President")],
     [(0, "trump"), (5, "macron")], "trump"),
    # Equal wording and uses: the one mentioned last before the description.
    ("president", [("trump", "President"), ("macron", "President")],
     [(0, "trump"), (5, "macron"), (200, "trump")], "macron"),
    ("president", [("trump", "President"), ("macron", "President")],
     [(200, "trump"), (300, "macron")], None),  # neither is mentioned before it
    # Only entities the article mentions count.
    ("president", [("trump", "President"), ("trump", "President"), ("macron", "President")],
     [(5, "macron")], "macron"),
    ("president", [("trump", "President")], [(5, "macron")], None),
    ("envoy", [("trump", "President")], [(0, "trump")], None),  # no label with its head
]  # fmt: skip


@pytest.mark.parametrize(("description", "labels", "mentions", "expected"), GOLDEN_BARE)
def test_resolve_bare_golden(description, labels, mentions, expected):
    words = description.lower().split()
    bare = _Bare(100, 100 + len(description), words[-1], frozenset(words), False)
    assert _resolve_bare(bare, known_labels(*labels), mentions) == expected


def test_bare_reference_needs_a_known_label():
    labels, _ = find_labels([make_article("Khalifa Haftar spoke. The retired Major General left.")])
    assert labels == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the rules miss a lone story-lexicon label; the lexicon scan finds it
        ("Khalifa Haftar spoke. Critics call him a warlord.", [("warlord", -2, "lexicon")]),
        # a definite description the lexicon pins to him
        ("Khalifa Haftar spoke. The warlord left.", [("warlord", -2, "bare_reference")]),
        ("Rebel leader Khalifa Haftar spoke.", [("Rebel leader", -1, "title")]),
        ("The rebel leader Khalifa Haftar spoke.", [("rebel leader", -1, "title")]),
        # a label inside a longer word is not matched, nor without the actor in the article
        ("Khalifa Haftar spoke of the Marshall Plan and of warlords.", []),
        ("Critics call him a warlord.", []),
        # an unknown descriptor has no valence
        ("Libyan strongman Khalifa Haftar spoke.", [("Libyan strongman", None, "title")]),
    ],
)
def test_lexicon_labels_and_valence(text, expected):
    labels, _ = find_labels([make_article(text)], LEXICON)
    assert [(lab.label, lab.valence, lab.source) for lab in labels] == expected
    assert all(lab.entity == "haftar" for lab in labels)


def test_label_in_quote_has_speaker():
    text = 'The GNA said: "We will not talk to the warlord Khalifa Haftar."'
    article = make_article(text)
    speech = find_attributions(read_text(text))
    speech = resolve_speakers(speech, find_actor_mentions(article, LEXICON, speech), text)
    labels, _ = find_labels([article], LEXICON, speech=[speech])
    assert [(lab.label, lab.in_quote, lab.speaker) for lab in labels] == [("warlord", True, "GNA")]
    labels, _ = find_labels([article], LEXICON)  # without speech: the outlet's voice
    assert [(lab.label, lab.in_quote) for lab in labels] == [("warlord", False)]


@pytest.mark.parametrize(
    ("sets", "n_outlets", "expected"),
    [
        ({"A": {"field marshal"}, "B": {"field marshal"}}, 2, 0.0),
        ({"A": {"field marshal"}, "B": {"rebel leader"}}, 2, 1.0),
        ({"A": {"field marshal"}, "B": {"rebel leader"}}, 4, 0.5),
        ({"A": {"field marshal", "rebel leader"}, "B": {"rebel leader"}}, 2, 0.5),
        ({"A": {"field marshal"}}, 3, 0.0),
        ({"A": {"field marshal"}, "B": set()}, 2, 0.0),
    ],
)
def test_score_label_spread(sets, n_outlets, expected):
    assert score_label_spread(sets, n_outlets) == pytest.approx(expected)


def test_build_label_table():
    labels = [
        make_label("haftar", "A", "Field Marshal", 1),
        make_label("haftar", "A", "field marshal", 1),
        make_label("haftar", "A", "rebel leader", -1),
        make_label("haftar", "B", "Field Marshal", 1),
        make_label("salame", "A", "UN envoy", None),
        make_label("salame", "B", "UN mediator", None),
    ]
    table = build_label_table(labels, {"haftar": "Khalifa Haftar", "salame": "Ghassan Salame"})
    assert list(table.columns) == [
        "entity", "entity_name", "outlet", "labels", "n_labels", "n_unknown", "mean_valence",
        "spread",
    ]  # fmt: skip
    rows = {(r.entity, r.outlet): r for r in table.itertuples()}
    assert rows[("haftar", "A")].labels == "Field Marshal (2); rebel leader (1)"
    assert rows[("haftar", "A")].n_labels == 3
    assert rows[("haftar", "A")].mean_valence == pytest.approx(1 / 3)
    assert rows[("salame", "B")].n_unknown == 1
    assert math.isnan(rows[("salame", "B")].mean_valence)
    # Salame is named differently by every outlet, Haftar half the same: Salame first.
    assert list(table["entity"]) == ["salame", "salame", "haftar", "haftar"]
    assert table["spread"].tolist() == pytest.approx([1.0, 1.0, 0.5, 0.5])


def test_build_label_table_empty():
    table = build_label_table([], {})
    assert table.empty and "spread" in table.columns


# (text, [(label, its entity)]): predicate nominals whose subject is a name, from the parse
GOLDEN_PREDICATES = [
    ("Khalifa Haftar is a warlord.", [("warlord", "khalifa-haftar")]),
    (
        "Ana Ruiz, who is a longtime critic of the mayor, spoke.",
        [("longtime critic of the mayor", "ana-ruiz")],
    ),
    (
        "Ida Varga remains the leader of the opposition.",
        [("leader of the opposition", "ida-varga")],
    ),
    ("Tom Berg became Ana Ruiz's closest adviser.", [("Ana Ruiz's closest adviser", "tom-berg")]),
    # negatives: negated; a head that names no role; a subject that is no name
    ("Tom Berg is not a dictator.", []),
    ("Tom Berg is the reason for the delay.", []),
    ("The deal is a disaster for the region.", []),
]


@pytest.mark.parametrize(("text", "expected"), GOLDEN_PREDICATES)
def test_predicate_labels_from_the_parse(text, expected):
    labels, _ = find_labels([make_article(text)], docs=[read_text(text).doc])
    found = [(lab.label, lab.entity) for lab in labels if lab.source == "predicate"]
    assert found == expected
    assert all(text[lab.start : lab.end] == lab.label for lab in labels)


def test_no_predicate_labels_without_a_parse():
    labels, _ = find_labels([make_article("Khalifa Haftar is a warlord.")])
    assert not [lab for lab in labels if lab.source == "predicate"]


def test_a_role_goes_to_the_person_this_article_titles_so():
    articles = [
        make_article("Gov. Mike Pence signed the law in Ostland. The governor defended it."),
        make_article(
            "Gov. Ana Pellham vetoed a similar bill. The governor said it was flawed. "
            "Mike Pence praised the law.",
            "a2",
            "Outlet B",
        ),
        make_article("Mike Pence, the governor, spoke. The governor left.", "a3", "Outlet C"),
    ]
    labels, names = find_labels(articles)
    bare = {(lab.article_id, names[lab.entity]) for lab in labels if lab.source == "bare_reference"}
    assert bare == {("a1", "Mike Pence"), ("a2", "Ana Pellham"), ("a3", "Mike Pence")}


# (text, [(label, source, entity)]) with each article's parse; invented people, named so
# that spaCy's small English model tags them as people.
GOLDEN_PARSED_LABELS = [
    # an appositive noun phrase after a name and a comma, a role noun at its head
    (
        "Mr. Walter Brandt, a vocal critic of the mayor, spoke.",
        [("vocal critic of the mayor", "appositive", "walter-brandt")],
    ),
    (
        "Walter Brandt, a leading voice of conservative support, spoke.",
        [("leading voice of conservative support", "appositive", "walter-brandt")],
    ),
    # what a naming verb calls a name, also through "whom"
    (
        'Walter Brandt referred to Tom Berg as "Little Rocket."',
        [("Little Rocket", "named", "tom-berg")],
    ),
    (
        'Tom Berg met Walter Brandt, whom he described as a "truly fine gentleman."',
        [("truly fine gentleman", "named", "walter-brandt")],
    ),
    # the role a name acts as
    (
        "Walter Brandt came to Ostland as the emissary of the allies.",
        [("emissary of the allies", "role", "walter-brandt")],
    ),
    # a plural that stands for the two people its sentence and the one before name
    (
        "Walter Brandt met Tom Berg on Monday. The two leaders spoke for an hour.",
        [("The two leaders", "plural", "tom-berg"), ("The two leaders", "plural", "walter-brandt")],
    ),
    # an epithet of the one person in focus
    (
        "Walter Brandt won the primary on Tuesday. The billionaire thanked his voters.",
        [("billionaire", "focus", "walter-brandt")],
    ),
    (
        "Walter Brandt won the primary. On Tuesday, the real estate tycoon thanked voters.",
        [("real estate tycoon", "focus", "walter-brandt")],
    ),
    (
        "Walter Brandt leads every poll. The GOP front-runner spoke in Ostland.",
        [("GOP front-runner", "focus", "walter-brandt")],
    ),
    # a possessive description: whom its modifier names, never the possessor
    (
        "Japanese Prime Minister Tom Berg arrived. Walter Brandt met his Japanese counterpart.",
        [("Japanese Prime Minister", "title", "tom-berg"),
         ("Japanese counterpart", "bare_reference", "tom-berg")],
    ),
    # negatives: a list is no appositive; two people in focus, or three for a plural; an
    # unnamed source; a person who only owns the thing in focus; "does not name X as";
    # "his deputy" is not the man "his" stands for
    ("Walter Brandt, his associates and their aides met.", []),
    ("Walter Brandt met Tom Berg. The billionaire left.", []),
    ("Walter Brandt met Tom Berg and Frank Dorsey. The two leaders spoke.", []),
    ('Walter Brandt spoke. "He does not know," the adviser said.', []),
    ("Tom Berg visited Walter Brandt's estate. The two spoke at dinner.", []),
    ("The suit does not name Walter Brandt as a defendant.", []),
    ("Director Walter Brandt left. He wrote to his deputy director.", [("Director", "title",
                                                                    "walter-brandt")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), GOLDEN_PARSED_LABELS)
def test_labels_from_the_parse_golden(text, expected):
    labels, _ = find_labels([make_article(text)], docs=[read_text(text).doc])
    found = sorted((lab.label, lab.source, lab.entity) for lab in labels)
    assert found == sorted(expected)
    assert all(text[lab.start : lab.end] == lab.label for lab in labels)
