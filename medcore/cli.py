"""`python -m medcore ...`: the same functions the Streamlit buttons call.

Each tool adds its own subcommands from `medcore/<tool>/commands.py`, which
defines `register(reg: Registry)`. Those modules must import cheaply (no torch
at module level) so `--help` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from dataclasses import dataclass

from medcore.auth import AccessDenied
from medcore.config import Settings, SettingsError
from medcore.controls import strip_controls
from medcore.errors import DomainError
from medcore.store import StoreError

TOOL_COMMAND_MODULES = (
    "medcore.core_commands",
    "medcore.user_commands",
    "medcore.team_commands",
    "medcore.serve",
    "medcore.imaging.commands",
    "medcore.records.commands",
    "medcore.triage.commands",
    "medcore.therapy.commands",
    "medcore.cases.commands",
    "medcore.knowledge.commands",
    "medcore.literature.commands",
    "medcore.literature.model_commands",
    "medcore.qa.ask_commands",
    "medcore.qa.commands",
)


@dataclass
class Registry:
    """Where a tool hangs its subcommands. Handlers: `func(args, settings) -> int`."""

    top: argparse._SubParsersAction
    train: argparse._SubParsersAction
    generate: argparse._SubParsersAction
    eval: argparse._SubParsersAction
    bench: argparse._SubParsersAction

    def group(self, name: str, *, help: str, description: str = "", metavar: str = "ACTION"):
        """A top-level command with actions of its own (`kg ask`, `case new`); alone, it prints its help."""
        p = self.top.add_parser(name, help=help, description=description or help)
        p.set_defaults(func=group_help(p))
        return p.add_subparsers(dest=f"{name}_command", metavar=metavar)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m medcore", description="Medcore Studio command line.")
    top = parser.add_subparsers(dest="command", metavar="COMMAND")
    groups = {}
    for name, helptext in (
        ("train", "train a model (runs the same loop as the Model lab's buttons)"),
        ("generate", "generate synthetic data with a trained model"),
        ("eval", "evaluate a tool on its annotated set and print JSON"),
        ("bench", "speed benchmarks (ratios against a baseline in the same process)"),
    ):
        p = top.add_parser(name, help=helptext, description=helptext)
        groups[name] = p.add_subparsers(dest=f"{name}_target", metavar="TARGET")
        p.set_defaults(func=group_help(p))
    reg = Registry(top=top, **groups)
    for module_name in TOOL_COMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue  # that tool is not built yet
            raise
        module.register(reg)
    return parser


def group_help(p: argparse.ArgumentParser):
    def show(args, settings) -> int:
        p.print_help()
        return 2

    return show


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    # Only a command that hands its arguments on to another program (serve -> streamlit) takes unknown ones.
    args, extra = parser.parse_known_args(argv)
    if extra and not getattr(args, "pass_through", False):
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.extra_args = extra
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    out, err = sys.stdout, sys.stderr
    # Note text can carry terminal escape sequences; nothing the CLI prints may drive the terminal.
    sys.stdout, sys.stderr = _Clean(out), _Clean(err)
    try:
        try:
            settings = Settings.load()
        except SettingsError as exc:
            print(f"configuration error: {exc}", file=sys.stderr)
            return 2
        try:
            return int(args.func(args, settings) or 0)
        except KeyboardInterrupt:
            print("stopped", file=sys.stderr)
            return 130
        except (StoreError, AccessDenied) as exc:  # not a fault of the code: not saved, or not allowed, said plainly
            print(f"error: {exc}", file=sys.stderr)
            return 1
        except ValueError as exc:
            if not _is_domain_error(exc):
                return _unexpected(exc, settings)
            # A tool's domain error names a problem with the person's input in words: no type name, no log file.
            print(f"error: {exc}", file=sys.stderr)
            return 2
        except Exception as exc:  # noqa: BLE001 - one line for the person, the traceback to a log file
            return _unexpected(exc, settings)
    finally:
        sys.stdout, sys.stderr = out, err


def _is_domain_error(exc: ValueError) -> bool:
    """A medcore tool's own error (the one error format of issue 14), not a bare ValueError that a library or a
    bug raised."""
    return isinstance(exc, DomainError)


def _unexpected(exc: BaseException, settings) -> int:
    where = _log_traceback(settings)
    print(f"error: {type(exc).__name__}: {exc}" + (f" (details in {where})" if where else ""), file=sys.stderr)
    return 1


# escape sequences, C0 and C1 control characters except tab and newline (ESC, BEL, backspace, CSI ...) and bidi
# overrides (medcore.controls); a carriage return too, as it lets a later line overwrite an earlier one on a terminal


class _Clean:
    """A text stream that drops control characters on the way out."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(strip_controls(text).replace("\r", ""))

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _log_traceback(settings) -> str:
    import traceback
    from datetime import datetime

    try:
        path = settings.path("logs") / "cli-errors.log"
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat(timespec='seconds')} {' '.join(sys.argv)}\n")
            fh.write(traceback.format_exc())
        return str(path)
    except OSError:
        return ""
