"""Session 22 (issue 13): a health question about two interacting medicines gets one sentence for the pair, its
rules merged as the planner merges them (knowledge.interaction_text.pair_text): the most severe rule's grade and
management lead, each effect is said once. It gave one sentence per rule, a milder rule's beside the contraindication."""

from medcore.knowledge.interaction_text import pair_text
from medcore.qa import service


def test_two_rules_for_one_pair_read_as_one_sentence_led_by_the_contraindication(qa):
    settings, eng = qa
    ans = service.ask(settings, "what interacts with sertraline?", eng=eng)
    said = [s.text for s in ans.sentences if s.origin == "therapy_kb"]
    pairs = [t.split(":")[0] for t in said]
    assert said and len(pairs) == len(set(pairs))  # each pair once (sertraline + isocarboxazid had three sentences)
    first = said[0]
    assert first.startswith("Sertraline with isocarboxazid: contraindicated interaction") and " | " not in first
    assert first.lower().count("serotonin syndrome") == 1
    assert "Secondary, from other rules for this pair: Avoid (major rule)" in first  # the milder rules, graded


def test_pair_text_reads_graph_rows_and_rule_objects_alike():
    rows = [{"severity": "moderate", "mechanism": "Additive serotonergic effect", "effect": "Serotonin syndrome",
             "management": "Use with caution"},
            {"severity": "contraindicated", "mechanism": "MAO inhibition", "effect": "Serotonin syndrome (fever)",
             "management": "Do not combine"}]
    t = pair_text(rows)
    assert t.severity == "contraindicated" and t.effect == "Serotonin syndrome (fever)"
    assert t.mechanism == "MAO inhibition. Additive serotonergic effect."  # sentences, the lead's first
    assert t.advice() == "Do not combine. Secondary, from other rules for this pair: Use with caution (moderate rule)."
