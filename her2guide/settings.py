"""Typed access to the user's settings, kept in an INI file that may be missing or damaged."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from her2guide.care_card import ClinicContact
from her2guide.content.status_register import DEFAULT_READER_REGION, READER_REGIONS
from her2guide.i18n import LANGUAGES
from her2guide.themes import CHOICES as THEME_CHOICES
from her2guide.themes import DEFAULT_CHOICE as DEFAULT_THEME
from her2guide.userdata import move_aside
from her2guide.userfolders import config_folder

MIN_SCALE = 50
MAX_SCALE = 300
SCALE_STEP = 10


def settings_path() -> Path:
    return config_folder() / "settings.ini"


class Settings:
    """The remembered state of the app: language, text size, window, last page, "you are here".

    A file Qt cannot read is moved aside (``settings.ini.broken-<date-time>``) and defaults are
    used, so that a damaged file never stops the app from starting; ``recovered_from`` tells the UI
    to say so. Qt saves through a temporary file that replaces the old one (atomic sync, QSaveFile),
    so a crash while saving never leaves a half-written file.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.recovered_from: Path | None = None
        self._qsettings = self._open()
        if self._qsettings.status() != QSettings.Status.NoError or not self._readable():
            self._move_aside()

    def _open(self) -> QSettings:
        qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)
        qsettings.setAtomicSyncRequired(True)
        return qsettings

    def _readable(self) -> bool:
        if not self.path.exists():
            return True
        try:
            self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return False
        return True

    def _move_aside(self) -> None:
        del self._qsettings
        self.recovered_from = move_aside(self.path)
        self._qsettings = self._open()

    def _text(self, key: str) -> str | None:
        value = self._qsettings.value(key)
        return value if isinstance(value, str) and value else None

    @property
    def language(self) -> str | None:
        value = self._text("language")
        return value if value in LANGUAGES else None

    @language.setter
    def language(self, lang: str) -> None:
        self._qsettings.setValue("language", lang)

    @property
    def text_scale(self) -> int:
        try:
            value = int(self._qsettings.value("text_scale", 100))
        except (TypeError, ValueError):
            return 100
        return min(MAX_SCALE, max(MIN_SCALE, value))

    @text_scale.setter
    def text_scale(self, percent: int) -> None:
        self._qsettings.setValue("text_scale", min(MAX_SCALE, max(MIN_SCALE, percent)))

    @property
    def last_page(self) -> str | None:
        return self._text("last_page")

    @last_page.setter
    def last_page(self, page_id: str) -> None:
        self._qsettings.setValue("last_page", page_id)

    @property
    def you_are_here(self) -> str | None:
        """The timeline stage the patient is on, or None when not marked."""
        return self._text("timeline/you_are_here")

    @you_are_here.setter
    def you_are_here(self, stage_id: str | None) -> None:
        if stage_id:
            self._qsettings.setValue("timeline/you_are_here", stage_id)
        else:
            self._qsettings.remove("timeline/you_are_here")

    @property
    def geometry(self) -> QByteArray | None:
        value = self._qsettings.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._qsettings.setValue("window/geometry", value)

    @property
    def contents_visible(self) -> bool:
        """Whether the reader wants the contents pane beside the page (View → Contents)."""
        return self._qsettings.value("view/contents", True) not in (False, "false")

    @contents_visible.setter
    def contents_visible(self, visible: bool) -> None:
        self._qsettings.setValue("view/contents", visible)

    @property
    def notice_acknowledged(self) -> bool:
        """Whether the reader has confirmed the first-start notice (what the app is and is not)."""
        return self._qsettings.value("notice/acknowledged") in (True, "true")

    @notice_acknowledged.setter
    def notice_acknowledged(self, value: bool) -> None:
        self._qsettings.setValue("notice/acknowledged", value)

    @property
    def theme(self) -> str:
        """The colour theme the reader chose: "system", "light", "dark" or "high-contrast"."""
        value = self._text("view/theme")
        return value if value in THEME_CHOICES else DEFAULT_THEME

    @theme.setter
    def theme(self, choice: str) -> None:
        if choice not in THEME_CHOICES:
            raise ValueError(f"unknown theme {choice!r}; choose one of {', '.join(THEME_CHOICES)}")
        self._qsettings.setValue("view/theme", choice)

    @property
    def region(self) -> str:
        """The reader's region for approval statuses: "eu" (Germany, Austria), "ch" or "other"."""
        value = self._text("region")
        return value if value in READER_REGIONS else DEFAULT_READER_REGION

    @region.setter
    def region(self, region: str) -> None:
        if region not in READER_REGIONS:
            raise ValueError(
                f"unknown region {region!r}; choose one of {', '.join(READER_REGIONS)}"
            )
        self._qsettings.setValue("region", region)

    @property
    def clinic(self) -> ClinicContact:
        """The care team's name, day number and night/weekend number, for the card and handouts."""
        return ClinicContact(
            self._text("clinic/name") or "",
            self._text("clinic/phone") or "",
            self._text("care/night_phone") or "",
        )

    @clinic.setter
    def clinic(self, contact: ClinicContact) -> None:
        """Saved at once (atomically, see the class docstring): a number must never be lost."""
        self._qsettings.setValue("clinic/name", contact.name.strip())
        self._qsettings.setValue("clinic/phone", contact.phone.strip())
        self._qsettings.setValue("care/night_phone", contact.night_phone.strip())
        self._qsettings.sync()

    @property
    def speech_rate(self) -> str:
        """How fast pages are read aloud: "slower", "normal" or "faster"."""
        value = self._text("speech/rate")
        return value if value in ("slower", "normal", "faster") else "normal"

    @speech_rate.setter
    def speech_rate(self, name: str) -> None:
        self._qsettings.setValue("speech/rate", name)

    def sync(self) -> None:
        self._qsettings.sync()
