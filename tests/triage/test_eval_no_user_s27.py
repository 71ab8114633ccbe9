"""Session 27: the triage evaluation (what `python -m medcore eval triage` and the docs/evals scripts run: one-shot
readings, and the interview's chat steps called directly) needs no user since the services' user became required;
only chat.turn, the pages' way in, checks one (tests/test_service_user_callers_s27.py reads every other caller)."""


def test_the_triage_evaluation_runs_with_no_user_given(lexical_engine):
    """The evaluation's one-shot reading and its interview (chat steps, called directly as evals do) need no user;
    own vignettes, not from any set."""
    from medcore.triage.evaluate import evaluate

    vignettes = [
        {"id": "own-1", "text": "I have had a blocked nose, sneezing and a scratchy throat since the weekend",
         "age": 31, "sex": "female", "diagnosis": "common_cold", "triage": "self_care",
         "present": ["runny_nose", "sore_throat"]},
        {"id": "own-2", "text": "a pounding one-sided headache with flashing zigzag lights before it, and light hurts",
         "age": 27, "sex": "female", "diagnosis": "migraine", "triage": "routine", "present": []},
    ]
    out = evaluate(lexical_engine, vignettes)
    assert out["modes"]["one_shot"]["all"]["n"] == 2 and out["modes"]["interactive"]["all"]["n"] == 2
    assert {c["mode"] for c in out["cases"]} == {"one_shot", "interactive"}
