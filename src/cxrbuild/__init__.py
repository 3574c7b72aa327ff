"""cxrbuild: turn a hospital chest X-ray archive into a de-identified research release."""

__version__ = "0.1.0"
