"""The classroom: sessions, pseudonyms and learning records (xAPI statements); no UI."""
