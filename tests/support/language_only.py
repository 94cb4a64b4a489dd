"""The real plans as if every vendor published its offer in English only (`language en only`), texts marked.

Every English text gets a word in front of it that no catalog holds (MARK), so a test can find the vendors'
own words on a page and ask whether an element around them says `lang="en"`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from dsl.language.model import Text, Vendor

MARK = "Zqx"
"""Put before every English text of the plans: a word in no catalog, so a text node holding it is the vendor's."""


def english_only(node: Any) -> Any:
    """`node` (a Project, or any part of one) with every text in English only, marked, and every vendor `language en only`."""
    if isinstance(node, Text):
        if node.neutral:
            return node
        english = node.get("en") or node.values[0][1]
        return dataclasses.replace(node, values=(("en", MARK + english),), code_pos=())
    if isinstance(node, tuple):
        return tuple(english_only(x) for x in node)
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        changes = {f.name: english_only(getattr(node, f.name)) for f in dataclasses.fields(node) if f.init}
        if isinstance(node, Vendor):
            changes.update(language="en", language_only=True)
        return dataclasses.replace(node, **changes)
    return node
