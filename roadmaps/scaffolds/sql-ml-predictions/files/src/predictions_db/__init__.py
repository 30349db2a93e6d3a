"""Storing ML predictions and historical time series in a SQL database (SQLAlchemy 2.0)."""
