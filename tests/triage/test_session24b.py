"""Session 24b (issue 12): breadth of wording in the symptom chat. Sentences are our own words (not from any
vignette set or from docs/evals/triage-s24b's lists).

- a misspelt symptom word is folded to its word before matching (knowledge/variants.yaml `misspellings`), on both
  sides, so it meets every phrase holding the word; English words are never listed there;
- chart short forms in capitals (knowledge/abbreviations.yaml): 'N/V', 'D&V', 'PVB', 'SOBOE', 'CIBH', and the
  two-letter 'CP' that opts in with `chat: true` (left unread beside a cerebral palsy cue word);
- 'x3/7' and 'x3 days' are three days, as '3/7' was ('x' spaced off the number, durations.space_times);
  'wont' is "won't" (tokens.TEXTED);
- families of lay wordings and everyday negatives (findings.yaml more_synonyms / more_absent_synonyms); 'it burns
  when I pee' is no burn (burn_injury not_synonyms)."""

from __future__ import annotations

import pytest

from tests.triage.nlu_reading import evidence as _ev


@pytest.mark.parametrize("text, fid", [
    ("been vommiting since tea time", "vomiting"),
    ("terrible diarhoea and cramps", "diarrhoea"),
    ("really bad headach behind my eyes", "headache"),
    ("he had a siezure in the bath", "seizure"),
    ("constant dizzyness when i get up", "dizziness"),
    ("swolen glands in her neck", "swollen_glands"),
])
def test_misspelt_symptom_words_are_read(lex, text, fid):
    assert _ev(lex, text).get(fid) is True


def test_misspellings_table_holds_no_word_the_chat_uses(lex, kb):
    # a listed form that is itself a word of some synonym would rewrite a real word
    from medcore.knowledge.normalize import load_variants
    from medcore.triage.tokens import tokens

    table = load_variants(lex.kb_dir).misspellings
    words = {t for f in kb.findings for p in (*f.synonyms, *f.absent_synonyms, *f.not_synonyms) for t in tokens(p)}
    assert table and not (set(table) & words)
    assert "soar" not in table and "fewer" not in table  # English words stay as written


@pytest.mark.parametrize("text, fids", [
    ("71M N/V since lunch", ("nausea", "vomiting")),
    ("toddler with D&V overnight", ("diarrhoea", "vomiting")),
    ("28F 9/40 pregnant, PVB this morning", ("vaginal_bleeding",)),
    ("SOBOE for 3 months, worse this week", ("breathless_exertion",)),
    ("CIBH for 6 weeks, loose", ("change_bowel_habit",)),
    ("49M CP radiating to the jaw, sweaty", ("chest_pain",)),
])
def test_chart_short_forms_in_capitals(lex, text, fids):
    got = _ev(lex, text)
    assert all(got.get(f) is True for f in fids), got


def test_cp_beside_a_cerebral_palsy_cue_is_not_chest_pain(lex):
    assert "chest_pain" not in _ev(lex, "11 year old with spastic CP, wheelchair user, has a cough")
    assert "nausea" not in _ev(lex, "n/v written in lower case is left alone")


@pytest.mark.parametrize("text", ["cough x3/7", "wheezy x4 days", "sore ear x 2 days"])
def test_x_before_a_duration_is_for(lex, text):
    assert _ev(lex, text).get("duration_1_to_14_days") is True


def test_x_before_weeks(lex):
    assert _ev(lex, "tired x6 weeks").get("duration_over_2_weeks") is True


def test_texted_wont_is_wont_negated(lex):
    assert _ev(lex, "her nose wont stop bleeding").get("nosebleed_prolonged") is True


def test_burning_when_peeing_is_no_burn(lex):
    got = _ev(lex, "it burns when i pee and i need to go all the time")
    assert got.get("painful_urination") is True and "burn_injury" not in got


@pytest.mark.parametrize("text, fid", [
    ("my appetite is fine, just the cough", "poor_appetite"),
    ("weight stable, sleeping ok", "weight_loss"),
    ("he didn't pass out at any point", "collapse"),
])
def test_everyday_negatives_say_absent(lex, text, fid):
    assert _ev(lex, text).get(fid) is False


def test_throat_said_fine_is_no_sore_throat(lex):
    assert _ev(lex, "blocked nose but my throat is fine").get("sore_throat") is not True


@pytest.mark.parametrize("text, fid", [
    ("she keeps refusing her feeds", "not_feeding"),
    ("feels like an elephant sitting on my chest", "chest_pain_crushing"),
    ("lost loads of weight this year", "weight_loss"),
    ("the glass test - the spots didn't fade", "non_blanching_rash"),
    ("sweating buckets at night", "night_sweats"),
    ("my legs have gone weak and i cant feel when i wipe", "saddle_numbness"),
])
def test_lay_wording_families(lex, text, fid):
    assert _ev(lex, text).get(fid) is True


@pytest.mark.parametrize("text, fid", [("pulse 128 x3/7", "fast_heart_rate"), ("temp 39.9 x 2 days", "fever")])
def test_a_reading_before_x_duration_stays_a_reading(lex, text, fid):
    # the vitals' 'x' guard ('2 x daily' is a count) does not take the chart's 'for' before a duration
    assert _ev(lex, text).get(fid) is True


def test_a_count_with_x_is_still_no_reading(lex):
    assert "fast_heart_rate" not in _ev(lex, "heart racing, took my tablets 130 x 2 daily")


@pytest.mark.parametrize("text", ["my calf keeps seizing up on the stairs", "my lower back seized up lifting the box"])
def test_a_muscle_seizing_up_is_no_fit(lex, text):
    # 'seizing' alone is a fit (session 24b); a muscle or back 'seizing up' is stiffness or cramp (coordinator, s24)
    assert _ev(lex, text).get("seizure") is None


def test_seizing_alone_is_still_a_fit(lex):
    assert _ev(lex, "he was seizing on the kitchen floor").get("seizure") is True
