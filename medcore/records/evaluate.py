"""Evaluation on the annotated sample notes: PHI precision/recall per type, entity P/R/F1 per type,
assertion accuracy, ROUGE-L of the narrative against reference summaries. Dev and held-out notes
are reported separately (held-out notes were never looked at while writing the rules).

Matching: a PHI span counts when a predicted span of the same type overlaps it (the replacement
covers the identifier; boundaries of a few characters do not leak it); entity spans likewise match
by overlap and type, one-to-one. Assertion accuracy is over matched problems. These notes' annotations have
no "hypothetical" (written before session 17, they mark a risk, a prevention or an if-then as possible), so the
summarizer's hypothetical is compared as possible here (`FOLD_HYPOTHETICAL`); the real-note scorer
(records/real_eval.py), whose gold has the category, compares exactly."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from medcore.records.corpus import AnnotatedNote, GoldSpan
from medcore.records.textmetrics import lcs_length, rouge_l  # noqa: F401  (read from here too)

ENTITY_TYPES = ("problem", "medication", "allergy", "lab", "vital", "procedure")
# the assertion folding of gold sets without a hypothetical category (sessions 9-16 of every scorer)
FOLD_HYPOTHETICAL = {"hypothetical": "possible"}


def _match(gold: list[tuple[int, int, str]], pred: list[tuple[int, int, str]], same=lambda a, b: a == b):
    """Greedy one-to-one overlap matching; returns pairs of indices."""
    pairs, used = [], set()
    for gi, (gs, ge, gt) in enumerate(gold):
        best, best_ov = None, 0
        for pi, (ps, pe, pt) in enumerate(pred):
            if pi in used or not same(gt, pt):
                continue
            ov = min(ge, pe) - max(gs, ps)
            if ov > best_ov:
                best, best_ov = pi, ov
        if best is not None:
            used.add(best)
            pairs.append((gi, best))
    return pairs


def _prf(tp: int, n_gold: int, n_pred: int) -> dict:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "gold": n_gold, "predicted": n_pred,
            "tp": tp}


def phi_scores(pairs_per_note) -> dict:
    """pairs_per_note: [(text, gold spans, predicted spans)], spans as (start, end, TYPE).

    Strict, redaction-oriented scoring: a gold identifier counts as found only when every one of its
    word characters is inside some predicted span (a leaked first name is a miss, whatever type the
    recogniser gave it). A predicted span is correct when it overlaps a gold span. Per-type recall is
    by gold type, per-type precision by predicted type."""
    counts = defaultdict(lambda: [0, 0, 0, 0])  # found, gold, correct predictions, predictions
    missed: list[tuple[str, str]] = []
    for text, gold, pred in pairs_per_note:
        covered = bytearray(len(text) + 1)
        for ps, pe, _ in pred:
            covered[ps:pe] = b"\x01" * (pe - ps)
        for gs, ge, gt in gold:
            counts[gt][1] += 1
            leaked = [i for i in range(gs, ge) if text[i].isalnum() and not covered[i]]
            if leaked:
                missed.append((gt, text[gs:ge]))
            else:
                counts[gt][0] += 1
        for ps, pe, pt in pred:
            counts[pt][3] += 1
            if any(gs < pe and ps < ge for gs, ge, _ in gold):
                counts[pt][2] += 1
    per_type = {}
    for t, (found, n_gold, correct, n_pred) in sorted(counts.items()):
        per_type[t] = {"recall": round(found / n_gold, 4) if n_gold else None,
                       "precision": round(correct / n_pred, 4) if n_pred else None,
                       "gold": n_gold, "predicted": n_pred}
    found = sum(c[0] for c in counts.values())
    n_gold = sum(c[1] for c in counts.values())
    correct = sum(c[2] for c in counts.values())
    n_pred = sum(c[3] for c in counts.values())
    p = correct / n_pred if n_pred else 1.0
    r = found / n_gold if n_gold else 1.0
    overall = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
               "gold": n_gold, "predicted": n_pred}
    return {"overall": overall, "per_type": per_type, "missed": missed[:50]}


def entity_scores(pairs_per_note) -> dict:
    counts = defaultdict(lambda: [0, 0, 0])
    assert_ok = assert_n = 0
    confusion = defaultdict(int)
    errors = []
    for text, gold, pred in pairs_per_note:
        # gold/pred: (start, end, type, assertion)
        g3 = [(g[0], g[1], g[2]) for g in gold]
        p3 = [(p[0], p[1], p[2]) for p in pred]
        pairs = _match(g3, p3)
        for g in gold:
            counts[g[2]][1] += 1
        for p in pred:
            counts[p[2]][2] += 1
        mg = {g for g, _ in pairs}
        mp = {p for _, p in pairs}
        for gi, pi in pairs:
            counts[gold[gi][2]][0] += 1
            if gold[gi][2] == "problem":
                assert_n += 1
                ok = gold[gi][3] == pred[pi][3]
                assert_ok += ok
                confusion[(gold[gi][3], pred[pi][3])] += 1
                if not ok:
                    errors.append(("assertion", gold[gi][3], pred[pi][3], text[gold[gi][0]:gold[gi][1]]))
        for gi, g in enumerate(gold):
            if gi not in mg:
                errors.append(("missed", g[2], "", text[g[0]:g[1]]))
        for pi, p in enumerate(pred):
            if pi not in mp:
                errors.append(("extra", p[2], "", text[p[0]:p[1]]))
    per_type = {t: _prf(*counts[t]) for t in ENTITY_TYPES}
    tp = sum(c[0] for c in counts.values())
    micro = _prf(tp, sum(c[1] for c in counts.values()), sum(c[2] for c in counts.values()))
    return {"micro": micro, "per_type": per_type,
            "assertion_accuracy": round(assert_ok / assert_n, 4) if assert_n else None, "assertion_n": assert_n,
            "assertion_confusion": {f"{g}->{p}": n for (g, p), n in sorted(confusion.items())}, "errors": errors}


def predicted_entities(analysis) -> list[tuple[int, int, str, str]]:
    ex = analysis.extraction
    out = [(p.start, p.end, "problem", FOLD_HYPOTHETICAL.get(p.assertion, p.assertion)) for p in ex.problems]
    out += [(m.start, m.start + len(m.mention), "medication", "") for m in ex.medications]
    out += [(a.start, a.end, "allergy", "") for a in ex.allergies]
    out += [(x.start, x.end, "lab", "") for x in ex.labs]
    out += [(x.start, x.end, "vital", "") for x in ex.vitals]
    out += [(x.start, x.end, "procedure", "") for x in ex.procedures]
    return out


def gold_entities(note: AnnotatedNote) -> list[tuple[int, int, str, str]]:
    return [(g.start, g.end, g.type, g.assertion) for g in note.entities]


@dataclass
class EvalReport:
    split: str
    notes: int
    phi: dict
    entities: dict
    rouge_l: dict

    def headline(self) -> dict:
        return {"split": self.split, "notes": self.notes, "phi_recall": self.phi["overall"]["recall"],
                "phi_precision": self.phi["overall"]["precision"], "entity_f1": self.entities["micro"]["f1"],
                "assertion_accuracy": self.entities["assertion_accuracy"],
                "rouge_l": self.rouge_l.get("mean")}


def evaluate_notes(notes: list[AnnotatedNote], kb, split: str, narrative_fn=None, progress=None) -> EvalReport:
    from medcore.deid import find_phi
    from medcore.records.pipeline import analyze

    from medcore.records.narrative import template_text

    phi_rows, ent_rows, rouge, rouge_tpl = [], [], {}, {}
    for i, note in enumerate(notes):
        a = analyze(note.text, kb, kind=note.kind)
        phi_rows.append((note.text, [(g.start, g.end, g.type) for g in note.phi], find_phi(note.text)))
        ent_rows.append((note.text, gold_entities(note), predicted_entities(a)))
        if note.reference_summary and narrative_fn is not None:
            rouge[note.id] = rouge_l(narrative_fn(a), note.reference_summary)
            rouge_tpl[note.id] = rouge_l(template_text(a.summary), note.reference_summary)
        if progress:
            progress(i + 1, len(notes))
    rouge_summary = {"per_note": rouge, "mean": round(sum(rouge.values()) / len(rouge), 4) if rouge else None,
                     "template_per_note": rouge_tpl,
                     "template_mean": round(sum(rouge_tpl.values()) / len(rouge_tpl), 4) if rouge_tpl else None}
    return EvalReport(split, len(notes), phi_scores(phi_rows), entity_scores(ent_rows), rouge_summary)


def run_eval(settings, split: str = "all", with_narrative: bool = True, errors: bool = False, progress=None,
             scorer=None) -> dict:
    """The numbers `python -m medcore eval records` prints and the Model lab shows."""
    from medcore.records import kb as kb_mod
    from medcore.records.corpus import annotated_notes

    kb = kb_mod.load(settings)
    narrative_fn = None
    if with_narrative:
        from medcore.llm import get_backend
        from medcore.records.narrative import narrative
        from medcore.records.prompt import vocabulary

        backend = get_backend(settings)
        vocab = vocabulary(kb)

        def narrative_fn(a):
            return narrative(a, settings, backend=backend, vocabulary=vocab, scorer=scorer).text

    out = {"targets": {"phi_recall": 0.95, "entity_f1": 0.85, "assertion_accuracy": 0.90}, "splits": {},
           "narrative_scorer": getattr(scorer, "label", "learned scorer") if scorer is not None else "MiniLM centrality only"}
    splits = ["dev", "heldout"] if split == "all" else [split]
    for sp in splits:
        notes = annotated_notes(settings, sp)
        rep = evaluate_notes(notes, kb, sp, narrative_fn, progress)
        entities = dict(rep.entities)
        if not errors:
            entities.pop("errors", None)
        phi = dict(rep.phi)
        if not errors:
            phi.pop("missed", None)
        out["splits"][sp] = {"headline": rep.headline(), "phi": phi, "entities": entities, "rouge_l": rep.rouge_l}
    return out
