"""How well the scrubber does on the test sentences: `python -m tools.scrub_measure`.

Prints, per file of sentences (tests/gateway/scrubbing/*.yml, see the README there):
recall per kind of detail (the detail no longer appears), how often the right
placeholder took its place, how many place names and ordinary words survived,
how many messages with nothing identifying came through unchanged, and the time
per message. `--misses` lists what went wrong, for tuning on the dev file only.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from gateway.scrubbing import KINDS, Scrubber, load_scrubber

DATA_DIR = Path(__file__).resolve().parents[1] / "tests" / "gateway" / "scrubbing"
DEFAULT_FILES = ("dev.yml", "heldout.yml", "names_without_context.yml", "final_check.yml")


@dataclass(frozen=True)
class Case:
    text: str
    details: dict[str, list[str]]  # kind -> the details as typed
    keep_places: list[str]
    keep_words: list[str]


@dataclass
class Tally:
    total: int = 0
    hits: int = 0

    def add(self, hit: bool) -> None:
        self.total += 1
        self.hits += hit

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 1.0


@dataclass
class Report:
    recall: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    typed: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    places_kept: Tally = field(default_factory=Tally)
    words_kept: Tally = field(default_factory=Tally)
    clean_unchanged: Tally = field(default_factory=Tally)
    seconds: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def all_details(self) -> Tally:
        return Tally(sum(t.total for t in self.recall.values()),
                     sum(t.hits for t in self.recall.values()))

    @property
    def places_removed_rate(self) -> float:
        return 1 - self.places_kept.rate


def load_cases(path: Path) -> list[Case]:
    cases = []
    for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
        unknown = set(entry) - {"text", "keep_places", "keep_words", *KINDS}
        if unknown:
            raise ValueError(f"{path.name}: unknown keys {sorted(unknown)} in {entry['text']!r}")
        cases.append(Case(
            text=entry["text"],
            details={k: [str(v) for v in entry[k]] for k in KINDS if k in entry},
            keep_places=[str(v) for v in entry.get("keep_places", [])],
            keep_words=[str(v) for v in entry.get("keep_words", [])],
        ))
    return cases


def score(scrubber: Scrubber, cases: Sequence[Case]) -> Report:
    report = Report()
    for case in cases:
        started = time.perf_counter()
        output = scrubber.scrub(case.text)
        report.seconds.append(time.perf_counter() - started)
        for kind, values in case.details.items():
            for value in values:
                gone = _removed(kind, value, output)
                report.recall[kind].add(gone)
                report.typed[kind].add(gone and _typed(kind, value, output))
                if not gone:
                    report.misses.append(f"missed {kind} {value!r}: {output!r}")
                elif not _typed(kind, value, output):
                    report.misses.append(f"mistyped {kind} {value!r}: {output!r}")
        for kept, values, what in ((report.places_kept, case.keep_places, "place"),
                                   (report.words_kept, case.keep_words, "word")):
            for value in values:
                present = _present(value, output)
                kept.add(present)
                if not present:
                    report.misses.append(f"removed {what} {value!r}: {output!r}")
        if not case.details:
            report.clean_unchanged.add(output == case.text)
            if output != case.text:
                report.misses.append(f"changed {case.text!r} -> {output!r}")
    return report


def _present(value: str, output: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", output) is not None


# Words of an address that identify nothing on their own; every other part must be gone.
_GENERIC = frozenset({
    "flat", "apartment", "apt", "unit", "room", "number", "no", "the", "of", "st", "street",
    "road", "rd", "lane", "ln", "avenue", "ave", "close", "drive", "way", "court", "place",
    "gardens", "grove", "terrace", "crescent", "house", "mews", "hill", "green", "park", "walk",
    "row", "square", "high",
})


def _removed(kind: str, value: str, output: str) -> bool:
    """Strict for addresses and names: "[address] marlowe house" still gives it away."""
    if kind == "postcode":
        inward = value.replace(" ", "")[-3:]
        return value not in output and inward.lower() not in output.lower()
    if kind not in ("address", "name"):
        return not _present(value, output)  # found whole or not at all
    parts = [p for p in re.findall(r"\w+", value) if len(p) > 1 and p.lower() not in _GENERIC]
    return not any(_present(part, output) for part in parts or [value])


def _typed(kind: str, value: str, output: str) -> bool:
    if kind == "postcode":
        return _present(value.replace(" ", "")[:-3], output)  # the outward code stayed
    return f"[{kind}]" in output


def format_report(title: str, report: Report) -> str:
    lines = [f"### {title}", "", "| detail | found | recall | right placeholder |",
             "| --- | ---: | ---: | ---: |"]
    for kind in KINDS:
        recall, typed = report.recall[kind], report.typed[kind]
        if recall.total:
            lines.append(f"| {kind} | {recall.hits}/{recall.total} | {recall.rate:.0%} | "
                         f"{typed.rate:.0%} |")
    total = report.all_details
    lines.append(f"| **all details** | {total.hits}/{total.total} | {total.rate:.0%} | |")
    ms = [s * 1000 for s in report.seconds]
    lines += [
        "",
        "| check | result |",
        "| --- | ---: |",
        f"| place names wrongly removed | {report.places_kept.total - report.places_kept.hits}"
        f"/{report.places_kept.total} ({report.places_removed_rate:.1%}) |",
        f"| ordinary words (some also names) wrongly removed | "
        f"{report.words_kept.total - report.words_kept.hits}/{report.words_kept.total} |",
        f"| messages with nothing identifying left unchanged | "
        f"{report.clean_unchanged.hits}/{report.clean_unchanged.total} |",
        f"| time per message, median / max | {statistics.median(ms):.2f} ms / "
        f"{max(ms):.2f} ms |",
    ]
    return "\n".join(lines)


def long_message_ms(scrubber: Scrubber, repeats: int = 20) -> float:
    """Median time for a 2,000-character message, the longest the API accepts."""
    text = ("My husband Gary said he would find me at 12 Acacia Avenue, E8 3AB, call "
            "07700 900123. I live in Chelsea and I have no hope left. ") * 16
    text = text[:2000]
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        scrubber.scrub(text)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path,
                        default=[DATA_DIR / name for name in DEFAULT_FILES])
    parser.add_argument("--misses", action="store_true", help="list each miss")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    scrubber = load_scrubber()
    print(f"Scrubber loaded in {time.perf_counter() - started:.1f} s.\n")
    everything: list[Case] = []
    for path in args.files:
        cases = load_cases(path)
        everything += cases
        report = score(scrubber, cases)
        print(format_report(f"{path.name} ({len(cases)} sentences)", report) + "\n")
        if args.misses:
            print("\n".join(report.misses) + "\n")
    if len(args.files) > 1:
        print(format_report(f"all ({len(everything)} sentences)", score(scrubber, everything)))
    print(f"\nA 2,000-character message takes {long_message_ms(scrubber):.1f} ms.")


if __name__ == "__main__":
    main()
