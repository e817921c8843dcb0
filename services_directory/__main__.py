"""Maintainers' command line: `python -m services_directory validate [--data DIR]`.

Exit codes: 0 when the data is valid, 1 when it is not (every problem is
printed, one per line, as `file: field: what is wrong`), 2 for usage errors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from services_directory.loader import DEFAULT_DATA_DIR, check_directory


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services_directory")
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check every data file; non-zero on problems")
    validate.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR,
                          help="data folder (default: the package's own)")

    stale = commands.add_parser("stale", help="list entries not verified recently")
    stale.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR)
    stale.add_argument("--older-than", default="180d", help="age such as 180d (days)")

    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate(args.data)
    return _stale(args.data, args.older_than)


def _validate(data: Path) -> int:
    directory, problems = check_directory(data)
    if problems or directory is None:
        print(f"INVALID: {len(problems)} problem(s) in {data}", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    pending = sum(len(s.omitted_facts) for s in directory.services)
    print(f"OK: {len(directory.services)} services, {len(directory.areas.by_id)} areas; "
          f"{pending} omitted facts recorded (see omitted_facts in each file)")
    return 0


def _stale(data: Path, older_than: str) -> int:
    if not older_than.endswith("d") or not older_than[:-1].isdigit():
        print(f"--older-than must be a number of days such as 180d, not {older_than!r}",
              file=sys.stderr)
        return 2
    directory, problems = check_directory(data)
    if problems or directory is None:
        return _validate(data)
    cutoff = dt.date.today() - dt.timedelta(days=int(older_than[:-1]))
    old = sorted((s.last_verified, s.id) for s in directory.services if s.last_verified < cutoff)
    for verified, service_id in old:
        print(f"{service_id}: last verified {verified.isoformat()}")
    print(f"{len(old)} service(s) last verified before {cutoff.isoformat()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
