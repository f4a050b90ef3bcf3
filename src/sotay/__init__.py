"""Sổ tay Công nghệ số cộng đồng: data → validation → model → analytics → pages.

Nothing in this package imports MkDocs; the thin glue lives in ``hooks/``.
"""
