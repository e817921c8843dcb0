"""A council's own services laid over the shipped directory, without a fork.

An overlay folder has the data folder's layout, every part optional:

    services/<id>.yml   more services (checked exactly like the shipped ones)
    areas.yml           more areas and postcodes (same sections as the shipped file)
    sources.yml         more source documents

It adds; it never silently changes. A new area, postcode or source key must not
already be shipped. A service with a shipped id is refused unless its file says
`replaces: true` (a council's own version of, say, its borough's service). Any
problem stops the load and names the overlay's file and field, so start-up never
runs on half an overlay. `load_directory()` lays the folder DIRECTORY_OVERLAY names
over the shipped data; `validate --overlay DIR` checks one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from services_directory.areas import Areas, areas_from_data
from services_directory.errors import DirectoryDataError, Problem
from services_directory.yaml_files import read_yaml

# The sections of areas.yml an overlay may add to.
AREA_SECTIONS = ("areas", "postcode_areas", "postcode_districts", "outside_uk_postcode_areas")


@dataclass(frozen=True)
class Layer:
    """One data folder: the shipped data (prefix "") or an overlay (prefix "<folder>/")."""

    folder: Path
    prefix: str

    def name(self, relative: str) -> str:
        """How problems name a file of this layer: 'services/x.yml' or '/o/services/x.yml'."""
        return f"{self.prefix}{relative}"

    def service_files(self) -> list[Path]:
        services = self.folder / "services"
        return sorted(services.glob("*.yml")) + sorted(services.glob("*.yaml"))


def read_places_and_sources(layers: list[Layer]) -> tuple[Areas | None, dict, list[Problem]]:
    """The areas and sources of every layer together; None and the problems if any."""
    problems: list[Problem] = []
    merged: dict = {}
    sources: dict = {}
    owner: dict[str, str] = {}  # "areas.hackney" -> the file that added it
    for layer in layers:
        if layer.prefix and not layer.folder.is_dir():
            return None, {}, [Problem(layer.folder, "-", "overlay folder not found")]
        areas_raw = _read(layer, "areas.yml", problems)
        sources_raw = _read(layer, "sources.yml", problems)
        if areas_raw is None and not layer.prefix:
            return None, {}, problems or [Problem("areas.yml", "-", "missing")]
        for section in AREA_SECTIONS:
            for key, entry in ((areas_raw or {}).get(section) or {}).items():
                where = f"{section}.{key}"
                if where in owner:
                    problems.append(Problem(layer.name("areas.yml"), where,
                                            f"already in {owner[where]}; an overlay adds "
                                            "places, it cannot change them"))
                    continue
                owner[where] = layer.name("areas.yml")
                merged.setdefault(section, {})[key] = entry
        for key, entry in (sources_raw or {}).items():
            if key in sources:
                problems.append(Problem(layer.name("sources.yml"), key,
                                        f"source {key!r} is already in "
                                        f"{owner['sources.' + key]}; use another key"))
                continue
            owner[f"sources.{key}"] = layer.name("sources.yml")
            sources[key] = entry
    if problems:
        return None, {}, problems
    try:
        return areas_from_data(merged, "areas.yml"), sources, []
    except DirectoryDataError as exc:
        return None, {}, [_named(problem, owner) for problem in exc.problems]


def replacement_problem(name: str, service_id: str, replaces: bool,
                        shipped: Mapping[str, object], files_by_id: dict[str, str]
                        ) -> Problem | None:
    """Why an overlay's service may not take (or claims to replace) a shipped id."""
    if service_id in shipped and not replaces:
        return Problem(name, "id", f"{service_id!r} is a shipped service "
                                   f"({files_by_id[service_id]}); to lay your own version "
                                   "over it, add `replaces: true` to this file")
    if replaces and service_id not in shipped:
        return Problem(name, "replaces", f"there is no shipped service {service_id!r} to "
                                         "replace; remove `replaces: true`")
    return None


def _read(layer: Layer, file_name: str, problems: list[Problem]) -> dict | None:
    path = layer.folder / file_name
    if layer.prefix and not path.exists():
        return None  # an overlay's areas.yml and sources.yml are optional
    try:
        raw = read_yaml(path)
    except (OSError, yaml.YAMLError) as exc:
        problems.append(Problem(layer.name(file_name), "-", f"not readable YAML: {exc}"))
        return None
    if raw is not None and not isinstance(raw, dict):
        problems.append(Problem(layer.name(file_name), "-", "must be a mapping"))
        return None
    return raw or {}


def _named(problem: Problem, owner: dict[str, str]) -> Problem:
    """A problem in the merged areas, named by the file that added the entry."""
    where = ".".join(problem.field.split(".")[:2])
    return Problem(owner.get(where, problem.file), problem.field, problem.message)
