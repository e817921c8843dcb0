"""Checking records against the Open Referral UK 3.0 schemas (vendored in openreferral_uk/).

Each schema is read and turned into a validator once; `jsonschema.validate` would
re-check the schema itself on every record.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from jsonschema import FormatChecker
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for

SCHEMA_DIR = Path(__file__).parent / "openreferral_uk"

# The header of a `/services` page, from the HSDS 3.0 API reference (the compiled
# service_list.json describes the items of `contents`, not the page).
PAGE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["total_items", "total_pages", "page_number", "size", "first_page",
                 "last_page", "empty", "contents"],
    "properties": {
        "total_items": {"type": "integer", "minimum": 0},
        "total_pages": {"type": "integer", "minimum": 0},
        "page_number": {"type": "integer", "minimum": 1},
        "size": {"type": "integer", "minimum": 0},
        "first_page": {"type": "boolean"},
        "last_page": {"type": "boolean"},
        "empty": {"type": "boolean"},
        "contents": {"type": "array", "items": {"type": "object"}},
    },
}


@functools.cache
def _validator(name: str) -> Validator:
    schema = PAGE_SCHEMA if name == "page" else json.loads(
        (SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8"))
    cls = validator_for(schema)
    cls.check_schema(schema)
    # Formats (uuid, email, date) are checked too: readers rely on them.
    return cls(schema, format_checker=FormatChecker())


def _errors(name: str, record: object) -> list[str]:
    errors = sorted(_validator(name).iter_errors(record), key=lambda e: list(e.absolute_path))
    return [f"{'.'.join(str(p) for p in error.absolute_path) or '-'}: {error.message}"
            for error in errors]


def service_errors(record: object) -> list[str]:
    """Why a `/services/{id}` record breaks service.json (empty when it is valid)."""
    return _errors("service", record)


def organization_errors(record: object) -> list[str]:
    """Why an organisation record breaks organization.json."""
    return _errors("organization", record)


def page_errors(page: object) -> list[str]:
    """Why a `/services` page breaks the page header or service_list.json for an item."""
    problems = _errors("page", page)
    if isinstance(page, dict) and isinstance(page.get("contents"), list):
        for index, item in enumerate(page["contents"]):
            problems += [f"contents.{index}.{error}" for error in _errors("service_list", item)]
    return problems
