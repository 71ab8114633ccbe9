"""tests/serial.py is complete: a test file that measures CPU time, or starts a live server, runs in the serial
part of scripts/test.sh, and every listed file exists."""

import re

from tests.conftest import REPO
from tests.serial import SERIAL_FILES

# a CPU-time budget or a live server/browser: these need the machine to themselves
NEEDS_ALONE = re.compile(r"time\.process_time\(|from tests\.live_server import|import tests\.live_server|"
                         r"from tests import live_server|accelerate launch|_cpu_seconds_of_a_warm_read")


def test_every_file_that_times_cpu_or_starts_a_server_runs_alone():
    found = {p.relative_to(REPO).as_posix() for p in (REPO / "tests").rglob("test_*.py")
             if p.name != "test_serial_list.py" and NEEDS_ALONE.search(p.read_text(encoding="utf-8"))}
    assert found, "the pattern found nothing: it no longer matches how the tests time or start servers"
    assert not found - SERIAL_FILES, f"add to tests/serial.py: {sorted(found - SERIAL_FILES)}"


def test_every_listed_file_exists():
    assert all((REPO / f).is_file() for f in SERIAL_FILES), [f for f in SERIAL_FILES if not (REPO / f).is_file()]


def test_the_mark_is_registered_and_the_runner_uses_it():
    ini = (REPO / "pytest.ini").read_text(encoding="utf-8")
    runner = (REPO / "scripts" / "test.sh").read_text(encoding="utf-8")
    assert "serial:" in ini
    assert '-m "not serial"' in runner and "-m serial" in runner
