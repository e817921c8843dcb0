"""Loading the directory from its data folder, with every check in one place.

Layout of a data folder (the package's own is services_directory/data/):
    services/<id>.yml   one file per service (see schema.Service)
    areas.yml           places services cover (see areas.py)
    sources.yml         source documents services cite by key

An overlay folder with the same layout can be laid over it (overlay.py): start-up
uses the one DIRECTORY_OVERLAY names.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml
from pydantic import ValidationError

from common.settings import Settings
from services_directory.areas import Areas
from services_directory.directory import Directory
from services_directory.errors import DirectoryDataError, Problem
from services_directory.overlay import Layer, read_places_and_sources, replacement_problem
from services_directory.reachability import reachability_problems
from services_directory.schema import Service
from services_directory.vocabulary import COVERAGE_NOT_STATED
from services_directory.yaml_files import read_yaml

DEFAULT_DATA_DIR = Path(__file__).parent / "data"
# A folder laid over the shipped data at start-up: a council's own services (overlay.py).
OVERLAY_VARIABLE = "DIRECTORY_OVERLAY"


def overlay_from_environment() -> Path | None:
    """The overlay folder DIRECTORY_OVERLAY names, if it is set (and not empty)."""
    return Settings().directory_overlay


def load_directory(path: Path | None = None, overlay: Path | None = None) -> Directory:
    """Load and check the directory; raises DirectoryDataError listing every problem.

    With no arguments: the shipped data, with the overlay folder DIRECTORY_OVERLAY
    names laid over it, if set. Loads once per folder: later calls return the same
    Directory.
    """
    if path is None and overlay is None:
        overlay = overlay_from_environment()
    return _load_cached((path or DEFAULT_DATA_DIR).resolve(),
                        overlay.resolve() if overlay is not None else None)


@functools.lru_cache(maxsize=8)
def _load_cached(path: Path, overlay: Path | None) -> Directory:
    directory, problems = check_directory(path, overlay=overlay)
    if problems or directory is None:
        raise DirectoryDataError(problems)
    return directory


def check_directory(path: Path, *, overlay: Path | None = None, allow_empty: bool = False,
                    complete: bool = False) -> tuple[Directory | None, list[Problem]]:
    """Load without raising: the directory (None if unusable) and all problems found.

    `overlay` is a folder laid over `path` (overlay.py): its problems name its files.
    `allow_empty` accepts a folder with no service files yet (an import's target).
    `complete` adds the checks that every service can be reached and every contact
    is sourced (reachability.py): `validate` runs them; start-up does not yet, as
    some shipped entries still lack contacts (routing never offers those).
    """
    layers = [Layer(path, "")] + ([Layer(overlay, f"{overlay}/")] if overlay else [])
    areas, sources, problems = read_places_and_sources(layers)
    if areas is None:
        return None, problems

    services: dict[str, Service] = {}
    files_by_id: dict[str, str] = {}
    for layer in layers:
        files = layer.service_files()
        shipped = dict(services)  # what this layer lies over
        seen: set[str] = set()
        for file in files:
            name = layer.name(f"services/{file.name}")
            read = _read_service(file, name, problems, overlay=layer.prefix != "")
            if read is None:
                continue
            service, replaces = read
            if file.stem != service.id:
                problems.append(Problem(name, "id", f"id {service.id!r} must match the file name"))
            clash = replacement_problem(name, service.id, replaces, shipped, files_by_id)
            if clash is not None:
                problems.append(clash)
                continue
            if service.id in seen:
                problems.append(Problem(
                    name, "id", f"duplicate id {service.id!r} (also in {files_by_id[service.id]})"
                ))
                continue
            seen.add(service.id)
            files_by_id[service.id] = name
            problems.extend(cross_checks(name, service, areas, sources))
            if complete:
                problems.extend(Problem(name, field, message)
                                for field, message in reachability_problems(service))
            services[service.id] = service

    if not services and not allow_empty and not problems:
        problems.append(Problem(path / "services", "-", "no service files found"))
    former_ids = _former_ids(services, files_by_id, problems)
    if problems:
        return None, problems
    return Directory(by_id=services, former_ids=former_ids, areas=areas, sources=sources), []


def _read_service(file: Path, name: str, problems: list[Problem], *, overlay: bool
                  ) -> tuple[Service, bool] | None:
    """The service in one file, and whether it says `replaces: true` (overlays only)."""
    try:
        raw = read_yaml(file)
    except (OSError, yaml.YAMLError) as exc:
        problems.append(Problem(name, "-", f"not valid YAML: {exc}"))
        return None
    if not isinstance(raw, dict):
        problems.append(Problem(name, "-", "must be a mapping of fields"))
        return None
    replaces = raw.pop("replaces", False) if overlay else False
    if replaces not in (True, False):
        problems.append(Problem(name, "replaces", "must be true or false"))
        return None
    try:
        return Service.parse_obj(raw), replaces
    except ValidationError as exc:
        for error in exc.errors():
            field = ".".join(str(part) for part in error["loc"] if part != "__root__") or "-"
            problems.append(Problem(name, field, error["msg"]))
        return None


def cross_checks(name: str, service: Service, areas: Areas, sources: dict) -> list[Problem]:
    """Checks that need the other data files: areas and sources must exist."""
    problems = []
    if service.coverage != COVERAGE_NOT_STATED:
        for index, area_id in enumerate(service.coverage):
            if area_id not in areas:
                problems.append(Problem(name, f"coverage.{index}", f"unknown area {area_id!r}"))
    for index, ref in enumerate(service.source):
        if ref.document not in sources and not ref.document.startswith("https://"):
            problems.append(Problem(
                name, f"source.{index}.document",
                f"unknown source {ref.document!r}; use a key from sources.yml or an https URL",
            ))
    for index, contact in enumerate(service.contacts):
        for cited, citation in enumerate(contact.source):
            if citation.document is not None and citation.document not in sources:
                problems.append(Problem(
                    name, f"contacts.{index}.source.{cited}.document",
                    f"unknown source {ref.document!r}; use a key from sources.yml or a url",
                ))
    return problems


def _former_ids(services: dict[str, Service], files_by_id: dict[str, str],
                problems: list[Problem]) -> dict[str, str]:
    """Old ids keep working, but an id can never name two services."""
    former: dict[str, str] = {}
    for service in services.values():
        for old_id in service.former_ids:
            if old_id in services or old_id in former:
                problems.append(Problem(files_by_id[service.id], "former_ids",
                                        f"{old_id!r} is already used by another service"))
            former[old_id] = service.id
    return former


def check_translations(directory: Directory, languages: list[str]) -> list[Problem]:
    """A problem for each service whose description lacks one of `languages`.

    English is always required (by the schema); other languages become required
    when the assistant starts answering in them.
    """
    return [
        Problem(f"services/{service.id}.yml", "description",
                f"no {code!r} translation (required by --require-language {code})")
        for code in languages
        for service in sorted(directory.services, key=lambda s: s.id)
        if not service.description.get(code, "").strip()
    ]
