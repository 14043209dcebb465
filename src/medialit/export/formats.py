"""The LMS formats ``medialit export`` writes, and where each goes by default.

Apart from the writers so that the command line can name the formats in its help without loading
the quiz engine.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Final


class ExportFormat(StrEnum):
    """The formats ``medialit export`` writes."""

    GIFT = "gift"
    """Moodle's GIFT text: ``<bank-id>.gift``, imported into a question category."""
    QTI = "qti"
    """QTI 1.2 as Canvas imports it: ``<bank-id>-qti.zip`` (made with text2qti)."""
    MOODLE = "moodle"
    """Moodle XML: ``<bank-id>-moodle.xml``, imported into a question category with each question's marks."""

    @property
    def label(self) -> str:
        """The format's name in messages: GIFT, QTI, Moodle XML."""
        return "Moodle XML" if self is ExportFormat.MOODLE else self.value.upper()


DEFAULT_OUT: Final = {
    ExportFormat.GIFT: Path("_build/lms/gift"),
    ExportFormat.QTI: Path("_build/lms/qti"),
    ExportFormat.MOODLE: Path("_build/lms/moodle"),
}
"""Where each format goes unless told otherwise: under ``_build``, which is never committed."""

DEFAULT_BANKS: Final = Path("exercises")
