"""Issue 11, session 24c (rec24c): a positive test named by the disease it looks for is that disease; a sign's own
site phrase beats the examination heading. Sentences written for these tests."""

from __future__ import annotations

import pytest

from ._read import problems as _problems


def _codes(kb, text: str) -> list[str | None]:
    return [c for _, c, _ in _problems(kb, text)]


@pytest.mark.parametrize("text", [
    "Her HIV test came back positive last spring.",
    "The HIV antibody screen was reactive at the blood bank.",
    "A rapid HIV test was positive at the outreach clinic.",
])
def test_a_positive_test_named_by_its_disease_is_the_disease(kb, text):
    assert "B20" in _codes(kb, text)


@pytest.mark.parametrize("text", [
    "An HIV test was negative in the spring.",
    "We will send an HIV test with the other labs.",
])
def test_a_negative_or_pending_test_is_not_the_disease(kb, text):
    assert "B20" not in _codes(kb, text)


@pytest.mark.parametrize("text, code", [
    ("ABDOMEN: Soft. He is tender to palpation over the lumbosacral area.", "M54.50"),
    ("ABDOMEN: Soft, not distended. Tenderness in the periumbilical region on deep palpation.", "R10.815"),
    ("ABDOMEN: Soft. Mild tenderness at the left renal angle.", "R39.859"),
])
def test_a_tender_place_named_under_the_abdomen_heading_is_that_place(kb, text, code):
    codes = _codes(kb, text)
    assert code in codes and "R10.819" not in codes


def test_a_tender_place_the_table_lacks_is_not_the_headings(kb):
    # the gluteal fold is no place of the body-site table: the sign is left unread, not read as the abdomen's
    assert "R10.819" not in _codes(kb, "ABDOMEN: Soft. She has tenderness in the gluteal fold area on the right.")


def test_a_sign_without_a_place_of_its_own_still_takes_its_heading(kb):
    assert "R10.819" in _codes(kb, "ABDOMEN: Soft. Mild tenderness, no guarding.")


def test_costovertebral_angle_tenderness_has_its_own_code(kb):
    assert _codes(kb, "She has costovertebral angle tenderness on the right side.")[0].startswith("R39.85")


@pytest.mark.parametrize("text", [
    "On arrival her extremities were cool and mottled.",
    "He was hypotensive and his limbs were cold to the touch.",
])
def test_cool_limbs_said_as_a_predicate_are_a_sign(kb, text):
    assert "R23.8" in _codes(kb, text)


def test_warm_dry_skin_is_normal(kb):
    assert _codes(kb, "Her skin was warm and dry, and the extremities were warm.") == []


@pytest.mark.parametrize("text, code", [
    ("The total thyroidectomy specimen showed a papillary carcinoma of 1.2 cm.", "C73"),
    ("She underwent a right hemicolectomy for a moderately differentiated adenocarcinoma.", "C18.9"),
    ("A left lower lobectomy was done for squamous cell carcinoma in 2019.", "C34.90"),
])
def test_a_cancer_without_its_organ_takes_the_organ_operated_on(kb, text, code):
    assert code in _codes(kb, text)


def test_two_organs_operated_on_name_neither(kb):
    codes = _codes(kb, "After a thyroidectomy and a later colectomy, the adenocarcinoma recurred.")
    assert "C73" not in codes and "C18.9" not in codes


def test_a_two_word_place_without_the_signs_code_leaves_its_words_to_name_it(kb):
    # 'oral cavity' is the mouth (no ulceration code in the body-site table); 'oral' + 'ulceration' is a problem term
    assert _codes(kb, "HEENT: The oral cavity shows no ulceration.") == _codes(kb, "HEENT: Oral mucosa without ulceration.")
