"""Persistence: audit log, saved work (with every version kept), jobs, feedback, models, accounts.

SQLite in WAL mode by default (several processes write: the app and its
training jobs), any SQLAlchemy URL otherwise. The schema (store_schema.py) carries a version
number; `migrate` brings an older database forward without losing rows.
"""

from __future__ import annotations

import copy
import json
import logging
import socket
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import create_engine, event, inspect, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from medcore import teams
from medcore.audit_scrub import scrub_detail
from medcore.auth import AccessDenied, User, may_see_owner, require_admin, require_work_kind
from medcore.store_schema import (  # noqa: F401 - re-exported: callers import the tables from here
    MIGRATIONS,
    SCHEMA_VERSION,
    V1_DDL,
    Account,
    AuditEvent,
    Base,
    Feedback,
    Job,
    JobProgress,
    Meta,
    ModelEntry,
    WorkItem,
    ModelRecord,
    VersionRecord,
    WorkRecord,
    WorkVersion,
    _model,
    _work,
    utcnow,
)

log = logging.getLogger(__name__)


class StoreError(RuntimeError):
    """The database cannot be used as asked; the message says why, for the person."""


class NotSaved(StoreError):
    """A write failed (read-only database, full disk): nothing was saved."""


_WRITE_FAULTS = (("readonly", "the database is read-only"), ("read-only", "the database is read-only"),
                 ("disk is full", "the disk is full"), ("disk i/o", "the disk could not be written"),
                 ("database is locked", "the database is busy (locked by another process)"))


def _not_saved(exc: OperationalError) -> NotSaved | None:
    msg = str(exc.orig).lower()
    reason = next((why for key, why in _WRITE_FAULTS if key in msg), None)
    return NotSaved(f"Not saved: {reason}") if reason else None


class Store:
    """Thin facade over a SQLAlchemy engine; safe to share between threads.

    `principal` is the signed-in user a page acts for (`store.as_user(user)`): saved work is then the
    user's own, and admin actions need the admin role. None is the system itself (the CLI, workers,
    engines), which is trusted."""

    principal: User | None = None

    def __init__(self, url: str):
        self.url = url
        kwargs: dict[str, Any] = {"future": True}
        if url.startswith("sqlite"):
            path = url.split("///", 1)[-1]
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        self.engine: Engine = create_engine(url, **kwargs)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        try:
            self.check_integrity()
            self.migrate()
        except DatabaseError as exc:  # "file is not a database", a damaged page, an unreachable server
            raise StoreError(f"the database at {_shown(url)} cannot be used ({exc.orig}); "
                             "restore a backup or move the file aside to start a new one") from exc

    def check_integrity(self) -> None:
        """SQLite's quick_check at open: page-level damage is reported now, not as odd errors later."""
        if not self.url.startswith("sqlite"):
            return
        with self.engine.connect() as conn:
            rows = [r[0] for r in conn.execute(text("PRAGMA quick_check"))]
        if rows != ["ok"]:
            raise StoreError(f"the database is damaged ({'; '.join(rows[:3])}); restore a backup")

    @classmethod
    def open(cls, settings) -> "Store":
        return cls(settings.resolved_database_url)

    def as_user(self, user: User | None) -> "Store":
        """The same database, acting for `user` (a cheap view: the engine is shared)."""
        view = copy.copy(self)
        view.principal = user
        return view

    # -- access checks, applied when a principal is set --
    def _actor(self, user: str | None) -> str:
        return self.principal.name if self.principal is not None else (user or "local")

    def _admin(self, doing: str) -> None:
        if self.principal is not None:
            require_admin(self.principal, doing)

    def _owns(self, row_user: str) -> bool:
        return self.principal is None or may_see_owner(self.principal, row_user)

    def _reads(self, s: Session, row: WorkItem) -> bool:
        """The owner, and the members of the team the owner shared the item with (teams.py)."""
        return teams.may_read(s, self.principal, row)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as s:
            try:
                yield s
                s.commit()
            except OperationalError as exc:
                s.rollback()
                fault = _not_saved(exc)
                if fault:
                    raise fault from exc
                raise
            except BaseException:
                s.rollback()
                raise

    def check_writable(self) -> None:
        """NotSaved now when the database cannot take a write (read-only, full, locked): a long run that ends by
        saving is refused before it starts, not after its work is done. The probe write is rolled back."""
        with self._sessions() as s:
            try:
                s.execute(text("UPDATE meta SET value = value WHERE key = 'schema_version'"))
            except OperationalError as exc:
                fault = _not_saved(exc)
                if fault:
                    raise fault from exc
                raise
            finally:
                s.rollback()

    # -- schema --
    def schema_version(self) -> int:
        insp = inspect(self.engine)
        if not insp.has_table("meta"):
            return 0
        with self.engine.connect() as conn:
            row = conn.execute(text("SELECT value FROM meta WHERE key='schema_version'")).first()
        return int(row[0]) if row else 0

    def migrate(self) -> int:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"database schema version {version} is newer than this app ({SCHEMA_VERSION}); upgrade the app"
            )
        with self.engine.begin() as conn:
            while 0 < version < SCHEMA_VERSION:
                MIGRATIONS[version](conn)
                version += 1
        Base.metadata.create_all(self.engine)  # new tables only; never alters existing ones
        with self.session() as s:
            meta = s.get(Meta, "schema_version")
            if meta is None:
                s.add(Meta(key="schema_version", value=str(SCHEMA_VERSION)))
            else:
                meta.value = str(SCHEMA_VERSION)
        return SCHEMA_VERSION

    # -- audit --
    def audit(self, action: str, *, tool: str, user: str | None = None, object_type: str | None = None,
              object_id: Any = None, **detail: Any) -> None:
        with self.session() as s:
            s.add(AuditEvent(user=self._actor(user), tool=tool, action=action, object_type=object_type,
                             object_id=None if object_id is None else str(object_id)[:64],
                             detail=scrub_detail(detail)))

    def audit_unless_refused(self, action: str, *, tool: str, **kw: Any) -> str | None:
        """`audit`, for a result that stands whether or not it is recorded (a plan, a refusal): a write the
        database refuses (read-only, full) comes back as its reason, for the caller to say; None when written."""
        try:
            self.audit(action, tool=tool, **kw)
        except NotSaved as exc:
            log.warning("audit %s/%s not written: %s", tool, action, exc)
            return str(exc)
        return None

    def audit_events(self, limit: int = 200, tool: str | None = None) -> list[dict]:
        self._admin("read the audit log")
        with self.session() as s:
            q = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
            if tool:
                q = q.where(AuditEvent.tool == tool)
            return [
                {"id": e.id, "ts": e.ts, "user": e.user, "tool": e.tool, "action": e.action,
                 "object_type": e.object_type, "object_id": e.object_id, "detail": e.detail}
                for e in s.scalars(q)
            ]

    # -- saved work --
    def save_work(self, kind: str, data: dict, *, item_id: int | None = None, title: str = "",
                  workspace: str | None = None, status: str | None = None, reason: str = "",
                  user: str | None = None) -> int:
        """Create or update a work item. Every save is kept as a version."""
        if self.principal is not None:
            require_work_kind(self.principal, kind)
        user = self._actor(user)
        data = json.loads(json.dumps(data, default=str))  # JSON-clean, detached from the caller
        with self.session() as s:
            row = s.get(WorkItem, item_id) if item_id is not None else None
            if row is not None and not self._owns(row.user):
                raise AccessDenied(f"work item {item_id} belongs to another user")
            if row is None:
                row = WorkItem(kind=kind, title=title[:256], workspace=workspace, user=user,
                               status=status or "open", data=data, version=1)
                s.add(row)
                s.flush()
            else:
                row.version += 1
                row.data = data
                row.updated = utcnow()
                if title:
                    row.title = title[:256]
                if status:
                    row.status = status
            s.add(WorkVersion(item_id=row.id, version=row.version, data=data, reason=reason, user=user))
            return row.id

    def get_work(self, item_id: int) -> WorkRecord | None:
        """The item, or None when it does not exist or is not the principal's to see."""
        with self.session() as s:
            row = s.get(WorkItem, item_id)
            return _work(row) if row is not None and self._reads(s, row) else None

    def list_work(self, kind: str | None = None, workspace: str | None = None, status: str | None = None,
                  limit: int = 100) -> list[WorkRecord]:
        with self.session() as s:
            q = select(WorkItem).order_by(WorkItem.updated.desc(), WorkItem.id.desc()).limit(limit)
            if kind:
                q = q.where(WorkItem.kind == kind)
            if workspace:
                q = q.where(WorkItem.workspace == workspace)
            if status:
                q = q.where(WorkItem.status == status)
            if self.principal is not None and not self.principal.local:
                q = q.where(teams.visible_clause(s, self.principal))
            return [_work(r) for r in s.scalars(q)]

    def latest_work(self, kind: str, workspace: str) -> WorkRecord | None:
        items = self.list_work(kind=kind, workspace=workspace, limit=1)
        return items[0] if items else None

    def work_versions(self, item_id: int) -> list[VersionRecord]:
        if self.get_work(item_id) is None:
            return []
        with self.session() as s:
            q = select(WorkVersion).where(WorkVersion.item_id == item_id).order_by(WorkVersion.version)
            return [VersionRecord(v.version, dict(v.data or {}), v.reason, v.user, v.ts) for v in s.scalars(q)]

    def set_work_status(self, item_id: int, status: str) -> None:
        """The owner, or a member of its team (taking a shared hand-off); only the owner edits the content."""
        with self.session() as s:
            row = s.get(WorkItem, item_id)
            if row is None or not self._reads(s, row):
                raise KeyError(item_id)
            row.status = status
            row.updated = utcnow()

    # -- feedback --
    def add_feedback(self, tool: str, kind: str, *, item_id: int | None = None, rating: int | None = None,
                     reason: str = "", data: dict | None = None, user: str | None = None) -> int:
        with self.session() as s:
            row = Feedback(tool=tool, kind=kind, item_id=item_id, rating=rating, reason=reason,
                           data=json.loads(json.dumps(data or {}, default=str)), user=self._actor(user))
            s.add(row)
            s.flush()
            return row.id

    def list_feedback(self, tool: str | None = None, limit: int = 1000) -> list[dict]:
        self._admin("read feedback")
        with self.session() as s:
            q = select(Feedback).order_by(Feedback.id.desc()).limit(limit)
            if tool:
                q = q.where(Feedback.tool == tool)
            return [{"id": f.id, "ts": f.ts, "user": f.user, "tool": f.tool, "kind": f.kind, "item_id": f.item_id,
                     "rating": f.rating, "reason": f.reason, "data": f.data} for f in s.scalars(q)]

    # -- model registry --
    def register_model(self, kind: str, name: str, path: str | Path, *, config: dict | None = None,
                       metrics: dict | None = None, job_id: int | None = None, activate: bool = False) -> int:
        # Registering is bookkeeping of a file that code produced (a job's result, a shipped checkpoint), so
        # any principal may trigger it; choosing which model is active is an admin's decision.
        with self.session() as s:
            row = ModelEntry(kind=kind, name=name, path=str(path), config=config or {}, metrics=metrics or {},
                             job_id=job_id, active=False)
            s.add(row)
            s.flush()
            model_id = row.id
        if activate:
            self._activate(model_id)
        return model_id

    def update_model(self, model_id: int, *, config: dict | None = None, metrics: dict | None = None) -> None:
        """Replace a registered model's config and/or metrics (e.g. a shipped checkpoint replaced in an update)."""
        with self.session() as s:
            row = s.get(ModelEntry, model_id)
            if row is None:
                raise KeyError(model_id)
            if config is not None:
                row.config = config
            if metrics is not None:
                row.metrics = metrics

    def list_models(self, kind: str | None = None) -> list[ModelRecord]:
        with self.session() as s:
            q = select(ModelEntry).order_by(ModelEntry.id.desc())
            if kind:
                q = q.where(ModelEntry.kind == kind)
            return [_model(r) for r in s.scalars(q)]

    def get_model(self, model_id: int) -> ModelRecord | None:
        with self.session() as s:
            row = s.get(ModelEntry, model_id)
            return _model(row) if row else None

    def set_active_model(self, model_id: int) -> None:
        self._admin("make a model active")
        self._activate(model_id)
        self.audit("activate_model_checked", tool="lab", object_type="model", object_id=model_id)

    def _activate(self, model_id: int) -> None:
        with self.session() as s:
            row = s.get(ModelEntry, model_id)
            if row is None:
                raise KeyError(model_id)
            for other in s.scalars(select(ModelEntry).where(ModelEntry.kind == row.kind)):
                other.active = other.id == model_id

    def active_model(self, kind: str) -> ModelRecord | None:
        with self.session() as s:
            row = s.scalars(select(ModelEntry).where(ModelEntry.kind == kind, ModelEntry.active.is_(True))).first()
            return _model(row) if row else None


def _shown(url: str) -> str:
    """Where the database is, for a message: a SQLite path, or a server URL without its password."""
    if url.startswith("sqlite"):
        return url.split("///", 1)[-1]
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def hostname() -> str:
    return socket.gethostname()
