"""Consumers of the published formats written from the docs alone, as an outside tool's author would (see deadlines.py)."""
