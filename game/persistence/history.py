"""The player's history of finished plays: one JSON line per result in ``results.jsonl``.

Owns appending a finished play's result (flushed and fsynced, so a crash loses
at most the line being written) and summarising it per scenario (plays, best
tier) for the scenario library. A damaged line is skipped, never fatal. The
classroom's xAPI records are a separate, richer store.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from game.core.events import PlayEnded, ReflectionWritten
from game.core.scoring import TIERS


@dataclass(frozen=True, slots=True)
class ScenarioHistory:
    plays: int = 0
    best_tier: str | None = None


class History:
    def __init__(self, folder: Path) -> None:
        self.path = folder / "results.jsonl"

    def append(self, result: dict[str, Any], mode: str = "learn") -> None:
        """Add a finished play's result object."""
        line = dict(
            result,
            mode=mode,
            finished_at=datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        )
        self._write(line)

    def _write(self, line: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as stream:
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
            stream.flush()
            os.fsync(stream.fileno())

    def append_reflection(self, scenario_id: str, text: str) -> None:
        """Attach the player's reflection (one action for work) to their latest play."""
        self._write(_reflection_line(scenario_id, text))

    def reflections(self, scenario_id: str) -> list[str]:
        return [
            item["reflection"]
            for item in self._lines()
            if item.get("scenario") == scenario_id and isinstance(item.get("reflection"), str)
        ]

    def results(self) -> list[dict[str, Any]]:
        """Every readable play result, oldest first."""
        return [item for item in self._lines() if "reflection" not in item]

    def _lines(self) -> list[dict[str, Any]]:
        try:
            lines = self.path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return []
        found = []
        for line in lines:
            try:
                item = json.loads(line)
            except (ValueError, RecursionError):
                continue
            if isinstance(item, dict) and isinstance(item.get("scenario"), str):
                found.append(item)
        return found

    def summary(self) -> dict[str, ScenarioHistory]:
        """Per scenario id: how many finished plays, and the best tier reached."""
        plays: dict[str, int] = {}
        best: dict[str, str] = {}
        for item in self.results():
            scenario_id, tier = item["scenario"], item.get("tier")
            plays[scenario_id] = plays.get(scenario_id, 0) + 1
            if tier in TIERS and (
                scenario_id not in best or TIERS.index(tier) > TIERS.index(best[scenario_id])
            ):
                best[scenario_id] = tier
        return {key: ScenarioHistory(count, best.get(key)) for key, count in plays.items()}


class HistoryRecorder:
    """Subscribe to the engine's bus: appends the result when a play ends, and reflections."""

    def __init__(self, history: History, mode: str = "learn") -> None:
        self.history = history
        self.mode = mode

    def __call__(self, event: object) -> None:
        if isinstance(event, PlayEnded):
            self.history.append(event.result, self.mode)
        elif isinstance(event, ReflectionWritten):
            self.history.append_reflection(event.state.scenario_id, event.text)


def _reflection_line(scenario_id: str, text: str) -> dict[str, Any]:
    return {
        "scenario": scenario_id,
        "reflection": text,
        "written_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
    }
