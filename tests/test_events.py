"""Event coding on sentences written for these tests, one or more per trigger family."""
import pytest

from accord.ingest import article_from_text
from accord.pipeline import extract


def events(text, published="2024-03-14", annotator=None):
    art = article_from_text("t", text)
    x = extract(art, published=published, annotator=annotator)
    return x.events


def one(evs, type_):
    found = [e for e in evs if e.type == type_]
    assert found, f"no {type_} among {[(e.type, e.source.country, e.target and e.target.country, e.rule) for e in evs]}"
    return found[0]


def dyad(e):
    return (e.source.country, e.target.country if e.target else None)


@pytest.mark.parametrize("text,type_,pair", [
    ("Portugal and Morocco signed a memorandum on fisheries on Tuesday.", "SUPPORT", {"PRT", "MAR"}),
    ("Polish Prime Minister Donald Tusk met with Ukrainian President Volodymyr Zelensky in Kyiv.", "CONSULT", {"POL", "UKR"}),
    ("Chile held talks with Bolivia over water rights.", "CONSULT", {"CHL", "BOL"}),
    ("Norway expressed support for Ukraine's sovereignty.", "SUPPORT", {"NOR", "UKR"}),
    ("Canada imposed sanctions on Iran.", "SANCTION", {"CAN", "IRN"}),
    ("Sweden condemned Russia over the attack.", "ACCUSE", {"SWE", "RUS"}),
    ("Israel launched airstrikes on Syria.", "ASSAULT", {"ISR", "SYR"}),
    ("Ethiopia accused Egypt of threatening its security.", "ACCUSE", {"ETH", "EGY"}),
    ("Pakistan rejected India's proposal.", "REJECT", {"PAK", "IND"}),
    ("Venezuela threatened to expel Colombian diplomats.", "THREATEN", {"VEN", "COL"}),
    ("Serbia demanded that Kosovo withdraw its police.", "REQUEST", {"SRB", "XKX"}),
    ("Japan provided humanitarian aid to Turkey.", "AID", {"JPN", "TUR"}),
])
def test_trigger_families(annotator, text, type_, pair):
    e = one(events(text, annotator=annotator), type_)
    assert {e.source.country, e.target.country if e.target else None} == pair


def test_visit_has_visitor_as_source_and_host_as_target(annotator):
    e = one(events("Kenyan President William Ruto paid a visit to Germany on Monday.", annotator=annotator), "CONSULT")
    assert dyad(e) == ("KEN", "DEU") and e.mode == "visit" and e.location.country == "DEU"


def test_nominal_visit_with_date(annotator):
    evs = events("During Mexican President Andres Lopez's visit to Cuba in March 2021, the two sides signed an accord.",
                 annotator=annotator)
    visit = one(evs, "CONSULT")
    assert dyad(visit) == ("MEX", "CUB") and visit.date.value == "2021-03"


def test_passive_voice(annotator):
    e = one(events("A Turkish convoy was attacked by Syrian rebels.", annotator=annotator), "ASSAULT")
    assert dyad(e) == ("SYR", "TUR")


def test_negation_and_modality_drop_the_event(annotator):
    assert not [e for e in events("France did not meet with Algeria.", annotator=annotator) if e.type == "CONSULT"]
    assert not [e for e in events("Canada may impose sanctions on Iran.", annotator=annotator) if e.type == "SANCTION"]


def test_future_acts_are_agree(annotator):
    e = one(events("Greece will sign a defence agreement with France next week.", annotator=annotator), "AGREE")
    assert {e.source.country, e.target.country} == {"GRC", "FRA"}


def test_background_event_keeps_its_own_date(annotator):
    e = one(events("Diplomatic relations between Peru and Brazil were established on June 3, 1826.",
                   annotator=annotator), "SUPPORT")
    assert e.date.value == "1826-06-03" or e.date.value.startswith("18")


def test_reported_speech_keeps_the_reported_event(annotator):
    e = one(events("Officials said Armenia and Georgia signed a transit agreement.", annotator=annotator), "SUPPORT")
    assert {e.source.country, e.target.country} == {"ARM", "GEO"}


def test_each_event_keeps_evidence_trigger_rule_and_confidence(annotator):
    text = "Egypt and Sudan signed an agreement on the Nile on Monday."
    e = one(events(text, annotator=annotator), "SUPPORT")
    assert text[e.evidence.start:e.evidence.end] == e.evidence.text
    assert text[e.trigger.start:e.trigger.end] == "signed"
    assert e.rule and 0 < e.confidence <= 1
    assert e.date.value == "2024-03-11"
