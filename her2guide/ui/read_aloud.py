"""Reads the shown page aloud with the system's own voices, one sentence at a time, and
highlights the sentence (and the word, where the engine reports words) in the page.

Qt's text to speech (``PySide6-Addons``, the ``speech`` extra) is loaded on first use, so that
start-up never pays for it and the app runs without it. A page is read only with a voice of its
own language: German text is never read by an English voice.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from her2guide.i18n import _
from her2guide.speech.locate import FoldedText
from her2guide.ui.theming import theme_colour

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

    from her2guide.speech.script import Utterance

ENGINE_VARIABLE = "HER2GUIDE_SPEECH_ENGINE"  # e.g. "mock" in tests, "speechd" to insist
RATES = {"slower": -0.3, "normal": 0.0, "faster": 0.3}
_TERRITORY = {"de": QLocale.Country.Germany, "en": QLocale.Country.UnitedKingdom}


def language_name(lang: str) -> str:
    """The language's name in the interface language, for messages."""
    return {"de": _("German"), "en": _("English")}.get(lang, lang)


def create_engine(parent: QObject) -> QTextToSpeech | None:
    """The system's speech engine, or None when Qt's speech module or an engine is missing."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return None
    engines = QTextToSpeech.availableEngines()
    wanted = os.environ.get(ENGINE_VARIABLE, "")
    real = [name for name in engines if name != "mock"]
    name = wanted if wanted in engines else (real[0] if real else "")
    return QTextToSpeech(name, parent) if name else None


def choose_voice(engine: QTextToSpeech, lang: str) -> bool:
    """Sets a voice of ``lang`` (the reader's country first); False when the system has none."""
    language = QLocale(lang).language()
    locales = [locale for locale in engine.availableLocales() if locale.language() == language]
    if not locales:
        return False
    locales.sort(key=lambda locale: locale.territory() != _TERRITORY.get(lang))
    engine.setLocale(locales[0])
    voices = [v for v in engine.availableVoices() if v.locale().language() == language]
    if voices and engine.voice().locale().language() != language:
        engine.setVoice(voices[0])
    return engine.locale().language() == language


class ReadAloud(QObject):
    """Reads a text view's page: start, pause/resume, stop, previous/next sentence, speed.

    Signals:
        state_changed(str): "idle", "reading" or "paused".
        message(str): something the reader should be told (no voice, no speech module).
    """

    state_changed = Signal(str)
    message = Signal(str)

    def __init__(self, view: QTextEdit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._engine: QTextToSpeech | None = None
        self._engine_tried = False
        self._state = "idle"
        self._script: list[Utterance] = []
        self._ranges: list[tuple[int, int] | None] = []
        self._folded = FoldedText("", ())
        self._index = 0
        self._restart_on_resume = False
        self._spoke = False  # whether the engine began the sentence handed to it last
        self._rate = "normal"

    # -- state ---------------------------------------------------------------------------------

    @property
    def state(self) -> str:
        return self._state

    @property
    def index(self) -> int:
        """The sentence being read (an index into ``script``)."""
        return self._index

    @property
    def script(self) -> list[Utterance]:
        return self._script

    @property
    def voice_locale(self) -> QLocale | None:
        """The language of the voice in use, once reading has begun."""
        return self._engine.locale() if self._engine is not None else None

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)

    # -- commands ------------------------------------------------------------------------------

    def start(self, page_html: str) -> None:
        """Reads ``page_html`` (the page the view shows) from its beginning."""
        self.stop()
        engine = self._ensure_engine()
        if engine is None:
            self.message.emit(
                _(
                    "Reading aloud needs the speech add-on: install the app with "
                    "pip install 'her2guide[speech]' and a system voice (on Linux: "
                    "speech-dispatcher and espeak-ng)."
                )
            )
            return
        # The reading script's rules (many patterns) load when reading starts, not at start-up.
        from her2guide.speech.script import page_language, reading_script

        lang = page_language(page_html)
        if not choose_voice(engine, lang):
            self.message.emit(
                _(
                    "No {language} voice is installed on this computer, so this page is not "
                    "read aloud. On Linux, install espeak-ng and speech-dispatcher-espeak-ng; on "
                    "Windows or macOS, add a {language} voice in the system's speech settings."
                ).format(language=language_name(lang))
            )
            return
        self._script = reading_script(page_html)
        if not self._script:
            return
        self._locate_sentences()
        self._index = 0
        self._set_state("reading")
        self._say()

    def toggle_pause(self) -> None:
        if self._engine is None or self._state == "idle":
            return
        if self._state == "reading":
            self._set_state("paused")
            self._engine.pause()
        else:
            self._set_state("reading")
            if self._restart_on_resume:
                self._restart_on_resume = False
                self._say()
            else:
                self._engine.resume()

    def stop(self) -> None:
        """Stops reading and removes the highlight; nothing is said after this."""
        if self._state == "idle":
            return
        self._set_state("idle")
        if self._engine is not None:
            self._engine.stop()
        self._view.setExtraSelections([])

    def step(self, delta: int) -> None:
        """Goes to the previous (-1) or next (+1) sentence; paused reading stays paused."""
        if self._state == "idle" or self._engine is None:
            return
        self._index = max(0, min(len(self._script) - 1, self._index + delta))
        if self._state == "paused":
            self._restart_on_resume = True
            self._highlight()
            return
        self._say()

    def set_rate(self, name: str) -> None:
        self._rate = name if name in RATES else "normal"
        if self._engine is not None:
            self._engine.setRate(RATES[self._rate])

    # -- the engine ----------------------------------------------------------------------------

    def _ensure_engine(self) -> QTextToSpeech | None:
        if not self._engine_tried:
            self._engine_tried = True
            self._engine = create_engine(self)
            if self._engine is not None:
                self._engine.stateChanged.connect(self._on_engine_state)
                self._engine.sayingWord.connect(self._on_word)
                self._engine.setRate(RATES[self._rate])
        return self._engine

    def _say(self) -> None:
        """Hands the current sentence to the engine, after ending the one it may be saying."""
        assert self._engine is not None
        self._spoke = False
        self._engine.stop()  # its "ready" is ignored: the new sentence has not begun yet
        self._highlight()
        self._engine.say(self._script[self._index].spoken)

    def _on_engine_state(self, state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Speaking:
            self._spoke = True
        elif state == QTextToSpeech.State.Error:
            self.message.emit(_("The speech engine reported an error; reading stopped."))
            self.stop()
        elif state == QTextToSpeech.State.Ready and self._state == "reading":
            if not self._spoke:
                return  # a sentence we left (previous/next) has ended; the new one is on its way
            if self._index + 1 >= len(self._script):
                self.stop()
                return
            self._index += 1
            self._say()

    def _on_word(self, _word: str, _id: int, start: int, length: int) -> None:
        if self._state != "reading" or length <= 0:
            return
        utterance = self._script[self._index]
        if start + length > len(utterance.origin):
            return
        self._highlight(word=(utterance.origin[start], utterance.origin[start + length - 1] + 1))

    # -- the page ------------------------------------------------------------------------------

    def _locate_sentences(self) -> None:
        """Where each sentence stands in the shown document, found in reading order."""
        self._folded = FoldedText.of(self._view.document().toRawText())
        self._ranges = []
        offset = 0
        for utterance in self._script:
            found = self._folded.find(utterance.shown, offset)
            self._ranges.append(found)
            if found is not None:
                offset = found[1]

    def _highlight(self, word: tuple[int, int] | None = None) -> None:
        found = self._ranges[self._index] if self._index < len(self._ranges) else None
        if found is None:
            self._view.setExtraSelections([])
            return
        selections = [self._selection(*self._folded.document_range(*found), "match")]
        if word is not None:
            begin, end = found[0] + word[0], found[0] + word[1]
            selections.append(
                self._selection(*self._folded.document_range(begin, end), "match_current")
            )
        self._view.setExtraSelections(selections)
        self._keep_in_view(selections[-1].cursor)

    def _selection(self, start: int, end: int, colour: str) -> QTextEdit.ExtraSelection:
        cursor = QTextCursor(self._view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = QTextCharFormat()
        selection.format.setBackground(theme_colour(colour))
        selection.format.setForeground(theme_colour("match_text"))
        return selection

    def _keep_in_view(self, cursor: QTextCursor) -> None:
        """Scrolls so that the sentence is in view, a third down the page when it was not."""
        start = QTextCursor(cursor)
        start.setPosition(cursor.selectionStart())
        top = self._view.cursorRect(start).top()
        end = QTextCursor(cursor)
        end.setPosition(cursor.selectionEnd())
        bottom = self._view.cursorRect(end).bottom()
        height = self._view.viewport().height()
        if top < 0 or bottom > height:
            bar = self._view.verticalScrollBar()
            bar.setValue(bar.value() + top - height // 3)
