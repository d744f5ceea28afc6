"""run(): read, annotate, find actors, code events and facts. Composes the stages, nothing else."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from . import actors as actors_stage
from . import compiled
from . import events as events_stage
from . import facts as facts_stage
from . import places
from .annotate import Annotator
from .errors import AccordError
from .model import Article, Explanation, Extraction, Span
from .settings import Settings


def extract_doc(article: Article, doc: Any, *, settings: Settings) -> Extraction:
    """Everything found in one article, given its spaCy parse."""
    tables = compiled.tables(settings)
    dictionary = compiled.dictionary(settings)
    table = actors_stage.find_actors(doc, article.id, tables, date=article.published.value if article.published else None,
                                     body_start=article.body_start)
    gazetteer = compiled.gazetteer(settings)
    reference = article.published
    found = []
    explanations = []
    for sent in doc.sents:
        coded = events_stage.code_sentence(sent, table, dictionary=dictionary, reference=reference,
                                           max_chars=settings.max_sentence_chars, start_index=len(found),
                                           gazetteer=gazetteer)
        found.extend(e for e in coded.events if e.confidence >= settings.min_confidence)
        if coded.lines:
            text = table.text[sent.start_char:sent.end_char]  # sent.text joins its tokens anew
            explanations.append(Explanation(Span(article.id, sent.start_char, sent.end_char, text), tuple(coded.lines)))
    merged = places.locate(events_stage.merge_mentions(found), article, table, gazetteer)
    # ids are numbered once, after merging, so they are unique and stable within the article
    events = [replace(e, id=f"{article.id}:e{n}") for n, e in enumerate(merged, 1)]
    facts = facts_stage.find_facts(doc, table, reference=reference, vocabulary=dictionary.words, events=events,
                                   gazetteer=gazetteer)
    return Extraction(article=article, events=tuple(events), facts=tuple(facts), entities=table.to_entities(),
                      explanations=tuple(explanations))


def run(articles: Iterable[Article], *, settings: Settings | None = None,
        annotator: Annotator | None = None) -> Iterator[Extraction]:
    """Extractions for a stream of articles, parsed in batches; memory stays flat."""
    settings = settings or Settings()
    annotator = annotator or Annotator.load(settings.pipeline)
    if settings.preselect and annotator.selector is None:
        annotator = replace(annotator, selector=compiled.selector(settings, annotator))
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= settings.batch_size:
            yield from _batch(batch, annotator, settings)
            batch = []
    if batch:
        yield from _batch(batch, annotator, settings)


def _batch(batch: list[Article], annotator: Annotator, settings: Settings) -> Iterator[Extraction]:
    for article, doc, error in _parsed(batch, annotator, settings):
        if error is not None:
            yield Extraction(article=article, error=error)
            continue
        try:
            yield extract_doc(article, doc, settings=settings)
        except Exception as exc:  # noqa: BLE001 - one article's failure must not stop a run of thousands
            yield Extraction(article=article, error=_failure("coding", exc))


def _parsed(batch: list[Article], annotator: Annotator, settings: Settings) -> Iterator[tuple[Article, Any, str | None]]:
    """Each article with its parse, or with the reason it has none.

    The batch is parsed together; when that fails, the articles not yet parsed are parsed one
    by one, so that only the text that breaks the parser goes to the quarantine.
    """
    done = 0
    try:
        for doc in annotator.pipe((a.text for a in batch), batch_size=settings.batch_size):
            yield batch[done], doc, None
            done += 1
    except Exception:  # noqa: BLE001 - which text broke the batch is found below, one at a time
        for article in batch[done:]:
            try:
                doc = annotator.annotate(article.text)
            except Exception as exc:  # noqa: BLE001 - this text alone breaks the parser: quarantine it
                yield article, None, _failure("parsing", exc)
                continue
            yield article, doc, None


def _failure(stage: str, exc: Exception) -> str:
    message = " ".join(str(exc).split())[:500]
    return f"internal error while {stage} ({type(exc).__name__}: {message}); please report it with this article"


def extract(article: Article | str, *, published: str | None = None, settings: Settings | None = None,
            annotator: Annotator | None = None) -> Extraction:
    """Events, facts and actors of one article or text."""
    from .dates import parse_published
    from .ingest import article_from_text

    if isinstance(article, str):
        article = article_from_text("text", article)
    if published:
        article = replace(article, published=parse_published(published))
    x = next(run([article], settings=settings, annotator=annotator))
    if x.error:
        raise AccordError(f"{article.id}: {x.error}")
    return x
