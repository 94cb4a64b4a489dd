"""Tierwise: support plans written once in a small language, published everywhere."""
