"""One typed Settings object, read from MEDCORE_* env vars and Streamlit secrets.

Every default works offline on a CPU-only machine, so a fresh checkout runs
with no configuration at all.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from medcore.errors import DomainError

REPO_ROOT = Path(__file__).resolve().parent.parent
# The development data sets (MTSamples, PubMedQA, MedQuAD, CPIC) sit beside the repository and are never shipped.
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


def shared_data(*parts: str) -> Path | None:
    """A file or folder of the development data beside the repository, or None when it is not on this machine."""
    p = SHARED_DATA.joinpath(*parts)
    return p if p.exists() else None
LLM_BACKENDS = ("auto", "template", "embedded", "hf", "openai")
# What the app says while model text is off, and how to turn it on.
MODEL_TEXT_OFF = ("Model text is off: this machine has no GPU and no served model, and the embedded model takes minutes "
                  "per answer on a CPU. Every result is still computed by the engines. To turn it on, set "
                  "MEDCORE_LLM_BACKEND=embedded (slow on a CPU), or openai with MEDCORE_LLM_BASE_URL pointing at a "
                  "served model.")


@dataclass(frozen=True, eq=False)
class StatusShip:
    """`python -m medcore.status_cache --ship` at work: the status counts made now are also written to `folder`
    (assets/status/), and `names` collects every status counted, so that files of names no longer counted go."""

    folder: Path
    names: set[str] = field(default_factory=set)


def accelerator_present() -> bool:
    """An NVIDIA GPU or Apple silicon, looked up without importing torch (which costs seconds at start)."""
    import platform
    import sys

    if sys.platform == "darwin" and platform.machine() == "arm64":
        return True
    return Path("/proc/driver/nvidia/version").exists() or Path("/dev/nvidia0").exists()


def default_llm_backend() -> str:
    """`auto`: the embedded model where it runs at a useful speed, otherwise no model text (template)."""
    return "embedded" if accelerator_present() else "template"
DEVICES = ("auto", "cpu", "cuda", "mps")


class SettingsError(DomainError):
    """A setting has a value we cannot use; the message names the variable."""


def _default_data_dir() -> Path:
    # platformdirs is only used for the default; an explicit MEDCORE_DATA_DIR wins.
    from platformdirs import user_data_dir

    return Path(user_data_dir("medcore-studio", appauthor=False))


@dataclass(frozen=True)
class Settings:
    data_dir: Path = field(default_factory=_default_data_dir)
    assets_dir: Path = REPO_ROOT / "assets"
    database_url: str = ""  # empty: SQLite file inside data_dir
    device: str = "auto"
    torch_threads: int = 1
    # The literature reader's role encoder: "auto" runs it in bfloat16 where the CPU multiplies bfloat16 natively
    # (AMX or AVX512-BF16: about twice as fast, same dev roles), else in float32; "float32" or "bfloat16" forces one
    role_encoder_dtype: str = "auto"
    seed: int = 0
    user: str = "local"
    # Language model
    llm_backend: str = "auto"  # resolved in __post_init__ (default_llm_backend)
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: str = ""
    llm_timeout_s: float = 60.0
    llm_max_new_tokens: int = 256
    llm_trusted: bool = False  # an admin's choice: send the openai endpoint text without de-identifying it
    # Input limits
    max_upload_mb: int = 50
    # Ten times the longest real note we have seen (18k characters); the engines' time grows with the text.
    max_note_chars: int = 200_000
    max_archive_files: int = 20_000
    max_archive_uncompressed_mb: int = 2_000
    # Knowledge layer: where the built terminology cache lives (empty: data_dir/knowledge)
    knowledge_cache_dir: str = ""
    max_file_mb: int = 64  # one file inside an archive, or a deflated DICOM once inflated
    max_image_pixels: int = 64_000_000  # width x height x frames, checked before decoding
    # Heavy engine work (summaries) runs in this many worker processes (0: in the server process), each
    # request stopped after engine_timeout_s
    engine_workers: int = 2
    engine_timeout_s: float = 300.0
    # The server starts its engine workers at start and loads the tools' knowledge bases in them (workpool.warm),
    # so the first summary or plan does not wait seconds for a worker (issue 14)
    engine_warm: bool = True
    # Jobs: training jobs one user may run at once
    max_jobs_per_user: int = 2
    max_total_jobs_per_user: int = 200  # every job a user ever started, resumes included
    # Access: "" (local mode when bound to 127.0.0.1), "accounts" or "oidc"
    auth: str = ""
    # OIDC (auth="oidc"): a claim listing the person's groups, and "group=role,..." (see medcore.oidc); empty: an
    # account row of the person's e-mail gives the role
    oidc_role_claim: str = ""
    oidc_roles: str = ""
    # OIDC providers that send no email_verified (Microsoft Entra ID): "ISSUER=CLAIM,..." names, for sign-ins whose
    # `iss` is exactly ISSUER, the claim that identifies the person (e.g. preferred_username). Empty: every provider
    # must send email with email_verified true, and others are refused (medcore.oidc)
    oidc_trusted_claims: str = ""
    # Jobs: a running job whose heartbeat is older than this is considered dead
    job_stale_after_s: float = 120.0
    # The shared model cache (medcore.model_cache): at most this many loaded models and engines per server process,
    # and about this much memory; the least recently used goes first
    model_cache_max_items: int = 8
    model_cache_max_mb: float = 4096.0
    # Tests only (tests/conftest.py turns it on): the pages' error boundary re-raises an unexpected error after
    # showing its message, so a page test sees it as an exception; the app itself never sets it
    raise_ui_errors: bool = False
    # Set only by medcore.status_cache.ship() (never from the environment): where the status counts go as shipped
    status_ship: StatusShip | None = field(default=None, compare=False, metadata={"env": False})

    def __post_init__(self) -> None:
        if self.llm_backend not in LLM_BACKENDS:
            raise SettingsError(
                f"MEDCORE_LLM_BACKEND={self.llm_backend!r}: choose one of {', '.join(LLM_BACKENDS)}"
            )
        if self.llm_backend == "auto":
            object.__setattr__(self, "llm_backend", default_llm_backend())
        if self.device not in DEVICES:
            raise SettingsError(f"MEDCORE_DEVICE={self.device!r}: choose one of {', '.join(DEVICES)}")
        if self.role_encoder_dtype not in ("auto", "float32", "bfloat16"):
            raise SettingsError(f"MEDCORE_ROLE_ENCODER_DTYPE={self.role_encoder_dtype!r}: choose auto, float32 or "
                                "bfloat16")
        if self.engine_workers < 0 or self.engine_timeout_s <= 0:
            raise SettingsError("MEDCORE_ENGINE_WORKERS must be 0 or more and MEDCORE_ENGINE_TIMEOUT_S positive")
        if self.llm_backend == "openai" and not self.llm_base_url:
            raise SettingsError("MEDCORE_LLM_BACKEND=openai needs MEDCORE_LLM_BASE_URL")
        if self.llm_backend == "hf" and not self.llm_model:
            raise SettingsError("MEDCORE_LLM_BACKEND=hf needs MEDCORE_LLM_MODEL (a local model directory or GGUF file)")
        for name in ("torch_threads", "max_upload_mb", "max_note_chars", "max_archive_files", "max_archive_uncompressed_mb",
                     "max_file_mb", "max_image_pixels", "max_jobs_per_user",
                     "max_total_jobs_per_user", "model_cache_max_items", "model_cache_max_mb"):
            if getattr(self, name) <= 0:
                raise SettingsError(f"{name} must be positive, got {getattr(self, name)}")

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'medcore.db'}"

    @property
    def kb_dir(self) -> Path:
        return self.assets_dir / "kb"

    def path(self, *parts: str) -> Path:
        """A directory under data_dir, created on first use."""
        p = self.data_dir.joinpath(*parts)
        p.mkdir(parents=True, exist_ok=True)
        return p

    def replace(self, **changes: Any) -> "Settings":
        return dataclasses.replace(self, **changes)

    def public_dict(self) -> dict[str, Any]:
        """For display: secrets masked."""
        out = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.metadata.get("env", True)}
        if out["llm_api_key"]:
            out["llm_api_key"] = "***"
        return {k: str(v) if isinstance(v, Path) else v for k, v in out.items()}

    @classmethod
    def load(
        cls,
        env: Mapping[str, str] | None = None,
        secrets: Mapping[str, Any] | None = None,
        secrets_path: Path | None = None,
    ) -> "Settings":
        """Build from env vars, over secrets, over defaults.

        Secrets come from `.streamlit/secrets.toml`: either MEDCORE_* keys at the top
        level or plain keys in a [medcore] table. Env vars win, so a deployment can
        override a checked-in secrets file.
        """
        env = os.environ if env is None else env
        if secrets is None:
            secrets = _read_secrets(secrets_path or REPO_ROOT / ".streamlit" / "secrets.toml")
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if not f.metadata.get("env", True):
                continue
            key = f"MEDCORE_{f.name.upper()}"
            raw = env.get(key)
            if raw is None:
                raw = secrets.get(key, secrets.get("medcore", {}).get(f.name) if isinstance(secrets.get("medcore"), Mapping) else None)
            if raw is None or raw == "":
                continue
            values[f.name] = _coerce(f, raw, key)
        return cls(**values)


def _read_secrets(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path} is not valid TOML: {exc}") from exc


def _coerce(f: dataclasses.Field, raw: Any, key: str) -> Any:
    kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
    try:
        if kind == "Path":
            return Path(str(raw)).expanduser()
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        if kind == "bool":
            return str(raw).strip().lower() in ("1", "true", "yes", "on")
        return str(raw)
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"{key}={raw!r} is not a valid {kind}") from exc
