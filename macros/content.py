"""Load every YAML file of the guide, validate it, and return plain data.

``load_content(root)`` either returns the whole content or raises ContentError listing every
problem found (schema errors and cross-references), each with file, line and path.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from .errors import ContentError, Problem
from .safefiles import entries, safe_path
from .scoring import min_met_for
from .validation import schema_problems
from .yamlfile import YamlDocument, load_yaml

CRITERIA_DIR = "criteria"
CASE_STUDY_DIR = "casestudies"
# Characters of text in all content files together, aliases expanded: about 35 times today's content.
# Each value is printed on several pages and downloads, so this bounds the size of the site.
MAX_TOTAL_TEXT_CHARS = 5_000_000
# Optional: a standard without it builds without the "where to go next" data.
RESOURCES_FILE = f"{CRITERIA_DIR}/resources.yml"


class Loader:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.problems: list[Problem] = []
        self.text_chars = 0

    def read(self, relative: str, schema_name: str) -> YamlDocument | None:
        try:
            document = load_yaml(safe_path(self.root, relative), relative)
        except ContentError as error:
            self.problems.extend(error.problems)
            return None
        if self.over_budget(document):
            return None
        found = schema_problems(document, schema_name)
        self.problems.extend(found)
        return None if found else document

    def over_budget(self, document: YamlDocument) -> bool:
        before, self.text_chars = self.text_chars, self.text_chars + document.text_chars
        if self.text_chars <= MAX_TOTAL_TEXT_CHARS:
            return False
        if before <= MAX_TOTAL_TEXT_CHARS:
            self.problems.append(
                Problem(
                    document.file,
                    None,
                    "",
                    (
                        f"the content files read so far, up to this one, hold more than {MAX_TOTAL_TEXT_CHARS} characters "
                        "of text (after expanding aliases), the limit for the whole guide"
                    ),
                )
            )
        return True

    def listing(self, relative_folder: str, suffixes=(".yml", ".yaml")) -> list[tuple[str, str]]:
        """The folder's entries (name, kind), or none when the folder itself is refused (reported)."""
        try:
            return entries(self.root, relative_folder, suffixes)
        except ContentError as error:
            self.problems.extend(error.problems)
            return []

    def report(self, document: YamlDocument, path, message: str) -> None:
        self.problems.append(document.problem(path, message))


def load_content(root: Path) -> dict:
    loader = Loader(root)
    sources_doc = loader.read(f"{CRITERIA_DIR}/sources.yml", "sources")
    editions_doc = loader.read(f"{CRITERIA_DIR}/editions.yml", "editions")
    sources = {}
    if sources_doc:
        _check_unique(loader, sources_doc, [("sources", i, "id") for i in range(len(sources_doc.data["sources"]))])
        sources = {source["id"]: source for source in sources_doc.data["sources"]}
    editions = {}
    if editions_doc:
        for index, edition_id in enumerate(editions_doc.data["editions"]):
            edition = _load_edition(loader, editions_doc, index, edition_id)
            if edition:
                editions[edition_id] = edition
        _check_no_stray_folders(loader, editions_doc)
    case_studies = _load_case_studies(loader)
    resources_doc = loader.read(RESOURCES_FILE, "resources") if (loader.root / RESOURCES_FILE).is_file() else None
    if not loader.problems:
        _check_references(loader, sources, editions, case_studies)
        if resources_doc:
            _check_resources(loader, resources_doc, sources, editions)
    if loader.problems:
        raise ContentError(loader.problems)
    return {
        "sources": sources,
        "editions": {eid: edition for eid, (edition, _) in editions.items()},
        "case_studies": {cid: study for cid, (study, _) in case_studies.items()},
        "resources": resources_doc.data if resources_doc else {"program_today": [], "resources": []},
    }


def _load_edition(loader: Loader, editions_doc: YamlDocument, index: int, edition_id: str):
    folder = f"{CRITERIA_DIR}/{edition_id}"
    if not os.path.lexists(loader.root / folder):
        loader.report(editions_doc, ("editions", index), f"no folder {folder}/ for edition '{edition_id}'")
        return None
    try:
        safe_path(loader.root, folder, "folder")
    except ContentError as error:
        loader.report(editions_doc, ("editions", index), f"{folder}: {error.problems[0].message}")
        return None
    edition_doc = loader.read(f"{CRITERIA_DIR}/{edition_id}/edition.yml", "edition")
    if not edition_doc:
        return None
    edition = dict(edition_doc.data)
    if edition["id"] != edition_id:
        loader.report(edition_doc, ("id",), f"expected id '{edition_id}' (the folder's name), found '{edition['id']}'")
    group_docs = []
    for position, slug in enumerate(edition["groups"]):
        relative = f"{CRITERIA_DIR}/{edition_id}/{slug}.yml"
        if not os.path.lexists(loader.root / relative):
            loader.report(edition_doc, ("groups", position), f"group '{slug}' has no file {relative}")
            continue
        group_doc = loader.read(relative, "group")
        if group_doc:
            if group_doc.data["id"] != slug:
                loader.report(
                    group_doc, ("id",), f"expected id '{slug}' (the file's name), found '{group_doc.data['id']}'"
                )
            group_docs.append(group_doc)
    listed = {f"{slug}.yml" for slug in edition["groups"]} | {"edition.yml"}
    for stray in [name for name, _ in loader.listing(folder) if name not in listed]:
        loader.report(edition_doc, ("groups",), f"{CRITERIA_DIR}/{edition_id}/{stray} is not listed in groups")
    edition["groups"] = [doc.data for doc in group_docs]
    return edition, {"edition": edition_doc, "groups": group_docs}


def _check_no_stray_folders(loader: Loader, editions_doc: YamlDocument) -> None:
    listed = set(editions_doc.data["editions"])
    for name, kind in loader.listing(CRITERIA_DIR, ()):
        if kind in ("folder", "link") and name not in listed:
            loader.report(editions_doc, ("editions",), f"folder {CRITERIA_DIR}/{name}/ is not listed in editions")


def _load_case_studies(loader: Loader) -> dict:
    studies = {}
    for name, _ in loader.listing(CASE_STUDY_DIR):
        document = loader.read(f"{CASE_STUDY_DIR}/{name}", "casestudy")
        if not document:
            continue
        stem = name.rsplit(".", 1)[0]
        if document.data["id"] != stem:
            loader.report(document, ("id",), f"expected id '{stem}' (the file's name), found '{document.data['id']}'")
        studies[document.data["id"]] = (document.data, document)
    return studies


def _check_unique(loader: Loader, document: YamlDocument, paths: list[tuple], seen: dict | None = None) -> None:
    """Report every value at ``paths`` already seen (in this document or in ``seen``)."""
    seen = {} if seen is None else seen
    for path in paths:
        value = _get(document.data, path)
        if value in seen:
            other_doc, other_path = seen[value]
            where = "" if other_doc is document else f"{other_doc.file}:"
            loader.report(
                document, path, f"duplicate id '{value}' (also at {where}line {other_doc.line_of(other_path)})"
            )
        else:
            seen[value] = (document, path)


def _get(data, path):
    for part in path:
        data = data[part]
    return data


def _criterion_paths(group_doc: YamlDocument):
    for index, criterion in enumerate(group_doc.data["criteria"]):
        yield ("criteria", index), criterion


def _check_references(loader: Loader, sources: dict, editions: dict, case_studies: dict) -> None:
    criteria_ids, seen_criteria = {}, {}
    for edition_id, (edition, docs) in editions.items():
        _check_edition_rules(loader, edition, docs["edition"], sources)
        before, seen_items = set(seen_criteria), {}
        for group_doc in docs["groups"]:
            _check_source_ref(loader, group_doc, ("definition_source",), sources)
            _check_source_ref(loader, group_doc, ("benchmark", "source"), sources)
            for path, criterion in _criterion_paths(group_doc):
                _check_unique(loader, group_doc, [path + ("id",)], seen_criteria)
                for kind in ("requirements", "documentation"):
                    item_paths = [path + (kind, i) for i in range(len(criterion.get(kind, [])))]
                    _check_unique(loader, group_doc, [p + ("id",) for p in item_paths], seen_items)
                    for item_path in item_paths:
                        _check_source_ref(loader, group_doc, item_path + ("source",), sources)
                _check_criterion_rules(loader, group_doc, path, criterion, edition, sources)
        criteria_ids[edition_id] = set(seen_criteria) - before
        _check_dependencies(loader, docs["groups"], criteria_ids[edition_id])
    for edition_id, (_edition, docs) in editions.items():
        others = (
            set().union(*(ids for eid, ids in criteria_ids.items() if eid != edition_id))
            if len(editions) > 1
            else set()
        )
        for group_doc in docs["groups"]:
            for path, criterion in _criterion_paths(group_doc):
                for index, target in enumerate(criterion.get("matches", [])):
                    if target not in others:
                        loader.report(
                            group_doc,
                            path + ("matches", index),
                            f"unknown criterion '{target}': no other edition has this id",
                        )
    for _study_id, (study, document) in case_studies.items():
        _check_case_study(loader, document, study, criteria_ids, sources)


def _check_edition_rules(loader: Loader, edition: dict, document: YamlDocument, sources: dict) -> None:
    for index in range(len(edition["sources"])):
        _check_source_ref(loader, document, ("sources", index), sources)
    _check_unique(loader, document, [("tiers", i, "id") for i in range(len(edition["tiers"]))])
    _check_unique(loader, document, [("answer_states", i, "id") for i in range(len(edition["answer_states"]))])
    _check_unique(loader, document, [("practices", i, "id") for i in range(len(edition.get("practices", [])))])
    benchmarks = edition.get("benchmarks")
    if benchmarks:
        _check_source_ref(loader, document, ("benchmarks", "source"), sources)
        for kind in ("regions", "population_bands"):
            _check_unique(
                loader, document, [("benchmarks", kind, i, "id") for i in range(len(benchmarks.get(kind, [])))]
            )
        for index, band in enumerate(benchmarks.get("population_bands", [])):
            if band.get("max_population") is not None and band["max_population"] <= band["min_population"]:
                loader.report(
                    document,
                    ("benchmarks", "population_bands", index, "max_population"),
                    f"max_population {band['max_population']} must be above min_population {band['min_population']}",
                )
    thresholds = [tier["min_percent"] for tier in edition["tiers"]]
    if thresholds != sorted(set(thresholds)):
        loader.report(document, ("tiers",), "tiers must be listed lowest first, each with a higher min_percent")
    else:
        _check_tiers_reachable(loader, edition, document)
    if not any(state["met"] for state in edition["answer_states"]):
        loader.report(document, ("answer_states",), "at least one answer state must have met: true")


def _check_tiers_reachable(loader: Loader, edition: dict, document: YamlDocument) -> None:
    """Each tier must be reachable by some whole number of criteria met, given the edition's count.

    With few criteria two thresholds can need the same number met (e.g. 67% and 68% of 10 both need
    7): the lower tier could then never be shown, and the tiers page would print an empty range.
    """
    total = sum(len(group["criteria"]) for group in edition["groups"])
    label = edition.get("item_label_plural", edition["item_label"] + "s")
    tiers = edition["tiers"]
    needed = [min_met_for(total, tier["min_percent"]) for tier in tiers]
    for index, tier in enumerate(tiers[:-1]):
        if needed[index] >= needed[index + 1]:
            following = tiers[index + 1]
            loader.report(
                document,
                ("tiers", index, "min_percent"),
                f"tier '{tier['id']}' can never be reached with {total} {label}: {tier['min_percent']}% "
                f"needs {needed[index]} met, and so does '{following['id']}' at "
                f"{following['min_percent']}%; move the thresholds further apart",
            )


def _check_criterion_rules(loader, group_doc, path, criterion, edition, sources) -> None:
    practices = {practice["id"] for practice in edition.get("practices", [])}
    if "practice" in criterion and criterion["practice"] not in practices:
        loader.report(
            group_doc,
            path + ("practice",),
            f"unknown practice '{criterion['practice']}' (expected one of: {', '.join(sorted(practices)) or 'none defined'})",
        )
    _check_audited_responses(loader, group_doc, path, criterion, edition, sources)
    must_meet = criterion.get("must_meet")
    if must_meet:
        _check_source_ref(loader, group_doc, path + ("must_meet", "source"), sources)
        if must_meet["count"] > len(criterion.get("requirements", [])):
            loader.report(
                group_doc,
                path + ("must_meet", "count"),
                f"must meet {must_meet['count']} but the criterion has only {len(criterion.get('requirements', []))} requirements",
            )


def _item_ids(criterion: dict) -> set[str]:
    return {item["id"] for kind in ("requirements", "documentation") for item in criterion.get(kind, [])}


def _check_item_refs(loader, group_doc, path, criterion, ids: list[str]) -> None:
    own = _item_ids(criterion)
    for index, item_id in enumerate(ids):
        if item_id not in own:
            loader.report(
                group_doc,
                path + (index,),
                f"unknown item '{item_id}': {criterion['id']} has no requirement or document with this id",
            )


def _check_audited_responses(loader, group_doc, path, criterion, edition, sources) -> None:
    states = [state["id"] for state in edition["answer_states"]]
    for index, audited in enumerate(criterion.get("audited_responses", [])):
        here = path + ("audited_responses", index)
        for key in ("from", "to"):
            if audited[key] not in states:
                loader.report(
                    group_doc,
                    here + (key,),
                    f"unknown answer state '{audited[key]}' (expected one of: {', '.join(states)})",
                )
        if audited["from"] == audited["to"]:
            loader.report(
                group_doc,
                here + ("to",),
                f"an audited response changes the answer: 'to' equals 'from' ('{audited['to']}')",
            )
        _check_source_ref(loader, group_doc, here + ("source",), sources)
        _check_item_refs(loader, group_doc, here + ("items",), criterion, audited.get("items", []))


def _check_dependencies(loader: Loader, group_docs: list, edition_ids: set[str]) -> None:
    """depends_on names another criterion of the same edition, and the prerequisites form no cycle."""
    graph = {}
    for group_doc in group_docs:
        for path, criterion in _criterion_paths(group_doc):
            targets = []
            for index, dependency in enumerate(criterion.get("depends_on", [])):
                here = path + ("depends_on", index)
                target = dependency["criterion"]
                if target == criterion["id"]:
                    loader.report(group_doc, here + ("criterion",), f"{target} cannot depend on itself")
                elif target not in edition_ids:
                    loader.report(
                        group_doc,
                        here + ("criterion",),
                        f"unknown criterion '{target}': no criterion of this edition has this id",
                    )
                else:
                    targets.append(target)
                _check_item_refs(loader, group_doc, here + ("items",), criterion, dependency.get("items", []))
            graph[criterion["id"]] = (targets, group_doc, path)
    for cid, (_, group_doc, path) in graph.items():
        cycle = _cycle_from(cid, graph)
        if cycle and cid == min(cycle):  # one report per cycle, at its smallest id
            loader.report(group_doc, path + ("depends_on",), f"circular prerequisites: {' -> '.join(cycle)}")


def _cycle_from(start: str, graph: dict) -> list[str] | None:
    """The path start -> ... -> start through depends_on, if there is one."""
    stack, seen = [(start, [start])], set()
    while stack:
        node, trail = stack.pop()
        for target in graph.get(node, ([],))[0]:
            if target == start:
                return trail + [start]
            if target not in seen:
                seen.add(target)
                stack.append((target, trail + [target]))
    return None


def _check_resources(loader: Loader, document: YamlDocument, sources: dict, editions: dict) -> None:
    data = document.data
    for kind in ("program_today", "resources"):
        _check_unique(loader, document, [(kind, i, "id") for i in range(len(data[kind]))])
    for index, statement in enumerate(data["program_today"]):
        for position in range(len(statement["sources"])):
            _check_source_ref(loader, document, ("program_today", index, "sources", position), sources)
    criteria = {criterion["id"] for edition, _ in editions.values() for _, criterion in iter_criteria(edition)}
    for index, resource in enumerate(data["resources"]):
        _check_source_ref(loader, document, ("resources", index, "source"), sources)
        for position, cid in enumerate(resource.get("criteria", [])):
            if cid not in criteria:
                loader.report(document, ("resources", index, "criteria", position), f"unknown criterion '{cid}'")


def _check_case_study(loader, document, study, criteria_ids, sources) -> None:
    for edition_id, ids in study["illustrates"].items():
        if edition_id not in criteria_ids:
            loader.report(
                document,
                ("illustrates", edition_id),
                f"unknown edition '{edition_id}' (expected one of: {', '.join(criteria_ids)})",
            )
            continue
        for index, cid in enumerate(ids):
            if cid not in criteria_ids[edition_id]:
                loader.report(
                    document, ("illustrates", edition_id, index), f"unknown criterion '{cid}' in edition '{edition_id}'"
                )
    names = Counter(person["name"] for person in study["people"])
    for index, quote in enumerate(study["quotes"]):
        if quote["speaker"] not in names:
            loader.report(
                document, ("quotes", index, "speaker"), f"speaker '{quote['speaker']}' is not one of the people listed"
            )
        _check_source_ref(loader, document, ("quotes", index, "source"), sources)
    for index in range(len(study["sources"])):
        _check_source_ref(loader, document, ("sources", index), sources)


def _check_source_ref(loader: Loader, document: YamlDocument, path: tuple, sources: dict) -> None:
    try:
        value = _get(document.data, path)
    except (KeyError, IndexError):
        return
    if value not in sources:
        loader.report(document, path, f"unknown source '{value}' (expected one of: {', '.join(sources)})")


def iter_criteria(edition: dict):
    """Yield (group, criterion) pairs of an edition in display order."""
    for group in edition["groups"]:
        for criterion in group["criteria"]:
            yield group, criterion
