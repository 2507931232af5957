"""guidecite: structured, cited answers from a clinical guideline library."""

__version__ = "0.1.0"
