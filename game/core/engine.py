"""The engine: the pull API front ends drive through a scenario.

Owns the rules of play: entering nodes, which choices are available, choosing
(``set``, then ``add``, then ratings and violation, then ``goto``), linear steps,
endings, dead ends and undo, and publishing events for side effects. It does
not print, read input or store anything; listeners on its bus do that.
"""

from __future__ import annotations

from typing import Any

from game.core.effects import apply_effects
from game.core.events import (
    ChoiceMade,
    ChoiceUndone,
    EventBus,
    NodeEntered,
    PlayEnded,
    ReflectionWritten,
)
from game.core.expressions import explain
from game.core.model import DEFAULT_LANGUAGE, Choice, Scenario
from game.core.scoring import result_of
from game.core.state import RATIONALE_LIMIT, DecisionRecord, GroupVote, PlayState
from game.core.views import ChoiceView, NodeView
from game.errors import (
    DeadEndError,
    EngineError,
    LockedChoiceError,
    NothingToUndoError,
    PlayFinishedError,
    StateError,
    UndoImpossibleError,
    UnknownChoiceError,
)


class Engine:
    """Plays one scenario: ask ``current()``, then ``choose()`` or ``advance()``."""

    def __init__(
        self,
        scenario: Scenario,
        state: PlayState | None = None,
        bus: EventBus | None = None,
        lang: str = DEFAULT_LANGUAGE,
        start_at: str | None = None,
        _replaying: bool = False,
    ) -> None:
        """Start a new play (at ``start``, or at ``start_at`` for writers) or resume ``state``."""
        self.scenario = scenario
        self.bus = bus if bus is not None else EventBus()
        self.lang = lang
        self._quiet = _replaying
        if state is not None:
            self.state = state
            fit_state(scenario, state)
            self._check_dead_end()
            return
        first = start_at or scenario.start
        if first not in scenario.nodes:
            raise StateError(f"scenario '{scenario.scenario_id}' has no node '{first}'")
        self.state = PlayState(scenario.scenario_id, first)
        self.state.variables = scenario.initial_variables
        self._enter(first)

    @property
    def is_finished(self) -> bool:
        return self.state.is_finished

    def current(self, lang: str | None = None) -> NodeView:
        """A view of the node the play stands on, with every choice flagged."""
        lang = lang or self.lang
        node = self.scenario.node(self.state.node_id)
        speaker = self.scenario.characters.get(node.speaker) if node.speaker else None
        views: list[ChoiceView] = []
        for choice in node.choices:
            reason = self._locked_reason(choice, lang)
            if reason is not None and not node.show_locked:
                continue
            views.append(
                ChoiceView(
                    choice_id=choice.choice_id,
                    number=len(views) + 1,
                    text=choice.text.get(lang),
                    is_available=reason is None,
                    locked_reason=reason,
                    choice=choice,
                )
            )
        return NodeView(
            node_id=node.node_id,
            kind=node.kind,
            text=node.text.get(lang),
            speaker=speaker,
            choices=tuple(views),
            ending=node.ending,
            lang=lang,
            background=node.background or self.scenario.background,
            presentation=node.presentation,
        )

    def available_choices(self) -> tuple[Choice, ...]:
        """The choices of the current node whose condition holds now."""
        node = self.scenario.node(self.state.node_id)
        return tuple(c for c in node.choices if self._locked_reason(c, self.lang) is None)

    def advance(self) -> None:
        """Go on from a linear step to its ``next`` node."""
        self._require_playing()
        node = self.scenario.node(self.state.node_id)
        if node.next is None:
            raise UnknownChoiceError(
                f"node '{node.node_id}' is a {node.kind}, not a linear step: nothing to advance"
            )
        self._enter(node.next)

    def choose(
        self, choice_id: str, *, rationale: str = "", vote: GroupVote | None = None
    ) -> DecisionRecord:
        """Make the choice ``choice_id`` at the current decision.

        A group's ``rationale`` and a class's ``vote`` are kept with the decision
        (its record, saves and learning records); they change nothing in play.
        """
        self._require_playing()
        node = self.scenario.node(self.state.node_id)
        choice = node.choice(choice_id)
        if choice is None:
            raise UnknownChoiceError(f"node '{node.node_id}' has no choice '{choice_id}'")
        reason = self._locked_reason(choice, self.lang)
        if reason is not None:
            if not node.show_locked:
                # A hidden choice is not offered at all; naming it must not reveal it.
                raise UnknownChoiceError(f"node '{node.node_id}' has no choice '{choice_id}'")
            raise LockedChoiceError(f"choice '{choice_id}' is locked", reason)
        apply_effects(choice, self.state.variables)
        violation = (choice.violation.rule, choice.violation.severity) if choice.violation else None
        said = rationale.strip()[:RATIONALE_LIMIT]
        record = DecisionRecord(node.node_id, choice.choice_id, choice.score, violation, said, vote)
        self.state.history.append(record)
        self._enter(choice.goto, publish_first=ChoiceMade(record, self.state))
        return record

    def undo(self) -> DecisionRecord:
        """Take back the last choice: the play returns to the decision where it was made."""
        if not self.state.history:
            raise NothingToUndoError("no choice has been made yet")
        undone = self.state.history[-1]
        start = self.state.path[0] if self.state.path else self.scenario.start
        try:
            replay = Engine(self.scenario, lang=self.lang, start_at=start, _replaying=True)
            for record in self.state.history[:-1]:
                replay._advance_to_decision()
                if replay.state.node_id != record.node_id:
                    raise StateError("the path has changed")
                replay.choose(record.choice_id, rationale=record.rationale, vote=record.vote)
            replay._advance_to_decision()
        except (EngineError, StateError):
            replay = None
        if replay is None or replay.state.node_id != undone.node_id:
            raise UndoImpossibleError(
                "cannot undo: the scenario has changed since these choices were made"
            )
        self.state = replay.state
        self.bus.publish(ChoiceUndone(undone, self.state))
        return undone

    def reflect(self, text: str) -> bool:
        """Publish the player's reflection on the play (for history and records); False if blank."""
        if not text.strip():
            return False
        self.bus.publish(ReflectionWritten(text.strip(), self.state))
        return True

    def result(self) -> dict[str, Any]:
        """The result object of the play so far (final once finished)."""
        return result_of(self.state)

    def _advance_to_decision(self) -> None:
        guard = len(self.scenario.nodes) + 1
        while self.scenario.node(self.state.node_id).kind == "step" and guard:
            self.advance()
            guard -= 1

    def _require_playing(self) -> None:
        if self.state.is_finished:
            raise PlayFinishedError(f"the play has ended at '{self.state.ending_id}'")

    def _locked_reason(self, choice: Choice, lang: str) -> str | None:
        if choice.condition is None:
            return None
        variables, visited = self.state.variables, self.state.visited
        if choice.condition.evaluate(variables, visited):
            return None
        return explain(choice.condition, variables, visited, lang)

    def _enter(self, node_id: str, publish_first: ChoiceMade | None = None) -> None:
        node = self.scenario.node(node_id)
        self.state.enter(node_id)
        if node.ending is not None:
            self.state.ending_id = node_id
        if not self._quiet:
            if publish_first is not None:
                self.bus.publish(publish_first)
            self.bus.publish(NodeEntered(node_id, self.state))
            if node.ending is not None:
                self.bus.publish(PlayEnded(node_id, result_of(self.state), self.state))
        self._check_dead_end()

    def _check_dead_end(self) -> None:
        node_id = self.state.node_id
        if self.scenario.node(node_id).kind == "decision" and not self.available_choices():
            raise DeadEndError(
                f"dead end in scenario '{self.scenario.scenario_id}': no choice of node "
                f"'{node_id}' is available"
            )


def fit_state(scenario: Scenario, state: PlayState) -> list[str]:
    """Make a loaded state fit ``scenario``; return notes on what was adjusted.

    Raises StateError when the state is for another scenario or its node is gone.
    Variables the scenario no longer declares are dropped; new ones get their
    initial value; a variable whose type changed is reset.
    """
    if state.scenario_id != scenario.scenario_id:
        raise StateError(
            f"the play state is for scenario '{state.scenario_id}', not '{scenario.scenario_id}'"
        )
    if state.node_id not in scenario.nodes:
        raise StateError(f"scenario '{scenario.scenario_id}' no longer has node '{state.node_id}'")
    notes: list[str] = []
    declared = scenario.initial_variables
    for name in list(state.variables):
        if name not in declared:
            del state.variables[name]
            notes.append(f"variable '{name}' is no longer declared; dropped")
    for name, initial in declared.items():
        if name not in state.variables:
            state.variables[name] = initial
            notes.append(f"new variable '{name}' starts at its initial value")
        elif type(state.variables[name]) is not type(initial):
            state.variables[name] = initial
            notes.append(f"variable '{name}' changed type; reset to its initial value")
    ending = scenario.nodes.get(state.ending_id) if state.ending_id is not None else None
    if state.ending_id is not None and (ending is None or ending.ending is None):
        notes.append(f"'{state.ending_id}' is no longer an ending; the play goes on from there")
        state.ending_id = None
    if state.ending_id is None and scenario.node(state.node_id).ending is not None:
        notes.append(f"'{state.node_id}' is now an ending; the play has ended")
        state.ending_id = state.node_id
    return notes
