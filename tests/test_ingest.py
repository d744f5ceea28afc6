import json
import os
import sys
from pathlib import Path

from accord.ingest import READS, article_from_text, read_articles
from accord.model import Article, Rejected, Skipped
from accord.settings import Settings


def test_metadata_from_header_lines():
    a = article_from_text("x", " date 2023-01-12 By Azernews\n\nSabina Mammadli\n\nItaly and Azerbaijan met.")
    assert a.published.value == "2023-01-12" and a.published.precision == "day"
    assert a.source == "Azernews"
    assert a.authors == ("Sabina Mammadli",)
    b = article_from_text("y", "By Ayya Lmahamad\n\nThe ministry reported on November 17 that talks were held.")
    assert b.authors == ("Ayya Lmahamad",) and b.source is None
    assert b.published.value == "--11-17"


def test_doc_id_is_the_file_name_and_folders_are_walked(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text("Greece and Egypt signed an agreement on maritime borders today.")
    (tmp_path / "two.jsonl").write_text(json.dumps({"id": "w:2", "title": "T", "date": "2020-08-06",
                                                   "source": "S", "text": "Greece and Egypt held talks in Cairo."}) + "\n")
    items = list(read_articles(tmp_path))
    ids = sorted(i.id for i in items if isinstance(i, Article))
    assert ids == ["one", "w:2"]
    w = next(i for i in items if i.id == "w:2")
    assert w.published.value == "2020-08-06" and w.title == "T" and w.source == "S"


def test_bad_inputs_are_rejected_with_file_and_line(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG" * 100)
    (tmp_path / "cp1251.txt").write_bytes("Министр обороны подписал протокол".encode("cp1251"))
    (tmp_path / "ru.txt").write_text("Министр обороны Азербайджана подписал протокол с итальянским коллегой " * 5)
    (tmp_path / "lines.jsonl").write_text('{"id": "ok", "text": "Italy and France met in Rome on Monday for talks."}\n'
                                          "{not json\n" '{"id": "notext"}\n')
    got = {(r.where.split("/")[-1], r.reason.split(" ")[0]) for r in read_articles(tmp_path) if isinstance(r, Rejected)}
    assert ("empty.txt", "empty") in got
    assert ("binary.txt", "binary") in got
    assert ("cp1251.txt", "not") in got
    assert ("ru.txt", "not") in got
    assert ("lines.jsonl:2", "not") in got
    assert ("lines.jsonl:3", "record") in got
    ok = [a for a in read_articles(tmp_path) if isinstance(a, Article)]
    assert [a.id for a in ok] == ["ok"]


def test_size_limit_is_a_setting(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text("Italy and France met in Rome for talks. " * 100)
    [r] = read_articles(f, settings=Settings(max_file_bytes=100))
    assert isinstance(r, Rejected) and "max_file_bytes" in r.reason


def test_html_main_text(tmp_path):
    body = "<p>" + "Greece and Egypt signed an agreement on their maritime borders in Cairo on Thursday. " * 4 + "</p>"
    (tmp_path / "page.html").write_text(f"<html><head><title>Deal</title></head><body><nav>Home | News</nav>"
                                        f"<article>{body}</article></body></html>")
    (tmp_path / "nav.html").write_text("<html><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav></body></html>")
    items = {i.where.split("/")[-1] if isinstance(i, Rejected) else i.id: i for i in read_articles(tmp_path)}
    assert isinstance(items["page"], Article) and "maritime" in items["page"].text
    assert isinstance(items["nav.html"], Rejected) and "no main text" in items["nav.html"].reason


def test_files_a_folder_holds_are_read_or_named_as_skipped(tmp_path):
    story = "Greece and Egypt signed an agreement on maritime borders in Cairo on Thursday."
    (tmp_path / "one.txt").write_text(story)
    (tmp_path / "wire0002").write_text(story.replace("Thursday", "Friday"))  # no suffix: read as text
    (tmp_path / "noise.bin").write_bytes(bytes(range(256)))
    (tmp_path / "notes.md").write_text(story)
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    items = list(read_articles(tmp_path))
    assert sorted(i.id for i in items if isinstance(i, Article)) == ["one", "wire0002"]
    skipped = {Path(i.where).name: i.reason for i in items if isinstance(i, Skipped)}
    assert skipped == {".DS_Store": "hidden file", ".git": "hidden folder, not read",
                       "noise.bin": f"not an article file (.bin); accord reads {READS}",
                       "notes.md": f"not an article file (.md); accord reads {READS}"}
    assert not [i for i in items if isinstance(i, Rejected)]
    # a file named directly is read whatever its suffix
    [direct] = read_articles(tmp_path / "notes.md")
    assert isinstance(direct, Article) and direct.text == story


def test_a_line_too_long_is_rejected_without_being_held(tmp_path):
    path = tmp_path / "lines.jsonl"
    path.write_text(json.dumps({"id": "long", "text": "Talks went on. " * 400}) + "\n"
                    + json.dumps({"id": "ok", "text": "Italy and France met in Rome on Monday for talks."}) + "\n")
    items = list(read_articles(path, settings=Settings(max_article_chars=1000)))
    assert isinstance(items[0], Rejected) and items[0].where == f"{path}:1" and "max_article_chars" in items[0].reason
    assert isinstance(items[1], Article) and items[1].id == "ok"


def test_metadata_with_invalid_unicode_is_rejected(tmp_path):
    path = tmp_path / "lines.jsonl"
    path.write_bytes(b'{"id": "x", "title": "Talks \\ud800", "text": "Italy and France met in Rome on Monday."}\n')
    [item] = read_articles(path)
    assert isinstance(item, Rejected) and item.reason == "'title' holds invalid Unicode (an unpaired surrogate)"


def test_a_missing_html_reader_rejects_the_page_only(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as when lxml_html_clean is not installed
    (tmp_path / "page.html").write_text("<html><body><p>Greece and Egypt met in Cairo.</p></body></html>")
    (tmp_path / "text.txt").write_text("Greece and Egypt signed an agreement in Cairo on Thursday.")
    items = list(read_articles(tmp_path))
    assert [type(i).__name__ for i in items] == ["Rejected", "Article"]
    assert items[0].reason.startswith("the HTML reader cannot be loaded") and "lxml_html_clean" in items[0].reason


def test_utf16_and_utf32_with_a_byte_order_mark_are_read(tmp_path):
    story = "Greece and Egypt signed an agreement on maritime borders in Cairo on Thursday."
    for codec in ("utf-16", "utf-32", "utf-16-be"):
        data = story.encode(codec) if codec != "utf-16-be" else "\ufeff".encode(codec) + story.encode(codec)
        (tmp_path / f"{codec}.txt").write_bytes(data)
    (tmp_path / "no_bom.txt").write_bytes(story.encode("utf-16-le"))
    items = {Path(i.where).name if isinstance(i, Rejected) else i.id: i for i in read_articles(tmp_path)}
    assert all(isinstance(items[c], Article) and items[c].text == story for c in ("utf-16", "utf-32", "utf-16-be"))
    assert isinstance(items["no_bom.txt"], Rejected) and "binary" in items["no_bom.txt"].reason


def test_an_empty_json_lines_file_is_named(tmp_path):
    (tmp_path / "blank.jsonl").write_text("\n  \n")
    [item] = read_articles(tmp_path / "blank.jsonl")
    assert isinstance(item, Rejected) and item.where.endswith("blank.jsonl") and "empty" in item.reason


def test_json_nested_too_deeply_is_named(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"text": "Italy and France met in Rome."}) + "\n")
    items = list(read_articles(path))
    assert isinstance(items[0], Rejected) and "nested too deeply" in items[0].reason
    assert isinstance(items[1], Article)


def test_a_folder_that_cannot_be_listed_is_named_and_the_rest_read(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "one.txt").write_text("Greece and Egypt signed an agreement in Cairo on Thursday.")
    real = os.scandir

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)
    monkeypatch.setattr(os, "scandir", scandir)  # root reads any folder: refuse one the way chmod 000 would
    items = list(read_articles(tmp_path))
    assert [(type(i).__name__, Path(getattr(i, "where", "") or i.path).name) for i in items] == [
        ("Rejected", "locked"), ("Article", "one.txt")]
    assert "Permission denied" in items[0].reason


def test_datelines_in_every_wire_form():
    from accord.ingest import read_dateline

    head = "date 1991-06-02\n\nPACT SIGNED\n\n"
    cases = {
        "OSLO, June 2 - Norway and Iceland agreed.": ("OSLO", None, None),
        "BRUSSELS, March 16 (Reuters) - The EC said.": ("BRUSSELS", None, "Reuters"),
        "SRINAGAR, India (Reuters) - Police said.": ("SRINAGAR", "India", "Reuters"),
        "KYIV, Ukraine (AP) — Shelling went on.": ("KYIV", "Ukraine", "AP"),
        "NEW YORK — Talks resumed at the United Nations.": ("NEW YORK", None, None),
        "Baku, 12 January (Trend) – Talks were held.": ("Baku", None, "Trend"),
        "TAUPO, New Zealand, March 23 - Ministers met.": ("TAUPO", "New Zealand", None),
    }
    for line, (place, region, agency) in cases.items():
        found = read_dateline(head + line)
        assert found is not None, line
        assert (found.place, found.region, found.agency) == (place, region, agency)
        assert (head + line)[found.start:found.end] == place
    assert read_dateline(head + "The minister said - and repeated - that talks were over.") is None
    assert read_dateline(head + "Yesterday, the parliament voted.") is None
