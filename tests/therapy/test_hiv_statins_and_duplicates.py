"""Ongoing HIV boosting with a statin gets the HIV labels' advice, not the short-course 'pause the statin'; duplicate
therapy is in `interactions --json`, not only on stderr (issue 13, audit s15)."""

import json

import pytest

from medcore.cli import main
from medcore.therapy import interactions as ix

PAUSE = ("pause", "hold", "suspend", "5-day", "5 days", "during the course", "during a short course")


@pytest.mark.parametrize("booster", ["ritonavir", "Norvir", "darunavir", "lopinavir", "cobicistat"])
@pytest.mark.parametrize("statin", ["simvastatin", "lovastatin", "atorvastatin"])
def test_ongoing_hiv_boosting_never_offers_a_pause_of_the_statin(kb, booster, statin):
    rep = ix.check_names(kb, [booster, statin])
    assert rep.findings, (booster, statin)
    f = rep.findings[0]
    management = f.management.lower()
    offered = [w for w in PAUSE if w in management.replace("not a short pause", "").replace("not plan a pause", "")]
    assert not offered, (booster, statin, f.management)
    if statin in ("simvastatin", "lovastatin"):
        assert f.severity == "contraindicated" and "pravastatin" in management
    else:
        assert f.severity == "major" and "lowest" in management
    assert "Norvir" in f.source or "Tybost" in f.source or "Reyataz" in f.source


def test_ritonavir_with_rosuvastatin_keeps_a_dose_limit_and_no_pause(kb):
    f = ix.check_names(kb, ["ritonavir", "rosuvastatin"]).findings[0]
    assert "10 mg" in f.management and "pause" not in f.management.lower()


@pytest.mark.parametrize("short", ["clarithromycin", "Paxlovid"])
def test_a_short_course_keeps_its_course_advice(kb, short):
    """The HIV rules are not the short-course ones: clarithromycin and the 5-day Paxlovid course still say pause."""
    text = " ".join(f.management.lower() for f in ix.check_names(kb, [short, "simvastatin"]).findings)
    assert any(w in text for w in ("suspend", "stop simvastatin", "pause")), text


def _run(capsys, argv):
    rc = main(argv)
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_duplicate_therapy_is_in_the_interactions_json(settings, capsys):
    rc, out, err = _run(capsys, ["interactions", "Norco", "Tylenol", "--json"])
    data = json.loads(out)
    assert rc == 0 and isinstance(data, list)
    dup = [d for d in data if d.get("kind") == "duplicate_therapy"]
    assert len(dup) == 1 and "acetaminophen" in dup[0]["mechanism"] and dup[0]["drugs"] == ["Norco", "Tylenol"]
    assert {"drugs", "severity", "mechanism", "management", "source"} <= set(dup[0]) and dup[0]["source"]
    assert "duplicate therapy" in err


def test_same_class_duplicate_and_pairs_together_and_with_an_unknown_name(settings, capsys):
    rc, out, _ = _run(capsys, ["interactions", "sertraline", "fluoxetine", "--json"])
    data = json.loads(out)
    assert any(d.get("kind") == "duplicate_therapy" for d in data)
    assert any("kind" not in d and len(d["drugs"]) == 2 for d in data)  # the interacting pair is still there
    rc, out, _ = _run(capsys, ["interactions", "Tylenol", "acetaminophen", "zorblatide", "--json"])
    data = json.loads(out)
    assert rc == 2 and any(d.get("kind") == "duplicate_therapy" for d in data["interactions"])
