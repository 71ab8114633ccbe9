"""Session 24c (issue 12). Readings that depend on their setting, tested with our own sentences: a blood pressure's
threshold by the person's state (140/90 in pregnancy and after a birth, NICE NG133; vitals.yaml `with`), an
episode's minutes that do not override the illness's months (durations.outranks_guess), one eye named in shorthand
(eye_side.py), and the hip-fracture sign that needs a fall (sign_context.yaml)."""

from __future__ import annotations

import pytest

from medcore.triage import durations, eye_side


def _read(engine, text):
    _, ex = engine.read_text(text)
    return {m.finding_id: m.present for m in ex.mentions}, ex


NOT_TRUE = "not True"  # the finding is absent or denied: `is not True`, as the rule's own test asked


def _cases(rule: str, texts: list[str], expect: dict) -> list:
    """Texts of one reading rule with what each must read (finding -> True, False or NOT_TRUE), named "<rule>-<n>"."""
    return [pytest.param(text, expect, id=f"{rule}-{i}") for i, text in enumerate(texts, 1)]


# one table, one test; the rule in each case's id
READINGS = (
    # ---- (1) a blood pressure read against the person's state (180/120 stays the general crisis band) ----
    _cases("bp-threshold-pregnancy-or-recent-birth", [
        "I'm 33 weeks pregnant, the midwife took my blood pressure and got 148/96",
        "34 weeks along, bp was 142/88 at the clinic, and a headache",
        "pregnant with twins, 29 weeks, BP 138/94",
        "I had my baby eight days ago and my blood pressure is 152/91",
    ], {"high_bp": True, "very_high_bp": False})
    + _cases("bp-threshold-general-outside-pregnancy", [
        "I'm a 52 year old man, my blood pressure was 148/96 at the chemist",
        "BP 142/91 at my work health check",
    ], {"high_bp": False})
    + _cases("bp-normal-reading-in-pregnancy", ["28 weeks pregnant, my bp is 118/74 today"], {"high_bp": False})
    # ---- (3) one eye in shorthand ----
    + _cases("one-eye-shorthand", [
        "sudden floaters R eye since this morning",
        "L) eye very painful and red",
        "rt eye watering and gritty",
        "vision gone blurry in the lt. eye",
        "red painful eye (OD), halos round lights",
        "my right eyeball aches when I look around",
    ], {"one_eye_affected": True})
    + _cases("one-eye-not-both-eyes-or-overdose", [
        "both my eyes are red and sticky",
        "my left eye and right eye are itchy every spring",
        "he took an OD of his tablets",
    ], {"one_eye_affected": NOT_TRUE})
    # ---- (4) the hip-fracture sign needs a fall; the words still say a leg turned out (SUFE's sign) ----
    + _cases("hip-fracture-sign-needs-a-fall", [
        "my 12 year old has a limp and his right foot points outwards when he walks",
        "she hasn't fallen or hurt herself but her foot is turned out",
    ], {"leg_shortened_rotated": NOT_TRUE, "leg_turned_out": True})
    + _cases("hip-fracture-sign-after-a-fall", [
        "Mum slipped in the kitchen and now her foot is turned outwards",
        "grandad fell last night, his leg looks shorter and turned out",
        "my nan is 88, she can't get up and her left foot is turned out",  # no fall told, but cannot stand (CG124)
    ], {"leg_shortened_rotated": True})
)


@pytest.mark.parametrize("text,expect", READINGS)
def test_a_text_reads_as_its_rule_says(lexical_engine, text, expect):
    got, _ = _read(lexical_engine, text)
    for fid, want in expect.items():
        if want is NOT_TRUE:
            assert got.get(fid) is not True, (fid, got)
        else:
            assert got.get(fid) is want, (fid, got)


def test_a_state_band_outranks_the_general_band_in_the_table(kb):
    from pathlib import Path

    from medcore.triage import vitals
    table = vitals.load(Path(kb.source_files[0]).parent)
    (r,) = vitals.readings("bp 150/98", table)
    assert vitals.findings(r, table, 30)["high_bp"] is False
    assert vitals.findings(r, table, 30, frozenset({"pregnant"}))["high_bp"] is True
    assert vitals.findings(r, table, 30, frozenset({"recently_given_birth"}))["high_bp"] is True


# ---- (2) an episode's minutes are not the illness's duration ----
@pytest.mark.parametrize("text,least_hours", [
    ("these fainty turns started around October, each lasts for a minute or two", 24 * 14),
    ("funny fluttering in my chest since about November, it goes on for 5 minutes then stops", 24 * 14),
    ("I've had these headaches for 4 months, for a couple of minutes each", 24 * 14),
])
def test_an_episodes_minutes_do_not_override_the_history(lexical_engine, text, least_hours):
    _, ex = _read(lexical_engine, text)
    assert ex.duration_hours is not None and ex.duration_hours >= least_hours


def test_a_count_of_hours_still_refines_a_weekday(lexical_engine):
    _, ex = _read(lexical_engine, "it came on Sunday when I got up, about 10 hours now")
    assert ex.duration_hours == 10


def test_outranks_guess_tells_the_scale():
    assert durations.outranks_guess("for a minute", 1 / 60) is False
    assert durations.outranks_guess("12 hours now", 12) is True
    assert durations.outranks_guess("since tuesday", 96) is False  # a guess, not a count


def test_the_side_reader_takes_no_words_from_the_swelling_reading():
    # the reader is a separate pass; it only says which side
    assert eye_side.sides("the lid of my left eye has swollen right up") == {"left"}
    assert eye_side.one_eye("the lid of my left eye has swollen right up")


def test_a_teenager_with_a_limp_and_an_out_turned_foot_is_seen_today(lexical_engine):
    # conditions_msk.yaml scfe red flag leg_turned_out (NICE CKS Limp in children: same-day orthopaedic assessment)
    res, _ = lexical_engine.one_shot("limping for 3 weeks with a sore knee and his foot points outwards, no injury",
                                     age=12, sex="M")
    assert res.triage in ("urgent", "emergency")


def test_a_raised_bp_after_20_weeks_is_at_least_urgent_by_its_rule(lexical_engine):
    # red_flags.yaml raised_bp_pregnancy (NICE NG133: same-day assessment for pre-eclampsia)
    res, _ = lexical_engine.one_shot("I'm 31 weeks pregnant and my BP is 146/93, otherwise I feel fine", age=31, sex="F")
    assert res.triage in ("urgent", "emergency")
    assert "raised_bp_pregnancy" in str(res.to_dict()["fired_rules"])


def test_the_same_bp_in_a_man_fires_no_pregnancy_rule(lexical_engine):
    res, _ = lexical_engine.one_shot("my BP is 146/93 at the chemist, otherwise I feel fine", age=45, sex="M")
    assert "raised_bp_pregnancy" not in str(res.to_dict()["fired_rules"])
