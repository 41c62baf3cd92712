"""A paginator for long lists with many joined columns (issue 17)."""

from django.core.paginator import Paginator
from django.db.models import Count, Window

from core.permissions import filter_pk_in


class DeferredJoinPaginator(Paginator):
    """Pages of a queryset picked by their ids first ("deferred join"), in one query.

    The page's rows are ``rows.filter(pk IN (the ids of the page))``, where the ids come from
    the list's queryset reduced to its primary key: its filters and its ordering (and so only
    the joins those need), sorted and cut to the page before the select_related joins. A plain
    ``object_list[a:b]`` joins every related table to every row of the list before sorting:
    61,626 reports with eight joins, to show 50. Same rows in the same order, same number of
    queries (the count, then the page).

    ``rows`` (optional) is the same model's queryset with the page's ``select_related``,
    ``only`` and prefetches but *without the list's filters*: the ids already carry them (the
    user's scope among them). Without it the page re-applies the list's filters to its 50
    rows, and a scope written as a UNION of id queries (the report list's) was computed twice
    in the page's statement (issue 17). The page is ordered by the list's ordering either way.
    ``count`` (optional): the number of rows of ``object_list``, when the caller has a cheaper
    way to count the very same rows.
    """

    def __init__(self, object_list, per_page, orphans=0, allow_empty_first_page=True, *, rows=None, count=None, **kwargs):
        super().__init__(object_list, per_page, orphans, allow_empty_first_page, **kwargs)
        self.rows = rows
        if count is not None:  # the caller counted the same rows another way (the report list's scope)
            self.__dict__["count"] = count

    def page_rows(self):
        """The queryset the page's rows are read from: ``rows`` ordered as the list, or the list."""
        if self.rows is None:
            return self.object_list
        query = self.object_list.query
        if query.order_by:
            return self.rows.order_by(*query.order_by)
        return self.rows if query.default_ordering else self.rows.order_by()

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = self.object_list.values("pk")[bottom:top]
        return self._get_page(filter_pk_in(self.page_rows(), ids), number, self)


COUNT_COLUMN = "_list_total"
_MAX_OFFSET = 2**63 - 1  # PostgreSQL's bigint, SQLite's INTEGER


class CountedRowsPaginator(Paginator):
    """Pages of a queryset read as tuples (``columns``, made into rows by ``make_row``), and for
    a list whose count is not yet known, **the count and the asked page in one statement**:
    ``count(*) OVER ()`` beside the page's columns (issue 17).

    Why: a scoped user's list filters by a visibility subquery (the plan list's eight-branch
    UNION), which the COUNT and the page each computed again, and the ORM built, compiled and
    read both (two compiles, three model instances a row). One statement computes it once and
    the page's rows are tuples. The window is computed over every row the filters keep, before
    the sort and the cut: the right form for a scoped user's few hundred rows; for the whole
    country the index-only COUNT and the page's top-N read are cheaper, so ``window=False``
    keeps two statements (and the tuples).

    Same pages as Django's ``Paginator`` on the same queryset: the count is the number of rows
    (the queryset must not be DISTINCT — its joins must not repeat a row — or the window would
    count what COUNT(DISTINCT) does not: such a queryset is counted apart); a page past the
    last, below 1 or not a number raises as ``validate_number`` does (a page past the last is
    known to be empty only once the count is read: then the count is read alone, one more
    statement, and the page refused); ``orphans`` take the count first, as Django does.
    """

    def __init__(self, object_list, per_page, orphans=0, allow_empty_first_page=True, *, columns, make_row,
                 window=True, **kwargs):
        super().__init__(object_list, per_page, orphans, allow_empty_first_page, **kwargs)
        self.columns = tuple(columns)
        self.make_row = make_row
        self.window = window and not object_list.query.distinct and not orphans

    def page(self, number):
        if self.window and "count" not in self.__dict__:
            number_read = self._whole_number(number)
            bottom = (number_read - 1) * self.per_page
            # An OFFSET past a 64-bit integer is refused by the database (PostgreSQL's "bigint out of
            # range", SQLite's OverflowError): such a page is past the last; the count says so below.
            if number_read >= 1 and bottom + self.per_page <= _MAX_OFFSET:
                read = self.object_list.annotate(**{COUNT_COLUMN: Window(Count("*"))}).values_list(
                    *self.columns, COUNT_COLUMN
                )
                tuples = list(read[bottom:bottom + self.per_page])
                if tuples or number_read == 1:
                    self.__dict__["count"] = tuples[0][-1] if tuples else 0
                    number = self.validate_number(number_read)
                    return self._get_page([self.make_row(t[:-1]) for t in tuples], number, self)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        tuples = self.object_list.values_list(*self.columns)[bottom:top]
        return self._get_page([self.make_row(t) for t in tuples], number, self)

    def _whole_number(self, number) -> int:
        """``number`` as ``validate_number`` reads it, 0 when it would refuse it (it will, below)."""
        try:
            if isinstance(number, float) and not number.is_integer():
                return 0
            return int(number)
        except (TypeError, ValueError):
            return 0
