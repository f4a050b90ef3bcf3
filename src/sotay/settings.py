"""Build settings from the environment: where the data is and which day is "today"."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    docs_dir: Path
    today: dt.date
    site_url: str = ""  # the published site's address (mkdocs.yml site_url): printed pages give it


def parse_today(text: str | None) -> dt.date:
    """SITE_TODAY=YYYY-MM-DD, or the real date when unset."""
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"SITE_TODAY='{text}' không phải ngày dạng YYYY-MM-DD") from None


def from_environment(root: Path = ROOT) -> Settings:
    data = os.environ.get("SITE_DATA_DIR")
    return Settings(
        data_dir=Path(data).resolve() if data else root / "data",
        docs_dir=root / "docs",
        today=parse_today(os.environ.get("SITE_TODAY")),
    )


def source_date_epoch(today: dt.date) -> int:
    """Seconds since 1970 at midnight UTC of ``today``: the build date of a reproducible build."""
    return int(dt.datetime(today.year, today.month, today.day, tzinfo=dt.timezone.utc).timestamp())
