"""Bodies named as they were at an event and as they are today: "Sở TT&TT (nay là Sở KH&CN Hải Phòng)".

Trainings record their organiser under its name on the day (validation checks it); what became of
that body by ``model.today`` follows the ``succeeded_by`` chain of the organisations table.
"""
from __future__ import annotations

import datetime as dt
import re

from ..model import Model, Organisation
from ..text import format_date


def today_note(model: Model, org: Organisation, short: bool = True) -> str:
    """What the body is today, or "" when it still exists under the same name."""
    now = org.on(model.today)
    if now is org:
        return ""
    if now is None:
        last = org
        while last.successor is not None:
            last = last.successor
        return f"không còn từ {format_date(last.valid_to + dt.timedelta(days=1))}" if last.valid_to else ""
    return f"nay là {now.short_name if short else now.name}"


def notes(model: Model, short: bool = True) -> dict[str, str]:
    """organisation id -> today_note, for templates."""
    return {org_id: today_note(model, org, short) for org_id, org in model.organisations.items()}


def label(model: Model, org: Organisation, short: bool = True) -> str:
    """'Sở TT&TT (nay là Sở KH&CN Hải Phòng)' or just the name while nothing changed."""
    note = today_note(model, org, short)
    name = org.short_name if short else org.name
    return f"{name} ({note})" if note else name


def full_label(org: Organisation) -> str:
    """The name, then the short name in brackets unless the name already has its words: 'Viettel Hải
    Dương', 'Bưu điện tỉnh Hải Dương (VNPost)' (short 'Bưu điện Hải Dương'), not twice."""
    words = set(re.findall(r"\w+", org.name.casefold()))
    if words.issuperset(re.findall(r"\w+", org.short_name.casefold())):
        return org.name
    return f"{org.name} ({org.short_name})"


def full_labels(model: Model) -> dict[str, str]:
    """organisation id -> full_label, for templates."""
    return {org_id: full_label(org) for org_id, org in model.organisations.items()}
