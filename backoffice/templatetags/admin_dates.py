from django import template
from django.contrib.admin.templatetags.base import InclusionAdminNode

from backoffice.big_lists import indexed_date_hierarchy

register = template.Library()


@register.tag(name="indexed_date_hierarchy")
def indexed_date_hierarchy_tag(parser, token):
    """Django's {% date_hierarchy cl %}, reading the dates by index (backoffice.big_lists)."""
    return InclusionAdminNode(
        parser,
        token,
        func=indexed_date_hierarchy,
        template_name="date_hierarchy.html",
        takes_context=False,
    )
