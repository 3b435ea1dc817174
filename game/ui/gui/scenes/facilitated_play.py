"""The projector play of a facilitated session: the class reads, discusses, votes, then sees why.

Owns what changes from a player's own play: choices are not taken by a click
but open the decision's discussion (timer, questions, the facilitator's notes),
then the vote (counts or hot-seat) and its reveal; the decided choice is made
with the class's vote recorded with it, and the outcome shows the feedback and
rating of the class's choice beside the best option's. The play is recorded in
the session (mode ``facilitated``); it is not this PC's player's play, so it is
neither autosaved nor kept in the PC's history. At the ending the report opens
as usual. The votes themselves live in ``game.classroom.voting``.
"""

from __future__ import annotations

from typing import Any

from game.classroom.session import ClassSession
from game.core.model import Scenario
from game.core.state import GroupVote
from game.core.views import ChoiceView
from game.errors import LockedChoiceError
from game.ui.gui.scenes.play import PlayScene
from game.ui.gui.strings import tr

MODE = "facilitated"


class FacilitatedPlayScene(PlayScene):
    autosaves = False

    def __init__(self, app: Any, scenario: Scenario, session: ClassSession) -> None:
        self.session = session
        super().__init__(app, scenario, mode=MODE, seat=session.seat)

    def show_choices(self, view: Any) -> None:
        super().show_choices(view)
        self.notice = tr(self.app.lang, "facilitated_hint")

    def choose(self, choice: ChoiceView) -> None:
        """A choice picked on the projector opens the decision's discussion, not the choice."""
        from game.ui.gui.scenes.discussion import DiscussionScene

        self.notice = ""
        self.app.push(DiscussionScene(self.app, self.scenario, self.view, self.session))

    def resume(self, result: Any = None) -> None:
        if isinstance(result, tuple) and result and result[0] == "decided":
            _, choice_id, vote = result
            self.decide(choice_id, vote)
            return
        super().resume(result)

    def decide(self, choice_id: str, vote: GroupVote) -> None:
        """Make the class's choice, then show what it and the best option were worth."""
        from game.ui.gui.scenes.outcome import OutcomeScene

        view = self.view
        try:
            self.engine.choose(choice_id, vote=vote)
        except LockedChoiceError:
            self.enter()
            return
        self.app.sounds.play("click")
        self.phase = "reading"
        self.feedback_for = None
        self.app.push(OutcomeScene(self.app, self.scenario, view, choice_id, vote))
