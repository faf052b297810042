"""The one exception a user sees: an input or setting that cannot be used, said in a line."""


class InputError(Exception):
    """An input that cannot be checked; the message is one line meant for the user."""
