"""Writes the dev notes, their gold PHI and our spans to $PHI_EXPORT (default /tmp/phi_dev_export.json) for
presidio_compare.py, which runs in a separate virtual environment. The file holds note text: keep it out of the repo."""
import json, os
from medcore.records.real_notes import load_set
from medcore.deid import deidentify
out = []
for n in load_set("dev").notes:
    out.append({"id": n.id, "text": n.text, "gold": [(p.start, p.end, p.kind) for p in n.phi],
                "ours": [(s.start, s.end, s.type) for s in deidentify(n.text).spans]})
json.dump(out, open(os.environ.get("PHI_EXPORT", "/tmp/phi_dev_export.json"), "w"))
