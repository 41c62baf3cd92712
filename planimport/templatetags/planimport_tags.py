from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` or None (templates cannot index a dict by a variable)."""
    if not mapping:
        return None
    return mapping.get(key)
