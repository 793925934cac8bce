"""The languages a programme, and its review, can be written in."""

from __future__ import annotations

from typing import Final, Literal

__all__ = ["LANGUAGES", "Language"]

Language = Literal["nl", "en"]
LANGUAGES: Final[tuple[Language, ...]] = ("nl", "en")
