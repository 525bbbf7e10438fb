"""The add-minutes view's fetch from a configured FirstAgenda site, against a real HTTP server on loopback."""

from __future__ import annotations

import pytest
from test_fetch import MUNI, SLUG, in_range, site  # noqa: F401 - `site` is a fixture

from assistant.settings import Settings
from assistant.web.fetch_view import fetch_callback
from assistant.web.state import Services

pytestmark = pytest.mark.server


def _services(tmp_path, url: str | None) -> Services:
    settings = Settings(
        index=tmp_path / "index", corpus=tmp_path / "corpus", fetch_site=url, fetch_delay=0, municipality=MUNI
    )
    return Services(settings)


def test_fetch_view_downloads_from_the_configured_site(tmp_path, site):  # noqa: F811
    services = _services(tmp_path, site.url)
    out = fetch_callback(services, "2023-01-01", "", "da", dry_run=True)
    assert MUNI in out
    assert not list((tmp_path / "corpus" / SLUG).glob("*.json"))  # a dry run saves nothing
    assert site.meeting_hits() == []  # and asks for the committee list only

    progress_calls = []
    out = fetch_callback(services, "", "", "da", dry_run=False, progress=lambda *a, **k: progress_calls.append(a))
    saved = sorted((tmp_path / "corpus" / SLUG).glob("*.json"))
    assert len(saved) == len(site.meetings) and f"{len(site.meetings)} nye" in out
    assert progress_calls
    assert in_range(site)  # the site serves meetings of 2023 (sanity of the fixture)


def test_fetch_view_refuses_a_bad_date_and_a_missing_site(tmp_path, site):  # noqa: F811
    assert "ÅÅÅÅ-MM-DD" in fetch_callback(_services(tmp_path, site.url), "9/12-2025", "", "da")
    assert "No publication site is configured" in fetch_callback(_services(tmp_path, None), "", "", "en")
    # the fetcher's own reason, in the page's language
    assert "is not a web address" in fetch_callback(_services(tmp_path, "ftp://x"), "", "", "en")
    assert "er ikke en webadresse" in fetch_callback(_services(tmp_path, "ftp://x"), "", "", "da")
    assert site.meeting_hits() == []
