"""Knockboard (敲门看板): analytics for a grid-based, door-to-door field campaign."""

__version__ = "0.1.0"
