"""Reusable widgets of the editor."""
