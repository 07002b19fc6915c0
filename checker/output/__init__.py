"""Rendering an audit report: text for people, JSON for machines, and CI formats."""
