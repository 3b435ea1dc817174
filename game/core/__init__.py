"""The engine: standard library only (no pygame, yaml or networkx).

Owns the frozen scenario model, the play state, the condition language, effects,
scoring and the pull API front ends drive. It does not read files or draw.
"""
