"""Session 25b: what the planner says for a short start it only offers, and for a class name typed as a drug."""

from medcore.therapy.names import resolve_drug


def test_offered_short_start_is_shown_as_a_question(kb):
    # "dapto" itself became a listed ward synonym of daptomycin (plan25), so another unlisted start stands in
    r = resolve_drug(kb, "tobram")
    assert r.id is None and r.suggestions == ["tobramycin"]
    assert "did you mean tobramycin?" in r.message(kb)


def test_nsaid_is_not_read_as_one_nsaid(kb):
    r = resolve_drug(kb, "NSAID")
    assert r.id is None and r.how != "fuzzy" and r.suggestions  # the members are offered, none read
