"""Session 24c (issue 15): outcomes named by a bare "Outcomes were A and B" (with the time of measurement after the
list cut, and a measure noun after "and" sharing the words before it), and an outcome heading's sentence written
as a clause. Every sentence here is written for the test."""

from __future__ import annotations

from medcore.literature import stated_outcomes


def _primary(read, text: str) -> list[str]:
    return [o.text for o in read(text)[0].pico.outcomes_primary]


def test_bare_outcomes_were_with_a_shared_measure_noun_and_a_time_after(read):
    text = ("Knee taping after sprain.\n"
            "METHODS: Forty runners were taped. Outcomes were swelling and analgesic dose and frequency at 2 weeks "
            "and 3 months after the sprain.\n"
            "RESULTS: Swelling fell.")
    assert _primary(read, text) == ["swelling", "analgesic dose", "analgesic frequency"]


def test_outcomes_that_were_compared_are_no_list(read):
    text = ("Knee taping after sprain.\n"
            "METHODS: Forty runners were taped. Outcomes were compared between the two clinics.\n"
            "RESULTS: Swelling fell.")
    assert _primary(read, text) == []


def test_a_window_that_defines_an_outcome_stays_in_other_forms():
    assert stated_outcomes._parts("returns to theatre within 48 hours") == ["returns to theatre within 48 hours"]


def test_an_outcome_heading_written_as_a_clause(read):
    text = ("Grip in rheumatoid hands.\n"
            "MAIN OUTCOME MEASURES: Patients were assessed for their grip strength and pinch strength.\n"
            "RESULTS: Grip improved.")
    assert _primary(read, text) == ["grip strength", "pinch strength"]
    text = ("Sleep in shift nurses.\n"
            "OUTCOME MEASURES: The main variables were the hours slept on workdays and the number of naps per week.\n"
            "RESULTS: Naps were common.")
    assert _primary(read, text) == ["hours slept on workdays", "number of naps per week"]
