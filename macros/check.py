"""Validate the guide's YAML without building: ``python -m macros.check [ROOT]``.

It runs what the build runs before rendering (load + schema + cross-references, page shells,
the nav of mkdocs.yml), so a check that passes means the build will not stop on content.
Exit status 0 when the content is valid, 1 with one line per problem otherwise (never a traceback).
"""

from __future__ import annotations

import sys
from pathlib import Path

from .content import load_content
from .errors import ContentError
from .pages import check_page_shells


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent
    try:
        content = load_content(root)
        check_page_shells(content, root / "docs")
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except OSError as error:
        print(f"cannot read the guide's content in {root}: {error}", file=sys.stderr)
        return 1
    counts = ", ".join(
        f"{edition['id']}: {sum(len(g['criteria']) for g in edition['groups'])} {edition.get('item_label_plural', 'criteria')}"
        for edition in content["editions"].values()
    )
    print(f"OK: {counts}; {len(content['case_studies'])} case studies")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
