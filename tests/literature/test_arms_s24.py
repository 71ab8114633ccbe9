"""Session 24 (issue 15): compared arms that an aim states with defined abbreviations ("A (ABBR) and B (ABBR)"),
with "the value / results of", or after the first arm ("A compared with B", "A rather than B"), and an unheaded
abstract's opening aim read as the objective by the rule roles. Every sentence here is written for the test."""

from __future__ import annotations

from medcore.literature import arm_phrases


def _arms(read, text: str) -> tuple[list[str], list[str]]:
    p = read(text)[0].pico
    return [i.text for i in p.interventions], [c.text for c in p.comparators]


def test_defined_abbreviations_are_cut_but_counts_and_group_labels_stay():
    got = arm_phrases.without_abbreviations("stent placement (SP) and bypass grafting (BG) in adults (n = 40) (group 1)")
    assert got == "stent placement and bypass grafting in adults (n = 40) (group 1)"
    assert arm_phrases.without_abbreviations("ulcer healing (in weeks)") == "ulcer healing (in weeks)"


def test_an_aim_comparing_two_operations_each_with_its_abbreviation(read):
    text = ("Which repair for recurrent groin hernia?\n"
            "OBJECTIVE: To compare the results of totally extraperitoneal repair (TEP) and open mesh repair (OMR) "
            "in adults with a recurrent groin hernia.\n"
            "METHODS: Eighty adults were followed for two years.\n"
            "RESULTS: Pain was less after TEP.")
    assert _arms(read, text) == (["totally extraperitoneal repair"], ["open mesh repair"])


def test_the_comparison_said_after_the_first_arm(read):
    text = ("Is a low dose of contrast enough for renal CT?\n"
            "OBJECTIVE: To assess the image quality of a low dose compared with a standard dose of iodinated "
            "contrast in renal CT.\n"
            "METHODS: Sixty adults had both scans.\n"
            "RESULTS: Image quality did not differ.")
    interventions, comparators = _arms(read, text)
    assert interventions == ["low dose"]
    assert comparators == ["standard dose of iodinated contrast"]


def test_rather_than_in_an_aim():
    m = arm_phrases.postposed("To see whether outcomes differ with early mobilisation rather than bed rest after hip repair.")
    assert m is not None and (m.group("a"), m.group("b")) == ("early mobilisation", "bed rest")


def test_a_measure_compared_is_no_arm():
    # "the risk of X compared with Y": X is an outcome; the first comparison after no measure is taken instead
    assert arm_phrases.postposed("To estimate the risk of gout compared with the general population in diuretic users.") is None
    m = arm_phrases.postposed("The rate of falls of tai chi compared with walking was studied.")
    assert m is not None and m.group("a") == "tai chi"


def test_an_unheaded_abstract_reads_its_opening_aim_as_the_objective(lit_settings, read):
    from medcore.literature.roles import rule_roles

    texts = ["To compare night splints with insoles for heel pain in runners.",
             "Forty runners were enrolled at two clinics.",
             "Pain fell by 30% with splints and 12% with insoles (p = 0.02).",
             "Night splints should be tried first."]
    assert [r for r, _ in rule_roles(lit_settings, texts)][0] == "objective"
    # and the PICO reader takes the compared arms from it with no headings at all
    text = "Night splints or insoles for heel pain?\n" + " ".join(texts)
    assert _arms(read, text) == (["night splints"], ["insoles"])
