"""Adversarial audit of the symptom chat's safety contract (issue 12, "Safety" and "Contract"), session 23b.

Runs the engine over the dev vignettes (one-shot, the interview answered by the eval's simulated patient, and the
"Show result now" early stop right after the first message) and over generated case-trainer patients (seeds 0-299:
the chat interview answered from the case truth, its early stop, and the trainer's own engine interview), and counts
violations of each invariant the issue states. Then the input contract on sentences written here.

    MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/triage-s23b/audit.py --out after.json

Prints one line per invariant: name, violations, checked. The JSON keeps up to 15 examples each.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict

from medcore.cases.patient import opening_statement, truth
from medcore.cases.interview import engine_interview
from medcore.config import Settings
from medcore.triage import chat, contract, result_view
from medcore.triage.evaluate import SimulatedPatient, load_vignettes
from medcore.triage.interview_checks import CHECK_PREFIX
from medcore.triage.kb import LEVEL_RANK
from medcore.triage.rules import LEVEL_TEXT, MASS_PHRASE, level_from_mass
from medcore.triage.safety_rules import rules_for

DEV = ("vignettes.yaml,vignettes_[!b]*.yaml,vignettes_breadth*.yaml,vignettes_blind_s1[0-8].yaml,"
       "vignettes_blind_s8*.yaml,vignettes_blind_s9*.yaml,vignettes_blind_s20.yaml,vignettes_blind_s22.yaml")
# "chew" for "chew an aspirin": the word itself, not "chewing" (session 23c: "jaw pain on chewing" counted)
EMERGENCY_WORDS = re.compile(r"ambulance|emergency department|\b999\b|\b911\b|\bA&E\b|\bchew\b", re.I)

# session 23c: a clause that names its condition ("call an ambulance with chest pain", "go to the emergency department
# for heavy bleeding") is conditional advice too, not an instruction to go now
CONDITIONAL = re.compile(r"\b(if|when|unless|should|whenever|with|for)\b", re.I)


def unconditional_emergency(lines: list[str]) -> list[str]:
    """The clauses of `lines` that tell the person to go now: emergency words with no condition in the clause
    (clauses end at . ! ? or ;), or an instruction to chew (aspirin) whatever follows."""
    return [s for ln in lines for s in re.split(r"(?<=[.!?;])\s+", ln)
            if EMERGENCY_WORDS.search(s) and (re.search(r"\bchew\b", s, re.I) or not CONDITIONAL.search(s))]


viol: dict[str, list] = defaultdict(list)
checked: dict[str, int] = defaultdict(int)


def bad(name: str, where: str, detail) -> None:
    viol[name].append({"where": where, "detail": detail})


def ok(name: str) -> None:
    checked[name] += 1


# ---- the result shown -------------------------------------------------------------------------------------------
def check_result(engine, res: dict, where: str) -> None:
    kb = engine.kb
    rules = rules_for(kb)
    view = result_view.view_for(engine, res)
    text = result_view.render(view, res)
    level, rank = res["triage"], LEVEL_RANK[res["triage"]]
    diff = res["differential"]
    # 1 heading == advice == about
    ok("heading_advice_about_agree")
    heads = [lvl for lvl, t in LEVEL_TEXT.items() if f"**{t}.**" in text]
    about = view.about or {}
    about_lvl = kb.condition(about["id"]).triage if about else None
    advice_levels = {kb.condition(d["id"]).triage for d in diff
                     if d["education"].get("self_care") and d["education"]["self_care"] in text}
    advice_levels |= {kb.condition(d["id"]).triage for d in diff
                      if d["education"].get("seek_help") and d["education"]["seek_help"] in text}
    if view.level != level or heads != [level] or (about.get("self_care") and about_lvl != level) or \
            advice_levels - {level}:
        bad("heading_advice_about_agree", where, {"level": level, "heads": heads, "about": about.get("id"),
                                                  "about_level": about_lvl, "advice_levels": sorted(advice_levels)})
    # emergency instructions never under a calmer heading (outside the "call an ambulance if you get" line)
    if level != "emergency":
        ok("no_emergency_instructions_under_calmer_heading")
        crisis = res.get("crisis") or {}
        body = [ln for ln in text.splitlines() if not ln.startswith(result_view.IF_SIGN["emergency"])
                and ln != crisis.get("text") and not ln.startswith("- ") or ln.startswith("- ") and "(because" in ln]
        # a conditional escalation ("call an ambulance if breathing becomes very hard") is a safety net; an
        # instruction to act now ("chew an aspirin and call an ambulance") is not
        hits = unconditional_emergency(body)
        if hits:
            bad("no_emergency_instructions_under_calmer_heading", where, {"level": level, "lines": hits[:2]})
    # 2 "most likely" is the top
    if diff:
        ok("most_likely_is_top")
        top = diff[0]
        shown_first = view.likely[0]["id"] if view.likely else None
        problem = None
        if "most likely first" in view.likely_label and shown_first != top["id"]:
            problem = "labelled most likely but not the top"
        elif not view.too_early and LEVEL_RANK[top["triage"]] >= rank and shown_first != top["id"]:
            problem = "top not shown first"
        elif view.too_early and "most likely" in text.lower():
            problem = "too early yet 'most likely' said"
        elif "(the most likely is " in view.reason and f"(the most likely is {top['condition']})" not in view.reason:
            problem = "reason names another condition as most likely"
        elif not view.too_early and top["probability"] < rules.rank_min_p:
            problem = "ranked below rank_min_p"
        if problem:
            bad("most_likely_is_top", where, {"problem": problem, "top": top["id"], "p": round(top["probability"], 3),
                                              "first_shown": shown_first})
    # 3 a serious condition possible but unlikely: "to rule out", with red flags and what to do
    shown = {r["id"] for r in view.rule_out}
    net_signs = {s for line in view.safety_net for s in line["signs"]}
    for d in diff:
        if LEVEL_RANK[d["triage"]] < rank and d["probability"] >= rules.rule_out_min_p:
            ok("serious_unlikely_shown_to_rule_out")
            if d["id"] not in shown and len(view.rule_out) < rules.rule_out_max:
                bad("serious_unlikely_shown_to_rule_out", where, {"id": d["id"], "p": round(d["probability"], 3),
                                                                  "level": level})
    for r in view.rule_out:
        ok("rule_out_has_red_flags_and_action")
        c = kb.condition(r["id"])
        if not c.red_flags:
            bad("rule_out_has_red_flags_and_action", where, {"id": r["id"], "problem": "no red flags in KB"})
        elif r["warning_signs"] and not {s.lower() for s in r["warning_signs"]} & net_signs:
            bad("rule_out_has_red_flags_and_action", where, {"id": r["id"], "problem": "no what-to-do line",
                                                             "signs": r["warning_signs"][:4]})
    # reason names the red-flag rule that set the level
    mass_level = level_from_mass(res["level_mass"], engine.triage_cfg)
    fired = [r for r in res["fired_rules"] if r["level"] == level]
    if fired and not res.get("crisis"):
        ok("reason_names_rule")
        ok("reason_names_rule_that_raised")
        cond_flags = [f"{rf['name']} is a warning sign of {rf['condition']}." for rf in res["red_flags"]
                      if rf["condition"]]
        if res["triage_reason"] not in {r["reason"] for r in fired} | set(cond_flags):
            raised = LEVEL_RANK[level] < LEVEL_RANK[mass_level]
            if raised:
                bad("reason_names_rule_that_raised", where, {"rules": [r["id"] for r in fired]})
            bad("reason_names_rule", where, {"level": level, "mass_level": mass_level, "raised_by_rule": raised,
                                             "rules": [r["id"] for r in fired], "reason": res["triage_reason"][:90]})
    return view, text


# ---- interview checks ------------------------------------------------------------------------------------------
def check_interview(engine, state: dict, where: str) -> None:
    res = state["result"]
    known = set(engine.closure(state["answers"])) | set(state["asked"]) | set(state["answers"])
    present = {f for f, v in engine.closure(state["answers"]).items() if v}
    age, sex = state.get("age"), state.get("sex")
    preg = next(r for r in rules_for(engine.kb).required if r.id == "pregnancy_possible")
    if sex == "female" and age is not None and 12 <= age <= 55 and any(f in present for f in preg.any_present):
        name = "pregnancy_asked" + ("_at_emergency" if res["triage"] == "emergency" else "")
        ok(name)
        if "pregnant" not in known:
            bad(name, where, {"present": sorted(present & set(preg.any_present)), "level": res["triage"]})
    if "painful_urination" in present:
        need = ["fever", "flank_pain", "blood_urine"]
        need += {"female": ["vaginal_discharge"], "male": ["penile_discharge"]}.get(sex, ["vaginal_discharge"])
        if sex == "female" and (age is None or 12 <= age <= 55):
            need.append("pregnant")
        name = "dysuria_questions" + ("_at_emergency" if res["triage"] == "emergency" else "")
        ok(name)
        miss = [f for f in need if f not in known]
        if miss:
            bad(name, where, {"missing": miss, "level": res["triage"]})


def run_chat(engine, text, age, sex, answer_fn, early: bool) -> dict:
    st = chat.new_state()
    st["age"], st["sex"] = age, sex
    st = chat.user_message(engine, st, text)
    n = 0
    if early and not st["finished"]:
        st = chat.finish_now(engine, st)
    while st.get("pending") and not st["finished"] and n < 60:
        fid = st["pending"]["id"]
        st = chat.answer(engine, st, "yes" if fid.startswith(CHECK_PREFIX) else answer_fn(fid))
        n += 1
    return st


def check_early(engine, st: dict, where: str) -> None:
    if not st["finished"] or st["result"] is None:
        return
    res = st["result"]
    view, text = check_result(engine, res, where + ":early")
    rules = rules_for(engine.kb)
    top_p = res["differential"][0]["probability"] if res["differential"] else 0.0
    if top_p < rules.rank_min_p:
        ok("early_too_early_with_safety_net")
        problem = None
        if not view.too_early or "too early" not in text.lower():
            problem = "not said too early"
        elif res["triage"] != "emergency" and not view.safety_net:
            problem = "no safety-net advice"
        if problem:
            bad("early_too_early_with_safety_net", where, {"problem": problem, "level": res["triage"],
                                                          "top": res["differential"][0]["id"] if res["differential"]
                                                          else None, "p": round(top_p, 3),
                                                          "findings": [f["id"] for f in res["findings"]
                                                                       if f["present"]][:6]})


# ---- sources --------------------------------------------------------------------------------------------------
def vignette_runs(engine, vs, modes) -> None:
    for i, v in enumerate(vs):
        where = v["id"]
        if "one_shot" in modes:
            res, _ = engine.one_shot(v["text"], v["age"], v["sex"])
            if any(f["present"] for f in res.findings):
                check_result(engine, res.to_dict(), where + ":one_shot")
        patient = SimulatedPatient(engine, v)
        if "interactive" in modes:
            st = run_chat(engine, v["text"], v["age"], v["sex"], patient.answer, early=False)
            if st["result"] is not None and st["finished"]:
                check_result(engine, st["result"], where + ":interactive")
                check_interview(engine, st, where + ":interactive")
        if "early" in modes:
            st = run_chat(engine, v["text"], v["age"], v["sex"], patient.answer, early=True)
            check_early(engine, st, where)
            if st["finished"]:
                check_interview(engine, st, where + ":early")
        if i % 200 == 0:
            print(f"  vignettes {i}/{len(vs)}", file=sys.stderr, flush=True)


def case_runs(trainer, n: int, modes, seeds=None) -> None:
    engine, kb = trainer.engine, trainer.engine.kb
    for seed in seeds if seeds is not None else range(n):
        case = trainer.new_case(seed)
        where = f"case{seed}:{case.condition_id}"
        text = opening_statement(kb, case)
        ans = lambda fid, c=case: truth(kb, c, fid)  # noqa: E731
        if "interactive" in modes:
            st = run_chat(engine, text, case.age, case.sex, ans, early=False)
            if st["result"] is not None and st["finished"]:
                check_result(engine, st["result"], where + ":interactive")
                check_interview(engine, st, where + ":interactive")
        if "early" in modes:
            st = run_chat(engine, text, case.age, case.sex, ans, early=True)
            check_early(engine, st, where)
        if "trainer" in modes:
            run = engine_interview(engine, case)
            res = engine.result(run.answers, case.age, case.sex, finished=True,
                                origin={f: ("text" if f == case.complaint else "answer") for f in run.answers})
            check_result(engine, res.to_dict(), where + ":trainer")


# ---- KB coverage ---------------------------------------------------------------------------------------------------
def kb_checks(kb) -> None:
    for c in kb.conditions:
        if c.triage == "emergency":
            ok("emergency_condition_has_red_flags")
            if not c.red_flags:
                bad("emergency_condition_has_red_flags", c.id, "no red_flags")
            for f in c.red_flags:
                if not kb.finding(f).question:
                    bad("emergency_condition_has_red_flags", c.id, f"red flag {f} has no question")


# ---- input contract (own sentences) -----------------------------------------------------------------------------
CYR = str.maketrans({"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у"})
NO_SYMPTOM = ["asdf qwer zxcv", "hello there", "what time does the pharmacy open", "I like my new bicycle",
              "12345 67890", "?!?!", "lorem ipsum dolor sit amet", "the parrot ate all the grapes",
              "my car will not start this morning", "please book a table for two", "blorp fizzle wub wub",
              "thank you so much", "ok", "I am 34 years old", "my name is Sam"]
BAD_AGES = [-5, 200, float("nan"), "abc", float("inf"), 121, -0.5, "", "  "]
CONTRADICTIONS = ["40-year-old man, 30 weeks pregnant, with a headache",
                  "a 7 year old girl going through the menopause, with hot flushes",
                  "I am a man and my periods have become very heavy",
                  "my 6 year old daughter is pregnant and has tummy ache",
                  "a woman with sudden pain in her testicle",
                  "I'm a 72 year old woman, I am pregnant and bleeding"]


def input_checks(engine, vs) -> None:
    sample = vs[::12]
    for v in sample:
        base = contract.triage_one(engine, v["text"], v["age"], v["sex"])
        want = {f["id"] for f in base["findings"] if f["present"]}
        variants = {"cyrillic": v["text"].translate(CYR),
                    "fullwidth": "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in v["text"]),
                    "zero_width": v["text"].replace("a", "a\u200b").replace("o", "\u00ado"),
                    "compat": v["text"].replace("fi", "\ufb01").replace("ff", "\ufb00")}
        for kind, t in variants.items():
            ok("input_nfkc_confusables")
            got = contract.triage_one(engine, t, v["age"], v["sex"])
            have = {f["id"] for f in got["findings"] if f["present"]}
            if have != want or got["triage"] != base["triage"]:
                bad("input_nfkc_confusables", f"{v['id']}:{kind}", {"lost": sorted(want - have),
                                                                   "extra": sorted(have - want),
                                                                   "triage": [base["triage"], got["triage"]]})
    for t in NO_SYMPTOM:
        ok("input_no_symptom_no_level")
        out = contract.triage_one(engine, t)
        st = chat.user_message(engine, chat.new_state(), t)
        if out["triage"] is not None or not out.get("message") or st["result"] is not None or st.get("pending"):
            bad("input_no_symptom_no_level", t, {"triage": out["triage"], "chat_result": st["result"] is not None,
                                                 "findings": [f["id"] for f in out["findings"]]})
    for a in BAD_AGES:
        ok("input_impossible_age_refused")
        out = contract.triage_one(engine, "I have a cough", a)
        blank = isinstance(a, str) and not a.strip()
        if (out["triage"] is None) == blank or (not blank and not out.get("message")):
            bad("input_impossible_age_refused", repr(a), {"triage": out["triage"], "age": out["age"]})
        st = chat.set_demographics(engine, chat.new_state(), a, None)
        if not blank and st["age"] is not None:
            bad("input_impossible_age_refused", f"chat {a!r}", {"age": st["age"]})
    for t in ("I am 200 years old and I have a cough", "she is -3 years old with a rash"):
        ok("input_impossible_age_refused")
        out = contract.triage_one(engine, t)
        if out["age"] is not None and not 0 <= out["age"] <= 120:
            bad("input_impossible_age_refused", t, {"age": out["age"]})
    for t in CONTRADICTIONS:
        ok("input_contradiction_flagged")
        out = contract.triage_one(engine, t)
        st = chat.user_message(engine, chat.new_state(), t)
        asked = bool(st.get("pending") and st["pending"].get("check"))
        if not out["contradictions"] or not asked:
            bad("input_contradiction_flagged", t, {"cli": [c["id"] for c in out["contradictions"]], "chat_asked": asked,
                                                   "age": out["age"], "sex": out["sex"],
                                                   "findings": [f["id"] for f in out["findings"] if f["present"]]})


def merge(paths: list[str], out: str | None) -> int:
    total: dict[str, dict] = {}
    examples: dict[str, list] = defaultdict(list)
    for p in paths:
        with open(p) as fh:
            d = json.load(fh)
        for n, c in d["summary"].items():
            t = total.setdefault(n, {"violations": 0, "checked": 0})
            t["violations"] += c["violations"]
            t["checked"] += c["checked"]
            examples[n] += d["examples"].get(n, [])
    for n in sorted(total):
        print(f"{n:50s} {total[n]['violations']:5d} / {total[n]['checked']}")
    if out:
        with open(out, "w") as fh:
            json.dump({"summary": total, "examples": {n: examples[n][:15] for n in total}}, fh, indent=1)
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out")
    ap.add_argument("--limit", type=int, default=0, help="first N vignettes only (a quick look)")
    ap.add_argument("--cases", type=int, default=300)
    ap.add_argument("--modes", default="one_shot,interactive,early,trainer")
    ap.add_argument("--no-embeddings", action="store_true")
    ap.add_argument("--shard", default="0/1", help="i/n: every n-th vignette and case from i (input checks in 0 only); "
                    "merge the shards' JSON with --merge")
    ap.add_argument("--merge", nargs="*", help="shard JSON files to add up (nothing is run)")
    args = ap.parse_args()
    modes = set(args.modes.split(","))
    if args.merge:
        return merge(args.merge, args.out)
    shard, nshards = (int(x) for x in args.shard.split("/"))
    from medcore.cases.service import CaseTrainer
    from medcore.triage.service import TriageEngine

    settings = Settings.load(secrets={})
    t0 = time.time()
    engine = TriageEngine.from_settings(settings, use_embeddings=not args.no_embeddings, use_blend=False)
    vs = load_vignettes(settings.kb_dir, engine.kb, DEV)
    if args.limit:
        vs = vs[:args.limit]
    if shard == 0:
        kb_checks(engine.kb)
        input_checks(engine, vs)
    vignette_runs(engine, vs[shard::nshards], modes)
    if args.cases:
        case_runs(CaseTrainer.from_settings(settings), args.cases, modes, range(shard, args.cases, nshards))
    names = sorted(set(checked) | set(viol))
    summary = {n: {"violations": len(viol[n]), "checked": checked[n]} for n in names}
    for n in names:
        print(f"{n:50s} {len(viol[n]):5d} / {checked[n]}")
    print(f"vignettes {len(vs)}, cases {args.cases}, {time.time() - t0:.0f} s")
    if args.out:
        with open(args.out, "w") as fh:
            json.dump({"summary": summary, "examples": {n: viol[n][:15] for n in names}}, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
