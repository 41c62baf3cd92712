"""Models of the planimport app."""
