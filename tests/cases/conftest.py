"""Case-trainer fixtures: one trainer per test session (the KBs are loaded and checked once)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def trainer():
    from medcore.cases.service import CaseTrainer
    from medcore.config import Settings

    return CaseTrainer.from_settings(Settings.load(secrets={}))


@pytest.fixture(scope="session")
def ckb(trainer):
    return trainer.ckb
