"""Referat-assistenten: answers about Danish municipal minutes with citations to agenda point and date."""

__version__ = "0.1.0"
