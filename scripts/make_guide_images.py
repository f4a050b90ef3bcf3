#!/usr/bin/env python3
"""Draw the guides' illustrations (docs/huong-dan/img/*.svg) from the small specs below.

Usage: python scripts/make_guide_images.py [--check]

Each spec is ("phone", screen title, rows) or ("flow", box labels); row kinds are listed in
src/sotay/sketches.py (upper case = the thing to press, highlighted). --check exits 1 when a committed
SVG differs from what the spec draws (run in the tests), instead of writing.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sotay.sketches import draw

OUT = Path(__file__).resolve().parents[1] / "docs" / "huong-dan" / "img"


def P(title, *rows):
    return ("phone", title, list(rows))


def F(*labels):
    return ("flow", list(labels))


SPECS = {
    # dich-vu-cong-tao-tai-khoan
    "dvc-1": P("Trình duyệt", ("F", "dichvucong.gov.vn"), ("i", "Gõ địa chỉ rồi bấm Đi"), ("p", "")),
    "dvc-2": P("Dịch vụ công", ("B", "Đăng nhập"), ("b", "Đăng ký"), ("t", "Tìm thủ tục"), ("f", "Nhập tên thủ tục…")),
    "dvc-3": P("Chọn cách đăng nhập", ("t", "Đăng nhập bằng:"), ("K", "Tài khoản VNeID"), ("k", "Cách khác")),
    "dvc-4": P("Đăng nhập", ("t", "Số định danh cá nhân"), ("f", "0300…"), ("t", "Mật khẩu"), ("f", "••••••"), ("B", "Đăng nhập")),
    "dvc-5": P("Tìm thủ tục", ("f", "khai sinh"), ("K", "Đăng ký khai sinh"), ("k", "Khai sinh lưu động"), ("k", "Cấp bản sao trích lục")),
    "dvc-6": P("Tờ khai", ("t", "Họ và tên *"), ("F", "Nguyễn Văn An"), ("t", "Ngày sinh *"), ("f", "dd/mm/yyyy"), ("t", "Nơi cư trú *"), ("f", "Thôn…, xã…")),
    "dvc-7": P("Giấy tờ kèm theo", ("k", "Giấy chứng sinh"), ("B", "Tải tệp"), ("k", "Giấy đăng ký kết hôn"), ("b", "Tải tệp")),
    "dvc-8": P("Nộp hồ sơ", ("t", "Đã nộp thành công"), ("t", "Mã hồ sơ:"), ("F", "H30-221015-0001"), ("i", "Ghi lại mã này để theo dõi"), ("b", "Về trang chủ")),
    # vneid
    "vneid-1": P("Kho ứng dụng", ("F", "VNeID"), ("k", "Kết quả tìm kiếm"), ("p", "")),
    "vneid-2": P("VNeID", ("t", "Phát triển: Bộ Công an"), ("p", ""), ("B", "Cài đặt")),
    "vneid-3": P("VNeID", ("p", ""), ("B", "Đăng ký"), ("b", "Đăng nhập")),
    "vneid-4": P("Đăng ký tài khoản", ("t", "Số định danh cá nhân"), ("F", "12 số trên căn cước"), ("t", "Số điện thoại"), ("f", "09…"), ("b", "Gửi yêu cầu")),
    "vneid-5": P("Nhập mã OTP", ("t", "Mã gửi tới 09•••••123"), ("F", "_ _ _ _ _ _"), ("!", "Không đưa mã cho ai"), ("b", "Xác nhận")),
    "vneid-6": P("Đặt mật khẩu", ("t", "Mật khẩu mới"), ("f", "••••••••"), ("t", "Nhập lại mật khẩu"), ("f", "••••••••"), ("B", "Xác nhận")),
    "vneid-7": F("Đăng ký trên điện thoại", "Mang căn cước ra công an xã", "Kích hoạt mức 2", "Dùng dịch vụ công, sổ sức khỏe"),
    # so-suc-khoe-dien-tu
    "sskdt-1": P("VNeID", ("t", "Mật khẩu"), ("f", "••••••"), ("B", "Đăng nhập")),
    "sskdt-2": P("VNeID", ("k", "Ví giấy tờ"), ("K", "Sổ sức khỏe điện tử"), ("k", "Thủ tục hành chính"), ("k", "Xem thêm")),
    "sskdt-3": P("Sổ sức khỏe", ("t", "Đồng ý chia sẻ thông tin"), ("t", "sức khỏe để xem sổ?"), ("B", "Đồng ý"), ("b", "Để sau")),
    "sskdt-4": P("Sổ sức khỏe điện tử", ("k", "Thông tin cá nhân"), ("k", "Khám chữa bệnh"), ("K", "Tiêm chủng"), ("k", "Bảo hiểm y tế")),
    "sskdt-5": F("Mở ứng dụng VNeID", "Vào sổ sức khỏe điện tử", "Đưa nhân viên y tế xem khi đi khám"),
    # gian-hang-voso
    "voso-1": P("voso.vn", ("f", "Tìm sản phẩm…"), ("p", ""), ("B", "Bán cùng Voso")),
    "voso-2": P("Đăng ký người bán", ("t", "Số điện thoại"), ("f", "09…"), ("B", "Đăng ký"), ("i", "Nhập mã OTP vừa nhận")),
    "voso-3": P("Thông tin gian hàng", ("t", "Tên gian hàng"), ("F", "Vải thiều bác An"), ("t", "Địa chỉ lấy hàng"), ("f", "Thôn…, xã…"), ("b", "Tiếp tục")),
    "voso-4": P("Tài khoản nhận tiền", ("t", "Ngân hàng"), ("f", "Chọn ngân hàng"), ("t", "Số tài khoản"), ("F", "0123…"), ("b", "Lưu")),
    "voso-5": P("Sản phẩm", ("p", "Thêm ảnh"), ("f", "Tên sản phẩm"), ("f", "Giá (đồng)"), ("B", "Thêm sản phẩm")),
    "voso-6": P("Xem lại", ("p", "Vải thiều 1 kg"), ("t", "Giá: 35.000 đ"), ("B", "Đăng bán")),
    # gian-hang-postmart
    "postmart-1": P("postmart.vn", ("f", "Tìm nông sản…"), ("p", ""), ("B", "Đăng ký bán")),
    "postmart-2": P("Tạo tài khoản", ("t", "Số điện thoại"), ("f", "09…"), ("t", "Mật khẩu"), ("f", "••••••"), ("B", "Đăng ký")),
    "postmart-3": P("Thông tin người bán", ("t", "Tên gian hàng"), ("F", "Gạo nếp hoa vàng"), ("t", "Địa chỉ"), ("f", "Thôn…, xã…"), ("b", "Gửi đăng ký")),
    "postmart-4": F("Gửi đăng ký", "Sàn kiểm tra thông tin", "Bưu điện xã hỗ trợ (nếu cần)", "Gian hàng được mở"),
    "postmart-5": P("Quản lý sản phẩm", ("p", "Thêm ảnh"), ("f", "Tên sản phẩm"), ("f", "Giá (đồng)"), ("B", "Thêm sản phẩm")),
    "postmart-6": P("Đơn hàng mới", ("k", "Đơn 1: 2 kg gạo nếp"), ("t", "Người mua: chị Lan"), ("B", "Xác nhận đơn"), ("b", "Hủy")),
    # ban-hang-truc-tuyen
    "bhtt-1": P("Máy ảnh", ("p", "Chụp gần cửa sổ, nền trơn"), ("B", "Chụp")),
    "bhtt-2": P("Mô tả sản phẩm", ("t", "Nguồn gốc: vườn nhà, xã…"), ("t", "Khối lượng: 1 kg"), ("t", "Bảo quản: nơi khô, mát"), ("F", "Hạn dùng: …"), ("b", "Lưu")),
    "bhtt-3": P("Giá bán", ("t", "Giá bán (đồng)"), ("F", "35000"), ("i", "Chưa gồm phí giao hàng"), ("b", "Lưu")),
    "bhtt-4": P("Chia sẻ", ("p", "Vải thiều 1 kg"), ("B", "Gửi vào Zalo"), ("b", "Lấy đường dẫn")),
    "bhtt-5": P("Đơn hàng", ("k", "Đơn mới: 3 kg vải thiều"), ("t", "Giao đến: Hà Nội"), ("B", "Xác nhận đơn")),
    "bhtt-6": F("Lót giấy đáy thùng", "Xếp hàng, chèn kín khe hở", "Dán băng dính chắc chắn", "Dán nhãn tên, số điện thoại"),
    "bhtt-7": P("Theo dõi đơn", ("t", "Mã vận đơn: VD123456"), ("k", "Đã xác nhận"), ("K", "Đã giao cho bưu cục"), ("k", "Đang giao")),
    "bhtt-8": P("Đánh giá", ("t", "★★★★☆ Ngọt, giao nhanh"), ("B", "Trả lời"), ("t", "★★☆☆☆ Có vài quả dập"), ("b", "Trả lời")),
    # thanh-toan-qr
    "tt-1": P("Kho ứng dụng", ("f", "Tên ngân hàng"), ("t", "Của đúng ngân hàng"), ("p", ""), ("B", "Cài đặt")),
    "tt-2": P("Mở tài khoản", ("t", "Chụp mặt trước căn cước"), ("p", ""), ("B", "Chụp")),
    "tt-3": P("Đặt mã PIN", ("F", "_ _ _ _ _ _"), ("i", "Tránh ngày sinh, 123456"), ("B", "Xác nhận")),
    "tt-4": P("Ngân hàng", ("t", "Số dư: ••••••"), ("B", "Quét mã QR"), ("b", "Chuyển tiền"), ("b", "Trả hóa đơn")),
    "tt-5": P("Quét mã QR", ("q", "Đưa mã vào giữa khung"), ("i", "Bật đèn nếu tối")),
    "tt-6": P("Xác nhận", ("t", "Nhận: NGUYEN THI HOA"), ("t", "Số tiền: 50.000 đ"), ("!", "Xem kỹ tên người nhận"), ("B", "Xác nhận")),
    # tro-ly-ao
    "tla-1": P("Trang thông tin", ("t", "Thủ tục hành chính"), ("p", ""), ("B", "Hỏi trợ lý ảo")),
    "tla-2": P("Trợ lý ảo", ("t", "Xin chào, bạn cần hỏi gì?"), ("F", "làm lại căn cước?"), ("B", "Gửi")),
    "tla-3": P("Trợ lý ảo", ("t", "Bạn cần mang theo:"), ("t", "- Căn cước cũ (nếu còn)"), ("t", "- Giấy tờ liên quan"), ("K", "Chi tiết thủ tục")),
    "tla-4": P("Trợ lý ảo", ("t", "Câu trả lời có giúp ích?"), ("B", "Hỏi lại"), ("b", "Gặp cán bộ")),
    # phan-anh-hien-truong
    "pa-1": P("Phản ánh hiện trường", ("B", "Gửi phản ánh"), ("b", "Phản ánh của tôi"), ("t", "Phản ánh mới nhất"), ("k", "Đèn đường tắt - đã xử lý")),
    "pa-2": P("Chụp ảnh", ("p", "Ổ gà trên đường thôn"), ("B", "Chụp")),
    "pa-3": P("Loại sự việc", ("k", "Giao thông"), ("K", "Môi trường"), ("k", "An ninh, trật tự"), ("k", "Khác"), ("f", "Mô tả ngắn…")),
    "pa-4": P("Vị trí", ("p", "Bản đồ, dấu vị trí"), ("i", "Kéo dấu nếu chưa đúng chỗ"), ("B", "Gửi")),
    "pa-5": P("Phản ánh của tôi", ("k", "Rác ven đường: đã nhận"), ("K", "Ổ gà - đang xử lý"), ("k", "Đèn đường - đã xử lý")),
    # thong-tin-dat-dai
    "dd-1": P("Trình duyệt", ("F", "Trang tra cứu"), ("i", "Hỏi tổ công nghệ số"), ("p", "")),
    "dd-2": P("Tra cứu đất đai", ("t", "Tỉnh, thành phố"), ("f", "Hải Phòng"), ("t", "Xã, phường"), ("F", "Chọn xã, phường")),
    "dd-3": P("Tra cứu thửa đất", ("t", "Số tờ bản đồ"), ("f", "12"), ("t", "Số thửa"), ("f", "345"), ("B", "Tra cứu")),
    "dd-4": P("Kết quả", ("t", "Diện tích: 360 m²"), ("t", "Loại đất: đất ở nông thôn"), ("K", "Xem quy hoạch"), ("i", "Thông tin để tham khảo")),
    "dd-5": P("Tra cứu hồ sơ", ("t", "Mã hồ sơ trên phiếu hẹn"), ("f", "000.00.00.H23-…"), ("B", "Tra cứu hồ sơ")),
    # nhom-zalo-thon
    "zalo-1": P("Zalo", ("t", "Tin nhắn"), ("k", "Thêm bạn"), ("K", "Tạo nhóm"), ("k", "Tạo lịch nhắc")),
    "zalo-2": P("Nhóm mới", ("t", "Đặt tên nhóm"), ("F", "Nhóm thôn Đông"), ("b", "Tiếp tục")),
    "zalo-3": P("Chọn thành viên", ("k", "☑ Bác Hùng"), ("k", "☑ Cô Mai"), ("k", "☐ Anh Tuấn"), ("B", "Tạo nhóm")),
    "zalo-4": P("Thôn Đông", ("k", "Nội quy nhóm: …"), ("K", "Ghim"), ("k", "Trả lời"), ("k", "Sao chép")),
    "zalo-5": P("Cài đặt nhóm", ("k", "Thêm phó nhóm"), ("K", "Duyệt người mới"), ("k", "Đổi tên nhóm")),
    "zalo-6": P("Mời vào nhóm", ("q", "Quét để vào nhóm thôn"), ("b", "Chia sẻ mã QR")),
    "zalo-7": P("Zalo", ("f", "Tìm kiếm"), ("K", "Quét mã QR"), ("k", "Tin nhắn")),
    "zalo-9": P("Nhóm thôn Đông", ("t", "128 thành viên"), ("B", "Tham gia nhóm"), ("i", "Chờ trưởng nhóm duyệt")),
    # phong-tranh-lua-dao
    "ld-1": P("Tin nhắn", ("k", "Số lạ: TRÚNG THƯỞNG"), ("t", "Chuyển 500.000 đ nhận quà"), ("!", "Dừng lại: lừa đảo!")),
    "ld-2": P("Tin nhắn", ("k", "Mã OTP: 482917"), ("!", "Không đọc mã cho ai"), ("!", "Không ai được xin mã")),
    "ld-3": P("Tin nhắn", ("k", "http://nhan-qua.xyz"), ("!", "Địa chỉ lạ: đừng bấm"), ("B", "Xóa tin nhắn")),
    "ld-4": P("Danh bạ", ("K", "Con trai - Minh"), ("k", "Tổ công nghệ số thôn"), ("k", "Công an xã"), ("i", "Tự gọi lại số bạn đã biết")),
    "ld-5": F("Gọi ngân hàng: khóa tài khoản", "Báo công an xã", "Báo tổ công nghệ số của thôn"),
    # chinh-sach-chuyen-doi-so
    "cs-1": F("Tuyên truyền chủ trương, chính sách", "Hướng dẫn dùng dịch vụ số", "Hỗ trợ kinh tế số", "Báo cáo kết quả hằng tháng"),
    "cs-2": F("Tài khoản định danh VNeID", "Dịch vụ công trực tuyến", "Sổ sức khỏe, giáo dục, an sinh"),
    "cs-3": F("Mở gian hàng số", "Thanh toán điện tử", "Đóng gói, giao hàng", "Giữ đúng chất lượng đã hứa"),
    "cs-4": P("Điện thoại của bà con", ("t", "Tổ làm mẫu một lần"), ("t", "Bà con tự bấm lần sau"), ("B", "Bấm thử")),
    "cs-5": F("Tổ hướng dẫn người dân", "Ghi kết quả vào sổ", "Báo cáo xã chậm nhất ngày 5", "Tỉnh nắm tình hình"),
    # to-bao-cao-ket-qua
    "bc-1": P("Sổ ghi của tổ", ("k", "Tài khoản DVC: 26"), ("k", "Sổ sức khỏe: 28"), ("k", "Gian hàng voso: 3"), ("K", "Cộng dồn đến 30/6")),
    "bc-2": P("Mẫu báo cáo", ("t", "Mã tổ: TCN-10507-02"), ("t", "Chỉ tiêu: tk-dvc"), ("t", "Kỳ: 2022-06"), ("F", "Số liệu: 26"), ("t", "Ngày nộp: 05/07/2022")),
    "bc-3": P("Ghi chú", ("t", "Khó khăn"), ("F", "Cụ chưa có máy"), ("t", "Đề xuất"), ("f", "…")),
    "bc-4": F("Tổ gửi báo cáo chậm nhất ngày 5", "Xã tổng hợp", "Biên tập viên cập nhật tệp", "Trang Tiến độ hiển thị"),
    "bc-5": P("Tiến độ", ("k", "Tổ thôn Bắc: 80%"), ("K", "Tổ thôn Đông: 65%"), ("k", "Tổ thôn Nam: 40%")),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="chỉ kiểm tra, báo hình đã cũ hoặc thiếu")
    args = parser.parse_args(argv)
    stale = []
    OUT.mkdir(parents=True, exist_ok=True)
    for name, spec in SPECS.items():
        path = OUT / f"{name}.svg"
        svg = draw(spec)
        if path.exists() and path.read_text(encoding="utf-8") == svg:
            continue
        if args.check:
            stale.append(path.name)
        else:
            path.write_text(svg, encoding="utf-8")
            print(f"Đã vẽ {path.name}")
    if stale:
        print("Hình chưa khớp với mô tả, chạy python scripts/make_guide_images.py: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
