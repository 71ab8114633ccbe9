"""Printable outputs: the plan as Markdown and PDF, and the plain-language handout template.
All of them take the plan dict (Plan.to_dict, possibly with reviewed `items`)."""

from __future__ import annotations

from medcore.markdown_pdf import markdown_pdf
from medcore.therapy import calculators as calc
from medcore.therapy.issues import CONFLICT_PATIENT_ADVICE, CONFLICT_WORDS, ITEM_CONCERN_PATIENT, SEVERITIES


def chosen(plan: dict) -> dict | None:
    return next((o for o in plan.get("options", []) if o["option_id"] == plan.get("chosen")), None)


def planned_items(plan: dict) -> list[dict]:
    """Reviewed items when present (rejected ones dropped), else the proposed doses."""
    if plan.get("items") is not None:
        return [i for i in plan["items"] if i.get("status") != "rejected"]
    c = chosen(plan)
    return [dict(d, status="proposed") for d in (c or {}).get("doses", [])]


def _patient_line(p: dict) -> str:
    bits = [f"{calc.fmt(p.get('age'))}-year-old {p.get('sex', '')}"]
    if p.get("weight_kg"):
        bits.append(f"{calc.fmt(p['weight_kg'], 1)} kg")
    if p.get("height_cm"):
        bits.append(f"{calc.fmt(p['height_cm'], 1)} cm")
    if p.get("pregnant"):
        bits.append("pregnant")
    if p.get("lactating"):
        bits.append("breastfeeding")
    if p.get("scr_mg_dl"):
        bits.append(f"creatinine {calc.fmt(p['scr_mg_dl'])} mg/dL")
    if p.get("child_pugh"):
        bits.append(f"Child-Pugh {p['child_pugh']}")
    return ", ".join(bits)


def plan_markdown(plan: dict) -> str:
    p = plan.get("patient", {})
    L = [f"# Treatment plan (draft): {plan['condition_name']}", "",
         f"> {plan.get('disclaimer', '')}", "",
         f"**Patient:** {_patient_line(p)}  ",
         f"**Guideline:** {plan['guideline']}  ", f"**Generated:** {plan.get('created', '')}", ""]
    if plan.get("unchecked"):
        L += [f"**NOT CHECKED:** {', '.join(plan['unchecked'])} (not recognised: no interaction or other check was "
              "run for these medicines)", ""]
    for c in plan.get("current_conflicts") or ():  # current medicines taken together that must not be: first
        L += [f"**CURRENT MEDICINES TO CHANGE ({c['severity']}):** {c['text']} [source: {c['source']}]", ""]
    if plan.get("unchecked_allergies"):
        L += [f"**ALLERGY NOT CHECKED:** {'; '.join(plan['unchecked_allergies'])} (not read: the plan was made as if "
              "absent)", ""]
    if plan.get("non_drug_allergies"):  # latex, foods, venoms: recorded as such, with any drug relevance sourced
        L += ["**Non-drug allergies:** " + "; ".join(f"{a['text']} ({a['name']})" for a in plan["non_drug_allergies"])
              + " (not medicines: no drug allergy check applies)", ""]
        L += [f"- {a['name']}: {a['note']} [{a['source']}]" for a in plan["non_drug_allergies"] if a.get("note")]
        L += [""] if any(a.get("note") for a in plan["non_drug_allergies"]) else []
    if plan.get("calculations"):
        L += ["## Calculations", ""]
        for c in plan["calculations"]:
            L.append(f"- **{c['name']}: {calc.fmt(c['value'])} {c['unit']}** ({c['formula']}); " + "; ".join(c["steps"]))
        L.append("")
    L += ["## Plan", ""]
    items = planned_items(plan)
    if not items:
        L.append("No drug option could be proposed safely; see the explanation below.")
    for it in items:
        status = it.get("status", "proposed")
        L.append(f"- **{it.get('text') or it['drug']}** ({status}" + (f": {it['reason']}" if it.get("reason") else "") + ")")
        for s in it.get("steps", []):
            L.append(f"  - {s}")
        for w in it.get("warnings", []):
            L.append(f"  - warning ({w['severity']}): {w['text']} [{w.get('source', '')}]")
        for n in it.get("route_notes", []):  # a clinician's override: pairs not raised for a local form, and why
            L.append(f"  - considered, not raised (route): {n}")
    L += ["", "## Why this option", ""] + [f"- {e.lstrip('- ')}" for e in plan.get("explanation", [])]
    wbs = plan.get("warnings_by_severity") or {}
    L += ["", "## Warnings by severity", ""]
    if not wbs:
        L.append("- None found for the proposed plan and current medicines.")
    if wbs:
        for sev in SEVERITIES:
            for w in wbs.get(sev, []):
                L.append(f"- **{sev}** ({w['kind']}): {w['text']}" + (f" [source: {w['source']}]" if w.get("source") else ""))
    if plan.get("route_notes"):  # pairs considered and not raised for a skin, eye or ear form
        L += ["", "## Considered, not raised (route)", ""] + [f"- {n}" for n in plan["route_notes"]]
    L += ["", "## Non-drug measures", ""] + [f"- {m}" for m in plan.get("non_drug", [])]
    L += ["", "## Monitoring", ""] + [f"- {m}" for m in plan.get("monitoring", [])]
    L += ["", "## Follow-up", "", plan.get("follow_up", "")]
    alts = [o for o in plan.get("options", []) if o["status"] == "alternative"]
    if alts:
        L += ["", "## Alternatives (if the proposal is not used)", ""]
        for o in alts:
            L.append(f"- {o['label']}: " + "; ".join(d["text"] for d in o["doses"]))
    if plan.get("review_log"):
        L += ["", "## Clinician review", ""]
        for r in plan["review_log"]:
            L.append(f"- {r['ts']} {r['user']}: {r['action']} {r['item_id']} ({r['before']['drug']} → {r['after']['drug']} "
                     f"{calc.fmt(r['after']['dose'])} {r['after']['unit']}); reason: {r['reason']}")
    L += ["", f"_Condition guideline source: {plan.get('condition_source', '')}_", ""]
    return "\n".join(L)


def plan_pdf(plan: dict) -> bytes:
    """A simple printable PDF of the Markdown plan (core fonts, so text is transliterated to Latin-1)."""
    return markdown_pdf(plan_markdown(plan))


def handout_template(plan: dict) -> str:
    """Plain-language patient handout built only from the plan's own facts."""
    items = planned_items(plan)
    L = [f"Your treatment plan for {plan['condition_name'].lower()}", ""]
    if items:
        L.append("Medicines:")
        for it in items:
            L.append(f"- {it['drug']}: {calc.fmt(it['dose'], 4)} {it['unit']} {it.get('frequency_text') or it['frequency']}"
                     + (f" ({it['duration']})" if it.get("duration") else "") + ".")
    else:
        L.append("No new medicine is planned yet; your clinician will discuss the options with you.")
    concerns = [f"{it['drug']}: {ITEM_CONCERN_PATIENT}" for it in items if serious_warnings(plan, it)]
    if concerns:
        L += ["", ITEM_HEAD] + [f"- {c}" for c in concerns]
    conflicts = conflict_lines(plan)
    if conflicts:
        L += ["", CONFLICT_HEAD] + [f"- {c}" for c in conflicts]
    if plan.get("unchecked"):  # names the planner did not recognise: nothing was checked for them
        L += ["", UNCHECKED_HEAD] + [f"- {u}" for u in plan["unchecked"]]
    if plan.get("non_drug"):
        L += ["", "Things you can do:"] + [f"- {m}" for m in plan["non_drug"]]
    if plan.get("monitoring"):
        L += ["", "Checks we will do:"] + [f"- {m}" for m in plan["monitoring"]]
    if plan.get("follow_up"):
        L += ["", f"Follow-up: {plan['follow_up']}"]
    L += ["", "Tell your clinician or pharmacist about every medicine you take, including ones you buy without a "
          "prescription, and about any allergy. Ask before stopping or changing a medicine.",
          "", "This handout was prepared from a draft plan and checked by your clinician."]
    return "\n".join(L)


# The handout's safety sections: a language model's rewrite must keep their heading and every line word for word
# (`must_keep_sections`, checked by medcore.llm.grounding), or the template is shown.
CONFLICT_HEAD = "Important about medicines you already take:"
UNCHECKED_HEAD = ("Not checked: we did not recognise these medicines you listed, so they were not checked against "
                  "this plan. Show them to your pharmacist or clinician before you start:")
ITEM_HEAD = "Important about your new medicines:"
SAFETY_HEADS = (ITEM_HEAD, CONFLICT_HEAD, UNCHECKED_HEAD)


def serious_warnings(plan: dict, item: dict) -> list[dict]:
    """A planned item's contraindicated warnings and those its source says to avoid: a reviewed item's own (re-checked
    at review), a proposed one's from the chosen option's cautions that name its drug."""
    if plan.get("items") is not None:
        ws = item.get("warnings") or []
    else:
        ws = [w for w in (chosen(plan) or {}).get("cautions", []) if item.get("drug_id") in (w.get("drugs") or ())]
    return [w for w in ws if w.get("severity") == "contraindicated" or w.get("avoid")]


def must_keep_sections(handout_text: str) -> list[tuple[str, ...]]:
    """The safety sections of a handout text, each (a heading of SAFETY_HEADS, its "- " lines...), read from the text
    itself so that a de-identified template gives its own de-identified lines. The grounding check looks for a
    section's lines after its heading (grounding.dropped_lines)."""
    out: list[tuple[str, ...]] = []
    inside = False
    for line in handout_text.splitlines():
        if line.strip() in SAFETY_HEADS:
            out.append((line.strip(),))
            inside = True
        elif inside and line.startswith("- "):
            out[-1] += (line[2:].strip(),)
        else:
            inside = False
    return out


def must_keep_lines(handout_text: str) -> list[str]:
    """The lines of `must_keep_sections`, headings and all, in order (the model is asked to copy them)."""
    return [line for section in must_keep_sections(handout_text) for line in section]


def conflict_lines(plan: dict) -> list[str]:
    """The handout's plain words for each pair of current medicines that must not be taken together
    (`current_conflicts`), in the words of `issues.CONFLICT_WORDS`; the medicines named as the patient listed them."""
    meds = plan.get("medications") or []
    out = []
    for c in plan.get("current_conflicts") or ():
        names = [_as_listed(meds, d) for d in c.get("drugs", ())]
        words = CONFLICT_WORDS.get(c.get("severity"), CONFLICT_WORDS["major"])[1]
        out.append(f"{' and '.join(dict.fromkeys(names))}, which you take now, {words}. {CONFLICT_PATIENT_ADVICE}")
    return out


def _as_listed(meds: list[dict], drug_id: str) -> str:
    m = next((m for m in meds if drug_id in (m.get("ids") or ())), None)
    if m is None:
        return drug_id.replace("-", " ")
    name, text = str(m.get("name") or drug_id), str(m.get("text") or "")
    return name if not text or text.lower().startswith(name.lower()) else f"{name} ({text})"
