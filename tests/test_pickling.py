"""Declarations and models survive pickling whole: the build cache and the worker processes rely on it.

`dsl.language.model.quick_pickling` replaces dataclasses' own pickling of frozen slotted classes; a field
it dropped or put in the wrong slot would not show in `==` when the field is left out of comparisons
(positions are), so the objects are compared field by field, positions included.
"""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path
from typing import Any

import pytest

from dsl.language import model, parser
from dsl.language.loader import load_project

ROOT = Path(__file__).resolve().parents[1]
PLANS = sorted((ROOT / "plans").glob("*.plan")) + sorted((ROOT / "tests" / "plans" / "outside").glob("*.plan"))


def same(a: Any, b: Any, where: str = "") -> None:
    """Assert `a` and `b` are equal in every field, those left out of `==` too, all the way down."""
    assert type(a) is type(b), where
    if dataclasses.is_dataclass(a):
        for item in dataclasses.fields(a):
            same(getattr(a, item.name), getattr(b, item.name), f"{where}.{item.name}")
    elif isinstance(a, (tuple, list)):
        assert len(a) == len(b), where
        for n, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{where}[{n}]")
    elif isinstance(a, dict):
        assert a.keys() == b.keys(), where
        for key in a:
            same(a[key], b[key], f"{where}[{key!r}]")
    else:
        assert a == b, where


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_a_files_declarations_come_back_from_pickling_whole(path: Path) -> None:
    _, decl, _ = parser.parse_file(path)
    assert decl is not None
    same(pickle.loads(pickle.dumps(decl, protocol=pickle.HIGHEST_PROTOCOL)), decl, path.name)


def test_the_resolved_models_come_back_from_pickling_whole() -> None:
    project = load_project([ROOT / "plans"]).project
    assert project.vendors
    same(pickle.loads(pickle.dumps(project, protocol=pickle.HIGHEST_PROTOCOL)), project, "project")


def test_every_slotted_class_pickles_by_its_own_field_names() -> None:
    slotted = [c for m in (model, parser) for c in vars(m).values() if isinstance(c, type) and dataclasses.is_dataclass(c) and "__slots__" in vars(c)]
    assert len(slotted) > 30
    for cls in slotted:
        assert cls.__getstate__.__name__ == "getstate", cls  # not dataclasses' own, which asks fields() per object
        assert cls.__setstate__.__qualname__ == f"{cls.__qualname__}.__setstate__", cls


def test_a_state_of_another_shape_is_refused_not_half_set() -> None:
    """A cache entry pickled by a class with other fields must fail to load (the loader then parses the file),
    never give an object with a field missing or in another's slot."""
    pos = model.Pos("a.plan", 1, 2)
    state = pos.__getstate__()
    assert pickle.loads(pickle.dumps(pos)) == pos
    blank = object.__new__(model.Pos)
    with pytest.raises(ValueError, match="Pos: 5 fields pickled as 2"):
        blank.__setstate__(state[:2])  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="as 6"):
        blank.__setstate__((*state, 0))  # type: ignore[attr-defined]


def _model_classes() -> list[type]:
    return [cls for cls in vars(model).values() if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == model.__name__]


def test_the_written_out_inits_take_what_dataclasses_inits_take_and_set_the_same_fields() -> None:
    """`model._init` writes each class's __init__ again (the parser makes a plan's objects one by one): the same parameters
    and defaults as the one dataclasses wrote, and an object made by either has the same fields, factories' too."""
    import inspect

    rewritten = [cls for cls in _model_classes() if hasattr(cls.__init__, "dataclass_init")]
    assert len(rewritten) >= 40  # the model's classes; one that is not rewritten keeps dataclasses' own
    for cls in rewritten:
        original = cls.__init__.dataclass_init  # type: ignore[attr-defined]
        ours, theirs = inspect.signature(cls.__init__).parameters, inspect.signature(original).parameters
        assert list(ours) == list(theirs), cls
        assert [repr(p.default) for p in ours.values()] == [repr(p.default) for p in theirs.values()], cls
        given = {name: object() for name, p in ours.items() if name != "self" and p.default is inspect.Parameter.empty}
        for args in (given, {**given, **{name: object() for name in ours if name != "self"}}):  # defaults, then none
            made, expected = cls.__new__(cls), cls.__new__(cls)
            cls.__init__(made, **args)
            original(expected, **args)
            for item in dataclasses.fields(cls):
                assert getattr(made, item.name) == getattr(expected, item.name), (cls, item.name)
                assert (getattr(made, item.name) is getattr(expected, item.name)) or item.name not in args, (cls, item.name)
