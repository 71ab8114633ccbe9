"""Scores the summarizer on the annotated real notes (`python -m medcore eval records-real --set blind|dev`).

The summary comes from the same service the page and `eval records` use (`service.summarize_input`, no
narrative). How gold and output are paired, one to one, greedily by the largest character overlap:
- problems: a pair needs overlapping spans; the headline ("coded") pair also needs the codes to agree when the
  gold carries one: the same knowledge concept id, or ICD-10-CM codes in the same 3-character category. The
  overlap-only figures are reported beside it, and `exact_code_agreement` (session 21b): of the coded pairs whose
  gold has a code, the share whose output code is exactly the gold's (side, spinal level, combination codes). Assertion accuracy is over the overlap pairs; the gold's `absent`
  is the summarizer's `negated`. Since session 17 the headline `assertion_accuracy` is exact: a gold `hypothetical`
  (prophylaxis, risk counselling, consent risks, return precautions) must come out `hypothetical`, and a `possible`
  must come out `possible`. `assertion_accuracy_lenient` beside it is the rule of sessions 9-16, when the summarizer
  reported hypotheticals as possible: the two fold into one (`LENIENT`), so figures before and after stay comparable.
- medications: overlap of the mention; recall over gold drugs with status current/stopped/held/past. Dose and
  frequency accuracy over pairs whose gold has a dose (frequency): "500 mg" == dose+unit with spaces, case,
  µg/mcg/micrograms, mg/milligrams and cap/capsule folded; frequencies are compared by schedule, both sides read through the
  summarizer's frequency vocabulary (`assets/kb/records/rules.yaml`: "every 8 hours" is "three times daily"), with
  "as needed" set apart: a gold "as needed" without a schedule needs the output's PRN flag. Gold
  stopped/held/negated/allergen drugs that come out as current (an overlapping medication without a stopped
  status) are counted as `not_current_kept_out`.
- allergies: overlap with an extracted allergy (allergy and intolerance); "nkda" is a note-level flag.
- PHI: `evaluate.phi_scores` (strict: every letter and digit of the identifier replaced; precision: a replaced
  span overlaps a gold identifier) plus overlap recall (any part replaced).
- labs and vitals: overlap with an extracted lab or vital, pairs whose numbers agree first; value accuracy
  (numbers equal, or the same result word: "negative") and unit accuracy over
  pairs whose gold has a unit: the output keeps the unit the note wrote, compared by identity, not spelling
  ("degrees Fahrenheit" == "°F", "pounds" == "lb", "per minute" == "beats/min"; µmol/L is not mg/dL, °F is not
  °C; a scale-less "degrees" agrees with the scale its value allows)."""

from __future__ import annotations

import re
from collections import Counter

from medcore.auth import SYSTEM
from medcore.records.evaluate import FOLD_HYPOTHETICAL, _match, phi_scores
from medcore.records.real_notes import RealNote

ASSERTION_TO_TOOL = {"absent": "negated"}
LENIENT = FOLD_HYPOTHETICAL  # the folding of sessions 9-16, applied to gold and output alike
RECALLED_MED_STATUSES = ("current", "stopped", "held", "past")
NOT_CURRENT_STATUSES = ("stopped", "held", "negated", "allergen")
TOOL_NOT_CURRENT = ("stopped",)


def _ratio(ok: int, n: int):
    return round(ok / n, 4) if n else None


def _pairs(gold, pred, agree=lambda g, p: True):
    """One-to-one pairs (gold index, predicted index) of overlapping spans whose items agree."""
    return _match([(g.start, g.end, g) for g in gold], [(p.start, p.end, p) for p in pred], agree)


def values_agree(gold: str | None, out: str | None) -> bool:
    """Equal numbers ("12,500" == "12500"); a result in words ("negative", "positive") equals the same word."""
    g, p = _number(gold or ""), _number(out or "")
    if g is not None:
        return g == p
    return bool((gold or "").strip()) and (gold or "").strip().lower() == (out or "").strip().lower()


def _pairs_same_value_first(gold, pred):
    """Labs and vitals: overlapping pairs whose numbers agree first, then the rest by overlap. A reading's span can
    hold an earlier value too ("the white count fell from 16,000 to 9.4" reports 9.4): it pairs with the gold
    reading it reports, not with the one it overlaps most."""
    first = _pairs(gold, pred, lambda g, p: values_agree(g.value, p.value))
    g_left = [i for i in range(len(gold)) if i not in {gi for gi, _ in first}]
    p_left = [i for i in range(len(pred)) if i not in {pi for _, pi in first}]
    rest = _pairs([gold[i] for i in g_left], [pred[i] for i in p_left])
    return first + [(g_left[gi], p_left[pi]) for gi, pi in rest]


def _category(code: str | None) -> str:
    return (code or "").upper().replace(".", "")[:3]


def codes_agree(g, p) -> bool:
    if not (g.concept or g.icd10cm):
        return True
    if g.concept and g.concept == getattr(p, "concept_id", ""):
        return True
    return bool(g.icd10cm) and _category(g.icd10cm) == _category(getattr(p, "icd10cm", ""))


_DOSE_WORDS = (("micrograms", "mcg"), ("microgram", "mcg"), ("milligrams", "mg"), ("milligram", "mg"),
               ("grams", "g"), ("gram", "g"), ("gm", "g"), ("µg", "mcg"), ("ug", "mcg"), ("tablets", "tablet"), ("tabs", "tablet"))


def norm_dose(text: str) -> str:
    t = re.sub(r"\s+", "", (text or "").lower()).replace(",", "")
    for word, short in _DOSE_WORDS:
        t = t.replace(word, short)
    # a dose form and its abbreviation are one unit: "1 cap" == "1 capsule", "2 tabs" == "2 tablets"
    t = re.sub(r"(?<![a-z])(?:capsules?|caps?)(?![a-z])", "capsule", t)
    t = re.sub(r"(?<![a-z])(?:tablets?|tabs?|pills?)(?![a-z])", "tablet", t)
    # a strength and a count of its tablets are the amount taken: "325 mg 2 tablets" == "650 mg", "100 mg 1 cap" ==
    # "100 mg" (session 29: the extractor multiplies, `med_schedule.counted_strength`; some golds keep both)
    counted = re.fullmatch(r"(\d+(?:\.\d+)?)(mg|mcg|g)(\d+(?:\.\d+)?)(?:tablet|capsule)", t)
    if counted:
        t = f"{float(counted.group(1)) * float(counted.group(3)):g}{counted.group(2)}"
    # combination strengths with the unit on each part are one dose: "80 mg/12.5 mg" == "80/12.5 mg" (session 16)
    t = re.sub(r"(?<![\d.])(\d[\d.]*)(mg|mcg|g)[-/](\d[\d.]*)\2(?![a-z])", r"\1/\3\2", t)
    return re.sub(r"(\d)\.0+(?=\D|$)", r"\1", t)


def frequency_names(kb) -> dict[str, str]:
    """Each written form of a frequency in the summarizer's vocabulary (rules.yaml) -> its name there."""
    out = {}
    for name, forms in (kb.rules.get("frequencies") or {}).items():
        for form in [name, *forms]:
            out.setdefault(str(form).lower(), name)
    return out


def split_frequency(text: str | None, names: dict[str, str]) -> tuple[str, bool]:
    """(the schedule under its vocabulary name, as needed?): "every 8 hours as needed" -> ("three times daily", True)."""
    t = re.sub(r"\s+", " ", (text or "").lower()).strip()
    prn = bool(re.search(r"\bas needed\b|\bprn\b|\bp\.r\.n\.", t))
    base = re.sub(r"\bas needed\b|\bprn\b|\bp\.r\.n\.", "", t).strip(" ,")
    # an abbreviation with its stops and spaces is the vocabulary's form: "q.a.m." is "qam", "q.24 h." is "q24h"
    return names.get(base) or names.get(re.sub(r"[.\s]", "", base), base), prn


def frequency_agrees(gold: str, med, names: dict[str, str]) -> bool:
    """The gold schedule equals the output's (both under the vocabulary's names); a gold "as needed" with no
    schedule needs the output's PRN flag. The PRN flag is not otherwise scored."""
    g_base, g_prn = split_frequency(gold, names)
    p_base, p_prn = split_frequency(med.frequency, names)
    if not g_base:
        return g_prn and (p_prn or med.prn)
    return g_base == p_base


_UNIT_WORDS = (("degrees", ""), ("degree", ""), ("deg", ""), ("°", ""), ("fahrenheit", "f"), ("celsius", "c"),
               ("centigrade", "c"), ("pounds", "lb"), ("pound", "lb"), ("lbs", "lb"), ("kilograms", "kg"), ("kilos", "kg"), ("grams", "g"),
               ("inches", "in"), ("inch", "in"), ("µ", "u"), ("μ", "u"))
# a rate per minute, however written: "per minute", "beats per minute", "BPMs", "bpm", "breaths/min", "/min"
_PER_MINUTE = re.compile(r"(?:beats|breaths)?(?:perminute|/min)|bpms?")


def norm_unit(text: str | None) -> str:
    """The unit's identity, not its spelling: "degrees Fahrenheit" == "°F" == "F"; "pounds" == "lb"; "beats per
    minute" == "beats/min" == "/min" (a pulse or a breathing rate, both counts per minute)."""
    t = re.sub(r"[\s.]+", "", (text or "").lower())
    if _PER_MINUTE.fullmatch(t):
        return "/min"
    for word, short in _UNIT_WORDS:
        t = t.replace(word, short)
    return t


def units_agree(gold_unit: str | None, gold_value: str, out_unit: str | None) -> bool:
    """Same unit identity; a temperature the note wrote in "degrees" with no scale is read on the scale its value
    allows (a body temperature above 50 can only be Fahrenheit), so "37 degrees" agrees with C, never F."""
    g, p = norm_unit(gold_unit), norm_unit(out_unit)
    if not g and gold_unit and re.fullmatch(r"\s*(?:degrees?|deg|°)\s*", gold_unit, re.I):
        number = _number(gold_value)
        return number is not None and p == ("f" if number > 50 else "c")
    return g == p


def _number(text: str):
    m = re.search(r"-?\d+(?:\.\d+)?", (text or "").replace(",", ""))
    return float(m.group()) if m else None


def score_note(note: RealNote, analysis, errors: list | None = None, freq_names: dict | None = None) -> Counter:
    """Counts for one note; `errors` (a list) collects (note, kind, gold or output label, offsets);
    `freq_names`: `frequency_names(kb)`, so "every 8 hours" and "three times daily" are one schedule."""
    ex, c = analysis.extraction, Counter()

    def err(kind, label, s, e):
        if errors is not None:
            errors.append({"note": note.id, "kind": kind, "label": label, "start": s, "end": e})

    # problems
    probs = list(ex.problems)
    coded = _pairs(note.problems, probs, codes_agree)
    overlap = _pairs(note.problems, probs)
    c["problem_gold"] += len(note.problems)
    c["problem_pred"] += len(probs)
    c["problem_tp"] += len(coded)
    c["problem_overlap_tp"] += len(overlap)
    # beside the headline, which agrees at the 3-character category: of its pairs whose gold has a code, how many
    # carry exactly the gold code (a side, a spinal level or a combination code shows only here)
    exact = [note.problems[gi].icd10cm == probs[pi].icd10cm for gi, pi in coded if note.problems[gi].icd10cm]
    c["code_exact_n"] += len(exact)
    c["code_exact_ok"] += sum(exact)
    matched = {gi for gi, _ in overlap}
    for gi, g in enumerate(note.problems):
        if gi not in matched:
            err("problem missed", f"{g.name} ({g.assertion})", g.start, g.end)
    used = {pi for _, pi in overlap}
    for pi, p in enumerate(probs):
        if pi not in used:
            err("problem extra", p.name, p.start, p.end)
    for gi, pi in overlap:
        g, p = note.problems[gi], probs[pi]
        want = ASSERTION_TO_TOOL.get(g.assertion, g.assertion)
        c["assertion_n"] += 1
        c[f"assertion:{g.assertion}->{p.assertion}"] += 1
        c["assertion_lenient_ok"] += LENIENT.get(want, want) == LENIENT.get(p.assertion, p.assertion)
        if want == p.assertion:
            c["assertion_ok"] += 1
        else:
            err("assertion", f"{g.name}: gold {g.assertion}, output {p.assertion}", g.start, g.end)

    # medications
    meds = [_MedView(m) for m in ex.medications]
    wanted = [m for m in note.medications if m.status in RECALLED_MED_STATUSES]
    pairs = _pairs(wanted, meds)
    c["med_gold"] += len(wanted)
    c["med_pred"] += len(meds)
    c["med_tp"] += len(pairs)
    hit = {gi for gi, _ in pairs}
    for gi, g in enumerate(wanted):
        if gi not in hit:
            err("medication missed", g.drug, g.start, g.end)
    for gi, pi in pairs:
        g, p = wanted[gi], meds[pi]
        if g.dose:
            c["dose_n"] += 1
            ok = norm_dose(g.dose) == norm_dose(f"{p.med.dose} {p.med.unit}")
            c["dose_ok"] += ok
            if not ok:
                err("dose", f"{g.drug}: gold {g.dose}, output {p.med.dose} {p.med.unit}".strip(), g.start, g.end)
        if g.frequency:
            c["frequency_n"] += 1
            ok = frequency_agrees(g.frequency, p.med, freq_names or {})
            c["frequency_ok"] += ok
            if not ok:
                err("frequency", f"{g.drug}: gold {g.frequency}, output {p.med.frequency or '-'}", g.start, g.end)
    kept_out = [m for m in note.medications if m.status in NOT_CURRENT_STATUSES]
    for g in kept_out:
        c["not_current_n"] += 1
        listed = [p for p in meds if p.start < g.end and g.start < p.end and p.med.status not in TOOL_NOT_CURRENT]
        c["not_current_ok"] += not listed
        if listed:
            err("listed as current", f"{g.drug} ({g.status})", g.start, g.end)

    # allergies
    gold_all = [a for a in note.allergies if a.kind != "nkda"]
    pairs = _pairs(gold_all, list(ex.allergies))
    c["allergy_gold"] += len(gold_all)
    c["allergy_pred"] += len(ex.allergies)
    c["allergy_tp"] += len(pairs)
    hit = {gi for gi, _ in pairs}
    for gi, g in enumerate(gold_all):
        if gi not in hit:
            err("allergy missed", f"{g.substance} ({g.kind})", g.start, g.end)
    if any(a.kind == "nkda" for a in note.allergies):
        c["nkda_n"] += 1
        c["nkda_ok"] += bool(ex.no_known_allergies)

    # labs and vitals
    measures = list(ex.labs) + list(ex.vitals)
    pairs = _pairs_same_value_first(note.labs, measures)
    c["lab_gold"] += len(note.labs)
    c["lab_pred"] += len(measures)
    c["lab_tp"] += len(pairs)
    hit = {gi for gi, _ in pairs}
    for gi, g in enumerate(note.labs):
        if gi not in hit:
            err("lab missed", g.name, g.start, g.end)
    for gi, pi in pairs:
        g, p = note.labs[gi], measures[pi]
        c["lab_value_n"] += 1
        c["lab_value_ok"] += values_agree(g.value, p.value)
        if g.unit:
            c["unit_n"] += 1
            ok = units_agree(g.unit, g.value, p.unit)
            c["unit_ok"] += ok
            if not ok:
                err("unit", f"{g.name}: gold {g.unit}, output {p.unit or '-'}", g.start, g.end)
    return c


class _MedView:
    """A medication seen through its mention's span (the extractor's `end` can stop before the dose)."""

    def __init__(self, med):
        self.med = med
        self.start = med.start
        self.end = max(med.end, med.start + len(med.mention or ""))


def phi_overlap_recall(rows) -> float | None:
    n = sum(len(g) for _, g, _ in rows)
    found = sum(1 for _, gold, pred in rows for gs, ge, _ in gold if any(ps < ge and gs < pe for ps, pe, _ in pred))
    return _ratio(found, n)


def summarize_counts(c: Counter, phi_rows) -> dict:
    def prf(key):
        tp, g, p = c[f"{key}_tp"], c[f"{key.split('_')[0]}_gold"], c[f"{key.split('_')[0]}_pred"]
        return {"recall": _ratio(tp, g), "precision": _ratio(tp, p), "tp": tp, "gold": g, "predicted": p}

    phi = phi_scores(phi_rows)
    return {
        "problems": prf("problem"),
        "problems_overlap_only": prf("problem_overlap"),
        "exact_code_agreement": {"fraction": _ratio(c["code_exact_ok"], c["code_exact_n"]),
                                 "exact": c["code_exact_ok"], "n": c["code_exact_n"]},
        "assertion_accuracy": _ratio(c["assertion_ok"], c["assertion_n"]), "assertion_n": c["assertion_n"],
        "assertion_accuracy_lenient": _ratio(c["assertion_lenient_ok"], c["assertion_n"]),
        "assertion_confusion": {k.split(":", 1)[1]: v for k, v in sorted(c.items()) if k.startswith("assertion:")},
        "medications": prf("med"),
        "dose_accuracy": _ratio(c["dose_ok"], c["dose_n"]), "dose_n": c["dose_n"],
        "frequency_accuracy": _ratio(c["frequency_ok"], c["frequency_n"]), "frequency_n": c["frequency_n"],
        "not_current_kept_out": _ratio(c["not_current_ok"], c["not_current_n"]), "not_current_n": c["not_current_n"],
        "allergies": prf("allergy"),
        "nkda_found": _ratio(c["nkda_ok"], c["nkda_n"]), "nkda_n": c["nkda_n"],
        "phi": {"strict_recall": phi["overall"]["recall"], "overlap_recall": phi_overlap_recall(phi_rows),
                "precision": phi["overall"]["precision"], "gold": phi["overall"]["gold"],
                "predicted": phi["overall"]["predicted"],
                "per_type": {k: {"recall": v["recall"], "gold": v["gold"]} for k, v in phi["per_type"].items()
                             if v["gold"]}},
        "labs_vitals": prf("lab"),
        "lab_value_accuracy": _ratio(c["lab_value_ok"], c["lab_value_n"]),
        "unit_accuracy": _ratio(c["unit_ok"], c["unit_n"]), "unit_n": c["unit_n"],
    }


def headline(scores: dict) -> dict:
    return {"problem_recall": scores["problems"]["recall"], "problem_precision": scores["problems"]["precision"],
            "assertion_accuracy": scores["assertion_accuracy"],
            "assertion_accuracy_lenient": scores["assertion_accuracy_lenient"],
            "medication_recall": scores["medications"]["recall"],
            "dose_accuracy": scores["dose_accuracy"], "frequency_accuracy": scores["frequency_accuracy"],
            "allergy_recall": scores["allergies"]["recall"], "phi_strict_recall": scores["phi"]["strict_recall"],
            "phi_overlap_recall": scores["phi"]["overlap_recall"], "phi_precision": scores["phi"]["precision"],
            "lab_vital_recall": scores["labs_vitals"]["recall"], "unit_accuracy": scores["unit_accuracy"]}


def _offset_map(raw: str, clean: str) -> list[int] | None:
    """Positions in `clean` (the text the service analysed) -> positions in `raw`, when the input step changed it."""
    if raw == clean:
        return None
    out, i = [], 0
    for ch in clean:
        while i < len(raw) and raw[i] != ch and not (ch == "\n" and raw[i] == "\r"):
            i += 1
        if ch == "\n" and raw.startswith("\r\n", i):
            i += 1
        out.append(i)
        i += 1
    out.append(len(raw))
    return out


def _remap(analysis, mapping) -> None:
    if mapping is None:
        return
    ex = analysis.extraction
    for item in [*ex.problems, *ex.medications, *ex.allergies, *ex.labs, *ex.vitals]:
        s, e = item.start, item.end
        item.start, item.end = mapping[s], (mapping[e - 1] + 1 if e > s else mapping[s])


def evaluate(notes: list[RealNote], summarize, errors: bool = False, kb=None) -> dict:
    """`summarize(text) -> (analysed text, NoteAnalysis)`; scores every note and the set. `kb` (the records KB)
    gives the frequency vocabulary; without it frequencies are compared by name only."""
    freq_names = frequency_names(kb) if kb is not None else {}
    total, phi_rows, errs = Counter(), [], []
    for note in notes:
        clean, analysis = summarize(note.text)
        mapping = _offset_map(note.text, clean)
        _remap(analysis, mapping)
        total += score_note(note, analysis, errs if errors else None, freq_names)
        spans = [(mapping[s.start], mapping[s.end - 1] + 1, s.type) if mapping else (s.start, s.end, s.type)
                 for s in analysis.deid.spans]
        phi_rows.append((note.text, [(p.start, p.end, p.kind) for p in note.phi], spans))
    scores = summarize_counts(total, phi_rows)
    out = {"notes": len(notes), "headline": headline(scores), "scores": scores}
    if errors:
        out["errors"] = errs
    return out


def service_summarizer(settings):
    """The page's and CLI's path: input checks, then `service.summarize_input` without narrative."""
    from medcore.records import inputs, service

    def run(text: str):
        note = inputs.from_paste(text, settings)
        return note.text, service.summarize_input(note, settings, user=SYSTEM, with_narrative=False).analysis

    return run
