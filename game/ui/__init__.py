"""Front ends: adapters over the engine (terminal now; the pygame GUI later)."""
