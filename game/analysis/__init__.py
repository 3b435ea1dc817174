"""Analysis of scenarios as graphs: the only package that imports networkx.

Owns the scenario's decision graph, its layered layout for pictures, and (as
they come) exploration of play states, lint and path counting. It reads the
frozen model of ``game.core``; it never draws (the GUI renders its layouts)
and never touches saves.
"""
