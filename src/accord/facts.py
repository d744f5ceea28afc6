"""Facts: money, counts, percentages and quantities, each with its holder and counterpart country.

figures.py reads the numbers as written ("300 mln dlrs", "between 15 and 20 pct", "340 kms");
this module adds the nouns numbers count ("400 American troops", "three mln peasants"), whose
each figure is (holders.py), its metric and its date. "770 million euros ($910.8M)" is one fact
whose conversion is kept as an alternative value.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from . import dates, places
from .actors import ArticleActors
from .figures import SKIPPED_UNITS, Figure, find_figures, parse_number, qualifier_before, spelled_number
from .holders import Context, clause_verb, figure_parties, is_market, sentence_parties
from .model import Event, Fact, FuzzyDate, Span
from .vocabulary import Vocabulary, load_vocabulary

__all__ = ["Figure", "find_facts", "find_figures", "parse_number", "qualifier_before"]


def find_facts(doc: Any, actors: ArticleActors, *, reference: FuzzyDate | None = None,
               vocabulary: Vocabulary | None = None, events: Sequence[Event] = (),
               gazetteer: Any = None) -> list[Fact]:
    """Every figure of the article with its parties, metric and date (`vocabulary`: the shipped one if not given;
    `events`: the article's coded events, whose parties a figure of their clause takes where the sentence is silent;
    `gazetteer`: the pipeline's, loaded only if a dateline names a city, else the shipped one)."""
    words = vocabulary or load_vocabulary()
    facts: list[Fact] = []
    seen: set[tuple[int, int, float]] = set()
    main = [c for c, _ in actors.country_counts().most_common()]
    topic = _topic(actors, words, gazetteer)
    before: tuple[Any, ...] = ()
    referents = Referents()
    for sent in doc.sents:
        if sent.end <= actors.first_token:
            continue  # the date line and byline hold no figure of the news
        if "\n\n" in actors.text[max(0, sent.start_char - 4):sent.start_char] or sent.start == actors.first_token:
            before = ()  # a new paragraph
        here = [actors.actor(m.entity).country for m in actors.mentions_between(sent.start, sent.end)]
        named = any(here)
        context = Context(tuple(events), topic, () if named else before)
        text = actors.text[sent.start_char:sent.end_char]  # sent.text joins its tokens anew
        countries = list(dict.fromkeys([c for c in here if c] + main))
        figures = find_figures(text, words=words, countries=countries, country_of=lambda name: _country(actors, name))
        figures += _counts(sent, figures, words, actors.tables.collectives, actors.numbers)
        parties: dict[int, tuple[str | None, str | None]] = {}
        for fig in sorted(figures, key=lambda f: f.start):
            fact = _fact(fig, sent, actors, words, reference, context, [f for f in figures if f is not fig],
                         len(facts) + 1, parties.get(fig.like) if fig.like is not None else None,
                         referents=referents, named=named)
            if fact is None or (fact.span.start, fact.span.end, fact.value) in seen:
                continue
            fact = _sibling(fact, facts, sent, words)
            parties[fig.start] = (fact.holder, fact.counterpart)
            seen.add((fact.span.start, fact.span.end, fact.value))
            facts.append(fact)
        before = sentence_parties(sent, actors, words) or before
    return facts


def _topic(actors: ArticleActors, words: Vocabulary, gazetteer: Any = None) -> str | None:
    """The article's own country: that of its dateline if the article names it twice, else the one it names most
    (twice at least, and half again as often as the next)."""
    counts = actors.country_counts()
    filed = places.filed_from(actors.text, actors.article_id, gazetteer or places.Gazetteer.load(), actors, words)
    if filed is not None and filed.country and counts.get(filed.country, 0) >= 2:
        return filed.country
    top = counts.most_common(2)
    if top and top[0][1] >= 2 and (len(top) == 1 or top[0][1] >= 1.5 * top[1][1]):
        return top[0][0]
    return None


def _country(actors: ArticleActors, name: str) -> str | None:
    hit = actors.tables.places.get(name)
    return hit[0] if hit else None


def _fact(fig: Figure, sent: Any, actors: ArticleActors, words: Vocabulary, reference: FuzzyDate | None,
          context: Context, others: list[Figure], n: int,
          like: tuple[str | None, str | None] | None = None, referents: "Referents | None" = None,
          named: bool = True) -> Fact | None:
    doc = sent.doc
    a, b = sent.start_char + fig.start, min(sent.start_char + fig.end, sent.end_char)
    span = doc.char_span(a, b, alignment_mode="expand") if a < b else None
    if span is None:
        return None
    segment = _segment(span, others, sent)
    # "7.6 billion francs in 1986 against 5.1 billion in 1985": the second is the first's
    if _bearing(span, fig, words):
        holder, counterpart = None, None  # "160 km east of the capital": where a place lies, no one's figure
    else:
        holder, counterpart = like or _change_parties(span, sent, actors, words) or \
            figure_parties(span, fig.fact_type, actors, words, segment=segment, context=context)
    if referents is not None:
        if counterpart is None and not named:  # "the list" a figure of an earlier sentence was of
            holder, counterpart = referents.recall(span) or (holder, counterpart)
        referents.remember(span, holder, counterpart)
    return Fact(
        id=f"{actors.article_id}:f{n}", article_id=actors.article_id,
        fact_type=fig.fact_type,  # type: ignore[arg-type]
        value=fig.value, unit=fig.unit, qualifier=_estimated(fig.qualifier, segment, span),  # type: ignore[arg-type]
        evidence=Span(actors.article_id, sent.start_char, sent.end_char, sent.text),
        span=Span(actors.article_id, a, b, actors.text[a:b]),
        metric=_metric(segment, span, fig, words), holder=holder, counterpart=counterpart,
        date=_fact_date(span, segment, sent, reference), alt_value=fig.alt_value, alt_unit=fig.alt_unit)


def _estimated(qualifier: str, segment: list[Any], span: Any) -> str:
    """ "Estimates showed a 190 mln franc surplus", "officials estimated the damage at 5 mln dlrs": about."""
    if qualifier != "exact":
        return qualifier
    root = span.root
    told = any(t.lemma_.lower() == "estimate" and (t.is_ancestor(root) or (
        t.dep_ in ("nsubj", "nsubjpass") and t.head.is_ancestor(root))) for t in segment)
    return "about" if told else qualifier  # not "the plan, estimated to cost X, aims at 9 mln hectares"


def _sibling(fact: Fact, facts: list[Fact], sent: Any, words: Vocabulary) -> Fact:
    """ "A's exports to B reached $1.2 billion, while imports reached $1.8 billion": a figure of no party takes
    those of the figure of the same kind and unit before it in its sentence (not where prices are told)."""
    prev = facts[-1] if facts else None
    if fact.holder or fact.counterpart or prev is None or prev.evidence.start != fact.evidence.start \
            or (prev.fact_type, prev.unit) != (fact.fact_type, fact.unit) or not (prev.holder or prev.counterpart):
        return fact
    if is_market(list(sent), words):
        return fact
    return replace(fact, holder=prev.holder, counterpart=prev.counterpart)


def _bearing(span: Any, fig: Figure, words: Vocabulary) -> bool:
    """A length followed by a bearing ("340 kms north of", "(100 miles) east of", "20 km from")."""
    if fig.unit not in words.distance_units:
        return False
    after = [t for t in span.doc[span.end:span.end + 6] if not t.is_punct and not t.like_num
             and t.lower_ not in words.distance_units and t.lemma_.lower() not in words.distance_units]
    return bool(after) and after[0].lower_ in words.bearing_words


class Referents:
    """The nouns earlier figures were of, with their parties: "Chile unveiled a package of 900 mln dlrs of
    Peruvian fish. ... The package includes 300 mln dlrs of tuna": the package is Chile's, of Peru's goods."""

    def __init__(self) -> None:
        self.parties: dict[str, tuple[str, str]] = {}

    def remember(self, span: Any, holder: str | None, counterpart: str | None) -> None:
        if holder and counterpart:
            for tok in _heads(span):
                self.parties[tok.lemma_.lower()] = (holder, counterpart)

    def recall(self, span: Any) -> tuple[str, str] | None:
        """The parties of the definite noun ("the list", "this package") that is the subject of the figure's clause."""
        verb = clause_verb(span.root)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
        if subject is None or subject.pos_ != "NOUN" or not any(c.lower_ in ("the", "this", "that") for c in subject.children):
            return None
        return self.parties.get(subject.lemma_.lower())


def _heads(span: Any) -> list[Any]:
    """The nouns above a figure up to its clause's verb: those it is of ("a list of 2.6 billion dlrs")."""
    out, tok = [], span.root
    for _ in range(6):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return out
        if tok.pos_ == "NOUN" and not (span.start <= tok.i < span.end):
            out.append(tok)
    return out


def _counts(sent: Any, figures: list[Figure], words: Vocabulary, collectives: frozenset[str] = frozenset(),
            numbers: Sequence[bool] | None = None) -> list[Figure]:
    """ "over 100 Italian companies", "three mln impoverished peasants": a number counting a plural noun
    (not "the two countries", a pair of actors: `collectives`). `numbers`: whether each token of the doc is
    like a number, where the caller has read it (then a Token is built only for those, the only ones that count)."""
    out = []
    covered = [(f.start, f.end) for f in figures]
    doc = sent.doc
    for tok in sent if numbers is None else (doc[i] for i in range(sent.start, sent.end) if numbers[i]):
        rel = tok.idx - sent.start_char
        if any(s <= rel < e for s, e in covered) or tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"):
            continue
        value = _count_value(tok, words)
        noun = _counted_noun(tok) if value is not None else None
        if noun is None or value is None or value < 2 or (1900 <= value <= 2100 and "," not in tok.text):
            continue
        unit = _unit_word(noun)
        if unit in SKIPPED_UNITS or noun.lower_ in collectives or noun.lemma_.lower() in ("time", "year", "month", "day", "week", "hour", "minute"):
            continue
        start = _number_start(tok)
        qual = qualifier_before(sent.text, start.idx - sent.start_char, words=words)
        end = noun if noun.i == tok.head.i or noun.is_ancestor(tok) else tok.head  # "18 FM and five AM stations"
        out.append(Figure(start.idx - sent.start_char, end.idx + len(end) - sent.start_char, "count", value, unit,
                          qualifier=qual))
    return out


def _count_value(tok: Any, words: Vocabulary) -> float | None:
    """The value a number token and the magnitude after it write ("3,600", "three mln", "ten")."""
    if not tok.like_num or (tok.dep_ not in ("nummod", "compound", "quantmod", "nmod") and _partitive(tok) is None):
        return None
    if tok.text[:1].isdigit():
        value = parse_number(tok.text, words=words, whole=True)
    else:
        value = spelled_number(tok.text, words=words)
        if value is None or tok.lower_ in ("one", "a", "an", "two"):
            return None  # "the two sides", "two officials said": a pair is rarely a figure of the news
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if value is not None and nxt is not None and nxt.lower_ in words.magnitudes and len(nxt.text) > 1:
        value *= words.magnitudes[nxt.lower_]
    return value


def _partitive(tok: Any) -> Any:
    """ "all eleven of the legislative bills": the plural noun after "of"."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            noun = next((c for c in prep.children if c.dep_ == "pobj" and c.tag_ in ("NNS", "NNPS")), None)
            if noun is not None:
                return noun
    return None


def _counted_noun(tok: Any) -> Any:
    """The plural noun a number counts, through the modifiers between them ("six AM radio stations"), or
    coordinated with it ("14 FM and six AM radio stations"), or after "of" ("eleven of the bills")."""
    partitive = _partitive(tok)
    if partitive is not None and tok.dep_ not in ("nummod", "compound", "quantmod", "nmod"):
        return partitive
    noun = tok.head
    for _ in range(3):
        if noun.tag_ in ("NNS", "NNPS") and noun.i > tok.i:
            return noun
        plural = next((c for c in noun.children if c.dep_ == "conj" and c.tag_ in ("NNS", "NNPS") and c.i > noun.i), None)
        if plural is not None and noun.i > tok.i and noun.i - tok.i <= 2:
            return plural
        if noun.dep_ in ("compound", "amod", "nummod", "conj", "nmod") and noun.head.i > noun.i:
            noun = noun.head
            continue
        break
    return None


def _number_start(tok: Any) -> Any:
    """ "between 15": the first token of the number phrase ("1,4 to" excluded: a range reads as two counts)."""
    return tok


def _unit_word(noun: Any) -> str:
    """The counted noun as a unit: lower case, a hyphenated compound whole ("passport-holders")."""
    doc = noun.doc
    i = noun.i
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        i -= 2
    return "".join(t.text_with_ws for t in doc[i:noun.i + 1]).strip().lower()


def _segment(span: Any, others: list[Figure], sent: Any) -> list[Any]:
    """The clause that states a figure: the nearest verb above it, less the other clauses under it."""
    tok = span.root
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return list(sent)
    while verb.dep_ in ("xcomp", "acomp", "auxpass", "aux") and verb.head.i != verb.i:
        verb = verb.head  # "is estimated to be around X": the clause is that of "estimated"
    excluded: set[int] = set()
    for d in verb.subtree:
        if d.i != verb.i and d.pos_ in ("VERB", "AUX") and d.dep_ in ("advcl", "pcomp", "conj", "ccomp", "relcl", "acl") \
                and span.root not in d.subtree and not any(t in d.subtree for t in span) \
                and not (d.dep_ == "acl" and d.head in span) and not (d.dep_ in ("acl", "relcl") and _in_subject(d.head, verb)):
            # "40,000 troops stationed in Korea", "the amount of crude delivered to X rose to 200,000 bpd": the figure's
            excluded.update(t.i for t in d.subtree)
    return [t for t in verb.subtree if t.i not in excluded]


def _in_subject(tok: Any, verb: Any) -> bool:
    """The token is the verb's subject noun or the object of its of-phrase ("the amount of crude")."""
    for _ in range(3):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i == verb.i:
            return tok.pos_ == "NOUN"
        if tok.dep_ not in ("pobj", "prep") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _change_parties(span: Any, sent: Any, actors: ArticleActors, words: Vocabulary) -> tuple[str | None, str | None] | None:
    """ "Italian exports to the region, with a 7 percent increase": a change belongs to the flow it changes."""
    after = sent.doc[span.end:span.end + 2]
    if not any(t.lemma_.lower() in words.change_words for t in after):
        return None
    flows = [t for t in sent if t.i < span.start and t.lemma_.lower() in words.flow_nouns]
    if not flows:
        return None
    flow = flows[-1]
    owners = [m for m in actors.mentions_in([c for c in flow.children if c.dep_ in ("amod", "poss", "compound", "nmod")])]
    owner = next((actors.actor(m.entity).country for m in owners if actors.actor(m.entity).country), None)
    if owner is None:
        return None
    # the other party is named in the flow's own clause ("X is the main destination of Italian exports"),
    # not in a clause around it ("Saudi Arabia was an architect of the accord under which OPEC cut output")
    clause = clause_verb(flow)
    others = [actors.actor(m.entity).country for m in actors.mentions_between(sent.start, sent.end)
              if clause_verb(actors.doc[m.head]) == clause]
    return owner, next((c for c in others if c and c != owner), None)


def _metric(segment: list[Any], span: Any, fig: Figure, words: Vocabulary) -> str | None:
    if fig.fact_type in ("count", "quantity"):
        return fig.unit
    near = sorted((abs(t.i - span.start), t.lemma_.lower()) for t in segment if t.lower_ in words.metric_words)
    return near[0][1] if near else None


def _fact_date(span: Any, segment: list[Any], sent: Any, reference: FuzzyDate | None) -> FuzzyDate | None:
    """The date the figure's clause gives, nearest the figure first ("7.4 billion dollars last year")."""
    if not segment:
        return None
    first = segment[0].i
    text = sent.doc[first:segment[-1].i + 1].text
    base = sent.doc[first].idx
    found = []
    for mention in dates.find_dates(text):
        resolved = dates.resolve(mention, reference)
        if resolved is not None and resolved.precision != "monthday":
            where = base + mention.start
            found.append((0 if where >= span.end_char else 1, abs(where - span.end_char), resolved))
    return min(found, key=lambda f: (f[1], f[0]))[2] if found else None
