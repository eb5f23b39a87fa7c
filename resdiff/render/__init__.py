"""Renderers: each reads the model only. `json_` needs nothing outside the standard library."""
