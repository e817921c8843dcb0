"""Places: the areas file, which area lies within which, and what a person's words mean.

`resolve_place("Buxton")`, `resolve_place("E8 3AB")` or `resolve_place("Caerdydd")`
turn what someone types into a nation and, where known, a local area. When a
place or postcode crosses a border the answer says so (`ambiguous`) and lists
the candidates, so the conversation can ask rather than guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from services_directory.errors import DirectoryDataError, Problem

AREA_KINDS = frozenset({"country", "nation", "region", "county", "local-authority", "district"})
NATIONS = ("england", "wales", "scotland", "northern-ireland")

# A full postcode ("E8 3AB") or just its first half ("E8", "SK17").
_POSTCODE = re.compile(r"^(?P<area>[A-Z]{1,2})(?P<district>[0-9][0-9A-Z]?)(?:\s*[0-9][A-Z]{2})?$")
# Words people put around a place name that do not change which place it is.
_FILLER = re.compile(r"^(?:the\s+)?(?:london\s+borough\s+of\s+|royal\s+borough\s+of\s+)")


@dataclass(frozen=True)
class Area:
    id: str
    name: str
    kind: str
    within: str | None
    other_names: tuple[str, ...] = ()
    towns: tuple[str, ...] = ()
    notes: str | None = None


@dataclass(frozen=True)
class Place:
    """What a person's words resolved to."""

    nation: str | None  # nation id, None when the place is outside the UK or unclear
    area: str | None  # the most specific area id known (may be a nation id)
    matched_by: str  # e.g. "postcode district E8", "town Buxton"
    ambiguous: bool = False  # crosses a border: ask which side
    candidates: tuple[str, ...] = ()  # area ids to ask between when ambiguous
    note: str | None = None


@dataclass
class Areas:
    """All known areas, plus indexes for resolving names and postcodes."""

    by_id: dict[str, Area]
    postcode_areas: dict[str, dict] = field(default_factory=dict)
    postcode_districts: dict[str, dict] = field(default_factory=dict)
    outside_uk: dict[str, str] = field(default_factory=dict)
    _names: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (area id, how)

    def __contains__(self, area_id: object) -> bool:
        return area_id in self.by_id

    def ancestors(self, area_id: str) -> list[str]:
        """The area and every area it lies within, most specific first."""
        chain = []
        current: str | None = area_id
        while current is not None:
            chain.append(current)
            current = self.by_id[current].within
        return chain

    def nation_of(self, area_id: str) -> str | None:
        return next((a for a in self.ancestors(area_id) if a in NATIONS), None)

    def covers(self, coverage: list[str] | str, area_id: str) -> bool:
        """True when a service covering `coverage` covers `area_id` (or somewhere it lies in).

        Coverage not stated (the string COVERAGE_NOT_STATED) covers no named place.
        """
        if isinstance(coverage, str):
            return False
        return any(place in coverage for place in self.ancestors(area_id))

    def resolve(self, text: str) -> Place | None:
        """Turn a place name, town or postcode into a Place; None if we do not know it."""
        cleaned = " ".join(text.strip().split())
        if not cleaned:
            return None
        postcode = _POSTCODE.match(cleaned.upper())
        if postcode:
            area_code = postcode["area"]
            found = self._resolve_postcode(area_code, area_code + postcode["district"])
            if found is not None:
                return found
        key = _name_key(cleaned)
        if key in self._names:
            area_id, how = self._names[key]
            return Place(nation=self.nation_of(area_id), area=area_id, matched_by=how)
        return None

    def _resolve_postcode(self, area_code: str, district: str) -> Place | None:
        if district in self.postcode_districts:
            entry = self.postcode_districts[district]
            return self._place(entry, f"postcode district {district}")
        if area_code in self.postcode_areas:
            return self._place(self.postcode_areas[area_code], f"postcode area {area_code}")
        if area_code in self.outside_uk:
            return Place(
                nation=None,
                area=None,
                matched_by=f"postcode area {area_code}",
                note=f"{self.outside_uk[area_code]} is not part of the UK; "
                "its own services are not in this directory.",
            )
        return None

    def _place(self, entry: dict, how: str) -> Place:
        border = tuple(entry.get("border", ()))
        nations = {self.nation_of(candidate) for candidate in border}
        return Place(
            # A border between two nations leaves the nation unknown until asked.
            nation=self.nation_of(entry["area"]) if len(nations) <= 1 else None,
            area=entry["area"],
            matched_by=how,
            ambiguous=bool(border),
            candidates=border,
            note=entry.get("note"),
        )


def place_key(text: str) -> str:
    """A place name as compared: case, '&', apostrophes, hyphens and spacing made one."""
    key = text.lower().replace("&", "and").replace("’", "'").replace("'", "")
    key = re.sub(r"[-.,~]", " ", key)
    return " ".join(key.split())


def _name_key(text: str) -> str:
    """For lookup, also without 'the' and 'London Borough of'."""
    return _FILLER.sub("", place_key(text))


def areas_from_data(raw: dict, file_name: str) -> Areas:
    """Check areas.yml's contents (or several files' merged); raises DirectoryDataError."""
    problems: list[Problem] = []

    def problem(where: str, message: str) -> None:
        problems.append(Problem(file_name, where, message))

    by_id: dict[str, Area] = {}
    for area_id, entry in (raw.get("areas") or {}).items():
        try:
            area = Area(
                id=area_id,
                name=entry["name"],
                kind=entry["kind"],
                within=entry.get("within"),
                other_names=tuple(entry.get("other_names", ())),
                towns=tuple(entry.get("towns", ())),
                notes=entry.get("notes"),
            )
        except (KeyError, TypeError) as exc:
            problem(f"areas.{area_id}", f"missing or malformed field {exc}")
            continue
        if area.kind not in AREA_KINDS:
            problem(f"areas.{area_id}.kind", f"unknown kind {area.kind!r}")
        by_id[area_id] = area
    for area in by_id.values():
        if area.within is not None and area.within not in by_id:
            problem(f"areas.{area.id}.within", f"unknown area {area.within!r}")
        if area.within is None and area.kind != "country":
            problem(f"areas.{area.id}.within", "every area but the UK must sit within another")

    postcode_areas = raw.get("postcode_areas") or {}
    postcode_districts = raw.get("postcode_districts") or {}
    for section, entries in (("postcode_areas", postcode_areas),
                             ("postcode_districts", postcode_districts)):
        for code, entry in entries.items():
            for area_id in [entry.get("area"), *entry.get("border", ())]:
                if area_id not in by_id:
                    problem(f"{section}.{code}", f"unknown area {area_id!r}")

    areas = Areas(
        by_id=by_id,
        postcode_areas=postcode_areas,
        postcode_districts=postcode_districts,
        outside_uk=raw.get("outside_uk_postcode_areas") or {},
    )
    if not problems:
        _index_names(areas, problems, file_name)
    if problems:
        raise DirectoryDataError(problems)
    return areas


def _index_names(areas: Areas, problems: list[Problem], file_name: str) -> None:
    """Every name, alternative name and town points at exactly one area."""
    for area in areas.by_id.values():
        named = [(area.id, "area id"), (area.name, "name")]
        named += [(other, "name") for other in area.other_names]
        named += [(town, "town") for town in area.towns]
        for name, how in named:
            key = _name_key(name)
            if key in areas._names and areas._names[key][0] != area.id:
                problems.append(Problem(file_name, f"areas.{area.id}",
                                        f"{name!r} also names {areas._names[key][0]!r}"))
                continue
            areas._names[key] = (area.id, f"{how} {name}")
