"""Text files in any common encoding."""

import pytest
from io_helpers import write

from framing.io import (
    load_story,
    load_story_bytes,
)

# --- encodings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Le café est fermé.".encode(), "Le café est fermé."),
        ("Le café est fermé.".encode("utf-8-sig"), "Le café est fermé."),
        ("Le “café” est fermé.\r\n".encode("cp1252"), "Le “café” est fermé."),
        ("café".encode("latin-1"), "café"),
        ("Genève: the café is closed.".encode("cp1252"), "Genève: the café is closed."),
        ("The café is closed.\nReally.".encode("utf-16"), "The café is closed.\nReally."),
        ("The café is closed today.".encode("utf-16-le"), "The café is closed today."),
        ("The café is closed.".encode("utf-16-be"), "The café is closed."),
        ("The café is closed.".encode("utf-32"), "The café is closed."),
        ("Новости о Ливии и о перемирии в Женеве.".encode("cp1251"),
         "Новости о Ливии и о перемирии в Женеве."),
    ],
)  # fmt: skip
def test_encodings_are_detected(data, text):
    story = load_story_bytes("note.txt", data)
    assert story.articles[0].text == text


def test_cp1252_csv_loads(tmp_path):
    path = write(
        tmp_path / "old.csv", "outlet,text\nLe Monde,Le café est fermé.\n".encode("cp1252")
    )
    article = load_story(path).articles[0]
    assert (article.outlet, article.text) == ("Le Monde", "Le café est fermé.")
