"""Weerbaar."""
