from django.contrib import admin

from .access import malls_for_user
from .models import Mall, Membership, OpeningHours


class MallScopedAdmin(admin.ModelAdmin):
    """Admin for rows that carry a mall: staff see and pick only the malls (and agencies) they run."""

    mall_field = "mall"
    agency_field = None  # set on models an agency operator may edit, e.g. "agency"

    def get_queryset(self, request):
        from malls.access import agency_ids_for_user

        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        qs = qs.filter(**{f"{self.mall_field}__in": malls_for_user(request.user)})
        if self.agency_field is None:
            return qs if not self._is_operator_only(request) else qs.none()
        limited = [(mall.id, agency_ids_for_user(request.user, mall)) for mall in malls_for_user(request.user)]
        from django.db.models import Q

        condition = Q(pk__in=[])
        for mall_id, agency_ids in limited:
            mall_q = Q(**{f"{self.mall_field}_id": mall_id})
            if agency_ids is not None:
                mall_q &= Q(**{f"{self.agency_field}_id__in": agency_ids})
            condition |= mall_q
        return qs.filter(condition)

    def _is_operator_only(self, request):
        return all(m.role == Membership.AGENCY_OPERATOR for m in request.user.memberships.all())

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if request.user.is_superuser or field is None:
            return field
        model = db_field.related_model
        if model is Mall:
            field.queryset = malls_for_user(request.user)
        elif hasattr(model, "mall"):
            field.queryset = field.queryset.filter(mall__in=malls_for_user(request.user))
        return field

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if not request.user.is_superuser and field is not None and hasattr(db_field.related_model, "mall"):
            field.queryset = field.queryset.filter(mall__in=malls_for_user(request.user))
        return field


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


@admin.register(Mall)
class MallAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kabupaten", "timezone", "is_published"]
    list_filter = ["kabupaten", "is_published"]
    search_fields = ["name", "slug", "region"]
    prepopulated_fields = {"slug": ["region"]}
    inlines = [OpeningHoursInline]

    def get_queryset(self, request):
        return malls_for_user(request.user)

    def has_add_permission(self, request):
        return request.user.is_superuser


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "mall", "agency", "kabupaten_code"]
    list_filter = ["role"]

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser
