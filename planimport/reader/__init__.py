"""Rule-based reader for Vietnamese plan documents (kế hoạch).

Pure Python, no Django, no network. It turns a plan (.docx, .pdf with a text layer, or text) into an
:class:`Extraction` whose ``to_dict()`` is a stable JSON shape (see ``README.md`` beside this file)::

    from planimport.reader import read_file, ReaderError
    try:
        extraction = read_file(uploaded_file, uploaded_file.name)
    except ReaderError as error:
        messages.error(request, str(error))   # Vietnamese, safe to show

Pipeline: ``sources`` (docx/pdf/text → raw text) → ``text.normalize`` (canonical text, one paragraph
per line) → ``structure.parse`` (header, preamble, numbered sections, tail) → rules in ``header``,
``targets``, ``tasks``, ``reporting`` → ``model.Extraction``. Each module's docstring states its rules.
Every item keeps the ``span`` of the normalised text (``source_text``) it came from; items produced
by weaker rules carry ``unsure: true`` and a ``note``.

``evaluate`` scores extractions against hand-written expectations (precision/recall of targets,
tasks and deadlines) and formats the table a management command can print.
"""

from .errors import ReaderError
from .evaluate import format_scores, score
from .model import (
    Budget,
    BudgetSource,
    Extraction,
    LegalBasis,
    Participant,
    Reporting,
    Responsibility,
    Section,
    Signer,
    Target,
    Task,
)
from .sources import read_docx, read_file, read_pdf, read_text
from .text import normalize

__all__ = [
    "Budget",
    "BudgetSource",
    "Extraction",
    "LegalBasis",
    "Participant",
    "ReaderError",
    "Reporting",
    "Responsibility",
    "Section",
    "Signer",
    "Target",
    "Task",
    "format_scores",
    "normalize",
    "read_docx",
    "read_file",
    "read_pdf",
    "read_text",
    "score",
]
