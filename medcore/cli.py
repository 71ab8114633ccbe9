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

from medcore.config import Settings, SettingsError

TOOL_COMMAND_MODULES = (
    "medcore.core_commands",
    "medcore.user_commands",
    "medcore.imaging.commands",
    "medcore.records.commands",
    "medcore.triage.commands",
    "medcore.therapy.commands",
    "medcore.cases.commands",
)


@dataclass
class Registry:
    """Where a tool hangs its subcommands. Handlers: `func(args, settings) -> int`."""

    top: argparse._SubParsersAction
    train: argparse._SubParsersAction
    generate: argparse._SubParsersAction
    eval: argparse._SubParsersAction
    bench: argparse._SubParsersAction


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
        p.set_defaults(func=_group_help(p))
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


def _group_help(p: argparse.ArgumentParser):
    def show(args, settings) -> int:
        p.print_help()
        return 2

    return show


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        settings = Settings.load()
    except SettingsError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    return int(args.func(args, settings) or 0)
