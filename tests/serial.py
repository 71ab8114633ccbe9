"""The test files that run alone, after the parallel part of the run (scripts/test.sh): those that assert a time
(a CPU or wall-clock budget, a growth ratio) and those that start a live server, a browser or several training
processes. Why: the rest of the suite runs on both cores at once (pytest-xdist), and a budget measured beside
another worker, or a server competing with one for the two cores, would fail for reasons that are not the code's.
tests/test_serial_list.py keeps this list complete; tests/conftest.py marks these files `serial`."""

SERIAL_FILES = frozenset({
    # live servers, Chromium, several processes
    "tests/test_browser.py", "tests/test_browser_privacy.py", "tests/test_browser_roles.py",
    "tests/test_fault_server_kill.py", "tests/test_health_during_summary.py", "tests/test_load.py",
    "tests/test_oidc_live.py", "tests/test_render_budget.py", "tests/test_workpool.py",
    "tests/imaging/test_distributed.py",
    # CPU or wall-clock budgets and growth ratios
    "tests/test_regex_linear.py", "tests/test_hostile_inputs.py", "tests/test_page_speed.py",
    "tests/test_first_render.py", "tests/imaging/test_train.py", "tests/knowledge/test_match.py",
    "tests/literature/test_sentence_boundary_linear.py", "tests/literature/test_s15b.py",
    "tests/literature/test_s16_speed.py", "tests/literature/test_s17_speed.py", "tests/records/test_hostile_text.py",
    "tests/therapy/test_speed_budgets.py", "tests/triage/test_engine_speed.py", "tests/triage/test_speed_budgets.py",
})
