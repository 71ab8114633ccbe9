"""Session 22b (issue 15): the setting is a kind of care place, not a count of centres; a kind named with its place
noun keeps the noun; a care place named as something used ("days in the intensive care unit") is no setting.
Every sentence here is written for the test."""

from __future__ import annotations


def _text(methods: str) -> str:
    return f"Falls in older adults\nOBJECTIVE: To describe falls.\nMETHODS: {methods}\nRESULTS: Few fell."


def test_a_centre_count_alone_is_the_scope_not_the_setting(read):
    d = read(_text("This was a multicentre cohort of 80 adults who were followed for a year."))[0].design
    assert d.setting == "" and d.scope == "multicentre"


def test_a_kind_of_place_outranks_an_earlier_centre_count(read):
    d = read(_text("A single-centre cohort was followed. Adults were seen at two tertiary referral "
                   "fracture clinics and followed for a year."))[0].design
    assert d.setting.lower().startswith("two tertiary referral fracture clinics") and d.scope == "single-centre"


def test_the_place_noun_after_a_kind_is_kept(read):
    d = read(_text("Records came from an academic tertiary referral hospital over four years."))[0].design
    assert d.setting.lower().startswith("tertiary referral hospital")


def test_care_used_as_an_outcome_is_no_setting(read):
    text = ("Falls in older adults\nOBJECTIVE: To describe falls.\nMETHODS: Sixty adults who fell were followed.\n"
            "RESULTS: Length of intensive care unit stay was short, and few needed emergency department visits.\n"
            "CONCLUSIONS: Stays in intensive care and on the ward were brief.")
    assert read(text)[0].design.setting == ""


def test_the_card_shows_the_centres(read):
    r = read(_text("This was a multicentre cohort of 80 adults seen in primary care."))[0]
    lines = [line.text for _, line in r.card.lines()]
    assert any(t.startswith("Setting: primary care") for t in lines) and "Centres: multicentre" in lines
