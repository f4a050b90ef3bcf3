"""Training calendar (/tap-huan/) and the trainings sections of unit and team pages."""
from __future__ import annotations

from functools import partial

from ..analytics import progress as analytics
from ..analytics import trainings as training_analytics
from ..model import Model, Team, Unit
from ..settings import Settings
from . import Asset, Page
from .guide_links import guide_slugs
from .organisations import full_labels as organiser_labels
from .organisations import notes as organiser_notes
from .reform import new_root
from .render import render

_guides: dict[str, str] = {}


def _topics(model: Model) -> dict[str, tuple[str, str | None]]:
    """topic id -> (label, guide path relative to the site root or None)."""
    topics = {pid: p.name for pid, p in model.platforms.items()}
    topics.update({t: training_analytics.topic_label(model, t) for t in training_analytics.EXTRA_TOPICS})
    return {t: (label, f"huong-dan/{_guides[t]}/" if t in _guides else None) for t, label in topics.items()}


def _calendar(model: Model, settings: Settings) -> str:
    all_ = analytics.get(model)
    return render("tap_huan.html", today=model.today, calendar=all_.calendar, coverage=all_.coverage,
                  topics=_topics(model), root="../", now=organiser_notes(model, short=False),
                  organisers=organiser_labels(model), new_root=new_root(model),
                  districts=[d for d in model.districts if training_analytics.for_unit(model, d)])  # with a list to go to


def build(model: Model, settings: Settings) -> tuple[list[Page], list[Asset]]:
    _guides.clear()
    _guides.update(guide_slugs(settings.docs_dir))
    return [Page(
        path="tap-huan/index.md",
        title="Tập huấn",
        render=partial(_calendar, model, settings),
        edit="data/trainings.csv",
        description="Lịch các buổi tập huấn cho tổ công nghệ số cộng đồng: sắp tới, đã tổ chức, số tổ và người tham dự; mức độ bao phủ theo huyện và nội dung.",
    )], []


def unit_section(model: Model, unit: Unit) -> str:
    """Trainings held in the unit or attended by its teams; on a commune's page, which of its teams came
    (a district's list would be as long as its teams: it gives the counts)."""
    sessions = training_analytics.for_unit(model, unit)
    if not sessions:
        return ""
    root = "../" * unit.url.count("/")
    present = training_analytics.present_from(model, unit) if not unit.children else {}
    return render("unit_trainings.html", unit=unit, sessions=sessions, topics=_topics(model), root=root, today=model.today,
                  now=organiser_notes(model), present=present)


def team_section(model: Model, team: Team, root: str) -> str:
    """The sessions a team attended, on its page: whether it has been trained, and on what."""
    attended = training_analytics.for_team(model, team)
    # "none attended" only where it means something: attendance is entered, and trainings are for village teams
    if not attended and (team.kind != "village_team" or not training_analytics.attendance_recorded(model)):
        return ""
    return render("team_trainings.html", team=team, attended=attended, topics=_topics(model), root=root)
