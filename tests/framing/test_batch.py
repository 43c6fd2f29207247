"""Parallel and streamed scoring give exactly the scores of the one-process path."""

import json
from pathlib import Path

import pandas as pd
import pytest

import framing.batch as batch
from framing.batch import (
    CHUNK_COLUMNS,
    analyze_file,
    iter_article_chunks,
    resolve_jobs,
    score_articles,
    score_chunk,
    show_progress,
)
from framing.cli import main
from framing.io import LoadError, load_story, write_table
from framing.provenance import add_provenance, describe_provenance

SAMPLE_STORY = Path(__file__).resolve().parents[2] / "data" / "stories" / "libya-ceasefire-2020"


@pytest.fixture(scope="module")
def records(sample_story):
    """Bulk rows made from the sample story, with rows io skips or notes between them."""
    good = [
        {"id": a.id, "outlet": a.outlet, "title": a.title, "date": a.date, "text": a.raw_text}
        for a in sample_story.articles
    ]
    return [
        good[0],
        {"id": "no-text", "outlet": "X", "text": "   "},
        good[1],
        {"id": good[1]["id"], "outlet": "Copy", "text": good[1]["text"]},  # id taken
        {"outlet": "Numbered", "text": good[2]["text"], "date": "not a date"},
        {"id": "furniture", "text": "Share on Facebook\nShare on Twitter"},
        *good[3:],
    ]


def write_bulk(records, path):
    if path.suffix == ".jsonl":
        lines = [json.dumps(r) for r in records]
        lines.insert(2, "{not json")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        write_table(pd.DataFrame(records), path)
    return path


@pytest.fixture(scope="module", params=[".jsonl", ".csv", ".parquet"])
def bulk_file(request, records, tmp_path_factory):
    return write_bulk(records, tmp_path_factory.mktemp("bulk") / f"articles{request.param}")


@pytest.fixture(scope="module")
def expected(bulk_file, sample_lexicon):
    """The one-process path: io loads the whole file, articles are scored one by one."""
    story = load_story(bulk_file)
    return story, score_articles(story.articles, sample_lexicon, jobs=1)


@pytest.mark.parametrize(("jobs", "expected_jobs"), [(1, 1), (3, 3), (-2, 1)])
def test_resolve_jobs(jobs, expected_jobs):
    assert resolve_jobs(jobs) == expected_jobs


def test_resolve_jobs_default_is_every_core():
    assert resolve_jobs(None) == resolve_jobs(0) >= 1


def test_score_articles_equals_analyze_story_for_any_jobs(sample_story, sample_analysis):
    for jobs in (1, 2):
        frame = score_articles(sample_story.articles, sample_analysis.lexicon, jobs=jobs)
        pd.testing.assert_frame_equal(frame, sample_analysis.articles)


def test_score_articles_of_nothing_has_the_columns(sample_lexicon):
    frame = score_articles([], sample_lexicon, jobs=2)
    assert frame.empty
    assert list(frame.columns) == list(batch.ARTICLE_COLUMNS)


@pytest.mark.parametrize("chunk_size", [1, 2, 1000])
def test_chunks_read_the_rows_io_reads(bulk_file, expected, sample_lexicon, chunk_size):
    story, scores = expected
    chunks = list(iter_article_chunks(bulk_file, chunk_size))
    assert [c.index for c in chunks] == list(range(len(chunks)))
    assert all(
        len(c.rows) <= chunk_size and list(c.rows.columns) == list(CHUNK_COLUMNS) for c in chunks
    )
    assert all(0 <= c.read <= 1 for c in chunks) and chunks[-1].read == 1.0
    results = [score_chunk(c.rows, sample_lexicon) for c in chunks]
    frames = [frame for frame, _ in results if len(frame)]
    pd.testing.assert_frame_equal(pd.concat(frames, ignore_index=True), scores)
    pairs = zip(chunks, results, strict=True)
    problems = [p for c, (_, dropped) in pairs for p in [*c.problems, *dropped]]
    assert sorted(map(str, problems)) == sorted(map(str, story.skipped))


def test_chunks_skip_and_report_bad_rows(bulk_file):
    problems = [str(p) for c in iter_article_chunks(bulk_file, 2) for p in c.problems]
    assert any(p.endswith("empty text") for p in problems)
    assert any("is already taken; renamed" in p for p in problems)
    assert any("is not valid JSON" in p for p in problems) == (bulk_file.suffix == ".jsonl")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.txt", b"text", "is not a bulk file"),
        ("a.csv", b"title,body\nx,y\n", "has no 'text' column"),
        ("a.jsonl", b'{"body": "y"}\n', "has no 'text' field"),
        ("a.parquet", b"not parquet", "is not a readable Parquet file"),
        ("a.csv", b"", "is empty"),
    ],
)
def test_unreadable_files_raise_load_error(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LoadError, match=message):
        list(iter_article_chunks(path))


def test_non_utf8_csv_is_decoded_like_io(tmp_path, sample_lexicon):
    path = tmp_path / "western.csv"
    path.write_bytes("outlet,text\nCafé,Le café est fermé à Tripoli.\n".encode("cp1252"))
    (chunk,) = iter_article_chunks(path)
    assert chunk.rows["outlet"].tolist() == ["Café"]
    assert chunk.rows["text"].tolist() == [load_story(path).articles[0].raw_text]


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl", ".json"])
def test_analyze_file_writes_what_write_table_writes(
    bulk_file, expected, sample_lexicon, tmp_path, suffix
):
    story, scores = expected
    out = tmp_path / f"scores{suffix}"
    result = analyze_file(bulk_file, out, sample_lexicon, jobs=1, chunk_size=2, progress=False)
    assert (result.articles, result.chunks, result.reused_chunks) == (len(scores), 4, 0)
    assert sorted(map(str, result.skipped)) == sorted(map(str, story.skipped))
    assert not (tmp_path / f"scores{suffix}.parts").exists()
    # the file a one-process run writes: the scores and what made them
    made_by = describe_provenance(sample_lexicon)
    reference = write_table(add_provenance(scores, made_by), tmp_path / f"reference{suffix}")
    if suffix == ".parquet":
        pd.testing.assert_frame_equal(pd.read_parquet(out), pd.read_parquet(reference))
    elif suffix == ".json":
        assert json.loads(out.read_text()) == json.loads(reference.read_text())
    else:
        assert out.read_text(encoding="utf-8") == reference.read_text(encoding="utf-8")


def test_two_processes_give_the_same_file(bulk_file, sample_lexicon, tmp_path):
    one = analyze_file(bulk_file, tmp_path / "one.parquet", sample_lexicon, jobs=1, progress=False)
    two = analyze_file(bulk_file, tmp_path / "two.parquet", sample_lexicon, jobs=2, progress=False)
    pd.testing.assert_frame_equal(pd.read_parquet(one.out), pd.read_parquet(two.out))
    assert one.skipped == two.skipped


def test_interrupted_run_resumes_without_redoing_finished_chunks(
    records, sample_lexicon, tmp_path, monkeypatch
):
    source = write_bulk(records, tmp_path / "in.jsonl")
    out = tmp_path / "out.csv"
    scored = []

    def failing_second_chunk(rows, lexicon):
        if scored:
            raise KeyboardInterrupt
        scored.append(rows["id"].tolist())
        return score_chunk(rows, lexicon)

    monkeypatch.setattr(batch, "score_chunk", failing_second_chunk)
    with pytest.raises(KeyboardInterrupt):
        analyze_file(source, out, sample_lexicon, jobs=1, chunk_size=3, progress=False)
    parts = tmp_path / "out.csv.parts"
    assert sorted(p.name for p in parts.iterdir()) == [
        "manifest.json", "part-000000.json", "part-000000.parquet",
    ]  # fmt: skip
    assert not out.exists()

    def counting(rows, lexicon):
        scored.append(rows["id"].tolist())
        return score_chunk(rows, lexicon)

    monkeypatch.setattr(batch, "score_chunk", counting)
    resumed = analyze_file(source, out, sample_lexicon, jobs=1, chunk_size=3, resume=True)
    assert resumed.reused_chunks == 1
    first_chunk_ids = scored[0]
    assert all(not set(ids) & set(first_chunk_ids) for ids in scored[1:])
    fresh = analyze_file(source, tmp_path / "fresh.csv", sample_lexicon, jobs=1, chunk_size=3)
    assert out.read_text(encoding="utf-8") == fresh.out.read_text(encoding="utf-8")
    assert resumed.skipped == fresh.skipped


def test_resume_refuses_parts_of_another_input(records, sample_lexicon, tmp_path, monkeypatch):
    source = write_bulk(records, tmp_path / "in.jsonl")
    out = tmp_path / "out.parquet"
    monkeypatch.setattr(batch, "remove_parts", lambda parts: None)  # keep them, as a crash would
    analyze_file(source, out, sample_lexicon, jobs=1, chunk_size=3, progress=False)
    source.write_text(source.read_text(encoding="utf-8") + '{"text": "One more."}\n')
    with pytest.raises(LoadError, match="was made from another input file"):
        analyze_file(source, out, sample_lexicon, jobs=1, chunk_size=3, resume=True)
    with pytest.raises(LoadError, match="was made from another input file"):
        analyze_file(source, out, sample_lexicon, jobs=1, chunk_size=2, resume=True)


def test_resume_refuses_parts_of_another_file(records, sample_lexicon, tmp_path, monkeypatch):
    first = write_bulk(records, tmp_path / "first.jsonl")
    second = write_bulk(records, tmp_path / "second.jsonl")  # the same rows
    out = tmp_path / "out.csv"
    monkeypatch.setattr(batch, "remove_parts", lambda parts: None)
    analyze_file(first, out, sample_lexicon, jobs=1, chunk_size=3, progress=False)
    with pytest.raises(LoadError, match="was made from another input file"):
        analyze_file(second, out, sample_lexicon, jobs=1, chunk_size=3, resume=True)


def test_resume_with_a_broken_manifest_is_a_one_line_error(records, tmp_path, capsys):
    source = write_bulk(records, tmp_path / "in.jsonl")
    out = tmp_path / "out.csv"
    (tmp_path / "out.csv.parts").mkdir()
    (tmp_path / "out.csv.parts" / "manifest.json").write_text('{"version": 1', encoding="utf-8")
    assert main(["analyze", str(source), "--out", str(out), "--resume"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "manifest.json:1: is not valid JSON" in err
    assert not out.exists()


def test_a_run_without_resume_starts_over(records, sample_lexicon, tmp_path, monkeypatch):
    source = write_bulk(records, tmp_path / "in.jsonl")
    parts = tmp_path / "out.parquet.parts"
    parts.mkdir()
    (parts / "part-000000.json").write_text('{"index": 0, "articles": 99, "skipped": []}')
    (parts / "notes.txt").write_text("mine")
    result = analyze_file(source, tmp_path / "out.parquet", sample_lexicon, jobs=1)
    assert result.reused_chunks == 0 and result.articles == 6
    assert [p.name for p in parts.iterdir()] == ["notes.txt"]  # only our own files go


def test_nothing_to_score_raises(tmp_path, sample_lexicon):
    source = tmp_path / "empty.jsonl"
    source.write_text('{"text": ""}\n{"text": "  "}\n', encoding="utf-8")
    with pytest.raises(LoadError, match="has no article that could be loaded"):
        analyze_file(source, tmp_path / "out.parquet", sample_lexicon, jobs=1)
    assert not (tmp_path / "out.parquet").exists()
    assert not (tmp_path / "out.parquet.parts").exists()


def test_unknown_output_format_raises(bulk_file, sample_lexicon, tmp_path):
    with pytest.raises(LoadError, match="cannot write .xlsx"):
        analyze_file(bulk_file, tmp_path / "out.xlsx", sample_lexicon)


def test_progress_line(capsys):
    bar = batch.Progress(enabled=True)
    bar.update(1500, 0.5, final=True)
    bar.close()
    err = capsys.readouterr().err
    assert err.startswith("\r1,500 articles · 50% of input") and "left" in err
    assert err.endswith("\n")
    silent = batch.Progress(enabled=False)
    silent.update(10, 1.0, final=True)
    silent.close()
    assert capsys.readouterr().err == ""


def test_progress_only_on_a_terminal_outside_ci(monkeypatch):
    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    monkeypatch.setenv("CI", "true")
    assert not show_progress()
    monkeypatch.delenv("CI")
    assert show_progress()


def test_dask_cluster_gives_the_local_engine_result(records, sample_lexicon, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    bulk_file = write_bulk(records, tmp_path / "in.jsonl")
    local = analyze_file(bulk_file, tmp_path / "local.parquet", sample_lexicon, jobs=1)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        remote = analyze_file(
            bulk_file,
            tmp_path / "dask.parquet",
            sample_lexicon,
            engine="dask",
            scheduler=cluster.scheduler_address,
            chunk_size=2,
            progress=False,
        )
    pd.testing.assert_frame_equal(pd.read_parquet(remote.out), pd.read_parquet(local.out))
    assert remote.skipped == local.skipped


def test_cli_streams_a_bulk_file(records, tmp_path, capsys):
    source = write_bulk(records, tmp_path / "in.jsonl")
    out = tmp_path / "scores.jsonl"
    assert main(["analyze", str(source), "--out", str(out), "--jobs", "2"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 6 and rows[0]["article_id"] == records[0]["id"]
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == f"{source}: 9 rows read, 3 skipped (lines 2, 3, 7), 6 articles made, 2 notes"
    assert [line.split(":", 1)[0] for line in err[:-1]] == [
        "skipped", "skipped", "note", "note", "skipped"
    ]  # fmt: skip


@pytest.mark.parametrize(
    "options", [["--engine", "dask"], ["--resume"], ["--engine", "dask", "--out", "x.csv"]]
)
def test_cli_batch_options_need_a_bulk_file_and_out(options, capsys):
    assert main(["analyze", str(SAMPLE_STORY), *options]) == 2
    assert capsys.readouterr().err.startswith("error: --engine dask and --resume need")
