"""Issue 11, session 16: numeric dates are read in the note's own convention. The order (US month/day or UK day/month)
is detected from the note (a part above 12, else its spelled dates) and applied to every date the de-identification
moves, so a UK "03/04/2019" stays 3 April moved by the offset, written day first. Sentences written for these tests."""

import pytest

from medcore.deid import deidentify, shift_date
from medcore.deid.date_order import DAY_MONTH, MONTH_DAY, date_order


@pytest.mark.parametrize("text,order", [
    ("Admitted 23/04/2019; reviewed 03/05/2019.", DAY_MONTH),  # 23 can only be a day
    ("Admitted 04/23/2019; reviewed 05/03/2019.", MONTH_DAY),  # 23 can only be a day, second
    ("Seen 03/04/2019.", MONTH_DAY),  # nothing to go on: the US default
    ("Clinic letter dated 5 March 2019. Bloods taken 03/04/2019.", DAY_MONTH),  # a spelled date, day first
    ("Clinic letter dated 5th of March 2019. Bloods taken 03/04/2019.", DAY_MONTH),
    ("Clinic letter dated March 5, 2019. Bloods taken 03/04/2019.", MONTH_DAY),
    ("Seen 17-02-2021 and 01-03-2021.", DAY_MONTH),  # hyphens too
    ("Seen 5 March 2019; scan 04/23/2019.", MONTH_DAY),  # a numeric date settles it over a spelled one
    ("BP 140/90, pain 7/10, 20/20 vision.", MONTH_DAY),  # ratios are not dates
])
def test_the_note_convention_is_detected(text, order):
    assert date_order(text) == order


def test_an_ambiguous_date_in_a_day_month_note_is_moved_as_a_day_month_date():
    text = "Discharged 28/02/2019. Clinic review on 03/04/2019 with bloods."
    out = deidentify(text, shift_days=10)
    assert out.date_order == DAY_MONTH
    assert [s.replacement for s in out.spans if s.type == "DATE"] == ["10/03/2019", "13/04/2019"]


def test_the_same_dates_in_a_us_note_are_month_day():
    text = "Discharged 02/28/2019. Clinic review on 03/04/2019 with bloods."
    out = deidentify(text, shift_days=10)
    assert out.date_order == MONTH_DAY
    assert [s.replacement for s in out.spans if s.type == "DATE"] == ["03/10/2019", "03/14/2019"]


def test_a_day_month_date_is_not_lost_as_unreadable():
    # the US reading of 23/04 is no date: it was replaced by [DATE] and the interval between dates was lost
    assert shift_date("23/04/2019", 7, DAY_MONTH) == "30/04/2019"
    assert shift_date("23/04/2019", 7) == "30/04/2019"  # read the only way it can be, even under the default


def test_two_digit_years_and_widths_are_kept():
    assert shift_date("3/4/19", 1, DAY_MONTH) == "4/4/19"
    assert shift_date("31/12/19", 1, DAY_MONTH) == "01/01/20"
    assert shift_date("12/31/19", 1, MONTH_DAY) == "01/01/20"
