"""Event dates as news is annotated: the clause's own time phrase, else the statement's, else the
publication date for news of the day and nothing for background. Sentences written for these tests."""
import pytest

from accord.ingest import article_from_text
from accord.pipeline import extract

PUBLISHED = "2024-03-14"  # a Thursday


def dated(text, type_, annotator, published=PUBLISHED):
    """The date value of the first event of the type the text yields."""
    x = extract(article_from_text("t", text), published=published, annotator=annotator)
    found = [e for e in x.events if e.type == type_]
    assert found, f"no {type_} among {[(e.type, e.rule) for e in x.events]}"
    return found[0].date.value if found[0].date else None


@pytest.mark.parametrize("text,type_", [
    ("Brazil warned Argentina that it would respond.", "THREATEN"),
    ("Chile is demanding compensation from Peru.", "REQUEST"),
    ("Norway has criticised Denmark over the fishing quotas.", "ACCUSE"),
    ("Officials said Ghana had asked Togo to reopen the border.", "REQUEST"),  # a past perfect backshifted by "said"
    ("Bangladesh has refused to send peacekeepers to Somalia.", "REJECT"),  # a refusal, though of a deed
])
def test_a_statement_with_no_time_phrase_takes_the_publication_date(annotator, text, type_):
    assert dated(text, type_, annotator) == PUBLISHED


@pytest.mark.parametrize("text,type_", [
    ("Canada had previously agreed to sell wheat to Cuba.", "AGREE"),
    ("Kenya had accused Somalia of harbouring rebels.", "ACCUSE"),  # a past perfect nobody reports
    ("The deal replaces an agreement signed by Peru and Chile.", "SUPPORT"),  # a participle describing a noun
    ("Italy was one of the first countries that recognised Kosovo.", "SUPPORT"),  # a relative clause
    ("The Kurdish party has been banned by the Turkish government.", "COERCE"),  # a state, not an act
    ("Iran has supplied weapons to rebels in Yemen.", "AID"),  # a deed in the present perfect
])
def test_background_with_no_time_phrase_stays_undated(annotator, text, type_):
    assert dated(text, type_, annotator) is None


def test_a_future_act_is_dated_when_it_was_said(annotator):
    # the reporting verb's own phrase, not the date of the act to come
    assert dated("Ecuador announced on Monday that it would impose tariffs on Colombian goods on April 2.",
                 "SANCTION", annotator) == "2024-03-11"
    assert dated("Vietnam will sign a trade pact with Laos next week.", "AGREE", annotator) == PUBLISHED
    assert dated("France plans to visit Mali next week.", "AGREE", annotator) == PUBLISHED
    # what a signed accord will do is dated with the signing
    assert dated("Nigeria signed an accord with Niger that will open the border on May 1.", "AGREE", annotator) == PUBLISHED


def test_a_month_and_day_of_a_statement_resolve_before_the_report(annotator):
    # a statement's date is in the past even where what it announces is to come
    text = "Ghana announced on March 27 that it would raise tariffs on Nigerian cement."
    assert dated(text, "SANCTION", annotator, published="2023-04-13") == "2023-03-27"


def test_a_date_in_a_condition_or_another_clause_does_not_date_the_event(annotator):
    assert dated("Japan warned Korea that it may retaliate if Korea imposes duties on April 17.",
                 "THREATEN", annotator) == PUBLISHED
    text = "Late on Sunday, Sudan announced it had signed a ceasefire with Chad after Libya attacked Chad on Wednesday."
    assert dated(text, "SUPPORT", annotator) == "2024-03-10"  # the announcement's Sunday, not the attack's Wednesday
    assert dated(text, "ASSAULT", annotator) == "2024-03-13"


def test_an_act_that_is_the_content_of_another_takes_its_date(annotator):
    text = "Yesterday, Lebanon's cabinet voted on a motion to expel Syrian diplomats."
    assert dated(text, "SANCTION", annotator) == "2024-03-13"


def test_a_report_beside_the_act_dates_it_when_the_act_has_no_date(annotator):
    assert dated("Morocco attacked Algeria on Monday, the ministry said on Tuesday.", "ASSAULT", annotator) == "2024-03-11"
    assert dated("Morocco attacked Algeria, the ministry said on Tuesday.", "ASSAULT", annotator) == "2024-03-12"


def test_relative_weeks_resolve_to_days(annotator):
    assert dated("Iran attacked Iraq last week.", "ASSAULT", annotator) == "2024-03-07"
    assert dated("Egypt and Jordan held talks this week.", "CONSULT", annotator) == PUBLISHED
    assert dated("Earlier this week, Poland criticised Hungary.", "ACCUSE", annotator) == "2024-03-12"


def test_a_time_to_come_does_not_date_a_past_act(annotator):
    assert dated("Spain has promised to send aid to Morocco next year.", "AGREE", annotator) == PUBLISHED


def test_a_time_word_the_parse_hung_on_the_subject_dates_the_verb(annotator):
    assert dated("The European Union (EU) yesterday warned Russia that its troops must leave.",
                 "THREATEN", annotator) == "2024-03-13"


def test_an_event_noun_is_dated_by_its_own_relative_clause(annotator):
    assert dated("Poland condemned the Russian bombing of its embassy that took place on Monday.", "ASSAULT",
                 annotator) == "2024-03-11"


def test_the_dateline_is_the_publication_day_not_an_event_date(annotator):
    text = "date 2024-03-14\n\nACCRA, March 2 - Ghana accused Togo of smuggling cocoa across the border.\n"
    assert dated(text, "ACCUSE", annotator, published=None) == PUBLISHED
    # with no other date, the dateline's day is the report's, year unknown
    assert dated("ACCRA, March 2 - Ghana accused Togo of smuggling cocoa across the border.\n", "ACCUSE",
                 annotator, published=None) == "--03-02"
