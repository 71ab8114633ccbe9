"""Tool status for Home: the case KB (and the triage KB it builds on), and the question set."""

from __future__ import annotations

from medcore.status import Component


def check(settings) -> list[Component]:
    from medcore.cases.kb import case_kb_stats, load_case_kb
    from medcore.triage.kb import KBError

    try:
        ckb = load_case_kb(settings.kb_dir)
    except (KBError, OSError) as exc:
        return [Component("case knowledge base", "knowledge base", False, str(exc))]
    st = case_kb_stats(ckb)
    out = [Component("case knowledge base", "knowledge base", True,
                     f"{st['tests']} tests ({st['conditions_with_abnormal_tests']} conditions with characteristic "
                     f"results), {st['vital_families']} vital-sign patterns, {st['exam_signs']} examinable signs; "
                     f"built on the triage KB's {st['conditions']} conditions")]
    try:
        from medcore.cases.evaluate import load_questions

        qs = load_questions(settings.kb_dir, ckb.triage)
        out.append(Component("student question set", "dataset", True,
                             f"{len(qs)} labelled questions, {sum(1 for q in qs if q.get('held_out'))} held out"))
    except Exception as exc:  # noqa: BLE001 - the evaluation set is optional for the page
        out.append(Component("student question set", "dataset", False, str(exc)))
    return out


def engine_ready(settings) -> bool:
    from medcore.cases.kb import load_case_kb
    from medcore.triage.kb import KBError

    try:
        load_case_kb(settings.kb_dir)
        return True
    except (KBError, OSError):
        return False


def demo_payload(settings) -> dict:
    return {"seed": 7, "condition": "myocardial_infarction", "difficulty": "standard"}
