"""Session-30 wrapper: python docs/evals/triage-s30/add_phrases.py (appends additions.yaml; _tools/triage_add_phrases.py)."""
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.exit(subprocess.call([sys.executable, os.path.join(here, "..", "_tools", "triage_add_phrases.py"),
                          os.path.join(here, "additions.yaml"), *sys.argv[1:]]))
