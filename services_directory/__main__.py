"""Maintainers' command line: `python -m services_directory COMMAND`.

    validate [--data DIR] [--require-language CODE]   check every data file
    search   [--area A] [--need N] [--language L] [--at 2026-11-23T02:00] ...
                                                        what the assistant would offer
    stale    [--older-than 180d]                        entries to re-verify
    export   --format openreferral [--output FILE]      the directory as Open Referral UK JSON
    import   FILE [--overwrite] [--dry-run]             service files from such a JSON file

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
from pathlib import Path

from services_directory.areas import NATIONS
from services_directory.directory import Directory
from services_directory.errors import Problem
from services_directory.hours import UK_TIME
from services_directory.loader import DEFAULT_DATA_DIR, check_directory, check_translations
from services_directory.openreferral import export_openreferral, import_openreferral
from services_directory.routing import route
from services_directory.schema import Service
from services_directory.search import FilterError, resolve_area
from services_directory.vocabulary import GENDERS, NEEDS
from services_directory.yaml_files import dump_yaml

OK, INVALID, USAGE = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate(args.data, args.require_language)
    if args.command == "search":
        return _search(args)
    if args.command == "stale":
        return _stale(args.data, args.older_than)
    if args.command == "export":
        return _export(args.data, args.output)
    return _import(args.file, args.data, overwrite=args.overwrite, dry_run=args.dry_run)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m services_directory",
                                     description="Check and maintain the services directory.")
    commands = parser.add_subparsers(dest="command", required=True)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR,
                         help="data folder (default: the package's own)")
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

    stale = command("stale", "list entries not verified recently")
    stale.add_argument("--older-than", default="180d", help="age such as 180d (days)")

    export = command("export", "write the directory in a standard format")
    export.add_argument("--format", required=True, choices=["openreferral"],
                        help="openreferral: Open Referral UK 3.0 JSON")
    export.add_argument("--output", type=Path, help="file to write (default: standard output)")

    import_ = command("import", "add or update service files from an Open Referral UK JSON file")
    import_.add_argument("file", type=Path)
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


def _load(data: Path, *, allow_empty: bool = False) -> Directory | None:
    """The directory, or None after printing why it cannot be loaded."""
    directory, problems = check_directory(data, allow_empty=allow_empty)
    if problems or directory is None:
        _print_problems(problems, data)
        return None
    return directory


def _validate(data: Path, required_languages: list[str]) -> int:
    directory = _load(data)
    if directory is None:
        return INVALID
    problems = check_translations(directory, required_languages)
    if problems:
        return _print_problems(problems, data)
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


def _search(args: argparse.Namespace) -> int:
    directory = _load(args.data)
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


def _stale(data: Path, older_than: str) -> int:
    if not older_than.endswith("d") or not older_than[:-1].isdigit():
        print(f"--older-than must be a number of days such as 180d, not {older_than!r}",
              file=sys.stderr)
        return USAGE
    directory = _load(data)
    if directory is None:
        return INVALID
    cutoff = dt.date.today() - dt.timedelta(days=int(older_than[:-1]))
    old = sorted((s.last_verified, s.id) for s in directory.services if s.last_verified < cutoff)
    for verified, service_id in old:
        print(f"{service_id}: last verified {verified.isoformat()}")
    print(f"{len(old)} service(s) last verified before {cutoff.isoformat()}")
    return OK


def _export(data: Path, output: Path | None) -> int:
    directory = _load(data)
    if directory is None:
        return INVALID
    try:
        document = export_openreferral(directory)
    except ValueError as exc:
        return _print_problems([Problem(data, "-", str(exc))], data)
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        print(f"wrote {len(directory.services)} services to {output}", file=sys.stderr)
    return OK


def _import(file: Path, data: Path, *, overwrite: bool, dry_run: bool) -> int:
    try:
        document = json.loads(file.read_text(encoding="utf-8"))
    except OSError as exc:
        print(f"cannot read {file}: {exc.strerror}", file=sys.stderr)
        return USAGE
    except json.JSONDecodeError as exc:
        return _print_problems([Problem(file, "-", f"not valid JSON: {exc}")], file)
    target = _load(data, allow_empty=True)
    if target is None:
        return INVALID
    services, problems = import_openreferral(document, target.areas)
    if problems:
        return _print_problems(problems, file)

    new, changed, unchanged, conflicts = [], [], [], []
    for service in services:
        existing = target.by_id.get(service.id)
        if existing is None:
            new.append(service)
        elif existing == service:
            unchanged.append(service)
        elif overwrite:
            changed.append(service)
        else:
            conflicts.append(Problem(f"services/{service.id}.yml", "-",
                                     "already exists and differs; use --overwrite to replace it"))
    if conflicts:
        return _print_problems(conflicts, data)
    # Check the result as a whole (sources, former ids, duplicates) before touching `data`.
    problems = _check_with(data, [*new, *changed])
    if problems:
        return _print_problems(problems, f"{data} after importing {file}")
    if not dry_run:
        for service in [*new, *changed]:
            _write_service(data, service)
    verb = "would import" if dry_run else "imported"
    print(f"{verb} {len(services)} service(s) from {file}: {len(new)} new, "
          f"{len(changed)} replaced, {len(unchanged)} unchanged")
    return OK


def _check_with(data: Path, services: list[Service]) -> list[Problem]:
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch) / "data"
        shutil.copytree(data, trial)
        for service in services:
            _write_service(trial, service)
        return check_directory(trial)[1]


def _write_service(data: Path, service: Service) -> None:
    path = data / "services" / f"{service.id}.yml"
    path.write_text(dump_yaml(service.to_data()), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
