"""The text player: plays a scenario on a terminal or from piped input."""
