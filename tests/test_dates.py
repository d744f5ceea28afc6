from accord import dates
from accord.model import FuzzyDate

REF = dates.parse_published("2023-01-12")  # a Thursday


def resolve(text: str, ref: FuzzyDate | None = REF, future: bool = False) -> str | None:
    found = dates.find_dates(text)
    assert found, f"no date found in {text!r}"
    got = dates.resolve(found[0], ref, future=future)
    return got.value if got else None


def test_absolute_dates_keep_their_precision():
    assert resolve("relations were established on May 8, 1992") == "1992-05-08"
    assert resolve("signed on 8 May 1992 in Baku") == "1992-05-08"
    assert resolve("during a visit in February 2020") == "2020-02"
    assert resolve("the embassy opened in 1997") == "1997"
    assert resolve("has been working since 2003") == "2003"


def test_month_and_day_without_a_year_never_get_one_invented():
    assert resolve("the ministry reported on November 17", ref=None) == "--11-17"
    assert resolve("talks held on March 3", ref=FuzzyDate("--11-17", "monthday")) == "--03-03"


def test_month_and_day_take_the_year_of_a_dated_report():
    assert resolve("met on January 10") == "2023-01-10"
    assert resolve("met on November 17") == "2022-11-17"  # after the report date: last year's
    assert resolve("will meet on February 20", future=True) == "2023-02-20"


def test_relative_dates_against_the_publication_date():
    assert resolve("said yesterday") == "2023-01-11"
    assert resolve("on Monday the ministers met") == "2023-01-09"
    assert resolve("on Thursday the ministers met") == "2023-01-12"  # same weekday as the report
    assert resolve("will travel on Monday", future=True) == "2023-01-16"
    assert resolve("earlier this month") == "2023-01"
    assert resolve("last month") == "2022-12"
    assert resolve("last year") == "2022"
    assert resolve("three days ago") == "2023-01-09"


def test_relative_dates_without_a_report_date_are_unknown():
    assert resolve("on Monday the ministers met", ref=None) is None
    assert resolve("yesterday", ref=None) is None


def test_the_modal_may_is_not_a_month():
    assert dates.find_dates("Italy may impose sanctions") == []


def test_publication_date_from_a_dateline():
    assert dates.find_dateline("BAKU, Jan 12 - Azerbaijan said").value == "--01-12"
    assert dates.find_dateline("ATHENS, May 2, 1987 - Greece said").value == "1987-05-02"
    assert dates.find_dateline("no dateline here") is None


def test_metadata_dates():
    assert dates.parse_published("2023-01-12T10:00:00Z").value == "2023-01-12"
    assert dates.parse_published("2023-01").precision == "month"
    assert dates.parse_published("not a date") is None


def test_weeks_resolve_to_days():
    assert resolve("attacked last week") == "2023-01-05"
    assert resolve("met this week") == "2023-01-12"
    assert resolve("spoke earlier this week") == "2023-01-10"  # halfway between Monday and the report
    assert resolve("will meet later this week", future=True) == "2023-01-13"
    assert resolve("will meet next week", future=True) == "2023-01-19"
    assert resolve("two weeks ago") == "2022-12-29"


def test_named_weekdays_with_last_and_next():
    assert resolve("last Thursday") == "2023-01-05"  # the report's own weekday: a week back
    assert resolve("last Monday") == "2023-01-09"
    assert resolve("next Thursday") == "2023-01-19"


def test_parts_of_months_and_seasons():
    assert resolve("earlier in the month") == "2023-01"
    assert resolve("at the end of last month") == "2022-12"
    assert resolve("at the end of last year") == "2022"
    assert resolve("last fall") == "2022"
    assert resolve("last summer", ref=dates.parse_published("2023-09-20")) == "2023"  # the summer just ended
    assert resolve("next spring") == "2023"
    assert resolve("last night") == "2023-01-11"


def test_month_and_day_far_from_the_report_keep_no_year():
    # a past act's day is never after the report; more than about six months back, the year is not told
    assert resolve("met on December 20") == "2022-12-20"
    assert resolve("met on June 20") == "--06-20"
    assert resolve("will meet on March 20", future=True) == "2023-03-20"
    assert resolve("will meet on December 20", future=True) == "--12-20"
    assert resolve("will meet on January 11", future=True) == "2023-01-11"  # within a day of the report
    assert resolve("met on March 27", ref=dates.parse_published("2023-04-13")) == "2023-03-27"
    assert resolve("met on April 20", ref=dates.parse_published("2023-04-13")) == "--04-20"  # a week after: no past year


def test_after_the_report_at_the_coarser_precision():
    assert dates.is_after(FuzzyDate("2023-02", "month"), REF)
    assert not dates.is_after(FuzzyDate("2023-01", "month"), REF)
    assert not dates.is_after(FuzzyDate("2023-01-13", "day"), REF)  # a day's slack
    assert dates.is_after(FuzzyDate("2024", "year"), REF)
    assert not dates.is_after(FuzzyDate("--11-17", "monthday"), REF)
    assert not dates.is_after(FuzzyDate("2024", "year"), None)


def test_month_and_day_in_a_sentence_about_another_year_keep_no_year():
    text = "the treaty signed in 1992 was ratified on November 17"
    found = dates.find_dates(text)
    years = dates.stated_years(found)
    assert years == {1992}
    day = next(m for m in found if m.kind == "mdy")
    assert dates.resolve(day, REF, years=years).value == "--11-17"
    assert dates.resolve(day, REF).value == "2022-11-17"
    assert dates.resolve(day, REF, years={2022}).value == "2022-11-17"  # the year it resolves to is stated


def test_whole_day_shifts_against_a_report_dated_without_a_year():
    dateline = FuzzyDate("--03-01", "monthday")
    assert resolve("said yesterday", ref=dateline) == "--02-28"
    assert resolve("attacked last week", ref=dateline) == "--02-22"
    assert resolve("two days ago", ref=dateline) == "--02-27"
    assert resolve("on Monday the ministers met", ref=dateline) is None  # a weekday needs the year
    assert resolve("last month", ref=dateline) is None
