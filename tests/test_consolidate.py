"""Consolidation: one cluster per real event or figure across articles, conflicts flagged."""
from accord.consolidate import conflicting, dates_compatible, names_compatible, same_event, same_fact
from accord.runner import process
from accord.settings import Settings
from accord.store import Store


def fact(value, metric="investment", holder="ITA", counterpart="AZE", date=None):
    return {"fact_type": "money", "unit": "EUR", "holder": holder, "counterpart": counterpart, "value": value,
            "metric": metric, "date": date}


def test_same_figure_within_rounding():
    assert same_fact(fact(1.7e9), fact(1.71e9))
    assert not same_fact(fact(1.7e9), fact(2.0e9))
    assert not same_fact(fact(1.7e9), fact(1.7e9, holder="AZE", counterpart="ITA"))  # the mirror flow
    assert not same_fact(fact(1.7e9), fact(1.7e9, holder="GEO", counterpart=None))  # no party in common
    assert conflicting(fact(1.7e9), fact(2.5e9))
    assert not conflicting(fact(1.7e9), fact(2.5e9, metric="contracts"))


def test_dates_and_names():
    assert dates_compatible(None, None) and not dates_compatible(None, "2020")
    assert dates_compatible("2023-01-12", "2023-01-10") and not dates_compatible("2023-01-12", "2023-01-20")
    assert dates_compatible("2020-02", "2020-02-11") and not dates_compatible("--11-17", "2023-01-12")
    assert names_compatible("Crosetto", "Guido Crosetto") and not names_compatible("Guido Crosetto", "Ilham Aliyev")


def test_distinct_meetings_stay_distinct():
    a = {"type": "CONSULT", "date": "2023-01-12", "source": {"country": "AZE"}, "target": {"country": "ITA"}}
    b = dict(a, date="--11-17")
    assert not same_event(a, b)
    assert same_event(a, dict(a, date="2023-01-11"))


def test_three_reports_of_one_event_and_a_conflicting_figure(tmp_path):
    texts = {
        "r1": "date 2024-05-20\n\nPeru and Chile signed a trade agreement in Lima on Monday. "
              "Chile's investment in Peru is estimated at $4 billion.",
        "r2": "date 2024-05-21\n\nChile and Peru signed an accord on trade in Lima on Monday, officials said. "
              "Chile's investment in Peru is about $4 billion.",
        "r3": "date 2024-05-21\n\nThe Chilean and Peruvian governments signed a trade agreement on Monday. "
              "Chile's investment in Peru is estimated at $6 billion.",
    }
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text)
    with Store.open(tmp_path / "c.db") as store:
        process([tmp_path], settings=Settings(), store=store)
        signed = [e for e in store.events(type="SUPPORT") if e["cameo"] and e["cameo"].startswith("05")]
        assert len({e["doc_id"] for e in signed}) == 3
        assert len({e["cluster"] for e in signed}) == 1
        facts = store.facts(type="money", dyad="CHL-PER")
        assert len(facts) == 3
        clusters = {f["cluster"] for f in facts}
        assert len(clusters) == 2
        six = next(f for f in facts if f["value"] == 6e9)
        assert six["conflict"]
        four = [f for f in facts if f["value"] == 4e9]
        assert all(f["conflict"] for f in four)


def test_people_join_across_articles_by_name_variant_not_by_surname_alone():
    from accord.consolidate import group_people

    rows = [
        {"name": "Guido Crosetto", "country": "ITA", "doc_id": "a"},
        {"name": "Crosetto", "country": "ITA", "doc_id": "b"},
        {"name": "Ilham Aliyev", "country": "AZE", "doc_id": "a"},
        {"name": "Heydar Aliyev", "country": "AZE", "doc_id": "b"},
        {"name": "Aliyev", "country": "AZE", "doc_id": "c"},
        {"name": "Zakir Hasanov", "country": "AZE", "doc_id": "a"},
        {"name": "Zakir  Hasanov", "country": "AZE", "doc_id": "b"},
    ]
    groups = {g["name"]: g for g in group_people(rows)}
    assert groups["Guido Crosetto"]["articles"] == ["a", "b"]
    assert groups["Zakir Hasanov"]["articles"] == ["a", "b"]
    assert groups["Ilham Aliyev"]["articles"] == ["a"] and groups["Heydar Aliyev"]["articles"] == ["b"]
    assert groups["Aliyev"]["articles"] == ["c"]  # ambiguous: joins neither


def test_seed_people_across_the_two_articles(tmp_path, shared):
    with Store.open(tmp_path / "p.db") as store:
        store.ingest(shared / "corpus" / "seeds")
        people = {p["name"]: p for p in store.people(country="AZE")}
    assert len(people["Zakir Hasanov"]["articles"]) == 2
    assert len(people["Ilham Aliyev"]["articles"]) == 2


def test_one_figure_seen_from_its_two_sides_is_one_cluster():
    tariff = {"fact_type": "money", "unit": "USD", "value": 3e8, "holder": "USA", "counterpart": "JPN", "metric": "tariff"}
    goods = dict(tariff, holder="JPN", counterpart="USA", metric="export")  # the exporter's view of the same sum
    assert same_fact(tariff, goods)
    assert same_fact(tariff, dict(tariff, holder="USA", counterpart=None))  # one party in common suffices
    assert not same_fact(tariff, dict(tariff, value=4e8))
    assert same_fact(tariff, dict(tariff, date="1987-03"))  # a date on one side only does not part them
    assert not same_fact(dict(tariff, date="1987-03"), dict(tariff, date="1986-03"))


def test_reports_of_one_story_a_few_days_apart_are_one_event_a_week_apart_are_not():
    a = {"type": "THREATEN", "date": "1991-04-07", "source": {"country": "GBR"}, "target": {"country": "JPN"},
         "evidence": "Britain warned Japan over the telecoms row."}
    assert same_event(a, dict(a, date="1991-04-11", evidence="A British minister said he had warned Tokyo."))
    assert not same_event(a, dict(a, date="1991-04-14"))


def test_an_undated_report_must_say_what_the_other_says():
    a = {"type": "AGREE", "date": None, "source": {"country": "KOR"}, "target": {"country": "USA"},
         "evidence": "Seoul said it stood ready to resume tariff negotiations with Washington."}
    same_words = dict(a, evidence="Seoul is ready to resume the tariff negotiations, officials said.")
    other_act = dict(a, evidence="The president plans to travel to Washington late next month.")
    assert same_event(a, same_words) and not same_event(a, other_act)
    # the same figure in both makes two differently worded reports one
    assert same_event(dict(a, evidence="Seoul offered to buy 300 mln dlrs of chips."),
                      dict(a, evidence="The purchase of 300 mln dlrs of American chips was offered."))


def test_a_figure_and_its_mirror_across_reports_in_the_store(tmp_path):
    texts = {
        "a": "date 1991-04-01\n\nOfficials said the United States will impose the 250 mln dlrs in tariffs on Japan.",
        "b": "date 1991-04-03\n\nThe United States will raise tariffs on 250 mln dlrs of Japanese exports.",
    }
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text)
    with Store.open(tmp_path / "c.db") as store:
        process([tmp_path], settings=Settings(), store=store)
        figures = [f for f in store.facts(type="money") if f["value"] == 250e6]
        assert len({f["doc_id"] for f in figures}) == 2
        assert len({f["cluster"] for f in figures}) == 1
