"""Validation: Table Schema checks (``schema``), domain rules (``rules``), guide checks (``guides``)."""
