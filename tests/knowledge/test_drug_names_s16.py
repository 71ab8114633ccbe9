"""Session 16 (planner16): names the summarizer missed (session 15 note): US brands of combinations, a valproate
injection brand, etoposide's code name, and chemotherapy regimens, which expand to their ingredients for every check
(a regimen is listed as a product: the lexicon's one way for a name to stand for several medicines)."""

import pytest

from medcore.knowledge import drugs as D


@pytest.mark.parametrize("typed, ingredients", [
    ("Duraphen", ("guaifenesin", "phenylephrine")), ("Duraphen II", ("guaifenesin", "phenylephrine")),
    ("Duraphen Forte", ("guaifenesin", "phenylephrine")), ("Cyclomydril", ("cyclopentolate", "phenylephrine")),
    ("Depacon", ("valproate",)), ("VP-16", ("etoposide",)), ("VP16", ("etoposide",)),
    ("CHOP", ("cyclophosphamide", "doxorubicin", "vincristine", "prednisone")),
    ("R-CHOP", ("rituximab", "cyclophosphamide", "doxorubicin", "vincristine", "prednisone")),
    ("m-BACOD", ("methotrexate", "leucovorin", "bleomycin", "doxorubicin", "cyclophosphamide", "vincristine",
                 "dexamethasone")),
    ("ABVD", ("doxorubicin", "bleomycin", "vinblastine", "dacarbazine")),
    ("FOLFOX", ("leucovorin", "fluorouracil", "oxaliplatin")),
    ("mFOLFOX6", ("leucovorin", "fluorouracil", "oxaliplatin")),
    # found by typing names from memory (docs/evals/planner-s16/typed_names_dev.txt, dev)
    ("Gazyva", ("obinutuzumab",)), ("Mutamycin", ("mitomycin",)), ("mitomycin C", ("mitomycin",)),
    ("Cosmegen", ("dactinomycin",)), ("Tepezza", ("teprotumumab",)),
    ("Alyftrek", ("vanzacaftor", "tezacaftor", "deutivacaftor")), ("Zevtera", ("ceftobiprole",)),
    ("Factive", ("gemifloxacin",)), ("Spectracef", ("cefditoren",)), ("Cedax", ("ceftibuten",)),
    ("carboplatin AUC 5", ("carboplatin",)), ("carboplatin AUC5 every 21 days", ("carboplatin",)),
    # a herbal sleep aid was read by one-slip spelling as Kalma (an alprazolam brand)
    ("Kalms", ("valerian",)), ("Kalms Day", ("valerian",)),
])
def test_names_s16(typed, ingredients):
    r = D.resolve(typed)
    assert set(r.ingredients) == set(ingredients) and r.how not in ("fuzzy", "spelling"), r


def test_cyclomydril_is_an_eye_drop_and_keeps_the_phenylephrine_maoi_warning():
    from pathlib import Path

    from medcore.knowledge.drug_lexicon import DEFAULT_KB_DIR
    from medcore.therapy import interactions as ix
    from medcore.therapy.kb import load_kb_dir

    kb = load_kb_dir(Path(DEFAULT_KB_DIR) / "therapy")
    rep = ix.check_names(kb, ["Cyclomydril", "phenelzine"])
    assert any("phenylephrine" in f.drug_ids and f.severity in ("major", "contraindicated") for f in rep.findings)


def test_regimen_duplicates_a_typed_ingredient():
    from pathlib import Path

    from medcore.knowledge.drug_lexicon import DEFAULT_KB_DIR
    from medcore.therapy import interactions as ix
    from medcore.therapy.kb import load_kb_dir

    kb = load_kb_dir(Path(DEFAULT_KB_DIR) / "therapy")
    rep = ix.check_names(kb, ["R-CHOP", "prednisone 40 mg"])
    assert any(d.kind != "same_class" for d in rep.duplicates), rep.duplicates


@pytest.mark.parametrize("text, names", [
    ("He had six cycles of R-CHOP two years ago.", ["R-CHOP"]),
    ("Given CHOP chemotherapy, then VP-16.", ["CHOP", "etoposide"]),
    ("Medications: Duraphen II one tablet twice daily, Depacon 500 mg IV.", ["guaifenesin/phenylephrine", "valproate"]),
    # the bare regimen letters are also a children's hospital: not a medicine in running text
    ("The boy was seen at CHOP for a second opinion.", []),
])
def test_summarizer_reads_regimens_and_brands(settings, text, names):
    from medcore.records import kb as kb_mod
    from medcore.records.pipeline import analyze

    got = [m.name for m in analyze(text, kb_mod.load(settings)).extraction.medications]
    assert len(got) == len(names) and all(g.startswith(n) for g, n in zip(got, names)), got
