import json
import sqlite3

import pytest
from sqlalchemy import text

from medcore.store import SCHEMA_VERSION, V1_DDL, Store, StoreError

NOTE = ("Patient John Smith, MRN 4452187, seen 03/14/2025 for chest pain. Lives at 12 Elm Street. "
        "Phone 555-201-3344.")


def test_creates_sqlite_in_wal_mode(store):
    assert store.schema_version() == SCHEMA_VERSION
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar().lower() == "wal"


def test_reopen_keeps_data(settings):
    s1 = Store.open(settings)
    item = s1.save_work("summary", {"one_liner": "x"}, title="t", workspace="ws1")
    s1.engine.dispose()
    s2 = Store.open(settings)
    assert s2.get_work(item).data == {"one_liner": "x"}
    assert s2.latest_work("summary", "ws1").id == item


def test_every_save_is_a_version(store):
    item = store.save_work("plan", {"drug": "amlodipine 5 mg"}, title="HTN plan")
    store.save_work("plan", {"drug": "amlodipine 10 mg"}, item_id=item, reason="BP still high")
    store.save_work("plan", {"drug": "lisinopril 10 mg"}, item_id=item, reason="ankle oedema")
    rec = store.get_work(item)
    assert rec.version == 3 and rec.data["drug"] == "lisinopril 10 mg"
    versions = store.work_versions(item)
    assert [v.version for v in versions] == [1, 2, 3]
    assert versions[0].data["drug"] == "amlodipine 5 mg" and versions[2].reason == "ankle oedema"


def test_migrates_a_version_1_database_without_losing_rows(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for ddl in V1_DDL:
        conn.execute(ddl)
    conn.execute("INSERT INTO work_items (id, kind, title, workspace, user, status, data, version, created, updated) "
                 "VALUES (1, 'chat', 'old chat', 'w', 'local', 'open', ?, 1, '2025-01-01 00:00:00', "
                 "'2025-01-01 00:00:00')", (json.dumps({"turns": 3}),))
    conn.execute("INSERT INTO jobs (id, kind, name, status, argv, config, result, error, out_dir, log_path, "
                 "cancel_requested, created) VALUES (1, 'demo', 'old job', 'done', '[]', '{}', '{}', '', '', '', 0, "
                 "'2025-01-01 00:00:00')")
    conn.commit()
    conn.close()

    store = Store(f"sqlite:///{path}")
    assert store.schema_version() == SCHEMA_VERSION
    assert store.get_work(1).data == {"turns": 3}
    from medcore import jobs

    old = jobs.get_job(store, 1)
    assert old.name == "old job" and old.heartbeat is None  # the v2 column exists, empty
    assert old.team is None  # the v5 column exists, empty: the old job stays with its owner and admins
    assert store.get_work(1).team is None  # the v4 column exists, empty: the old chat stays its owner's only
    store.register_model("image", "m", "/x")  # a v2 table works
    assert store.list_models()[0].name == "m"


def test_refuses_a_newer_database(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'n.db'}")
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE meta SET value='999' WHERE key='schema_version'"))
    with pytest.raises(StoreError, match="newer"):
        Store(f"sqlite:///{tmp_path / 'n.db'}")


def test_audit_rows_never_contain_note_text(store):
    store.audit("summarize", tool="records", object_type="note", object_id=7, note=NOTE, status="ok",
                words=42, model="template")
    store.audit("view", tool="records", detail_text=NOTE[:60], status=NOTE)  # even under a "safe" key
    with store.engine.connect() as conn:
        dump = " ".join(str(r) for r in conn.execute(text("SELECT * FROM audit_events")))
    for fragment in ("John", "Smith", "4452187", "555-201-3344", "Elm Street", "chest pain"):
        assert fragment not in dump
    events = store.audit_events()
    assert events[-1]["detail"]["status"] == "ok" and events[-1]["detail"]["words"] == 42
    assert set(events[-1]["detail"]["note"]) == {"chars", "sha256"}


def test_feedback_and_model_registry(store):
    store.add_feedback("therapy", "modify", item_id=3, reason="renal dose", data={"from": "10 mg", "to": "5 mg"})
    assert store.list_feedback("therapy")[0]["data"]["to"] == "5 mg"
    a = store.register_model("image", "a", "/a", metrics={"fid": 12.0}, activate=True)
    b = store.register_model("image", "b", "/b")
    assert store.active_model("image").id == a
    store.set_active_model(b)
    assert store.active_model("image").id == b and not store.get_model(a).active
