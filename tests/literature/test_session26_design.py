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


def test_a_design_stated_under_a_design_heading_is_kept(read):
    text = ("Gout in young women: a different disease?\n"
            "OBJECTIVE: To describe gout in women under forty.\n"
            "DESIGN: Case series.\n"
            "METHODS: We compared the features of 31 young women with those of older women seen in our clinic.\n"
            "RESULTS: Young women more often had kidney disease.\n"
            "CONCLUSIONS: Gout in young women is often secondary.")
    assert read(text)[0].design.kind == "case_series"


def test_a_series_named_in_the_methods_that_compares_groups_is_still_a_cohort(read):
    text = ("Ankle fractures in older adults\n"
            "OBJECTIVE: To describe outcomes of ankle fractures in adults over seventy.\n"
            "METHODS: This case series of 80 patients compared those treated with a cast and those operated on.\n"
            "RESULTS: Function was similar.\n"
            "CONCLUSIONS: Casting is reasonable.")
    assert read(text)[0].design.kind == "cohort"
