"""Babel extractors for the YAML files whose words people read (see babel.cfg).

Babel calls each with an open file and expects (line, funcname, message, comments).
Rasa's responses give their text and button titles; services give their English
description. Each message carries a comment saying where it is shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

import yaml

Extracted = Iterator[tuple[int, str | None, str, list[str]]]


def _mapping(node: yaml.Node | None) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def _scalar(node: yaml.Node | None) -> yaml.ScalarNode | None:
    return node if isinstance(node, yaml.ScalarNode) and node.value.strip() else None


def rasa_responses(fileobj: IO[bytes], keywords: Any, comment_tags: Any,
                   options: dict[str, Any]) -> Extracted:
    """Each response variation's text and button titles in a Rasa domain file."""
    root = yaml.compose(fileobj.read().decode("utf-8"))
    for name, variations in _mapping(_mapping(root).get("responses")).items():
        if not isinstance(variations, yaml.SequenceNode):
            continue
        for variation in variations.value:
            fields = _mapping(variation)
            text = _scalar(fields.get("text"))
            if text is not None:
                yield text.start_mark.line + 1, None, text.value, [f"Rasa response {name}"]
            buttons = fields.get("buttons")
            for button in buttons.value if isinstance(buttons, yaml.SequenceNode) else []:
                title = _scalar(_mapping(button).get("title"))
                if title is not None:
                    yield (title.start_mark.line + 1, None, title.value,
                           [f"button in Rasa response {name}"])


def service_descriptions(fileobj: IO[bytes], keywords: Any, comment_tags: Any,
                         options: dict[str, Any]) -> Extracted:
    """A service's English description (other languages come from the catalogues)."""
    fields = _mapping(yaml.compose(fileobj.read().decode("utf-8")))
    description = _scalar(_mapping(fields.get("description")).get("en"))
    service_id = _scalar(fields.get("id"))
    if description is not None:
        where = f"description of the service {service_id.value if service_id else '?'}"
        yield description.start_mark.line + 1, None, description.value, [where]
