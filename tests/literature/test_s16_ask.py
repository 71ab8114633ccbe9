"""Session 16 (lit16): `literature ask` against the paper's numbers, after studying the train items session 15's
rule turned wrong: a rounded CI bound at no effect cannot say, and a guessed primary result does not overrule
"yes" when another result is significant. Every sentence here is written for the test."""

from __future__ import annotations


# ---- `literature ask` against the numbers: what the train study of session 15's rule showed -------------------
def test_a_ci_bound_at_no_effect_cannot_say():
    from medcore.literature.model import Effect
    from medcore.literature.numbers import check, significant

    # "1.0 to 2.7" is rounded: the true bound may be above or below 1, so neither significant nor not
    rounded = Effect("OR", 1.6, ci_low=1.0, ci_high=2.7)
    assert significant(rounded) is None
    assert significant(Effect("MD", -0.4, ci_low=-0.8, ci_high=0.0)) is None
    assert significant(Effect("OR", 1.6, ci_low=1.01, ci_high=2.7)) is True
    # nor does such a CI contradict a p-value just under 0.05
    with_p = Effect("OR", 1.6, ci_low=1.0, ci_high=2.7, p_value=0.048, p_relation="=", p_text="p = 0.048")
    assert not [f for f in check(with_p) if "includes" in f]


def _ask(question, sents, roles, settings):
    from medcore.literature import ask, ask_model
    from tests.literature.test_ask import fake_embed

    return ask.answer_question(question, sents, roles, embed=fake_embed, cues=ask_model.cue_patterns(settings))


MIXED = ["Reading aloud might help children with reading problems.",
         "We randomly assigned 240 children to reading aloud daily or usual lessons.",
         "Words read per minute rose more in the intervention group (mean difference 6.1, 95% CI 2.0 to 10.2).",
         "Spelling did not improve more with reading aloud (mean difference 0.4, 95% CI -0.9 to 1.7).",
         "Reading aloud helped children read faster; it is beneficial."]
ROLES5 = ["background", "methods", "results", "results", "conclusions"]


def test_a_guessed_primary_does_not_overrule_yes_when_another_result_is_significant(settings):
    # no sentence names the primary outcome: the result closest to the question (spelling) is only a guess, and
    # the reading result the conclusion is about is significant: "yes" stands (session 15's rule said "maybe")
    a = _ask("Does reading aloud improve spelling and reading?", MIXED, ROLES5, settings)
    assert a.answer == "yes" and "+numbers" not in a.method


def test_a_named_null_primary_with_a_significant_other_result_is_still_maybe(settings):
    sents = MIXED[:3] + ["The primary outcome, spelling, was similar in both groups (mean difference 0.4, 95% CI "
                         "-0.9 to 1.7)."] + MIXED[4:]
    a = _ask("Does reading aloud improve spelling and reading?", sents, ROLES5, settings)
    assert a.answer == "maybe" and a.method.endswith("+numbers")
