"""Home-page panels of the plans app, by role.

* planners: the drafts of their agency, and the plans of their area changed most recently;
* reporters: the plans their agency is assigned in (tasks, responsibilities, reports);
* leaders: the plans in force in their area, and those their agency is assigned in.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import Role

from .selectors import plans_assigned_to, plans_drafts_of_agency, plans_in_force_now, plans_recently_changed


def _panel(title, plans, empty, order, icon="journal-text", link=None):
    return {
        "template": "plans/panels/plans.html",
        "context": {"title": title, "plans": plans, "empty": empty, "icon": icon, "link": link or reverse("plans:plan_list")},
        "order": order,
    }


def home_panels(request) -> list[dict]:
    user = request.user
    if not user.is_authenticated or not user.agency_id:
        return []
    panels = []
    if user.has_role(Role.PLANNER):
        drafts = list(plans_drafts_of_agency(user.agency_id)[:8])
        panels.append(_panel(_("Drafts of your agency"), drafts, _("Your agency has no draft plans."), 20, "pencil-square",
                             reverse("plans:plan_list") + "?status=draft"))
        panels.append(_panel(_("Recently changed plans"), plans_recently_changed(user), _("No plans in your area yet."), 21,
                             "clock-history", reverse("plans:plan_list") + "?ordering=-modified"))
    if user.has_role(Role.LEADER):
        panels.append(_panel(_("Plans of your agency (issued or assigned)"),
                             plans_assigned_to(user.agency_id, issued_too=True),
                             _("Your agency has issued no plan and has no tasks, duties or reports in any plan."), 22))
    elif user.has_role(Role.REPORTER):
        panels.append(_panel(_("Plans your agency is assigned in"), plans_assigned_to(user.agency_id),
                             _("Your agency has no tasks, duties or reports in any plan."), 22))
    if user.has_role(Role.LEADER):
        in_force = plans_in_force_now(user, timezone.localdate())
        panels.append(_panel(_("Plans in force in your area"), in_force, _("No plan in force."), 23, "check2-circle",
                             reverse("plans:plan_list") + "?status=issued"))
    return panels
