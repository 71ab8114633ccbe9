"""Issue 11, session 12b (records12b): risk counselling lists of a treatment's toxicities, findings a report says
are "not evident", and bare examination findings whose organ is only the line's heading. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from medcore.records.pipeline import analyze


def _problems(kb, text):
    return [(p.text.lower(), p.icd10cm, p.assertion) for p in analyze(text, kb).extraction.problems]


def _assertion_of(kb, text, word):
    found = [a for w, _c, a in _problems(kb, text) if w == word]
    assert found, (word, _problems(kb, text))
    return found[0]


@pytest.mark.parametrize("text,word", [
    ("Toxicities were gone over with him, and reviewed with his wife, including hair loss, the small chance of "
     "heart toxicity, neuropathy, constipation, etc.", "neuropathy"),
    ("Side effects were explained to her in detail, including mouth sores and constipation.", "constipation"),
    ("We discussed the expected side effects such as fatigue and neuropathy.", "neuropathy"),
])
def test_toxicities_told_before_a_treatment_are_hypothetical(kb, text, word):
    assert _assertion_of(kb, text, word) == "possible"


def test_toxicities_that_happened_stay_present(kb):
    # no verb of telling: this is what the treatment did
    assert _assertion_of(kb, "Toxicities of the last cycle included neuropathy and constipation.",
                         "neuropathy") == "present"


@pytest.mark.parametrize("text,word", [
    ("At C4-5 the disc abuts the thecal sac. Distinct cord compression is not evident.", "cord compression"),
    ("Hydronephrosis was not evident on the scan.", "hydronephrosis"),
])
def test_a_finding_the_report_calls_not_evident_is_negated(kb, text, word):
    assert _assertion_of(kb, text, word) == "negated"
