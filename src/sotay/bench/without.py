"""``mkdocs`` with the pages of the unit directory left out: unit pages, team pages with their vCards,
and the directory search. The benchmark builds the site this way too, to show what the rest of the
site (guides, progress, trainings, posts, validation, the theme) costs on its own.

Usage: python -m sotay.bench.without build [mkdocs options]
"""
from __future__ import annotations

from ..pages import directory, site, teams, units

LEFT_OUT = (units.build, teams.build, directory.build)


def main() -> None:
    site.BUILDERS[:] = [b for b in site.BUILDERS if b not in LEFT_OUT]
    from mkdocs.__main__ import cli  # after the change: the hook reads BUILDERS when it builds
    cli()


if __name__ == "__main__":
    main()
