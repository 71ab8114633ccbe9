"""Data model round trip, sentence splitting, headings and rule roles."""

from medcore.config import Settings
from medcore.literature.headings import find_sections, heading_map
from medcore.literature.model import (Arm, CardLine, ChecklistItem, Design, Effect, EvidenceCard, Paper, Pico, PicoItem,
                                      Population, ReadResult, Sentence)
from medcore.literature.roles import assign_roles
from medcore.literature.segment import segment
from medcore.literature.sentences import split_sentences


def _texts(t):
    return [t[a:b] for a, b in split_sentences(t)]


def test_split_keeps_abbreviations_decimals_and_ci_together():
    t = ("Smith et al. found it. We compared drug A vs. placebo in the John F. Kennedy cohort (p < 0.05). "
         "The HR was 0.75 (95% CI 1.2-3.4; P = .03). Outcomes, e.g. Death, were rare. 120 patients were randomised.")
    assert _texts(t) == ["Smith et al. found it.", "We compared drug A vs. placebo in the John F. Kennedy cohort (p < 0.05).",
                         "The HR was 0.75 (95% CI 1.2-3.4; P = .03).", "Outcomes, e.g. Death, were rare.",
                         "120 patients were randomised."]


def test_split_blank_lines_and_question_marks():
    assert _texts("Is it safe? Yes.\n\nNext block") == ["Is it safe?", "Yes.", "Next block"]
    assert _texts("   ") == []


def test_roundtrip_of_every_dataclass():
    paper = Paper(title="T", authors=["A B"], year=2020, text="x. y.", sections=[("METHODS", 0, 2)],
                  sentences=[Sentence(0, "x.", 0, 2, "METHODS", "methods", 1.0, "heading")])
    eff = Effect("HR", 0.75, adjusted=False, ci_low=0.61, ci_high=0.92, ci_level=95, p_value=0.01, p_text="p=0.01",
                 p_relation="=", outcome="death", comparison="A vs B", label="A",
                 group_rates=[{"events": 1, "total": 2, "percent": 50.0}], sentence_idx=0, span=(3, 7), flags=["x"])
    pico = Pico(Population(120, 1, {"stat": "mean", "value": 60}, {"female_pct": 40},
                           [PicoItem("asthma", 0, "condition:asthma", "ICD-10 J45")]),
                [PicoItem("metformin", 1, "drug:metformin", "", "500 mg")])
    card = EvidenceCard(question=[CardLine("q", 0, "x")], checklist=[ChecklistItem("objective", "O", True, 0, "s")])
    eff.arm, eff.comparator, eff.arm_basis = "metformin", "placebo", "named"
    rr = ReadResult(paper, Design("rct", 0, "randomized", "double-blind", 0, True), pico, [eff], [1], [], [], card,
                    arms=[Arm("metformin", 60, "intervention", 0, "n = 60"), Arm("placebo", None, "comparator", 0)])
    assert ReadResult.from_dict(rr.to_dict()).to_dict() == rr.to_dict()
    assert ReadResult.from_dict(rr.to_dict()).arms[0].n == 60
    assert ReadResult.from_dict(rr.to_dict()).effects[0].comparator == "placebo"
    older = rr.to_dict()
    del older["arms"]  # a reading saved before arms existed still loads
    assert ReadResult.from_dict(older).arms == []
    assert ReadResult.from_dict(rr.to_dict()).effects[0].span == (3, 7)


def test_heading_variants_and_compounds():
    h = heading_map(Settings())
    assert h.role_of("PATIENTS AND METHODS") == "methods"
    assert h.role_of("Conclusions and Relevance:") == "conclusions"
    assert h.role_of("INTERPRETATION") == "conclusions"
    assert h.role_of("Design, Setting, and Participants") == "methods"
    assert h.role_of("2.1 Methods") == "methods"
    assert h.role_of("Trial registration") is None
    assert h.is_stop("References")
    assert h.role_of("Strengths and limitations") == "conclusions"
    assert h.role_of("Abstract") is None and h.known("Abstract") and not h.is_stop("Abstract")


def test_labelled_abstract_gets_heading_roles_and_unknown_label_is_its_own_section():
    st = Settings()
    h = heading_map(st)
    t = ("BACKGROUND: Asthma is common. AIMS: To test X. PARTICIPANTS: 40 adults. FINDINGS: HR 0.7. "
         "INTERPRETATION: Works. TRIAL REGISTRATION: NCT01234567.")
    p = assign_roles(segment(Paper(text=t), h), h, st, classifier=False)
    roles = [(s.text, s.role, s.role_source) for s in p.sentences]
    assert roles[:5] == [("Asthma is common.", "background", "heading"), ("To test X.", "objective", "heading"),
                         ("40 adults.", "methods", "heading"), ("HR 0.7.", "results", "heading"),
                         ("Works.", "conclusions", "heading")]
    assert roles[5][0] == "NCT01234567." and roles[5][2] == "rules"


def test_full_text_headings_and_back_matter_dropped():
    h = heading_map(Settings())
    t = "Title\n\n1. Introduction\nAsthma is bad.\n\n2. Methods\nWe enrolled 20.\nDiscussion\nGood.\nReferences\n1. Smith J."
    secs = find_sections(t, h)
    assert [s.heading for s in secs] == ["", "1. Introduction", "2. Methods", "Discussion", "References"]
    p = segment(Paper(text=t), h)
    assert [s.text for s in p.sentences] == ["Title", "Asthma is bad.", "We enrolled 20.", "Good."]


def test_rules_without_headings_put_conclusion_last_and_numbers_in_results():
    st = Settings()
    h = heading_map(st)
    t = ("Heart failure is a common cause of admission. We aimed to compare A with B. "
         "We enrolled 200 patients who were randomized to A or B. "
         "Mortality was lower with A (12% vs 20%, p = 0.01). In conclusion, A should be preferred.")
    p = assign_roles(segment(Paper(text=t), h), h, st, classifier=False)
    assert [s.role for s in p.sentences] == ["background", "objective", "methods", "results", "conclusions"]
    assert all(s.role_source == "rules" and 0 < s.role_score <= 1 for s in p.sentences)


class _FakeClassifier:
    def predict(self, sentences):
        return [("methods", 0.9)] * len(sentences)


def test_classifier_used_for_unlabelled_sentences_only():
    st = Settings()
    h = heading_map(st)
    p = segment(Paper(text="Intro text here. RESULTS: It worked."), h)
    assign_roles(p, h, st, classifier=_FakeClassifier())
    assert [(s.role, s.role_source) for s in p.sentences] == [("methods", "classifier"), ("results", "heading")]


def test_literature_kb_files_fit_their_schemas_and_name_sources(tmp_path):
    import shutil

    import pytest

    from medcore.literature import kb

    st = Settings()
    for name in kb.SCHEMAS:
        data = kb.load(st, name)
        assert data["version"] == 1
    # a design entry without a source is refused, naming the file
    bad = tmp_path / "designs.yaml"
    shutil.copy(kb.kb_dir_of(st) / "designs.yaml", bad)
    bad.write_text(bad.read_text(encoding="utf-8").replace('    source: "NLM MeSH Publication Type \'Meta-Analysis\'; PRISMA 2020 statement (Page et al. 2021)"\n', ""), encoding="utf-8")
    with pytest.raises(kb.LiteratureKBError, match="designs.yaml"):
        kb.load(tmp_path, "designs")


def test_cue_regex_whole_words_and_prefixes():
    from medcore.literature.kb import cue_regex

    r = cue_regex(["limitation*", "small sample", "p<"])
    assert r.search("Limitations include") and r.search("a small sample.") and r.search("p<0.05")
    assert not r.search("small samples") and not r.search("delimitation")


def test_runaway_sentence_is_cut_so_work_per_sentence_stays_bounded():
    from medcore.literature.sentences import MAX_SENTENCE_CHARS

    text = "1 " * 5000
    spans = split_sentences(text)
    assert len(spans) > 1 and all(e - s <= MAX_SENTENCE_CHARS for s, e in spans)
    assert text[spans[0][0]:spans[-1][1]].count("1") == 5000  # nothing lost
