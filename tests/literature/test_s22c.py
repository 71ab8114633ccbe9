"""Session 22c (issue 15): the population's conditions. The most specific concept the text names wins (bipolar I
disorder over mania, a congenital heart defect over heart disease, liver metastases over metastases); a condition the
vocabulary lacked (cryptorchidism, thrombophlebitis) is read; a disease word inside an instrument's name, or in a
methods sentence that names no people, is not the population's. Every sentence here is written for the test."""

from __future__ import annotations

from medcore.literature import population_phrases


def _codes(read, text: str) -> list[str]:
    return [c.code for c in read(text)[0].pico.population.conditions]


def test_bipolar_one_disorder_is_coded_as_bipolar_not_as_its_mania(read):
    text = ("How well does a trial sample of bipolar I disorder in youth represent clinic cases?\n"
            "OBJECTIVE: To compare young people from a mania trial with those seen in two clinics.\n"
            "METHODS: We compared symptoms across 90 children.\nRESULTS: They were alike.")
    codes = _codes(read, text)
    assert "ICD-10-CM F31.9" in codes and "ICD-10-CM F30.9" not in codes


def test_a_congenital_heart_defect_is_not_plain_heart_disease(term):
    hits = term.match("Infants with a congenital heart defect had surgery.", types={"condition", "icd10cm"})
    assert [h.concept_id for h in hits] == ["condition:congenital_heart_disease"]


def test_metastases_named_with_their_organ_take_the_organ_code(read):
    text = ("Is surgery worth it for liver metastases from bowel cancer after a second course of chemotherapy?\n"
            "METHODS: We reviewed 40 patients with liver metastases who had surgery.\nRESULTS: Many lived longer.")
    assert any(c.startswith("ICD-10-CM C78.7") for c in _codes(read, text))


def test_conditions_missing_from_the_vocabulary_are_read(term):
    for phrase, code in (("boys with undescended testes", "Q53.9"), ("a peripheral thrombophlebitis", "I80.9")):
        hits = term.match(phrase, types={"condition", "icd10cm"})
        assert [term.get(h.concept_id).codes["icd10cm"][0] for h in hits] == [code]


def test_a_disease_inside_an_instrument_name_is_a_measure():
    assert population_phrases.is_instrument("the Yale Panic Disorder Rating Scale", len("the Yale Panic Disorder"))
    assert population_phrases.is_instrument("used the Gout Tracker 2.1 software", len("used the Gout"))
    # a lower-case word between the disease and the noun is no name: "asthma and their scores" is not an instrument
    assert not population_phrases.is_instrument("asthma and their scores", len("asthma"))


def test_a_disease_scale_in_the_methods_gives_no_condition(read):
    text = ("Does a walking plan lift the mood of new mothers?\nOBJECTIVE: To test a walking plan.\n"
            "METHODS: Sixty women were randomised to walk or not, and the women rated their mood on the Leeds Postnatal "
            "Depression Scale.\n"
            "RESULTS: Mood did not differ.")
    assert not [c for c in _codes(read, text) if c.startswith("ICD-10-CM F53")]


def test_a_disease_in_a_methods_sentence_without_people_is_not_the_population(read):
    text = ("Can soup be served on the first day after bowel surgery?\nOBJECTIVE: To test early feeding.\n"
            "METHODS: Sixty adults were randomised to soup on day one or day three. Solid food followed once the "
            "ileus had settled and flatus was passed.\nRESULTS: Both groups did well.")
    assert not [c for c in _codes(read, text) if c.startswith("ICD-10-CM K56")]


def test_a_disease_in_a_methods_sentence_about_the_people_stays(read):
    text = ("Does a nurse measure blood pressure lower than a doctor?\nOBJECTIVE: To compare two readers.\n"
            "METHODS: All patients treated for hypertension seen on one weekday over a long winter season at the "
            "village clinics of two valleys were included.\nRESULTS: Nurses read lower.")
    assert any(c.startswith("ICD-10-CM I10") for c in _codes(read, text))


def test_a_group_abbreviation_defined_as_a_condition_is_no_intervention(term):
    from medcore.literature.treated_groups import drop_defined_groups
    from medcore.literature.model import Pico, PicoItem, Population
    from medcore.literature.service import _is_condition

    pico = Pico(population=Population(), interventions=[PicoItem(text="UTR"), PicoItem(text="warm saline")])
    whole = ("Adults with an urticarial transfusion reaction (UTR) were matched to adults without one; the UTR group "
             "and the others then had warm saline.")
    drop_defined_groups(pico, whole, lambda text: _is_condition(term, text))
    assert [i.text for i in pico.interventions] == ["warm saline"]


def test_a_group_abbreviation_defined_as_people_is_no_intervention():
    from medcore.literature.treated_groups import drop_defined_groups
    from medcore.literature.model import Pico, PicoItem, Population

    pico = Pico(population=Population(), interventions=[PicoItem(text="RE"), PicoItem(text="HSB")])
    whole = "We compared resident examiners (RE) with senior raters on a hand-scored board (HSB) of ten stations."
    drop_defined_groups(pico, whole, lambda text: False)
    assert [i.text for i in pico.interventions] == ["HSB"]


def test_a_drug_abbreviation_in_a_program_name_is_no_drug():
    from medcore.literature.pico import _NOT_A_DRUG_HERE

    text = "Ratios were worked out with EPI STATS software for the whole cohort."
    assert _NOT_A_DRUG_HERE.match(text, text.index("EPI") + 3)
    given = "Adults were given EPI and then their software-rated pain was logged."
    assert not _NOT_A_DRUG_HERE.match(given, given.index("EPI") + 3)  # a lower-case word is no program's name
