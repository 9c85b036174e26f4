package vn.gov.portal.demo;

import java.util.List;
import java.util.Map;

/** Sample articles of the demo sites: title, summary, body. Demo text, not real news. */
final class DemoArticles {
    private DemoArticles() {
    }

    static final Map<String, List<String[]>> FOR = Map.of(
            "thainguyen", List.of(
                    new String[] {"Khai trương hệ thống cổng thông tin điện tử dùng chung của tỉnh (bài mẫu)",
                            "Cổng tỉnh và các trang thành phần vận hành trên một nền tảng dùng chung.",
                            "<p>Nội dung mẫu cho bản trình diễn: các sở, ban, ngành và xã, phường đăng tin trên "
                                    + "cùng một nền tảng, do Ban Biên tập mỗi trang tự duyệt.</p>"},
                    new String[] {"Hướng dẫn tra cứu thủ tục hành chính trực tuyến (bài mẫu)",
                            "Người dân tra cứu thủ tục qua Cổng Dịch vụ công quốc gia.",
                            "<p>Nội dung mẫu cho bản trình diễn.</p>"}),
            "sotaichinh", List.of(
                    new String[] {"Công khai dự toán ngân sách năm 2026 (bài mẫu)",
                            "Sở Tài chính công bố số liệu dự toán ngân sách địa phương.",
                            "<p>Nội dung mẫu cho bản trình diễn: số liệu sẽ do Ban Biên tập cập nhật.</p>"},
                    new String[] {"Thuế thu nhập cá nhân: những điểm mới (bài mẫu)",
                            "Tóm tắt các quy định mới về thuế thu nhập cá nhân.",
                            "<p>Nội dung mẫu cho bản trình diễn.</p>", "thuế,thu nhập cá nhân"}),
            "phandinhphung", List.of(
                    new String[] {"Phường Phan Đình Phùng tiếp công dân định kỳ tháng 11 (bài mẫu)",
                            "Lịch tiếp công dân của Ủy ban nhân dân phường.",
                            "<p>Nội dung mẫu cho bản trình diễn.</p>"},
                    new String[] {"Ra quân vệ sinh môi trường khu dân cư (bài mẫu)",
                            "Các tổ dân phố cùng ra quân làm sạch đường phố.",
                            "<p>Nội dung mẫu cho bản trình diễn.</p>"}));

    /** English versions of some samples, keyed by the Vietnamese title: the /en pages' content. */
    static final Map<String, String[]> ENGLISH = Map.of(
            "Khai trương hệ thống cổng thông tin điện tử dùng chung của tỉnh (bài mẫu)",
            new String[] {"The province opens its shared web portal platform (sample)",
                    "The provincial portal and its component sites now run on one shared platform.",
                    "<p>Sample text for the demo: departments, communes and wards publish on one platform, "
                            + "each approved by its own editorial board.</p>"});
}
