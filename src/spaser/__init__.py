"""Spaser responsible-purchasing indicators: raw extract loading and checks."""
