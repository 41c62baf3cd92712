"""A paginator for long lists with many joined columns (issue 17)."""

from django.core.paginator import Paginator

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
