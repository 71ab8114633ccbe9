"""Session-30 review of plan30 (issue 13, helper planrev30): the neighbours of plan30's new names and reading rules,
each with its opposite case. Own items, written here."""
import pytest

from medcore.config import Settings
from medcore.knowledge import drugs as kdrugs
from medcore.records import kb as records_kb
from medcore.records.pipeline import analyze


def _r(text):
    return kdrugs.resolve(text)


@pytest.fixture(scope="module")
def rkb():
    return records_kb.load(Settings.load())


# A brand one slip from a clinical word the English word list lacks is never read from that word ("Antinal", an
# Egyptian nifuroxazide brand, had made "anginal" read as nifuroxazide); the drug's own names still read.
@pytest.mark.parametrize("typed", ["anginal", "Anginal"])
def test_a_clinical_word_is_not_read_as_a_new_brand(typed):
    r = _r(typed)
    assert not r.ok or "nifuroxazide" not in r.ingredients, (typed, r)


@pytest.mark.parametrize("typed", ["Ercefuryl", "nifuroxazide", "nifuroxazid", "nifuroxazide 200 mg"])
def test_nifuroxazide_still_reads(typed):
    r = _r(typed)
    assert r.ok and r.ingredients == ("nifuroxazide",), (typed, r)


# The clo- names (clozapine now an ISMP partner of clonidine and clonazepam): one-slip typos far from the partner
# still read; a typo one slip from one and two from the other is asked, the nearer name first, never read.
@pytest.mark.parametrize("typed, want", [
    ("clonodine", "clonidine"), ("klonidine", "clonidine"), ("clonidne", "clonidine"), ("clonidin", "clonidine"),
    ("clozepine", "clozapine"), ("klozapine", "clozapine"), ("closapine", "clozapine"), ("clozapin", "clozapine"),
    ("clonazepem", "clonazepam"), ("klonazepam", "clonazepam"), ("clonezepam", "clonazepam"),
    ("clonazpam", "clonazepam"), ("clotiapin", "clotiapine"), ("clothiapine", "clotiapine"),
])
def test_clo_typos_read_their_drug(typed, want):
    r = _r(typed)
    assert r.ok and r.ingredients == (want,), (typed, r)


@pytest.mark.parametrize("typed, first, partner", [
    ("clonadine", "clonidine", "clozapine"), ("clozipine", "clozapine", "clonidine"),
])
def test_clo_typos_between_two_partners_are_asked(typed, first, partner):
    r = _r(typed)
    assert not r.ok and r.suggestions[:2] == (first, partner), (typed, r)


# An initial x said as z: brand typos read their own drug; a typo between two look-alikes stays asked.
@pytest.mark.parametrize("typed, want", [
    ("Xoloft", "sertraline"), ("Xofran", "ondansetron"), ("Zanax", "alprazolam"), ("Zalatan", "latanoprost"),
    ("Zenical", "orlistat"), ("Xestril", "lisinopril"), ("xolpidem", "zolpidem"),
])
def test_initial_x_or_z_typos_read_their_drug(typed, want):
    r = _r(typed)
    assert r.ok and r.ingredients == (want,), (typed, r)


@pytest.mark.parametrize("typed", ["xantac", "Zantax"])
def test_xanax_zantac_typos_stay_asked(typed):
    r = _r(typed)
    assert not r.ok and {"alprazolam", "ranitidine"} <= set(r.suggestions), (typed, r)


# Hyphens: exact ingredient names of one product read it; a list with spaced dashes of drugs no product holds does not.
@pytest.mark.parametrize("typed, want", [
    ("docusate-senna", {"docusate", "senna"}), ("lisinopril-HCTZ", {"lisinopril", "hydrochlorothiazide"}),
    ("metformin-sitagliptin", {"metformin", "sitagliptin"}),
])
def test_hyphenated_combinations_read(typed, want):
    r = _r(typed)
    assert r.ok and set(r.ingredients) == want, (typed, r)


@pytest.mark.parametrize("typed", ["metoprolol - lisinopril", "amlodipine - lisinopril", "warfarin-aspirin", "Lobate-GM"])
def test_hyphenated_lists_without_a_product_stay_unread(typed):
    assert not _r(typed).ok, typed


# Running text: words and names next to the medication-field-only names are no drug; the new names in a medication
# line are read.
@pytest.mark.parametrize("text", [
    "No SpA features on the sacroiliac MRI.", "Mass with lobate margins in the left lobe.",
    "Telma AM came with her daughter to clinic.", "Anginal chest pain on exertion, relieved by rest.",
    "Gastric mucosa appeared erythematous on endoscopy.", "There is no spa or hot tub exposure.",
])
def test_words_near_new_names_are_no_drug_in_text(rkb, text):
    assert not analyze(text, rkb).extraction.medications, text


@pytest.mark.parametrize("text, want", [
    ("Medications: Nospa 40 mg three times daily.", {"drotaverine"}),
    ("Depas 0.5 mg at night for anxiety.", {"etizolam"}),
    ("Medications: Mydocalm 150 mg twice daily; Loxonin 60 mg three times daily.", {"tolperisone", "loxoprofen"}),
    ("Medications: sultiame 200 mg bid, phenytoin 100 mg tid.", {"sultiame", "phenytoin"}),
])
def test_new_names_in_a_medication_line_are_read(rkb, text, want):
    assert {m.name.lower() for m in analyze(text, rkb).extraction.medications} == want, text


# Digitoxin (new with plan30) had only the beta-blocker rule: a digitoxin plan with a loop diuretic, rifampicin or
# amiodarone read as clear. Its own label rows now; the drugs its label does not name stay clear.
@pytest.fixture(scope="module")
def tkb():
    from medcore.therapy.kb import load_kb
    return load_kb(Settings.load())


@pytest.mark.parametrize("a, b", [
    ("digitoxin", "furosemide"), ("Digimerck", "hydrochlorothiazide"), ("digitoxin", "rifampin"),
    ("digitoxin", "Tegretol"), ("digitoxin", "amiodarone"), ("digitoxin", "verapamil"),
    ("digitoxin", "calcium gluconate"), ("digoxin", "calcium gluconate"), ("digoxin", "furosemide"),
])
def test_digitoxin_label_rows(tkb, a, b):
    from medcore.therapy import interactions as ix
    rep = ix.check_names(tkb, [a, b])
    assert not rep.unknown and rep.findings and rep.findings[0].severity == "moderate", (a, b, rep.findings)


@pytest.mark.parametrize("a, b", [("digitoxin", "lisinopril"), ("digitoxin", "levetiracetam"), ("digitoxin", "amlodipine")])
def test_digitoxin_unrelated_drugs_stay_clear(tkb, a, b):
    from medcore.therapy import interactions as ix
    rep = ix.check_names(tkb, [a, b])
    assert not rep.unknown and not rep.findings, (a, b, rep.findings)


# The H2 antagonist rule plan30 wrote for dasatinib alone: its neighbours from the labels of the PPI rule's drugs
# (avoid: pazopanib, sotorasib; timed doses: erlotinib, gefitinib, neratinib), antacids 2 hours from dasatinib;
# kinase inhibitors whose labels name no acid effect stay clear.
@pytest.mark.parametrize("a, b, severity", [
    ("pazopanib", "famotidine", "major"), ("sotorasib", "ranitidine", "major"), ("dasatinib", "famotidine", "major"),
    ("erlotinib", "famotidine", "moderate"), ("gefitinib", "cimetidine", "moderate"), ("neratinib", "famotidine", "moderate"),
    ("dasatinib", "Tums", "moderate"), ("dasatinib", "magnesium hydroxide", "moderate"),
])
def test_acid_reducers_with_ph_dependent_kinase_inhibitors(tkb, a, b, severity):
    from medcore.therapy import interactions as ix
    rep = ix.check_names(tkb, [a, b])
    assert not rep.unknown and rep.findings and rep.findings[0].severity == severity, (a, b, rep.findings)


@pytest.mark.parametrize("a, b", [("imatinib", "famotidine"), ("osimertinib", "famotidine"), ("imatinib", "calcium carbonate")])
def test_acid_reducers_with_other_kinase_inhibitors_stay_clear(tkb, a, b):
    from medcore.therapy import interactions as ix
    rep = ix.check_names(tkb, [a, b])
    assert not rep.unknown and not rep.findings, (a, b, rep.findings)
