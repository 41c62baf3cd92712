"""Administrative units, agencies and users.

Units and agencies are reference data that plans and reports of past years point to, so
they are never deleted: a unit or agency that ends gets ``valid_to`` and, where known, a
successor (districts ended on 30/06/2025; provinces merged into 34 on 01/07/2025).

Scoping: a unit keeps a materialised ``path`` of primary keys ("/12/345/6789/") so
"this unit and every unit below it" is one indexed ``path__startswith`` filter on both
SQLite and PostgreSQL. See ``directory.selectors`` and ``core.permissions``.
"""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel
from core.text import fold


class UnitLevel(models.TextChoices):
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District")
    COMMUNE = "commune", _("Commune")


class AdministrativeUnit(TimeStampedModel):
    """Đơn vị hành chính: tỉnh/thành phố, huyện/quận/thị xã (until 30/06/2025), xã/phường/
    thị trấn/đặc khu. Codes are the official ones; the same code can exist before and after
    the 2025 reform, so (code, valid_from) identifies a unit."""

    code = models.CharField(_("official code"), max_length=10, db_index=True)
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(
        _("kind"),
        max_length=40,
        help_text=_("As in the official list: tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn, đặc khu."),
    )
    level = models.CharField(_("level"), max_length=10, choices=UnitLevel.choices, db_index=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = models.CharField(_("path"), max_length=64, db_index=True, editable=False, default="")
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    successors = models.ManyToManyField(
        "self",
        verbose_name=_("successors"),
        symmetrical=False,
        blank=True,
        related_name="predecessors",
        through="UnitSuccession",
        through_fields=("from_administrativeunit", "to_administrativeunit"),
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    # fold(kind + name + code), kept by load_units and unit_save, so "son ha" finds "huyện Sơn Hà"
    # on SQLite too (whose LIKE ignores case for ASCII letters only).
    search_text = models.CharField(max_length=200, editable=False, default="")

    class Meta:
        verbose_name = _("administrative unit")
        verbose_name_plural = _("administrative units")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "level", "valid_from"],
                name="unit_code_level_valid_from_uniq",
                violation_error_message=_("A unit with this code, level and start date already exists."),
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_from__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_range",
                violation_error_message=_("The end of validity cannot be before its start."),
            ),
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        """Name with its generic noun in lower case, as documents write it ("xã Sơn Mùa")."""
        name = self.name
        lowered = name[:1].lower() + name[1:]
        if self.kind and lowered.startswith(self.kind.lower() + " "):
            return lowered
        if self.kind and not name.lower().startswith(self.kind.lower()):
            return f"{self.kind} {name}"
        return name

    @property
    def is_current(self) -> bool:
        return self.valid_to is None

    def build_search_text(self) -> str:
        return fold(f"{self.kind} {self.name} {self.code}")

    def rebuild_path(self):
        """Set ``path`` from the parent's path; call before saving a new or moved unit."""
        prefix = self.parent.path if self.parent_id else "/"
        self.path = f"{prefix}{self.pk}/"


class SuccessionRule(models.TextChoices):
    """How a unit that ended passed to its successor (``UnitSuccession.rule``)."""

    MERGED = "merged", _("Merged whole into the successor")
    SPLIT = "split", _("Split: part went to the successor")
    PROVINCE = "province", _("Province merged into the successor province")
    DISTRICT = "district", _("District abolished: its area passed to the successor province")
    MANUAL = "manual", _("Entered by hand")


class UnitSuccession(models.Model):
    """One link old unit → new unit of the 2025 reorganisation, with the rule that made it.

    An old commune split between several new communes has one row per successor; the
    library's default successor (where an address without a street goes) is ``is_default``.
    The table is the one the plain many-to-many ``successors`` used before the rule was kept."""

    from_administrativeunit = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("predecessor unit"), on_delete=models.CASCADE, related_name="succession_links"
    )
    to_administrativeunit = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("successor unit"), on_delete=models.CASCADE, related_name="predecession_links"
    )
    rule = models.CharField(_("rule"), max_length=10, choices=SuccessionRule.choices, default=SuccessionRule.MANUAL)
    is_default = models.BooleanField(
        _("default successor"), default=True, help_text=_("For a split unit: the successor an address without a street goes to.")
    )
    source = models.CharField(_("source"), max_length=60, blank=True)

    class Meta:
        db_table = "directory_administrativeunit_successors"
        verbose_name = _("succession link")
        verbose_name_plural = _("succession links")
        unique_together = [("from_administrativeunit", "to_administrativeunit")]

    def __str__(self):
        return f"{self.from_administrativeunit} → {self.to_administrativeunit}"


class AgencyKind(models.TextChoices):
    PEOPLES_COMMITTEE = "ubnd", _("People's Committee")
    DEPARTMENT = "so", _("Provincial department")
    OFFICE = "phong", _("District or commune office")
    COOP_ALLIANCE = "lmhtx", _("Cooperative Alliance")
    FARMERS_UNION = "hnd", _("Farmers' Union")
    FATHERLAND_FRONT = "mttq", _("Fatherland Front / mass organisation")
    PARTY_COUNCIL = "dang", _("Party committee / People's Council")
    BANK = "bank", _("Bank branch")
    SERVICE_UNIT = "dvsn", _("Public service unit")
    COLLECTIVE = "collective", _("Collective organisation")
    OTHER = "other", _("Other")


class Agency(TimeStampedModel):
    """Cơ quan, đơn vị: a government body at an administrative unit (UBND, Sở, Phòng, Hội
    Nông dân, Liên minh HTX…). ``short_name`` is used in document symbols (KH-UBND)."""

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(
        _("short name"), max_length=30, help_text=_("Used in document symbols, e.g. UBND, LMHTX, SNNMT.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=AgencyKind.choices, default=AgencyKind.OTHER)
    unit = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("administrative unit"), on_delete=models.PROTECT, related_name="agencies"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("The governing body (cơ quan chủ quản) shown above the name in document headers."),
    )
    header_name = models.CharField(
        _("name in document header"),
        max_length=255,
        blank=True,
        help_text=_("Upper-case lines as printed in the header, one per line; empty to derive it from the name."),
    )
    place_name = models.CharField(
        _("place name"), max_length=100, blank=True, help_text=_("Place written before the date, e.g. Quảng Ngãi.")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    successor = models.ForeignKey(
        "self", verbose_name=_("successor"), null=True, blank=True, on_delete=models.SET_NULL, related_name="predecessors"
    )
    allow_self_review = models.BooleanField(
        _("reviewers may approve their own submissions"),
        default=False,
        help_text=_(
            "Separation of duties: normally nobody approves or returns a report they submitted themselves. "
            "Tick only for an agency with a single officer; only a superuser can change it."
        ),
    )
    search_text = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["unit__path", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "unit"],
                name="agency_name_unit_uniq",
                violation_error_message=_("An agency with this name already exists in this unit."),
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_from__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="agency_valid_range",
                violation_error_message=_("The end of validity cannot be before its start."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:agency_detail", args=[self.pk])

    @property
    def header_lines(self) -> list[str]:
        """The issuing agency's lines in a document header (ô 2, bold), upper case."""
        text = self.header_name.strip() or self.name
        return [line.strip().upper() for line in text.splitlines() if line.strip()]

    @property
    def header_parent_line(self) -> str:
        """The governing body's line above it (upright), "" without a parent agency.
        Decree 30 allows the common abbreviation "UBND" there ("UBND HUYỆN NGỌC HỒI")."""
        if not self.parent_id:
            return ""
        line = " ".join(self.parent.header_lines)
        return line.replace("ỦY BAN NHÂN DÂN", "UBND", 1)


class Role(models.TextChoices):
    PLANNER = "planner", _("Planner")
    REPORTER = "reporter", _("Reporter")
    LEADER = "leader", _("Leader")
    CLERK = "clerk", _("Clerk")
    ADMIN = "admin", _("Administrator")


class User(AbstractUser):
    """A portal user: belongs to one agency and holds one or more roles."""

    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    position = models.CharField(_("position"), max_length=150, blank=True)
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    is_planner = models.BooleanField(_("planner"), default=False)
    is_reporter = models.BooleanField(_("reporter"), default=False)
    is_leader = models.BooleanField(_("leader"), default=False)
    is_clerk = models.BooleanField(
        _("clerk"),
        default=False,
        help_text=_("Văn thư: keeps the register of outgoing documents, assigns number and date, places the organisation's signature."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]

    def __str__(self):
        return self.full_name or self.get_full_name() or self.username

    @property
    def is_portal_admin(self) -> bool:
        return self.is_superuser

    def has_role(self, role: str) -> bool:
        """True when the user holds ``role`` (admins hold every role)."""
        if not self.is_active:
            return False
        if self.is_superuser:
            return True
        return {
            Role.PLANNER: self.is_planner,
            Role.REPORTER: self.is_reporter,
            Role.LEADER: self.is_leader,
            Role.CLERK: self.is_clerk,
            Role.ADMIN: False,
        }.get(role, False)

    @property
    def roles(self) -> list[str]:
        if self.is_superuser:
            return [Role.ADMIN]
        flags = (
            (Role.PLANNER, self.is_planner),
            (Role.REPORTER, self.is_reporter),
            (Role.LEADER, self.is_leader),
            (Role.CLERK, self.is_clerk),
        )
        return [r for r, flag in flags if flag]

    @property
    def role_labels(self) -> list[str]:
        return [Role(r).label for r in self.roles]
