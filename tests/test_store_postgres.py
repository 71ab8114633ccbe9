"""The store, accounts, OIDC sign-in, ownership, teams, jobs, one whole page and the whole app across pages (a summary
and a plan saved on their pages, found again in a reloaded workspace: tests/test_app_flow.py) against PostgreSQL
(MEDCORE_DATABASE_URL), the database of a shared deployment. The same tests run on SQLite in their own modules;
here the `settings` fixture points each test at a fresh Postgres database instead (see tests/pg.py for the server;
without PostgreSQL every test here skips and says why)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import pg

# The SQLite-independent tests of these modules, rerun on Postgres by the fixtures below.
from tests.test_auth import (  # noqa: F401
    test_account_rules,
    test_accounts_store_only_an_argon2_hash_and_sign_in_checks_it,
    test_only_admins_start_training_and_each_has_a_quota,
    test_repeated_wrong_passwords_pause_sign_in_for_that_name,
    test_the_store_checks_the_role_on_every_action,
    test_work_and_handoffs_belong_to_their_owner,
)
from tests.test_jobs import (  # noqa: F401
    test_job_runs_in_a_separate_process_and_reports_progress,
    test_reconcile_on_startup_fails_orphans_with_a_reason,
    test_throttled_progress_rows_carry_the_mean_loss,
)
from tests.test_oidc import (  # noqa: F401
    test_a_verified_email_with_an_account_signs_in_with_the_accounts_role,
    test_an_unverified_email_is_refused_even_with_an_account,
    test_the_role_comes_from_the_configured_group_claim,
    test_without_a_role_claim_an_account_is_required_and_a_disabled_one_refused,
)
from tests.test_teams import (  # noqa: F401
    test_a_direct_link_is_refused_the_same_way_whether_or_not_the_item_exists,
    test_a_handoff_shared_with_a_team_is_listed_to_its_members_only,
    test_every_team_change_and_refusal_is_audited,
    test_only_an_admin_defines_teams_and_members_need_accounts,
    test_only_the_owner_shares_and_only_with_their_own_team,
)
from tests.test_team_jobs import (  # noqa: F401
    _cheap_hashes,
    test_a_team_job_is_seen_by_its_members_and_admins_only,
    test_may_read_and_the_sql_clauses_agree,
)
from tests.test_app_flow import (  # noqa: F401
    test_a_summary_and_a_plan_saved_on_their_pages_come_back_in_a_reloaded_workspace,
)
from tests.test_workspace import test_work_survives_a_reload_through_the_url  # noqa: F401
from tests.test_store import (  # noqa: F401
    test_audit_rows_never_contain_note_text,
    test_every_save_is_a_version,
    test_feedback_and_model_registry,
    test_reopen_keeps_data,
)

pytestmark = pytest.mark.timeout(300)
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def pg_server():
    url, stop = pg.server_url()
    yield url
    stop()


@pytest.fixture
def settings(data_dir, monkeypatch, pg_server):
    from medcore.config import Settings

    monkeypatch.setenv("MEDCORE_DATA_DIR", str(data_dir))
    monkeypatch.setenv("MEDCORE_KNOWLEDGE_CACHE_DIR", str(REPO / ".data" / "test-knowledge-cache"))
    monkeypatch.setenv("MEDCORE_LLM_BACKEND", "template")
    monkeypatch.setenv("MEDCORE_DATABASE_URL", pg.fresh_database(pg_server))
    return Settings.load(secrets={})


@pytest.fixture(autouse=True)
def _queue_worker(request, settings):
    """The job tests need a `python -m medcore worker` on their database: with Postgres the app only queues."""
    if not request.node.name.startswith("test_job"):
        yield
        return
    proc = subprocess.Popen([sys.executable, "-m", "medcore", "worker"], cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=dict(os.environ))
    yield
    proc.terminate()
    proc.wait(timeout=30)


def test_the_store_really_is_postgres(store):
    assert store.engine.dialect.name == "postgresql"
    item = store.save_work("chat", {"turns": ["ünïcode ✓", "x" * 50_000]}, title="t")
    assert store.get_work(item).data["turns"][0] == "ünïcode ✓"


def test_an_unreachable_server_is_a_clear_error_without_the_password(monkeypatch, tmp_path):
    from medcore.store import Store, StoreError

    with pytest.raises(StoreError) as err:
        Store("postgresql+psycopg://medcore:s3cret@127.0.0.1:1/nowhere")
    assert "cannot be used" in str(err.value) and "s3cret" not in str(err.value)


def test_a_whole_page_saves_to_postgres(settings, store):
    """The case trainer page, end to end, keeps the student's case in Postgres."""
    at = AppTest.from_file(str(REPO / "pages" / "case_trainer.py"), default_timeout=180).run()
    assert not at.exception
    at.number_input(key="case_seed").set_value(3)
    at.selectbox(key="case_f_condition").set_value("pneumonia")
    at.button(key="case_start").click().run()
    at.chat_input(key="case_input").set_value("Do you have a cough?").run()
    assert not at.exception and not at.error
    cases = store.list_work(kind="case")
    assert cases and store.engine.dialect.name == "postgresql"
    assert any("cough" in str(w.data).lower() for w in cases)


def test_a_queued_job_waits_for_a_worker_and_any_worker_runs_it(store, settings):
    from medcore import jobs

    out = settings.path("runs", "queued")
    job_id = jobs.start_job(store, settings, "demo", "queued", ["train", "demo", "--steps", "20", "--ckpt-every",
                                                                 "10", "--out", str(out)], out_dir=out)
    job = jobs.get_job(store, job_id)
    assert job.status == "queued" and not job.pid
    assert jobs.reconcile(store, stale_after_s=0) == []  # waiting in the queue is not a dead worker
    done = subprocess.run([sys.executable, "-m", "medcore", "worker", "--once"], cwd=REPO, capture_output=True,
                          text=True, timeout=240, env=dict(os.environ))
    assert done.returncode == 0, done.stderr[-2000:]
    job = jobs.get_job(store, job_id)
    assert job.status == "done" and job.result["final_step"] == 20 and os.path.exists(job.log_path)


def test_worker_on_sqlite_says_there_is_nothing_to_take(tmp_path):
    env = dict(os.environ, MEDCORE_DATABASE_URL=f"sqlite:///{tmp_path / 'x.db'}", MEDCORE_DATA_DIR=str(tmp_path))
    done = subprocess.run([sys.executable, "-m", "medcore", "worker", "--once"], cwd=REPO, capture_output=True,
                          text=True, timeout=120, env=env)
    assert done.returncode == 2 and "SQLite" in done.stderr
