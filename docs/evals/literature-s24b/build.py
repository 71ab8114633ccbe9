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


def population() -> None:
    for text, n in [
        ("A total of 1234 participants were enrolled.", 1234), ("We randomly assigned 2,406 patients to the two groups.", 2406),
        ("Overall, 812 adults were included in the analysis (n = 812).", 812), ("The study population comprised 3 518 women.", 3518),
        ("We enrolled 460 children aged 2 to 12 years.", 460), ("In total, 97 patients were randomised.", 97),
        ("Of 3,412 patients screened, 2,890 were enrolled.", 2890), ("Data from 15,672 individuals were analysed.", 15672),
        ("The cohort consisted of 5,084 veterans.", 5084), ("Two hundred and forty patients were randomly allocated.", 240),
        ("Forty-two volunteers were recruited.", 42), ("A sample of 1,102 respondents completed the survey.", 1102),
        ("Between 2015 and 2019, 318 consecutive patients underwent surgery.", 318),
        ("Patients (n = 1,234) were followed for a median of 4 years.", 1234),
        ("We studied 64 eyes of 64 patients.", 64), ("In all, 520 pregnant women were recruited.", 520),
        ("We identified 27,310 adults with type 2 diabetes.", 27310), ("There were 1,876 participants in the final sample.", 1876),
        ("The trial randomly assigned 4,744 patients with heart failure.", 4744), ("Of these, 356 were randomised.", 356),
        ("A total of 12 537 patients were included.", 12537), ("We recruited 150 nurses from three hospitals.", 150),
        ("Seventy-five patients were randomly assigned to early or delayed treatment.", 75),
        ("The analysis included 9,201 women from 42 centres.", 9201), ("Eighty subjects were studied.", 80),
        ("Participants (N=640) were randomised 1:1.", 640), ("We analysed 2,038 survivors of cardiac arrest.", 2038),
        ("A total of 301 infants were enrolled at birth.", 301), ("The sample included 1,450 students.", 1450),
        ("In this registry, 33,402 patients were identified.", 33402), ("We evaluated 212 consecutive adults.", 212),
        ("Fifty-eight children (n = 58) completed the programme.", 58), ("A total of 1,000 respondents were surveyed.", 1000),
        ("We enrolled 86 patients, of whom 80 were randomised.", 80), ("The study included 445 cases and 890 controls.", 1335),
        ("Among 3,015 eligible women, 2,770 were enrolled.", 2770), ("We followed 6,328 men for a median of 11 years.", 6328),
        ("A total of 128 patients (64 per group) were randomised.", 128), ("Overall, 1,207 subjects were evaluated.", 1207),
        ("The final cohort comprised 7,612 individuals.", 7612),
    ]:
        add("n", text, n=n)
    for text, pct in [
        ("Of 1234 participants, 52.3% were women.", 52.3), ("The 1234 participants (52.3% women) had a mean BMI of 31.", 52.3),
        ("Of the 800 patients enrolled, 412 were women and 388 were men.", 51.5), ("The cohort included 618 women and 616 men.", 50.1),
        ("We enrolled 240 patients (58% female).", 58.0), ("Of the participants, 47.9% were female.", 47.9),
        ("A total of 310 adults (61% men) were included.", 39.0), ("Of 420 patients, 230 (54.8%) were women.", 54.8),
        ("The sample of 96 children included 50 boys and 46 girls.", 47.9), ("Women made up 36% of the cohort.", 36.0),
        ("We included 1,520 patients (female, 44.1%).", 44.1), ("Participants were 60% male.", 40.0),
        ("We randomised 204 patients (102 men, 102 women).", 50.0), ("Of the 75 subjects, 30 were female.", 40.0),
        ("The study enrolled 500 women with breast cancer.", 100.0), ("A total of 640 men were recruited.", 0.0),
        ("Of 2,000 respondents, 1,140 (57.0%) were female.", 57.0), ("The cohort (n = 912; 49.5% women) was followed for 5 years.", 49.5),
        ("Sex: 71 male, 29 female.", 29.0), ("Of the patients, 66.7% were men.", 33.3),
        ("We studied 150 patients (male:female = 2:1).", 33.3), ("Ninety-six participants (54 women, 42 men) completed the study.", 56.2),
        ("The mean age was 61 years and 45% were women.", 45.0), ("The 380 patients (40.5% female) were randomised.", 40.5),
        ("A total of 1,012 patients were included, of whom 523 (51.7%) were women.", 51.7),
        ("Female sex: 38.2%.", 38.2), ("The population was 55% female and 45% male.", 55.0),
        ("We recruited 88 pregnant women.", 100.0), ("There were 12 women and 36 men.", 25.0), ("63% of participants were women.", 63.0),
    ]:
        add("sex", text, female_pct=pct)
    for text, age in [
        ("Participants were aged 45 ± 12 years.", {"stat": "mean", "value": 45}),
        ("The median age was 63 years (IQR 55-71).", {"stat": "median", "value": 63}),
        ("Median age 63 (IQR 55-71) years.", {"stat": "median", "value": 63}),
        ("The mean age, 58.1 years, was similar in both groups.", {"stat": "mean", "value": 58.1}),
        ("Mean age, 58.1 years; 44% women.", {"stat": "mean", "value": 58.1}),
        ("The mean (SD) age was 61.2 (9.8) years.", {"stat": "mean", "value": 61.2}),
        ("Mean (SD) age, 67.4 (8.1) years.", {"stat": "mean", "value": 67.4}),
        ("Patients had a mean age of 54±9 years.", {"stat": "mean", "value": 54}),
        ("The patients were 63.4 ± 8.2 years old.", {"stat": "mean", "value": 63.4}),
        ("The median age of the cohort was 71 years.", {"stat": "median", "value": 71}),
        ("The average age was 47 years.", {"stat": "mean", "value": 47}),
        ("Adults aged 18-65 years were eligible.", {"stat": "range", "low": 18, "high": 65}),
        ("Women aged 40 to 74 years were invited.", {"stat": "range", "low": 40, "high": 74}),
        ("We included people aged 65 years and older.", {"stat": "min", "low": 65}),
        ("Patients aged ≥65 years were enrolled.", {"stat": "min", "low": 65}),
        ("Age (mean ± SD) was 52.3 ± 10.1 years.", {"stat": "mean", "value": 52.3}),
        ("Mean age was 72·5 years.", {"stat": "mean", "value": 72.5}),
        ("The median (IQR) age was 66 (58–74) years.", {"stat": "median", "value": 66}),
        ("Median age: 59 years (range 21-88).", {"stat": "median", "value": 59}),
        ("Participants (mean age 34.6 years, 51% women) were recruited online.", {"stat": "mean", "value": 34.6}),
        ("The mean age of the participants was 44.2 years.", {"stat": "mean", "value": 44.2}),
        ("Children aged 6 months to 5 years were enrolled.", {"stat": "range", "low": 0.5, "high": 5}),
        ("Their age ranged from 19 to 83 years.", {"stat": "range", "low": 19, "high": 83}),
        ("The cohort had a median age of 8.5 years (IQR 5.2–12.1).", {"stat": "median", "value": 8.5}),
        ("Age, median (IQR): 62 (54–70) years.", {"stat": "median", "value": 62}),
        ("Mean age ± SD: 39.7 ± 11.3 years.", {"stat": "mean", "value": 39.7}),
        ("The 240 patients had a mean age of 70 years.", {"stat": "mean", "value": 70}),
        ("Participants were 50 years or older.", {"stat": "min", "low": 50}),
        ("Eligible patients were older than 18 years.", {"stat": "min", "low": 18}),
        ("Ages ranged from 2 to 17 years.", {"stat": "range", "low": 2, "high": 17}),
        ("Mean age at diagnosis was 56 years.", {"stat": "mean", "value": 56}),
        ("Median age at enrolment was 33 years (range 18-49).", {"stat": "median", "value": 33}),
        ("Patients were aged between 20 and 60 years.", {"stat": "range", "low": 20, "high": 60}),
        ("They were on average 68.3 years old.", {"stat": "mean", "value": 68.3}),
        ("The mean age was 7,4 years.", {"stat": "mean", "value": 7.4}),
    ]:
        add("age", text, age=age)


def registrations() -> None:
    for text, rid in [
        ("This trial is registered with ClinicalTrials.gov, NCT01234567.", "NCT01234567"),
        ("ClinicalTrials.gov number, NCT02345678.", "NCT02345678"), ("Trial registration: NCT 03456789.", "NCT03456789"),
        ("Registered at clinicaltrials.gov (identifier: NCT04567890).", "NCT04567890"),
        ("Current Controlled Trials ISRCTN12345678.", "ISRCTN12345678"), ("Trial registration ISRCTN 23456789.", "ISRCTN23456789"),
        ("ISRCTN registry: ISRCTN34567890.", "ISRCTN34567890"),
        ("Australian New Zealand Clinical Trials Registry: ACTRN12615000123456.", "ACTRN12615000123456"),
        ("Registered with ANZCTR (ACTRN12618001234567).", "ACTRN12618001234567"),
        ("Chinese Clinical Trial Registry: ChiCTR1800012345.", "ChiCTR1800012345"),
        ("The study was registered (ChiCTR-IOR-17011234).", "ChiCTR-IOR-17011234"),
        ("ChiCTR2000029308 registered the protocol.", "ChiCTR2000029308"),
        ("EudraCT 2015-001234-56.", "2015-001234-56"), ("EudraCT number: 2016-002345-12.", "2016-002345-12"),
        ("EudraCT No. 2012-003456-78 covers the trial.", "2012-003456-78"), ("EudraCT number, 2019-004567-33.", "2019-004567-33"),
        ("Clinical Trials Registry of India: CTRI/2018/05/013456.", "CTRI/2018/05/013456"),
        ("Registered with CTRI (CTRI/2020/07/026789).", "CTRI/2020/07/026789"),
        ("German Clinical Trials Register DRKS00012345.", "DRKS00012345"), ("DRKS-ID: DRKS00023456.", "DRKS00023456"),
        ("Japan Registry of Clinical Trials jRCT2031190123.", "jRCT2031190123"), ("Registered as jRCTs031180045.", "jRCTs031180045"),
        ("UMIN Clinical Trials Registry: UMIN000012345.", "UMIN000012345"), ("Netherlands Trial Register NTR4567.", "NTR4567"),
        ("Iranian Registry of Clinical Trials: IRCT20150101012345N2.", "IRCT20150101012345N2"),
        ("PROSPERO registration number CRD42019123456.", "CRD42019123456"), ("PROSPERO CRD42021234567.", "CRD42021234567"),
        ("Pan African Clinical Trials Registry PACTR201801002345678.", "PACTR201801002345678"),
        ("Clinical Research Information Service, KCT0001234.", "KCT0001234"),
        ("Thai Clinical Trials Registry TCTR20180101001.", "TCTR20180101001"),
        ("Registered on the Netherlands Trial Register (NL7890).", "NL7890"),
        ("Brazilian Registry of Clinical Trials (ReBEC) RBR-8xk3fp.", "RBR-8xk3fp"),
        ("EU CT number 2022-500123-45-00.", "2022-500123-45-00"),
        ("Trial registration: ClinicalTrials.gov Identifier: NCT05678901; registered 3 March 2021.", "NCT05678901"),
        ("Registration: Sri Lanka Clinical Trials Registry SLCTR/2019/012.", "SLCTR/2019/012"),
    ]:
        add("registration", text, registration=rid)


def blinding() -> None:
    for text, kind in [
        ("In this double-blind, placebo-controlled trial, adults were randomised.", "double-blind"),
        ("A randomised, double-masked, sham-controlled trial.", "double-blind"),
        ("We did a multicentre, double blind, randomised trial.", "double-blind"),
        ("This was a double-blinded crossover study.", "double-blind"),
        ("Patients, investigators, and outcome assessors were masked to treatment allocation.", "double-blind"),
        ("Both participants and investigators were blinded to group assignment.", "double-blind"),
        ("A single-blind randomised trial in primary care.", "single-blind"),
        ("This single-masked pilot study enrolled 40 patients.", "single-blind"),
        ("In this assessor-blinded randomised trial, patients received physiotherapy.", "single-blind"),
        ("An observer-blind, randomised study of two vaccines.", "single-blind"),
        ("Outcome assessors were blinded to treatment allocation.", "single-blind"),
        ("The radiologists who read the scans were masked to group assignment.", "single-blind"),
        ("We conducted an investigator-blinded trial.", "single-blind"),
        ("A randomised, evaluator-blinded, non-inferiority trial.", "single-blind"),
        ("Participants were blinded to their allocation, but the surgeons were not.", "single-blind"),
        ("In this open-label, randomised, phase 3 trial, patients were assigned.", "open-label"),
        ("This was an open label pragmatic trial.", "open-label"),
        ("An unblinded randomised controlled trial.", "open-label"),
        ("The trial was not blinded.", "open-label"),
        ("A pragmatic, non-blinded, cluster-randomised trial.", "open-label"),
        ("Neither patients nor clinicians were masked.", "open-label"),
        ("The study was open, with blinded endpoint evaluation (PROBE design).", "single-blind"),
        ("A triple-blind randomised placebo-controlled trial.", "triple-blind"),
        ("In this triple-masked trial, participants, care providers and analysts were unaware of allocation.", "triple-blind"),
        ("A randomised, placebo-controlled, double-dummy trial.", "double-blind"),
        ("Treatment allocation was concealed from patients and assessors (double-blind).", "double-blind"),
        ("This phase 2b, randomized, double-blind study.", "double-blind"),
        ("The study was a prospective, randomized, open, blinded end-point trial.", "single-blind"),
        ("Patients and care providers were unaware of group assignment.", "double-blind"),
        ("This open-labelled trial compared two regimens.", "open-label"),
        ("A randomised, blinded-endpoint trial.", "single-blind"),
        ("An outcome-assessor-masked randomised trial.", "single-blind"),
    ]:
        add("blinding", text, blinding=kind)


def negatives() -> None:
    """Sentences with numbers that are no effect estimate and no p-value: dates, doses, ages, follow-up, counts,
    percentages of people, scales and units. Nothing may be read as an effect (or a p-value)."""
    for text in [
        "Patients were enrolled between January 2015 and March 2018.",
        "Participants received 10 mg of the drug once daily for 12 weeks.",
        "Adults aged 18 to 75 years with type 2 diabetes were eligible.",
        "95% of patients completed the follow-up.",
        "Follow-up ranged from 6 to 48 months.",
        "The median follow-up was 3.2 years (range 0.5-7.8).",
        "Blood pressure was measured at 0, 4, 8 and 12 weeks.",
        "The dose was titrated from 2.5 mg to 10 mg over 4 weeks.",
        "Samples were stored at −80 °C until analysis.",
        "The study was conducted from 1 April 2019 to 31 March 2021.",
        "Inclusion required a BMI of 30-40 kg/m2.",
        "Patients with an eGFR below 30 mL/min/1.73 m2 were excluded.",
        "Questionnaires were returned by 812 of 1,020 invitees.",
        "The trial was powered at 90% to detect a 15% relative reduction.",
        "A two-sided alpha of 0.05 was used.",
        "The sample size of 240 gave 80% power.",
        "Doses of 0.5, 1.0 and 2.0 mg/kg were compared.",
        "HbA1c had to be between 7.0% and 10.5% at screening.",
        "Patients were seen on days 1, 7, 14 and 28.",
        "Version 9.4 of SAS (SAS Institute, Cary, NC) was used.",
        "Data were analysed with R version 4.2.1.",
        "The intervention lasted 6-8 weeks.",
        "Infusions of 500 mL were given over 30 minutes.",
        "The mean length of stay was 5.4 days.",
        "Ethics approval was granted on 12 May 2017 (reference 17/LO/0123).",
        "Participants walked 6,000 to 8,000 steps per day.",
        "Systolic pressure of 140-159 mmHg defined stage 1 hypertension.",
        "Respondents rated pain on a 0-10 numerical scale.",
        "The Hospital Anxiety and Depression Scale (range 0-21) was used.",
        "The recruitment target was 1,500 by 2020.",
        "Of the clinics invited, 90% agreed to take part.",
        "Approximately 30% of adults worldwide have hypertension.",
        "Patients received 2 to 4 cycles of chemotherapy.",
        "The cohort was followed up for 10–15 years.",
        "Imaging was repeated at 3, 6 and 12 months.",
        "A 1:1 allocation ratio was used with blocks of 4 and 6.",
        "The study took place in 12 hospitals in 5 countries.",
        "We excluded 45 patients (3.2%) with missing data.",
        "Vitamin D 50,000 IU was given weekly for 8 weeks.",
        "The cut-off for positivity was 0.35 ng/mL.",
        "Glucose was measured after a 75 g oral load.",
        "The response window was 2 to 6 hours after dosing.",
        "Ages ranged from 18 to 90, and 60% were retired.",
        "Scores range from 0 to 100, with higher scores indicating better function.",
        "Participants were randomised in a 2:1 ratio.",
        "Enrolment closed on 30 June 2022 after 3 years.",
        "Tablets contained 25 mg or 50 mg of the active substance.",
        "The questionnaire had 36 items in 8 domains.",
        "Telephone calls were made at weeks 2, 4 and 8.",
        "Radiotherapy of 60 Gy in 30 fractions was delivered.",
        "Oxygen saturation below 92% prompted admission.",
        "The survey was sent to 2,400 general practitioners in 2016.",
        "Heart rate was 72 ± 11 beats per minute at baseline.",
        "The baseline LDL cholesterol was 3.4 mmol/L (IQR 2.8-4.1).",
        "Mean baseline HbA1c was 8.2% (SD 1.1).",
        "Patients were aged 65 years or more and lived at home.",
        "A minimum clinically important difference of 10 points was prespecified.",
        "Half of the participants (50%) were smokers.",
        "The protocol was amended twice, in 2018 and 2019.",
        "Between 2010 and 2020, 412 procedures were performed.",
        "Pain was assessed at 1, 2, 6 and 24 h.",
        "The interquartile range of follow-up was 2.1 to 5.6 years.",
        "Dosing was 1 g every 8 hours intravenously.",
        "The median time to surgery was 36 hours (IQR 20-58).",
        "About 1 in 5 children had anaemia.",
        "The infusion rate was 0.1-0.3 µg/kg/min.",
        "Follow-up visits took place at 1 month, 6 months and 1 year.",
        "An 80% adherence threshold defined good adherence.",
        "Missing data (4.5%) were imputed 20 times.",
        "Patients were stratified by age (<65 vs ≥65 years).",
        "Women aged 50-69 years are invited to screening every 2 years.",
        "Tumours of 2-5 cm were included.",
        "The trial ran in 2 phases of 12 weeks each.",
        "Participants were paid 20 euros per visit.",
        "The eligibility window was 4–12 weeks after stroke onset.",
        "In 2019, 3.2 million people were living with the condition.",
        "Blood was drawn at 8 am after a 12-hour fast.",
        "The mean score improved from 42 to 58 points.",
        "Compliance was 92% in both arms.",
        "Serum sodium fell from 138 to 131 mmol/L.",
        "The drug was given at 0.4 mg/kg (maximum 20 mg).",
        "A total of 17 sites in 3 countries recruited patients.",
        "The 30-day readmission rate was 14%.",
        "Randomisation used permuted blocks of sizes 2, 4 and 6.",
        "Patients were followed for up to 5 years (median 3.1).",
        "Room temperature was kept at 20-22 °C.",
        # abbreviations shared with effect measures: heart and respiratory rate, the operating room, the PR interval,
        # and a sample-size assumption
        "Baseline HR was 72 (64-80) beats/min.",
        "Mean HR 81 ± 14 bpm and RR 19 (16-22) breaths/min were recorded at triage.",
        "Time in the OR was 135 (110-160) minutes.",
        "RR was 24/min on arrival.",
        "Heart rate (HR) 92 (80-104) bpm at baseline.",
        "Respiratory rate (RR) 22 (18-26) breaths per minute.",
        "The OR time averaged 88 (75-104) min.",
        "The PR interval was 172 (156-188) ms.",
        "We assumed an HR of 0.75 with 80% power.",
        "The sample size assumed an OR of 2.0 for the primary outcome.",
        "Odds ratios with 95% CIs were estimated by logistic regression.",
        "HRs and 95% CIs were calculated with Cox models.",
        "Effect sizes were computed as Cohen's d.",
        "The mean difference in age between groups was 2.1 years.",
        "A relative risk reduction of 25% was assumed in the sample size calculation.",
        "HR decreased from 88 to 74 beats per minute after the infusion.",
        "The trial gave a relative risk reduction of 22% (95% CI 8% to 34%).",
        "The odds were 3 times as high in smokers.",
    ]:
        add("negative", text)


def main() -> None:
    effects()
    more_effects()
    inconsistent()
    rates()
    pct_ci()
    population()
    registrations()
    blinding()
    negatives()
    header = ("# Session 24b (issue 15): reporting formats, BREADTH dev list, written by build.py (own sentences,\n"
              "# none copied from any data file). kind: effect | inconsistent | rate | pct_ci | n | sex | age |\n"
              "# registration | blinding | negative. Scored by score.py.\n")
    OUT.write_text(header + yaml.safe_dump(ROWS, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    print(len(ROWS), {k: sum(r["kind"] == k for r in ROWS) for k in dict.fromkeys(r["kind"] for r in ROWS)})


if __name__ == "__main__":
    main()
