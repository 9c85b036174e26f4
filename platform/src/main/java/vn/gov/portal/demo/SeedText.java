package vn.gov.portal.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import vn.gov.portal.infra.text.VietnameseText;

/**
 * Vietnamese administrative news, made up from the phrases real portals use: agencies,
 * programmes, documents, taxes and rents ("thuế" and "thuê"), streets and places (Phan Đình
 * Phùng, Hoàng Văn Thụ…), numbers and dates. Deterministic for a given random source, so a
 * seed run gives the same text each time. Demo text, not news: every body says so.
 *
 * <p>Everything leaves here in NFC, like every write of the application.
 */
final class SeedText {
    private SeedText() {
    }

    /** One article's text: title, summary, body (HTML paragraphs), tags. */
    record Article(String title, String summary, String bodyHtml, List<String> tags) {
    }

    /** What a category publishes, as the kind column knows it. */
    enum Section { NEWS, NOTICE, DOCUMENT, LAW, RECEPTION, DIRECTION, PROJECT, STATISTICS, FROM_UNITS }

    static Section sectionOf(String categoryName) {
        String f = VietnameseText.fold(categoryName);
        if (f.startsWith("thong bao")) {
            return Section.NOTICE;
        }
        if (f.startsWith("van ban")) {
            return Section.DOCUMENT;
        }
        if (f.startsWith("pho bien phap luat")) {
            return Section.LAW;
        }
        if (f.startsWith("lich tiep cong dan")) {
            return Section.RECEPTION;
        }
        if (f.startsWith("chi dao")) {
            return Section.DIRECTION;
        }
        if (f.startsWith("du an")) {
            return Section.PROJECT;
        }
        if (f.startsWith("thong ke")) {
            return Section.STATISTICS;
        }
        if (f.startsWith("tin tu cac don vi")) {
            return Section.FROM_UNITS;
        }
        return Section.NEWS;
    }

    /** The article kind a section's items carry. */
    static String kindOf(Section s) {
        return switch (s) {
            case NOTICE, RECEPTION -> "ANNOUNCEMENT";
            case LAW -> "LAW_DISSEMINATION";
            default -> "NEWS";
        };
    }

    // ------------------------------------------------------------------ vocabulary

    private static final List<String> TOPICS = List.of(
            "cải cách hành chính", "chuyển đổi số", "xây dựng nông thôn mới", "giảm nghèo bền vững",
            "phòng, chống thiên tai", "phòng cháy, chữa cháy", "bảo vệ môi trường", "an toàn giao thông",
            "an toàn thực phẩm", "thu ngân sách nhà nước", "quản lý thuế", "giải ngân vốn đầu tư công",
            "phát triển kinh tế tập thể", "chương trình OCOP", "phát triển du lịch cộng đồng",
            "bảo tồn văn hóa dân tộc", "tiêm chủng mở rộng", "phòng, chống dịch sốt xuất huyết",
            "bảo hiểm y tế hộ gia đình", "cấp giấy chứng nhận quyền sử dụng đất", "giải phóng mặt bằng",
            "xóa nhà tạm, nhà dột nát", "Đề án 06 về dữ liệu dân cư", "dịch vụ công trực tuyến toàn trình",
            "thanh toán không dùng tiền mặt", "tuyển sinh đầu cấp", "phổ cập giáo dục",
            "khuyến nông và chuyển giao kỹ thuật", "trồng rừng và phát triển cây chè", "vùng chè Tân Cương",
            "sắp xếp đơn vị hành chính cấp xã", "vận hành chính quyền địa phương hai cấp", "tiếp công dân",
            "giải quyết khiếu nại, tố cáo", "phòng, chống tham nhũng", "thực hành tiết kiệm, chống lãng phí",
            "quản lý trật tự xây dựng đô thị", "chỉnh trang đô thị", "cho thuê đất, thuê mặt nước",
            "miễn, giảm tiền thuê đất", "hoàn thuế giá trị gia tăng", "quyết toán thuế thu nhập cá nhân",
            "hỗ trợ doanh nghiệp nhỏ và vừa", "thu hút đầu tư vào khu công nghiệp", "đào tạo nghề cho lao động nông thôn",
            "chăm sóc người có công", "bình đẳng giới", "phòng, chống bạo lực gia đình", "công tác dân vận",
            "bầu cử đại biểu Hội đồng nhân dân");

    private static final List<String> STREETS = List.of(
            "đường Phan Đình Phùng", "đường Hoàng Văn Thụ", "đường Lương Ngọc Quyến", "đường Cách mạng Tháng Tám",
            "đường Quang Trung", "đường Bắc Kạn", "đường Minh Cầu", "đường Thống Nhất", "đường Dương Tự Minh",
            "đường Z115", "đường Tố Hữu", "đường Việt Bắc", "đường Bến Oánh", "đường Phú Xá", "đường 3 tháng 2",
            "Quảng trường Võ Nguyên Giáp", "khu dân cư số 2", "tổ dân phố 5", "xóm Đồng Kiệm", "xóm Na Hoàng");

    private static final List<String> PLACES = List.of(
            "Phan Đình Phùng", "Gia Sàng", "Linh Sơn", "Tích Lương", "Quyết Thắng", "Tân Cương", "Đại Từ",
            "Phú Lương", "Định Hóa", "Võ Nhai", "Đồng Hỷ", "Phú Bình", "Phổ Yên", "Sông Công", "Bắc Kạn",
            "Ba Bể", "Chợ Đồn", "Na Rì", "Ngân Sơn", "Pác Nặm", "Hồ Núi Cốc", "ATK Định Hóa");

    private static final List<String> OFFICIALS = List.of(
            "Chủ tịch Ủy ban nhân dân", "Phó Chủ tịch Ủy ban nhân dân", "Bí thư Đảng ủy", "Giám đốc Sở",
            "Phó Giám đốc Sở", "Trưởng phòng Kinh tế", "Trưởng Công an", "Chủ tịch Ủy ban Mặt trận Tổ quốc");

    private static final List<String> PEOPLE = List.of(
            "Nguyễn Văn Hùng", "Trần Thị Thu Hà", "Lê Minh Tuấn", "Hoàng Thị Lan", "Phạm Quốc Khánh", "Đỗ Thị Huyền",
            "Ma Văn Thắng", "Lưu Thị Ngọc", "Dương Văn Đức", "Nông Thị Hương", "Triệu Văn Sơn", "Vi Thị Thủy");

    private static final List<String> TAXES = List.of(
            "thuế thu nhập cá nhân", "thuế giá trị gia tăng", "thuế sử dụng đất phi nông nghiệp",
            "thuế môn bài", "thuế tài nguyên", "thuế thu nhập doanh nghiệp");

    private static final List<String> RENTALS = List.of(
            "mặt bằng kinh doanh tại chợ trung tâm", "ki-ốt tại khu thương mại", "nhà công vụ",
            "đất nông nghiệp công ích", "mặt nước nuôi trồng thủy sản", "nhà văn hóa để tổ chức sự kiện",
            "đất sản xuất kinh doanh trong cụm công nghiệp");

    private static final List<String> LAWS = List.of(
            "Luật Đất đai năm 2024", "Luật Nhà ở năm 2023", "Luật Căn cước", "Luật Giao dịch điện tử",
            "Luật Thực hiện dân chủ ở cơ sở", "Luật Trật tự, an toàn giao thông đường bộ",
            "Luật Quản lý thuế", "Luật Phòng, chống ma túy", "Luật Bảo hiểm xã hội năm 2024",
            "Luật Tổ chức chính quyền địa phương năm 2025", "Luật Thủ đô", "Luật Lưu trữ");

    private static final List<String> EVENTS = List.of(
            "Hội nghị sơ kết 6 tháng", "Hội nghị tổng kết năm", "Lễ khánh thành cầu", "Lễ khởi công trường học",
            "Ngày hội Đại đoàn kết toàn dân tộc", "Lễ hội Trà", "Hội thi tìm hiểu pháp luật",
            "Tết trồng cây", "Lễ ra quân tổng vệ sinh môi trường", "Hội nghị đối thoại với doanh nghiệp",
            "Lễ trao giấy chứng nhận sản phẩm OCOP", "Hội khỏe Phù Đổng");

    private static final List<String> PACKAGES = List.of(
            "xây dựng nhà lớp học 2 tầng", "cải tạo đường giao thông nông thôn", "mua sắm thiết bị công nghệ thông tin",
            "nâng cấp hệ thống chiếu sáng công cộng", "kiên cố hóa kênh mương nội đồng", "sửa chữa trụ sở làm việc");

    private static final List<String> TAGS = List.of(
            "chuyển đổi số", "cải cách hành chính", "nông thôn mới", "thuế", "cho thuê", "đất đai", "y tế",
            "giáo dục", "môi trường", "an ninh trật tự", "du lịch", "OCOP", "doanh nghiệp", "pháp luật",
            "tiếp công dân", "đầu tư công");

    // --------------------------------------------------------------------- making

    /** An article for {@code site} in {@code section}, dated {@code date}. */
    static Article article(SplittableRandom r, String site, Section section, LocalDate date) {
        String topic = pick(r, TOPICS);
        String place = pick(r, PLACES);
        int year = date.getYear();
        int month = date.getMonthValue();
        String title = switch (section) {
            case NOTICE -> pick(r, List.of(
                    "Thông báo cho thuê " + pick(r, RENTALS) + " năm " + year,
                    "Thông báo về thời hạn nộp " + pick(r, TAXES) + " năm " + year,
                    "Thông báo tạm dừng cấp điện khu vực " + pick(r, STREETS) + " ngày " + date.getDayOfMonth()
                            + "/" + month,
                    "Thông báo tuyển dụng viên chức năm " + year,
                    "Thông báo kết quả lựa chọn nhà thầu gói thầu " + pick(r, PACKAGES),
                    "Thông báo lấy ý kiến Nhân dân về " + topic,
                    "Thông báo thu hồi đất thực hiện dự án tại " + pick(r, STREETS)));
            case DOCUMENT -> pick(r, List.of(
                    "Quyết định số " + num(r) + "/QĐ-UBND về " + topic,
                    "Kế hoạch số " + num(r) + "/KH-UBND thực hiện " + topic + " năm " + year,
                    "Công văn số " + num(r) + "/UBND-VP về việc tăng cường " + topic,
                    "Chỉ thị về đẩy mạnh " + topic + " trên địa bàn",
                    "Quy chế phối hợp trong " + topic));
            case LAW -> pick(r, List.of(
                    "Những điểm mới của " + pick(r, LAWS),
                    "Hỏi đáp pháp luật: " + pick(r, LAWS) + " quy định thế nào về " + topic + "?",
                    "Tuyên truyền " + pick(r, LAWS) + " đến người dân " + place,
                    "Tìm hiểu quy định về " + pick(r, TAXES) + " đối với hộ kinh doanh",
                    "Quyền và nghĩa vụ của người thuê " + pick(r, RENTALS)));
            case RECEPTION -> "Lịch tiếp công dân định kỳ của " + pick(r, OFFICIALS) + " tháng " + month + "/" + year;
            case DIRECTION -> pick(r, List.of(
                    "Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo đẩy nhanh " + topic,
                    "Ủy ban nhân dân tỉnh yêu cầu tập trung " + topic + " trong " + quarter(month),
                    "Phiên họp thường kỳ tháng " + month + ": bàn giải pháp về " + topic,
                    "Tăng cường kỷ luật, kỷ cương trong " + topic));
            case PROJECT -> pick(r, List.of(
                    "Kế hoạch lựa chọn nhà thầu gói thầu " + pick(r, PACKAGES),
                    "Công khai tiến độ dự án " + pick(r, PACKAGES) + " tại " + place,
                    "Mời quan tâm dự án đầu tư tại cụm công nghiệp " + place));
            case STATISTICS -> pick(r, List.of(
                    "Kết quả thu ngân sách nhà nước " + quarter(month) + " năm " + year,
                    "Số liệu giải quyết thủ tục hành chính tháng " + month + "/" + year,
                    "Tình hình kinh tế - xã hội tháng " + month + " năm " + year));
            case FROM_UNITS -> pick(r, List.of(
                    place + ": " + pick(r, EVENTS).toLowerCase(Locale.ROOT) + " năm " + year,
                    "Các đơn vị đồng loạt triển khai " + topic,
                    "Phường Phan Đình Phùng ra quân vệ sinh môi trường trên " + pick(r, STREETS)));
            case NEWS -> pick(r, List.of(
                    site + " tổ chức " + pick(r, EVENTS).toLowerCase(Locale.ROOT) + " năm " + year,
                    "Đẩy mạnh " + topic + " tại " + place,
                    "Đoàn công tác của tỉnh kiểm tra " + topic + " tại " + place,
                    pick(r, EVENTS) + " tại " + place,
                    "Hướng dẫn người dân quyết toán " + pick(r, TAXES) + " qua mạng",
                    "Hộ kinh doanh trên " + pick(r, STREETS) + " được miễn, giảm tiền thuê mặt bằng",
                    "Người dân " + place + " hưởng ứng " + topic,
                    "Sơ kết " + quarter(month) + " về " + topic,
                    "Hiệu quả từ mô hình " + topic + " ở " + place));
        };
        title = capitalise(title);
        String summary = capitalise(pick(r, List.of(
                site + " thông tin về " + topic + " trong " + quarter(month) + " năm " + year + ".",
                "Bài viết tóm tắt kết quả " + topic + " tại " + place + " và nhiệm vụ thời gian tới.",
                "Người dân, doanh nghiệp theo dõi để thực hiện đúng quy định về " + topic + ".",
                "Thông tin chính thức từ Ban Biên tập " + site + ".")));
        StringBuilder body = new StringBuilder();
        body.append("<p>Ngày ").append(date.getDayOfMonth()).append("/").append(month).append("/").append(year)
                .append(", ").append(site).append(" ").append(pick(r, List.of(
                        "tổ chức hội nghị triển khai " + topic + ".",
                        "ban hành kế hoạch về " + topic + ", giao các phòng, ban chuyên môn thực hiện.",
                        "có buổi làm việc với các đơn vị liên quan về " + topic + ".",
                        "thông báo tới người dân và doanh nghiệp về " + topic + ".")))
                .append(" ");
        // An article keeps to its topic and one more; taxes and rents come up where the article is
        // about them, as they would. Each kind of sentence at most once in an article.
        String second = pick(r, TOPICS);
        String about = VietnameseText.fold(title + " " + topic + " " + second);
        List<Integer> kinds = new ArrayList<>();
        if (about.contains("thue")) {
            kinds.addAll(List.of(TAX_SENTENCES[r.nextInt(2)], RENT_SENTENCES[r.nextInt(2)]));
        }
        for (int k : shuffled(r, GENERAL_SENTENCES.length)) {
            kinds.add(GENERAL_SENTENCES[k]);
        }
        int next = 0;
        body.append(sentence(r, kinds.get(next++), site, topic, second)).append("</p>");
        int paragraphs = 2 + r.nextInt(3);
        for (int i = 0; i < paragraphs && next < kinds.size(); i++) {
            body.append("<p>");
            int sentences = 2 + r.nextInt(3);
            for (int j = 0; j < sentences && next < kinds.size(); j++) {
                body.append(j == 0 ? "" : " ").append(sentence(r, kinds.get(next++), site,
                        j % 2 == 0 ? second : topic, second));
            }
            body.append("</p>");
        }
        if (section == Section.NOTICE || section == Section.RECEPTION) {
            body.append("<p>Địa điểm: trụ sở ").append(site).append(", số ").append(1 + r.nextInt(300)).append(" ")
                    .append(pick(r, STREETS)).append(". Mọi thắc mắc xin liên hệ bộ phận một cửa trong giờ hành chính.</p>");
        }
        body.append("<p><em>(Nội dung mẫu cho bản trình diễn, không phải tin thật.)</em></p>");
        List<String> tags = List.of(pick(r, TAGS), pick(r, TAGS)).stream().distinct().toList();
        return new Article(VietnameseText.nfc(title), VietnameseText.nfc(summary), VietnameseText.nfc(body.toString()),
                tags.stream().map(VietnameseText::nfc).toList());
    }

    private static final int[] GENERAL_SENTENCES = {0, 1, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 16, 17, 18, 19};
    private static final int[] TAX_SENTENCES = {2, 12};
    private static final int[] RENT_SENTENCES = {3, 11};

    /** Sentence kind {@code kind} (0..19) of body text, about {@code topic}. */
    private static String sentence(SplittableRandom r, int kind, String site, String topic, String second) {
        return switch (kind) {
            case 0 -> "Theo báo cáo, " + quarterWord(r) + " toàn địa bàn đã hoàn thành " + (40 + r.nextInt(60))
                    + "% kế hoạch về " + topic + ", tăng " + (1 + r.nextInt(15)) + "% so với cùng kỳ.";
            case 1 -> "Phát biểu tại buổi làm việc, đồng chí " + pick(r, PEOPLE) + ", " + pick(r, OFFICIALS)
                    + ", đề nghị các đơn vị bám sát cơ sở, kịp thời tháo gỡ khó khăn, vướng mắc.";
            case 2 -> "Người nộp " + pick(r, TAXES) + " có thể khai và nộp qua ứng dụng eTax Mobile, không phải "
                    + "đến trụ sở cơ quan thuế.";
            case 3 -> "Các hộ kinh doanh thuê " + pick(r, RENTALS) + " được hướng dẫn ký lại hợp đồng thuê, giá thuê "
                    + "giữ ổn định đến hết năm.";
            case 4 -> "Tại " + pick(r, STREETS) + ", lực lượng chức năng đã ra quân kiểm tra, nhắc nhở "
                    + (5 + r.nextInt(80)) + " trường hợp vi phạm trật tự đô thị.";
            case 5 -> "Đến nay, " + (60 + r.nextInt(40)) + "% hồ sơ thủ tục hành chính được tiếp nhận và giải quyết "
                    + "trực tuyến, không có hồ sơ quá hạn.";
            case 6 -> site + " đề nghị người dân tích cực tham gia, đóng góp ý kiến để " + topic
                    + " đạt hiệu quả thực chất.";
            case 7 -> "Tổng kinh phí thực hiện là " + (1 + r.nextInt(90)) + "," + r.nextInt(10) + " tỷ đồng từ ngân sách "
                    + "nhà nước và nguồn xã hội hóa.";
            case 8 -> "Đoàn công tác đã đến thăm, tặng quà các gia đình chính sách tại " + pick(r, PLACES) + ".";
            case 9 -> "Hội nghị thống nhất " + (3 + r.nextInt(5)) + " nhóm nhiệm vụ, giải pháp trọng tâm, trong đó "
                    + "ưu tiên " + second + ".";
            case 10 -> "Ủy ban nhân dân giao phòng chuyên môn chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc và các "
                    + "đoàn thể tuyên truyền sâu rộng trong Nhân dân.";
            case 11 -> "Theo " + pick(r, LAWS) + ", người sử dụng đất được Nhà nước cho thuê đất trả tiền hằng năm "
                    + "phải nộp tiền thuê đất đúng hạn.";
            case 12 -> "Trong tháng, cơ quan thuế đã hoàn thuế cho " + (2 + r.nextInt(40)) + " doanh nghiệp với số tiền "
                    + (1 + r.nextInt(50)) + " tỷ đồng.";
            case 13 -> "Nhiều hộ dân ở " + pick(r, PLACES) + " đã chủ động hiến đất, góp công làm đường giao thông "
                    + "nông thôn.";
            case 14 -> "Mọi ý kiến góp ý gửi về bộ phận tiếp nhận trước ngày " + (1 + r.nextInt(28)) + "/"
                    + (1 + r.nextInt(12)) + ".";
            case 16 -> "Công tác chuẩn bị được triển khai chu đáo, bảo đảm đúng tiến độ đề ra.";
            case 17 -> "Các ý kiến tập trung làm rõ những tồn tại, hạn chế và nguyên nhân trong " + topic + ".";
            case 18 -> "Dự kiến đến cuối năm, các chỉ tiêu về " + topic + " sẽ hoàn thành vượt kế hoạch.";
            case 19 -> "Thông tin chi tiết được niêm yết công khai tại trụ sở và trên trang thông tin điện tử của "
                    + site + ".";
            default -> "Kết quả " + topic + " góp phần nâng cao chất lượng đời sống của người dân, giữ vững an ninh "
                    + "chính trị, trật tự an toàn xã hội.";
        };
    }

    private static int[] shuffled(SplittableRandom r, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static String quarter(int month) {
        return switch ((month - 1) / 3) {
            case 0 -> "quý I";
            case 1 -> "quý II";
            case 2 -> "quý III";
            default -> "quý IV";
        };
    }

    private static String quarterWord(SplittableRandom r) {
        return pick(r, List.of("trong quý vừa qua,", "sau 6 tháng,", "từ đầu năm đến nay,", "trong tháng,"));
    }

    private static int num(SplittableRandom r) {
        return 100 + r.nextInt(3900);
    }

    private static <T> T pick(SplittableRandom r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
