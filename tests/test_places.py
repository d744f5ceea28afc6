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


def _events(annotator, text, published="1991-06-12"):
    return extract(article_from_text("t", text), published=published, annotator=annotator).events


def _located(annotator, text, rtype, published="1991-06-12"):
    e = next(e for e in _events(annotator, text, published) if e.type == rtype)
    return (e.location.country, e.location.how) if e.location is not None else None


def test_here_takes_the_dateline_in_every_wire_form(annotator):
    for head in ("BRUSSELS, June 12 -", "BRUSSELS (Reuters) -", "BRUSSELS, Belgium (AP) —"):
        text = f"{head} Spain and Portugal held a meeting here on fishing rights."
        assert _located(annotator, text, "CONSULT") == ("BEL", "dateline"), head


def test_a_statement_of_the_report_s_day_is_placed_by_the_dateline(annotator):
    assert _located(annotator, "SEOUL, June 12 - South Korea warned China it could retaliate.",
                    "THREATEN") == ("KOR", "dateline")
    # filed from a third country (a listening post): not placed there
    loc = _located(annotator, "LONDON, June 12 - Iran warned Iraq against new attacks, Tehran radio said.", "THREATEN")
    assert loc is None or loc[0] != "GBR"
    # a seat: meetings there are placed in its country
    assert _located(annotator, "UNITED NATIONS, June 12 - China and Israel discussed peace prospects.",
                    "CONSULT") == ("USA", "dateline")


def test_a_place_after_into_or_at(annotator):
    assert _located(annotator, "Turkey launched a military offensive into northern Syria on Wednesday.",
                    "ASSAULT") == ("SYR", "stated")
    assert _located(annotator, "The United States killed the general in an airstrike at Baghdad airport.",
                    "ASSAULT") == ("IRQ", "stated")


def test_a_country_named_as_a_party_is_not_a_place(annotator):
    text = "Iraqi troops suffered heavy losses in Iran's offensive in northern Iraq, Iraq said."
    assert _located(annotator, text, "ASSAULT")[0] == "IRQ"
    loc = _located(annotator, "An aide said Chile was willing to reopen border negotiations with Bolivia.", "AGREE")
    assert loc is None or loc[0] != "BOL"


def test_where_the_actors_are_when_nothing_is_stated(annotator):
    assert _located(annotator, "The Philippine government ordered the broadcaster to shut down.",
                    "COERCE") == ("PHL", "actors")  # an act within one country
    assert _located(annotator, "Houthi rebels attacked Saudi oil facilities with drones.",
                    "ASSAULT") == ("SAU", "actors")  # an attack, where the attacked are


def test_the_same_act_named_again_is_where_it_was_stated(annotator):
    text = "Greek and Turkish diplomats met in Geneva on Monday. Greece held further talks with Turkey on Tuesday."
    events = [e for e in _events(annotator, text) if e.type == "CONSULT"]
    assert len(events) == 2 and all(e.location is not None and e.location.country == "CHE" for e in events)


def test_regions_and_provinces_not_only_cities(annotator):
    g = Gazetteer.load()
    assert g.region("Darfur") == "SDN" and g.region("Bavaria") == "DEU" and g.region("Quebec") == "CAN"
    assert g.region("Punjab") is None and g.region("Punjab", prefer={"PAK"}) == "PAK"  # two countries name it
    assert _located(annotator, "Rebels attacked an army base in Darfur on Monday.", "ASSAULT") == ("SDN", "stated")
    assert _located(annotator, "Turkish jets struck targets in Idlib.", "ASSAULT") == ("SYR", "stated")
