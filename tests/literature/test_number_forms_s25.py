"""Session 25 (review): the extraction scorer and the numbers check read p-values through the reader's one
normaliser (number_forms.normalise), so a decimal-comma p-value is read as the reader reads it. Own sentences."""

from __future__ import annotations

from medcore.literature import ask_numbers, numbers
from medcore.literature.evaluate import predicted
from medcore.literature.number_forms import normalise

# written for this test: a decimal-comma journal's null result, reported by its p-value alone
COMMA_P = "Wound pain at day 7 did not differ between the gel and the placebo arm (p = 0,43)."


def test_a_decimal_comma_p_value_is_read_as_a_point():
    assert [(rel, v) for _, _, v, rel, _ in numbers.parse_p(normalise(COMMA_P))] == [("=", 0.43)]


def test_the_numbers_check_reads_a_bare_comma_p_value(monkeypatch):
    monkeypatch.setattr(ask_numbers, "BARE_P_VALUES", True)
    [found] = ask_numbers._results([COMMA_P], ["results"])
    assert (found.p_relation, found.p_value) == ("=", 0.43)
    assert COMMA_P[found.span[0]:found.span[1]].startswith("p")  # offsets still point into the sentence as written


def test_the_extraction_scorer_reads_a_comma_p_value(read):
    text = ("Background: Honey dressings may ease burn pain. Methods: We randomised 60 adults with partial-thickness "
            "burns to honey or to silver dressings. Results: " + COMMA_P)
    [result] = read(text)
    assert ["=", 0.43] in predicted(result)["p_values"]
