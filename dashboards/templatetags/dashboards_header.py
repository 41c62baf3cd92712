"""``{% dashboard_filters_and_tabs %}``: the dashboards' header from the year picker to the tabs,
written in Python (``dashboards.header``; issue 17)."""

from django import template
from django.utils.safestring import mark_safe

from dashboards.header import filters_and_tabs_html

register = template.Library()


@register.simple_tag(takes_context=True)
def dashboard_filters_and_tabs(context):
    request = context.get("request")
    return mark_safe(
        filters_and_tabs_html(
            context.get("years", ()),
            context["window"],
            context.get("quarters", ()),
            context.get("filter_query", ""),
            request.path if request is not None else "",
        )
    )
