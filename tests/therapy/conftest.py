"""Shared fixtures for the therapy tests: the shipped knowledge base, loaded once."""

from pathlib import Path

import pytest

from medcore.therapy.kb import load_kb_dir

KB_DIR = Path(__file__).resolve().parents[2] / "assets" / "kb" / "therapy"


@pytest.fixture(scope="session")
def kb():
    return load_kb_dir(KB_DIR)


@pytest.fixture
def plan_for(kb):
    from medcore.therapy.planner import make_plan
    from medcore.therapy.profile import parse_patient

    def make(patient: dict, condition: str):
        p, w = parse_patient(patient)
        return make_plan(kb, p, condition, w)

    return make
