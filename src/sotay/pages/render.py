"""The one Jinja environment for generated pages: autoescape on, undefined names fail."""
from __future__ import annotations

from functools import lru_cache
from itertools import groupby
from operator import attrgetter

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .. import phones
from ..analytics.progress import has_figures
from ..text import format_date, format_int, format_percent, in_sentence
from .places import where
from .vcard import download_name


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("sotay.pages", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(num=format_int, pct=format_percent, date=format_date, phone=phones.national, e164=phones.e164,
                       digits=phones.digits_national, groupby_in_order=groups_in_order, vcf_name=download_name,
                       in_text=in_sentence, venue=where)
    env.tests.update(mobile=phones.is_mobile, with_figures=has_figures)
    return env


def groups_in_order(items, attribute: str) -> list[tuple]:
    """Runs of items sharing ``attribute``, in the items' order (Jinja's groupby sorts them first)."""
    return [(key, list(run)) for key, run in groupby(items, key=attrgetter(attribute))]


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
