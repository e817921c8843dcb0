"""Reading an Open Referral UK 3.0 API over HTTP: `/services` pages, then each record.

`import https://host/services` reads every page (`?page=2`, ...) and then each
service's `/services/{id}` record, because a page need not carry contacts. A URL
that answers with one record, or with our own export, is read as that. It is
bounded: at most MAX_PAGES pages and MAX_RECORDS records, each request with a
timeout, and only http(s) URLs.
"""

from __future__ import annotations

import httpx

from services_directory.openreferral_import import NOT_OPEN_REFERRAL, Record, records_in

MAX_PAGES = 100
MAX_RECORDS = 5000
TIMEOUT_SECONDS = 15.0


class FetchError(ValueError):
    """The API could not be read at all (the first request failed, or not ORUK)."""


def is_url(text: str) -> bool:
    return text.startswith(("https://", "http://"))


def fetch_records(url: str, client: httpx.Client | None = None
                  ) -> tuple[list[Record], dict, list[str]]:
    """The records an ORUK API serves at `url`, its organisations, and notes on the way.

    Records that could not be fetched come back with `error` set, so they are
    reported as skipped rather than silently missing.
    """
    own = client is None
    client = client or httpx.Client(timeout=TIMEOUT_SECONDS, follow_redirects=True)
    try:
        return _fetch(httpx.URL(url), client)
    finally:
        if own:
            client.close()


def _get(client: httpx.Client, url: httpx.URL) -> object:
    response = client.get(url, headers={"Accept": "application/json"})
    response.raise_for_status()
    return response.json()


def _fetch(url: httpx.URL, client: httpx.Client) -> tuple[list[Record], dict, list[str]]:
    try:
        first = _get(client, url)
    except (httpx.HTTPError, ValueError) as exc:
        raise FetchError(f"cannot read {url}: {exc}") from None
    if not (isinstance(first, dict) and isinstance(first.get("contents"), list)):
        try:
            records, organisations = records_in(first)
        except ValueError:
            raise FetchError(f"{url}: {NOT_OPEN_REFERRAL}") from None
        return [Record(r.where if r.where != "record" else str(url), r.data, url=str(url))
                for r in records], organisations, []

    notes: list[str] = []
    items = list(first["contents"])
    page = first
    pages = 1
    while not _last(page) and pages < MAX_PAGES and len(items) < MAX_RECORDS:
        # Our own count: a server that repeats its page number must not loop us.
        next_url = url.copy_set_param("page", str(pages + 1))
        try:
            fetched = _get(client, next_url)
        except (httpx.HTTPError, ValueError) as exc:
            notes.append(f"stopped at {next_url}: {exc}")
            break
        # `page` stays the last good page, so the check after the loop can read it.
        if not isinstance(fetched, dict) or not isinstance(fetched.get("contents"), list):
            notes.append(f"stopped at {next_url}: not a /services page")
            break
        page = fetched
        items += page["contents"]
        pages += 1
    if not _last(page) and not notes:
        notes.append(f"stopped after {pages} page(s) and {len(items)} record(s) (the limit); "
                     f"the API lists {first.get('total_items')}")
    return [_record(client, url, index, item) for index, item in
            enumerate(items[:MAX_RECORDS])], {}, notes


def _last(page: dict) -> bool:
    if page.get("last_page") is True or page.get("empty") is True or not page.get("contents"):
        return True
    number, total = page.get("page_number"), page.get("total_pages")
    return isinstance(number, int) and isinstance(total, int) and number >= total


def _record(client: httpx.Client, page_url: httpx.URL, index: int, item: object) -> Record:
    """The full `/services/{id}` record for one item of a page."""
    if not isinstance(item, dict) or not item.get("id"):
        return Record(f"contents.{index}", item)
    record_url = page_url.copy_with(path=page_url.path.rstrip("/") + f"/{item['id']}",
                                    query=None)
    try:
        data = _get(client, record_url)
    except (httpx.HTTPError, ValueError) as exc:
        return Record(str(record_url), item, url=str(record_url),
                      error=f"could not fetch its record: {exc}")
    return Record(str(record_url), data, url=str(record_url))
