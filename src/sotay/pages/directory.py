"""Directory search (/danh-ba/): a page with a search box and a compact data file the browser searches.

The data ships as a JavaScript file that sets a global (loaded with <script src>), not as JSON fetched
at run time, so the directory also works from file:// (the offline copy). It holds what the unit pages
publish and nothing more: names, roles and organisations of current members, and contact details only
of members who consented. Unit and team search strings are folded here (no tone marks, đ as d); members'
names are folded by the browser when the file loads (a fifth of the gzipped file was their folded copies).
"""
from __future__ import annotations

import json
import re
from functools import cache, partial

from .. import phones
from ..analytics.units import is_active
from ..constants import ROLE_ORDER
from ..model import Model
from ..settings import Settings
from ..text import fold, person_sort_key
from . import Asset, Page
from .contacts import fallback, root, shared_with
from .reform import successors_in_force
from .render import render

PAGE = "danh-ba/index.md"
URL = "danh-ba/"
DATA = "assets/danh-ba-data.js"
# The members (four fifths of the data) in a file of their own, loaded once the teams can be searched: on a
# slow line a village's team is found in a quarter of the time (a review measured 5.7 s for the whole).
MEMBERS = "assets/danh-ba-thanh-vien.js"
SCRIPT = "assets/js/danh-ba.js"
GLOBAL = "SOTAY_DANH_BA"
ROLES = sorted(ROLE_ORDER, key=ROLE_ORDER.get)
# Shared beginnings of team names, sent once instead of 1,460 times.
PREFIXES = ["Tổ công nghệ số cộng đồng ", "Tổ chỉ đạo triển khai công nghệ số cộng đồng "]


def search_text(text: str) -> str:
    """What the browser compares with the folded query: 'Nguyễn Văn Đông' -> 'nguyen van dong'."""
    return re.sub(r"[^a-z0-9]+", " ", fold(text)).strip()


def _phone(number: str | None) -> str:
    return phones.national(number) if number else ""


def directory_data(model: Model) -> dict:
    """Units, teams and current members in short arrays; unconsented members carry no contact field.

    p: prefixes team names share ("Tổ công nghệ số cộng đồng ")
    u: [name, parent index or -1, url, folded name (with the names of the units it is part of today),
        and for a 2022 unit that is now part of a new one: "nay thuộc Phường Thành Đông"]
    t: [prefix index or -1, rest of the name, unit index, team id (lower case), folded village (or name),
        public phone, whom to call about unconsented members: "" (the team's public phone) or [label, phone]
        (in full, not a member's index: the teams are searched before the members' file is in), and when the public phone is a steering group's
        (contacts.shared_with) the index of that group's unit]
    m: [name, role index, team index, organisation index or -1, phone, zalo digits, e-mail]
    """
    units = [model.province, *model.districts, *model.communes]
    for later in model.roots_in_force():  # the new units of a reform in force today
        units += [later, *later.children]
    unit_index = {id(u): i for i, u in enumerate(units)}
    u_rows = []
    for u in units:
        today = [s.new for s in successors_in_force(model, u)]
        row = [u.name, unit_index.get(id(u.parent), -1), u.url, search_text(" ".join([u.name, *(n.name for n in today)]))]
        if today:
            row.append(("nay thuộc " if len(today) == 1 else "nay chia cho ") + ", ".join(n.name for n in today))
        u_rows.append(row)

    teams = [t for u in units for t in u.teams if is_active(t, model)]
    team_index = {id(t): i for i, t in enumerate(teams)}
    members = sorted((m for t in teams for m in t.current_members), key=lambda m: person_sort_key(m.full_name))
    t_rows = []
    for team in teams:
        prefix = next((i for i, p in enumerate(PREFIXES) if team.name.startswith(p)), -1)
        rest = team.name[len(PREFIXES[prefix]):] if prefix >= 0 else team.name
        fb, owner = fallback(model, team), shared_with(model, team)
        if fb.phone and fb.phone == team.public_phone and owner is None:
            contact: object = ""
        else:
            contact = [fb.label, _phone(fb.phone)]
        # A steering group is found through its unit's name: its own name ("…công nghệ số cộng đồng xã …")
        # would make every query with "dong" or "cong" list all 120 of them first.
        own = team.village or team.name if team.kind == "village_team" else "tổ chỉ đạo, ban chỉ đạo"  # both are said
        row = [prefix, rest, unit_index[id(team.unit)], team.id.lower(), search_text(own), _phone(team.public_phone), contact]
        if owner is not None:
            row.append(unit_index[id(owner.unit)])
        t_rows.append(row)

    organisations: dict[str, int] = {}
    m_rows = []
    for m in members:
        org = organisations.setdefault(m.organisation, len(organisations)) if m.organisation else -1
        row = [m.full_name, ROLES.index(m.role) if m.role in ROLES else 2, team_index[id(m.team)], org]
        if m.consent and m.has_contact:
            zalo = phones.digits_national(m.zalo) if m.zalo else ""
            row += [_phone(m.phone), zalo if zalo != phones.digits_national(m.phone or "") else "", m.email or ""]
            while row[-1] == "":
                row.pop()
        m_rows.append(row)
    return {"r": ROLES, "p": PREFIXES, "o": list(organisations), "u": u_rows, "t": t_rows, "m": m_rows}


def _as_script(name: str, value: object) -> bytes:
    """window.<name>=<JSON>; '<' is escaped so no value can close a script element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{name}={text};\n".encode("utf-8")


def data_scripts(model: Model) -> tuple[bytes, bytes]:
    """The directory data as two scripts: everything but the members (m), then the members."""
    data = directory_data(model)
    members = data.pop("m")
    return _as_script(GLOBAL, data), _as_script(f"{GLOBAL}_M", members)


def _page(model: Model) -> str:
    return render("directory.html", root=root(URL), data=DATA, members=MEMBERS, script=SCRIPT, districts=model.districts,
                  renamed=bool(model.roots_in_force()),
                  people=sum(len(t.current_members) for t in model.teams.values() if is_active(t, model)))


def build(model: Model, settings: Settings) -> tuple[list[Page], list[Asset]]:
    page = Page(
        path=PAGE,
        title="Danh bạ các tổ",
        render=partial(_page, model),
        edit=None,
        description="Tìm tổ công nghệ số cộng đồng và thành viên theo tên, thôn, xã hoặc số điện thoại; gọi, nhắn tin, Zalo.",
    )
    scripts = cache(partial(data_scripts, model))  # both files come from one pass over the model
    return [page], [Asset(DATA, lambda: scripts()[0]), Asset(MEMBERS, lambda: scripts()[1])]
