"""ilacs."""
