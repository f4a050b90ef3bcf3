"""Allowed values shared by validation, model and pages."""

# Which unit level each kind of team belongs to.
KIND_LEVEL = {
    "province_steering": "province",
    "district_steering": "district",
    "commune_steering": "commune",
    "village_team": "commune",
}
KIND_LABEL = {
    "province_steering": "Tổ chỉ đạo cấp tỉnh",
    "district_steering": "Tổ chỉ đạo cấp huyện",
    "commune_steering": "Tổ chỉ đạo cấp xã",
    "village_team": "Tổ công nghệ số cộng đồng",
}
PARENT_LEVEL = {"district": "province", "commune": "district"}
LEVEL_LABEL = {"province": "cấp tỉnh", "district": "cấp huyện", "commune": "cấp xã"}  # as editors say it
LEADER, DEPUTY = "Tổ trưởng", "Tổ phó"
ROLE_ORDER = {LEADER: 0, DEPUTY: 1, "Tổ viên": 2}
# Training topics that are skills or policy rather than a platform.
EXTRA_TOPICS = {
    "chinh-sach": "Chủ trương, chính sách về chuyển đổi số",
    "ky-nang-so": "Kỹ năng số cơ bản",
    "an-toan-mang": "An toàn trên không gian mạng",
}

# The names hooks/macros.py gives the pages that run macros (render_macros: true); validation refuses others.
MACRO_VARIABLES = frozenset({"so_lieu", "du_lieu_mau", "ky_bao_cao", "chi_tieu"})
# The keys of its two mappings: with on_undefined: strict a misspelt one stops the build, and mkdocs build -q
# says nothing. so_lieu's progress keys are absent before the first period is due.
MACRO_FIELDS = {
    "so_lieu": frozenset({"province_members", "districts_with_group", "districts_total", "district_members",
                          "communes_with_teams", "communes_total", "village_teams", "village_members",
                          "communes_with_steering", "commune_steering_members", "cham_nhat", "ky_bao_cao",
                          "bao_cao_du_kien", "bao_cao_da_nop", "bao_cao_dung_han", "ty_le_bao_cao", "ty_le_dung_han"}),
    "chi_tieu": frozenset({"luy_ke", "trong_ky"}),
}
