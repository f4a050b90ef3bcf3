"""Figures computed from the model: plain numbers, no formatting and no MkDocs."""
