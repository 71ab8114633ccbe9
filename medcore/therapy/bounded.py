"""How the page's plans run (service.make with bounded=True): in the engine worker pool under its time budget, so
one slow plan (a long medication list, a large interaction graph) cannot stall the server for everyone (the CLI,
one plan in its own process, runs the planner directly). The worker loads the knowledge base itself (cached per
process); a PlanError pickles back."""

from __future__ import annotations

from medcore.therapy.kb import load_kb
from medcore.therapy.planner import Plan, make_plan
from medcore.therapy.profile import Patient


def _plan_in_worker(settings, patient: Patient, condition: str, input_warnings: list[str]) -> Plan:
    return make_plan(load_kb(settings), patient, condition, input_warnings)


def plan_bounded(settings, patient: Patient, condition: str, input_warnings: list[str] | None = None) -> Plan:
    """make_plan in the pool; over the budget it raises workpool.EngineTimeout with a message for the person."""
    from medcore import workpool

    return workpool.run(settings, _plan_in_worker, settings, patient, condition, list(input_warnings or []))


def warm_worker(settings) -> None:
    """Called once in each engine worker when the server starts (workpool.warm): the knowledge base is loaded
    before the first plan asks for it."""
    load_kb(settings)
