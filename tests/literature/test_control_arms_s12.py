"""Session 12: the control arm named by what it received (control_arms), in place of a generic comparator cue.
All abstracts here are written for the test."""

from __future__ import annotations

from medcore.literature.control_arms import named_control
from medcore.literature.model import Sentence


def _sents(*texts, role="methods"):
    return [Sentence(i, t, 0, len(t), None, role) for i, t in enumerate(texts)]


def test_forms_of_a_named_control():
    cases = {
        "The control group received a printed leaflet on back care.": "printed leaflet on back care",
        "Patients in the control arm were given sham acupuncture for six weeks.": "sham acupuncture",
        "Controls received only routine physiotherapy during the stay.": "routine physiotherapy",
        "Nine children who underwent other abdominal operations, none involving the liver, served as controls.":
            "other abdominal operations",
        "The comparison group was offered a telephone call at 3 months.": "telephone call",
    }
    for text, want in cases.items():
        assert named_control(_sents(text)) == (want, 0), text


def test_no_named_control_in_other_sentences():
    for text in ("The control group had a similar age and sex.", "Controls were matched for age.",
                 "The control group received the same questionnaire.", "Healthy volunteers served as controls.",
                 "We received 40 replies from the control group."):
        assert named_control(_sents(text)) is None, text


def test_methods_first_and_results_ignored():
    sents = [Sentence(0, "The control group received usual dressings.", 0, 1, None, "results"),
             Sentence(1, "Wounds were photographed weekly.", 0, 1, None, "methods")]
    assert named_control(sents) is None
    sents.append(Sentence(2, "Controls received saline dressings twice daily.", 0, 1, None, "methods"))
    assert named_control(sents) == ("saline dressings", 2)


PAPER = """Can a nurse-led phone call reduce readmissions after heart surgery?
OBJECTIVE: To test whether a nurse-led phone call after discharge lowers readmission.
METHODS: In a randomised trial, 212 adults leaving hospital after heart surgery were assigned to the call group
(n = 106) or the control group (n = 106). The call group had a structured phone call on day 3. The control group
received a discharge booklet only. The primary outcome was readmission within 30 days.
RESULTS: Readmission was 9% with the call and 15% with the booklet (RR 0.60, 95% CI 0.29-1.24).
CONCLUSIONS: A phone call did not clearly reduce readmission."""


def test_the_card_names_what_the_control_group_received(read):
    r = read(PAPER)[0]
    assert [c.text for c in r.pico.comparators] == ["discharge booklet"]
    assert " ".join(r.paper.sentences[r.pico.comparators[0].sentence_idx].text.split()).startswith(
        "The control group received")


def test_a_named_comparator_from_the_question_is_kept(read):
    text = PAPER.replace("To test whether a nurse-led phone call after discharge lowers readmission.",
                         "To compare a nurse-led phone call with a pharmacist visit after discharge.")
    r = read(text)[0]
    assert [c.text for c in r.pico.comparators] == ["pharmacist visit"]
