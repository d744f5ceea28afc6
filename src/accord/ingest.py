"""read_articles(source) -> Iterator[Article | Rejected | Skipped]: plain text, JSON Lines, HTML, folders.

Metadata not given is read from the text: a leading `date YYYY-MM-DD` line, a `By NAME`
byline (a one-word name is the outlet, a longer one an author), a lone name line under it.
"""
from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from . import dates
from .model import Article, Rejected, Skipped
from .settings import Settings

SUFFIXES = {".txt": "text", ".text": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html", ".htm": "html"}
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
READS = ", ".join(sorted(SUFFIXES)) + " and files without a suffix"

_COMMON = set("""the of and to in a an is are was were be been being has have had that this these those
for on with as by at from it its he she his her they their them we our you your i not no but or if
will would can could should may might must said says say also more than over new after before about
into out up down which who whom what when where while there here all any some other such only very
most many much one two three first last year years government minister president officials people
since until during against between under according told""".split())

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d\d-\d\d)\b", re.I)
_BYLINE = re.compile(r"\bBy\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$")
_NAME_LINE = re.compile(r"^\s*[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}\s*$")


@dataclass(frozen=True, slots=True)
class Dateline:
    """Where a report was filed from, as its first line writes it: "TOKYO, April 11 -", "SRINAGAR, India
    (Reuters) -", "KYIV, Ukraine (AP) —"; offsets are into the article's text."""

    place: str  # as written: "TOKYO", "New Delhi"
    region: str | None  # the country or state after it: "India", "Texas"
    agency: str | None
    start: int
    end: int


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE_HEAD = re.compile(
    r"^[ \t]*(?P<place>(?:[A-Z][A-Za-z.'’-]*|[A-Z]{2,}(?:-[A-Z]+)?)(?:[ ][A-Z][A-Za-z.'’-]*){0,3})"
    r"(?:,[ ]*(?P<region>(?!" + _MONTH + r"[ ]+\d)[A-Z][A-Za-z.'’-]*(?:[ ][A-Z][A-Za-z.'’-]*){0,2}))?"
    r"(?P<date>,[ ]*(?:" + _MONTH + r"[ ]+\d{1,2}(?:,?[ ]+\d{4})?|\d{1,2}[ ]+" + _MONTH + r"(?:[ ]+\d{4})?))?"
    r"[ ]*(?:\((?P<agency>[A-Za-z][A-Za-z .&/-]{1,30})\))?[ ]*(?P<dash>-{1,2}|–|—|:)[ ]", re.M)


def read_dateline(text: str, *, within: int = 1500) -> Dateline | None:
    """The dateline opening the report's first paragraphs, if there is one.

    A place counts as a dateline when a date or an agency follows it, or when it is written in
    capitals ("NEW YORK —"): a sentence that starts "The minister said -" is none."""
    for m in _DATELINE_HEAD.finditer(text[:within]):
        place = m["place"]
        capitals = place.replace(" ", "").replace(".", "").replace("-", "").isupper() and len(place) > 2
        if m["date"] or m["agency"] or (capitals and m["dash"] != ":"):
            return Dateline(place, m["region"], m["agency"], m.start("place"), m.end("place"))
    return None


def read_articles(source: str | Path | Iterable[str | Path], *,
                  settings: Settings | None = None) -> Iterator[Article | Rejected | Skipped]:
    """Every article under the given files and folders; unreadable ones as Rejected, files of other types as Skipped."""
    settings = settings or Settings()
    for item in input_files(source):
        if isinstance(item, Path):
            yield from _read_file(item, settings)
        else:
            yield item


def input_files(source: str | Path | Iterable[str | Path]) -> Iterator[Path | Rejected | Skipped]:
    """The files `read_articles` reads, in its order; a missing path as Rejected, files it leaves as Skipped.

    A file named directly is always read (as text unless its suffix says otherwise). In a folder,
    files with one of SUFFIXES or with no suffix are read; other files, hidden files and folders
    (a name starting with ".") and links to folders are skipped, each named with the reason.
    """
    paths = [source] if isinstance(source, (str, Path)) else list(source)
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                yield from _folder(path)
            elif path.is_file():
                yield path
            else:
                yield Rejected(str(path), "not a regular file" if path.exists() else "no such file or folder")
        except OSError as exc:
            yield Rejected(str(path), f"cannot be listed ({exc.strerror or exc})")


def _folder(folder: Path) -> Iterator[Path | Rejected | Skipped]:
    found: list[tuple[Path, str | None]] = []
    unlisted: list[Rejected] = []

    def unreadable(exc: OSError) -> None:
        unlisted.append(Rejected(str(exc.filename or folder), f"cannot be listed ({exc.strerror or exc})"))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        here = Path(root)
        for name in list(dirs):
            if name.startswith(".") or (here / name).is_symlink():
                dirs.remove(name)
                found.append((here / name, "hidden folder, not read" if name.startswith(".")
                              else "link to a folder, not followed"))
        for name in files:
            found.append((here / name, _skip_reason(here / name)))
    yield from unlisted
    for path, reason in sorted(found):
        yield path if reason is None else Skipped(str(path), reason)


def _skip_reason(path: Path) -> str | None:
    """Why a file in a folder is not read, or None when it is."""
    if path.name.startswith("."):
        return "hidden file"
    suffix = path.suffix.lower()
    if suffix and suffix not in SUFFIXES:
        return f"not an article file ({suffix}); accord reads {READS}"
    if not path.is_file():
        return "not a regular file"
    return None


def _read_file(path: Path, settings: Settings) -> Iterator[Article | Rejected]:
    """The items of one file; whatever goes wrong while reading it is that file's (or line's) Rejected."""
    try:
        yield from _read_kind(path, settings)
    except Exception as exc:  # noqa: BLE001 - one unreadable file must not stop a run of thousands
        yield Rejected(str(path), _failure(exc))


def _failure(exc: Exception) -> str:
    message = " ".join(str(exc).split())
    return f"cannot be read ({type(exc).__name__}: {message}); please report it with this input"


def _read_kind(path: Path, settings: Settings) -> Iterator[Article | Rejected]:
    kind = SUFFIXES.get(path.suffix.lower(), "text")
    if kind == "jsonl":
        yield from _read_jsonl(path, settings)
        return
    size = path.stat().st_size
    if size > settings.max_file_bytes:
        yield Rejected(str(path), f"file is {size:,} bytes, over the limit of {settings.max_file_bytes:,} (setting max_file_bytes)")
        return
    if kind == "text" and size > 4 * settings.max_article_chars:  # UTF-8 takes at most 4 bytes a character
        yield Rejected(str(path), f"file is {size:,} bytes, more than an article of {settings.max_article_chars:,} "
                                  "characters can take (setting max_article_chars)")
        return
    data = path.read_bytes()
    text = _decode(str(path), data, whole_file=True)
    if isinstance(text, Rejected):
        yield text
        return
    if kind == "html":
        yield _check(_from_html(path, text), settings)
        return
    yield _check(article_from_text(path.stem, text, path=str(path)), settings)


def _decode(where: str, data: bytes, *, whole_file: bool = False) -> str | Rejected:
    digest = hashlib.sha256(data).hexdigest()[:16]
    codec = next((c for bom, c in _BOMS if data.startswith(bom)), None) if whole_file else None
    if codec is not None:  # UTF-16 and UTF-32 hold NUL bytes: known by their byte order mark
        try:
            return data.decode(codec)
        except UnicodeDecodeError as exc:
            return Rejected(where, f"not valid {codec.upper()} (byte {exc.start}) though it starts with its byte order mark", digest)
    if b"\x00" in data[:65536]:
        return Rejected(where, "binary content (NUL bytes); not a text article", digest)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Rejected(where, f"not valid UTF-8 (byte {exc.start}); re-encode it as UTF-8 (it may be cp1251 or latin-1)", digest)


def _read_jsonl(path: Path, settings: Settings) -> Iterator[Article | Rejected]:
    cap = settings.max_article_chars * 4
    lines = 0
    with path.open("rb") as handle:
        for n, line in enumerate(_lines(handle, cap), 1):
            where = f"{path}:{n}"
            if line is not None and not line.strip():
                continue
            lines += 1
            if line is None:
                yield Rejected(where, f"line is over {cap:,} bytes, over the article size limit (setting max_article_chars)")
                continue
            try:
                yield _read_line(line, where, path, n, settings)
            except Exception as exc:  # noqa: BLE001 - one line's failure is that line's, the file goes on
                yield Rejected(where, _failure(exc))
    if not lines:
        yield Rejected(str(path), "empty JSON Lines file (no line holds a record)")


def _lines(handle: BinaryIO, cap: int) -> Iterator[bytes | None]:
    """The file's lines, None for a line over `cap` bytes (read past, never held whole in memory)."""
    while True:
        line = handle.readline(cap + 1)
        if not line:
            return
        if len(line) <= cap or line.endswith(b"\n"):
            yield line
            continue
        while line and not line.endswith(b"\n"):
            line = handle.readline(1 << 20)
        yield None


def _read_line(line: bytes, where: str, path: Path, n: int, settings: Settings) -> Article | Rejected:
    text = _decode(where, line)
    if isinstance(text, Rejected):
        return text
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return Rejected(where, f"not JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return Rejected(where, "JSON nested too deeply to read (arrays or objects inside each other)")
    if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
        return Rejected(where, "record has no 'text' string")
    for key in ("text", "id", "title", "date", "source", "authors", "url"):
        try:
            json.dumps(record.get(key), ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError as exc:
            if key == "text":
                return Rejected(where, f"text holds invalid Unicode (an unpaired surrogate at character {exc.start})")
            return Rejected(where, f"'{key}' holds invalid Unicode (an unpaired surrogate)")
    return _check(_from_record(record, path, n), settings, where)


def _from_record(record: dict[str, object], path: Path, line: int) -> Article:
    base = article_from_text(str(record.get("id") or f"{path.stem}:{line}"), str(record["text"]), path=f"{path}:{line}")
    published = dates.parse_published(str(record["date"])) if record.get("date") else base.published
    authors = record.get("authors")
    return Article(
        id=base.id, text=base.text,
        title=str(record["title"]) if record.get("title") else base.title,
        published=published,
        source=str(record["source"]) if record.get("source") else base.source,
        authors=tuple(str(a) for a in authors) if isinstance(authors, list) else base.authors,
        url=str(record["url"]) if record.get("url") else None,
        path=base.path, body_start=base.body_start,
    )


def _from_html(path: Path, html: str) -> Article | Rejected:
    try:
        import trafilatura
    except ImportError as exc:  # a dependency of the HTML reader is missing from this environment
        reason = " ".join(str(exc).split())
        return Rejected(str(path), f"the HTML reader cannot be loaded ({reason}); install accord's dependencies "
                                   "again: pip install -e . (it needs lxml_html_clean)")

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or len(text.split()) < 20:
        return Rejected(str(path), "HTML page has no main text (navigation or boilerplate only, or markup nested too deeply)")
    meta = trafilatura.extract_metadata(html)
    base = article_from_text(path.stem, text, path=str(path))
    published = dates.parse_published(meta.date) if meta is not None and meta.date else base.published
    return Article(
        id=base.id, text=text, title=(meta.title if meta is not None and meta.title else base.title),
        published=published, source=(meta.sitename if meta is not None and meta.sitename else base.source),
        authors=tuple(a.strip() for a in (meta.author or "").split(";") if a.strip()) if meta is not None and meta.author else base.authors,
        url=meta.url if meta is not None else None, path=str(path),
    )


def article_from_text(doc_id: str, text: str, *, path: str | None = None) -> Article:
    """An Article whose metadata is read from its header lines where present."""
    published, source, authors = None, None, []
    lines = text.splitlines(keepends=True)
    head = [ln for ln in lines[:6] if ln.strip()][:3]
    header_lines: set[str] = set()
    for i, line in enumerate(head):
        m = _DATE_LINE.match(line)
        if m:
            published = dates.parse_published(m[1])
            header_lines.add(line)
        by = _BYLINE.search(line.strip())
        if by and len(line) < 120:
            header_lines.add(line)
            name = by[1].strip()
            if len(name.split()) == 1 and i == 0:
                source = name
            else:
                authors.append(name)
            if i + 1 < len(head) and _NAME_LINE.match(head[i + 1]) and not authors:
                authors.append(head[i + 1].strip())
                header_lines.add(head[i + 1])
    if published is None:
        published = dates.find_dateline(text)
    return Article(id=doc_id, text=text, published=published, source=source, authors=tuple(authors), path=path,
                   body_start=_body_start(lines, header_lines))


def _body_start(lines: list[str], header: set[str]) -> int:
    """Offset of the first line that is neither blank nor a header line."""
    offset = 0
    for line in lines:
        if line.strip() and line not in header:
            return offset
        offset += len(line)
    return 0


def _check(item: Article | Rejected, settings: Settings, where: str | None = None) -> Article | Rejected:
    if isinstance(item, Rejected):
        return item
    where = where or item.path or item.id
    text = item.text
    if not text.strip():
        return Rejected(where, "empty article", item.content_hash)
    if len(text) > settings.max_article_chars:
        return Rejected(where, f"article is {len(text):,} characters, over the limit of {settings.max_article_chars:,} (setting max_article_chars)", item.content_hash)
    words = re.findall(r"[A-Za-z]+", text[:20000].lower())
    letters = "".join(filter(str.isalpha, text[:20000]))
    if letters and sum(map(str.isascii, letters)) / len(letters) < 0.7:
        return Rejected(where, "not English (mostly non-Latin letters)", item.content_hash)
    if len(words) >= 40 and sum(w in _COMMON for w in words) / len(words) < settings.min_english_ratio:
        return Rejected(where, "not English (too few common English words)", item.content_hash)
    return item
