"""Files -> resolved model: find plan files, parse them, resolve names, merge `extends`.

Names resolve in two scopes: what a vendor block defines itself, then what any
loaded file defines at its top level (shared calendars and priority schemes).
Everything that cannot be resolved becomes a located diagnostic; the semantic
checks of the resolved model live in `dsl.checks`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from dsl.language import checks
from dsl.language.diagnostics import Diagnostic, did_you_mean, error
from dsl.language.model import LANGUAGES, METRICS, Calendar, Plan, Pos, PriorityScheme, Project, Vendor
from dsl.language.parser import FileDecl, VendorDecl, parse_file


@dataclass
class LoadResult:
    """What loading produced: the model (None when there were errors), every diagnostic, the source texts."""

    project: Project | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Diagnostic]:
        """The diagnostics that are errors."""
        return [d for d in self.diagnostics if d.is_error]


def find_plan_files(paths: Sequence[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """The .plan files named or found below the given paths, in a stable order."""
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.rglob("*.plan"))
            if not found:
                problems.append(error(f"no .plan files in '{path}'", Pos(str(path), 0, 0), "plan files end in .plan"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(error(f"'{path}' does not exist", Pos(str(path), 0, 0), "name a .plan file or a folder of them"))
    unique = list(dict.fromkeys(files))
    return unique, problems


def load_project(paths: Sequence[Path]) -> LoadResult:
    """Parse, resolve and check every plan file below `paths`."""
    files, diagnostics = find_plan_files(paths)
    result = LoadResult(None, diagnostics)
    decls: list[FileDecl] = []
    for path in files:
        try:
            text, decl, problems = parse_file(path)
        except (OSError, UnicodeDecodeError) as exc:
            result.diagnostics.append(error(f"cannot read the file: {exc}", Pos(str(path), 0, 0)))
            continue
        result.sources[str(path)] = text
        result.diagnostics.extend(problems)
        if decl is not None:
            decls.append(decl)
    _resolve_and_check(decls, result)
    return result


def _resolve_and_check(decls: Sequence[FileDecl], result: LoadResult) -> None:
    project, problems = resolve(decls)
    result.diagnostics.extend(problems)
    shared = [c for d in decls for c in d.calendars]
    result.diagnostics.extend(checks.check_project(project, shared))
    if not result.errors:
        result.project = project


def load_text(text: str, path: str = "<text>") -> LoadResult:
    """Parse, resolve and check one plan given as text (for tests and tools)."""
    from dsl.language.parser import parse_text

    decl, diagnostics = parse_text(text, path)
    result = LoadResult(None, list(diagnostics), {path: text})
    _resolve_and_check([decl] if decl else [], result)
    return result


# --- resolution -------------------------------------------------------------------------


def _duplicates(items: Iterable, what: str, key=lambda x: x.id) -> list[Diagnostic]:
    seen: dict[str, Pos] = {}
    found = []
    for item in items:
        k = key(item)
        if k in seen:
            first = seen[k]
            found.append(error(f"{what} '{k}' is defined twice", item.pos, f"the first is at {first.file}:{first.line}; give one another id"))
        else:
            seen[k] = item.pos
    return found


def resolve(decls: Sequence[FileDecl]) -> tuple[Project, list[Diagnostic]]:
    """Resolve every vendor's references against its own and the shared definitions."""
    problems: list[Diagnostic] = []
    shared_calendars = [c for d in decls for c in d.calendars]
    shared_schemes = [s for d in decls for s in d.schemes]
    vendor_decls = [v for d in decls for v in d.vendors]
    problems += _duplicates(shared_calendars, "calendar")
    problems += _duplicates(shared_schemes, "priority scheme")
    problems += _duplicates(vendor_decls, "vendor")
    for d in decls:
        if len(d.vendors) > 1:
            second = d.vendors[1]
            problems.append(error("a file holds one vendor; this is a second one", second.pos, f"move vendor '{second.id}' to a file of its own"))

    vendors = []
    for decl in vendor_decls:
        vendor, found = _resolve_vendor(decl, shared_calendars, shared_schemes)
        problems += found
        vendors.append(vendor)
    unique = {v.id: v for v in reversed(vendors)}
    return Project(tuple(sorted(unique.values(), key=lambda v: v.id))), problems


def _resolve_vendor(
    decl: VendorDecl, shared_calendars: list[Calendar], shared_schemes: list[PriorityScheme]
) -> tuple[Vendor, list[Diagnostic]]:
    problems: list[Diagnostic] = []
    for items, what in (
        (decl.plans, "plan"),
        (decl.features, "feature"),
        (decl.categories, "category"),
        (decl.segments, "segment"),
        (decl.contacts, "contact"),
        (decl.calendars, "calendar"),
        (decl.schemes, "priority scheme"),
        (decl.metrics, "metric"),
    ):
        problems += _duplicates(items, what, key=(lambda m: m.metric) if what == "metric" else (lambda x: x.id))
    problems += _duplicates(decl.footnotes, "footnote", key=lambda f: f.mark)

    # Local definitions shadow shared ones of the same name.
    calendars = {c.id: c for c in shared_calendars}
    calendars.update({c.id: c for c in decl.calendars})
    schemes = {s.id: s for s in shared_schemes}
    schemes.update({s.id: s for s in decl.schemes})

    language = "en"
    if decl.language is None:
        problems.append(error(f"vendor '{decl.id}' does not say its language", decl.pos, "add 'language sv' (the language the offer was written in)"))
    elif decl.language.name not in LANGUAGES:
        problems.append(
            error(f"'{decl.language.name}' is not one of the site's languages", decl.language.pos, "use one of: " + ", ".join(LANGUAGES))
        )
    else:
        language = decl.language.name

    name = decl.id
    if decl.name is None:
        problems.append(error(f"vendor '{decl.id}' has no name", decl.pos, 'add a line such as: name "Stratiteq"'))
    else:
        name = decl.name.resolve(language, language)[0]

    scheme = None
    if decl.priorities is not None:
        scheme = schemes.get(decl.priorities.name)
        if scheme is None:
            problems.append(
                error(f"unknown priority scheme '{decl.priorities.name}'", decl.priorities.pos, did_you_mean(decl.priorities.name, schemes))
            )
    elif len(decl.schemes) == 1:
        scheme = decl.schemes[0]
    elif len(decl.schemes) > 1:
        problems.append(error("this vendor defines several priority schemes but uses none", decl.pos, "say which one with 'priorities NAME'"))

    plans, found = _merge_plans(decl.plans)
    problems += found
    used: dict[str, Calendar] = {}

    def use_calendar(ref: str | None, pos: Pos) -> None:
        if ref is None:
            return
        if ref in calendars:
            used.setdefault(ref, calendars[ref])
        else:
            problems.append(error(f"unknown calendar '{ref}'", pos, did_you_mean(ref, calendars)))

    for contact in decl.contacts:
        use_calendar(contact.hours, contact.pos)
    for cal in decl.calendars:
        used.setdefault(cal.id, cal)
    for plan in plans:
        for target in plan.targets:
            use_calendar(target.calendar, target.pos)
        for cov in plan.coverage:
            use_calendar(cov.calendar, cov.pos)
        for ob in plan.obligations:
            use_calendar(ob.calendar, ob.pos)

    vendor = Vendor(
        id=decl.id,
        name=name,
        language=language,
        intro=decl.intro,
        website=decl.website,
        notes=decl.notes,
        contacts=decl.contacts,
        segments=decl.segments,
        footnotes=decl.footnotes,
        categories=decl.categories,
        features=decl.features,
        metrics=decl.metrics,
        priorities=scheme,
        calendars=tuple(sorted(used.values(), key=lambda c: c.id)),
        plans=plans,
        pos=decl.pos,
    )
    problems += _check_references(vendor)
    return vendor, problems


def _merge_plans(declared: tuple[Plan, ...]) -> tuple[tuple[Plan, ...], list[Diagnostic]]:
    """Merge each plan with what it extends; a plan's own statements win."""
    problems: list[Diagnostic] = []
    by_id = {p.id: p for p in declared}
    merged: dict[str, Plan] = {}

    def merge(plan: Plan, chain: tuple[str, ...]) -> Plan:
        if plan.id in merged:
            return merged[plan.id]
        if plan.extends is None:
            merged[plan.id] = plan
            return plan
        if plan.extends in chain or plan.extends == plan.id:
            cycle = " -> ".join((*chain, plan.id, plan.extends))
            problems.append(error(f"plans extend each other in a circle: {cycle}", plan.pos, "one plan in the circle must not extend another"))
            merged[plan.id] = dataclasses.replace(plan, extends=None)
            return merged[plan.id]
        parent_decl = by_id.get(plan.extends)
        if parent_decl is None:
            problems.append(error(f"plan '{plan.id}' extends an unknown plan '{plan.extends}'", plan.pos, did_you_mean(plan.extends, by_id)))
            merged[plan.id] = dataclasses.replace(plan, extends=None)
            return merged[plan.id]
        parent = merge(parent_decl, (*chain, plan.id))
        own = {c.feature for c in plan.cells}
        cells = tuple(c for c in parent.cells if c.feature not in own) + plan.cells
        own_targets = {(t.metric, t.priority) for t in plan.targets}
        targets = tuple(t for t in parent.targets if (t.metric, t.priority) not in own_targets) + plan.targets
        own_cov = {c.priority for c in plan.coverage}
        coverage = tuple(c for c in parent.coverage if c.priority not in own_cov) + plan.coverage
        own_obl = {o.id for o in plan.obligations}
        obligations = tuple(o for o in parent.obligations if o.id not in own_obl) + plan.obligations
        merged[plan.id] = dataclasses.replace(
            plan,
            cells=cells,
            targets=targets,
            coverage=coverage,
            obligations=obligations,
            channels=plan.channels or parent.channels,
        )
        return merged[plan.id]

    for plan in declared:
        merge(plan, ())
    return tuple(merged[p.id] for p in declared if p.id in merged), problems


def _check_references(vendor: Vendor) -> list[Diagnostic]:
    """Every id a vendor's statements name must be defined."""
    problems: list[Diagnostic] = []
    features = {f.id for f in vendor.features}
    categories = {c.id for c in vendor.categories}
    segments = {s.id for s in vendor.segments}
    contacts = {c.id for c in vendor.contacts}
    marks = {f.mark for f in vendor.footnotes}
    levels = {lv.id for lv in vendor.priorities.levels} if vendor.priorities else set()

    def mark_refs(item_marks: tuple[str, ...], pos: Pos) -> None:
        for mark in item_marks:
            if mark not in marks:
                problems.append(error(f"the footnote mark '{mark}' has no footnote", pos, f"add: footnote {mark} {{ sv \"...\" en \"...\" }}"))

    for feature in vendor.features:
        if feature.category is not None and feature.category not in categories:
            problems.append(error(f"unknown category '{feature.category}'", feature.pos, did_you_mean(feature.category, categories)))
        mark_refs(feature.marks, feature.pos)
    if vendor.categories and any(f.category is None for f in vendor.features):
        stray = next(f for f in vendor.features if f.category is None)
        problems.append(error(f"feature '{stray.id}' has no category, but this vendor groups its features", stray.pos, "add 'in CATEGORY' after the feature's id"))
    for metric in vendor.metrics:
        if metric.metric not in METRICS:
            problems.append(error(f"unknown metric '{metric.metric}'", metric.pos, did_you_mean(metric.metric, METRICS)))

    for plan in vendor.plans:
        mark_refs(plan.marks, plan.pos)
        for cell in plan.cells:
            if plan.cell(cell.feature) is cell and cell.feature not in features and cell.feature in plan.own_features:
                problems.append(error(f"plan '{plan.id}' has a cell for an unknown feature '{cell.feature}'", cell.pos, did_you_mean(cell.feature, features)))
            mark_refs(cell.marks, cell.pos)
        for price in plan.prices:
            if price.segment is not None and price.segment not in segments:
                problems.append(error(f"unknown customer segment '{price.segment}'", price.pos, did_you_mean(price.segment, segments) or "declare it: segment ID { sv \"...\" ... }"))
            mark_refs(price.marks, price.pos)
        for target in plan.targets:
            if target.metric not in METRICS:
                problems.append(error(f"unknown metric '{target.metric}'", target.pos, did_you_mean(target.metric, METRICS)))
            if target.priority is not None and target.priority not in levels:
                hint = did_you_mean(target.priority, levels) if levels else "this vendor has no priority levels; use 'all'"
                problems.append(error(f"unknown priority '{target.priority}'", target.pos, hint))
            if target.minutes is not None and target.calendar is None:
                problems.append(error("this target does not say which clock it runs on", target.pos, "end it with 'on CALENDAR', such as: on office-hours"))
        for cov in plan.coverage:
            if cov.priority is not None and cov.priority not in levels:
                problems.append(error(f"unknown priority '{cov.priority}'", cov.pos, did_you_mean(cov.priority, levels)))
        for channel in plan.channels:
            if channel not in contacts:
                problems.append(error(f"plan '{plan.id}' names an unknown channel '{channel}'", plan.pos, did_you_mean(channel, contacts)))
        problems += _duplicates(plan.targets, "target", key=lambda t: f"{t.metric} {t.priority or 'all'}")
    return problems
