"""Autosave: a listener on the engine's bus that saves after every choice.

Owns when an autosave happens (a choice made or undone, a play ended) and
where it goes (``SaveStore.autosave_path``). Saving errors propagate: a play
whose autosave fails must say so rather than carry on as if saved.
"""

from __future__ import annotations

from game.core.events import ChoiceMade, ChoiceUndone, Event, PlayEnded
from game.core.state import PlayState
from game.persistence.saves import SaveStore


class Autosaver:
    """Subscribe an instance to an EventBus; it writes the autosave after each choice."""

    def __init__(
        self,
        store: SaveStore,
        scenario_hash: str,
        player: str = "",
        mode: str = "learn",
        play_id: str = "",
        results_dir: str = "",
    ) -> None:
        self.store = store
        self.scenario_hash = scenario_hash
        self.player = player
        self.mode = mode
        self.play_id = play_id  # the learning-records registration, so a resume continues it
        self.results_dir = results_dir  # the class results folder, so a resume writes there too
        self.saves = 0

    def __call__(self, event: Event) -> None:
        if isinstance(event, (ChoiceMade, ChoiceUndone, PlayEnded)):
            self.save(event.state)

    def save(self, state: PlayState) -> None:
        """Write the autosave of ``state`` now."""
        path = self.store.autosave_path(state.scenario_id)
        self.store.write(
            path,
            state,
            self.scenario_hash,
            self.player,
            slot="autosave",
            mode=self.mode,
            play_id=self.play_id,
            results_dir=self.results_dir,
        )
        self.saves += 1
