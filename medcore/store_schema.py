"""The database schema: tables, the schema version, and the migrations that bring an older database forward.

Kept apart from store.py (the API over it); store re-exports every name here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

SCHEMA_VERSION = 5


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Meta(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(256))


class AuditEvent(Base):
    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ts: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user: Mapped[str] = mapped_column(String(128))
    tool: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str | None] = mapped_column(String(64), nullable=True)
    object_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    detail: Mapped[dict] = mapped_column(JSON, default=dict)


class WorkItem(Base):
    __tablename__ = "work_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str] = mapped_column(String(256), default="")
    workspace: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    user: Mapped[str] = mapped_column(String(128), default="local")
    status: Mapped[str] = mapped_column(String(32), default="open")
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Added in schema version 4: the team (see teams.py) the owner shared the item with; None is the owner's only.
    team: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)


class WorkVersion(Base):
    __tablename__ = "work_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("work_items.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="")
    user: Mapped[str] = mapped_column(String(128), default="local")
    ts: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Job(Base):
    __tablename__ = "jobs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(256), default="")
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    argv: Mapped[list] = mapped_column(JSON, default=list)
    config: Mapped[dict] = mapped_column(JSON, default=dict)
    result: Mapped[dict] = mapped_column(JSON, default=dict)
    error: Mapped[str] = mapped_column(Text, default="")
    out_dir: Mapped[str] = mapped_column(String(1024), default="")
    log_path: Mapped[str] = mapped_column(String(1024), default="")
    pid: Mapped[int | None] = mapped_column(Integer, nullable=True)
    host: Mapped[str] = mapped_column(String(256), default="")
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    resumed_from: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    started: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    finished: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # Added in schema version 2: lets a crashed worker be told from a slow one.
    heartbeat: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # Added in schema version 3: who started it (quotas, and who may cancel, resume or read it).
    owner: Mapped[str] = mapped_column(String(128), default="local", index=True)
    # Added in schema version 5: the team (teams.py) an admin made the job visible to; None is owner and admins only.
    team: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)


class JobProgress(Base):
    __tablename__ = "job_progress"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id"), index=True)
    ts: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    step: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)
    loss: Mapped[float | None] = mapped_column(Float, nullable=True)
    eta_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    preview_path: Mapped[str | None] = mapped_column(String(1024), nullable=True)
    metrics: Mapped[dict] = mapped_column(JSON, default=dict)


class Feedback(Base):
    __tablename__ = "feedback"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ts: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    user: Mapped[str] = mapped_column(String(128), default="local")
    tool: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(32))  # accept | reject | modify | rating | correction
    item_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict] = mapped_column(JSON, default=dict)


class ModelEntry(Base):
    __tablename__ = "models"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(256))
    path: Mapped[str] = mapped_column(String(1024))
    config: Mapped[dict] = mapped_column(JSON, default=dict)
    metrics: Mapped[dict] = mapped_column(JSON, default=dict)
    job_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Account(Base):
    """A local account for shared mode. Only an argon2 hash of the password is kept."""

    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True, index=True)
    role: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(String(256), default="")
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_login: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class Team(Base):
    """A group of users an admin defines; work shared with it is visible to its members (medcore.teams)."""

    __tablename__ = "teams"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(128), default="local")


class TeamMember(Base):
    __tablename__ = "team_members"
    __table_args__ = (UniqueConstraint("team_id", "user", name="uq_team_member"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    user: Mapped[str] = mapped_column(String(128), index=True)
    added: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# ---- migrations -------------------------------------------------------------
# Version 1 is the first released schema, kept verbatim so tests can build an
# old database and prove that opening it with this code keeps every row.
V1_DDL = [
    "CREATE TABLE meta (key VARCHAR(64) PRIMARY KEY, value VARCHAR(256))",
    "CREATE TABLE audit_events (id INTEGER PRIMARY KEY, ts DATETIME, user VARCHAR(128), tool VARCHAR(64), "
    "action VARCHAR(64), object_type VARCHAR(64), object_id VARCHAR(64), detail JSON)",
    "CREATE TABLE work_items (id INTEGER PRIMARY KEY, kind VARCHAR(64), title VARCHAR(256), workspace VARCHAR(64), "
    "user VARCHAR(128), status VARCHAR(32), data JSON, version INTEGER, created DATETIME, updated DATETIME)",
    "CREATE TABLE work_versions (id INTEGER PRIMARY KEY, item_id INTEGER REFERENCES work_items(id), version INTEGER, "
    "data JSON, reason TEXT, user VARCHAR(128), ts DATETIME)",
    "CREATE TABLE jobs (id INTEGER PRIMARY KEY, kind VARCHAR(64), name VARCHAR(256), status VARCHAR(16), argv JSON, "
    "config JSON, result JSON, error TEXT, out_dir VARCHAR(1024), log_path VARCHAR(1024), pid INTEGER, "
    "host VARCHAR(256), cancel_requested BOOLEAN, resumed_from INTEGER, created DATETIME, started DATETIME, "
    "finished DATETIME)",
    "CREATE TABLE job_progress (id INTEGER PRIMARY KEY, job_id INTEGER REFERENCES jobs(id), ts DATETIME, "
    "step INTEGER, total INTEGER, loss FLOAT, eta_s FLOAT, preview_path VARCHAR(1024), metrics JSON)",
    "CREATE TABLE feedback (id INTEGER PRIMARY KEY, ts DATETIME, user VARCHAR(128), tool VARCHAR(64), "
    "kind VARCHAR(32), item_id INTEGER, rating INTEGER, reason TEXT, data JSON)",
    "INSERT INTO meta (key, value) VALUES ('schema_version', '1')",
]


def _migrate_1_to_2(conn) -> None:
    conn.execute(text("ALTER TABLE jobs ADD COLUMN heartbeat DATETIME"))
    # The model registry table is new in v2; create_all below adds it.


def _migrate_2_to_3(conn) -> None:
    conn.execute(text("ALTER TABLE jobs ADD COLUMN owner VARCHAR(128) DEFAULT 'local'"))
    conn.execute(text("UPDATE jobs SET owner = 'local' WHERE owner IS NULL"))
    # The accounts table is new in v3; create_all adds it.


def _migrate_3_to_4(conn) -> None:
    conn.execute(text("ALTER TABLE work_items ADD COLUMN team VARCHAR(64)"))
    conn.execute(text("CREATE INDEX ix_work_items_team ON work_items (team)"))
    # The teams and team_members tables are new in v4; create_all adds them.


def _migrate_4_to_5(conn) -> None:
    conn.execute(text("ALTER TABLE jobs ADD COLUMN team VARCHAR(64)"))
    conn.execute(text("CREATE INDEX ix_jobs_team ON jobs (team)"))


MIGRATIONS = {1: _migrate_1_to_2, 2: _migrate_2_to_3, 3: _migrate_3_to_4, 4: _migrate_4_to_5}


# ---- plain records returned to callers -----------------------------------------
@dataclass
class WorkRecord:
    id: int
    kind: str
    title: str
    workspace: str | None
    user: str
    status: str
    data: dict
    version: int
    created: datetime
    updated: datetime
    team: str | None = None  # shared with this team's members (schema v4)


@dataclass
class VersionRecord:
    version: int
    data: dict
    reason: str
    user: str
    ts: datetime


@dataclass
class ModelRecord:
    id: int
    kind: str
    name: str
    path: str
    config: dict = field(default_factory=dict)
    metrics: dict = field(default_factory=dict)
    job_id: int | None = None
    active: bool = False
    created: datetime | None = None


def _work(row: WorkItem) -> WorkRecord:
    return WorkRecord(row.id, row.kind, row.title, row.workspace, row.user, row.status, dict(row.data or {}),
                      row.version, row.created, row.updated, row.team)


def _model(row: ModelEntry) -> ModelRecord:
    return ModelRecord(row.id, row.kind, row.name, row.path, dict(row.config or {}), dict(row.metrics or {}),
                       row.job_id, bool(row.active), row.created)
