import re

import pandas as pd
import pytest

from framing.lexicon import (
    COLUMNS,
    SHIPPED_DIR,
    TERM_CATEGORIES,
    LexiconError,
    add_actor,
    add_label,
    decode_lexicon_bytes,
    find_lexicon_file,
    find_lexicon_files,
    find_lexicon_problems,
    lexicon_to_csv,
    lexicon_to_frame,
    list_shipped_lexicons,
    load_lexicon,
    load_lexicons,
    merge_lexicons,
    new_lexicon_text,
    parse_lexicon,
    read_lexicon_text,
    save_lexicon,
)

HEADER = ",".join(COLUMNS)


def _csv(*rows: str) -> str:
    return "\n".join((HEADER, *rows)) + "\n"


ACTORS = (
    "actor,Khalifa Haftar,Haftar|Hifter|HAFTAR,,haftar,East,,commander",
    "actor,Government of National Accord,GNA,,gna,West,,government",
    "actor,Turkey,Ankara,,turkey,,,",
)
VALID = _csv(
    "term,Slammed,slams| SLAMMED |slam||,loaded_verb,,,-1,dramatises criticism",
    "term,so-called,so   called,distancing,,,-2,distances the writer",
    *ACTORS,
    'label,rebel  leader,Rebel Commander,label,haftar,,-1,"casts him, a commander, as a rebel"',
    "label,UN-backed,,,gna,,+1,stresses the mandate",
)


# --- parsing -------------------------------------------------------------------------


def test_valid_file_golden():
    lexicon = parse_lexicon(VALID, "dir/test.csv")
    assert [(e.term, e.forms, e.category, e.valence, e.actor, e.row) for e in lexicon.entries] == [
        ("Slammed", ("slammed", "slams", "slam"), "loaded_verb", -1, None, 2),
        ("so-called", ("so-called", "so called"), "distancing", -2, None, 3),
        ("rebel leader", ("rebel leader", "rebel commander"), "label", -1, "haftar", 7),
        ("UN-backed", ("un-backed",), "label", 1, "gna", 8),
    ]
    assert {e.lexicon for e in lexicon.entries} == {"test"}
    assert lexicon.entries[2].note == "casts him, a commander, as a rebel"
    assert [(a.id, a.name, a.aliases, a.camp, a.note) for a in lexicon.actors] == [
        ("haftar", "Khalifa Haftar", ("Khalifa Haftar", "Haftar", "Hifter"), "East", "commander"),
        ("gna", "Government of National Accord", ("Government of National Accord", "GNA"), "West",
         "government"),
        ("turkey", "Turkey", ("Turkey", "Ankara"), None, ""),
    ]  # fmt: skip
    assert lexicon.camps == ("East", "West")
    assert lexicon.names == ("dir/test.csv",)
    assert find_lexicon_problems(VALID, "test.csv") == []


def test_bom_crlf_blank_lines_column_order_and_short_rows():
    columns = ["Note", " valence", "kind", "text", "forms", "category", "actor", "camp"]
    rows = [",".join(columns), "", "why,-1,term,warlord,,name_calling", ",,,,", ""]
    lexicon = parse_lexicon("\ufeff" + "\r\n".join(rows), "t.csv")
    [entry] = lexicon.entries
    assert (entry.term, entry.category, entry.valence, entry.note, entry.row) == (
        "warlord",
        "name_calling",
        -1,
        "why",
        3,
    )


@pytest.mark.parametrize(
    ("rows", "row", "field", "fragment"),
    [
        (["terms,slammed,,loaded_verb,,,-1,why"], 2, "kind", "kind must be one of term, label"),
        ([",slammed,,loaded_verb,,,-1,why"], 2, "kind", "it is empty"),
        (["term,,slams,loaded_verb,,,-1,why"], 2, "text", "text is required on term rows"),
        (["actor,,Haftar,,haftar,,,"], 2, "text", "text is required on actor rows"),
        (["term,slammed,,loaded_verb,,,3,why"], 2, "valence", "got '3'"),
        (["term,slammed,,loaded_verb,,,x,why"], 2, "valence", "got 'x'"),
        (["term,slammed,,loaded_verb,,,1.5,why"], 2, "valence", "from -2 to +2"),
        (["term,slammed,,loaded_verb,,,-3,why"], 2, "valence", "got '-3'"),
        ([*ACTORS, "label,warlord,,,haftar,,,why"], 5, "valence", "valence is required"),
        (["term,slammed,,loaded_verb,,,-1,"], 2, "note", "note is required on term rows"),
        ([*ACTORS, "label,warlord,,,haftar,,-2,"], 5, "note", "note is required on label rows"),
        (["term,slammed,,loaded,,,-1,why"], 2, "category", "category must be one of"),
        (["term,warlord,,label,,,-2,why"], 2, "category", "rows of kind label"),
        (["term,warlord,,,,,-2,why"], 2, "category", "category is required"),
        (["label,warlord,,,,,-2,why"], 2, "actor", "actor is required on label rows"),
        (["label,warlord,,,Haftar,,-2,why"], 2, "actor", "got 'Haftar'"),
        (["term,warlord,,name_calling,haftar,,-2,why"], 2, "actor", "term rows do not use actor"),
        (["actor,Haftar,,,haftar,,1,"], 2, "valence", "actor rows do not use valence"),
        (["actor,Haftar,,name_calling,haftar,,,"], 2, "category", "actor rows do not use"),
        ([*ACTORS, "label,warlord,,,haftar,East,-2,why"], 5, "camp", "label rows do not use"),
        (["actor,Haftar,,,haftar,,,", "actor,Hifter,,,haftar,,,"], 3, "actor",
         "actor 'haftar' is already defined at row 2"),
        (["actor,Haftar,,,haftar,,,", "actor,Serraj,HAFTAR,,serraj,,,"], 3, "forms",
         "alias 'HAFTAR' already names actor 'haftar' (row 2)"),
        (["term,slam,,loaded_verb,,,-1,why", "term,slammed,Slam,loaded_verb,,,-1,why"], 3,
         "forms", "term 'slam' is already listed at row 2"),
        ([*ACTORS, "label,warlord,,,haftar,,-2,why", "label,Warlord,,,haftar,,-1,why"], 6,
         "text", "haftar label 'warlord' is already listed at row 5"),
        (["term,slammed,--,loaded_verb,,,-1,why"], 2, "forms", "form '--' has no letters"),
        (["term,slammed,,loaded_verb,,,-1,why, and more"], 2, None, "in double quotes"),
    ],
)  # fmt: skip
def test_each_validation_error_names_file_row_and_field(rows, row, field, fragment):
    text = _csv(*rows)
    problems = find_lexicon_problems(text, "story.csv")
    assert problems, "expected a problem"
    first = problems[0]
    assert (first.file, first.row, first.field) == ("story.csv", row, field)
    assert fragment in first.message
    with pytest.raises(LexiconError) as caught:
        parse_lexicon(text, "story.csv")
    message = str(caught.value)
    where = f"story.csv, row {row}" + (f", field {field}" if field else "")
    assert message.startswith(where + ": ")
    assert fragment in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("header", "field", "fragment"),
    [
        ("kind,text,forms,category,actor,valence,note", "camp", "has no 'camp' column"),
        ("kind,text,forms,category,actor,camp,valance,note", "valence", "no 'valence' column"),
        (HEADER + ",extra", "extra", "unknown column 'extra'"),
        (HEADER + ",note", "note", "appears twice"),
        (HEADER + ",", "(blank)", "unknown column '(blank)'"),
    ],
)
def test_header_errors(header, field, fragment):
    text = header + "\nterm,slammed,,loaded_verb,,,-1,why\n"
    problems = find_lexicon_problems(text, "h.csv")
    assert any(p.row == 1 and p.field == field and fragment in p.message for p in problems)
    with pytest.raises(LexiconError, match=re.escape("h.csv, row 1, field ")):
        parse_lexicon(text, "h.csv")


@pytest.mark.parametrize("text", ["", "\ufeff"])
def test_empty_file_needs_a_header(text):
    with pytest.raises(LexiconError, match=r"^e\.csv, row 1: empty file"):
        parse_lexicon(text, "e.csv")


def test_header_only_is_an_empty_lexicon():
    lexicon = parse_lexicon(HEADER + "\n", "h.csv")
    assert (lexicon.entries, lexicon.actors, lexicon.camps) == ((), (), ())


def test_all_problems_are_collected_and_the_error_lists_five():
    rows = [f"term,t{i},,loaded_verb,,,9,why" for i in range(7)]
    text = _csv(*rows)
    problems = find_lexicon_problems(text, "many.csv")
    assert [p.row for p in problems] == [2, 3, 4, 5, 6, 7, 8]
    with pytest.raises(LexiconError) as caught:
        parse_lexicon(text, "many.csv")
    error = caught.value
    assert (error.file, error.row, error.field) == ("many.csv", 2, "valence")
    assert len(error.problems) == 7
    assert str(error).count("valence must be") == 5
    assert "; row 3, field valence: valence must be" in str(error)
    assert str(error).endswith("(and 2 more problems)")


def test_a_row_with_several_problems_reports_each():
    problems = find_lexicon_problems(_csv("term,,,,,,,"), "t.csv")
    assert [p.field for p in problems] == ["text", "category", "valence", "note"]


def test_error_without_row_or_field():
    error = LexiconError("x.csv", None, None, "no such lexicon")
    assert str(error) == "x.csv: no such lexicon"
    assert isinstance(error, ValueError)


# --- merging -------------------------------------------------------------------------


def test_label_with_unknown_actor_fails_at_merge_naming_the_label_row():
    actors = parse_lexicon(_csv(*ACTORS), "actors.csv")
    labels = parse_lexicon(_csv("label,warlord,,,hafter,,-2,why"), "labels.csv")
    with pytest.raises(LexiconError) as caught:
        merge_lexicons([actors, labels])
    assert str(caught.value).startswith("labels.csv, row 2, field actor: label 'warlord'")
    assert "'hafter'" in str(caught.value) and "haftar" in str(caught.value)


def test_labels_may_use_actors_of_another_file_in_either_order():
    actors = parse_lexicon(_csv(*ACTORS), "actors.csv")
    labels = parse_lexicon(_csv("label,warlord,,,haftar,,-2,why"), "labels.csv")
    merged = merge_lexicons([labels, actors])
    assert [e.term for e in merged.entries] == ["warlord"]
    assert merged.names == ("labels.csv", "actors.csv")


def test_later_actor_rows_extend_aliases_and_camps_keep_first_order():
    first = parse_lexicon(_csv("actor,Turkey,Ankara,,turkey,,,backer", *ACTORS[:2]), "a.csv")
    second = parse_lexicon(
        _csv("actor,Anatolia,ankara|Türkiye,,turkey,North,,", "actor,Haftar,Hafter,,haftar,,,"),
        "b.csv",
    )
    merged = merge_lexicons([first, second])
    turkey = merged.actor("turkey")
    assert (turkey.name, turkey.aliases, turkey.camp, turkey.note) == (
        "Turkey",
        ("Turkey", "Ankara", "Anatolia", "Türkiye"),
        "North",
        "backer",
    )
    assert merged.actor("haftar").aliases == ("Khalifa Haftar", "Haftar", "Hifter", "Hafter")
    assert merged.camps == ("East", "West", "North")
    assert [a.id for a in merged.actors] == ["turkey", "haftar", "gna"]


@pytest.mark.parametrize(
    ("second", "field", "fragment"),
    [
        ("actor,Haftar,,,haftar,West,,", "camp", "camp 'West' here but in 'East' before"),
        ("actor,Haftar,,,serraj,,,", "forms", "alias 'Haftar' of actor 'serraj' already names"),
    ],
)
def test_merge_conflicts(second, field, fragment):
    first = parse_lexicon(_csv(*ACTORS), "a.csv")
    with pytest.raises(LexiconError) as caught:
        merge_lexicons([first, parse_lexicon(_csv(second), "b.csv")])
    assert str(caught.value).startswith(f"b.csv, field {field}: ")
    assert fragment in str(caught.value)


# --- files ---------------------------------------------------------------------------


def test_shipped_lexicons_are_listed_and_found_by_name_or_file_name():
    assert list_shipped_lexicons() == ["libya", "loaded_language"]
    assert find_lexicon_file("libya") == find_lexicon_file("libya.csv")
    lexicon = load_lexicon("libya")
    assert lexicon.names == ("libya.csv",)
    assert {e.lexicon for e in lexicon.entries} == {"libya"}


def test_search_dirs_come_before_shipped_lexicons(tmp_path):
    (tmp_path / "libya.csv").write_text(_csv("term,warlord,,name_calling,,,-2,why"))
    (tmp_path / "mine.csv").write_text(_csv("term,thug,,name_calling,,,-2,why"))
    assert [e.term for e in load_lexicon("libya", [tmp_path]).entries] == ["warlord"]
    assert [e.term for e in load_lexicon("mine", [tmp_path]).entries] == ["thug"]
    assert [e.term for e in load_lexicon("mine.csv", [tmp_path]).entries] == ["thug"]
    absolute = load_lexicon(tmp_path / "mine.csv")
    assert absolute.names == (str(tmp_path / "mine.csv"),)
    assert [e.term for e in load_lexicons(["libya", "mine"], tmp_path).entries] == [
        "warlord",
        "thug",
    ]


def test_find_lexicon_files_names_what_load_lexicons_reads(tmp_path):
    (tmp_path / "libya.csv").write_text(_csv("term,warlord,,name_calling,,,-2,why"))
    shipped = find_lexicon_file("loaded_language")
    assert find_lexicon_files(["libya", "loaded_language"], tmp_path) == (
        tmp_path / "libya.csv",
        shipped,
    )
    assert find_lexicon_files(["libya"]) == (find_lexicon_file("libya"),)
    assert find_lexicon_files([]) == ()
    with pytest.raises(LexiconError, match="^nosuch: no such lexicon"):
        find_lexicon_files(["libya", "nosuch"], tmp_path)


def test_missing_lexicon_names_what_was_looked_for(tmp_path):
    with pytest.raises(LexiconError) as caught:
        load_lexicon("nosuch", [tmp_path])
    message = str(caught.value)
    assert message.startswith("nosuch: no such lexicon; looked for ")
    assert str(tmp_path / "nosuch.csv") in message and "lexicons/nosuch.csv" in message


@pytest.mark.parametrize(
    ("data", "row", "fragment"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, "binary data, not a CSV text file"),
        (HEADER.encode() + b"\nterm,caf\xe9,,hedge,,,0,why\n", 2, "not UTF-8 text (byte 0xe9)"),
        (_csv("term,x,,hedge,,,0,why").encode("utf-16"), None, "UTF-16"),
    ],
)
def test_unreadable_files(tmp_path, data, row, fragment):
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    with pytest.raises(LexiconError) as caught:
        load_lexicon(path)
    assert (caught.value.file, caught.value.row) == (str(path), row)
    assert fragment in str(caught.value)
    assert str(caught.value).startswith(str(path))


def test_decode_accepts_utf8_with_bom():
    assert decode_lexicon_bytes("\ufeffkind,é".encode(), "x.csv") == "kind,é"


def test_load_lexicons_reports_problems_of_every_file(tmp_path):
    (tmp_path / "a.csv").write_text(_csv("term,x,,hedge,,,5,why"))
    (tmp_path / "b.csv").write_text(_csv("term,y,,hedge,,,0,"))
    with pytest.raises(LexiconError) as caught:
        load_lexicons(["a", "b", "missing"], tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'a.csv'}, row 2, field valence")
    assert f"{tmp_path / 'b.csv'}, row 2, field note" in message
    assert "missing: no such lexicon" in message


# --- the shipped data ----------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped():
    return load_lexicons(["loaded_language", "libya"])


def test_shipped_lexicons_load_and_merge(shipped):
    assert shipped.camps == ("Haftar/LNA", "Serraj/GNA")
    assert shipped.names == ("loaded_language.csv", "libya.csv")


@pytest.mark.parametrize("name", ["loaded_language", "libya"])
def test_every_shipped_row_has_a_note(name):
    frame = lexicon_to_frame(read_lexicon_text(name), name)
    assert len(frame) > 0
    assert frame.index[frame["note"].str.len() < 10].tolist() == []


def test_generic_lexicon_is_terms_only_and_uses_every_category():
    lexicon = load_lexicon("loaded_language")
    assert lexicon.actors == ()
    assert 200 <= len(lexicon.entries) <= 350
    # "neutral" rows are for a story's own lexicon: they switch words off.
    assert {e.category for e in lexicon.entries} == set(TERM_CATEGORIES) - {"neutral"}


# Licences whose terms allow shipping a lexicon inside Slant (MIT); GPL, AGPL and
# non-commercial ones (MPQA's GPL clues, NRC's research-only lexicons) do not.
ALLOWED_LICENCES = frozenset(
    {"MIT", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0", "PDDL-1.0", "CC0-1.0", "CC-BY-4.0"}
)


def test_every_shipped_lexicon_file_has_a_source_and_an_allowed_licence():
    sources = pd.read_csv(SHIPPED_DIR / "SOURCES.csv", dtype=str)
    shipped = {p.relative_to(SHIPPED_DIR).as_posix() for p in SHIPPED_DIR.rglob("*.csv")}
    assert shipped - {"SOURCES.csv"} == set(sources["file"])
    for row in sources.itertuples():
        assert set(row.licence.split(" AND ")) <= ALLOWED_LICENCES, row.file
        assert row.source.strip() and row.taken.strip(), row.file
    readme = (SHIPPED_DIR / "README.md").read_text(encoding="utf-8")
    assert all(f"`{file}`" in readme for file in sources["file"])


def _find_forms(lexicon, sentence):
    """Whole-word, case-insensitive matches, as terms.py matches them."""
    lowered = sentence.lower()
    return {
        entry.term.lower()
        for entry in lexicon.entries
        for form in entry.forms
        if re.search(rf"(?<!\w){re.escape(form)}(?!\w)", lowered)
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # ordinary news: nothing is loaded
        ("The minister said on Tuesday that talks would resume in Geneva next week.", set()),
        ("Forces loyal to the government attacked positions south of the capital.", set()),
        ("The central bank denied the report and refused to comment further.", set()),
        ("The crisis has displaced 146,000 people, according to United Nations figures.", set()),
        ("He was supposed to travel to Berlin for the conference on Sunday.", set()),
        ("The town lies 50 km south of Tripoli, the oil company said.", set()),
        ("Local militias have controlled the airport since 2014.", set()),
        ("The blast killed four people and a storm closed the port.", set()),
        # loaded
        ("His forces seized the airport under the pretext of fighting terrorists.",
         {"seized", "pretext", "terrorist"}),
        ("The so-called government slammed the self-styled army.",
         {"so-called", "slammed", "self-styled"}),
        ("The regime reportedly massacred civilians.", {"regime", "reportedly", "massacred"}),
        ("He boasted of a historic victory over the invaders.",
         {"boasted", "historic", "invaders"}),
    ],
)  # fmt: skip
def test_generic_lexicon_on_ordinary_and_loaded_sentences(sentence, expected):
    assert _find_forms(load_lexicon("loaded_language"), sentence) == expected


@pytest.mark.parametrize(
    ("alias", "actor"),
    [
        ("Hifter", "haftar"),
        ("Khalifa Hafter", "haftar"),
        ("Libyan army", "lna"),
        ("Haftar forces", "lna"),
        ("al-Sarraj", "serraj"),
        ("Siraj", "serraj"),
        ("Al-Wefaq government", "gna"),
        ("reconciliation government", "gna"),
        ("Tripoli government", "gna"),
        ("Recept Tayyip Erdogan", "erdogan"),
        ("Ankara", "turkey"),
        ("Kremlin", "russia"),
        ("UNSMIL", "un"),
        ("U.N.", "un"),
        ("Ghassan Salama", "salame"),
    ],
)
def test_libya_aliases(shipped, alias, actor):
    owners = [a.id for a in shipped.actors if alias.casefold() in map(str.casefold, a.aliases)]
    assert owners == [actor]


@pytest.mark.parametrize(
    ("actor", "label", "valence"),
    [
        ("haftar", "field marshal", 1),
        ("haftar", "marshal", 1),
        ("haftar", "libyan army commander", 1),
        ("haftar", "commander-in-chief", 1),
        ("haftar", "military commander", 0),
        ("haftar", "eastern-based commander", 0),
        ("haftar", "rebel leader", -1),
        ("haftar", "retired major general", -1),
        ("haftar", "strongman", -1),
        ("haftar", "renegade general", -2),
        ("haftar", "warlord", -2),
        ("gna", "un-backed", 1),
        ("gna", "internationally recognised", 1),
        ("gna", "tripoli-based", 0),
        ("gna", "militia government", -2),
        ("serraj", "prime minister", 0),
        ("serraj", "head of the presidential council", 0),
        ("turkey", "turkish-ottoman invaders", -2),
    ],
)
def test_libya_label_valences(shipped, actor, label, valence):
    found = [e.valence for e in shipped.entries if e.actor == actor and label in e.forms]
    assert found == [valence]


def test_libya_camps_only_for_the_two_libyan_sides(shipped):
    camps = {a.id: a.camp for a in shipped.actors}
    assert {actor for actor, camp in camps.items() if camp == "Haftar/LNA"} >= {"haftar", "lna"}
    assert {actor for actor, camp in camps.items() if camp == "Serraj/GNA"} >= {"serraj", "gna"}
    for foreign in ("turkey", "erdogan", "russia", "putin", "qatar", "uae", "egypt", "un"):
        assert camps[foreign] is None


# --- editing -------------------------------------------------------------------------


def test_add_label_round_trip():
    text = read_lexicon_text("libya")
    new = add_label(text, "haftar", "military ruler of the east", -1, "rule, by force", "libya")
    assert new.startswith(text)
    before, after = parse_lexicon(text, "libya"), parse_lexicon(new, "libya")
    assert after.entries[:-1] == before.entries
    added = after.entries[-1]
    assert (added.term, added.actor, added.valence, added.note, added.category) == (
        "military ruler of the east",
        "haftar",
        -1,
        "rule, by force",
        "label",
    )
    assert added.row == new.count("\n")
    merge_lexicons([load_lexicon("loaded_language"), after])


@pytest.mark.parametrize(
    ("text", "expected_tail"),
    [
        ("", "\nlabel,warlord,,,haftar,,-2,why\n"),
        (HEADER, "\nlabel,warlord,,,haftar,,-2,why\n"),
        (HEADER + "\r\n", "\r\nlabel,warlord,,,haftar,,-2,why\r\n"),
        (
            "note,valence,kind,text,forms,category,actor,camp\n",
            "\nwhy,-2,label,warlord,,,haftar,\n",
        ),
    ],
)
def test_add_label_keeps_line_ends_and_column_order(text, expected_tail):
    new = add_label(text, "haftar", "warlord", -2, "why", "t.csv")
    assert new.endswith(expected_tail)
    assert [e.term for e in parse_lexicon(new, "t.csv").entries] == ["warlord"]


@pytest.mark.parametrize(
    ("actor", "label", "valence", "note", "field"),
    [
        ("haftar", "warlord", 3, "why", "valence"),
        ("Haftar", "warlord", -2, "why", "actor"),
        ("haftar", "", -2, "why", "text"),
        ("haftar", "warlord", -2, "", "note"),
        ("haftar", "Rebel Leader", -1, "why", "text"),  # already a haftar label
    ],
)
def test_add_label_rejects_invalid_rows(actor, label, valence, note, field):
    text = _csv(*ACTORS, "label,rebel leader,,,haftar,,-1,why")
    with pytest.raises(LexiconError) as caught:
        add_label(text, actor, label, valence, note, "story.csv")
    assert (caught.value.row, caught.value.field) == (6, field)
    assert str(caught.value).startswith(f"story.csv, row 6, field {field}")


def test_a_new_lexicon_gets_an_actor_then_its_label():
    text = add_actor(
        new_lexicon_text(), "obama", "Barack Obama", ["Obama", "obama", "Barack Obama"], "", "s"
    )
    text = add_label(text, "obama", "the president", 1, "the office he held", "s")
    lexicon = parse_lexicon(text, "s.csv")
    (actor,) = lexicon.actors
    assert (actor.id, actor.name, actor.aliases) == (
        "obama",
        "Barack Obama",
        ("Barack Obama", "Obama"),
    )
    (label,) = lexicon.entries
    assert (label.actor, label.term, label.valence) == ("obama", "the president", 1)
    assert text.splitlines()[1] == "actor,Barack Obama,Obama,,obama,,,"


def test_add_actor_rejects_an_actor_defined_twice():
    text = add_actor(new_lexicon_text(), "obama", "Barack Obama", [], "", "s.csv")
    with pytest.raises(LexiconError) as caught:
        add_actor(text, "obama", "Obama", [], "", "s.csv")
    assert (caught.value.row, caught.value.field) == (3, "actor")


def test_save_lexicon_writes_valid_text(tmp_path):
    path = tmp_path / "story.csv"
    lexicon = save_lexicon(VALID, path)
    assert path.read_text(encoding="utf-8") == VALID
    assert len(lexicon.entries) == 4
    assert lexicon.names == (str(path),)


def test_save_lexicon_leaves_the_old_file_untouched_when_invalid(tmp_path):
    path = tmp_path / "story.csv"
    path.write_bytes(VALID.encode())
    with pytest.raises(LexiconError, match=re.escape(f"{path}, row 2, field valence")):
        save_lexicon(_csv("term,x,,hedge,,,7,why"), path)
    assert path.read_bytes() == VALID.encode()
    assert [p.name for p in tmp_path.iterdir()] == ["story.csv"]


def test_frame_round_trip_through_save(tmp_path):
    text = read_lexicon_text("libya")
    frame = lexicon_to_frame(text, "libya.csv")
    assert list(frame.columns) == list(COLUMNS)
    saved = save_lexicon(frame, tmp_path / "libya.csv")
    shipped = load_lexicon("libya")
    assert (saved.entries, saved.actors, saved.camps) == (
        shipped.entries,
        shipped.actors,
        shipped.camps,
    )


def test_frame_keeps_invalid_rows_and_grid_numbers_become_integers():
    frame = lexicon_to_frame(_csv("term,x,,hedge,,,9,"), "t.csv")
    assert frame.to_dict("records") == [
        {"kind": "term", "text": "x", "forms": "", "category": "hedge", "actor": "",
         "camp": "", "valence": "9", "note": ""}
    ]  # fmt: skip
    edited = pd.DataFrame(
        {"kind": ["term"], "text": ["x"], "forms": [None], "category": ["hedge"],
         "actor": [float("nan")], "camp": [""], "valence": [1.0], "note": ["why"]}
    )  # fmt: skip
    assert lexicon_to_csv(edited) == HEADER + "\nterm,x,,hedge,,,1,why\n"


def test_frame_of_a_bad_header_raises():
    with pytest.raises(LexiconError, match=r"t\.csv, row 1, field camp"):
        lexicon_to_frame("kind,text,forms,category,actor,valence,note\n", "t.csv")


def test_same_form_may_be_a_term_and_a_label_of_several_actors():
    text = _csv(
        *ACTORS,
        "term,aggressor,,name_calling,,,-2,why",
        "label,aggressor,,,haftar,,-2,why",
        "label,aggressor,,,turkey,,-2,why",
    )
    assert [(e.actor, e.forms) for e in parse_lexicon(text, "t.csv").entries] == [
        (None, ("aggressor",)),
        ("haftar", ("aggressor",)),
        ("turkey", ("aggressor",)),
    ]
