"""Session 26 (issue 15): a methods sentence worded like a call for future work still names this study's design;
the intensive care units read by abbreviation come from the knowledge layer only. Own sentences."""

from __future__ import annotations

from medcore.config import Settings
from medcore.literature import kb


def test_a_methods_sentence_with_future_work_words_names_the_design(read):
    text = ("Night-time wheeze in toddlers\n"
            "OBJECTIVE: To describe how wheeze at night changes over the first years of life.\n"
            "METHODS: In this prospective cohort study of 210 toddlers, additional investigations were done when "
            "symptoms recurred.\n"
            "RESULTS: Wheeze settled in most children by school age.\n"
            "CONCLUSIONS: Further studies are needed.")
    assert read(text)[0].design.kind == "cohort"


def test_a_conclusion_calling_for_a_trial_still_names_no_design(read):
    text = ("Honey for cough in children\n"
            "OBJECTIVE: To describe parents' use of honey for cough.\n"
            "METHODS: Parents of 150 children answered a questionnaire once in a clinic waiting room.\n"
            "RESULTS: Most had given honey.\n"
            "CONCLUSIONS: A randomised controlled trial is needed.")
    assert read(text)[0].design.kind != "rct"


def test_the_abbreviation_cues_of_the_setting_are_required_knowledge():
    data = kb.load(Settings.load(), "designs")
    assert data["setting"]["abbreviation_cues"]
    assert "abbreviation_cues" in kb.SCHEMAS["designs"]["properties"]["setting"]["required"]
