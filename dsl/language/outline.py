"""Outlines: what a build needs of a plan file whose outputs are all in the build cache, without loading it.

A thousand plan files' declarations take seconds to unpickle, and a build after one edit needs almost
nothing of the 999 others: their ids and positions (for the checks that look across files), and a
vendor's name, language, sources and whether its tiers state languages (for the pages that list every
vendor). Everything else (pages, cards, comparison rows, rule files, the checks' findings) comes from
the cache under keys made from the file's bytes.

An outline is kept in the build cache beside the file's declarations, under the same key, for a file
that declares no shared definitions, no horizon and nothing wrong. The loader then gives each of its
vendors as a `LazyVendor`: a `Vendor` whose outline fields are there at once and whose other fields,
the first time one is read, load the file's declarations (from the cache, else the file, checked to be
the same bytes) and resolve it exactly as an eager load would. So whatever reads a lazy vendor gets
the same values; only what is never read is never loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from dsl.language.model import Pos, Source, Vendor
from dsl.language.parser import FileDecl, VendorDecl


@dataclass(frozen=True)
class VendorFace:
    """The fields of a resolved vendor that a build reads of every vendor, changed or not."""

    id: str
    name: str
    language: str
    pos: Pos
    sources: tuple[Source, ...]
    states_support_languages: bool
    states_availability: bool = False  # some tier promises an availability (an outline kept before it existed: none did)
    states_penalties: bool = False  # some tier states its penalties for delay, or `penalty none`


@dataclass(frozen=True)
class Outline:
    """A plan file reduced to what the cross-file checks and the site's lists need.

    `file` is the file's declarations with its vendors reduced to their ids and positions (the file
    declares no shared calendar, priority scheme or horizon, or it would have no outline), and `faces`
    holds each of its vendors as resolved, in the order written.
    """

    file: FileDecl
    faces: tuple[VendorFace, ...]


def outline_of(decl: FileDecl, vendors: tuple[Vendor, ...]) -> Outline | None:
    """The outline of a parsed file and its resolved vendors; None when the file must always be loaded."""
    if decl.calendars or decl.schemes or decl.horizons or len(vendors) != len(decl.vendors):
        return None  # shared definitions and horizons are read by every build; keep such a file whole
    faces = tuple(
        VendorFace(v.id, v.name, v.language, v.pos, v.sources, Vendor.states_support_languages(v), Vendor.states_availability(v),
                  Vendor.states_penalties(v))
        for v in vendors
    )
    return Outline(FileDecl(decl.path, vendors=tuple(VendorDecl(v.id, v.pos) for v in decl.vendors)), faces)


class _Loaded:
    """A field of a lazy vendor that is not in its outline: reading it loads the vendor (a non-data
    descriptor, so a value in the instance's own dictionary wins)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, vendor: LazyVendor | None, owner: type | None = None) -> Any:
        if vendor is None:
            return self
        vendor._load()
        return vars(vendor)[self.name]


class LazyVendor(Vendor):
    """A vendor of a file left unloaded: its outline's fields at once, the rest resolved on first use."""

    # Instances are made by `lazy_vendor`, never by the dataclass __init__ (dataclasses.replace on one
    # does call it, with every field: the result is a whole vendor, which is right).

    def _load(self) -> None:
        own = vars(self)
        loader = own.get("_loader")
        if loader is None:  # made whole already (by replace, or an earlier read)
            return
        vendor: Vendor = loader()  # may raise (SourceChanged): then the next read tries again
        for item in fields(Vendor):
            own.setdefault(item.name, getattr(vendor, item.name))
        del own["_loader"]

    def states_support_languages(self) -> bool:
        """Whether some tier states its languages of support (from the outline, without loading)."""
        stated = vars(self).get("_states")
        return bool(stated) if stated is not None else Vendor.states_support_languages(self)

    def states_availability(self) -> bool:
        """Whether some tier promises an availability (from the outline, without loading)."""
        stated = vars(self).get("_uptime")
        return bool(stated) if stated is not None else Vendor.states_availability(self)

    def states_penalties(self) -> bool:
        """Whether some tier states penalties for delay (from the outline, without loading)."""
        stated = vars(self).get("_penalties")
        return bool(stated) if stated is not None else Vendor.states_penalties(self)

    def __eq__(self, other: object) -> bool:
        # The dataclass's __eq__ wants the very same class: a lazy vendor equals the vendor it stands for.
        if not isinstance(other, Vendor):
            return NotImplemented
        names = [item.name for item in fields(Vendor) if item.compare]
        return all(getattr(self, name) == getattr(other, name) for name in names)

    __hash__ = Vendor.__hash__

    def __reduce__(self) -> tuple[Callable[..., Vendor], tuple[Any, ...]]:
        # Pickled (or copied) as the whole vendor it stands for: its loader is of this process only.
        return Vendor, tuple(getattr(self, item.name) for item in fields(Vendor))


for _field in fields(Vendor):
    setattr(LazyVendor, _field.name, _Loaded(_field.name))


def lazy_vendor(face: VendorFace, load: Callable[[], Vendor]) -> LazyVendor:
    """A vendor with the outline's fields, whose other fields come from `load()` when first read."""
    vendor = object.__new__(LazyVendor)
    vars(vendor).update(
        id=face.id, name=face.name, language=face.language, pos=face.pos, sources=face.sources,
        _states=face.states_support_languages, _uptime=getattr(face, "states_availability", False),
        _penalties=getattr(face, "states_penalties", None), _loader=load,
    )
    return vendor
