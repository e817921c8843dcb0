"""`export --format openreferral-api` and `import URL`, against a local ORUK API.

The API is a thread serving on 127.0.0.1 only; nothing else is reached.
"""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from services_directory import Directory, check_directory, openreferral_api
from services_directory.__main__ import main
from services_directory.openreferral_schemas import SCHEMA_DIR, page_errors, service_errors

Capture = pytest.CaptureFixture[str]
EXAMPLE_ID = "ac148810-d857-441c-9679-408f346de14b"
MISSING_ID = "0f4b8c1e-0000-4000-8000-00000000dead"


class API:
    """What the server serves: `/services?page=N` from `pages`, `/services/{id}` from
    `records`; every path asked for is kept in `asked`."""

    def __init__(self) -> None:
        self.pages: list[dict] = []
        self.records: dict[str, dict] = {}
        self.asked: list[str] = []
        self.url = ""


@pytest.fixture
def api() -> Iterator[API]:
    state = API()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.asked.append(self.path)
            parts = urlsplit(self.path)
            page = int(parse_qs(parts.query).get("page", ["1"])[0])
            if parts.path == "/services" and 1 <= page <= len(state.pages):
                body = state.pages[page - 1]
            elif parts.path.startswith("/services/") and parts.path[10:] in state.records:
                body = state.records[parts.path[10:]]
            else:
                self.send_error(404)
                return
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def example(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def test_export_writes_what_an_api_serves(directory: Directory, tmp_path: Path) -> None:
    assert main(["export", "--format", "openreferral-api", "--output", str(tmp_path)]) == 0
    page = json.loads((tmp_path / "services.json").read_text())
    assert page_errors(page) == []
    records = sorted((tmp_path / "services").iterdir())
    assert len(records) == page["total_items"] == len(directory.services)
    for file in records:
        record = json.loads(file.read_text())
        assert file.stem == record["id"] and service_errors(record) == []


def test_export_for_the_api_needs_a_folder(capsys: Capture) -> None:
    assert main(["export", "--format", "openreferral-api"]) == 2
    assert "needs --output FOLDER" in capsys.readouterr().err


def test_import_by_url_follows_pages_and_reads_each_record(
    api: API, empty_data: Path, capsys: Capture
) -> None:
    first = example("example_service_list.json")
    first.update(total_pages=2, last_page=False)
    second = copy.deepcopy(first)
    second.update(page_number=2, first_page=False, last_page=True)
    second["contents"][0].update(id=MISSING_ID, name="Missing record")
    api.pages = [first, second]
    api.records = {EXAMPLE_ID: example("example_service_full.json")}
    assert main(["import", f"{api.url}/services", "--data", str(empty_data)]) == 0
    out = capsys.readouterr().out
    assert api.asked == ["/services", "/services?page=2", f"/services/{EXAMPLE_ID}",
                         f"/services/{MISSING_ID}"]
    record = f"{api.url}/services/{EXAMPLE_ID} (community-counselling)"
    assert f"skipped {record}: needs: no need words: taxonomy terms not in our vocabulary" in out
    assert f"skipped {record}: service_areas.0: unknown area" in out
    assert f"skipped {api.url}/services/{MISSING_ID} (missing-record): -: could not fetch its " \
           "record" in out and "404" in out
    assert "imported 0 of 2 service record(s)" in out
    assert list((empty_data / "services").iterdir()) == []


def test_import_by_url_reads_a_single_record(api: API, empty_data: Path, capsys: Capture) -> None:
    api.records = {EXAMPLE_ID: example("example_service_full.json")}
    assert main(["import", f"{api.url}/services/{EXAMPLE_ID}", "--data", str(empty_data)]) == 0
    out = capsys.readouterr().out
    assert api.asked == [f"/services/{EXAMPLE_ID}"]
    assert f"skipped {api.url}/services/{EXAMPLE_ID} (community-counselling): needs:" in out


def test_our_api_export_served_and_imported_by_url_gives_the_services_back(
    api: API, directory: Directory, empty_data: Path, tmp_path: Path, capsys: Capture
) -> None:
    assert main(["export", "--format", "openreferral-api", "--output", str(tmp_path)]) == 0
    api.pages = [json.loads((tmp_path / "services.json").read_text())]
    api.records = {file.stem: json.loads(file.read_text())
                   for file in (tmp_path / "services").iterdir()}
    assert main(["import", f"{api.url}/services", "--data", str(empty_data)]) == 0
    assert len(api.asked) == 1 + len(directory.services)
    imported, problems = check_directory(empty_data)
    assert imported is not None, problems
    reachable = [service for service in directory.services if service.contacts]
    assert sorted(imported.by_id) == sorted(service.id for service in reachable)
    for service in reachable:
        assert imported.get(service.id) == service, service.id


def test_import_by_url_is_bounded(
    api: API, empty_data: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    endless = example("example_service_list.json")
    endless.update(total_pages=1000)
    api.pages = [endless] * 10
    monkeypatch.setattr(openreferral_api, "MAX_PAGES", 3)
    assert main(["import", f"{api.url}/services", "--data", str(empty_data),
                 "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert [path for path in api.asked if "page" in path] == ["/services?page=2",
                                                              "/services?page=3"]
    assert "note: stopped after 3 page(s) and 3 record(s) (the limit); the API lists 10" in out


def test_import_by_url_that_cannot_be_read(api: API, empty_data: Path, capsys: Capture) -> None:
    assert main(["import", f"{api.url}/nothing-here", "--data", str(empty_data)]) == 1
    err = capsys.readouterr().err
    assert f"cannot read {api.url}/nothing-here" in err and "404" in err


def test_a_later_page_that_is_not_a_services_page_stops_the_import_with_a_note(
    api: API, empty_data: Path, capsys: Capture
) -> None:
    first = example("example_service_list.json")
    first.update(total_pages=2, last_page=False)
    api.pages = [first, ["not", "a", "page"]]  # type: ignore[list-item]
    assert main(["import", f"{api.url}/services", "--data", str(empty_data),
                 "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f"note: stopped at {api.url}/services?page=2: not a /services page" in out
