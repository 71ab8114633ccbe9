"""Case trainer: synthetic patients for students (engine not built yet; the frame says so)."""

from ui.frame import require_tool

require_tool("cases")
