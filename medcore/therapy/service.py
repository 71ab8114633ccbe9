"""The treatment planner's one entry point (issue 10): the page and the CLI both make a plan here, so they run the
same checks (the profile parsed and refused the same way, a PharmCAT report merged the same way) and write the same
audit row. The page runs the planner in the engine worker pool under its time budget (`bounded=True`, see
bounded.py); the CLI, one plan in its own process, runs it directly."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from medcore.auth import User, check_tool
from medcore.therapy.planner import Plan, make_plan
from medcore.therapy.profile import Patient, parse_patient

log = logging.getLogger(__name__)


@dataclass
class PlanResult:
    plan: Plan
    patient: Patient
    notes: list[str] = field(default_factory=list)  # import notes (FHIR, PharmCAT) passed on to the plan
    # why the plan's audit row could not be written (a read-only or full database), None when it was or no store
    # was given. The plan is still returned: it is computed without the store, and hiding it would help no one.
    not_saved: str | None = None


def with_pharmcat(kb, data: dict, report: bytes | str | Path) -> tuple[dict, list[str]]:
    """The patient dict with a PharmCAT report's gene calls added (the patient's own genotypes win), and the
    notes to show. `report`: the file's bytes (an upload) or its path."""
    from medcore.therapy import pharmcat

    imp = pharmcat.read_bytes(kb, report) if isinstance(report, bytes) else pharmcat.read_file(kb, Path(report))
    return pharmcat.merge(data, imp)


def make(settings, data: dict, condition: str, *, notes: list[str] | None = None, pharmcat_report=None, kb=None,
         bounded: bool = False, store=None, user: User) -> PlanResult:
    """A plan for a patient dict (the JSON/form shape of profile.parse_patient). Raises ProfileError (the
    profile's problems, all of them), PharmcatError, PlanError, or workpool.EngineTimeout when bounded. With a
    store, the plan is written to the audit log (action 'plan', tool 'therapy'); when the database refuses that
    write (store.NotSaved), the plan is still returned and `not_saved` says why, for the caller to show.
    `user` (required: the page's signed-in user, or auth.SYSTEM for the CLI) must be allowed the therapy tool:
    checked here, not only by the page."""
    check_tool(user, "therapy")
    notes = list(notes or [])
    if pharmcat_report is not None:
        from medcore.therapy.kb import load_kb

        data, more = with_pharmcat(kb or load_kb(settings), data, pharmcat_report)
        notes += more
    patient, warnings = parse_patient(data)
    if bounded:
        from medcore.therapy.bounded import plan_bounded

        plan = plan_bounded(settings, patient, condition, notes + warnings)
    else:
        from medcore.therapy.kb import load_kb

        plan = make_plan(kb or load_kb(settings), patient, condition, notes + warnings)
    # only a refused write comes back as a reason; any other store fault still propagates
    not_saved = store.audit_unless_refused("plan", tool="therapy", condition=condition,
                                           count=len(patient.medications),
                                           status="ok" if plan.chosen else "no_option") if store is not None else None
    log.info("plan for %s: %s", condition, plan.chosen or "no option")
    return PlanResult(plan, patient, notes, not_saved)
