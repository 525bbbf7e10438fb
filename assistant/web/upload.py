"""Adding minutes from the page: checked with the readers, stored safely under the corpus, then ingested."""

from __future__ import annotations

import logging
import os
import re
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import gradio as gr

from assistant.export import slugify
from assistant.ingest import file_sha256
from assistant.prompts import localized
from assistant.settings import Settings
from assistant.web import html
from assistant.web.state import Services
from assistant.web.texts import Relabeler, ui

log = logging.getLogger(__name__)

ALLOWED_SUFFIXES = (".pdf", ".json", ".html", ".htm", ".txt", ".md", ".text")


@dataclass
class UploadOutcome:
    name: str  # the name the user gave the file
    ok: bool
    message: str
    stored: Path | None = None
    created: bool = False  # stored by this upload (not a file that was already in the corpus)


@dataclass
class UploadReport:
    outcomes: list[UploadOutcome] = field(default_factory=list)
    ingest_message: str = ""

    @property
    def stored(self) -> list[Path]:
        return [o.stored for o in self.outcomes if o.ok and o.stored]

    def markdown(self) -> str:
        lines = [f"- {'✅' if o.ok else '⛔'} {html.md_safe(o.message)}" for o in self.outcomes]
        if self.ingest_message:
            lines.append(f"\n{html.md_safe(self.ingest_message)}")
        return "\n".join(lines)


def uploads_dir(settings: Settings) -> Path:
    return settings.corpus_path / "uploads"


def safe_name(name: str) -> str:
    """A slug of the file's own name: no folders, no dots in front, ASCII letters, digits and dashes."""
    base = re.split(r"[\\/]", str(name))[-1]
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    slug = slugify(stem, 80)
    suffix = re.sub(r"[^a-z0-9]", "", suffix.lower())[:8]
    return f"{slug or 'referat'}.{suffix}" if suffix else slug or "referat"


def find_same(src: Path, folder: Path) -> Path | None:
    """A file under `folder` with the same bytes as `src` (sizes compared first, then hashes)."""
    size, digest = src.stat().st_size, None
    if not folder.is_dir():
        return None
    for p in folder.rglob("*"):
        if p.is_symlink() or not p.is_file() or p.stat().st_size != size:
            continue
        digest = digest or file_sha256(src)
        if file_sha256(p) == digest:
            return p
    return None


def store_upload(src: Path, name: str, settings: Settings, lang: str = "da") -> tuple[Path, bool]:
    """Copy `src` into the uploads folder under a safe, unused name; returns (path, created).

    Never overwrites: a different file of the same name gets "-2", "-3", ...; a file whose bytes are already in
    the corpus returns that file with created=False (so a meeting is never indexed twice). Symlinks in the
    uploads folder are never followed. Raises ValueError if the target would fall outside the folder.
    """
    folder = uploads_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    root = folder.resolve()
    same = find_same(src, settings.corpus_path)
    if same is not None:
        return same, False
    slug = safe_name(name)
    stem, dot, suffix = slug.rpartition(".")
    stem, suffix = (stem, "." + suffix) if dot else (slug, "")
    for i in range(1, 1000):
        candidate = root / (f"{stem}{suffix}" if i == 1 else f"{stem}-{i}{suffix}")
        if candidate.parent != root or candidate.name in ("", ".", ".."):
            raise ValueError(ui("upload_bad_name", lang, name=name))  # no server path in the message
        if candidate.is_symlink() or candidate.exists():
            continue
        try:
            # O_EXCL: two uploads of the same name at the same moment cannot overwrite each other
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except FileExistsError:
            continue
        with os.fdopen(fd, "wb") as out, open(src, "rb") as inp:
            shutil.copyfileobj(inp, out)
        return candidate, True
    raise ValueError(ui("upload_name_taken", lang, name=name, slug=slug))


def check_upload(src: Path, name: str, settings: Settings, lang: str, municipality: str | None = None):
    """Read the file with the product's readers. Returns (ReadResult or None, refusal message or "")."""
    from assistant.readers import read_file

    size_mb = src.stat().st_size / 1_000_000
    if size_mb > settings.upload_max_mb:
        return None, ui("upload_too_big", lang, name=name, size=size_mb, limit=settings.upload_max_mb)
    suffix = Path(safe_name(name)).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        return None, ui("upload_type", lang, name=name, ext=suffix or name)
    result = read_file(src, settings, municipality=municipality or None)
    if result.error is not None or result.meeting is None:
        problem = localized(result.error, lang) if result.error else f"{name}: ?"
        # the reader names its temp path; the user knows the file by the name they gave it
        for shown in (str(Path(src).resolve()), str(src)):
            problem = problem.replace(shown, name)
        return result, ui("upload_refused", lang, problem=problem)
    if result.meeting.start is None:
        # Minutes always carry a meeting date; without it no answer could cite when something was decided.
        return result, ui(
            "upload_no_date", lang, name=name, warnings=" ".join(localized(w, lang) for w in result.warnings)
        )
    return result, ""


def add_uploads(
    services: Services,
    files: Iterable[tuple[Path, str]],
    lang: str,
    municipality: str | None = None,
    progress: Callable[[int, int, int], None] | None = None,
) -> UploadReport:
    """Check each (path, original name), store the good ones under the corpus, then ingest them."""
    settings = services.settings
    report = UploadReport()
    from assistant.ingest import IngestRunning, ingest, ingest_running

    if ingest_running(settings):  # refused before anything is stored: nothing half-added to retry later
        report.ingest_message = ui("ingest_busy", lang)
        return report
    for src, name in files:
        name = Path(re.split(r"[\\/]", str(name))[-1]).name or "?"
        try:
            result, refusal = check_upload(Path(src), name, settings, lang, municipality)
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
            log.exception("checking upload %s failed", name)
            result, refusal = None, ui("upload_refused", lang, problem=f"{name}: {exc}")
        if refusal:
            report.outcomes.append(UploadOutcome(name, False, refusal))
            continue
        try:
            stored, created = store_upload(Path(src), name, settings, lang)
        except ValueError as exc:
            report.outcomes.append(UploadOutcome(name, False, ui("upload_refused", lang, problem=str(exc))))
            continue
        except OSError as exc:  # the reason only: the server's folders are nobody's business
            problem = ui("upload_not_stored", lang, name=name, error=exc.strerror or type(exc).__name__)
            report.outcomes.append(UploadOutcome(name, False, ui("upload_refused", lang, problem=problem)))
            continue
        m = result.meeting
        if not created:
            corpus = settings.corpus_path
            existing = stored.relative_to(corpus) if stored.is_relative_to(corpus) else stored
            msg = ui("upload_duplicate", lang, name=name, existing=str(existing))
        else:
            msg = ui(
                "upload_saved",
                lang,
                name=stored.name,
                committee=m.committee,
                date=html.date_text(m.date_iso, lang),
                n=len(m.points),
            )
        report.outcomes.append(UploadOutcome(name, True, msg, stored, created))
    if report.stored:
        try:
            rep = ingest(report.stored, settings, municipality=municipality or None, progress=progress,
                         show_progress=False)
        except IngestRunning:  # one started meanwhile: take back the files this upload stored, and say so
            for o in report.outcomes:
                if o.ok and o.stored and o.created:
                    o.stored.unlink(missing_ok=True)
            report.outcomes = []
            report.ingest_message = ui("ingest_busy", lang)
            return report
        services.reload()
        refused = sum(not o.ok for o in report.outcomes)  # refused at the check count with those ingest refused
        report.ingest_message = ui(
            "ingest_done", lang, added=rep.files_added, changed=rep.files_changed, failed=rep.files_failed + refused
        )
    return report


def upload_callback(services: Services, files, municipality: str | None, lang: str, progress=None) -> str:
    """Gradio callback: file paths from a gr.File (filepath mode) -> Markdown report."""
    if not files:
        return html.md_safe(ui("upload_none", lang))
    pairs = []
    for f in files if isinstance(files, list | tuple) else [files]:
        path = Path(getattr(f, "name", None) or str(f))
        orig = getattr(f, "orig_name", None) or path.name
        pairs.append((path, orig))

    def on_progress(done: int, total: int, chunks: int) -> None:
        if progress is not None:
            progress((done, max(total, 1)), desc=ui("ingesting", lang, done=done, total=total, chunks=chunks))

    return add_uploads(services, pairs, lang, municipality, on_progress).markdown()


@dataclass
class UploadComponents:
    files: gr.File
    municipality: gr.Textbox
    button: gr.Button
    result: gr.Markdown


def build(settings: Settings, lang: str, tr: Relabeler) -> UploadComponents:
    def help_text(lg: str) -> str:
        return html.md_safe(ui("upload_help", lg, mb=settings.upload_max_mb))

    tr.add(gr.Markdown(help_text(lang)), value=help_text)
    files = gr.File(
        label=ui("upload_files", lang),
        file_count="multiple",
        file_types=list(ALLOWED_SUFFIXES),
        type="filepath",
        elem_id="upload-files",
    )
    municipality = gr.Textbox(label=ui("upload_muni", lang), placeholder="Slagelse Kommune", elem_id="upload-muni")
    button = gr.Button(ui("upload_button", lang), variant="primary", elem_id="upload-button")
    result = gr.Markdown(elem_id="upload-result")
    tr.add(files, label="upload_files")
    tr.add(municipality, label="upload_muni")
    tr.add(button, value="upload_button")
    return UploadComponents(files, municipality, button, result)


def wire(c: UploadComponents, services: Services, lang_state: gr.State) -> None:
    def run(files, muni, lang, progress=gr.Progress()):  # noqa: B008 - Gradio injects progress this way
        return upload_callback(services, files, muni, lang, progress)

    c.button.click(run, [c.files, c.municipality, lang_state], [c.result], api_name=False)
