"""Time the ESDH readers on the real Ballerup and Syddjurs files, against the PDF text extraction the FirstAgenda
print reader uses (pdfplumber) on the same PDFs, in the same run.

Usage: .venv/bin/python benchmarks/readers_esdh.py [--repeat N]     Writes benchmarks/results/readers_esdh.json.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.common import machine, print_table, ratio, summary, write_result  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"


def _times(fn, repeat: int) -> dict[str, float]:  # noqa: ANN001
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return summary(out)


def main() -> None:
    from assistant.readers import acadre_xml, docx, edoc_xml, esdh_pdf, print_layout

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    files = sorted((CORPUS / "ballerup").glob("*")) + sorted((CORPUS / "syddjurs").glob("*"))
    if not files:
        raise SystemExit(f"Ingen filer i {CORPUS}/ballerup eller /syddjurs.")
    readers = {".pdf": esdh_pdf.read_pdf, ".docx": docx.read}
    rows, result = [], {"machine": machine(), "repeat": args.repeat, "files": []}
    for path in files:
        data = path.read_bytes()
        if path.suffix == ".xml":
            read = acadre_xml.read if b'<table name="agenda">' in data[:4096] else edoc_xml.read
            if b"<org>" in data[:200]:
                continue  # the Acadre manifest is not minutes
        else:
            read = readers[path.suffix]
        ours = _times(lambda d=data, r=read: r(d, []), args.repeat)
        base = _times(lambda d=data: print_layout.pdf_text(d), args.repeat) if path.suffix == ".pdf" else None
        speedup = ratio(base["p50"], ours["p50"]) if base else None
        rows.append([path.name[:48], round(len(data) / 1024), ours["p50"], base["p50"] if base else None, speedup])
        result["files"].append({"file": path.name, "kb": len(data) // 1024, "ours": ours, "pdfplumber": base,
                                "pdfplumber_over_ours": speedup})  # fmt: skip
    print_table(["file", "kB", "ours p50 s", "pdfplumber p50 s", "pdfplumber / ours"], rows, 48)
    write_result("readers_esdh", result)


if __name__ == "__main__":
    main()
