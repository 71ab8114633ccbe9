"""Session 10 (issue 16): a page named only in its title's bracketed aside is found by that name through the
one name index (`TopicFinder.by_name`), in our own wordings: "Inflamed eyelid margins (blepharitis)",
"Fungal skin infection (ringworm, athlete's foot)", "Inflammatory bowel disease (Crohn's or colitis)"."""

from __future__ import annotations

import pytest

from medcore.qa.understand import aside_names, understand


@pytest.mark.parametrize("title,names", [
    ("Inflamed eyelid margins (blepharitis)", ["blepharitis"]),
    ("Fungal skin infection (ringworm, athlete's foot)", ["ringworm", "athlete s foot"]),
    ("Inflammatory bowel disease (Crohn's or colitis)", ["crohn s", "crohn s disease", "colitis"]),
    ("Possible breast cancer (needs checking)", []),  # says what to do, names nothing
    ("Possible leukaemia (urgent blood test)", []),
    ("Giant cell (temporal) arteritis", []),  # not a trailing aside: a qualifier
])
def test_aside_names(title, names):
    assert aside_names(title) == names


@pytest.mark.parametrize("question,topic", [
    ("my eyelids are fine but what actually is blepharitis", "condition:blepharitis"),
    ("can labyrinthitis make you lose your hearing", "condition:labyrinthitis"),
    ("does crohn's disease run in families", "condition:ibd"),
    ("what cream works on athlete's foot", "condition:fungal_skin"),
    ("can my cat give my son ringworm", "condition:fungal_skin"),
])
def test_a_name_in_the_aside_reaches_the_page(qa, question, topic):
    _, eng = qa
    u = understand(question, eng.finder, eng.classifier)
    assert u.topics and u.topics[0].id == topic, u.to_dict()


def test_a_page_of_its_own_keeps_its_name(qa):
    """'button battery' is in the poisoning page's aside and in the 'Swallowed button battery' page's name: the
    aside does not index it for the poisoning page."""
    _, eng = qa
    assert "condition:poisoning_chemical" not in eng.finder.by_name.get("button battery", [])
    assert eng.finder.by_name.get("blepharitis") == ["condition:blepharitis"]
