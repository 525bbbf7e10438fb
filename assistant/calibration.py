"""Refusal thresholds relative to the index's own model: what its cosines mean on this index.

A cosine of 0.86 is a close match for one embedder and noise for another. At the first answer after an index
changes (or its model does), the best cosine against the index is measured for two fixed kinds of question, per
language: questions no minutes answer (``data/refusal_probes.tsv``) and questions made from the index's own point
titles ("Hvad blev besluttet om <titel>?"). Their medians, the *unrelated* and the *related* level, are recorded in
the catalog's meta with the model id and the index generation. An answer's evidence is then read on that scale:
0 at the unrelated level, 1 at the related level, and the refusal threshold and penalties are positions on it.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

PROBES = Path(__file__).resolve().parent / "data" / "refusal_probes.tsv"
META_KEY = "refusal_calibration"
TITLE_PROBES = 24  # point titles sampled evenly over the index: enough for a stable median, ~1 s of embedding
TITLE_TEMPLATES = {"da": "Hvad blev besluttet om {title}?", "en": "What was decided about {title}?"}
MIN_SPREAD = 0.02  # a scale narrower than this (a one-point index) is no scale: the levels are kept this far apart


@dataclass
class Calibration:
    """The unrelated and related levels of an index's best cosines, per language."""

    model_id: str
    generation: int
    unrelated: dict[str, float]
    related: dict[str, float]

    def level(self, cosine: float, lang: str) -> float:
        """A cosine on this index's scale: 0 = as similar as an unrelated question, 1 = as a question about a
        point's own title."""
        lo, hi = self.unrelated.get(lang, self.unrelated["da"]), self.related.get(lang, self.related["da"])
        return (cosine - lo) / max(hi - lo, MIN_SPREAD)

    def spread(self, lang: str) -> float:
        lo, hi = self.unrelated.get(lang, self.unrelated["da"]), self.related.get(lang, self.related["da"])
        return max(hi - lo, MIN_SPREAD)


def load_probes(path: Path = PROBES) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and "\t" in line:
            lang, question = line.split("\t", 1)
            out.setdefault(lang.strip(), []).append(question.strip())
    return out


def _best(index: Any, question: str) -> float:
    hits = index.dense_vector(index.embedder.embed_query(question), 1)
    return float(hits[0][1]) if hits else 0.0


def _titles(catalog: Any, n: int) -> list[str]:
    meetings = catalog.meetings()
    points = [p for m in meetings for p in m.points if not p.closed and len(p.title) >= 8]
    if not points:
        return []
    step = max(1, len(points) // n)
    return [p.title for p in points[::step][:n]]


def calibrate(index: Any) -> Calibration | None:
    """Measure the two levels on ``index`` (None for an empty index)."""
    titles = _titles(index.catalog, TITLE_PROBES)
    if not titles:
        return None
    unrelated, related = {}, {}
    for lang, questions in load_probes().items():
        unrelated[lang] = statistics.median(_best(index, q) for q in questions)
        template = TITLE_TEMPLATES.get(lang, TITLE_TEMPLATES["da"])
        related[lang] = statistics.median(_best(index, template.format(title=t)) for t in titles)
    generation = int(getattr(index.catalog, "generation", 0) or 0)
    return Calibration(index.embedder.model_id, generation, unrelated, related)


def calibration_for(index: Any) -> Calibration | None:
    """The index's calibration: read from its meta when it was measured with the same model on the same
    generation of the index, else measured now and recorded."""
    catalog = index.catalog
    model_id = index.embedder.model_id
    generation = int(getattr(catalog, "generation", 0) or 0)
    get = getattr(catalog, "get_meta", None)
    raw = get(META_KEY) if get else None
    if raw:
        try:
            cal = Calibration(**json.loads(raw))
            if cal.model_id == model_id and cal.generation == generation:
                return cal
        except (TypeError, ValueError):
            pass
    cal = calibrate(index)
    if cal is not None and hasattr(catalog, "set_meta"):
        try:
            catalog.set_meta(META_KEY, json.dumps(asdict(cal)))
        except Exception:  # a read-only index still answers; it measures again next time
            pass
    return cal
