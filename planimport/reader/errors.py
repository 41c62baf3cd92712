"""The one exception the reader raises.

Every failure the user can cause (an empty file, a corrupt .docx, a scanned PDF without a text
layer, an unsupported extension) becomes a :class:`ReaderError` whose message is Vietnamese and
can be shown to the user as is. Programming errors are not wrapped.
"""


class ReaderError(Exception):
    """A document could not be read; ``str(error)`` is a Vietnamese message for the user."""

    def __init__(self, message: str, *, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.code = code
