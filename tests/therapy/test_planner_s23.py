"""Session 23 (issue 13): names left unknown on the session-22 planner set (dev now) are read at their source;
skin and eye forms of systemic drugs are their own form entries (or name their route), so they take only the rules
their labels state; the Flomax label's 'not with strong CYP3A4 inhibitors' is an avoid, and metformin with the
OCT2/MATE inhibitors its label names is flagged."""

import pytest

from medcore.knowledge import drugs as kdrugs
from medcore.therapy import interactions as ix


@pytest.fixture(scope="module")
def lex():
    return kdrugs.load()


@pytest.mark.parametrize("typed, want", [
    ("perphenazine-amitriptyline 2/25", {"perphenazine", "amitriptyline"}),   # US generic name of the combination
    ("Opipza 5 mg film", {"aripiprazole"}),
    ("Bicillin C-R", {"penicillin-g"}),              # benzathine + procaine salts of one active moiety
    ("penicillin G procaine", {"penicillin-g"}),
    ("Likmez", {"metronidazole"}),
    ("Yorvipath", {"palopegteriparatide"}),
    ("Thyquidity", {"levothyroxine"}),
    ("Anacin", {"aspirin", "caffeine"}),
    ("Astepro Allergy", {"azelastine"}),
    ("Rolaids", {"calcium-carbonate", "magnesium-hydroxide"}),
    ("Mytesi", {"crofelemer"}),
    ("Cinvanti", {"aprepitant"}),
    ("Vistogard", {"uridine-triacetate"}),
    ("Movelat gel", {"heparinoid", "salicylic-acid"}),
    ("Non-Drowsy Sinutab", {"acetaminophen", "pseudoephedrine"}),
    ("Qbrexza", {"glycopyrronium-topical"}),
    ("Ryzumvi", {"phentolamine-ophthalmic"}),
])
def test_typed_names_read(lex, typed, want):
    r = kdrugs.resolve(typed, lex=lex)
    assert r.ok and r.how != "fuzzy"
    assert set(r.ingredients) == want


@pytest.mark.parametrize("typed, word", [("Contac", "pseudoephedrine"), ("Sinutab", "pseudoephedrine"),
                                         ("Ricola", "menthol"), ("Contac Non-Drowsy", "phenylephrine")])
def test_brand_families_are_asked_about(lex, typed, word):
    r = kdrugs.resolve(typed, lex=lex)
    assert not r.ok and r.how == "ambiguous"
    assert word in " ".join(r.suggestions)


def _found(kb, a, b):
    rep = ix.check_names(kb, [a, b])
    assert not rep.unknown
    return rep.findings


def test_form_entries_take_no_systemic_dose_or_class(kb):
    for form in ("glycopyrronium-topical", "phentolamine-ophthalmic"):
        assert form not in kb.drugs          # no planner dose of the injection or the tablet
        assert kb.drug_info(form)["classes"] == []


def test_skin_cloth_keeps_only_its_label_rule(kb):
    f = _found(kb, "Qbrexza", "oxybutynin")
    assert [x.severity for x in f] == ["moderate"]
    assert not _found(kb, "Qbrexza", "warfarin")
    assert not _found(kb, "Ryzumvi", "sildenafil")


def test_oral_glycopyrrolate_adds_to_anticholinergics(kb):
    assert [x.severity for x in _found(kb, "Robinul", "amitriptyline")] == ["moderate"]


@pytest.mark.parametrize("brand", ["Efudex", "Tolak", "Cleocin T", "Evoclin"])
def test_skin_brands_of_systemic_drugs_are_not_checked_as_systemic(kb, brand):
    other = "warfarin" if brand in ("Efudex", "Tolak") else "erythromycin"
    assert not _found(kb, brand, other)


@pytest.mark.parametrize("inhibitor", ["ketoconazole", "itraconazole", "clarithromycin"])
def test_tamsulosin_with_strong_3a4_inhibitor_is_avoid(kb, inhibitor):
    f = _found(kb, "Flomax", inhibitor)
    assert f[0].severity == "major" and f[0].avoid


@pytest.mark.parametrize("other", ["Tivicay", "Triumeq", "ranolazine", "cimetidine"])
def test_metformin_with_oct2_mate_inhibitor(kb, other):
    f = _found(kb, other, "metformin")
    assert f and f[0].severity == "moderate"


def test_doxazosin_with_ketoconazole_not_made_avoid(kb):
    # the avoid is the Flomax label's; other alpha-blockers keep the class rule's caution
    f = _found(kb, "doxazosin", "ketoconazole")
    assert f and not f[0].avoid
