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
    ("a grant of 580 million shillings", 580e6, "TZS"),
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
