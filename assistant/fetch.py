"""Fetch minutes from a FirstAgenda Publication site (``/api/agenda/udvalgsliste`` + ``/api/agenda/dagsorden/<id>``).

Each meeting's JSON is saved as ``<corpus>/<municipality-slug>/<committee>_<date>_<id>.json`` with an atomic write,
a meeting is requested again only when its entry in the committee list changed (or with ``recheck``), a file is
rewritten only when the canonical JSON changed, and the municipality folder is then ingested incrementally.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from assistant.fetch_http import HttpProblem, PoliteClient
from assistant.messages import Message
from assistant.prompts import phrase
from assistant.readers.municipality import name_from_domain_label
from assistant.settings import Settings
from assistant.textutil import slugify

__all__ = ["FetchError", "FetchReport", "HttpProblem", "MeetingOutcome", "MeetingRef", "PoliteClient",
           "fetch_firstagenda"]

LIST_PATH = "/api/agenda/udvalgsliste"
MEETING_PATH = "/api/agenda/dagsorden/"
STATE_NAME = ".fetch-state"  # no file extension, so readers never take it for minutes
PART_SUFFIX = ".part"
MAX_CONSECUTIVE_FAILURES = 3  # meetings in a row the site fails to serve before the run stops

Progress = Callable[[int, int, str], None]


class FetchError(RuntimeError):
    """The run stopped (site unreachable, 4xx on the committee list, ...). ``report`` holds what was done; the
    message (a Message) says why, in Danish or English (``prompts.localized``)."""

    def __init__(self, message: str, report: FetchReport | None = None):
        super().__init__(message)
        self.report = report


@dataclass(frozen=True)
class MeetingRef:
    """One meeting as the committee list names it."""

    meeting_id: str
    committee: str
    start: str  # ``Dato`` as the site gives it
    date: date | None
    kind: str  # ``Navn``: Dagsorden, Referat, ...
    listing_hash: str  # hash of the whole list entry: a new ReleasedDate or Navn means "ask again"

    @property
    def file_name(self) -> str:
        day = self.date.isoformat() if self.date else "udateret"
        return f"{slugify(self.committee, 60) or 'udvalg'}_{day}_{safe_id(self.meeting_id)}.json"


@dataclass
class MeetingOutcome:
    ref: MeetingRef
    status: str  # "new" | "changed" | "unchanged" | "would-fetch" | "failed"
    path: str = ""
    problem: str = ""


@dataclass
class FetchReport:
    site: str
    municipality: str
    folder: str
    dry_run: bool = False
    committees: list[str] = field(default_factory=list)  # committees that matched the filters
    listed: int = 0  # meetings in the committee list
    outcomes: list[MeetingOutcome] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    ingest: Any = None  # assistant.ingest.IngestReport when ingested

    def _with(self, *statuses: str) -> list[MeetingOutcome]:
        return [o for o in self.outcomes if o.status in statuses]

    @property
    def saved(self) -> list[MeetingOutcome]:
        return self._with("new", "changed")

    @property
    def failed(self) -> list[MeetingOutcome]:
        return self._with("failed")

    def counts(self) -> dict[str, int]:
        keys = ("new", "changed", "unchanged", "would-fetch", "failed")
        return {k: len(self._with(k)) for k in keys}

    def summary(self, lang: str = "da") -> str:
        c, n = self.counts(), len(self.outcomes)
        if self.dry_run:
            return phrase("fetch_summary_dry", lang, municipality=self.municipality, n=n, fetch=c["would-fetch"],
                          unchanged=c["unchanged"])
        return phrase("fetch_summary", lang, municipality=self.municipality, n=n, new=c["new"], changed=c["changed"],
                      unchanged=c["unchanged"], failed=c["failed"], folder=self.folder)


# ---------------------------------------------------------------- names


def safe_id(meeting_id: str) -> str:
    """The meeting id as a file-name part; a hash when the id has characters a file name cannot keep."""
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9-]{0,63}", meeting_id):
        return meeting_id.lower()
    return "id-" + hashlib.sha1(meeting_id.encode("utf-8")).hexdigest()[:20]


def normalise_site(site: str) -> str:
    """``dagsordener.greve.dk/`` -> ``https://dagsordener.greve.dk``; a pasted API or page URL keeps only its base."""
    raw = site.strip()
    if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", raw):
        raw = "https://" + raw
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(Message("fetch_not_an_address", site=site))
    path = re.split(r"/api/agenda\b", parts.path, maxsplit=1)[0].rstrip("/")
    return f"{parts.scheme}://{parts.netloc}{path}"


def municipality_from_site(site: str) -> str:
    """``https://dagsordener.greve.dk`` -> "Greve Kommune"; ValueError for a host that names no municipality."""
    host = (urlsplit(normalise_site(site)).hostname or "").lower()
    labels = host.split(".")
    if len(labels) < 2 or re.fullmatch(r"[\d.]+|\[?[0-9a-f:]+\]?", host) or labels[-1] == "localhost":
        raise ValueError(Message("fetch_host_names_no_municipality", host=host))
    return name_from_domain_label(labels[-2])


def municipality_slug(municipality: str) -> str:
    base = re.sub(r"\s+(regions)?kommune$", "", municipality.strip(), flags=re.IGNORECASE)
    return slugify(base or municipality, 60) or "kommune"


def canonical_hash(doc: Any) -> str:
    """Hash of the JSON with sorted keys and no whitespace: formatting and key order do not count as changes."""
    text = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_meeting_date(value: Any) -> date | None:
    """The local date of ``Dato`` ("2022-01-10T08:00:00+01:00", "2022-01-10", "10-01-2022")."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    if m := re.match(r"(\d{4})-(\d{2})-(\d{2})", value):
        y, mo, d = m.groups()
    elif m := re.match(r"(\d{1,2})[-./](\d{1,2})[-./](\d{4})", value):
        d, mo, y = m.groups()
    else:
        return None
    try:
        return date(int(y), int(mo), int(d))
    except ValueError:
        return None


# ---------------------------------------------------------------- shapes


def parse_listing(doc: Any, url: str) -> tuple[list[MeetingRef], list[str]]:
    """Meetings in an ``udvalgsliste`` answer, de-duplicated by id; raises HttpProblem on another shape."""
    groups = doc.get("Udvalg") if isinstance(doc, dict) else None
    if not isinstance(groups, dict):
        raise HttpProblem(url, Message("fetch_not_listing", field="Udvalg"))
    refs: dict[str, MeetingRef] = {}
    committees: list[str] = []
    for members in groups.values():
        for committee in members if isinstance(members, list) else []:
            if not isinstance(committee, dict):
                continue
            name = str(committee.get("Navn") or "").strip() or "Ukendt udvalg"
            if name not in committees:
                committees.append(name)
            for m in committee.get("Moeder") or []:
                if not isinstance(m, dict) or not str(m.get("Id") or "").strip():
                    continue
                mid = str(m["Id"]).strip()
                refs.setdefault(mid, MeetingRef(
                    meeting_id=mid, committee=name, start=str(m.get("Dato") or ""),
                    date=parse_meeting_date(m.get("Dato")), kind=str(m.get("Navn") or ""),
                    listing_hash=canonical_hash(m)[:32]))
    return sorted(refs.values(), key=lambda r: (r.date or date.min, r.committee, r.meeting_id)), committees


def meeting_problem(doc: Any, ref: MeetingRef) -> str | None:
    """Why ``doc`` is not one FirstAgenda meeting (None when it is)."""
    if not isinstance(doc, dict):
        return Message("fetch_not_meeting", kind=type(doc).__name__)
    missing = [k for k, t in (("Dagsordenpunkter", list), ("Moede", dict), ("Udvalg", dict))
               if not isinstance(doc.get(k), t)]
    if missing:
        return Message("fetch_not_meeting_shape", fields=", ".join(missing))
    doc_id = str(doc.get("Id") or "").strip()
    if doc_id and doc_id.lower() != ref.meeting_id.lower():
        return Message("fetch_other_meeting", id=doc_id)
    return None


# ---------------------------------------------------------------- files


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary name in the same folder, fsync, then rename: a crash leaves no half-written file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=PART_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable where the platform allows it
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def remove_stale_parts(folder: Path) -> int:
    """Temporary files a killed run left behind."""
    n = 0
    for p in folder.glob(f".*{PART_SUFFIX}"):
        p.unlink(missing_ok=True)
        n += 1
    return n


class _RunLock:
    """One fetch at a time into a folder (an advisory lock in the temp dir; the OS releases it if the process dies)."""

    def __init__(self, folder: Path):
        self.folder = folder
        digest = hashlib.sha1(str(folder.resolve()).encode("utf-8")).hexdigest()[:16]
        self.path = Path(tempfile.gettempdir()) / f"referat-fetch-{digest}.lock"
        self.fh: Any = None

    def __enter__(self) -> _RunLock:
        try:
            import fcntl
        except ImportError:  # not POSIX: no lock
            return self
        self.fh = open(self.path, "w")  # noqa: SIM115 - held for the whole run
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.fh.close()
            raise FetchError(Message("fetch_running", folder=self.folder)) from None
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fh:
            self.fh.close()  # closing releases the lock


def _load_state(folder: Path) -> dict[str, dict[str, str]]:
    try:
        doc = json.loads((folder / STATE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    meetings = doc.get("meetings") if isinstance(doc, dict) else None
    return meetings if isinstance(meetings, dict) else {}


def _save_state(folder: Path, site: str, state: dict[str, dict[str, str]]) -> None:
    doc = {"site": site, "meetings": state}
    atomic_write(folder / STATE_NAME, json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))


def _file_hash(path: Path) -> str | None:
    try:
        return canonical_hash(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def ensure_minutes_toml(folder: Path, municipality: str, site: str, explicit: bool) -> str:
    """The municipality the folder's minutes.toml names; written when missing (or when given explicitly)."""
    path = folder / "minutes.toml"
    if path.is_file():
        try:
            current = tomllib.loads(path.read_text(encoding="utf-8")).get("municipality")
        except (OSError, tomllib.TOMLDecodeError):
            current = None
        if isinstance(current, str) and current.strip() and (not explicit or current.strip() == municipality):
            return current.strip()
    text = (f"# Facts about the minutes in this folder that the documents do not state themselves.\n"
            f"# Fetched from {site} by `minutes fetch firstagenda`.\n"
            f"municipality = {json.dumps(municipality, ensure_ascii=False)}\n")
    atomic_write(path, text.encode("utf-8"))
    return municipality


# ---------------------------------------------------------------- the run


def select(refs: Iterable[MeetingRef], committees: Iterable[str] = (), since: date | None = None,
           until: date | None = None) -> list[MeetingRef]:
    """Meetings of committees matching any of ``committees`` (case-insensitive substring) within the dates."""
    wanted = [c.casefold().strip() for c in committees if c and c.strip()]
    out = []
    for r in refs:
        if wanted and not any(w in r.committee.casefold() for w in wanted):
            continue
        if (since or until) and r.date is None:
            continue
        if (since and r.date < since) or (until and r.date > until):
            continue
        out.append(r)
    return out


def _ingest(paths: list[Path], settings: Settings, municipality: str, progress: Progress | None) -> Any:
    """The one door to ingestion: incremental over the whole folder, so files a killed run saved get indexed too,
    and pruned, so a meeting file renamed or removed here leaves the index as well."""
    from assistant.ingest import ingest

    last: list[tuple[int, int]] = []

    def on_files(done: int, total: int, chunks: int) -> None:
        if progress and (done == total or done % 10 == 1) and (not last or last[-1] != (done, total)):
            last.append((done, total))
            progress(done, total, f"Indlæser {done}/{total} filer")

    return ingest(paths, settings, municipality=municipality, prune=True, progress=on_files,
                  show_progress=progress is None)


def fetch_firstagenda(site: str, settings: Settings, *, municipality: str | None = None,
                      committees: Iterable[str] = (), since: date | None = None, until: date | None = None,
                      dry_run: bool = False, ingest: bool = True, progress: Progress | None = None,
                      recheck: bool = False, session: Any = None) -> FetchReport:
    """Download new and changed meetings from a FirstAgenda Publication site into the corpus, then ingest them.

    Raises ValueError for a bad site or date range and FetchError when the run has to stop (its ``report`` says
    what was saved before). Meetings the site cannot serve are reported in ``FetchReport.outcomes`` and skipped.
    """
    base = normalise_site(site)
    if since and until and since > until:
        raise ValueError(Message("fetch_since_after_until", since=since, until=until))
    explicit = bool(municipality and municipality.strip())
    name = municipality.strip() if explicit else municipality_from_site(base)
    folder = settings.corpus_path / municipality_slug(name)
    report = FetchReport(site=base, municipality=name, folder=str(folder), dry_run=dry_run)
    client = PoliteClient(settings, session=session)

    try:
        refs, all_committees = parse_listing(client.get_json(base + LIST_PATH), base + LIST_PATH)
    except HttpProblem as exc:
        hint = Message("fetch_check_address.hint" if exc.status and exc.status < 500 else "fetch_try_later.hint")
        raise FetchError(Message("fetch_listing_failed", url=exc.url, error=exc.message, hint=hint), report) from None
    report.listed = len(refs)
    wanted = [c for c in committees if c and c.strip()]
    for w in wanted:
        if not any(w.casefold().strip() in c.casefold() for c in all_committees):
            report.warnings.append(Message("fetch_no_committee_on_site", site=base, wanted=w))
    if wanted and len(report.warnings) == len(wanted):
        names = ", ".join(repr(w) for w in wanted)
        raise FetchError(Message("fetch_no_committee", wanted=names, committees="; ".join(all_committees)), report)
    chosen = select(refs, wanted, since, until)
    report.committees = sorted({r.committee for r in chosen})
    if dry_run:
        _sync(chosen, folder, base, client, report, recheck, progress, dry_run=True)
        return report

    folder.mkdir(parents=True, exist_ok=True)
    with _RunLock(folder):
        remove_stale_parts(folder)
        report.municipality = ensure_minutes_toml(folder, name, base, explicit)
        _sync(chosen, folder, base, client, report, recheck, progress)
        if ingest:
            try:
                report.ingest = _ingest([folder], settings, report.municipality, progress)
            except (RuntimeError, OSError) as exc:  # another ingest running, another embedder in the index, ...
                raise FetchError(Message("fetch_ingest_failed", folder=folder, error=exc), report) from exc
    return report


def _sync(chosen: list[MeetingRef], folder: Path, base: str, client: PoliteClient, report: FetchReport,
          recheck: bool, progress: Progress | None, dry_run: bool = False) -> None:
    """Bring the folder's files up to date with the chosen meetings, recording an outcome for each."""
    state = _load_state(folder) if folder.is_dir() else {}
    existing = {p.name: p for p in folder.glob("*.json")} if folder.is_dir() else {}
    failures_in_row = 0
    for i, ref in enumerate(chosen, 1):
        path = folder / ref.file_name
        known = state.get(ref.meeting_id, {})
        old = existing.get(known.get("file", "")) or existing.get(path.name)
        old_hash = _file_hash(old) if old else None
        if old and not recheck and known.get("listing") == ref.listing_hash and known.get("sha256") == old_hash:
            report.outcomes.append(MeetingOutcome(ref, "unchanged", str(old)))
            continue
        if dry_run:
            report.outcomes.append(MeetingOutcome(ref, "would-fetch", str(path)))
            continue
        if progress:
            progress(i - 1, len(chosen), Message("fetch_progress", i=i, n=len(chosen), committee=ref.committee,
                                                 date=ref.date or ""))
        url = base + MEETING_PATH + quote(ref.meeting_id, safe="")
        try:
            doc = client.get_json(url)
            problem = meeting_problem(doc, ref)
            if problem:
                raise HttpProblem(url, problem)
        except HttpProblem as exc:
            problem = Message("problem_at_url", error=exc.message, url=exc.url)
            report.outcomes.append(MeetingOutcome(ref, "failed", str(path), problem))
            if exc.status is not None and 400 <= exc.status < 500 and exc.status not in (404, 410, 429):
                raise FetchError(Message("fetch_refused", url=exc.url, error=exc.message), report) from None
            # a site that cannot answer in time counts as one that fails; a single broken meeting does not
            failures_in_row = failures_in_row + 1 if exc.retryable or exc.kind == "deadline" else 0
            if failures_in_row >= MAX_CONSECUTIVE_FAILURES:
                raise FetchError(Message("fetch_site_down", site=base, error=exc.message), report) from None
            continue
        failures_in_row = 0
        digest = canonical_hash(doc)
        if old and old_hash == digest:
            status = "unchanged"
            if old.name != path.name:  # the committee or date changed in the list: the name follows
                os.replace(old, path)
        else:
            status = "changed" if old else "new"
            atomic_write(path, json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8"))
            if old and old.name != path.name:
                old.unlink(missing_ok=True)
        existing[path.name] = path
        state[ref.meeting_id] = {"file": path.name, "sha256": digest, "listing": ref.listing_hash}
        _save_state(folder, base, state)
        report.outcomes.append(MeetingOutcome(ref, status, str(path)))
