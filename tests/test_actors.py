"""Actor resolution on sentences written for these tests."""
import pytest

from accord.actors import load_tables
from accord.errors import InputError


def entity_of(table, text):
    for e in table.to_entities():
        if any(m.text == text or text in m.text for m in e.mentions):
            return e.actor
    raise AssertionError(f"no entity mentioned as {text!r}: {[m.text for e in table.to_entities() for m in e.mentions]}")


def test_country_names_demonyms_capitals_and_metonyms():
    t = load_tables()
    assert t.places["Azerbaijani"][0] == "AZE"
    assert t.places["Baku"] == ("AZE", "capital")
    assert t.places["U.S."][0] == "USA" and t.places["Britain"][0] == "GBR"
    assert t.places["Kremlin"] == ("RUS", "metonym")
    assert t.orgs["Security Council"][0] == "UNO" and t.orgs["European Commission"][0] == "EUR"
    assert t.orgs["NATO"][:2] == ("IGO", "NATO")


def test_titled_person_gets_country_sectors_name_and_role(actors_of):
    table = actors_of("Georgian Defence Minister Lt-Gen Juansher Burchuladze met his Armenian counterpart Suren Papikyan in Tbilisi.")
    a = entity_of(table, "Juansher Burchuladze")
    assert (a.country, a.name, a.role) == ("GEO", "Juansher Burchuladze", "Defence Minister")
    assert set(a.sectors) == {"GOV", "MIL"}
    b = entity_of(table, "Suren Papikyan")
    assert b.country == "ARM" and b.role == "Defence Minister" and "MIL" in b.sectors


def test_later_mentions_join_the_same_entity(actors_of):
    table = actors_of("French President Emmanuel Macron received German Chancellor Olaf Scholz in Paris. "
                      "Macron said the talks were useful. The German chancellor thanked him. He then left.")
    macron = [e for e in table.to_entities() if e.actor.name == "Emmanuel Macron"]
    assert len(macron) == 1 and len(macron[0].mentions) >= 2
    scholz = [e for e in table.to_entities() if e.actor.name == "Olaf Scholz"][0]
    assert any(m.text.lower() == "the german chancellor" for m in scholz.mentions)


def test_institutions_and_companies(actors_of):
    table = actors_of("The Turkish Foreign Ministry and the Greek General Staff held talks. "
                      "Officials of the French Thales company's board attended.")
    ministry = entity_of(table, "Turkish Foreign Ministry")
    assert ministry.country == "TUR" and "GOV" in ministry.sectors and ministry.kind == "organisation"
    staff = entity_of(table, "Greek General Staff")
    assert staff.country == "GRC" and staff.sectors == ("MIL",)


def test_groups_take_sectors_from_their_noun(actors_of):
    table = actors_of("Israeli soldiers arrested dozens of Palestinian protesters.")
    assert entity_of(table, "Israeli soldiers").country == "ISR" and "MIL" in entity_of(table, "Israeli soldiers").sectors


def test_the_two_sides_denote_the_main_pair(actors_of):
    table = actors_of("Serbian President Aleksandar Vucic and Hungarian Prime Minister Viktor Orban met in Belgrade. "
                      "The two leaders discussed energy. The two countries signed a deal.")
    people = {table.actor(e).name for e in table.pair("sides")}
    assert people == {"Aleksandar Vucic", "Viktor Orban"}
    assert {table.actor(e).country for e in table.pair("countries")} == {"SRB", "HUN"}
    assert all(table.actor(e).kind == "country" for e in table.pair("countries"))


def test_capital_after_in_is_a_place_not_an_actor(actors_of):
    table = actors_of("Moscow said it would respond. The envoys met in Moscow.")
    mentions = [m for m in table.mentions if table.doc[m.head].text == "Moscow"]
    assert len(mentions) == 1 and table.actor(mentions[0].entity).country == "RUS"


def test_user_dictionary_adds_people(tmp_path, annotator):
    from accord.actors import find_actors

    f = tmp_path / "mine.yaml"
    f.write_text("actors:\n  - {name: Zorro Vega, country: MEX, sectors: [GOV], role: Interior Minister}\n")
    table = find_actors(annotator.annotate("Zorro Vega met officials."), "t", load_tables(str(f)))
    a = entity_of(table, "Zorro Vega")
    assert a.country == "MEX" and a.role == "Interior Minister"


def test_user_roles_with_dates_pick_the_role_held_at_the_report_date(tmp_path, annotator):
    from accord.actors import find_actors

    f = tmp_path / "mine.yaml"
    f.write_text("actors:\n  - name: Ana Lopez\n    country: CHL\n    sectors: [GOV]\n    roles:\n"
                 "      - {role: Foreign Minister, from: 2018-01-01, to: 2021-12-31}\n"
                 "      - {role: President, from: 2022-01-01, to: null}\n")
    tables = load_tables(str(f))
    doc = annotator.annotate("Ana Lopez met officials.")
    assert entity_of(find_actors(doc, "t", tables, date="2019-06-01"), "Ana Lopez").role == "Foreign Minister"
    assert entity_of(find_actors(doc, "t", tables, date="2023-03-01"), "Ana Lopez").role == "President"
    assert entity_of(find_actors(doc, "t", tables, date="2023-03-01"), "Ana Lopez").country == "CHL"


def test_shipped_people_table_knows_leaders(actors_of):
    table = actors_of("Putin offered to negotiate with Armenia.")
    assert entity_of(table, "Putin").country == "RUS"


def test_a_group_of_no_stated_country_takes_the_one_country_of_its_sentence(actors_of):
    table = actors_of("Striking farmers blocked roads to demand the resignation of the Chilean agriculture minister.")
    assert entity_of(table, "farmers").country == "CHL"
    # two countries in the sentence: no guess
    table = actors_of("Striking farmers blocked the border between Chile and Peru.")
    assert entity_of(table, "farmers").country is None


def test_a_country_named_only_as_the_kind_of_a_thing_lends_no_group_its_country(actors_of):
    table = actors_of("Kenya and Tanzania held talks on Monday.\n\nThe government said it would import Japanese cars.")
    assert entity_of(table, "The government").country is None
    # nor does it make the article one about that country: its acting country is the home
    table = actors_of("Kenya will buy more American wheat, officials said. Kenya also wants American rice and "
                      "American maize.\n\nThe government will import American cars and American trucks.")
    assert entity_of(table, "The government").country == "KEN"
    # a thing that is where the group acts is a setting, and its country the group's
    table = actors_of("Armed militiamen burned houses in a remote Bolivian village on Sunday.")
    assert entity_of(table, "militiamen").country == "BOL"


def test_a_person_never_takes_the_country_of_the_sentence(actors_of):
    table = actors_of("President Zorro Vega threatened further action against Russia.")
    assert entity_of(table, "Zorro Vega").country is None


def test_a_surname_that_all_its_known_bearers_share_takes_their_country(actors_of):
    table = actors_of("President Bush spoke in Ohio.")
    assert entity_of(table, "Bush").country == "USA"


def test_an_official_of_no_stated_country_takes_the_one_country_named_as_a_setting(actors_of):
    table = actors_of("Vice-President Zorro Vega declined to answer the Peruvian anti-corruption court.")
    assert entity_of(table, "Zorro Vega").country == "PER"
    # named as the other party, the country is not his
    table = actors_of("Vice-President Zorro Vega declined to meet Peru.")
    assert entity_of(table, "Zorro Vega").country is None


def test_residents_named_by_their_country_and_ethnic_groups_by_where_they_live(actors_of):
    table = actors_of("Bosnian Serbs said their forces had withdrawn.")
    assert entity_of(table, "Bosnian Serbs").country == "BIH"
    table = actors_of("Ethnic Hungarians in Slovakia protested on Sunday.")
    assert entity_of(table, "Ethnic Hungarians").country == "SVK"


def test_a_group_based_somewhere_is_of_that_country(actors_of):
    table = actors_of("A newspaper based in Beirut defied the ban.")
    assert entity_of(table, "newspaper").country == "LBN"


def test_a_country_name_with_a_letter_dropped_or_added_is_read(actors_of):
    table = actors_of("Ethopia has agreed to reopen its borders.")
    assert entity_of(table, "Ethopia").country == "ETH"
    table = actors_of("Quatar's emir arrived on Saturday.")
    assert entity_of(table, "Quatar").country == "QAT"


def test_words_one_letter_from_a_country_name_are_not_countries(actors_of):
    for text, word in [("Inland revenue rose in March.", "Inland"), ("Cameron said he would stay.", "Cameron"),
                       ("Leaders of the Americas met.", "Americas")]:
        table = actors_of(text)
        assert not any(word in m.text and e.actor.country for e in table.to_entities() for m in e.mentions), text


def test_an_unknown_worldwide_body_is_international(actors_of):
    table = actors_of("The World Water Forum opened in Kyoto.")
    assert entity_of(table, "World Water Forum").country == "NGO"


def test_a_bare_surname_needs_a_title_that_its_bearers_held(actors_of):
    assert entity_of(actors_of("Judge Bush sentenced him."), "Bush").country is None


def test_a_title_with_a_name_in_apposition_gives_the_role(actors_of):
    table = actors_of("The Minister for Interior Imran Khan Niazi allowed the rally, according to the Pakistani news agency.")
    actor = entity_of(table, "Niazi")
    assert actor.role and "Minister" in actor.role and actor.country == "PAK"


def test_a_newspaper_named_for_a_city_is_a_newspaper_not_the_country(actors_of):
    table = actors_of("Kenya sent troops to Somalia, the Washington Post said.")
    post = entity_of(table, "Washington Post")
    assert post.kind == "organisation" and "MED" in post.sectors
    assert table.country_counts()["USA"] == 0  # it names no setting for the article


def test_a_demonym_before_a_compound_qualifies_the_head(actors_of):
    table = actors_of("Bolivian coca farmers blocked the highway.")
    assert entity_of(table, "coca farmers").country == "BOL"


def test_a_split_name_is_found_by_its_last_word(actors_of):
    table = actors_of("Kenyan leader Daniel arap Moi hosted a delegation from Ethiopia.")
    assert {m.entity for m in table.mentions_in([t for t in table.doc if t.text == "Moi"])}


def test_a_user_actor_file_extends_the_role_word_lists(tmp_path, annotator):
    from accord.actors import find_actors

    text = "The wizards attacked a police station in Chad."
    only_sectors = tmp_path / "sectors.yaml"
    only_sectors.write_text("roles: {wizards: [REB]}\n", encoding="utf-8")
    standalone = tmp_path / "standalone.yaml"
    standalone.write_text("roles: {wizards: [REB]}\nstandalone: [wizards]\nranks: {remove: [dr]}\n", encoding="utf-8")
    doc = annotator.annotate(text)
    plain = find_actors(doc, "t", load_tables(str(only_sectors)))
    assert not any(m.text.endswith("wizards") for e in plain.to_entities() for m in e.mentions)  # a role word alone is nobody
    tables = load_tables(str(standalone))
    a = entity_of(find_actors(doc, "t", tables), "wizards")
    assert (a.kind, a.sectors, a.role) == ("group", ("REB",), "wizards")
    assert "dr" not in tables.ranks and "dr" in load_tables().ranks


def test_a_bad_role_word_entry_is_an_error_naming_file_and_line(tmp_path):
    for body, line, word in [("standalone: [wizards]\n", 1, "wizards"),
                             ("roles:\n  wizards: [REB]\n  Witches: [REB]\n", 3, "Witches"),
                             ("rankz: [amb]\n", 1, "rankz"),
                             ("actors:\n  - {name: Ann Smith, country: GBR}\n  - {name: Bob Jones}\n", 3, "country")]:
        path = tmp_path / f"bad{line}{word}.yaml"
        path.write_text(body, encoding="utf-8")
        with pytest.raises(InputError) as err:
            load_tables(str(path))
        assert err.value.where == f"{path}:{line}" and word in str(err.value)


def test_the_shipped_standalone_group_nouns_are_role_words():
    t = load_tables()
    assert t.standalone and t.standalone <= set(t.sectors)


def test_a_storm_named_like_a_person_is_no_actor(actors_of):
    table = actors_of("The governor declared an emergency on Thursday, with Tropical Storm Barry nearing the coast.")
    assert not [m for e in table.to_entities() for m in e.mentions if "Barry" in m.text]
