"""The knowledge layer's drug terminology: schema and sources, brands, combinations, salts, classes,
the ritonavir/Paxlovid distinction and the close-misspelling rule."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from medcore.knowledge import drugs as D
from medcore.knowledge.drug_lexicon import DEFAULT_KB_DIR, DrugKBError, drugs_root
from medcore.knowledge.names import normalise

BLIND = Path(__file__).parent / "data" / "drug_names_blind.yaml"


def test_every_entry_has_a_source_and_known_references():
    lex = D.load()
    for table in (lex.ingredients, lex.products, lex.classes):
        for e in table.values():
            assert len(e["source"]) >= 6, e["id"]
    assert len(lex.ingredients) >= 700 and len(lex.products) >= 80
    for p in lex.products.values():
        assert all(i in lex.ingredients for i in p["ingredients"])


def test_every_therapy_drug_is_in_the_lexicon():
    ids = set()
    for path in (DEFAULT_KB_DIR / "therapy" / "drugs").glob("*.yaml"):
        ids |= {d["id"] for d in yaml.safe_load(path.read_text())["drugs"]}
    lex = D.load()
    missing = [i for i in ids if i not in lex.ingredients and i not in lex.products]
    assert not missing


@pytest.mark.parametrize("text,ingredients,product", [
    ("Percocet", ("oxycodone", "acetaminophen"), "oxycodone-acetaminophen"),
    ("Percocet 5/325", ("oxycodone", "acetaminophen"), "oxycodone-acetaminophen"),
    ("Bactrim DS", ("sulfamethoxazole", "trimethoprim"), "trimethoprim-sulfamethoxazole"),
    ("Septra", ("sulfamethoxazole", "trimethoprim"), "trimethoprim-sulfamethoxazole"),
    ("Paxlovid", ("nirmatrelvir", "ritonavir"), "nirmatrelvir-ritonavir"),
    ("co-amoxiclav 625 mg TDS", ("amoxicillin", "clavulanate"), "amoxicillin-clavulanate"),
    ("Zestoretic", ("lisinopril", "hydrochlorothiazide"), "lisinopril-hydrochlorothiazide"),
    ("Biktarvy", ("bictegravir", "emtricitabine", "tenofovir"), "bictegravir-emtricitabine-tenofovir"),
    ("Tylenol #3", ("codeine", "acetaminophen"), "codeine-acetaminophen"),
])
def test_combination_products_resolve_to_all_ingredients(text, ingredients, product):
    r = D.resolve(text)
    assert r.ingredients == ingredients and r.product == product


@pytest.mark.parametrize("text,drug,how", [
    ("Zestril", "lisinopril", "brand"), ("Glivec", "imatinib", "brand"), ("Nardil", "phenelzine", "brand"),
    ("paracetamol", "acetaminophen", "synonym"), ("salbutamol", "albuterol", "synonym"),
    ("adrenaline", "epinephrine", "synonym"), ("frusemide", "furosemide", "synonym"),
    ("lignocaine", "lidocaine", "inn"), ("suxamethonium", "succinylcholine", "inn"),
    ("metoprolol succinate", "metoprolol", "salt"), ("metoprolol tartrate 25 mg BID", "metoprolol", "salt"),
    ("amlodipine besilate", "amlodipine", "salt"), ("sertraline hydrochloride 50mg", "sertraline", "salt"),
    ("Eliquis 5mg BID", "apixaban", "brand"), ("Toprol XL", "metoprolol", "brand"),
])
def test_brands_international_names_and_salts(text, drug, how):
    r = D.resolve(text)
    assert r.ingredients == (drug,) and r.product is None
    assert r.how == how


def test_a_salt_word_is_cut_even_when_not_listed_for_the_drug():
    assert D.resolve("phenelzine sulfate").ingredients == ("phenelzine",)
    assert D.resolve("bisoprolol fumarate 5 mg od").ingredients == ("bisoprolol",)


def test_ritonavir_alone_is_ritonavir_never_paxlovid():
    for text in ("ritonavir", "Norvir", "ritonavir 100 mg daily"):
        r = D.resolve(text)
        assert r.ingredients == ("ritonavir",) and r.product is None
    assert "strong_cyp3a4_inhibitor" in D.classes_of("ritonavir")
    assert "nirmatrelvir-ritonavir" != D.resolve("ritonavir").product


def test_route_forms_are_their_own_entries():
    assert D.resolve("fentanyl patch").ingredients == ("fentanyl-transdermal",)
    assert D.resolve("fentanyl").ingredients == ("fentanyl",)
    assert D.load().forms["fluticasone"] == ("fluticasone-inhaled", "fluticasone-nasal")


def test_close_misspelling_resolves_only_to_a_clear_winner():
    r = D.resolve("lisnoprl")  # two slips: a closest-spelling guess
    assert r.ingredients == ("lisinopril",) and r.how == "fuzzy"
    r = D.resolve("lisnopril")  # one slip, nothing else close (session 12)
    assert r.ingredients == ("lisinopril",) and r.how == "spelling"
    assert D.resolve("atorvastatinn").ingredients == ("atorvastatin",)
    # "hydroxyzine" and "hydralazine" are both drugs: an exact name never drifts to the other
    assert D.resolve("hydroxyzine").ingredients == ("hydroxyzine",)
    assert D.resolve("hydralazine").ingredients == ("hydralazine",)
    # equally close to two drugs: not guessed, suggestions instead
    r = D.resolve("cefalo")
    assert not r.ok and r.how == "unknown"
    r = D.resolve("zzqxv")
    assert not r.ok and r.suggestions == ()
    assert not D.resolve("").ok and not D.resolve("   ").ok


def test_short_queries_are_not_guessed():
    assert not D.resolve("cipr").ok or D.resolve("cipr").how != "fuzzy"


def test_classes_are_transitive():
    ssris = D.class_members("ssri")
    assert {"sertraline", "fluoxetine", "fluvoxamine"} <= ssris
    maois = D.class_members("maoi")
    assert {"phenelzine", "tranylcypromine", "isocarboxazid", "selegiline", "rasagiline", "linezolid",
            "moclobemide", "methylene-blue"} <= maois
    assert "maoi" in D.classes_of("phenelzine") and "nonselective_maoi" in D.classes_of("phenelzine")
    qt = D.class_members("qt_prolonging")
    assert {"dofetilide", "sotalol", "amiodarone", "haloperidol", "ziprasidone", "methadone", "citalopram"} <= qt
    assert D.class_members("qt_known_risk") < qt
    # Vaughan Williams class III: amiodarone (ATC C01BD01) and sotalol (a beta-blocker by ATC, class III by action)
    assert {"amiodarone", "sotalol", "dofetilide", "dronedarone"} <= D.class_members("class_iii_antiarrhythmic")
    assert D.class_members("class_iii_antiarrhythmic") <= D.class_members("antiarrhythmic")
    assert {"clarithromycin", "ketoconazole", "itraconazole", "ritonavir", "cobicistat"} <= D.class_members(
        "strong_cyp3a4_inhibitor")
    assert D.class_members("strong_cyp3a4_inhibitor") <= D.class_members("cyp3a4_inhibitor")
    assert {"rifampin", "carbamazepine", "phenytoin", "st-johns-wort"} <= D.class_members("strong_cyp3a4_inducer")
    assert {"ergotamine", "dihydroergotamine", "methylergonovine"} <= D.class_members("ergot_alkaloid")
    assert {"gentamicin", "tobramycin", "amikacin"} <= D.class_members("aminoglycoside")
    assert D.class_members("aminoglycoside") <= D.class_members("antibiotic") <= D.class_members("antiinfective")
    assert {"ssri", "antidepressant"} <= D.classes_of("sertraline")
    # inhaled steroids are not systemic corticosteroids (steroid + NSAID rules must not fire on them)
    assert "fluticasone-inhaled" not in D.class_members("corticosteroid")
    with pytest.raises(KeyError):
        D.class_members("no_such_class")


def test_product_classes_are_its_own_list_or_the_union_of_its_ingredients():
    assert "hiv_protease_inhibitor" not in D.classes_of("nirmatrelvir-ritonavir")  # a 5-day course, not HIV therapy
    assert "strong_cyp3a4_inhibitor" in D.classes_of("nirmatrelvir-ritonavir")
    assert {"opioid", "nsaid"} <= D.classes_of("hydrocodone-ibuprofen")
    assert D.ingredients_of("product:oxycodone-acetaminophen") == ("oxycodone", "acetaminophen")


def test_resolve_class_names():
    assert D.resolve_class("SSRIs") == "ssri"
    assert D.resolve_class("MAO inhibitors") == "maoi"
    assert D.resolve_class("NSAIDs") == "nsaid"
    assert D.resolve_class("beta-blockers") == "beta_blocker"
    assert D.resolve_class("lisinopril") is None


def test_drug_concepts_use_the_shared_id_scheme():
    concepts = {c.id: c for c in D.drug_concepts()}
    perc = concepts["product:oxycodone-acetaminophen"]
    assert perc.type == "product" and perc.attrs["ingredients"] == ["oxycodone", "acetaminophen"]
    assert "Percocet" in perc.synonyms
    lis = concepts["drug:lisinopril"]
    assert lis.type == "drug" and "Zestril" in lis.synonyms and lis.sources
    assert lis.name not in lis.synonyms
    ssri = concepts["class:ssri"]
    assert ssri.type == "class" and ssri.codes["atc"] == ("N06AB",) and "sertraline" in ssri.attrs["members"]
    assert concepts["class:nonselective_maoi"].attrs["parents"] == ["maoi"]
    assert {c.type for c in concepts.values()} == {"drug", "product", "class"}
    assert concepts["drug:metformin"].codes["atc"] == ("A10BA02",)
    assert "iron" in concepts["drug:ferrous-sulfate"].attrs["ambiguous"]  # a matcher must not take it alone


def test_blind_name_set_scores_high_with_no_wrong_reading():
    doc = yaml.safe_load(BLIND.read_text())
    wrong, unknown = [], []
    for e in doc["names"]:
        r = D.resolve(e["text"])
        got = {D.drug_name(i).lower() for i in r.ingredients}
        if not r.ok:
            unknown.append(e["text"])
        elif got != {x.lower() for x in e["ingredients"]}:
            wrong.append((e["text"], got))
    assert not wrong
    assert len(unknown) / len(doc["names"]) <= 0.03


def _copy_kb(tmp_path: Path) -> Path:
    kb = tmp_path / "kb"
    shutil.copytree(drugs_root(), kb / "knowledge" / "drugs")
    return kb


def test_an_entry_without_a_source_fails_at_load(tmp_path):
    kb = _copy_kb(tmp_path)
    p = kb / "knowledge" / "drugs" / "ingredients" / "zz_test.yaml"
    p.write_text("ingredients:\n  - {id: newdrug, name: newdrug, classes: []}\n")
    with pytest.raises(DrugKBError, match="source"):
        D.load(kb)


def test_unknown_class_parent_ingredient_and_name_clash_fail_at_load(tmp_path):
    kb = _copy_kb(tmp_path)
    p = kb / "knowledge" / "drugs" / "ingredients" / "zz_test.yaml"
    p.write_text('ingredients:\n  - {id: newdrug, name: newdrug, classes: [nope], source: "test source"}\n')
    with pytest.raises(DrugKBError, match="unknown class"):
        D.load(kb)
    p.write_text('ingredients:\n  - {id: newdrug, name: newdrug, brands: [Zestril], classes: [], source: "test source"}\n')
    with pytest.raises(DrugKBError, match="claimed by both"):
        D.load(kb)
    p.unlink()
    prod = kb / "knowledge" / "drugs" / "products.yaml"
    prod.write_text(prod.read_text() + '  - {id: x-y, name: x/y, ingredients: [lisinopril, nodrug], source: "test source"}\n')
    with pytest.raises(DrugKBError, match="unknown ingredient"):
        D.load(kb)


def test_an_edit_to_the_yaml_shows_up_on_the_next_load(tmp_path):
    kb = _copy_kb(tmp_path)
    assert not D.resolve("Newbrandzz", kb).ok
    p = kb / "knowledge" / "drugs" / "ingredients" / "zz_test.yaml"
    p.write_text('ingredients:\n  - {id: newdrug, name: newdrug, brands: [Newbrandzz], classes: [ssri], source: "test source"}\n')
    assert D.resolve("Newbrandzz", kb).ingredients == ("newdrug",)
    assert "newdrug" in D.class_members("ssri", kb)


def test_normalise_folds_width_case_and_marks():
    assert normalise("ＬＩＰＩＴＯＲ®") == "lipitor"
    assert normalise("Co-Amoxiclav") == "co amoxiclav"


def test_text_forms_leave_out_ambiguous_words_and_keep_written_forms():
    forms = D.text_forms()
    assert forms["percocet"] == ("product", "oxycodone-acetaminophen")
    assert forms["amoxicillin-clavulanate"] == ("product", "amoxicillin-clavulanate")  # "/" also written "-"
    assert forms["co-amoxiclav"] == ("product", "amoxicillin-clavulanate")
    assert forms["lignocaine"] == ("drug", "lidocaine")
    for word in ("potassium", "iron", "contrast", "the pill", "nicotine", "prep", "yasmin"):
        assert word not in forms, word  # lab analytes, everyday words, given names
    assert D.resolve("potassium").ok and D.resolve("Yasmin").ok  # a medication field still resolves them
    only = D.text_forms(classes=["nsaid"])
    assert only["nsaids"] == ("class", "nsaid") and only["nsaid"] == ("class", "nsaid")
    assert "ssris" not in only and "ssris" in forms
    assert not any(k == "class" for k, _ in D.text_forms(classes=False).values())


def test_a_class_word_is_not_a_drug():
    # "penicillin" and "the pill" name classes; the specific drugs have their own names
    assert not D.resolve("penicillin").ok and D.resolve_class("penicillin") == "penicillin"
    assert D.resolve("penicillin VK 250 mg").ingredients == ("penicillin-v",)
    assert D.resolve_class("combined oral contraceptive pill") == "combined_oral_contraceptive"


@pytest.mark.parametrize("text, drug", [
    ("acetaminophen single dose", "acetaminophen"), ("acetaminophen 1 g single dose", "acetaminophen"),
    ("ibuprofen long-term", "ibuprofen"), ("naproxen with food", "naproxen"),
    ("sertraline in the morning", "sertraline"), ("paracetamol when required", "acetaminophen"),
    ("Tylenol extra strength", "acetaminophen"), ("ibuprofen one-off", "ibuprofen")])
def test_a_trailing_phrase_about_how_it_is_taken_is_cut(text, drug):
    assert D.resolve(text).ingredients == (drug,)


@pytest.mark.parametrize("text", ["vitamin k antagonist", "warfarin with aspirin", "iron deficiency",
                                  "potassium sparing diuretic"])
def test_a_trailing_word_that_is_not_about_taking_it_is_not_cut(text):
    assert not D.resolve(text).ok


@pytest.mark.parametrize("text,ingredients", [
    ("Micronase 5 mg", {"glyburide"}), ("Levothroid", {"levothyroxine"}), ("Duricef 1 g daily", {"cefadroxil"}),
    ("Lupron", {"leuprolide"}), ("baby aspirin", {"aspirin"}), ("Omnipaque 300", {"iohexol"}),
    ("Isovue-300", {"iopamidol"}), ("Gadavist", {"gadobutrol"}), ("Betadine", {"povidone-iodine"}),
    ("Pneumovax 23", {"pneumococcal-vaccine"}), ("flu shot", {"influenza-vaccine"}), ("Tdap", {"tetanus-toxoid-vaccine"}),
    ("fish oil", {"omega-3-fatty-acids"}), ("vitamin C", {"ascorbic-acid"}), ("Centrum Silver", {"multivitamin"}),
    ("IV fluids", {"intravenous-fluids"}), ("PRBCs", {"packed-red-blood-cells"}), ("FFP", {"fresh-frozen-plasma"}),
    ("D5 1/2 NS", {"dextrose", "sodium-chloride"}), ("Humulin 70/30", {"insulin-nph", "insulin-regular"}),
    ("Cetacaine spray", {"benzocaine", "butamben", "tetracaine"}), ("Neosporin", {"neomycin", "polymyxin-b", "bacitracin"}),
    ("lidocaine with epinephrine", {"lidocaine", "epinephrine"}), ("Cosopt", {"dorzolamide", "timolol"}),
    ("betahistine 24 mg twice a day", {"betahistine"}), ("Systane", {"artificial-tears"}),
])
def test_names_real_notes_use_resolve(text, ingredients):
    assert set(D.resolve(text).ingredients) == ingredients


@pytest.mark.parametrize("text,drug", [
    ("IV Rocephin", "ceftriaxone"), ("oral Orapred", "prednisolone"), ("high dose cisplatin", "cisplatin"),
    ("Canasa suppositories", "mesalamine"), ("Brimonidine ophthalmic once daily", "brimonidine"),
])
def test_route_words_before_and_form_words_after_a_name_are_cut(text, drug):
    assert D.resolve(text).ingredients == (drug,)


def test_listed_names_are_the_ambiguous_ones_a_medication_list_may_use_alone(tmp_path):
    listed = D.text_forms(ambiguous=True, classes=False)
    assert listed["potassium"] == ("drug", "potassium-chloride") and listed["soma"] == ("drug", "carisoprodol")
    assert listed["vitamins"] == ("drug", "multivitamin") and listed["oxygen"] == ("drug", "oxygen")
    for word in ("has", "prep", "contrast", "art", "pen"):  # everyday words and "contrast" stay out even there
        assert word not in listed, word
    assert not set(listed) & set(D.text_forms(classes=False))
    kb = _copy_kb(tmp_path)
    rules = kb / "knowledge" / "drugs" / "name_rules.yaml"
    rules.write_text(rules.read_text().replace("listed_in_text: [potassium,", "listed_in_text: [lisinopril, potassium,"))
    with pytest.raises(DrugKBError, match="listed_in_text"):
        D.load(kb)
