"""Issue 16 lines the s11 audit found without a test of their own: the links to the right tools ("check these
symptoms", "plan treatment", "read the evidence") and a drug topic's codes in the answer."""

from __future__ import annotations

from medcore.qa import service


def _links(ans) -> dict[str, str]:
    return {link["target"]: link["label"] for link in ans.links}


def test_a_treatment_answer_links_the_page_the_planner_and_the_evidence(qa):
    settings, eng = qa
    ans = service.ask(settings, "what are the treatments for shingles?", eng=eng)
    links = _links(ans)
    assert links["condition:shingles"] == "Read the full page"
    assert "planner" in links and links["literature"] == "Read the evidence"
    assert "symptom_chat" not in links  # nobody described symptoms


def test_own_symptoms_link_the_symptom_checker(qa):
    settings, eng = qa
    ans = service.ask(settings, "I have had a rash on my back for two days that really hurts", eng=eng)
    assert ans.route == "symptom_chat" and "symptom_chat" in _links(ans)


def test_a_drug_topic_carries_its_drug_code(qa):
    settings, eng = qa
    d = service.ask(settings, "what is amlodipine used for?", eng=eng).to_dict()
    assert d["topic"][0]["id"] == "drug:amlodipine" and d["topic"][0]["codes"].get("atc")
