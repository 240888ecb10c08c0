#include "service/demo_vocabulary.h"

#include <array>

namespace dondoc::service::demo {

namespace {

using core::AgencyKind;
using core::Cadence;
using core::Direction;
using core::SuccessionKind;

constexpr std::array kProvincialAgencies = {
    // The essential ones (kEssentialAgencies).
    ProvincialAgency{"Ủy ban nhân dân tỉnh {p}", "UBND tỉnh", AgencyKind::kProvincialCommittee,
                     "UBND"},
    ProvincialAgency{"Văn phòng Ủy ban nhân dân tỉnh", "VP UBND tỉnh", AgencyKind::kOffice,
                     "VPUBND"},
    ProvincialAgency{"Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", AgencyKind::kDepartment, "SKHĐT"},
    ProvincialAgency{"Sở Tài chính", "Sở TC", AgencyKind::kDepartment, "STC"},
    ProvincialAgency{"Sở Tài nguyên và Môi trường", "Sở TN&MT", AgencyKind::kDepartment, "STNMT"},
    ProvincialAgency{"Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT",
                     AgencyKind::kDepartment, "SNNPTNT"},
    ProvincialAgency{"Sở Nông nghiệp và Môi trường", "Sở NN&MT", AgencyKind::kDepartment, "SNNMT"},
    ProvincialAgency{"Sở Thông tin và Truyền thông", "Sở TT&TT", AgencyKind::kDepartment, "STTTT"},
    ProvincialAgency{"Sở Khoa học và Công nghệ", "Sở KH&CN", AgencyKind::kDepartment, "SKHCN"},
    ProvincialAgency{"Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH", AgencyKind::kDepartment,
                     "SLĐTBXH"},
    ProvincialAgency{"Sở Nội vụ", "Sở NV", AgencyKind::kDepartment, "SNV"},
    ProvincialAgency{"Sở Giao thông vận tải", "Sở GTVT", AgencyKind::kDepartment, "SGTVT"},
    ProvincialAgency{"Sở Xây dựng", "Sở XD", AgencyKind::kDepartment, "SXD"},
    ProvincialAgency{"Sở Y tế", "Sở YT", AgencyKind::kDepartment, "SYT"},
    // The other departments.
    ProvincialAgency{"Sở Tư pháp", "Sở TP", AgencyKind::kDepartment, "STP"},
    ProvincialAgency{"Sở Công Thương", "Sở CT", AgencyKind::kDepartment, "SCT"},
    ProvincialAgency{"Sở Giáo dục và Đào tạo", "Sở GD&ĐT", AgencyKind::kDepartment, "SGDĐT"},
    ProvincialAgency{"Sở Văn hóa, Thể thao và Du lịch", "Sở VH,TT&DL", AgencyKind::kDepartment,
                     "SVHTTDL"},
    ProvincialAgency{"Sở Ngoại vụ", "Sở NgV", AgencyKind::kDepartment, "SNgV"},
    ProvincialAgency{"Thanh tra tỉnh", "TTr tỉnh", AgencyKind::kDepartment, "TTr"},
    ProvincialAgency{"Ban Dân tộc tỉnh", "BDT tỉnh", AgencyKind::kBoard, "BDT"},
    // Boards.
    ProvincialAgency{"Ban Quản lý Khu kinh tế tỉnh", "BQL KKT tỉnh", AgencyKind::kBoard, "BQLKKT"},
    ProvincialAgency{
        "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh",
        "BQLDA ĐTXD các công trình DD&CN", AgencyKind::kBoard, "BQLDA"},
    ProvincialAgency{"Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh",
                     "BQLDA ĐTXD các công trình GT", AgencyKind::kBoard, "BQLDAGT"},
    // Sectors and provincial units.
    ProvincialAgency{"Công an tỉnh", "CA tỉnh", AgencyKind::kSector, "CAT"},
    ProvincialAgency{"Bộ Chỉ huy Quân sự tỉnh", "BCHQS tỉnh", AgencyKind::kSector, "BCH"},
    ProvincialAgency{"Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "BĐBP tỉnh", AgencyKind::kSector, "BĐBP"},
    ProvincialAgency{"Cục Thuế tỉnh", "CT tỉnh", AgencyKind::kSector, "CT"},
    ProvincialAgency{"Kho bạc Nhà nước tỉnh", "KBNN tỉnh", AgencyKind::kSector, "KBNN"},
    ProvincialAgency{"Bảo hiểm xã hội tỉnh", "BHXH tỉnh", AgencyKind::kSector, "BHXH"},
    ProvincialAgency{"Cục Thống kê tỉnh", "CTK tỉnh", AgencyKind::kSector, "CTK"},
    ProvincialAgency{"Ngân hàng Nhà nước Việt Nam - Chi nhánh tỉnh {p}", "NHNN chi nhánh tỉnh",
                     AgencyKind::kSector, "NHNN"},
    ProvincialAgency{"Đài Phát thanh và Truyền hình tỉnh", "Đài PT-TH tỉnh", AgencyKind::kOther,
                     "PTTH"},
    ProvincialAgency{"Trường Chính trị tỉnh", "", AgencyKind::kOther, "TCT"},
    // Mass organisations and the council's office.
    ProvincialAgency{"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "UBMTTQVN tỉnh",
                     AgencyKind::kMassOrganisation, "MTTQ"},
    ProvincialAgency{"Tỉnh đoàn", "", AgencyKind::kMassOrganisation, "TĐTN"},
    ProvincialAgency{"Hội Liên hiệp Phụ nữ tỉnh", "Hội LHPN tỉnh", AgencyKind::kMassOrganisation,
                     "HLHPN"},
    ProvincialAgency{"Hội Nông dân tỉnh", "HND tỉnh", AgencyKind::kMassOrganisation, "HND"},
    ProvincialAgency{"Hội Cựu chiến binh tỉnh", "Hội CCB tỉnh", AgencyKind::kMassOrganisation,
                     "HCCB"},
    ProvincialAgency{"Liên đoàn Lao động tỉnh", "LĐLĐ tỉnh", AgencyKind::kMassOrganisation, "LĐLĐ"},
    ProvincialAgency{"Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
                     "VP Đoàn ĐBQH và HĐND tỉnh", AgencyKind::kOffice, "VPĐĐBQH"},
};

constexpr std::array kMergers = {
    Merger{"Sở Kế hoạch và Đầu tư", "Sở Tài chính", SuccessionKind::kMerge, true,
           "hợp nhất Sở Kế hoạch và Đầu tư và Sở Tài chính"},
    Merger{"Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Môi trường", SuccessionKind::kMerge,
           true, "hợp nhất thành Sở Nông nghiệp và Môi trường"},
    Merger{"Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và Môi trường",
           SuccessionKind::kMerge, true, "hợp nhất thành Sở Nông nghiệp và Môi trường"},
    Merger{"Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ", SuccessionKind::kMerge, true,
           "hợp nhất Sở Thông tin và Truyền thông vào Sở Khoa học và Công nghệ"},
    Merger{"Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ", SuccessionKind::kSplit, true,
           "lao động, việc làm, người có công chuyển về Sở Nội vụ"},
    Merger{"Sở Lao động - Thương binh và Xã hội", "Sở Y tế", SuccessionKind::kSplit, false,
           "bảo trợ xã hội, trẻ em chuyển về Sở Y tế"},
    Merger{"Sở Giao thông vận tải", "Sở Xây dựng", SuccessionKind::kMerge, true,
           "hợp nhất Sở Giao thông vận tải và Sở Xây dựng"},
};

constexpr std::array kDistrictOffices = {
    DistrictOffice{"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "VP HĐND và UBND"},
    DistrictOffice{"Phòng Tài chính - Kế hoạch", "Phòng TC-KH"},
    DistrictOffice{"Phòng Nội vụ", "Phòng NV"},
    DistrictOffice{"Phòng Tư pháp", "Phòng TP"},
    DistrictOffice{"Phòng Kinh tế và Hạ tầng", "Phòng KT&HT"},
    DistrictOffice{"Phòng Tài nguyên và Môi trường", "Phòng TN&MT"},
    DistrictOffice{"Phòng Nông nghiệp và Phát triển nông thôn", "Phòng NN&PTNT"},
    DistrictOffice{"Phòng Lao động - Thương binh và Xã hội", "Phòng LĐ-TB&XH"},
    DistrictOffice{"Phòng Giáo dục và Đào tạo", "Phòng GD&ĐT"},
    DistrictOffice{"Phòng Văn hóa và Thông tin", "Phòng VH&TT"},
    DistrictOffice{"Phòng Y tế", "Phòng YT"},
    DistrictOffice{"Thanh tra", "TTr"},
    DistrictOffice{"Trung tâm Y tế", "TTYT"},
    DistrictOffice{"Phòng Dân tộc", "Phòng DT"},
};

constexpr std::array<std::string_view, 12> kProvinces = {
    "Kon Tum", "Gia Lai", "Đắk Nông",  "Quảng Ngãi", "Bình Định", "Phú Yên",
    "Hà Tĩnh", "Nghệ An", "Thanh Hóa", "Lâm Đồng",   "Tây Ninh",  "Hòa Bình",
};

constexpr std::array<std::string_view, 40> kPlaceFirst = {
    "Tân",   "Phú",   "Bình", "An",    "Hòa",  "Thạnh", "Long",  "Đức",  "Vĩnh", "Quang",
    "Thuận", "Hưng",  "Minh", "Xuân",  "Hiệp", "Phước", "Trung", "Đông", "Tây",  "Nam",
    "Kim",   "Ngọc",  "Sơn",  "Thanh", "Cam",  "Diên",  "Đại",   "Tam",  "Hải",  "Mỹ",
    "Quảng", "Nghĩa", "Hoài", "Ia",    "Đắk",  "Ea",    "Cát",   "Lộc",  "Yên",  "Thái",
};

constexpr std::array<std::string_view, 40> kPlaceSecond = {
    "Hòa",   "Phú",  "Bình",  "An",   "Lộc",   "Thành", "Sơn",  "Lâm",  "Hưng",  "Thịnh",
    "Lợi",   "Điền", "Mỹ",    "Tiến", "Trạch", "Giang", "Hà",   "Linh", "Yên",   "Định",
    "Phong", "Thủy", "Thạnh", "Quý",  "Hải",   "Khánh", "Long", "Tân",  "Nghĩa", "Đức",
    "Hiệp",  "Xuân", "Trung", "Lạc",  "Tường", "Vinh",  "Hội",  "Kiên", "Thắng", "Hồng",
};

constexpr std::array kDocumentKinds = {
    DocumentKind{"Kế hoạch", "KH", "Kế hoạch", 14, 22},
    DocumentKind{"Công văn", "", "Về việc", 2, 40},
    DocumentKind{"Chương trình hành động", "CTr", "Chương trình hành động", 24, 3},
    DocumentKind{"Quyết định", "QĐ", "Quyết định", 4, 12},
    DocumentKind{"Chỉ thị", "CT", "Chỉ thị", 10, 2},
    DocumentKind{"Thông báo", "TB", "Thông báo kết luận", 5, 11},
    DocumentKind{"Báo cáo", "BC", "Báo cáo", 0, 10},
};

constexpr std::array<std::string_view, 30> kTopics = {
    "chuyển đổi số",
    "cải cách hành chính",
    "giải ngân vốn đầu tư công",
    "phòng, chống thiên tai và tìm kiếm cứu nạn",
    "xây dựng nông thôn mới",
    "giảm nghèo bền vững",
    "phát triển kinh tế - xã hội",
    "thu hút đầu tư và hỗ trợ doanh nghiệp",
    "bảo đảm trật tự, an toàn giao thông",
    "quản lý, bảo vệ và phát triển rừng",
    "phòng, chống dịch bệnh",
    "cải thiện chỉ số năng lực cạnh tranh cấp tỉnh (PCI)",
    "thực hành tiết kiệm, chống lãng phí",
    "phát triển du lịch",
    "quản lý đất đai và tài nguyên khoáng sản",
    "phát triển nguồn nhân lực",
    "bảo vệ môi trường",
    "sắp xếp tổ chức bộ máy",
    "phát triển hạ tầng giao thông",
    "thu ngân sách nhà nước",
    "phát triển kinh tế tập thể, hợp tác xã",
    "chăm sóc sức khỏe nhân dân",
    "đổi mới căn bản, toàn diện giáo dục và đào tạo",
    "phòng, chống tham nhũng, tiêu cực",
    "phát triển văn hóa, thể thao",
    "bảo đảm an sinh xã hội",
    "phát triển đô thị",
    "ứng dụng khoa học và công nghệ",
    "công tác dân tộc",
    "bình đẳng giới",
};

constexpr std::array<std::string_view, 6> kOfficeUnits = {"KTTH", "NC",   "KGVX",
                                                          "HTKT", "NNTN", "TTHCC"};

constexpr std::array<std::string_view, 22> kVerbs = {
    "Triển khai",
    "Tổ chức thực hiện",
    "Rà soát",
    "Xây dựng",
    "Hoàn thiện",
    "Đẩy mạnh",
    "Tăng cường",
    "Kiểm tra, đôn đốc",
    "Tham mưu UBND tỉnh ban hành",
    "Chủ trì, phối hợp triển khai",
    "Đánh giá",
    "Tổng hợp, báo cáo",
    "Hướng dẫn",
    "Thực hiện có hiệu quả",
    "Nâng cao chất lượng",
    "Kiện toàn",
    "Đề xuất",
    "Tập trung chỉ đạo",
    "Rà soát, sửa đổi, bổ sung",
    "Tham mưu tổ chức",
    "Theo dõi, giám sát",
    "Đôn đốc hoàn thành",
};

constexpr std::array<std::string_view, 60> kObjects = {
    "kế hoạch giải ngân vốn đầu tư công",
    "các thủ tục hành chính thuộc thẩm quyền giải quyết",
    "hệ thống thông tin báo cáo của tỉnh",
    "cơ sở dữ liệu đất đai",
    "phương án phòng, chống thiên tai",
    "chương trình mục tiêu quốc gia giảm nghèo bền vững",
    "công tác thu ngân sách nhà nước",
    "các giải pháp cải thiện môi trường đầu tư kinh doanh",
    "công tác quản lý quy hoạch, trật tự xây dựng",
    "đề án phát triển du lịch",
    "các dự án trọng điểm",
    "công tác bồi thường, giải phóng mặt bằng",
    "hồ sơ đề nghị công nhận xã đạt chuẩn nông thôn mới",
    "công tác phòng cháy, chữa cháy rừng",
    "kế hoạch chuyển đổi số",
    "việc cung cấp dịch vụ công trực tuyến toàn trình",
    "công tác tuyển sinh các cấp học",
    "công tác tiêm chủng mở rộng",
    "chính sách hỗ trợ nhà ở cho hộ nghèo",
    "công tác cải cách thủ tục hành chính",
    "phương án sắp xếp đơn vị hành chính",
    "các chỉ tiêu kế hoạch phát triển kinh tế - xã hội",
    "việc thu hồi nợ thuế",
    "tình hình thực hiện dự toán ngân sách",
    "công tác quản lý khoáng sản",
    "kế hoạch sử dụng đất hằng năm",
    "các mô hình sản xuất nông nghiệp ứng dụng công nghệ cao",
    "công tác bảo đảm trật tự an toàn giao thông",
    "phương án tự chủ tài chính của các đơn vị sự nghiệp",
    "công tác tiếp công dân, giải quyết khiếu nại, tố cáo",
    "kết luận thanh tra",
    "chương trình phát triển đô thị",
    "công tác đào tạo, bồi dưỡng cán bộ, công chức",
    "việc sắp xếp, xử lý tài sản công",
    "hệ thống cấp nước sinh hoạt nông thôn",
    "danh mục dự án kêu gọi đầu tư",
    "công tác xúc tiến thương mại",
    "các điểm sạt lở có nguy cơ cao",
    "việc thực hiện chế độ, chính sách đối với người có công",
    "công tác quản lý an toàn thực phẩm",
    "công tác phổ biến, giáo dục pháp luật",
    "việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    "chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số",
    "công tác quản lý, bảo vệ rừng",
    "quy chế phối hợp",
    "báo cáo đánh giá tác động môi trường",
    "công tác kiểm soát giá cả thị trường",
    "tình hình thực hiện các chỉ tiêu bảo hiểm xã hội, bảo hiểm y tế",
    "phương án bảo đảm an ninh trật tự",
    "kế hoạch đầu tư công trung hạn",
    "công tác quản lý chất thải rắn sinh hoạt",
    "việc xây dựng trường đạt chuẩn quốc gia",
    "công tác phòng, chống ma túy",
    "chương trình khuyến công",
    "hạ tầng số và an toàn thông tin mạng",
    "công tác thống kê, báo cáo định kỳ",
    "hồ sơ quy hoạch chung đô thị",
    "việc giải quyết kiến nghị của cử tri",
    "công tác quản lý nhà nước về tôn giáo",
    "nguồn vốn tín dụng chính sách xã hội",
};

constexpr std::array<std::string_view, 16> kQualifiers = {
    "trên địa bàn tỉnh",
    "theo quy định",
    "bảo đảm tiến độ, chất lượng",
    "theo chỉ đạo của UBND tỉnh",
    "đúng quy định của pháp luật",
    "năm {y}",
    "giai đoạn 2021-2025",
    "; báo cáo kết quả về UBND tỉnh",
    "; kịp thời báo cáo, đề xuất UBND tỉnh những vấn đề vượt thẩm quyền",
    "tại các huyện, thành phố",
    "theo kế hoạch đã được phê duyệt",
    "trong phạm vi chức năng, nhiệm vụ được giao",
    "",
    "",
    "đồng bộ, hiệu quả",
    "theo hướng dẫn của các bộ, ngành Trung ương",
};

constexpr std::array<std::string_view, 8> kContributions = {
    "Cung cấp số liệu, thông tin liên quan",
    "Phối hợp thẩm định",
    "Tham gia ý kiến bằng văn bản",
    "Cử cán bộ tham gia tổ công tác",
    "Phối hợp kiểm tra thực địa",
    "Bố trí kinh phí thực hiện",
    "Tuyên truyền, phổ biến",
    "Phối hợp tổng hợp, báo cáo",
};

constexpr std::array<std::string_view, 5> kNoDeadline = {"thường xuyên", "khẩn trương triển khai",
                                                         "hằng năm", "", "kịp thời"};

constexpr std::array<std::string_view, 6> kExtensionReasons = {
    "Chờ ý kiến thẩm định của các bộ, ngành Trung ương",
    "Khối lượng công việc lớn, cần thêm thời gian lấy ý kiến các cơ quan liên quan",
    "Vướng mắc trong công tác giải phóng mặt bằng",
    "Chưa được bố trí kinh phí thực hiện",
    "Điều chỉnh theo văn bản hướng dẫn mới của Trung ương",
    "Ảnh hưởng của thời tiết, mưa lũ kéo dài",
};

constexpr std::array<std::string_view, 3> kRefusalNotes = {
    "Không có căn cứ gia hạn; yêu cầu hoàn thành theo thời hạn đã giao",
    "Đề nghị tập trung thực hiện, bảo đảm thời hạn đã giao",
    "Lý do đề nghị gia hạn chưa thuyết phục",
};

constexpr std::array<std::string_view, 3> kReopenNotes = {
    "Kết quả chưa đạt yêu cầu, đề nghị bổ sung, hoàn thiện",
    "Báo cáo chưa đầy đủ nội dung theo yêu cầu",
    "Cần tiếp tục thực hiện theo ý kiến chỉ đạo mới",
};

constexpr std::array<std::string_view, 3> kCancelNotes = {
    "Nhiệm vụ không còn phù hợp do thay đổi chủ trương",
    "Đã được thay thế bằng nhiệm vụ tại văn bản mới",
    "Dừng thực hiện theo ý kiến của Thường trực UBND tỉnh",
};

constexpr std::array<std::string_view, 2> kReassignNotes = {
    "Giao lại cho cơ quan có chức năng phù hợp",
    "Điều chỉnh cơ quan chủ trì theo đề nghị của các sở, ngành",
};

constexpr std::array<std::string_view, 4> kCompletionNotes = {
    "Đã có báo cáo kết quả thực hiện",
    "Đã tham mưu UBND tỉnh ban hành văn bản",
    "Đã hoàn thành, có văn bản báo cáo kèm theo",
    "Đã tổ chức thực hiện xong",
};

constexpr std::array<std::string_view, 3> kComments = {
    "Đề nghị đẩy nhanh tiến độ thực hiện",
    "Văn phòng UBND tỉnh đã nhắc việc",
    "Đã làm việc với cơ quan chủ trì về tiến độ",
};

constexpr std::array kIndicators = {
    DemoIndicator{"Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)", "%",
                  Direction::kHigherIsBetter, 7.5, 8.0, false, "Sở Kế hoạch và Đầu tư", 0},
    DemoIndicator{"Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", Direction::kHigherIsBetter,
                  4500, 0, true, "Sở Tài chính", 4200},
    DemoIndicator{"Tổng vốn đầu tư toàn xã hội", "tỷ đồng", Direction::kHigherIsBetter, 21000, 0,
                  true, "Sở Kế hoạch và Đầu tư", 0},
    DemoIndicator{"Kim ngạch xuất khẩu", "triệu USD", Direction::kHigherIsBetter, 180, 0, true,
                  "Sở Công Thương", 0},
    DemoIndicator{"Tỷ lệ hộ nghèo", "%", Direction::kLowerIsBetter, 6.5, 0, false,
                  "Sở Lao động - Thương binh và Xã hội", 0},
    DemoIndicator{"Tỷ lệ che phủ rừng", "%", Direction::kHigherIsBetter, 63.5, 0, false,
                  "Sở Nông nghiệp và Phát triển nông thôn", 0},
    DemoIndicator{"Số doanh nghiệp thành lập mới", "doanh nghiệp", Direction::kHigherIsBetter, 550,
                  0, true, "Sở Kế hoạch và Đầu tư", 0},
    DemoIndicator{"Tỷ lệ dân số tham gia bảo hiểm y tế", "%", Direction::kHigherIsBetter, 95, 0,
                  false, "Bảo hiểm xã hội tỉnh", 0},
    DemoIndicator{"Tỷ lệ thất nghiệp khu vực thành thị", "%", Direction::kLowerIsBetter, 2.5, 0,
                  false, "Sở Lao động - Thương binh và Xã hội", 0},
    DemoIndicator{"Số xã đạt chuẩn nông thôn mới tăng thêm", "xã", Direction::kHigherIsBetter, 8, 0,
                  true, "Sở Nông nghiệp và Phát triển nông thôn", 0},
    DemoIndicator{"Tổng lượt khách du lịch", "nghìn lượt", Direction::kHigherIsBetter, 1250, 0,
                  true, "Sở Văn hóa, Thể thao và Du lịch", 0},
    DemoIndicator{"Tỷ lệ giải ngân vốn đầu tư công", "%", Direction::kHigherIsBetter, 95, 0, false,
                  "Sở Kế hoạch và Đầu tư", 0},
    DemoIndicator{"Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "%",
                  Direction::kHigherIsBetter, 98, 0, false, "Văn phòng Ủy ban nhân dân tỉnh", 0},
    DemoIndicator{"Số bác sĩ trên một vạn dân", "bác sĩ", Direction::kHigherIsBetter, 12, 0, false,
                  "Sở Y tế", 0},
    DemoIndicator{"Tỷ lệ trường học đạt chuẩn quốc gia", "%", Direction::kHigherIsBetter, 62, 0,
                  false, "Sở Giáo dục và Đào tạo", 0},
};

constexpr std::array kRegimes = {
    DemoRegime{"Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội hằng tháng",
               Cadence::kMonthly, 0, 20},
    DemoRegime{"Báo cáo kết quả thực hiện nhiệm vụ UBND tỉnh giao hằng quý", Cadence::kQuarterly, 0,
               18},
    DemoRegime{"Báo cáo sơ kết 6 tháng đầu năm", Cadence::kHalfYearly, 0, 18},
    DemoRegime{"Báo cáo tổng kết năm", Cadence::kAnnual, 0, 18},
};

}  // namespace

std::span<const ProvincialAgency> ProvincialAgencies() { return kProvincialAgencies; }
std::span<const Merger> Mergers() { return kMergers; }
bool CreatedByMerger(std::string_view name) { return name == "Sở Nông nghiệp và Môi trường"; }
std::span<const DistrictOffice> DistrictOffices() { return kDistrictOffices; }
std::span<const std::string_view> Provinces() { return kProvinces; }
std::span<const std::string_view> PlaceFirstSyllables() { return kPlaceFirst; }
std::span<const std::string_view> PlaceSecondSyllables() { return kPlaceSecond; }
std::span<const DocumentKind> DocumentKinds() { return kDocumentKinds; }
std::span<const std::string_view> Topics() { return kTopics; }
std::span<const std::string_view> OfficeUnits() { return kOfficeUnits; }
std::span<const std::string_view> TaskVerbs() { return kVerbs; }
std::span<const std::string_view> TaskObjects() { return kObjects; }
std::span<const std::string_view> TaskQualifiers() { return kQualifiers; }
std::span<const std::string_view> Contributions() { return kContributions; }
std::span<const std::string_view> NoDeadlineTexts() { return kNoDeadline; }
std::span<const std::string_view> ExtensionReasons() { return kExtensionReasons; }
std::span<const std::string_view> RefusalNotes() { return kRefusalNotes; }
std::span<const std::string_view> ReopenNotes() { return kReopenNotes; }
std::span<const std::string_view> CancelNotes() { return kCancelNotes; }
std::span<const std::string_view> ReassignNotes() { return kReassignNotes; }
std::span<const std::string_view> CompletionNotes() { return kCompletionNotes; }
std::span<const std::string_view> Comments() { return kComments; }
std::span<const DemoIndicator> Indicators() { return kIndicators; }
std::span<const DemoRegime> Regimes() { return kRegimes; }

}  // namespace dondoc::service::demo
