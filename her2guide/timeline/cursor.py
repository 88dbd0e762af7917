"""Moving through a timeline: the selected stage and option, and "you are here".

Plain Python; ``ui.timeline_widget`` turns the cursor's changes into signals.
"""

from __future__ import annotations

from her2guide.timeline.model import Option, Stage, Timeline


class TimelineCursor:
    """Where the reader is on the timeline: a stage, maybe one of its options, and "you are here".

    The selection is kept as ids so that it survives swapping the timeline for the other
    language. Every move returns whether anything changed; the widget turns that into signals.
    """

    def __init__(self, timeline: Timeline | None = None) -> None:
        self._timeline: Timeline | None = None
        self._stage_index: int | None = None
        self._option_index: int | None = None
        self._you_are_here: str | None = None
        self.set_timeline(timeline)

    @property
    def timeline(self) -> Timeline | None:
        return self._timeline

    @property
    def stages(self) -> tuple[Stage, ...]:
        return self._timeline.reading_order if self._timeline else ()

    @property
    def stage_index(self) -> int | None:
        """Index into :attr:`stages` (reading order); None only for an empty timeline."""
        return self._stage_index

    @property
    def option_index(self) -> int | None:
        """Index of the selected option in the current stage; None when the stage itself is."""
        return self._option_index

    @property
    def current_stage(self) -> Stage | None:
        return None if self._stage_index is None else self.stages[self._stage_index]

    @property
    def current_option(self) -> Option | None:
        stage = self.current_stage
        if stage is None or self._option_index is None:
            return None
        return stage.options[self._option_index]

    @property
    def current_id(self) -> str | None:
        """The id of the selected option, or of the selected stage."""
        item = self.current_option or self.current_stage
        return item.id if item else None

    def set_timeline(self, timeline: Timeline | None) -> None:
        """Shows another timeline (usually the other language), keeping what was selected."""
        previous_stage = self.current_stage.id if self.current_stage else None
        previous = self.current_id
        self._timeline = timeline
        self._stage_index = 0 if self.stages else None
        self._option_index = None
        if not (previous and self.select(previous)) and previous_stage:
            self.select(previous_stage)
        if self._you_are_here and self._stage_position(self._you_are_here) is None:
            self._you_are_here = None

    def _stage_position(self, stage_id: str) -> int | None:
        return next((i for i, stage in enumerate(self.stages) if stage.id == stage_id), None)

    def _move(self, stage_index: int | None, option_index: int | None) -> bool:
        if (stage_index, option_index) == (self._stage_index, self._option_index):
            return False
        self._stage_index, self._option_index = stage_index, option_index
        return True

    def select(self, target_id: str) -> bool:
        """Selects a stage or an option by id; False when nothing changed or the id is unknown."""
        for stage_index, stage in enumerate(self.stages):
            if stage.id == target_id:
                return self._move(stage_index, None)
            for option_index, option in enumerate(stage.options):
                if option.id == target_id:
                    return self._move(stage_index, option_index)
        return False

    def next_stage(self) -> bool:
        if self._stage_index is None or self._stage_index + 1 >= len(self.stages):
            return False
        return self._move(self._stage_index + 1, None)

    def previous_stage(self) -> bool:
        if not self._stage_index:
            return False
        return self._move(self._stage_index - 1, None)

    def next_option(self) -> bool:
        stage = self.current_stage
        if stage is None or not stage.options:
            return False
        following = 0 if self._option_index is None else self._option_index + 1
        return following < len(stage.options) and self._move(self._stage_index, following)

    def previous_option(self) -> bool:
        """Moves up one option; from the first option up to the stage itself."""
        if self._option_index is None:
            return False
        above = self._option_index - 1 if self._option_index > 0 else None
        return self._move(self._stage_index, above)

    def first_stage(self) -> bool:
        return bool(self.stages) and self._move(0, None)

    def last_stage(self) -> bool:
        return bool(self.stages) and self._move(len(self.stages) - 1, None)

    @property
    def you_are_here(self) -> str | None:
        """The stage the patient is on, or None."""
        return self._you_are_here

    def set_you_are_here(self, stage_id: str | None) -> bool:
        """Marks a stage (or clears the mark with None); returns whether the mark changed."""
        if stage_id is not None and self._stage_position(stage_id) is None:
            raise ValueError(f"no stage with the id {stage_id!r}")
        if stage_id == self._you_are_here:
            return False
        self._you_are_here = stage_id
        return True

    def toggle_you_are_here(self) -> bool:
        """Marks the selected stage, or clears the mark when that stage already carries it."""
        stage = self.current_stage
        if stage is None:
            return False
        return self.set_you_are_here(None if self._you_are_here == stage.id else stage.id)
