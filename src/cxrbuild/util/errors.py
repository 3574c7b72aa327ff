"""Errors that the CLI turns into a one-line message and a non-zero exit."""


class CxrbuildError(Exception):
    """Bad input or a failed precondition; the message names the file and the problem."""
