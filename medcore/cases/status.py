"""Tool status for Home: the case KB (and the triage KB it builds on), and the question set.

Both are read from `medcore.status_cache` (once per version of the case and triage KB files and code, kept on
disk): Home and the case trainer's frame do not load the KBs (issue 14, speed)."""

from __future__ import annotations

from medcore import status_cache
from medcore.status import Component, kb_loads


def _files(kb_dir) -> list[str]:
    from medcore.cases.kb import case_dir

    d = case_dir(kb_dir)
    return (status_cache.files_under(d, d.parent / "triage")
            + status_cache.code_files("cases", "triage"))


def kb_counts(settings) -> dict:
    """case_kb_stats of the case KB; raises KBError (or OSError) when it does not load."""

    def count() -> dict:
        from medcore.cases.kb import case_kb_stats, load_case_kb

        return dict(case_kb_stats(load_case_kb(settings.kb_dir)))

    return status_cache.cached("cases-kb", settings.data_dir, _files(settings.kb_dir), count, ship=settings.status_ship)


def check(settings) -> list[Component]:
    from medcore.triage.kb import KBError

    try:
        st = kb_counts(settings)
    except (KBError, OSError) as exc:
        return [Component("case knowledge base", "knowledge base", False, str(exc))]
    out = [Component("case knowledge base", "knowledge base", True,
                     f"{st['tests']} tests ({st['conditions_with_abnormal_tests']} conditions with characteristic "
                     f"results), {st['vital_families']} vital-sign patterns, {st['exam_signs']} examinable signs; "
                     f"built on the triage KB's {st['conditions']} conditions")]
    try:
        got = status_cache.cached("cases-questions", settings.data_dir, _files(settings.kb_dir),
                                  lambda: dict(zip(("n", "held_out"), _question_counts_now(settings.kb_dir))),
                                  ship=settings.status_ship)
        out.append(Component("student question set", "dataset", True,
                             f"{got['n']} labelled questions, {got['held_out']} held out"))
    except Exception as exc:  # noqa: BLE001 - the evaluation set is optional for the page
        out.append(Component("student question set", "dataset", False, str(exc)))
    return out


def _question_counts_now(kb_dir) -> tuple[int, int]:
    """(questions, held out), validated as the evaluation loads them."""
    from medcore.cases.evaluate import load_questions
    from medcore.cases.kb import load_case_kb

    qs = load_questions(kb_dir, load_case_kb(kb_dir).triage)
    return len(qs), sum(1 for q in qs if q.get("held_out"))


def engine_ready(settings) -> bool:
    from medcore.triage.kb import KBError

    return kb_loads(kb_counts, settings, (KBError, OSError))


def demo_payload(settings) -> dict:
    return {"seed": 7, "condition": "myocardial_infarction", "difficulty": "standard"}
