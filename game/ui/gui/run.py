"""Start the GUI: open the window on the title screen or straight into a scenario.

Owns wiring the command line's choices (folders, a scenario to open with its
class seat and player name, a frame count for smoke runs) to the App. Imported
only when the GUI is asked for, so the text player and the validator never load
pygame.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from game.ui.gui.app import App, Folders
from game.ui.gui.scenes.title import TitleScene

if TYPE_CHECKING:
    from game.classroom.identity import Seat
    from game.core.model import Scenario


def run_gui(
    scenarios: Path,
    saves: Path,
    scenario: Scenario | None = None,
    frames: int | None = None,
    mode: str | None = None,
    start_at: str | None = None,
    seat: Seat | None = None,
    player: str = "",
) -> int:
    app = App(Folders(scenarios, saves))
    try:
        app.push(TitleScene(app))
        if scenario is not None:
            from game.ui.gui.scenes.play import PlayScene  # the title alone starts faster

            play = PlayScene(app, scenario, mode=mode, start_at=start_at, seat=seat, player=player)
            app.push(play)
        return app.run(frames)
    finally:
        app.close()
