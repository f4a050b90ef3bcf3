"""Where a training was held, as the unit, team and reform pages say it."""
from __future__ import annotations

from ..model import Training
from ..text import in_sentence


def where(training: Training) -> str:
    """The venue, with its unit unless the venue names it ("Hội trường UBND huyện Ninh Giang (Huyện Ninh
    Giang)" said the place twice); "Nhà văn hóa thôn Ngọc Liên" does not name Xã Ngọc Liên."""
    name = training.unit.name
    return training.venue if in_sentence(name).lower() in training.venue.lower() else f"{training.venue} ({name})"
