"""Session 28 (issue 13): breadth of typed names (new ingredients, brands, products, chart abbreviations, FDA and
German/French salt words), a bare mineral cation never read for another salt, and the wrong reads that breadth
removed. Guards stay: English words, lab analytes and non-drug words are not read. Own items throughout."""

import pytest

from medcore.knowledge import drugs as kdrugs
from medcore.therapy import interactions as ix


def _r(text):
    return kdrugs.resolve(text)


def _ids(text):
    r = _r(text)
    return set(r.ingredients) if r.ok and r.how != "fuzzy" else None


@pytest.mark.parametrize("typed, want", [
    ("Levatol 20 mg", {"penbutolol"}),
    ("Campho-Phenique gel", {"camphor", "phenol"}),
    ("Absorbine Jr", {"menthol"}),
    ("Anthisan cream", {"pyrilamine"}),
    ("Joenja 70 mg", {"leniolisib"}),
    ("Icy Hot Balm", {"methyl-salicylate", "menthol"}),
    ("Tiger Balm", {"camphor", "menthol"}),
    ("Timolide", {"timolol", "hydrochlorothiazide"}),
    ("Saridon", {"acetaminophen", "propyphenazone", "caffeine"}),
    ("Carmex", {"camphor", "menthol", "phenol"}),
    ("Talwin", {"pentazocine"}),
    ("Nalfon 400 mg", {"fenoprofen"}),
    ("Noroxin", {"norfloxacin"}),
    ("Bactocill", {"oxacillin"}),
    ("Vascace 2.5 mg", {"cilazapril"}),
    ("Revuforj", {"revumenib"}),
    ("Avmapki Fakzynja", {"avutometinib", "defactinib"}),
    ("Xismox XL 60", {"isosorbide-mononitrate"}),
    ("Cold-Eeze", {"zinc-gluconate"}),
])
def test_breadth_names_read(typed, want):
    assert _ids(typed) == want, (typed, _r(typed))


@pytest.mark.parametrize("typed, want", [
    ("Perindopril-Arginin 10 mg", {"perindopril"}),          # German salt word after a hyphen
    ("Atorvastatin-Dihydrat", {"atorvastatin"}),
    ("Clopidogrelhydrogensulfat", {"clopidogrel"}),          # glued German salt word
    ("bromhydrate de galantamine", {"galantamine"}),         # French hydrobromide written first
    ("bromhidrato de citalopram", {"citalopram"}),
    ("rucaparib camsylate", {"rucaparib"}),                  # FDA established-name salt words
    ("delafloxacin meglumine 450 mg", {"delafloxacin"}),
    ("treprostinil diolamine ER", {"treprostinil"}),
])
def test_salt_words_cut(typed, want):
    assert _ids(typed) == want, (typed, _r(typed))


@pytest.mark.parametrize("word", ["bromhydrate", "arginin", "dihydrat", "meglumine", "diolamine", "choline",
                                  "lysine", "malate", "bromhydrate de"])
def test_salt_words_alone_are_not_read(word):
    assert not _r(word).ok, word


@pytest.mark.parametrize("typed", ["lithium iodide", "lithium bromide", "calcium glycerophosphate",
                                   "magnesium pidolate", "zinc picolinate", "potassium aspartate"])
def test_a_cation_with_an_unlisted_salt_is_not_read_as_the_bare_cation(typed):
    r = _r(typed)
    assert not r.ok, (typed, r)   # offered, never read as lithium carbonate, calcium carbonate, zinc sulfate...


@pytest.mark.parametrize("typed, want", [
    ("calcium lactate 300 mg", {"calcium-lactate"}),
    ("calcium phosphate", {"calcium-phosphate"}),
    ("zinc gluconate lozenge", {"zinc-gluconate"}),
    ("potassium gluconate 595 mg", {"potassium-gluconate"}),
    ("calcium 600 mg", {"calcium-carbonate"}),      # a strength after the bare cation still reads as before
    ("lithium citrate", {"lithium"}),               # a salt the entry lists still reads
    ("lithium carbonate 300 mg", {"lithium"}),
    ("potassium iodide", {"potassium-iodide"}),
])
def test_cation_salts_with_their_own_entry(typed, want):
    assert _ids(typed) == want, (typed, _r(typed))


@pytest.mark.parametrize("typed, want, not_want", [
    ("urea 10% cream", {"urea-topical"}, "carbamide-peroxide"),       # had been read as the ear-wax drops
    ("Imazin XL 40 mg", {"isosorbide-mononitrate"}, "imipramine"),   # had been a spelling guess of imipramine
    ("Temopen", {"temocillin"}, "cloxacillin"),
    ("sulfadiazine 500 mg tablets", {"sulfadiazine"}, "silver-sulfadiazine"),
    ("Mucosolvan", {"ambroxol"}, "acetylcysteine"),
    ("iothalamate", {"iothalamate"}, "diatrizoate"),
])
def test_wrong_reads_removed(typed, want, not_want):
    got = _ids(typed)
    assert got == want and not_want not in got, (typed, _r(typed))


@pytest.mark.parametrize("typed, want", [
    ("VGC 900 mg", {"valganciclovir"}), ("GCV", {"ganciclovir"}), ("LDV/SOF", {"ledipasvir", "sofosbuvir"}),
    ("BTZ", {"bortezomib"}), ("RZV", {"zoster-vaccine"}), ("BPG 2.4 million units", {"penicillin-g"}),
    ("HD-MTX", {"methotrexate"}), ("rtPA", {"alteplase"}), ("Li2CO3", {"lithium"}),
])
def test_standard_chart_abbreviations(typed, want):
    assert _ids(typed) == want, (typed, _r(typed))


@pytest.mark.parametrize("word", ["lamb", "posture", "android", "tiger", "butt paste", "commit", "moment",
                                  "frontal", "tucks", "witch", "gold bond", "sarna", "rid"])
def test_english_words_and_left_out_brands_are_not_read(word):
    assert not _r(word).ok, word


def test_lab_and_note_words_stay_out_of_free_text():
    forms = kdrugs.text_forms()
    for w in ("urea", "nitric oxide", "witch hazel", "ipv", "rpt", "etv", "hgh", "carnitine"):
        assert w not in forms, w


def _lead(kb, a, b):
    rep = ix.check_names(kb, [a, b])
    assert not rep.unknown, rep.unknown
    return rep.findings[0] if rep.findings else None


@pytest.mark.parametrize("a, b", [
    ("fenoprofen", "warfarin"),               # NSAID class (Nalfon label)
    ("Levatol", "verapamil"),                 # beta-blocker class
    ("Conray", "metformin"),                  # iodinated contrast (Glucophage label)
    ("norfloxacin", "calcium lactate"),       # fluoroquinolone with a polyvalent cation
    ("dapoxetine", "phenelzine"),             # SSRI with an MAOI (Priligy SmPC)
])
def test_class_rules_reach_the_new_entries(kb, a, b):
    f = _lead(kb, a, b)
    assert f is not None, (a, b)


@pytest.mark.parametrize("a, b", [
    ("phenoxybenzamine", "clarithromycin"),   # not tagged as a CYP3A4-cleared alpha-blocker
    ("Valchlor", "MMR vaccine"),              # the mechlorethamine gel is not a systemic alkylating agent
    ("wheat dextrin", "sertraline"),
])
def test_no_alarm_from_a_class_the_entry_does_not_have(kb, a, b):
    f = _lead(kb, a, b)
    assert f is None or f.severity not in ("major", "contraindicated"), (a, b, f and f.severity)


@pytest.mark.parametrize("a, b, severity", [
    ("Entresto", "benazepril", "contraindicated"),       # the product, not only the ingredient typed alone
    ("nimodipine", "itraconazole", "contraindicated"),   # Nymalize
    ("conivaptan", "ritonavir", "contraindicated"),      # Vaprisol
    ("tolterodine", "ketoconazole", "moderate"),         # Detrol: dose cap
    ("mycophenolate", "aluminium hydroxide", "moderate"),  # CellCept
    ("ezetimibe", "colestipol", "moderate"),             # Zetia
    ("Sinemet CR", "ferrous gluconate", "moderate"),     # Sinemet: iron salts
    ("metformin", "topiramate", "moderate"),             # Glucophage: carbonic anhydrase inhibitors
])
def test_label_rules_s28(kb, a, b, severity):
    f = _lead(kb, a, b)
    assert f is not None and f.severity == severity, (a, b, f and f.severity)


@pytest.mark.parametrize("a, b", [
    ("Entresto", "amlodipine"),
    ("nimodipine", "azithromycin"),          # not a strong CYP3A4 inhibitor
    ("tolterodine", "sertraline"),
    ("mycophenolate", "calcium carbonate"),  # the CellCept label names Mg/Al hydroxides only
    ("ezetimibe", "metformin"),
    ("levodopa", "calcium carbonate"),
])
def test_no_new_flag_next_to_the_s28_rules(kb, a, b):
    f = _lead(kb, a, b)
    assert f is None or f.severity not in ("major", "contraindicated") and not (
        f.source and "s28" in (f.source or "")), (a, b, f and f.severity)


@pytest.mark.parametrize("typed", ["phenyl", "phenyl 10% eye drops"])
def test_phenyl_is_asked_not_guessed_as_phenol(typed):
    r = _r(typed)
    assert not r.ok and r.how == "ambiguous", (typed, r)   # phenylephrine on the ward; phenol is one letter away
