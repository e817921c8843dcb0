"""Reading the YAML data files strictly.

PyYAML quietly keeps the last of two identical keys; in a service file that
could hide a second `number:` line, so duplicate keys are an error here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml


class _StrictLoader(yaml.SafeLoader):
    pass


def _mapping_without_duplicates(loader: _StrictLoader, node: yaml.MappingNode) -> dict:
    seen: set[Any] = set()
    for key_node, _value_node in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates
)


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; raises yaml.YAMLError (with line numbers) on bad YAML."""
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass


class _ReadableDumper(yaml.SafeDumper):
    """Writes files that look like the hand-written ones: short lists inline, lists indented."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # PyYAML puts a mapping's list items level with its key; ours are indented.
        super().increase_indent(flow, False)


def _represent_list(dumper: _ReadableDumper, data: list) -> yaml.SequenceNode:
    scalars = all(isinstance(item, str | int | float | bool) for item in data)
    short = scalars and sum(len(str(item)) + 2 for item in data) <= 60
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=short)


def _represent_str(dumper: _ReadableDumper, data: str) -> yaml.ScalarNode:
    # Text that YAML would read as a number, date or boolean, and clock times, are
    # double-quoted as in the hand-written files ("999", "09:00").
    implicit_tag = dumper.resolve(yaml.ScalarNode, data, (True, False))
    if implicit_tag != "tag:yaml.org,2002:str" or _QUOTED.match(data):
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style='"')
    if len(data) > _LONG_TEXT and "\n" not in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=">")
    return dumper.represent_str(data)


# Clock times and phone numbers, which the hand-written files always quote.
_QUOTED = re.compile(r"^(?:\d\d:\d\d|\+?[\d ]+)$")
# Longer text is folded over several lines, as descriptions are written by hand.
_LONG_TEXT = 90
_ReadableDumper.add_representer(list, _represent_list)
_ReadableDumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    """YAML text for plain data (dicts, lists, str, numbers, dates), keys in the given order."""
    return yaml.dump(data, Dumper=_ReadableDumper, sort_keys=False, allow_unicode=True,
                     width=100, default_flow_style=False)
