"""Session 18 (issue 13): warning texts built from a KB sentence and an "Action: ..." are joined in one place
(`issues.sentences`): never "analgesic.. Action" (a doubled stop) nor "analgesic Action" (two sentences run
together), for every CPIC recommendation and pending-pair text the planner can show about a current medicine."""

import re
from types import SimpleNamespace

from medcore.therapy import med_review, pgx
from medcore.therapy.issues import sentences

DOUBLED = re.compile(r"[.!?;:,]\s*[.!?;:,](?!\.)|\.\.(?!\.)")
RUN_TOGETHER = re.compile(r"[^.!?)\]\s]\s+Action:")


def _bad(text: str) -> bool:
    text = text.replace("...", "…").replace("et al.,", "et al,")  # an ellipsis and a citation are not doubled stops
    return bool(DOUBLED.search(text) or RUN_TOGETHER.search(text))


def test_sentences_joins_with_one_stop():
    assert sentences("avoid codeine.", "Action: stop") == "avoid codeine. Action: stop."
    assert sentences("avoid codeine", "Action: stop") == "avoid codeine. Action: stop."
    assert sentences("is it?", "", "Action: stop.") == "is it? Action: stop."


def test_every_current_medicine_pgx_text_is_punctuated_once(kb):
    texts = []
    for (drug_id, gene), rule in kb.pgx_rules.items():
        for phenotype in rule["recommendations"]:
            p = SimpleNamespace(genotypes={gene: phenotype})
            texts += [i.text for i in med_review._pgx(kb, p, drug_id, f"Current medicine {kb.drug_name(drug_id)}")]
    for entry in kb.pgx_pending.values():
        for phenotype in entry["implications"]:
            texts.append(pgx.pending_text(kb, entry, phenotype))
    assert len(texts) > 100
    bad = [t for t in texts if _bad(t)]
    assert not bad, bad[:5]


def test_cyp2d6_ultrarapid_on_codeine_reads_cleanly(plan_for):
    plan = plan_for({"age": 40, "sex": "female", "weight_kg": 65, "scr_mg_dl": 0.8, "medications": ["codeine 30 mg qds"],
                     "genotypes": {"CYP2D6": "ultrarapid metabolizer"}}, "hypertension")
    (w,) = [w for w in plan.warnings if w.kind == "pgx" and "codeine" in w.text.lower()]
    assert not _bad(w.text) and "Action: stop" in w.text
