"""Where each criterion and case study lives in the site, and the links between them.

Links are written relative to the Markdown source of the page that contains them, so MkDocs
validates them (and their anchors) in a strict build.
"""

from __future__ import annotations

import posixpath

CASE_STUDY_FOLDER = "case-studies"


def group_src(edition: dict, group: dict | str) -> str:
    group_id = group if isinstance(group, str) else group["id"]
    return f"{edition['url_path']}/{group_id}.md"


def case_study_src(study: dict | str) -> str:
    study_id = study if isinstance(study, str) else study["id"]
    return f"{CASE_STUDY_FOLDER}/{study_id}.md"


def anchor(criterion_id: str) -> str:
    return criterion_id.lower()


def relative(from_src: str, to_src: str, fragment: str | None = None) -> str:
    """A Markdown link target from the page ``from_src`` to ``to_src`` (both relative to docs/)."""
    target = posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
    if to_src == from_src:
        target = ""
    return f"{target}#{fragment}" if fragment else target


class SiteIndex:
    """Look-ups across editions and case studies, built once from the loaded content."""

    def __init__(self, content: dict):
        self.content = content
        self.location: dict[str, tuple[dict, dict, dict]] = {}
        self.matched_by: dict[str, list[str]] = {}
        for edition in content["editions"].values():
            for group in edition["groups"]:
                for criterion in group["criteria"]:
                    self.location[criterion["id"]] = (edition, group, criterion)
                    for target in criterion.get("matches", []):
                        self.matched_by.setdefault(target, []).append(criterion["id"])
        self.position = {cid: index for index, cid in enumerate(self.location)}

    def edition_of(self, criterion_id: str) -> dict:
        return self.location[criterion_id][0]

    def criterion(self, criterion_id: str) -> dict:
        return self.location[criterion_id][2]

    def criterion_src(self, criterion_id: str) -> str:
        edition, group, _ = self.location[criterion_id]
        return group_src(edition, group)

    def link(self, from_src: str, criterion_id: str) -> str:
        return relative(from_src, self.criterion_src(criterion_id), anchor(criterion_id))

    def counterparts(self, criterion_id: str) -> list[str]:
        """Criteria of other editions that correspond to this one, in either direction."""
        own = self.criterion(criterion_id).get("matches", [])
        found = list(own) + [cid for cid in self.matched_by.get(criterion_id, []) if cid not in own]
        return sorted(found, key=self.sort_key)

    def sort_key(self, criterion_id: str) -> int:
        return self.position[criterion_id]

    def case_studies_for(self, criterion_id: str) -> list[dict]:
        edition_id = self.edition_of(criterion_id)["id"]
        return [
            study
            for study in self.content["case_studies"].values()
            if criterion_id in study["illustrates"].get(edition_id, [])
        ]


def site_path(src: str, directory_urls: bool = True) -> str:
    """Where MkDocs publishes docs/<src>, relative to the site root, as a link target.

    For links in raw HTML, which MkDocs does not rewrite: the target depends on use_directory_urls.
    """
    stem = src[: -len(".md")]
    if not directory_urls:
        return f"{stem}.html"
    if posixpath.basename(stem) == "index":
        folder = posixpath.dirname(stem)
        return f"{folder}/" if folder else "./"
    return f"{stem}/"


def root_prefix(page_url: str) -> str:
    """The relative path from the page published at ``page_url`` to the site root ('' or '../'...)."""
    folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    return "../" * len([part for part in folder.split("/") if part])
