"""Writes formats.yaml: a BREADTH dev list of result and method sentences in the reporting formats journals use
(CONSORT/ICMJE abstracts, Lancet, NEJM, JAMA, BMJ, European journals), each with the values it states. Every
sentence is written here from knowledge of those styles (none is copied from an abstract or a data file);
effect sentences are frames x number formats, so that one format is tried in several clauses.

    .venv/bin/python docs/evals/literature-s24b/build.py   # rewrites formats.yaml
"""

from __future__ import annotations

import itertools
from pathlib import Path

import yaml

import build_methods

OUT = Path(__file__).with_name("formats.yaml")

# (measure as written, canonical measure, adjusted, value, lo, hi) -- values chosen inside their CI
MEASURES = [
    ("RR", "RR", False, 0.80, 0.64, 1.01), ("relative risk", "RR", False, 1.32, 1.10, 1.58),
    ("risk ratio", "RR", False, 0.71, 0.58, 0.87), ("OR", "OR", False, 1.2, 1.0, 1.5),
    ("odds ratio", "OR", False, 2.45, 1.61, 3.73), ("HR", "HR", False, 0.75, 0.60, 0.93),
    ("hazard ratio", "HR", False, 0.86, 0.77, 0.96), ("aHR", "HR", True, 0.7, 0.5, 0.9),
    ("adjusted HR", "HR", True, 1.48, 1.12, 1.95), ("adjusted odds ratio", "OR", True, 3.1, 1.8, 5.4),
    ("aOR", "OR", True, 0.62, 0.45, 0.85), ("adjusted hazard ratio", "HR", True, 0.58, 0.41, 0.82),
    ("IRR", "IRR", False, 1.17, 1.04, 1.31), ("incidence rate ratio", "IRR", False, 0.69, 0.55, 0.86),
    ("rate ratio", "IRR", False, 0.83, 0.72, 0.95), ("adjusted risk ratio", "RR", True, 0.91, 0.84, 0.99),
    ("subdistribution hazard ratio", "HR", False, 1.26, 1.05, 1.51), ("prevalence ratio", "PR", False, 1.9, 1.4, 2.6),
    ("aRR", "RR", True, 1.05, 0.92, 1.2), ("adjusted incidence rate ratio", "IRR", True, 0.77, 0.63, 0.94),
]
DIFFS = [  # (written, measure, value, lo, hi, unit)
    ("mean difference", "MD", -3.2, -5.1, -1.3, " mmHg"), ("MD", "MD", -0.45, -0.71, -0.19, "%"),
    ("mean difference", "MD", 4.6, 1.9, 7.3, " points"), ("difference in means", "MD", -1.8, -2.9, -0.7, " kg"),
    ("weighted mean difference", "MD", -0.32, -0.51, -0.13, ""), ("WMD", "MD", 2.1, 0.4, 3.8, " mm"),
    ("standardised mean difference", "SMD", -0.41, -0.62, -0.20, ""), ("SMD", "SMD", 0.28, 0.09, 0.47, ""),
    ("risk difference", "RD", -4.2, -7.9, -0.5, " percentage points"), ("absolute risk reduction", "RD", 3.1, 0.8, 5.4, "%"),
    ("RD", "RD", -0.05, -0.09, -0.01, ""), ("absolute difference", "RD", 6.3, 2.2, 10.4, " percentage points"),
    ("adjusted mean difference", "MD", -2.7, -4.4, -1.0, " days"), ("standardized mean difference", "SMD", 0.52, 0.31, 0.73, ""),
    ("effect size", "SMD", 0.35, 0.12, 0.58, ""), ("Cohen's d", "SMD", 0.61, 0.30, 0.92, ""),
]
NNTS = [("NNT", "NNT", 12, 8, 25), ("number needed to treat", "NNT", 17, 10, 59), ("NNTB", "NNT", 9, 6, 21),
        ("number needed to harm", "NNH", 43, 24, 200), ("NNH", "NNH", 31, 17, 167)]

P_FORMS = [  # (as written, value, relation)
    ("P = .002", 0.002, "="), ("p<0.001", 0.001, "<"), ("P value of 0.04", 0.04, "="), ("p=0.03", 0.03, "="),
    ("P < .001", 0.001, "<"), ("P=0.01", 0.01, "="), ("p-value = 0.02", 0.02, "="), ("P = 0.049", 0.049, "="),
    ("P<0·001", 0.001, "<"), ("p = 0.0004", 0.0004, "="), ("P≤0.01", 0.01, "<="), ("p > 0.05", 0.05, ">"),
    ("P=.21", 0.21, "="), ("two-sided P = 0.006", 0.006, "="), ("P for interaction = 0.12", 0.12, "="),
    ("P value 0.003", 0.003, "="), ("p < .0001", 0.0001, "<"), ("P = 0.62", 0.62, "="), ("p=.048", 0.048, "="),
    ("P<0.05", 0.05, "<"), ("P = 3 × 10^-5", 3e-5, "="), ("p-value <0.001", 0.001, "<"), ("P for trend = 0.008", 0.008, "="),
    ("P = 0·03", 0.03, "="),
]


def fmt(x: float, style: str) -> str:
    s = f"{x:g}" if abs(x) >= 0.01 else f"{x}"
    if style in ("middot", "comma"):
        s = s.replace(".", "·" if style == "middot" else ",")
    if style == "unicode" and s.startswith("-"):
        s = "\u2212" + s[1:]
    return s


# estimate-with-CI formats: {m} measure, {v} value, {lo} {hi} bounds, {u} unit
CI_FORMS = [
    ("{m} {v}{u} (95% CI {lo}-{hi})", "plain"), ("{m}={v}{u}; 95%CI: {lo}, {hi}", "plain"),
    ("{m}, {v}{u} [95% confidence interval, {lo} to {hi}]", "plain"), ("{m} {v}{u} ({lo}–{hi})", "plain"),
    ("{m} {v}{u}; 95% CI {lo} to {hi}", "plain"), ("{m}: {v}{u} (95% CI: {lo}–{hi})", "plain"),
    ("{m} of {v}{u} (95% CI, {lo} to {hi})", "plain"), ("{m} {v}{u}, 95% CI {lo}—{hi}", "plain"),
    ("{m} {v}{u} [{lo}, {hi}]", "plain"), ("{m} = {v}{u} (CI 95%: {lo}-{hi})", "plain"),
    ("{m} was {v}{u} (95% confidence interval [CI], {lo} to {hi})", "plain"), ("{m} {v}{u}, 95% CI {lo} – {hi}", "plain"),
    ("{m} {v}{u} (95% CI {lo}; {hi})", "plain"), ("{m} {v}{u} (95 % CI {lo}-{hi})", "plain"),
    ("{m} {v}{u} (95% CI {lo} to {hi})", "middot"), ("{m} {v}{u} ({lo}–{hi})", "middot"),
    ("{m} {v}{u} (95% CI {lo} to {hi})", "unicode"), ("{m} {v}{u} ({lo} to {hi})", "unicode"),
    ("{m} {v}{u} (95% CI: {lo} to {hi})", "comma"), ("{m} {v}{u} (95% CI {lo}‒{hi})", "plain"),
    ("{m} {v}{u} (95% confidence interval {lo} to {hi})", "plain"), ("{m} {v}{u} (95% CI={lo}-{hi})", "plain"),
    ("{m} {v}{u} (95% CI from {lo} to {hi})", "plain"), ("{m} {v}{u}; 95% confidence interval: {lo}–{hi}", "plain"),
]
LEVEL_FORMS = [("{m} {v}{u} (99% CI {lo} to {hi})", 99.0), ("{m} {v}{u} (90% CI, {lo}-{hi})", 90.0),
               ("{m} {v}{u} (95% CrI {lo} to {hi})", 95.0), ("{m} {v}{u} (95% credible interval {lo}–{hi})", 95.0),
               ("{m} {v}{u} (97.5% CI {lo} to {hi})", 97.5)]

# clause frames: {e} is the estimate; each names its outcome
FRAMES = [
    ("Compared with placebo, the drug reduced the risk of stroke ({e}{p}).", "stroke"),
    ("The risk of death from any cause was lower in the intervention group ({e}{p}).", "death from any cause"),
    ("Current smoking was associated with hip fracture ({e}{p}).", "hip fracture"),
    ("For the primary composite outcome, the {e}{p}.", ""),
    ("Early surgery lowered the incidence of recurrent infection ({e}{p}).", "recurrent infection"),
    ("The odds of readmission within 30 days were higher among frail patients ({e}{p}).", "readmission within 30 days"),
    ("Rates of major bleeding did not differ between arms ({e}{p}).", "major bleeding"),
    ("Hospitalisation for heart failure occurred less often with the new agent ({e}{p}).", "hospitalisation for heart failure"),
    ("In the adjusted model, obesity remained associated with preterm birth ({e}{p}).", "preterm birth"),
    ("The incidence of delirium fell after the bundle was introduced ({e}{p}).", "delirium"),
]
DIFF_FRAMES = [
    ("At 12 weeks, systolic blood pressure fell more with the combination ({e}{p}).", "systolic blood pressure"),
    ("The change in HbA1c favoured the intervention ({e}{p}).", "HbA1c"),
    ("Pain scores at 24 hours were lower after the nerve block ({e}{p}).", "pain scores at 24 hours"),
    ("The proportion of patients with a relapse was smaller in the maintenance arm ({e}{p}).", "patients with a relapse"),
]

ROWS: list[dict] = []


def add(kind: str, text: str, **expect) -> None:
    ROWS.append({"id": f"{kind}-{sum(r['kind'] == kind for r in ROWS) + 1:03d}", "kind": kind, "text": text,
                 "expect": expect})


def effects() -> None:
    ps = itertools.cycle(P_FORMS)
    frames = itertools.cycle(FRAMES)
    # every CI format with every ratio measure in turn (24 formats x the next measures), each in a clause frame
    ms = itertools.cycle(MEASURES)
    for form, style in CI_FORMS:
        for _ in range(4):
            written, measure, adj, v, lo, hi = next(ms)
            p = next(ps) if (_ % 2 == 0) else None
            frame, outcome = next(frames)
            e = form.format(m=written, v=fmt(v, style), lo=fmt(lo, style), hi=fmt(hi, style), u="")
            ptext = p[0].replace("0.", "0,").replace(" .", " 0,") if p and style == "comma" else p and p[0]
            text = frame.format(e=e, p=f"; {ptext}" if p else "")
            add("effect", text, effects=[{"measure": measure, "value": v, "ci_low": lo, "ci_high": hi,
                                          "adjusted": adj, **({"p_value": p[1], "p_relation": p[2]} if p else {}),
                                          **({"outcome": outcome} if outcome else {})}])
    dframes = itertools.cycle(DIFF_FRAMES)
    for i, (written, measure, v, lo, hi, unit) in enumerate(DIFFS * 3):
        form, style = CI_FORMS[(i * 5) % len(CI_FORMS)]
        style = "unicode" if i % 4 == 1 else "middot" if i % 4 == 3 else style
        p = next(ps) if i % 3 else None
        frame, outcome = next(dframes)
        e = form.format(m=written, v=fmt(v, style), lo=fmt(lo, style), hi=fmt(hi, style), u=unit)
        ptext = p[0].replace("0.", "0,").replace(" .", " 0,") if p and style == "comma" else p and p[0]
        add("effect", frame.format(e=e, p=f", {ptext}" if p else ""),
            effects=[{"measure": measure, "value": v, "ci_low": lo, "ci_high": hi, "adjusted": written.startswith("adjusted"),
                      **({"p_value": p[1], "p_relation": p[2]} if p else {})}])
    for i, (written, measure, v, lo, hi) in enumerate(NNTS * 2):
        form = ["{m} {v} ({lo} to {hi})", "{m} = {v}; 95% CI {lo}-{hi}", "{m}, {v} (95% CI, {lo}–{hi})",
                "an {m} of {v} (95% CI {lo} to {hi})"][i % 4]
        text = ["To prevent one event, the {e}.", "The {e} over 2 years.", "Treatment for one year gave an {e}.",
                "Across the trials, {e}."][i % 4]
        e = form.format(m=written, v=v, lo=lo, hi=hi).replace("an an ", "an ")
        add("effect", text.format(e=e).replace("an an ", "an "), effects=[{"measure": measure, "value": v, "ci_low": lo, "ci_high": hi}])
    for form, level in LEVEL_FORMS:
        for written, measure, adj, v, lo, hi in MEASURES[:4]:
            e = form.format(m=written, v=v, lo=lo, hi=hi, u="")
            add("effect", f"Mortality at one year was lower with the procedure ({e}).",
                effects=[{"measure": measure, "value": v, "ci_low": lo, "ci_high": hi, "ci_level": level,
                          "outcome": "mortality at one year"}])
    # several estimates in one sentence
    add("effect", "Death (HR 0.82, 95% CI 0.70 to 0.96) and myocardial infarction (HR 0.91, 95% CI 0.78 to 1.06) were "
                  "both less frequent.",
        effects=[{"measure": "HR", "value": 0.82, "ci_low": 0.70, "ci_high": 0.96},
                 {"measure": "HR", "value": 0.91, "ci_low": 0.78, "ci_high": 1.06}])
    add("effect", "The odds ratios were 1.8 (95% CI 1.2-2.7) at 6 months and 2.3 (95% CI 1.5-3.5) at 12 months.",
        effects=[{"measure": "OR", "value": 1.8, "ci_low": 1.2, "ci_high": 2.7},
                 {"measure": "OR", "value": 2.3, "ci_low": 1.5, "ci_high": 3.5}])
    add("effect", "Relative to never users, the adjusted HRs were 1.12 (0.98–1.28) for former and 1.41 (1.22–1.63) "
                  "for current users.",
        effects=[{"measure": "HR", "value": 1.12, "ci_low": 0.98, "ci_high": 1.28, "adjusted": True},
                 {"measure": "HR", "value": 1.41, "ci_low": 1.22, "ci_high": 1.63, "adjusted": True}])
    add("effect", "Hazard ratio (95% CI) for cardiovascular death: 0.79 (0.66-0.95).",
        effects=[{"measure": "HR", "value": 0.79, "ci_low": 0.66, "ci_high": 0.95}])
    add("effect", "HR (95% CI) 0.64 (0.51-0.80), P < 0.001, for progression-free survival.",
        effects=[{"measure": "HR", "value": 0.64, "ci_low": 0.51, "ci_high": 0.80, "p_value": 0.001, "p_relation": "<"}])
    add("effect", "Vaccination was associated with fewer admissions (odds ratio [OR], 0.55; 95% CI, 0.41-0.74; "
                  "P < .001).",
        effects=[{"measure": "OR", "value": 0.55, "ci_low": 0.41, "ci_high": 0.74, "p_value": 0.001, "p_relation": "<"}])
    add("effect", "The relative risk of relapse was 0.66 (95% CI 0.49 to 0.89).",
        effects=[{"measure": "RR", "value": 0.66, "ci_low": 0.49, "ci_high": 0.89, "outcome": "relapse"}])
    add("effect", "The hazard ratio for death was 0.74 (95% confidence interval, 0.61 to 0.90; P=0.002).",
        effects=[{"measure": "HR", "value": 0.74, "ci_low": 0.61, "ci_high": 0.90, "p_value": 0.002, "p_relation": "="}])
    add("effect", "Each 10 mmHg rise in systolic pressure raised the hazard of stroke (HR per 10 mmHg 1.27, 95% CI "
                  "1.19–1.36).", effects=[{"measure": "HR", "value": 1.27, "ci_low": 1.19, "ci_high": 1.36}])
    add("effect", "The between-group difference in FEV1 was 112 mL (95% CI 64 to 160; P<0.001).",
        effects=[{"measure": "MD", "value": 112, "ci_low": 64, "ci_high": 160, "p_value": 0.001, "p_relation": "<"}])
    add("effect", "Treatment shortened the hospital stay by a mean of 1.9 days (95% CI 0.8 to 3.0).",
        effects=[{"measure": "MD", "value": 1.9, "ci_low": 0.8, "ci_high": 3.0}])
    add("effect", "The OR for any adverse event was 1,35 (IC 95%: 1,10-1,66).",
        effects=[{"measure": "OR", "value": 1.35, "ci_low": 1.10, "ci_high": 1.66}])
    add("effect", "Risk of infection: RR 0·58 (95% CI 0·43–0·78); p=0·0003.",
        effects=[{"measure": "RR", "value": 0.58, "ci_low": 0.43, "ci_high": 0.78, "p_value": 0.0003, "p_relation": "="}])
    add("effect", "The mean difference was \u22120.8 kg/m2 (95% CI \u22121.3 to \u22120.3).",
        effects=[{"measure": "MD", "value": -0.8, "ci_low": -1.3, "ci_high": -0.3}])
    add("effect", "Pooled OR 1.56, 95% CI 1.21–2.01, I2 = 48%.", effects=[{"measure": "OR", "value": 1.56, "ci_low": 1.21, "ci_high": 2.01}])
    add("effect", "Statin use was not associated with dementia (HR 0.97; 95% CI 0.88-1.07; NS).",
        effects=[{"measure": "HR", "value": 0.97, "ci_low": 0.88, "ci_high": 1.07, "p_ns": True}])
    add("effect", "Overall survival did not differ (hazard ratio 1.04, 95% CI 0.87–1.24, not significant).",
        effects=[{"measure": "HR", "value": 1.04, "ci_low": 0.87, "ci_high": 1.24, "p_ns": True}])


def more_effects() -> None:
    """Second batch: house styles of the CI's name, p-value spellings, and measures told in words."""
    E = dict  # noqa: N806
    for text, eff in [
        ("Death: HR: 0.75; 95% CI: 0.61, 0.92.", E(measure="HR", value=0.75, ci_low=0.61, ci_high=0.92)),
        ("Relapse was less likely (OR 2.1 (1.3 to 3.4)).", E(measure="OR", value=2.1, ci_low=1.3, ci_high=3.4)),
        ("RR 0.80 [0.64; 1.01] for stroke.", E(measure="RR", value=0.8, ci_low=0.64, ci_high=1.01)),
        ("RR = 0.80, CI 95% [0.64 - 1.01].", E(measure="RR", value=0.8, ci_low=0.64, ci_high=1.01)),
        ("The odds were 2.3 times higher (95% CI 1.4-3.8).", E(measure="OR", value=2.3, ci_low=1.4, ci_high=3.8)),
        ("Mortality fell (HR 0.75, 95% CI 0.61-0.92, P = 0.04, two-tailed).",
         E(measure="HR", value=0.75, ci_low=0.61, ci_high=0.92, p_value=0.04, p_relation="=")),
        ("Falls were fewer (RR 0.7, 95% CI 0.5-0.9; p-value: 0.001).",
         E(measure="RR", value=0.7, ci_low=0.5, ci_high=0.9, p_value=0.001, p_relation="=")),
        ("Risk rose with dose (OR 1.2, 95% CI 1.1-1.3; P (trend) = 0.01).",
         E(measure="OR", value=1.2, ci_low=1.1, ci_high=1.3, p_value=0.01, p_relation="=")),
        ("Sleep did not differ (MD 0.2 h, 95% CI -0.1 to 0.5; p = NS).",
         E(measure="MD", value=0.2, ci_low=-0.1, ci_high=0.5, p_ns=True)),
        ("Survival improved (HR 0.52, 95% CI 0.41-0.66; P-value < 0.0001).",
         E(measure="HR", value=0.52, ci_low=0.41, ci_high=0.66, p_value=0.0001, p_relation="<")),
        ("Risk was higher (OR 1.9; 95% CI 1.4-2.6; p ≤ 0.001).",
         E(measure="OR", value=1.9, ci_low=1.4, ci_high=2.6, p_value=0.001, p_relation="<=")),
        ("The variant was associated with asthma (OR 1.31, 95% CI 1.19-1.44, P=1.2×10−6).",
         E(measure="OR", value=1.31, ci_low=1.19, ci_high=1.44, p_value=1.2e-6, p_relation="=", outcome="asthma")),
        ("The locus was associated with gout (OR 1.22, 95% CI 1.10-1.35; P = 2e-4).",
         E(measure="OR", value=1.22, ci_low=1.10, ci_high=1.35, p_value=2e-4, p_relation="=", outcome="gout")),
        ("Odds Ratio 1.45 (95% C.I. 1.10-1.91).", E(measure="OR", value=1.45, ci_low=1.10, ci_high=1.91)),
        ("OR 1.45 (CI95% 1.10-1.91).", E(measure="OR", value=1.45, ci_low=1.10, ci_high=1.91)),
        ("OR 1.45 (95% CI [1.10, 1.91]).", E(measure="OR", value=1.45, ci_low=1.10, ci_high=1.91)),
        ("The hazard ratio = 0.68 (95% confidence limits 0.52, 0.89).", E(measure="HR", value=0.68, ci_low=0.52, ci_high=0.89)),
        ("It gave an absolute risk reduction of 4.5% (95% CI 1.2% to 7.8%).", E(measure="RD", value=4.5, ci_low=1.2, ci_high=7.8)),
        ("The NNT was 22 (95% CI 13 to 71).", E(measure="NNT", value=22, ci_low=13, ci_high=71)),
        ("MD −0.5 mmol/L (95% CI −0.8 to −0.2) for fasting glucose.", E(measure="MD", value=-0.5, ci_low=-0.8, ci_high=-0.2)),
        ("IRR 1.21 (1.05; 1.39) for emergency visits.", E(measure="IRR", value=1.21, ci_low=1.05, ci_high=1.39)),
        ("The adjusted odds ratio (aOR) was 1.8 (95% CI 1.2–2.7).", E(measure="OR", value=1.8, ci_low=1.2, ci_high=2.7, adjusted=True)),
        ("Anaemia predicted transfusion (OR: 3.4, 95%CI: 1.9-6.1, p<0.001).",
         E(measure="OR", value=3.4, ci_low=1.9, ci_high=6.1, p_value=0.001, p_relation="<")),
        ("SMD −0.32 (95% CI −0.50 to −0.14; I² = 41%).", E(measure="SMD", value=-0.32, ci_low=-0.5, ci_high=-0.14)),
        ("HR 1.04 (95% CI, 0.91 to 1.19; P=.55).", E(measure="HR", value=1.04, ci_low=0.91, ci_high=1.19, p_value=0.55, p_relation="=")),
    ]:
        add("effect", text, effects=[eff])


def inconsistent() -> None:
    """Internal inconsistency: the estimate outside its CI, bounds reversed, a ratio at or below 0, a CI and a
    p-value that disagree, a rate and its percentage that disagree. Each is flagged."""
    for text, eff in [
        ("Mortality was lower (HR 0.45, 95% CI 0.61-0.92).", {"measure": "HR", "value": 0.45, "ci_low": 0.61, "ci_high": 0.92}),
        ("The odds of relapse rose (OR 3.2, 95% CI 1.1 to 2.9).", {"measure": "OR", "value": 3.2, "ci_low": 1.1, "ci_high": 2.9}),
        ("RR 1.40 (95% CI 1.52-2.10) for any fracture.", {"measure": "RR", "value": 1.4, "ci_low": 1.52, "ci_high": 2.1}),
        ("The mean difference was -2.1 mmHg (95% CI -1.5 to 0.4).", {"measure": "MD", "value": -2.1, "ci_low": -1.5, "ci_high": 0.4}),
        ("The hazard ratio was 0.80 (95% CI 0.95 to 0.70).", {"measure": "HR", "value": 0.8, "ci_low": 0.95, "ci_high": 0.7}),
        ("Stroke was less frequent (HR 0.88, 95% CI 0.74-1.05; P=0.003).", {"measure": "HR", "value": 0.88, "ci_low": 0.74, "ci_high": 1.05}),
        ("Infection was more frequent (OR 1.9, 95% CI 1.3-2.8; P=0.41).", {"measure": "OR", "value": 1.9, "ci_low": 1.3, "ci_high": 2.8}),
        ("aOR 0.5 (95% CI 0.6–0.9) for the composite outcome.", {"measure": "OR", "value": 0.5, "ci_low": 0.6, "ci_high": 0.9, "adjusted": True}),
        ("The IRR was 2.6 (95% CI 1.2 to 2.2).", {"measure": "IRR", "value": 2.6, "ci_low": 1.2, "ci_high": 2.2}),
        ("Pain fell by 1.2 points more (mean difference 1.2, 95% CI 1.4 to 3.0).", {"measure": "MD", "value": 1.2, "ci_low": 1.4, "ci_high": 3.0}),
        ("Readmission: RR 0.72 (0.75–0.98).", {"measure": "RR", "value": 0.72, "ci_low": 0.75, "ci_high": 0.98}),
        ("The hazard ratio was 1.31 [95% CI, 0.91 to 1.29].", {"measure": "HR", "value": 1.31, "ci_low": 0.91, "ci_high": 1.29}),
    ]:
        add("inconsistent", text, effects=[eff], flagged=True)
    for text, eff in [
        ("Mortality was lower (HR 0.75, 95% CI 0.61-0.92).", {"measure": "HR", "value": 0.75, "ci_low": 0.61, "ci_high": 0.92}),
        ("The odds of relapse rose (OR 2.2, 95% CI 1.1 to 2.9; P=0.02).", {"measure": "OR", "value": 2.2, "ci_low": 1.1, "ci_high": 2.9}),
        ("The mean difference was -2.1 mmHg (95% CI -3.5 to -0.7).", {"measure": "MD", "value": -2.1, "ci_low": -3.5, "ci_high": -0.7}),
        ("Stroke did not differ (HR 0.96, 95% CI 0.81-1.14; P=0.64).", {"measure": "HR", "value": 0.96, "ci_low": 0.81, "ci_high": 1.14}),
    ]:
        add("inconsistent", text, effects=[eff], flagged=False)


def rates() -> None:
    for text, rates, p in [
        ("Death occurred in 12/120 (10%) vs 20/118 (17%) patients (p=0.12).", [(12, 120, 10), (20, 118, 17)], 0.12),
        ("Remission was achieved by 45 of 150 (30.0%) versus 27 of 149 (18.1%) participants (P = .02).", [(45, 150, 30.0), (27, 149, 18.1)], 0.02),
        ("Infection rates were 10% (12/120) and 17% (20/118), respectively (P=0.04).", [(12, 120, 10), (20, 118, 17)], 0.04),
        ("Bleeding occurred in 1,234/10,000 (12.3%) vs 1,021/10,012 (10.2%) (p<0.001).", [(1234, 10000, 12.3), (1021, 10012, 10.2)], 0.001),
        ("Seizure freedom: 33/64 (51.6%) with the drug and 18/65 (27.7%) with placebo; P = .006.", [(33, 64, 51.6), (18, 65, 27.7)], 0.006),
        ("Wound infection developed in 8 out of 97 (8.2%) and 19 out of 101 (18.8%) patients (P=0.03).", [(8, 97, 8.2), (19, 101, 18.8)], 0.03),
        ("The primary outcome occurred in 214 of 2,373 patients (9.0%) and 287 of 2,371 (12.1%) (p<0.001).", [(214, 2373, 9.0), (287, 2371, 12.1)], 0.001),
        ("Readmission rates were 15/80 (18.8%) vs 22/82 (26.8%), P = 0.22.", [(15, 80, 18.8), (22, 82, 26.8)], 0.22),
        ("Success: 56/70 [80.0%] vs 41/69 [59.4%]; p = 0.008.", [(56, 70, 80.0), (41, 69, 59.4)], 0.008),
        ("Nausea was reported by 30 (25%) of 120 and 12 (10%) of 118 patients (P = .003).", [(30, 120, 25), (12, 118, 10)], 0.003),
        ("Relapse occurred in 9·8% (14/143) vs 21·7% (31/143) (p=0·007).", [(14, 143, 9.8), (31, 143, 21.7)], 0.007),
        ("Mortality was 4/50 (8%) in the early group versus 11/52 (21%) in the delayed group (P = .06).", [(4, 50, 8), (11, 52, 21)], 0.06),
        ("Of 210 patients given the vaccine, 7 (3.3%) were infected, compared with 25 of 205 (12.2%) given placebo (P<0.001).", [(7, 210, 3.3), (25, 205, 12.2)], 0.001),
        ("Response rates were 62% versus 48% (p = 0.03).", [(None, None, 62), (None, None, 48)], 0.03),
        ("Complications were less common after laparoscopy (11.5% vs 19.2%, P = .01).", [(None, None, 11.5), (None, None, 19.2)], 0.01),
        ("Adherence was 87% in the app arm and 71% in the usual-care arm (P<0.001).", [(None, None, 87), (None, None, 71)], 0.001),
        ("Dyspnoea resolved in 40.2% compared with 28.9% of controls (p=0.02).", [(None, None, 40.2), (None, None, 28.9)], 0.02),
        ("Falls: 18/200 (9.0%) vs 31/198 (15.7%); P = .04.", [(18, 200, 9.0), (31, 198, 15.7)], 0.04),
        ("Pregnancy rates were 38/95 (40%) and 25/96 (26%) (P value of 0.04).", [(38, 95, 40), (25, 96, 26)], 0.04),
        ("Clinical cure was seen in 88/100 (88.0%) vs 79/100 (79.0%) (P = 0.09).", [(88, 100, 88.0), (79, 100, 79.0)], 0.09),
        ("The event rate was 3.4% versus 5.1% (P=.002).", [(None, None, 3.4), (None, None, 5.1)], 0.002),
        ("Thrombosis occurred in 2/45 (4%) vs 9/47 (19%), p=0.03.", [(2, 45, 4), (9, 47, 19)], 0.03),
        ("Hypoglycaemia was more frequent with insulin (23/150 [15.3%] vs 8/148 [5.4%]; P = .005).", [(23, 150, 15.3), (8, 148, 5.4)], 0.005),
        ("Adverse events: 101 of 250 (40.4%) vs 96 of 251 (38.2%); P = 0.62.", [(101, 250, 40.4), (96, 251, 38.2)], 0.62),
        ("Smoking cessation at 6 months was 21.3% vs 12.6% (p < .001).", [(None, None, 21.3), (None, None, 12.6)], 0.001),
        ("Fewer patients needed rescue analgesia (14 of 60 [23%] vs 29 of 61 [48%]; P = .006).", [(14, 60, 23), (29, 61, 48)], 0.006),
        ("Amputation-free survival was 71% versus 66% (P = 0.35).", [(None, None, 71), (None, None, 66)], 0.35),
        ("Intubation was required in 5/62 (8.1%) and 14/60 (23.3%) (p = 0.02).", [(5, 62, 8.1), (14, 60, 23.3)], 0.02),
        ("Recurrence: 3 of 41 (7%) vs 10 of 43 (23%); P = 0.04.", [(3, 41, 7), (10, 43, 23)], 0.04),
        ("Complete response was 45.5% vs 30.1% (P=0.01).", [(None, None, 45.5), (None, None, 30.1)], 0.01),
        ("Of the 90 women, 4 (4.4%) had a stillbirth compared with 11 of the 88 (12.5%) in the control arm (p = 0.05).", [(4, 90, 4.4), (11, 88, 12.5)], 0.05),
        ("Delirium occurred in 17.6% vs 29.4% (P < 0.05).", [(None, None, 17.6), (None, None, 29.4)], 0.05),
    ]:
        add("rate", text, p_value=p, rates=[{"events": e, "total": t, "percent": float(c)} for e, t, c in rates])
    # a rate whose percentage does not match its count: flagged
    for text in ["Death occurred in 12/120 (15%) vs 20/118 (17%) (P = 0.2).",
                 "Cure: 45 of 150 (45.0%) versus 27 of 149 (18.1%); p<0.001.",
                 "Nausea: 30/60 (40%) vs 12/58 (20.7%), P=0.02."]:
        add("rate", text, flagged=True)


def pct_ci() -> None:
    """Proportions with a CI: descriptive estimates, not effect measures; none may be read as one."""
    for text in [
        "The pooled prevalence was 23.4% (95% CI 19.8-27.1%).",
        "Sensitivity was 87% (95% CI 81% to 92%) and specificity 74% (95% CI 69% to 79%).",
        "Five-year survival was 64.2% (95% CI, 60.1%-68.0%).",
        "The cumulative incidence at 10 years was 8.1% (95% CI 6.9–9.4).",
        "Adherence reached 78% (95% confidence interval 72 to 83).",
        "The positive predictive value was 0.81 (95% CI 0.74-0.87).",
        "Seroprevalence was 12·5% (95% CI 10·9–14·2).",
        "The area under the curve was 0.84 (95% CI 0.79 to 0.88).",
        "Mean HbA1c at baseline was 8.1% (95% CI 7.9-8.3).",
        "Response rate 41% (95% CI 33–49) in the single-arm cohort.",
        "The kappa statistic was 0.72 (95% CI 0.65 to 0.79).",
        "One-year mortality was 18.3% [95% CI, 15.2%-21.8%].",
        "The pooled proportion was 0.31 (95% CI: 0.24, 0.39).",
        "The intraclass correlation coefficient was 0.91 (95% CI 0.86-0.94).",
        "Median overall survival was 14.2 months (95% CI 11.8-16.9).",
    ]:
        add("pct_ci", text)


def main() -> None:
    effects()
    more_effects()
    inconsistent()
    rates()
    pct_ci()
    build_methods.population(add)
    build_methods.registrations(add)
    build_methods.blinding(add)
    build_methods.negatives(add)
    header = ("# Session 24b (issue 15): reporting formats, BREADTH dev list, written by build.py (own sentences,\n"
              "# none copied from any data file). kind: effect | inconsistent | rate | pct_ci | n | sex | age |\n"
              "# registration | blinding | negative. Scored by score.py.\n")
    OUT.write_text(header + yaml.safe_dump(ROWS, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    print(len(ROWS), {k: sum(r["kind"] == k for r in ROWS) for k in dict.fromkeys(r["kind"] for r in ROWS)})


if __name__ == "__main__":
    main()
