import pytest

from accord.facts import find_figures, parse_number, qualifier_before


@pytest.mark.parametrize("text,value,unit", [
    ("contracts worth € 10 billion", 10e9, "EUR"),
    ("a deal of $11.8bn was signed", 11.8e9, "USD"),
    ("investment of 1.7 billion euros", 1.7e9, "EUR"),
    ("a budget of AZN 1.2 mln", 1.2e6, "AZN"),
    ("a grant of Rs 500 crore", 5e9, "INR"),
    ("a fine of £3m", 3e6, "GBP"),
    ("half a billion dollars in aid", 0.5e9, "USD"),
    ("a loan of 1,7 billion euros", 1.7e9, "EUR"),
    ("trade of A$27.5 billion", 27.5e9, "AUD"),
    ("a grant of 320 million shillings", 320e6, "TZS"),
])
def test_money_values_and_currencies(text, value, unit):
    figs = [f for f in find_figures(text) if f.fact_type == "money"]
    assert len(figs) == 1
    assert figs[0].value == pytest.approx(value)
    assert figs[0].unit == unit


def test_parenthetical_conversion_is_an_alternative_not_a_second_fact():
    figs = find_figures("Italy invested about 770 million euros ($910.8M) in the country.")
    assert len(figs) == 1
    assert figs[0].value == pytest.approx(770e6) and figs[0].unit == "EUR"
    assert figs[0].alt_value == pytest.approx(910.8e6) and figs[0].alt_unit == "USD"


def test_percentages():
    figs = find_figures("exports rose by more than 90 percent, and 7% last year")
    assert [(f.fact_type, f.value) for f in figs] == [("percent", 90), ("percent", 7)]


@pytest.mark.parametrize("before,qualifier", [
    ("worth more than ", "more_than"), ("over ", "more_than"), ("estimated at ", "about"),
    ("estimated to be around ", "about"), ("approximately ", "about"), ("nearly ", "about"),
    ("up to ", "less_than"), ("less than ", "less_than"), ("worth ", "exact"),
])
def test_qualifiers(before, qualifier):
    text = before + "$5 billion"
    assert qualifier_before(text, len(before)) == qualifier


def test_number_formats():
    assert parse_number("1,700") == 1700
    assert parse_number("1.234.567") == 1234567
    assert parse_number("1,7", "billion") == pytest.approx(1.7e9)
    assert parse_number("12") == 12
    assert parse_number("x") is None


def test_parties_of_figures(annotator, actors_of):
    from accord.facts import find_facts

    text = ("Over 250 Turkish firms operate in Georgia. Georgia's investment in the Turkish economy is put at "
            "around $300 million, with Turkey investing approximately $1.2 billion in Georgia.")
    table = actors_of(text)
    facts = {f.value: f for f in find_facts(table.doc, table)}
    assert (facts[250].holder, facts[250].counterpart, facts[250].qualifier) == ("TUR", "GEO", "more_than")
    assert (facts[300e6].holder, facts[300e6].counterpart, facts[300e6].qualifier) == ("GEO", "TUR", "about")
    assert (facts[1.2e9].holder, facts[1.2e9].counterpart) == ("TUR", "GEO")


def test_a_change_belongs_to_the_flow_it_changes(actors_of):
    from accord.facts import find_facts

    table = actors_of("Kenya is the main market of Ugandan exports to East Africa, with a 12 percent increase in 2021.")
    [fact] = [f for f in find_facts(table.doc, table) if f.fact_type == "percent"]
    assert (fact.holder, fact.counterpart, fact.value) == ("UGA", "KEN", 12)
    assert fact.date.value == "2021"


# ---------------------------------------------------------------- figures as wire copy writes them

def _one(text, **kw):
    from accord.figures import find_figures as read

    figs = read(text, **kw)
    assert len(figs) == 1, figs
    return figs[0]


@pytest.mark.parametrize("text,value,unit", [
    ("a grant of 300 mln dlrs", 300e6, "USD"),
    ("an eight billion dlr bridge", 8e9, "USD"),
    ("a budget of 7.5 billion naira", 7.5e9, "NGN"),
    ("a loan of 500 mln stg", 500e6, "GBP"),
    ("sales of 12.345 billion roubles", 12.345e9, "RUB"),  # a decimal point before a magnitude
    ("a bill of 2,500 million yen", 2.5e9, "JPY"),
    ("fines of three mln dlrs", 3e6, "USD"),
    ("a credit of 4 bln Swiss francs", 4e9, "CHF"),
    ("a sale of 90 mln Canadian dlrs", 90e6, "CAD"),
    ("5 mln CFA francs", 5e6, "XOF"),
    ("10 mln cruzados", 10e6, "BRC"),
    ("a pledge of DM 1.2 billion", 1.2e9, "DEM"),  # a code before the number
    ("aid of 40 mln European currency units", 40e6, "XEU"),  # a currency of several words, any case
])
def test_wire_money(text, value, unit):
    fig = _one(text)
    assert (fig.fact_type, fig.unit) == ("money", unit) and fig.value == pytest.approx(value)


def test_percent_in_wire_form_and_words():
    assert (_one("a rise of 100 pct").value, _one("about four pct").value) == (100, 4)
    assert _one("about four pct").qualifier == "about"


@pytest.mark.parametrize("text,value,unit", [
    ("a pipeline of 400 km", 400, "km"), ("some 250 miles away", 250, "miles"), ("340 kms north", 340, "km"),
    ("12.3 mln barrels per day", 12.3e6, "bpd"), ("100,000 bpd of crude", 1e5, "bpd"),
    ("6.4 mln hectares of land", 6.4e6, "hectares"), ("a quota of 4,500 tonnes", 4500, "tonnes"),
])
def test_measures_are_quantities_in_a_plain_unit(text, value, unit):
    fig = _one(text)
    assert (fig.fact_type, fig.unit) == ("quantity", unit) and fig.value == pytest.approx(value)


def test_durations_are_no_fact():
    from accord.figures import find_figures as read

    assert read("a five-year accord after 18 months of talks and a 17-month delay") == []


def test_a_range_gives_both_bounds_with_the_qualifier_of_the_first():
    from accord.figures import find_figures as read

    yen = read("It seeks between 60 and 65 billion yen.")
    assert [(f.value, f.unit, f.qualifier) for f in yen] == [(60e9, "JPY", "exact"), (65e9, "JPY", "exact")]
    loans = read("They refinanced some 2.3 to 2.6 billion dlrs of debt.")
    assert [(f.value, f.qualifier) for f in loans] == [(2.3e9, "about"), (2.6e9, "about")]
    assert [f.value for f in read("a fall of 15 to 20 pct")] == [15, 20]
    assert [f.value for f in read("costs of $5-6 billion")] == [5e9, 6e9]


def test_a_year_bounds_no_range():
    from accord.figures import find_figures as read

    assert [f.value for f in read("inflation fell from 310 pct in 1984 to 12.5 pct")] == [310, 12.5]


@pytest.mark.parametrize("before,qualifier", [
    ("up to ", "less_than"), ("as much as ", "less_than"), ("nearly ", "about"), ("some ", "about"),
    ("is projected to top ", "more_than"), ("just over ", "more_than"), ("estimated to cost ", "about"),
])
def test_wire_qualifiers(before, qualifier):
    assert _one(before + "40 mln dlrs").qualifier == qualifier


def test_a_magnitude_without_a_unit_takes_the_unit_of_the_figure_before():
    from accord.figures import find_figures as read

    figs = read("The gap widened to 6.1 billion dollars this year from 3.2 billion in 1983, and 900 mln of it was oil.")
    assert [(f.value, f.unit) for f in figs] == [(6.1e9, "USD"), (3.2e9, "USD"), (900e6, "USD")]
    bpd = read("Output rises to 16.2 mln bpd in May and 17.1 mln in June.")
    assert [(f.value, f.unit) for f in bpd] == [(16.2e6, "bpd"), (17.1e6, "bpd")]
    assert read("Three mln people voted.") == []  # a number of a thing is a count (read from the parse)


def test_currencies_of_the_past_by_the_country_of_the_context():
    from accord.figures import find_figures as read

    assert read("a deficit of 7 billion francs", countries=("FRA",))[0].unit == "FRF"
    assert read("a deficit of 7 billion francs", countries=("BEL", "FRA"))[0].unit == "BEF"
    assert read("a deficit of 7 billion francs")[0].unit == "CHF"
    assert read("spending of 40 bln marks", countries=("DEU",))[0].unit == "DEM"
    assert read("a tax of 900 billion lire")[0].unit == "ITL"
    assert read("a deal worth 5 bln pesos", countries=("PHL",))[0].unit == "PHP"
    assert read("a loan of 2 bln dollars", countries=("CAN",))[0].unit == "USD"  # a dollar is the US dollar unless said


def test_a_conversion_of_a_quantity_joins_it():
    fig = _one("The dam lies about 80 km (50 miles) north of the border.")
    assert (fig.value, fig.unit, fig.alt_value, fig.alt_unit, fig.qualifier) == (80, "km", 50, "miles", "about")


def test_counts_read_from_the_parse(actors_of):
    from accord.facts import find_facts

    table = actors_of("The plan helps three mln poor farmers. The company owns 14 FM and six AM radio stations, "
                      "but all eleven of its licences lapsed. The two countries met.")
    counts = sorted((f.value, f.unit) for f in find_facts(table.doc, table) if f.fact_type == "count")
    assert counts == [(6, "stations"), (11, "licences"), (14, "stations"), (3e6, "farmers")]


def test_a_hyphenated_counted_noun_is_kept_whole(actors_of):
    from accord.facts import find_facts

    table = actors_of("The status of 25,000 Dutch passport-holders was settled.")
    [fact] = find_facts(table.doc, table)
    assert (fact.value, fact.unit, fact.holder) == (25000, "passport-holders", "NLD")


# ---------------------------------------------------------------- holders from the clause's structure

def _parties(actors_of, text):
    from accord.facts import find_facts

    table = actors_of(text)
    return [(f.value, f.holder, f.counterpart) for f in find_facts(table.doc, table)]


@pytest.mark.parametrize("text,value,holder,counterpart", [
    ("Turkey paid Greece 50 mln dlrs in compensation.", 50e6, "TUR", "GRC"),  # payer, then the one paid
    ("Turkey, which has about 30,000 troops in Cyprus, rejected the plan.", 30000, "TUR", "CYP"),
    ("Some 2,000 American troops are stationed in Poland.", 2000, "USA", "POL"),  # nationality of troops
    ("The European Union granted Ukraine a loan of 1.2 billion euros.", 1.2e9, "EUR", "UKR"),  # the lending bloc
    ("Argentina's 45 billion dlr foreign debt worries its creditors.", 45e9, "ARG", None),  # the debtor
    ("The United States imposed 25 pct tariffs on Chinese steel.", 25, "USA", "CHN"),  # the levier of a rate
    ("Washington will raise tariffs on 200 mln dlrs of Brazilian exports.", 200e6, "BRA", "USA"),  # the exporter
    ("Germany's trade surplus with France rose to 12 billion euros.", 12e9, "DEU", "FRA"),
    ("Egypt will buy 500 mln dlrs of Russian wheat.", 500e6, "EGY", "RUS"),  # the buyer pays
    ("Kenya received 300 mln dlrs in aid from Japan.", 300e6, "JPN", "KEN"),  # the donor gives
])
def test_holder_and_counterpart_by_what_the_figure_is_of(actors_of, text, value, holder, counterpart):
    [(found, h, c)] = _parties(actors_of, text)
    assert found == pytest.approx(value) and (h, c) == (holder, counterpart)


def test_a_balance_in_a_country_s_favour_is_held_by_it(actors_of):
    text = "Italy complained about the trade balance of four billion dlrs in China's favour."
    assert _parties(actors_of, text) == [(4e9, "CHN", "ITA")]


def test_a_sentence_naming_no_country_takes_the_articles_own(actors_of):
    text = ("CAIRO, May 2 - Egypt's budget deficit widened sharply, Egyptian officials said on Sunday. "
            "The deficit rose to 9.5 pct of output, the government said. Egypt wants help. Egypt will borrow more.")
    assert (9.5, "EGY", None) in _parties(actors_of, text)


def test_a_market_price_has_no_holder(actors_of):
    text = "Egypt sells gas. Egypt wants more. Oil prices fell to 60 dlrs a barrel."
    assert _parties(actors_of, text) == [(60, None, None)]


def test_an_unstated_second_party_of_a_transfer_is_the_articles_pair(actors_of):
    text = ("Chile and Peru signed an aid accord. Chile praised Peru. Peru thanked Chile. "
            "Under the accord Peru will receive 70 mln dlrs next year.")
    assert (70e6, "CHL", "PER") in _parties(actors_of, text)


def test_a_figure_is_dated_by_its_clause(actors_of):
    from accord.facts import find_facts
    from accord.model import FuzzyDate

    table = actors_of("Mexico's deficit fell to 2.9 billion dollars last year from 3.8 billion in 1984.")
    dated = {f.value: f.date.value for f in find_facts(table.doc, table, reference=FuzzyDate("1987-04-27", "day"))}
    assert dated == {2.9e9: "1986", 3.8e9: "1984"}


def test_trade_between_two_countries_is_held_by_the_first_named(actors_of):
    assert _parties(actors_of, "Trade between Chile and Peru reached 4.6 billion dlrs.") == [(4.6e9, "CHL", "PER")]
    text = "Chile and Peru met. Chile thanked Peru. Trade between the two countries reached 2.1 billion dlrs."
    assert _parties(actors_of, text) == [(2.1e9, "CHL", "PER")]


def test_a_participle_of_the_figure_s_noun_is_part_of_its_phrase(actors_of):
    assert _parties(actors_of, "Spain has 3,000 troops stationed in Lebanon.") == [(3000, "ESP", "LBN")]


def test_a_figure_that_takes_the_unit_of_another_takes_its_parties(actors_of):
    text = "Spain's trade deficit with Morocco was 2.1 billion euros in 2020 against 1.4 billion in 2019."
    assert _parties(actors_of, text) == [(2.1e9, "ESP", "MAR"), (1.4e9, "ESP", "MAR")]


def test_a_definite_noun_takes_the_parties_of_the_figure_it_was_before(actors_of):
    text = ("Chile unveiled a package of 900 mln dlrs of Peruvian fish. Chile wants calm.\n\n"
            "The package includes 300 mln dlrs of tuna.")
    assert (300e6, "CHL", "PER") in _parties(actors_of, text)
    # a noun no figure was of before is not a referent
    other = ("Chile unveiled a package of 900 mln dlrs of Peruvian fish. Chile wants calm.\n\n"
             "The fleet includes 300 mln dlrs of boats.")
    assert (300e6, "CHL", "PER") not in _parties(actors_of, other)


def test_what_is_given_in_exchange_flows_the_other_way(actors_of):
    text = "Norway will supply Ghana with machinery in exchange for 40,000 tonnes of cocoa."
    assert _parties(actors_of, text) == [(40000, "GHA", "NOR")]


def test_a_possessor_that_does_the_act_of_its_noun_holds_the_figure(actors_of):
    text = "The World Bank praised Kenya's success in cutting inflation to 6 pct."
    assert _parties(actors_of, text) == [(6, "KEN", None)]


def test_a_possessive_inside_the_object_is_no_recipient(actors_of):
    text = "Brazil was pleased with the pact under which OPEC agreed to cut its output by 5 pct."
    assert _parties(actors_of, text) == [(5, "IGO", None)]


def test_a_distance_between_places_has_no_holder(actors_of):
    text = "Iranian troops shelled a town 120 km (75 miles) south of Basra, Iraq said."
    assert [(v, h, c) for v, h, c in _parties(actors_of, text) if v == 120] == [(120, None, None)]


def test_a_share_of_the_vote_won_is_no_transfer(actors_of):
    text = "Chile and Peru met. Chile thanked Peru. The Chilean Socialist party won 30 percent of the vote."
    assert (30, "CHL", None) in _parties(actors_of, text)
    # and the article's other party is never a count's unstated giver
    text = "Chile and Peru met. Chile thanked Peru. The Chilean Socialist party gained 12 seats."
    assert (12, "PER", "CHL") not in _parties(actors_of, text)


def test_a_capital_that_gives_is_its_government_not_a_place(actors_of):
    text = "Ghana received 300 mln dlrs in loans from Tokyo this year."
    assert _parties(actors_of, text) == [(300e6, "JPN", "GHA")]


@pytest.mark.parametrize("text,value,holder,counterpart", [
    ("Chile said it had captured 40 Peruvian soldiers near the border.", 40, "PER", "CHL"),  # the one acting on them
    ("Gunboats attacked a Greek freighter carrying 9,000 tonnes of grain.", 9000, "GRC", None),  # what carries it
    ("The debt that Uruguay owes to Spain amounts to 900 mln dlrs.", 900e6, "URY", "ESP"),  # the debtor of the clause
    ("Bolivian mortars killed 11 Paraguayan farmers.", 11, "PRY", "BOL"),  # the subject kills, it describes nothing
    ("Ottawa imposed a 12 pct duty on imports of Danish cheese.", 12, "CAN", "DNK"),  # the goods' country, in an of-phrase
    ("The creditors agreed to reschedule 600 mln dlrs of Gabon's debt.", 600e6, "GAB", None),  # the debt's owner owes it
    ("Egypt spent 2 billion dlrs on wheat imports from Canada.", 2e9, "EGY", "CAN"),  # the seller of what is bought
    ("Kenya will get 80 mln dlrs in Swedish development aid.", 80e6, "SWE", "KEN"),  # what is received is the giver's
])
def test_parties_from_the_clause_around_the_figure_s_noun(actors_of, text, value, holder, counterpart):
    assert (value, holder, counterpart) in _parties(actors_of, text)


def test_a_giver_of_no_country_leaves_the_holder_unknown(actors_of):
    text = "Peru and Chile signed a pact. Chile praised Peru.\n\nPeru will get 900 mln dlrs in new loans from private banks."
    assert (900e6, None, "PER") in _parties(actors_of, text)


def test_a_measure_s_figure_is_held_by_the_owner_of_what_it_measures(actors_of):
    text = "The volume of Turkish investment in Peru reached 3 billion dlrs."
    assert _parties(actors_of, text) == [(3e9, "TUR", "PER")]


def test_a_figure_of_no_party_takes_those_of_its_sibling_in_the_sentence(actors_of):
    text = "Chile's exports to Peru amounted to 1.2 billion dlrs, while imports reached 1.8 billion dlrs."
    assert _parties(actors_of, text) == [(1.2e9, "CHL", "PER"), (1.8e9, "CHL", "PER")]
    # not a market price told beside it
    text = "Chile's exports to Peru amounted to 1.2 billion dlrs, while copper prices fell to 2 dlrs."
    assert (2, None, None) in _parties(actors_of, text)


def test_a_figure_an_estimate_states_is_about(actors_of):
    from accord.facts import find_facts

    def qualifiers(text):
        table = actors_of(text)
        return [(f.value, f.qualifier) for f in find_facts(table.doc, table)]

    assert qualifiers("Estimates showed a Greek trade deficit of 90 mln euros.") == [(90e6, "about")]
    assert qualifiers("Officials estimated the damage in Chile at 40 mln dlrs.") == [(40e6, "about")]
    # an estimate of another figure of the sentence leaves this one exact
    found = qualifiers("Chile's housing scheme, thought to need an estimated 9 billion pesos, should house 20,000 families.")
    assert (20000, "exact") in found
