"""The treatment planner's plan body: calculations, proposed medicines with their warnings, the reasons, warnings
by severity, every option, and the non-drug measures (page layout, moved out of pages/treatment_planner.py in session
18 so the page stays under 400 lines; nothing here changes the plan)."""

import pandas as pd
import streamlit as st

from medcore.therapy.calculators import fmt
from ui.frame import md_escape

SEV_STYLE = {"contraindicated": st.error, "major": st.warning, "moderate": st.info}


def plan_body(plan: dict) -> None:
    """Draw the plan dict (as `review.init_items` returns it) from its calculations to the follow-up."""
    if plan.get("calculations"):
        with st.expander("Calculations (formula, inputs, arithmetic)", icon=":material/calculate:"):
            for c in plan["calculations"]:
                st.markdown(f"**{c['name']}: {fmt(c['value'])} {c['unit']}**  \n`{c['formula']}`")
                st.caption(" · ".join(f"{k}: {v}" for k, v in c["inputs"].items()))
                for s in c["steps"]:
                    st.markdown(f"- {s}")
                for n in c.get("notes", []):
                    st.caption(n)

    left, right = st.columns([3, 2])
    with left:
        with st.container(border=True):
            st.markdown("##### Proposed medicines")
            if not plan["items"]:
                st.error("No option in the knowledge base is safe for this patient; see why below.")
            for it in plan["items"]:
                icon = {"accepted": ":green[:material/check_circle:]", "rejected": ":red[:material/cancel:]",
                        "modified": ":orange[:material/edit:]"}.get(it["status"], ":material/radio_button_unchecked:")
                # the item text is built from KB names and numbers; the reason (and the steps quoting it) are typed
                st.markdown(f"{icon} **{it['text'] or it['drug']}** — _{it['status']}_"
                            + (f" (reason: {md_escape(it['reason'])})" if it.get("reason") else ""))
                with st.expander("How the dose was calculated"):
                    for s in it["steps"]:
                        st.markdown(f"- {md_escape(s)}")
                for w in it.get("warnings", []):
                    # warning texts quote what was typed (drug names, reasons): shown as text, never as markdown
                    SEV_STYLE.get(w["severity"], st.caption)(f"{w['severity']}: {md_escape(w['text'])} — "
                                                             f"{md_escape(w.get('source', ''))}")
                for n in it.get("route_notes", []):  # the override re-check's pairs not raised for a local form
                    st.text(f"Considered, not raised (route): {n}")
            st.markdown("##### Why this option")
            for line in plan["explanation"]:
                st.markdown(f"- {md_escape(line.lstrip('- '))}")
    with right:
        with st.container(border=True):
            st.markdown("##### Warnings by severity")
            groups = plan.get("warnings_by_severity") or {}
            if not groups:
                st.success("No warnings for the proposed plan and current medicines.")
            for sev, items in groups.items():
                for w in items:
                    text = f"**{sev}** ({w['kind']}): {md_escape(w['text'])}" + (
                        f"  \n_source: {md_escape(w['source'])}_" if w.get("source") else "")
                    SEV_STYLE.get(sev, st.caption)(text)
            if plan.get("route_notes"):
                # pairs checked and not raised for a skin, eye or ear form (or regraded by its label), with why
                st.markdown("##### Considered, not raised (route)")
                for n in plan["route_notes"]:
                    st.text(n)  # built from KB names and sources; shown as text all the same

    with st.expander("All options in guideline order", icon=":material/format_list_numbered:"):
        rows = []
        for o in plan["options"]:
            reasons = "; ".join(i["text"] for i in o["exclusions"]) or "; ".join(
                i["text"] for i in o["cautions"] if i["severity"] in ("major", "moderate"))
            rows.append({"option": o["label"], "line": o["line"], "status": o["status"], "penalty": o["penalty"],
                         "dose": "; ".join(d["text"] for d in o["doses"]), "reasons": reasons, "source": o["source"]})
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")

    c1, c2, c3 = st.columns(3)
    c1.markdown("**Non-drug measures**\n" + "\n".join(f"- {m}" for m in plan["non_drug"]))
    c2.markdown("**Monitoring**\n" + "\n".join(f"- {m}" for m in plan["monitoring"]))
    c3.markdown(f"**Follow-up**\n\n{plan['follow_up']}")
