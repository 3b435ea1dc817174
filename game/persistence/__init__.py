"""Persistence: saves as atomic JSON files (records in SQLite come later). No UI imports."""
