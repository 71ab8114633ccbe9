"""Session 25b (issue 12): breadth of wording, round 2. Sentences are our own words (not from any vignette set or
from docs/evals/triage-s25b's lists).

- the embedding index is given a chunk without its duration phrase ('since yesterday', the chart's 'x 2/7'): left
  in, the duration read as a phrase kept the chunk from the index, or outweighed a short complaint's words; a chunk
  whose words belong to a phrase read across a chunk break ('pins and needles') is not guessed at;
- more typed misspellings (knowledge/variants.yaml), lay, texted, US and parents' wordings and everyday negatives
  (findings.yaml session 25b blocks), and guards: 'hay fever' is no fever, 'heart burn' and 'sun burn' are no burn
  injury."""

from __future__ import annotations

import pytest

from medcore.knowledge import assertions
from medcore.triage import nlu
from medcore.triage.tokens import _TOKEN
from tests.triage.nlu_reading import evidence as _ev


@pytest.mark.parametrize("text, left", [
    ("ache in my little finger since yesterday", "ache in my little finger"),
    ("wobbly knees for 3 days", "wobbly knees"),
    ("numb lips x 2/7", "numb lips"),
    ("in the last 2 days my nails look odd", "in the my nails look odd"),  # overlapping patterns, cut once
])
def test_duration_is_cut_from_an_embedding_chunk(text, left):
    assert nlu._without_durations(text) == left


def _chunks(lex, clause):
    words = list(_TOKEN.finditer(clause))
    read = [(words[s].start(), words[e - 1].end()) for s, e, _ in lex.find(clause)]
    return nlu._embed_chunks(lex, clause, read, assertions.load_rules("lay"))


def test_a_phrase_across_and_keeps_its_pieces_from_the_index(lex):
    # 'needles x 2/7' alone would be guessed at (needles: injecting); the phrase 'pins and needles' holds it
    assert _chunks(lex, "pins and needles in both feet x 2/7") == []


def test_an_unread_chunk_goes_to_the_index_without_its_duration(lex):
    assert _chunks(lex, "wobbly sort of feeling in my knuckles since yesterday") == \
        ["wobbly sort of feeling in my knuckles"]


@pytest.mark.parametrize("text, fid", [
    ("really bad chesr pain after the stairs", "chest_pain"),
    ("sore throut and a bit of a cough", "sore_throat"),
    ("hartburn every night after tea", "heartburn"),
    ("her exzema is flaring on her arms", "dry_itchy_skin"),
])
def test_more_misspelt_words_are_read(lex, text, fid):
    assert _ev(lex, text).get(fid) is True


@pytest.mark.parametrize("text, fid", [
    ("my dad keeled over in the garden", "collapse"),
    ("grandad is away with the fairies this morning", "acute_confusion"),
    ("my toddler keeps grabbing at his ear", "pulling_ear"),
    ("it burns to urinate", "painful_urination"),
    ("the pain is boring through to my back", "pain_to_back"),
    ("she has been on the lash all weekend", "alcohol_binge"),
    ("tossing and turning every night", "poor_sleep"),
    ("my knee has blown up like a balloon", "joint_swelling"),
    ("been up and down to the loo all night", "frequent_urination"),
    ("my husband has the same thing", "sick_contacts"),
])
def test_round_two_lay_wordings(lex, text, fid):
    assert _ev(lex, text).get(fid) is True


@pytest.mark.parametrize("text, fid", [
    ("a cough, temp normal", "fever"),
    ("back ache but waterworks fine", "painful_urination"),
    ("crampy tummy, bowels normal", "diarrhoea"),
])
def test_everyday_normals_say_absent(lex, text, fid):
    assert _ev(lex, text).get(fid) is False


def test_hay_fever_is_no_fever(lex):
    ev = _ev(lex, "my hay fever is bad this week")
    assert ev.get("itchy_nose_seasonal") is True and ev.get("fever") is not True


def test_heart_burn_and_sun_burn_are_no_burn_injury(lex):
    ev = _ev(lex, "heart burn after a big curry")
    assert ev.get("heartburn") is True and ev.get("burn_injury") is not True
    ev = _ev(lex, "sun burn on my shoulders from the beach")
    assert ev.get("sunburn_skin") is True and ev.get("burn_injury") is not True


def test_a_dose_of_calpol_is_no_paracetamol_overdose(lex):
    # paracetamol_taken is the poisoning finding: a child's usual dose for a fever is not it
    assert _ev(lex, "took calpol for his temperature at six").get("paracetamol_taken") is not True


def test_a_real_burn_is_still_read(lex):
    assert _ev(lex, "burnt myself on the oven door").get("burn_injury") is True
