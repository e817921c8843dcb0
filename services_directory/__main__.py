"""Maintainers' command line: `python -m services_directory COMMAND`.

    validate [--data DIR] [--require-language CODE]   check every data file
    search   [--area A] [--need N] [--language L] [--at 2026-11-23T02:00] ...
                                                        what the assistant would offer
    stale    [--older-than 12m]                         contacts to re-verify, oldest first
    export   --format openreferral [--output FILE]      the directory as Open Referral UK JSON
    export   --format openreferral-api --output DIR     the files an ORUK API serves
    import   FILE_OR_URL [--overwrite] [--dry-run]      service files from ORUK (file or API)

Exit codes: 0 on success, 1 when the data is invalid (every problem is printed,
one per line, as `file: field: what is wrong`), 2 for usage errors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from services_directory.areas import NATIONS
from services_directory.directory import Directory
from services_directory.errors import Problem
from services_directory.hours import UK_TIME
from services_directory.loader import (
    DEFAULT_DATA_DIR,
    OVERLAY_VARIABLE,
    check_directory,
    check_translations,
    overlay_from_environment,
)
from services_directory.openreferral import (
    EXTENSION,
    export_openreferral,
    export_openreferral_api,
)
from services_directory.openreferral_api import fetch_records, is_url
from services_directory.openreferral_import import Imported, Record, import_records, records_in
from services_directory.openreferral_schemas import page_errors, service_errors
from services_directory.routing import route
from services_directory.schema import Service
from services_directory.search import FilterError, resolve_area
from services_directory.staleness import DEFAULT_AGE, cutoff_for, stale_facts
from services_directory.vocabulary import GENDERS, NEEDS
from services_directory.yaml_files import dump_yaml

OK, INVALID, USAGE = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    folders = Folders(args.data, args.overlay)
    if args.command == "validate":
        return _validate(folders, args.require_language)
    if args.command == "search":
        return _search(folders, args)
    if args.command == "stale":
        return _stale(folders, args.older_than)
    if args.command == "export":
        return _export(folders, args.output, args.format)
    return _import(args.source, folders, overwrite=args.overwrite, dry_run=args.dry_run)


@dataclass(frozen=True)
class Folders:
    """The data folder and the overlay laid over it, if any (see overlay.py)."""

    data: Path
    overlay: Path | None

    def __str__(self) -> str:
        return f"{self.data} with overlay {self.overlay}" if self.overlay else str(self.data)

    @property
    def writable(self) -> Path:
        """Where an import writes: the overlay when there is one."""
        return self.overlay or self.data


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m services_directory",
                                     description="Check and maintain the services directory.")
    commands = parser.add_subparsers(dest="command", required=True)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR,
                         help="data folder (default: the package's own)")
        sub.add_argument("--overlay", type=Path, default=overlay_from_environment(),
                         metavar="DIR", help="a council's folder laid over the data "
                         f"(default: ${OVERLAY_VARIABLE}, as at start-up)")
        return sub

    validate = command("validate", "check every data file; non-zero on problems")
    validate.add_argument("--require-language", action="append", default=[], metavar="CODE",
                          help="fail when a description has no translation in CODE (repeatable)")

    search = command("search", "list what the assistant would offer, in order, with reasons")
    search.add_argument("--area", help="area id, place name, town or postcode (e.g. hackney, E8)")
    search.add_argument("--nation", choices=NATIONS)
    search.add_argument("--need", action="append", default=[],
                        help="a need word (repeatable, or comma-separated)")
    search.add_argument("--language", help="language code the person speaks, e.g. pl")
    search.add_argument("--gender", choices=sorted(GENDERS))
    search.add_argument("--age", type=int)
    search.add_argument("--urgent", action="store_true", help="the person is in danger now")
    search.add_argument("--at", help="UK local time, e.g. 2026-11-23T02:00 (default: now)")

    stale = command("stale", "list contacts whose newest source is older than an age, oldest "
                             "first")
    stale.add_argument("--older-than", default=DEFAULT_AGE,
                       help=f"age in days or months, e.g. 180d or 6m (default {DEFAULT_AGE})")

    export = command("export", "write the directory in a standard format")
    export.add_argument("--format", required=True, choices=["openreferral", "openreferral-api"],
                        help="openreferral: one Open Referral UK 3.0 JSON document; "
                             "openreferral-api: the files an ORUK 3.0 API serves (services.json "
                             "and services/{id}.json) in the --output folder")
    export.add_argument("--output", type=Path,
                        help="file (or, for openreferral-api, folder) to write; "
                             "default: standard output")

    import_ = command("import", "add or update service files from Open Referral UK: our "
                                "export, a /services page or a /services/{id} record, as a "
                                "file or from an API URL")
    import_.add_argument("source", metavar="FILE_OR_URL",
                         help="a JSON file, or an ORUK 3.0 API URL such as "
                              "https://host/services (every page is read)")
    import_.add_argument("--overwrite", action="store_true",
                         help="replace existing services that differ (default: refuse)")
    import_.add_argument("--dry-run", action="store_true", help="check and report; write nothing")
    return parser


def _print_problems(problems: Iterable[Problem], where: object) -> int:
    problems = list(problems)
    print(f"INVALID: {len(problems)} problem(s) in {where}", file=sys.stderr)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)
    return INVALID


def _load(folders: Folders, *, allow_empty: bool = False, complete: bool = False
          ) -> Directory | None:
    """The directory, or None after printing why it cannot be loaded."""
    directory, problems = check_directory(folders.data, overlay=folders.overlay,
                                          allow_empty=allow_empty, complete=complete)
    if problems or directory is None:
        _print_problems(problems, folders)
        return None
    return directory


def _validate(folders: Folders, required_languages: list[str]) -> int:
    directory = _load(folders, complete=True)
    if directory is None:
        return INVALID
    problems = check_translations(directory, required_languages)
    if problems:
        return _print_problems(problems, folders)
    pending = sum(len(s.omitted_facts) for s in directory.services)
    print(f"OK: {len(directory.services)} services, {len(directory.areas.by_id)} areas; "
          f"{pending} omitted facts recorded (see omitted_facts in each file)")
    # Translations some descriptions have and others lack: reported, not failed, until
    # that language is required with --require-language.
    for code, missing in sorted(_partial_translations(directory).items()):
        print(f"warning: {len(missing)} description(s) have no {code!r} translation: "
              + ", ".join(missing))
    return OK


def _partial_translations(directory: Directory) -> dict[str, list[str]]:
    codes = {code for s in directory.services for code in s.description if code != "en"}
    return {code: sorted(s.id for s in directory.services if code not in s.description)
            for code in codes}


def _search(folders: Folders, args: argparse.Namespace) -> int:
    directory = _load(folders)
    if directory is None:
        return INVALID
    try:
        now = _uk_time(args.at)
    except ValueError:
        print(f"--at must be a date and time such as 2026-11-23T02:00, not {args.at!r}",
              file=sys.stderr)
        return USAGE
    try:
        area = resolve_area(directory, args.area) if args.area is not None else None
    except FilterError as exc:
        print(f"--area: {exc}", file=sys.stderr)
        return USAGE
    needs = [need.strip() for value in args.need for need in value.split(",") if need.strip()]
    unknown = [need for need in needs if need not in NEEDS]
    if unknown:
        print(f"unknown need(s) {unknown}; use: {', '.join(sorted(NEEDS))}", file=sys.stderr)
        return USAGE
    try:
        offers = route(directory, now=now, nation=args.nation, area=area, needs=needs,
                       gender=args.gender, age=args.age, language=args.language,
                       urgent=args.urgent)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return USAGE
    asked = ", ".join(f"{key} {value}" for key, value in (
        ("area", area), ("nation", args.nation), ("needs", ",".join(needs) or None),
        ("language", args.language), ("gender", args.gender), ("age", args.age),
        ("urgent", "yes" if args.urgent else None)) if value)
    print(f"Offers for {asked or 'anyone'} at {now:%A %d %B %Y %H:%M} UK time:")
    for number, offer in enumerate(offers, start=1):
        card = directory.card(offer.id, now)
        status = {True: "open now", False: "closed now", None: "hours not known"}[offer.open_now]
        contact = (card["phone"] or card["text"] or card["webchat"] or card["email"]
                   or card["url"] or "no contact details")
        print(f"{number:>2}. {offer.id}: {offer.service.name}, {contact} ({status})")
        for reason in offer.reasons:
            print(f"      {reason}")
    return OK


def _uk_time(text: str | None) -> dt.datetime:
    """--at as an aware datetime; a time without a zone is UK local time."""
    if text is None:
        return dt.datetime.now(UK_TIME)
    moment = dt.datetime.fromisoformat(text)
    return moment.replace(tzinfo=UK_TIME) if moment.tzinfo is None else moment


def _stale(folders: Folders, older_than: str) -> int:
    today = dt.date.today()
    try:
        cutoff = cutoff_for(older_than, today)
    except ValueError as exc:
        print(f"--older-than: {exc}", file=sys.stderr)
        return USAGE
    directory = _load(folders)
    if directory is None:
        return INVALID
    old = stale_facts(directory, cutoff)
    for fact in old:
        print(fact)
    print(f"{len(old)} contact(s) in {len({fact.service_id for fact in old})} service(s) "
          f"have no source dated {cutoff.isoformat()} or later (older than {older_than})")
    return OK


def _export(folders: Folders, output: Path | None, format_: str) -> int:
    directory = _load(folders)
    if directory is None:
        return INVALID
    if format_ == "openreferral-api" and output is None:
        print("--format openreferral-api needs --output FOLDER", file=sys.stderr)
        return USAGE
    try:
        document = export_openreferral(directory)
        page, records = export_openreferral_api(directory)
    except ValueError as exc:
        return _print_problems([Problem(folders.data, "-", str(exc))], folders)
    # Nothing is written that the standard's own schemas reject.
    problems = [Problem(f"services/{record[EXTENSION]['id']}.yml", "open referral", error)
                for record in records.values() for error in service_errors(record)]
    problems += [Problem("/services", "open referral", error) for error in page_errors(page)]
    if problems:
        return _print_problems(problems, folders)
    if format_ == "openreferral-api":
        assert output is not None
        (output / "services").mkdir(parents=True, exist_ok=True)
        (output / "services.json").write_text(_json(page), encoding="utf-8")
        for record_id, record in records.items():
            (output / "services" / f"{record_id}.json").write_text(_json(record),
                                                                   encoding="utf-8")
        print(f"wrote {output / 'services.json'} and {len(records)} record(s) in "
              f"{output / 'services'}", file=sys.stderr)
    elif output is None:
        sys.stdout.write(_json(document))
    else:
        output.write_text(_json(document), encoding="utf-8")
        print(f"wrote {len(directory.services)} services to {output}", file=sys.stderr)
    return OK


def _json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _import(source: str, folders: Folders, *, overwrite: bool, dry_run: bool) -> int:
    target = _load(folders, allow_empty=True)
    if target is None:
        return INVALID
    try:
        records, organisations, notes = _read_feed(source)
    except OSError as exc:
        print(f"cannot read {source}: {exc.strerror}", file=sys.stderr)
        return USAGE
    except ValueError as exc:  # not JSON, not Open Referral, or the API cannot be read
        return _print_problems([Problem(source, "-", str(exc))], source)
    results = import_records(records, organisations, target.areas, target.sources,
                             dt.date.today())
    _skip_repeated_ids(results)
    for note in notes:
        print(f"note: {note}")
    for result in results:
        for line in result.report():
            print(line)
    services = [result.service for result in results if result.service is not None]

    new, changed, unchanged, conflicts = [], [], [], []
    own = _service_ids(folders.writable)  # the files this import may replace
    for service in services:
        existing = target.by_id.get(service.id)
        if existing is None:
            new.append(service)
        elif _same_but_for_reading_dates(existing, service):
            unchanged.append(service)
        elif service.id not in own:
            conflicts.append(Problem(f"services/{service.id}.yml", "-",
                                     "is a shipped service; an overlay replaces one only with "
                                     "a file that says `replaces: true`, written by hand"))
        elif overwrite:
            changed.append(service)
        else:
            conflicts.append(Problem(f"services/{service.id}.yml", "-",
                                     "already exists and differs; use --overwrite to replace it"))
    if conflicts:
        return _print_problems(conflicts, folders.writable)
    # Check the result as a whole (former ids, duplicates) before touching any file.
    problems = _check_with(folders, [*new, *changed])
    if problems:
        return _print_problems(problems, f"{folders} after importing {source}")
    if not dry_run:
        for service in [*new, *changed]:
            _write_service(folders.writable, service)
    verb = "would import" if dry_run else "imported"
    print(f"{verb} {len(services)} of {len(results)} service record(s) from {source}: "
          f"{len(new)} new, {len(changed)} replaced, {len(unchanged)} unchanged; "
          f"{len(results) - len(services)} skipped")
    return OK


def _read_feed(source: str) -> tuple[list[Record], dict, list[str]]:
    """Records from a file or an ORUK API URL; ValueError when it is not Open Referral."""
    if is_url(source):
        return fetch_records(source)
    text = Path(source).read_text(encoding="utf-8")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: {exc}") from None
    records, organisations = records_in(document)
    return records, organisations, []


def _skip_repeated_ids(results: list[Imported]) -> None:
    """Two records that would write the same file: the first is kept, the rest skipped."""
    first: dict[str, str] = {}
    for result in results:
        if result.service is None:
            continue
        if result.service.id in first:
            result.skipped.append(("id", f"{result.service.id!r} is also the id of "
                                         f"{first[result.service.id]}"))
            result.service = None
        else:
            first[result.service.id] = result.label


def _same_but_for_reading_dates(old: Service, new: Service) -> bool:
    """Re-reading an unchanged feed is not a change: the dates it was read are ignored."""
    def facts(service: Service) -> dict:
        data = service.to_data()
        data.pop("last_verified", None)
        for contact in data.get("contacts", []):
            for citation in contact.get("source", []):
                citation.pop("read", None)
        return data
    return old == new or facts(old) == facts(new)


def _service_ids(folder: Path) -> set[str]:
    return {path.stem for path in (folder / "services").glob("*.y*ml")}


def _check_with(folders: Folders, services: list[Service]) -> list[Problem]:
    """The problems the folders would have with `services` written: checked on a copy."""
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch) / "target"
        shutil.copytree(folders.writable, trial)
        for service in services:
            _write_service(trial, service)
        if folders.overlay is None:
            return check_directory(trial, allow_empty=True)[1]
        return check_directory(folders.data, overlay=trial, allow_empty=True)[1]


def _write_service(data: Path, service: Service) -> None:
    path = data / "services" / f"{service.id}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_yaml(service.to_data()), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
