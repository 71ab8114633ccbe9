"""Session 8 changes of the literature reader, on sentences written for these tests: the heading map for hypotheses
and two-role compound headings (weak labels), the dev-tune / holdout halving of dev, and the negation /
question-doubt cues of `literature ask`."""

from __future__ import annotations

import numpy as np

from medcore.config import Settings
from medcore.literature import ask, ask_model, role_data
from medcore.literature.headings import heading_map


def test_hypothesis_is_objective_and_two_role_compounds_leave_sentences_unlabelled():
    hmap = heading_map(Settings())
    assert hmap.role_of("HYPOTHESIS") == "objective" and hmap.role_of("Hypotheses:") == "objective"
    assert hmap.roles_named("BACKGROUND AND PURPOSE") == {"background", "objective"}
    assert hmap.roles_named("Design, setting, and participants") == {"methods"}
    assert role_data.sentence_label(hmap, "BACKGROUND AND PURPOSE") is None
    assert role_data.sentence_label(hmap, "METHODS AND RESULTS") is None
    assert role_data.sentence_label(hmap, "PATIENTS AND METHODS") == "methods"
    assert role_data.sentence_label(hmap, "NOT A HEADING") is None and role_data.sentence_label(hmap, "") is None
    items = {"7": {"QUESTION": "q?", "CONTEXTS": ["Old problem. We asked a question.", "We counted."],
                   "LABELS": ["BACKGROUND AND AIMS", "METHODS"], "LONG_ANSWER": "It worked.", "final_decision": "yes"}}
    (a,) = role_data.from_pubmedqa(items, hmap)
    assert a.labels == [None, None, "methods", "conclusions"]
    # the reader itself still files such a paragraph under one role
    assert hmap.role_of("BACKGROUND AND PURPOSE") == "objective"


def test_dev_halves_are_disjoint_stable_and_cover_dev():
    dev = [role_data.Abstract(str(i), ["x"], ["methods"]) for i in range(300)]
    tune, hold = role_data.split_dev(dev)
    assert len(tune) + len(hold) == 300 and not {a.id for a in tune} & {a.id for a in hold}
    assert 110 < len(hold) < 190
    assert [a.id for a in role_data.split_dev(dev)[1]] == [a.id for a in hold]


def _embed(texts):
    out = np.zeros((len(texts), 8), dtype=np.float32)
    out[:, 0] = 1.0
    return out


def _answer(question, conclusion):
    cues = ask_model.cue_patterns(Settings())
    sents = ["Background sentence.", "We studied 50 adults.", conclusion]
    return ask.answer_question(question, sents, ["background", "methods", "conclusions"], embed=_embed,
                               cues=cues).answer


def test_general_negators_pseudo_negation_and_question_doubt():
    cues = ask_model.cue_patterns(Settings())
    # negations the earlier fixed phrases missed
    assert _answer("Is the marker linked to plaque?", "There was no independent link between the marker and "
                                                       "plaque size.") == "no"
    assert _answer("Should surgery be delayed?", "Surgery shouldn't be delayed in these children.") == "no"
    assert _answer("Does the drug help?", "The drug significantly lowered pain scores.") == "yes"
    # 'not only' and 'no longer' are not negations of the finding
    assert ask_model.raw_cue_counts(["The scan not only found tumours but also improved staging."], cues)[0] == 0
    assert ask_model.raw_cue_counts(["The scan no longer needs contrast."], cues)[0] == 0
    # a doubting question adds one negative cue per doubt word
    plain = ask_model.raw_cue_counts(["Stents improved flow."], cues, "Do stents improve flow?")
    doubt = ask_model.raw_cue_counts(["Stents improved flow."], cues, "Is stenting really always necessary?")
    assert doubt[0] == plain[0] + 3 and doubt[1:] == plain[1:]
    # curly apostrophes count like straight ones
    assert ask_model.raw_cue_counts(["It doesn\u2019t work."], cues)[0] == 1
