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
