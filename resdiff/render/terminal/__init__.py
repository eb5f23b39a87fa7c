"""The terminal views (rich): layout.py draws for all of them; one module a command's view."""
