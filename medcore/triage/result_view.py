"""What a triage result shows, decided in one place so the heading, the causes, the "about" text
and the safety net cannot disagree (the chat summary, the page and the phrasing prompt all use it).

Rules (numbers in assets/kb/triage/safety.yaml, `result`):
- a condition is called "most likely" only if it is the top of the posterior and at least
  `rank_min_p` likely; below that the result says it is too early to rank causes;
- a serious condition more acute than the heading is never listed as a likely cause with its own
  advice: it is shown "to rule out", with its warning signs and what to do if one appears;
- the "about" text carries a condition's self-care and when-to-get-help advice only when the
  condition's level is the heading's level (emergency self-care under a routine heading was the bug).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from medcore.triage.kb import LEVEL_RANK, LEVELS, KnowledgeBase
from medcore.triage.rules import LEVEL_TEXT, MASS_PHRASE
from medcore.triage.safety_rules import SafetyRules, rules_for
from medcore.triage.service import NON_COMPLAINT

DISCLAIMER = "This is not a diagnosis. If you get worse or are worried, seek medical help."
IF_SIGN = {"emergency": "Call an ambulance or go to the emergency department now if you get",
           "urgent": "See a doctor today if you get"}
LIKELY_MIN_P = 0.05  # smaller causes are not listed to a patient (the clinician view lists all)
SAFETY_NET_MAX_SIGNS = 6  # per level: a longer list is not read
SERIOUS_RANK = LEVEL_RANK["urgent"]  # "to rule out (less likely, but serious)": urgent or emergency conditions


@dataclass
class ResultView:
    level: str
    heading: str
    reason: str
    too_early: bool
    likely_label: str
    likely: list[dict] = field(default_factory=list)  # {id, name, probability, level, because}
    rule_out: list[dict] = field(default_factory=list)  # {id, name, probability, level, warning_signs}
    about: dict | None = None  # {id, name, what, self_care, seek_help}; advice keys only when levels agree
    safety_net: list[dict] = field(default_factory=list)  # {level, text, signs}
    disclaimer: str = DISCLAIMER

    def to_dict(self) -> dict:
        return asdict(self)


def _get(d, key):
    return d[key] if isinstance(d, dict) else getattr(d, key)


def build(kb: KnowledgeBase, rules: SafetyRules, result, anchor_lik: float = 0.5) -> ResultView:
    """`result` is a TriageResult or its to_dict(); `anchor_lik` is the engine's safety-net anchor
    (a serious condition presents with the complaint when P(complaint | condition) reaches it)."""
    level = _get(result, "triage")
    rank = LEVEL_RANK[level]
    diff = [d if isinstance(d, dict) else asdict(d) for d in _get(result, "differential")]
    findings = _get(result, "findings")
    present = {f["id"] for f in findings if f["present"]}
    absent = {f["id"] for f in findings if not f["present"]}
    complaints = {f["id"] for f in findings if f["present"] and f.get("origin") == "text"
                  and kb.finding(f["id"]).category not in NON_COMPLAINT}
    top_p = diff[0]["probability"] if diff else 0.0
    too_early = not diff or top_p < rules.rank_min_p

    likely, rule_out = [], []
    for d in diff:
        # more acute than the heading: never a plain "likely cause"; shown "to rule out" only when serious (urgent or
        # emergency). A routine condition under a self-care heading is no serious cause (session 23b: blepharitis was
        # told to rule out depression, anxiety and IBS, with warning signs and no line saying what to do): not shown
        if LEVEL_RANK[d["triage"]] < rank:
            if (LEVEL_RANK[d["triage"]] <= SERIOUS_RANK and d["probability"] >= rules.rule_out_min_p
                    and len(rule_out) < rules.rule_out_max):
                rule_out.append(_rule_out_item(kb, d, absent))
        elif not too_early and len(likely) < 3 and (d["probability"] >= LIKELY_MIN_P or not likely):
            likely.append({"id": d["id"], "name": d["condition"], "probability": d["probability"],
                           "level": d["triage"], "because": [x.lower() for x in d["evidence_for"][:3]]})
    first_is_top = bool(likely) and likely[0]["id"] == diff[0]["id"]
    if too_early:
        label = ("It is too early to rank the possible causes: what you have told me so far fits many "
                 "conditions, and none is clearly more likely than the others.")
    elif first_is_top:
        label = "Possible causes to discuss with a clinician, most likely first:"
    else:
        label = "Other possible causes to discuss with a clinician:"
    reason = _get(result, "triage_reason")
    if first_is_top and MASS_PHRASE in reason:
        reason = reason.rstrip(".") + f" (the most likely is {likely[0]['name']})."
    about = None
    if likely and first_is_top:
        c = kb.condition(likely[0]["id"])
        about = {"id": c.id, "name": c.name, "what": c.education["what"], "self_care": None, "seek_help": None}
        if c.triage == level:
            about["self_care"], about["seek_help"] = c.education["self_care"], c.education["seek_help"]
    person = (_get_opt(result, "age"), _get_opt(result, "sex"))
    net = _safety_net(kb, rank, rule_out, complaints, present, present | absent, anchor_lik, person,
                      diff if too_early else [])
    if too_early and not net and rank > LEVEL_RANK["urgent"] and rules.early_net_signs:
        net = [{"level": "urgent", "text": IF_SIGN["urgent"], "signs": list(rules.early_net_signs)}]
    return ResultView(level, LEVEL_TEXT[level], reason, too_early, label, likely, rule_out, about, net)


def _get_opt(d, key):
    return d.get(key) if isinstance(d, dict) else getattr(d, key, None)


def _rule_out_item(kb: KnowledgeBase, d: dict, absent: set[str]) -> dict:
    c = kb.condition(d["id"])
    signs = [kb.finding(f).name for f in c.red_flags if f not in absent]
    return {"id": c.id, "name": c.name, "probability": d["probability"], "level": c.triage, "warning_signs": signs,
            "checked_absent": [kb.finding(f).name for f in c.red_flags if f in absent]}


def _safety_net(kb: KnowledgeBase, rank: int, rule_out: list[dict], complaints: set[str], present: set[str],
                known: set[str], anchor_lik: float, person: tuple = (None, None),
                early_diff: list[dict] = ()) -> list[dict]:
    """Warning signs to act on, by level, from the serious conditions shown to rule out and from those
    that typically present with the person's own complaint. Signs already reported are left out.
    The complaint's conditions come most common first for this person's age and sex (prior x P(complaint |
    condition)), and those impossible for them (prior 0) not at all: session 23c, a 26-year-old woman's tummy ache
    listed a toddler's bowel emergency sign and pushed her own conditions' signs past the cap of 6 a level."""
    ids = [r["id"] for r in rule_out]
    cidx = [kb.finding_index[f] for f in complaints]
    if cidx:
        prior = kb.prior(*person)
        linked = [(float(kb.lik[ci, cidx].max()), float(prior[ci]), c.id) for ci, c in enumerate(kb.conditions)
                  if LEVEL_RANK[c.triage] < rank and c.id not in ids]
        ids += [cid for lik, p, cid in sorted(linked, key=lambda t: -t[0] * t[1]) if lik >= anchor_lik and p > 0]
    net = _signs_by_level(kb, rank, ids, present, known)
    if not net and early_diff:
        # "Show result now" too early to rank, and no serious condition typically presents with the complaint: the
        # safety net still names the warning signs of the serious causes the posterior holds for what was told
        # (issue 12: too early to rank causes, with the safety-net advice for the complaint)
        net = _signs_by_level(kb, rank, [d["id"] for d in early_diff if LEVEL_RANK[d["triage"]] < rank], present, known)
    return net


def _signs_by_level(kb: KnowledgeBase, rank: int, ids: list[str], present: set[str], known: set[str]) -> list[dict]:
    # a sign's level is what it would set if it appeared: its condition's level, or a red-flag rule's
    sign_rank: dict[str, int] = {}
    for cid in ids:
        c = kb.condition(cid)
        for f in c.red_flags:
            if f not in known:
                sign_rank[f] = min(sign_rank.get(f, 9), warning_sign_rank(kb, c, f, present))
    by_level: dict[str, list[str]] = {}
    for f, r in sorted(sign_rank.items(), key=lambda t: t[1]):  # stable: in the order of the conditions
        names = by_level.setdefault(LEVELS[r], [])
        if len(names) < SAFETY_NET_MAX_SIGNS:
            names.append(kb.finding(f).name.lower())
    return [{"level": lvl, "text": IF_SIGN[lvl], "signs": by_level[lvl]} for lvl in IF_SIGN
            if by_level.get(lvl) and LEVEL_RANK[lvl] < rank]


def warning_sign_rank(kb: KnowledgeBase, condition, fid: str, present: set[str] = frozenset()) -> int:
    """The level (as a rank) a warning sign of `condition` sets if it appears with `present`: the
    condition's own level, or a red-flag rule's when one fires (the chat's safety net and the
    education pages' "when to get help" both use this)."""
    ruled = [LEVEL_RANK[r.level] for r in kb.rules if r.fires(set(present) | {fid})]
    return min([LEVEL_RANK[condition.triage], *ruled])


def safety_line(level: str, signs: list[str]) -> str:
    """One safety-net line as the chat shows it: "See a doctor today if you get: a, b."."""
    return f"{IF_SIGN[level]}: {', '.join(signs)}."


def render(view: ResultView, result, mode: str = "patient") -> str:
    """The deterministic (template) result text; a model may only rephrase it."""
    lines = []
    crisis = _get(result, "crisis")
    if crisis:
        lines.append(crisis["text"])
        lines += [f"- {c}" for c in crisis["contacts"]]
        lines.append("")
    lines.append(f"**{view.heading}.** {view.reason}")
    diff = [d if isinstance(d, dict) else asdict(d) for d in _get(result, "differential")]
    if mode == "clinician" and diff:
        lines += ["", "Differential (posterior probability):" + (" too early to rank." if view.too_early else "")]
        for d in diff:
            lines.append(f"- {d['condition']} ({d['icd10']}) {d['probability']:.0%}; for: "
                         f"{', '.join(d['evidence_for']) or '-'}; against: {', '.join(d['evidence_against']) or '-'}")
    elif diff:
        lines += ["", view.likely_label]
        for d in view.likely:
            why = f" (because of: {', '.join(d['because'])})" if d["because"] else ""
            lines.append(f"- {d['name']}{why}")
    if view.rule_out:
        lines += ["", "To rule out (less likely, but serious):"]
        for r in view.rule_out:
            signs = f": warning signs are {', '.join(s.lower() for s in r['warning_signs'])}" if r["warning_signs"] \
                else ": its warning signs were checked and are absent"
            lines.append(f"- {r['name']}{signs}")
    if view.about and mode != "clinician":
        a = view.about
        advice = " ".join(x for x in (a["self_care"], a["seek_help"]) if x)
        lines += ["", f"About {a['name'].lower()}: {a['what']}" + (f" {advice}" if advice else "")]
    if view.safety_net:
        lines.append("")
        for s in view.safety_net:
            lines.append(safety_line(s["level"], s["signs"]))
    if view.too_early and LEVEL_RANK[view.level] <= LEVEL_RANK["urgent"]:
        # under an emergency or urgent heading a GP or pharmacist is no next step (session 21b: a 72-year-old's
        # near-faint alone was told both to call an ambulance and to see a pharmacist)
        lines += ["", "The causes can be narrowed down when you are seen; do not wait for that to get the care above."]
    elif view.too_early:
        lines += ["", "Answering a few more questions, or seeing a GP or pharmacist, will help narrow it down."]
    lines += ["", view.disclaimer]
    return "\n".join(lines)


def summary(engine, result, mode: str = "patient") -> str:
    """The result text for a TriageEngine's result (the chat's last turn, the CLI's plain output)."""
    return render(view_for(engine, result), result, mode)


def view_for(engine, result) -> ResultView:
    return build(engine.kb, rules_for(engine.kb), result, engine.engine_cfg.safety_net_anchor_lik)
