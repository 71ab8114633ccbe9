"""Session 11: extraction scorer and reader changes (all texts invented for these tests)."""

from medcore.literature import evaluate


def test_extra_scalar_is_scored_only_for_sets_that_declare_it():
    gold = [{"pmid": "1", "setting": "tertiary referral hospital"}, {"pmid": "2"}]
    preds = {"1": {"setting": "a tertiary referral hospital; in Chile"}, "2": {"setting": "nursing homes"}}
    with_setting = evaluate.score(gold, preds, ("setting",))["fields"]["setting"]
    assert (with_setting["gold"], with_setting["predicted"], with_setting["correct"]) == (1, 2, 1)
    assert "setting" not in evaluate.score(gold, preds)["fields"]
