"""make profile's summary of py-spy's samples (tools/profiling.py)."""

from __future__ import annotations

from pathlib import Path

from tools.profiling import read_samples, summarise

RAW = (
    "<module> (rasa/__main__.py:1);validate (jsonschema/validators.py:1120);"
    "check_schema (jsonschema/validators.py:300) 6\n"
    "<module> (rasa/__main__.py:1);predict (rasa/core/policies/ted_policy.py:900) 3\n"
    "<module> (rasa/__main__.py:1);process (bot/nlu/components.py:186) 1\n"
)


def test_summary_gives_each_part_its_share_of_the_samples(tmp_path: Path) -> None:
    raw = tmp_path / "profile.txt"
    raw.write_text(RAW)
    summary = summarise(read_samples(raw))
    assert summary.startswith("10 samples")
    assert " 60.0%  jsonschema" in summary
    assert " 30.0%  TEDPolicy" in summary
    assert " 10.0%  this project's NLU components" in summary
    assert "  0.0%  DIETClassifier" in summary
    assert "60.0%  check_schema (jsonschema/validators.py:300)" in summary
