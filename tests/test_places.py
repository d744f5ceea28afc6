"""Places on sentences written for these tests: stated places, datelines, ambiguity, metonyms."""
from accord.ingest import article_from_text
from accord.pipeline import extract
from accord.places import Gazetteer


def test_gazetteer_resolves_ambiguous_names_the_way_a_reader_would():
    g = Gazetteer.load()
    assert g.resolve("Paris").country == "FRA"
    assert g.resolve("Paris", qualifier="Texas").country == "USA"
    assert g.resolve("Tripoli", prefer={"LBN"}).country == "LBN"
    assert g.resolve("Nowhereville") is None


def test_stated_place_of_an_event(annotator):
    x = extract(article_from_text("t", "Greek and Turkish diplomats met in Athens on Monday."), published="2024-05-02",
                annotator=annotator)
    e = next(e for e in x.events if e.type == "CONSULT")
    assert e.location.country == "GRC" and e.location.place == "Athens" and e.location.how == "stated"
    assert e.location.lat is not None


def test_dateline_places_the_day_s_events(annotator):
    x = extract(article_from_text("t", "ATHENS, May 2 - Greece and Cyprus signed a treaty on energy on Thursday."),
                published="1987-05-02", annotator=annotator)
    e = next(e for e in x.events if e.type == "SUPPORT")
    assert e.location.country == "GRC" and e.location.how == "dateline"


def test_capital_as_government_is_an_actor_not_a_place(annotator):
    x = extract(article_from_text("t", "Moscow condemned Warsaw over the expulsion."), annotator=annotator)
    e = next(e for e in x.events if e.type == "ACCUSE")
    assert (e.source.country, e.target.country) == ("RUS", "POL")
    # Warsaw is the target, not a place: with nothing stated, a state's statement is placed at home
    assert e.location is not None and (e.location.country, e.location.how) == ("RUS", "actors")


def test_a_visit_happens_at_the_host(annotator):
    x = extract(article_from_text("t", "Indian Prime Minister Narendra Modi visited Egypt on Saturday."),
                published="2023-06-24", annotator=annotator)
    e = next(e for e in x.events if e.type == "CONSULT")
    assert e.location.country == "EGY" and e.location.how == "host"


def test_an_unnamed_region_is_in_the_country_last_stated(annotator):
    text = ("Chile sent engineers to rebuild roads in Peru's flooded provinces. "
            "Thus, Chile and Argentina have started the implementation of a joint project to rebuild the flooded region.")
    x = extract(article_from_text("t", text), published="2024-05-02", annotator=annotator)
    e = next(e for e in x.events if e.type == "COOPERATE")
    assert e.location is not None and e.location.country == "PER"


def test_a_dateline_reads_the_user_s_place_names(annotator, tmp_path):
    from accord.settings import Settings

    user = tmp_path / "actors.yaml"
    user.write_text("actors:\n  - {name: Zarqovia, country: CYP, kind: place}\n", encoding="utf-8")
    text = "ZARQOVIA, May 2 - Greece and Cyprus signed a treaty on energy on Thursday."
    x = extract(article_from_text("t", text), published="1987-05-02", annotator=annotator,
                settings=Settings(user_actors=str(user)))
    e = next(e for e in x.events if e.type == "SUPPORT")
    assert e.location.country == "CYP" and e.location.how == "dateline"
