"""Perekat: an offline scenario-based training game for the ASN sociocultural competency."""

__version__ = "0.1.0"
