"""PICO and results extraction scored against our hand annotations of PubMedQA abstracts.

The annotations (tests/literature/annotations/pubmedqa_extract_<split>.yaml) hold expected values per PMID only;
the abstracts are read at run time from the shared data folder and never stored. Per field: precision (correct
/ predicted) and recall (correct / expected). A scalar field the annotation leaves out is expected to be absent;
a list field it leaves out is not scored. Precision over no prediction and recall over no gold are None (session
21; they were 1.0, a success nothing was tested for): a field with neither is "not scored" (`literature eval-extract`).

Outcomes (session 21): `outcomes_primary` / `outcomes_secondary` hold the outcomes an abstract states as its own
(rule in the dev annotation file's header), each a short name in the abstract's key words. A predicted outcome
matches a gold one when every content word of the gold name is among the prediction's words (a prediction that
spans a whole "outcome measures" list can still match only one gold name, one to one), or when their word sets
overlap by at least half (`_outcome_match`).

% women (`female_pct`, session 14): the share of women in the population studied, so a population of one sex is
100 (only women, e.g. pregnant women or mothers) or 0 (only men). Every annotation set follows this: dev, blind2
and blind_s11 had left one-sex populations out and were completed in session 14 (docs/evals/literature-s14)."""

from __future__ import annotations

import json
import re
from pathlib import Path


from medcore import kbyaml
from medcore.config import REPO_ROOT
from medcore.literature import numbers
from medcore.literature.number_forms import normalise

ANNOTATIONS = REPO_ROOT / "tests" / "literature" / "annotations"
SCALARS = ("design", "n", "blinding", "age", "female_pct")
LISTS = ("conditions", "interventions", "comparators", "effects", "p_values", "outcomes_primary", "outcomes_secondary")


class EvalDataMissing(RuntimeError):
    """The shared PubMedQA file is not on this machine."""


def default_data_path() -> Path:
    from medcore.config import shared_data

    found = shared_data("pubmedqa", "pqal_dev.json")
    if found is not None:
        return found
    raise EvalDataMissing("PubMedQA data not found (../shared/data/pubmedqa/pqal_dev.json); it is not shipped")


def abstract_text(item: dict, headings: bool = True) -> tuple[str, str]:
    """(title, abstract) of a PubMedQA item: the question is the paper's title; the contexts carry their section
    labels and the long answer is the conclusion. `headings=False`: one unlabelled paragraph, as pasted text."""
    if not headings:
        return item["QUESTION"], " ".join(list(item["CONTEXTS"]) + [item["LONG_ANSWER"]])
    parts = [f"{label}: {ctx}" for label, ctx in zip(item["LABELS"], item["CONTEXTS"])]
    parts.append(f"CONCLUSIONS: {item['LONG_ANSWER']}")
    return item["QUESTION"], "\n".join(parts)


def load_written(path: Path) -> dict[str, dict]:
    """Hand-written abstracts (assets/literature/abstracts_blind_s27.yaml, session 27: PQA-L was exhausted) by id;
    the annotation file names them with `abstracts_file:` and keys its papers by the same ids in `pmid`."""
    return {p["id"]: p for p in kbyaml.load(path)["papers"]}


def written_text(item: dict, headings: bool = True) -> tuple[str, str]:
    """(title, abstract) of a hand-written abstract: "HEADING: text" lines (an empty heading is an unheaded
    paragraph); `headings=False`: one unlabelled paragraph, as abstract_text does for PubMedQA."""
    if not headings:
        return item["title"], " ".join(s["text"] for s in item["sections"])
    return item["title"], "\n".join(f"{s['heading']}: {s['text']}" if s["heading"] else s["text"]
                                     for s in item["sections"])


def _names_match(gold: str, pred: str) -> bool:
    g, p = gold.lower().strip(), pred.lower().strip()
    if not g or not p:
        return False
    if g in p or p in g:
        return True
    gt, pt = set(re.findall(r"[a-z0-9]+", g)), set(re.findall(r"[a-z0-9]+", p))
    return bool(gt and pt) and len(gt & pt) / len(gt | pt) >= 0.5


# words that carry no outcome: dropped before matching an outcome name
_OUTCOME_STOP = frozenset("a an and the of to in on at for with by or from within".split())


def _outcome_words(text: str) -> set[str]:
    """Lower-case content words, a plural 's' dropped ("events" ~ "event"), hyphens split ("in-hospital")."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
            for w in words if w not in _OUTCOME_STOP}


def _outcome_match(gold: str, pred: str) -> bool:
    g, p = _outcome_words(gold), _outcome_words(pred)
    if not g or not p:
        return False
    return g <= p or len(g & p) / len(g | p) >= 0.5


def _close(a, b, tol=1e-6) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= tol + 1e-9 * abs(float(a))


def _scalar_ok(field: str, gold, pred) -> bool:
    if field == "age":
        if gold.get("stat") != pred.get("stat"):
            return False
        return all(_close(gold.get(k), pred.get(k), 0.05) for k in ("value", "low", "high") if k in gold)
    if field == "female_pct":
        return abs(float(gold) - float(pred)) <= 0.6
    if field == "setting":
        return _names_match(gold, pred)
    return gold == pred


def _list_ok(field: str, gold, pred) -> bool:
    if field in ("interventions", "comparators"):
        return _names_match(gold, pred)
    if field == "effects":
        return gold[0] == pred[0] and all(_close(g, p, 1e-4) for g, p in zip(gold[1:], pred[1:]))
    if field == "p_values":
        return gold[0] == pred[0] and _close(gold[1], pred[1], 1e-9)
    if field.startswith("outcomes_"):
        return _outcome_match(gold, pred)
    return gold == pred


def predicted(result) -> dict:
    """The fields of one ReadResult in the annotation's form."""
    pop = result.pico.population
    age = {k: v for k, v in pop.age.items() if k in ("stat", "value", "low", "high")} or None
    pvals = []
    for s in result.paper.sentences:
        pvals += [[rel, val] for _, _, val, rel, _ in numbers.parse_p(normalise(s.text)) if val is not None]
    return {
        "design": result.design.kind if result.design.kind != "unknown" else None,
        "setting": result.design.setting or None,
        "n": pop.n,
        "blinding": result.design.blinding or None,
        "age": age,
        "female_pct": pop.sex.get("female_pct") if pop.sex else None,
        "conditions": sorted({c.code.split(" ")[-1][:3] for c in pop.conditions if c.code.startswith("ICD")}
                             | {"?" + c.text for c in pop.conditions if not c.code.startswith("ICD")}),
        "interventions": [i.text for i in result.pico.interventions],
        "comparators": [i.text for i in result.pico.comparators],
        "effects": [[e.measure, e.value, e.ci_low, e.ci_high] for e in result.effects if e.measure != "comparison"],
        "p_values": pvals,
        "outcomes_primary": [o.text for o in result.pico.outcomes_primary],
        "outcomes_secondary": [o.text for o in result.pico.outcomes_secondary],
    }


def ratio(part: int, whole: int) -> float | None:
    """correct / predicted or correct / gold, to 3 places; None over nothing, not 1.0: with no gold and no
    prediction a field is not scored at all (session 21)."""
    return round(part / whole, 3) if whole else None


def score(gold_papers: list[dict], preds: dict[str, dict], extra_scalars: tuple[str, ...] = ()) -> dict:
    """`extra_scalars`: scalar fields a set annotates beyond SCALARS (e.g. `setting` in blind_s11); only scored
    for sets that declare them, since the older sets left them out rather than marking them absent."""
    scalars = SCALARS + tuple(extra_scalars)
    tally = {f: {"gold": 0, "predicted": 0, "correct": 0} for f in scalars + LISTS}
    per_paper = []
    for g in gold_papers:
        p = preds[g["pmid"]]
        misses = {}
        for f in scalars:
            gv, pv = g.get(f), p.get(f)
            t = tally[f]
            t["gold"] += gv is not None
            t["predicted"] += pv is not None
            ok = gv is not None and pv is not None and _scalar_ok(f, gv, pv)
            t["correct"] += ok
            if not ok and (gv is not None or pv is not None):
                misses[f] = {"gold": gv, "predicted": pv}
        for f in LISTS:
            if f not in g:
                continue
            gl, pl = list(g[f]), list(p.get(f) or [])
            t = tally[f]
            t["gold"] += len(gl)
            t["predicted"] += len(pl)
            used = set()
            hit = 0
            for gv in gl:
                j = next((j for j, pv in enumerate(pl) if j not in used and _list_ok(f, gv, pv)), None)
                if j is not None:
                    used.add(j)
                    hit += 1
            t["correct"] += hit
            if hit != len(gl) or hit != len(pl):
                misses[f] = {"gold": gl, "predicted": pl}
        per_paper.append({"pmid": g["pmid"], "group": g.get("group"), "misses": misses})
    fields = {f: dict(t, precision=ratio(t["correct"], t["predicted"]), recall=ratio(t["correct"], t["gold"]))
              for f, t in tally.items()}
    return {"fields": fields, "per_paper": per_paper}


def evaluate(settings, split: str = "dev", data_path: str | Path | None = None, headings: bool = True,
             classifier=False) -> dict:
    """`classifier`: False scores with the rule roles (headings decide them when present); None uses the
    installed sentence-role classifier."""
    from medcore.literature.service import read_paper

    ann = kbyaml.load(ANNOTATIONS / f"pubmedqa_extract_{split}.yaml")
    if ann.get("abstracts_file"):  # a set of our own hand-written abstracts (blind_s27), committed in the repo
        data, read = load_written(REPO_ROOT / ann["abstracts_file"]), written_text
    else:
        path = Path(data_path) if data_path else default_data_path()
        if not path.is_file():
            raise EvalDataMissing(f"{path} not found")
        data, read = json.loads(path.read_text(encoding="utf-8")), abstract_text
    preds = {}
    for g in ann["papers"]:
        title, text = read(data[g["pmid"]], headings)
        result = read_paper(settings, f"{title}\n{text}", classifier=classifier)[0]
        preds[g["pmid"]] = predicted(result)
    report = score(ann["papers"], preds, tuple(ann.get("extra_scalars", ())))
    report.update(split=split, papers=len(ann["papers"]), headings=headings,
                  roles="classifier" if classifier is None else "rules",
                  annotations=str(ANNOTATIONS.relative_to(REPO_ROOT)))
    return report
