"""Tool status for Home: the case KB (and the triage KB it builds on), and the question set."""

from __future__ import annotations

from functools import lru_cache

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
        from medcore.cases.kb import case_dir

        n, held = _question_counts(str(settings.kb_dir), ckb.digest,
                                   *_stamp(case_dir(settings.kb_dir) / "questions_eval.yaml"))
        out.append(Component("student question set", "dataset", True, f"{n} labelled questions, {held} held out"))
    except Exception as exc:  # noqa: BLE001 - the evaluation set is optional for the page
        out.append(Component("student question set", "dataset", False, str(exc)))
    return out


def _stamp(path) -> tuple[int, int]:
    st = path.stat()
    return st.st_mtime_ns, st.st_size


@lru_cache(maxsize=4)
def _question_counts(kb_dir: str, _kb_digest: str, _mtime_ns: int, _size: int) -> tuple[int, int]:
    """(questions, held out), validated as the evaluation loads them. Parsing the file took 0.1 s of every Home
    status read (issue 14, speed), so it is kept until the file or the case KB changes."""
    from medcore.cases.evaluate import load_questions
    from medcore.cases.kb import load_case_kb

    qs = load_questions(kb_dir, load_case_kb(kb_dir).triage)
    return len(qs), sum(1 for q in qs if q.get("held_out"))


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
