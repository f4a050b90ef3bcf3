"""``mkdocs`` with the pages of the unit directory left out: the unit pages of /don-vi/ (from 01/07/2025
the reform's pages under /don-vi/2025/ stay), team pages with their vCards, and the directory search.
The benchmark builds the site this way too, to show what the rest of the site (guides, progress,
trainings, posts, validation, the theme) costs on its own.

Usage: python -m sotay.bench.without build [mkdocs options]
"""
from __future__ import annotations

from ..pages import directory, site, teams, units

LEFT_OUT = (units.build, teams.build, directory.build)


def main() -> None:
    absent = [f"{b.__module__}.{b.__name__}" for b in LEFT_OUT if b not in site.BUILDERS]
    if absent:  # renamed, wrapped or split: leaving out nothing would measure the whole site
        raise SystemExit(f"sotay.bench.without: not among the site's builders: {', '.join(absent)}")
    site.BUILDERS[:] = [b for b in site.BUILDERS if b not in LEFT_OUT]
    from mkdocs.__main__ import cli  # after the change: the hook reads BUILDERS when it builds
    cli()


if __name__ == "__main__":
    main()
